package eval

import (
	"fmt"
	"strings"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/app/standard"
	"junheng/app/wording/counts"
)

// itemEval builds item results against one catalogue.
type itemEval struct {
	std *standard.Standard
	f   *county.File
}

func (e itemEval) item(code string) *ItemResult {
	it := e.std.Item(code)
	return &ItemResult{Code: code, Name: it.Name}
}

func (e itemEval) missing(code, detail string) *ItemResult {
	r := e.item(code)
	r.Missing, r.Detail = true, detail
	return r
}

// yesNo decides an item from a clerk's yes/no fact with its evidence.
func (e itemEval) yesNo(code string, fact *county.YesNo) *ItemResult {
	if fact == nil || fact.OK == nil {
		return e.missing(code, "未填报（是/否）")
	}
	r := e.item(code)
	r.Pass, r.Evidence = *fact.OK, fact.Evidence
	r.Detail = map[bool]string{true: "是", false: "否"}[*fact.OK]
	return r
}

// ratio decides "num / den ≥ limit" from two county counts. It returns the
// rate (nil when missing) so callers can add conditions.
func (e itemEval) ratio(code string, num, den *int, limit float64, what string) (*ItemResult, *float64) {
	if num == nil || den == nil {
		return e.missing(code, "未填报"+what+"的人数"), nil
	}
	if *den == 0 {
		return e.missing(code, what+"的基数为 0，比例无法计算"), nil
	}
	rate := float64(*num) / float64(*den)
	r := e.item(code)
	r.Value = ptr(rate)
	r.Pass = standard.AtLeast(rate, limit)
	r.Detail = fmt.Sprintf("%s %s / %s = %s（标准 ≥ %s）", what, format.Int(*num), format.Int(*den), format.Percent(rate), format.Percent(limit))
	return r, r.Value
}

// failSchool records a failing school with its gaps as ONE entry: a school
// failing in two stages (or on two counts) is listed and counted once, its
// reasons joined. No gaps records nothing (the school met the item); it
// reports whether the school was recorded.
func (r *ItemResult) failSchool(s *county.School, gaps ...string) bool {
	if len(gaps) == 0 {
		return false
	}
	r.Schools = append(r.Schools, s.ID)
	gap := gaps[0]
	if len(gaps) > 1 {
		gap = strings.Join(gaps, "；")
	}
	r.Issues = append(r.Issues, s.Name+"："+gap)
	return true
}

// finishSchools sets the verdict of a per-school item from the schools it
// decided (checked), the failing ones among them (recorded by failSchool)
// and those lacking data (missing, by name). Schools (所) and 教学点 (个)
// are counted apart: 「3 所学校、1 个教学点中 1 所学校未达标」.
func (r *ItemResult) finishSchools(checked, failing counts.Set, missing named, what string) {
	switch {
	case len(missing.names) > 0:
		r.Missing = true
		r.Detail = missing.set.String() + "未填报" + what + "：" + missing.list()
	case checked.Total() == 0:
		r.NotApplicable, r.Pass = true, true
		r.Detail = "县域内无适用学校"
	case failing.Total() == 0:
		r.Pass = true
		r.Detail = checked.String() + "全部达标"
	default:
		r.Detail = checked.Among(failing, "未达标")
	}
	if failing.Total() > 0 && r.Missing {
		r.Detail += "；另有 " + checked.Plus(missing.set).Some(failing) + "未达标"
	}
}

// named are schools listed by name, counted as schools and 教学点.
type named struct {
	names []string
	set   counts.Set
}

func (n *named) add(s *county.School) {
	n.names = append(n.names, s.Name)
	n.set.Add(s.Type == county.TypePoint)
}

// list names at most three, then counts them all: 「甲、乙、丙 等 5 所」.
func (n named) list() string { return shortList(n.names, n.set) }

// compulsorySchool: 小学, 初中 and the combined schools, the "所有小学、初中"
// of G3–G5 and Q3–Q6. 教学点 are managed by their central school and
// 特殊教育学校 have their own standard.
func compulsorySchool(s *county.School) bool {
	switch s.Type {
	case county.TypePoint, county.TypeSpecial:
		return false
	}
	return true
}
