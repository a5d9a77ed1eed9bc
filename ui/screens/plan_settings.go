package screens

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/app/plan"
	w "junheng/ui/widgets"
)

// planSettings edits the county's planning block: a unit cost per lever
// (empty = the default, shown greyed in the box) with the lever's on/off
// tick, the cap on new teachers, the margin, 七项全部达标 and the schools
// left out. Values are read when saved or planned, never while typed.
type planSettings struct {
	env      *Env
	cost     map[string]*widget.Entry
	on       map[string]*widget.Check
	maxNew   *widget.Entry
	margin   *widget.Entry
	allSeven *widget.Check
	excluded []string // ids of the schools left out, in the file's order
	exclText *widget.Label
	loaded   *county.Planning // the block as stored when loaded
	ready    bool             // loaded once
	obj      fyne.CanvasObject
}

func newPlanSettings(env *Env, pick func()) *planSettings {
	ps := &planSettings{env: env, cost: map[string]*widget.Entry{}, on: map[string]*widget.Check{}}
	costs := container.New(layout.NewFormLayout())
	for _, k := range county.PlanningLevers {
		e := widget.NewEntry()
		c := widget.NewCheck(plan.LeverNames[k], nil)
		unit := widget.NewLabel(plan.LeverUnits[k])
		ps.cost[k], ps.on[k] = e, c
		costs.Add(c)
		costs.Add(container.NewBorder(nil, nil, nil, unit, e))
	}
	ps.maxNew = widget.NewEntry()
	ps.maxNew.SetPlaceHolder("不限")
	ps.margin = widget.NewEntry()
	ps.margin.SetPlaceHolder("0")
	ps.allSeven = widget.NewCheck("七项全部达标（不用 85% 的例外）", nil)
	ps.exclText = widget.NewLabel("")
	ps.exclText.Wrapping = fyne.TextWrapWord
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	note := widget.NewLabel("勾选的措施可用于方案；单价留空即用灰色显示的默认值。预留余量为学生增长留出余地（标准提高、差异系数限值降低相应百分比）。音乐、美术专用教室按教学及辅助用房单价测算，不能关闭。")
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	opts := container.New(layout.NewFormLayout(),
		widget.NewLabel("新增教师上限"), container.NewBorder(nil, nil, nil, widget.NewLabel("人"), ps.maxNew),
		widget.NewLabel("预留余量"), container.NewBorder(nil, nil, nil, widget.NewLabel("%（0–20）"), ps.margin))
	ps.obj = container.NewVBox(
		bold("措施与单价（测算假设）"), note, costs,
		bold("选项"),
		opts,
		ps.allSeven,
		bold("不纳入规划的学校（拟撤并）"),
		ps.exclText,
		container.NewHBox(widget.NewButton("选择学校…", pick)),
	)
	return ps
}

func (ps *planSettings) Object() fyne.CanvasObject { return ps.obj }

// costText prints a unit cost for its box (whole 元 without decimals).
func costText(x float64) string {
	if x == math.Trunc(x) {
		return format.Number(x, 0)
	}
	return format.Number(x, 2)
}

// load shows the stored planning block (absent: every default).
func (ps *planSettings) load() {
	f := ps.env.S.File
	pl := f.County.Planning
	ps.loaded, ps.ready = nil, true
	if pl != nil {
		c := *pl
		ps.loaded = &c
	} else {
		pl = &county.Planning{}
	}
	defaults := plan.DefaultCosts(f)
	for _, k := range county.PlanningLevers {
		e := ps.cost[k]
		e.SetPlaceHolder(costText(defaults[k]))
		e.SetText("")
		if v, ok := pl.Costs[k]; ok {
			e.SetText(costText(v))
		}
		ps.on[k].SetChecked(!slices.Contains(pl.Off, k))
	}
	ps.maxNew.SetText("")
	if pl.MaxNewTeachers != nil {
		ps.maxNew.SetText(fmt.Sprint(*pl.MaxNewTeachers))
	}
	ps.margin.SetText("")
	if pl.Margin != nil && *pl.Margin != 0 {
		ps.margin.SetText(costText(math.Round(*pl.Margin*1e4) / 100)) // 0.05 → 5, not 5.00
	}
	ps.allSeven.SetChecked(pl.AllSeven != nil && *pl.AllSeven)
	ps.setExcluded(pl.ExcludedSchools)
}

// setExcluded shows the schools left out (ids in the file's order; an id
// no longer in the file is kept and shown as it is).
func (ps *planSettings) setExcluded(ids []string) {
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	ps.excluded = nil
	var names []string
	for _, s := range ps.env.S.File.Schools {
		if want[s.ID] {
			ps.excluded = append(ps.excluded, s.ID)
			names = append(names, format.Safe(s.Name))
			delete(want, s.ID)
		}
	}
	for _, id := range ids {
		if want[id] {
			ps.excluded = append(ps.excluded, id)
			names = append(names, format.Safe(id))
		}
	}
	if len(names) == 0 {
		ps.exclText.SetText("无（全部学校纳入规划）")
		return
	}
	ps.exclText.SetText(fmt.Sprintf("%s：%s", format.Count(len(names), "所"), strings.Join(names, "、")))
}

// read turns the boxes into a planning block (nil: nothing set); the
// answer is "" or one sentence naming the box to fix.
func (ps *planSettings) read() (*county.Planning, string) {
	b := &county.Planning{}
	for _, k := range county.PlanningLevers {
		t := strings.TrimSpace(ps.cost[k].Text)
		if t != "" {
			v, why := w.ParseFloat(t)
			if why != "" || v == nil {
				return nil, fmt.Sprintf("「%s」的单价「%s」%s", plan.LeverNames[k], format.Safe(t), orNumber(why))
			}
			if b.Costs == nil {
				b.Costs = map[string]float64{}
			}
			b.Costs[k] = *v
		}
		if !ps.on[k].Checked {
			b.Off = append(b.Off, k)
		}
	}
	if t := strings.TrimSpace(ps.maxNew.Text); t != "" {
		n, why := w.ParseInt(t)
		if why != "" || n == nil {
			return nil, fmt.Sprintf("新增教师上限「%s」%s", format.Safe(t), orNumber(why))
		}
		b.MaxNewTeachers = n
	}
	if t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(ps.margin.Text), "%")); t != "" {
		v, why := w.ParseFloat(t)
		if why != "" || v == nil {
			return nil, fmt.Sprintf("预留余量「%s」%s", format.Safe(t), orNumber(why))
		}
		if *v > plan.MaxMargin*100 {
			return nil, fmt.Sprintf("预留余量为 %s%%，应在 0 到 20 之间", format.Number(*v, 2))
		}
		if *v != 0 {
			m := *v / 100
			b.Margin = &m
		}
	}
	if ps.allSeven.Checked {
		t := true
		b.AllSeven = &t
	}
	if len(ps.excluded) > 0 {
		b.ExcludedSchools = slices.Clone(ps.excluded)
	}
	if err := plan.CheckPlanning(b); err != nil {
		return nil, err.Error()
	}
	if reflect.DeepEqual(*b, county.Planning{}) {
		return nil, ""
	}
	return b, ""
}

func orNumber(why string) string {
	if why == "" {
		return "不是数字"
	}
	return "：" + why
}

// Dirty reports settings typed or ticked and not saved.
func (ps *planSettings) Dirty() bool {
	if ps.env.S == nil || !ps.ready {
		return false
	}
	b, why := ps.read()
	if why != "" {
		return true
	}
	return !samePlanning(b, ps.loaded)
}

// samePlanning compares two planning blocks by what they mean: the order
// of the lists, an absent cap or margin and a false 七项全部达标 aside.
func samePlanning(a, b *county.Planning) bool {
	norm := func(p *county.Planning) county.Planning {
		if p == nil {
			return county.Planning{}
		}
		n := county.Planning{Costs: p.Costs, MaxNewTeachers: p.MaxNewTeachers}
		if len(n.Costs) == 0 {
			n.Costs = nil
		}
		n.Off = slices.Sorted(slices.Values(p.Off))
		n.ExcludedSchools = slices.Sorted(slices.Values(p.ExcludedSchools))
		if p.Margin != nil && *p.Margin != 0 {
			n.Margin = p.Margin
		}
		if p.AllSeven != nil && *p.AllSeven {
			n.AllSeven = p.AllSeven
		}
		return n
	}
	return reflect.DeepEqual(norm(a), norm(b))
}

// chooseExcludedSchools lets the clerk tick the schools 不纳入规划: a list
// (a county may have a thousand) narrowed by a part of the name.
func chooseExcludedSchools(schools []county.School, chosen []string, win fyne.Window, done func(ids []string)) {
	on := map[string]bool{}
	for _, id := range chosen {
		on[id] = true
	}
	shown := schools
	list := widget.NewList(func() int { return len(shown) },
		func() fyne.CanvasObject { return widget.NewCheck("", nil) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c, s := o.(*widget.Check), shown[i]
			c.OnChanged = nil
			c.Text = format.Safe(s.Name) + "（" + s.Type + "）"
			c.SetChecked(on[s.ID])
			c.OnChanged = func(v bool) { on[s.ID] = v }
		})
	filter := widget.NewEntry()
	filter.SetPlaceHolder("输入校名的一部分，按回车筛选")
	filter.OnSubmitted = func(text string) {
		shown = nil
		for _, s := range schools {
			if strings.Contains(s.Name, strings.TrimSpace(text)) {
				shown = append(shown, s)
			}
		}
		list.Refresh()
	}
	msg := widget.NewLabel("勾选拟撤并、不再为其安排措施的学校。它们不达标时列为「未能解决」，差异系数按其现状测算。")
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("不纳入规划的学校", "确定", "取消",
		container.NewBorder(container.NewVBox(msg, filter), nil, nil, nil, list),
		func(ok bool) {
			if !ok {
				return
			}
			var ids []string
			for _, s := range schools {
				if on[s.ID] {
					ids = append(ids, s.ID)
				}
			}
			for _, id := range chosen { // a school no longer in the file stays left out
				if on[id] && !slices.ContainsFunc(schools, func(s county.School) bool { return s.ID == id }) {
					ids = append(ids, id)
				}
			}
			done(ids)
		}, win)
	d.Resize(fyne.NewSize(560, 480))
	d.Show()
}
