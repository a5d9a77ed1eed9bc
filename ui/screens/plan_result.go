package screens

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/app/plan"
)

// costGroups split a plan's total: 人员 (teachers), 基建 (buildings and
// grounds, the music and art rooms included) and 设备 (equipment,
// multimedia rooms).
var costGroups = []struct {
	name  string
	kinds []string
}{
	{"人员", []string{plan.KeyHire, plan.KeyUpgrade, plan.KeyBackbone, plan.KeyTransfer}},
	{"基建", []string{plan.KeyRooms, plan.KeyGround, plan.KindBuildMusic, plan.KindBuildArt, plan.KindEnlargeMusic, plan.KindEnlargeArt}},
	{"设备", []string{plan.KeyEquipment, plan.KeyMultimedia}},
}

// money prints an amount in 元, in 万元 from ten thousand on.
func money(x float64) string {
	if x >= 1e4 || x <= -1e4 {
		return format.Number(x/1e4, 2) + " 万元"
	}
	return format.Number(x, 0) + " 元"
}

// planRow is a line of the action list: a school's heading or an action.
type planRow struct {
	heading string
	cost    float64
	action  int // index into the plan's actions; -1 for a heading
}

// planResult shows a plan: the total and its split on top, then 方案概要
// (before → after), 措施清单 (actions by school, to tick for the 整改台账)
// and 未能解决.
type planResult struct {
	env     *Env
	pl      *plan.Plan
	file    *county.File // the data the plan was made from
	report  plan.Report  // pl laid out (as the workbook and the PDF print it)
	names   map[string]string
	version uint64 // the file version the plan was made from
	year    string
	saving  bool // a save of this page is under way

	total   *widget.Label
	split   *widget.Label
	stale   *widget.Label
	summary *fyne.Container
	rows    []planRow
	ticked  map[int]bool
	list    *widget.List
	unres   *widget.Label
	tabs    *container.AppTabs
	ledger  *planLedger
	exports *fyne.Container
	empty   *widget.Label
	body    fyne.CanvasObject
	obj     *fyne.Container
}

func newPlanResult(env *Env) *planResult {
	r := &planResult{env: env, ticked: map[int]bool{}}
	r.total = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.split = widget.NewLabel("")
	r.split.Wrapping = fyne.TextWrapWord
	r.stale = widget.NewLabel("")
	r.stale.Wrapping = fyne.TextWrapWord
	r.stale.Importance = widget.WarningImportance
	r.stale.Hide()
	r.summary = container.NewVBox()
	r.unres = widget.NewLabel("")
	r.unres.Wrapping = fyne.TextWrapWord
	r.list = widget.NewList(func() int { return len(r.rows) }, r.newRow, r.updateRow)
	r.list.OnSelected = func(id widget.ListItemID) {
		r.list.UnselectAll()
		if id < len(r.rows) && r.rows[id].action >= 0 {
			r.tick(r.rows[id].action, !r.ticked[r.rows[id].action])
		}
	}
	r.ledger = newPlanLedger(env, r)
	r.tabs = container.NewAppTabs(
		container.NewTabItem("方案概要", container.NewVScroll(r.summary)),
		container.NewTabItem("措施清单", container.NewBorder(nil, r.ledger.Object(), nil, nil, r.list)),
		container.NewTabItem("未能解决", container.NewVScroll(r.unres)),
	)
	r.exports = container.NewHBox(
		widget.NewButton("导出 Excel…", func() { r.export(".xlsx") }),
		widget.NewButton("导出 PDF…", func() { r.export(".pdf") }),
	)
	head := container.NewVBox(container.NewBorder(nil, nil, nil, r.exports, r.total), r.split, r.stale)
	r.body = container.NewBorder(head, nil, nil, nil, r.tabs)
	r.body.Hide()
	r.empty = widget.NewLabel("在左侧设置措施的单价和选项，点「生成方案」：程序测算使全部学校和差异系数达标、费用最低的措施组合。" +
		"所有金额均为按单价的测算，不是预算。")
	r.empty.Wrapping = fyne.TextWrapWord
	r.obj = container.NewStack(container.NewVBox(r.empty), r.body)
	return r
}

func (r *planResult) Object() fyne.CanvasObject { return r.obj }

// clear shows no plan (none was made, or none exists under the options).
func (r *planResult) clear() {
	r.pl, r.file = nil, nil
	r.ledger.deadline.SetText("") // the next plan takes the default of the year on screen
	r.rows, r.ticked = nil, map[int]bool{}
	r.body.Hide()
	r.empty.Show()
	r.obj.Refresh()
}

// follow marks a plan made from data that has changed since; another
// year drops it.
func (r *planResult) follow() {
	if r.pl == nil || r.saving {
		return
	}
	if r.env.S.Year != r.year {
		r.clear()
		return
	}
	if r.env.S.Version != r.version {
		r.stale.SetText("数据已修改：本方案按修改前的数据测算，请重新「生成方案」。")
		r.stale.Show()
	}
}

// ownSave runs a save of this page (the planning settings, the 整改台账
// rows) and keeps a plan current across it: it does not change what the
// plan was made from. The answer is save's.
func (r *planResult) ownSave(save func() string) string {
	current := r.pl != nil && r.version == r.env.S.Version
	r.saving = true
	why := save()
	r.saving = false
	if current && why == "" {
		r.version = r.env.S.Version
	}
	return why
}

// show lays out a plan.
func (r *planResult) show(pl *plan.Plan, f *county.File, version uint64) {
	r.pl, r.file, r.report, r.names, r.version, r.year = pl, f, plan.NewReport(pl, f), schoolNames(f), version, f.Year
	r.stale.Hide()
	r.total.SetText(fmt.Sprintf("测算总费用：%s（测算）", money(pl.TotalCost)))
	var parts []string
	for _, g := range costGroups {
		sum := 0.0
		for _, k := range g.kinds {
			sum += pl.ByKind[k]
		}
		parts = append(parts, g.name+" "+money(sum))
	}
	r.split.SetText(fmt.Sprintf("其中 %s（均为测算）；措施 %s。", strings.Join(parts, "，"), format.Count(len(pl.Actions), "项")))
	r.showSummary()
	r.showActions()
	r.showUnresolved()
	r.tabs.Items[1].Text = fmt.Sprintf("措施清单（%d）", len(pl.Actions))
	r.tabs.Items[2].Text = fmt.Sprintf("未能解决（%d）", len(pl.Unresolved))
	r.tabs.Refresh()
	r.empty.Hide()
	r.body.Show()
	r.obj.Refresh()
}

// showSummary is 方案概要: the state before → after the plan (测算), every
// coefficient of each stage, and the assumptions, as plan.Report lays
// them out for the workbook and the PDF.
func (r *planResult) showSummary() {
	rep := r.report
	b, a := rep.Before, rep.After
	r.summary.RemoveAll()
	line := func(s string) {
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		r.summary.Add(l)
	}
	bold := func(s string) {
		r.summary.Add(widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	bold("实施前 → 实施后（测算）")
	line(fmt.Sprintf("资源配置：%s → %s", plan.PassWord(b.ResourcePass), plan.PassWord(a.ResourcePass)))
	line(fmt.Sprintf("未达标的学校学段：%s → %s", format.Count(b.FailingParts, "个"), format.Count(a.FailingParts, "个")))
	line(fmt.Sprintf("音乐、美术专用教室（G3）未达标的学校：%s → %s", format.Count(b.G3Failing, "所"), format.Count(a.G3Failing, "所")))
	var grid *fyne.Container
	stage := ""
	for _, c := range rep.CV {
		if c.Stage != stage {
			stage = c.Stage
			bold(c.StageName + "校际差异系数（测算）")
			grid = container.NewGridWithColumns(3)
			r.summary.Add(grid)
		}
		after := widget.NewLabel(plan.PassWord(c.PassAfter))
		after.Importance = widget.SuccessImportance
		if !c.PassAfter {
			after.Importance = widget.DangerImportance
		}
		grid.Add(widget.NewLabel(c.Code + " " + c.Name))
		grid.Add(widget.NewLabel(plan.OptCV(c.Before) + " → " + plan.OptCV(c.After)))
		grid.Add(after)
	}
	bold("测算假设")
	for _, as := range append(slices.Clone(rep.Costs), rep.Options...) {
		line(as.Label + "：" + as.Value)
	}
	line(plan.Note)
}

// showActions lists the actions by the school they serve (a transfer
// under the school receiving the teacher), schools in id order.
func (r *planResult) showActions() {
	r.rows, r.ticked = r.rows[:0], map[int]bool{}
	groups := map[string][]int{}
	var ids []string
	for i, a := range r.pl.Actions {
		id := servedSchool(a)
		if _, ok := groups[id]; !ok {
			ids = append(ids, id)
		}
		groups[id] = append(groups[id], i)
	}
	slices.Sort(ids)
	for _, id := range ids {
		sum := 0.0
		for _, i := range groups[id] {
			sum += r.pl.Actions[i].Cost
		}
		name := r.names[id]
		if name == "" {
			name = id
		}
		r.rows = append(r.rows, planRow{heading: fmt.Sprintf("%s（%s）", format.Safe(name), format.Count(len(groups[id]), "项")), cost: sum, action: -1})
		for _, i := range groups[id] {
			r.rows = append(r.rows, planRow{action: i, cost: r.pl.Actions[i].Cost})
		}
	}
	r.list.Refresh()
	r.ledger.update()
}

// servedSchool is the school an action is for: the receiving school of a
// transfer, else the school it names.
func servedSchool(a plan.Action) string {
	if a.Kind == plan.KeyTransfer {
		return a.To
	}
	return a.School
}

func (r *planResult) newRow() fyne.CanvasObject {
	c := widget.NewCheck("", nil)
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	cost := widget.NewLabel("")
	return container.NewBorder(nil, nil, c, cost, l)
}

func (r *planResult) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	l, c, cost := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Check), box.Objects[2].(*widget.Label)
	row := r.rows[id]
	defer box.Refresh() // the cost's width changed: lay the row out again
	cost.SetText("测算 " + money(row.cost))
	c.OnChanged = nil
	if row.action < 0 {
		c.Hide()
		l.TextStyle = fyne.TextStyle{Bold: true}
		l.SetText(row.heading)
		return
	}
	i := row.action
	c.Show()
	c.SetChecked(r.ticked[i])
	c.OnChanged = func(on bool) { r.tick(i, on) }
	l.TextStyle = fyne.TextStyle{}
	l.SetText(r.pl.Actions[i].Describe(r.names))
}

// tick marks an action for the 整改台账.
func (r *planResult) tick(i int, on bool) {
	if r.ticked[i] == on {
		return
	}
	if on {
		r.ticked[i] = true
	} else {
		delete(r.ticked, i)
	}
	r.list.Refresh()
	r.ledger.update()
}

// tickAll ticks every action, or none.
func (r *planResult) tickAll(on bool) {
	r.ticked = map[int]bool{}
	if on && r.pl != nil {
		for i := range r.pl.Actions {
			r.ticked[i] = true
		}
	}
	r.list.Refresh()
	r.ledger.update()
}

// chosen are the ticked actions in the plan's order.
func (r *planResult) chosen() []plan.Action {
	var out []plan.Action
	if r.pl == nil {
		return nil
	}
	for i, a := range r.pl.Actions {
		if r.ticked[i] {
			out = append(out, a)
		}
	}
	return out
}

// showUnresolved is 未能解决: what the plan cannot fix, with why.
func (r *planResult) showUnresolved() {
	if len(r.report.Unresolved) == 0 {
		r.unres.SetText("没有方案无法解决的问题。县级指标（政府保障、教育质量、社会认可度等）不在本方案之内，见「整改清单」。")
		return
	}
	var lines []string
	for _, u := range r.report.Unresolved {
		lines = append(lines, fmt.Sprintf("· %s %s：%s", u.Where(), u.Item, format.Safe(u.Detail)))
	}
	r.unres.SetText("以下问题不能靠增加资源解决，列出以便另行安排：\n" + strings.Join(lines, "\n"))
}
