package screens

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/ui/session"
)

// planLedger turns the ticked actions of a plan into 整改台账 rows: the
// measure is the action as worded, the 责任单位 the school (县教体局 for a
// transfer), the 完成时限 the date typed (by default the end of the next
// school year), the item the one the action raises.
type planLedger struct {
	env      *Env
	r        *planResult
	deadline *widget.Entry
	add      *widget.Button
	msg      *widget.Label
	row      *fyne.Container
	obj      fyne.CanvasObject
}

func newPlanLedger(env *Env, r *planResult) *planLedger {
	l := &planLedger{env: env, r: r, deadline: widget.NewEntry(), msg: widget.NewLabel("")}
	l.msg.Wrapping = fyne.TextWrapWord
	l.deadline.SetPlaceHolder("如 2025-08-31")
	l.add = widget.NewButton("加入整改台账", l.addRows)
	l.add.Importance = widget.HighImportance
	all := widget.NewButton("全选", func() { r.tickAll(true) })
	none := widget.NewButton("全不选", func() { r.tickAll(false) })
	l.row = container.NewBorder(nil, nil, container.NewHBox(all, none, widget.NewLabel("完成时限")), l.add, l.deadline)
	l.obj = container.NewVBox(widget.NewSeparator(), l.row, l.msg)
	return l
}

func (l *planLedger) Object() fyne.CanvasObject { return l.obj }

// defaultDeadline is the end of the school year after the open one
// (2024-2025 → 2026-08-31), or "" when the year cannot be read.
func defaultDeadline(year string) string {
	next, ok := session.NextYear(year)
	if !ok {
		return ""
	}
	_, end, _ := strings.Cut(next, "-")
	return end + "-08-31"
}

// update follows the ticks: the button says how many rows it adds.
func (l *planLedger) update() {
	if l.deadline.Text == "" {
		l.deadline.SetText(defaultDeadline(l.env.S.Year))
	}
	n := len(l.r.chosen())
	defer l.row.Refresh() // the button's width changed: lay the row out again
	if n == 0 {
		l.add.SetText("加入整改台账")
		l.add.Disable()
		return
	}
	l.add.SetText(fmt.Sprintf("加入整改台账（%s）", format.Count(n, "项")))
	l.add.Enable()
}

// addRows files the ticked actions in the 整改台账 and saves the county
// facts: an item that already has a row gets the measure added to it
// (responsible unit and time limit kept when set).
func (l *planLedger) addRows() {
	acts := l.r.chosen()
	if len(acts) == 0 {
		return
	}
	deadline := strings.TrimSpace(l.deadline.Text)
	if deadline != "" {
		if _, err := time.Parse("2006-01-02", deadline); err != nil {
			l.msg.SetText(fmt.Sprintf("完成时限「%s」不是日期：请写成 2025-08-31 的样式。", format.Safe(deadline)))
			return
		}
	}
	s := l.env.S
	if err := s.Refresh(); err != nil {
		l.msg.SetText("未加入：" + err.Error())
		return
	}
	c := session.Clone(s.File.County)
	added, merged := 0, 0
	for _, a := range acts {
		k := rectKey{a.Item(), servedSchool(a)}
		measure := a.Describe(l.r.names)
		unit := a.Responsible(l.r.names)
		if i := rectExact(&c, k); i >= 0 {
			e := &c.Rectification[i]
			if !strings.Contains(e.Measure, measure) {
				e.Measure = strings.TrimPrefix(e.Measure+"；"+measure, "；")
			}
			if e.Unit == "" {
				e.Unit = unit
			} else if !strings.Contains(e.Unit, unit) {
				e.Unit += "、" + unit
			}
			if e.Deadline == "" {
				e.Deadline = deadline
			}
			if e.Status == "" {
				e.Status = county.RectificationStatuses[0]
			}
			merged++
			continue
		}
		c.Rectification = append(c.Rectification, county.Rectification{Code: k.code, SchoolID: county.S(k.school),
			Measure: measure, Unit: unit, Deadline: deadline, Status: county.RectificationStatuses[0]})
		added++
	}
	if why := l.r.ownSave(func() string { return saveCountyChecked(s, c) }); why != "" {
		l.msg.SetText("未加入：" + why)
		return
	}
	l.r.tickAll(false)
	text := fmt.Sprintf("已加入整改台账 %s", format.Count(added, "项"))
	if merged > 0 {
		text += fmt.Sprintf("，另有 %s并入已有的整改事项", format.Count(merged, "项"))
	}
	l.msg.SetText(text + "。可在「整改清单」查看和修改。")
	l.env.Status("已加入整改台账")
}
