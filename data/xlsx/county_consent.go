package xlsx

import (
	"fmt"

	"junheng/app/county"
	"junheng/app/format"
)

// ErrOtherCounty refuses a workbook that would put another county's data
// into this county's year: its 县级基本情况 renames the county (another
// name, or another code where both have one), or its 说明 sheet names
// another county. Like import-json and merge, it is applied only when the
// clerk consents (Plan.AcceptOtherCounty; the command line's
// --other-county).
type ErrOtherCounty struct {
	File, Year    string
	Ours, Theirs  string // the counties, as 「name」（代码 code）
	Rename        bool   // the county sheet renames the county
	InstructSheet bool   // the 说明 sheet names the other county
}

func (e *ErrOtherCounty) Error() string {
	return e.Warning() + "未导入任何内容。如确实要这样导入，请明确确认（命令行加 --other-county）。"
}

// Warning names the workbook and both counties: what a preview says
// before the clerk consents.
func (e *ErrOtherCounty) Warning() string {
	how := "的「说明」页写的是" + e.Theirs
	if e.Rename {
		how = "的「县级基本情况」把本县改为" + e.Theirs
	}
	return fmt.Sprintf("工作簿「%s」%s，而数据文件的 %s 学年是%s：不是同一个县。",
		format.Safe(e.File), how, format.Safe(e.Year), e.Ours)
}

// Consent is what the clerk confirms (the GUI's checkbox).
func (e *ErrOtherCounty) Consent() string {
	if e.Rename {
		return "确认：导入此工作簿，把本县" + e.Ours + "改为" + e.Theirs
	}
	return "确认：把写着" + e.Theirs + "的工作簿导入" + e.Ours + "的数据文件"
}

func countyText(name, code string) string {
	if code == "" {
		return "「" + format.Safe(name) + "」"
	}
	return "「" + format.Safe(name) + "」（代码 " + format.Safe(code) + "）"
}

// otherCounty says, for a plan from cur to after, whether the workbook is
// of another county (nil when not, or when the year holds no county yet).
func (pl *planner) otherCounty(cur, after *county.File) *ErrOtherCounty {
	ours := cur.County
	if ours.Name == "" {
		return nil
	}
	e := &ErrOtherCounty{File: pl.imp.Name, Year: cur.Year, Ours: countyText(ours.Name, ours.Code)}
	now := after.County
	if now.Name != ours.Name || now.Code != "" && ours.Code != "" && now.Code != ours.Code {
		e.Rename, e.Theirs = true, countyText(now.Name, now.Code)
		return e
	}
	if n := pl.imp.CountyName; n != "" && normalize(n) != normalize(ours.Name) {
		e.InstructSheet, e.Theirs = true, countyText(n, "")
		return e
	}
	return nil
}
