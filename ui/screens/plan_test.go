package screens

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/app/plan"
	"junheng/app/standard"
)

// showPlan opens 达标规划 on the demo county; mk, when set, answers 生成方案
// in place of the planner.
func showPlan(t *testing.T, mk planMaker) (*fixture, *planPage) {
	t.Helper()
	fx := newFixture(t)
	p := fx.pages[Plan].(*planPage)
	if mk != nil {
		p.make = mk
	}
	fx.show(Plan)
	return fx, p
}

// generate taps 生成方案 and waits for the answer.
func (p *planPage) generateNow(t *testing.T) {
	t.Helper()
	tapButton(t, p.Object(), "生成方案")
	p.wait()
}

// demoPlan is a plan over the demo's schools: a PE teacher hired at the
// first school, a backbone teacher moved from the second to the third,
// rooms built at the first, and one thing it cannot fix.
func demoPlan(f *county.File) *plan.Plan {
	a, b, c := f.Schools[0].ID, f.Schools[1].ID, f.Schools[2].ID
	acts := []plan.Action{
		{Kind: plan.KeyHire, School: a, Stage: "primary", Subject: plan.SubjectPE, Count: 2, Cost: 196000},
		{Kind: plan.KeyRooms, School: a, Area: 120, Cost: 360000},
		{Kind: plan.KeyTransfer, From: b, To: c, Stage: "primary", Teacher: plan.TeacherBackbone, Count: 1, Cost: 5000},
	}
	cv := map[string]map[string]float64{"primary": {"R1": 0.52, "R2": 0.61}, "junior": {"R1": 0.41}}
	cvAfter := map[string]map[string]float64{"primary": {"R1": 0.48, "R2": 0.49}, "junior": {"R1": 0.40}}
	return &plan.Plan{Format: plan.Format, County: f.County.Name, Year: f.Year, Costs: plan.DefaultCosts(f),
		Actions: acts, TotalCost: 561000,
		ByKind: map[string]float64{plan.KeyHire: 196000, plan.KeyRooms: 360000, plan.KeyTransfer: 5000},
		Before: plan.Summary{FailingParts: 3, CV: cv, CVPass: map[string]map[string]bool{"primary": {"R1": false}}, G3Failing: 1},
		After: plan.Summary{ResourcePass: true, G3Pass: true, CV: cvAfter,
			CVPass: map[string]map[string]bool{"primary": {"R1": true, "R2": true}, "junior": {"R1": true}}},
		Unresolved: []plan.Unresolved{{Item: "G5", School: f.Schools[3].ID, Detail: "需增加 2 个班"}},
	}
}

func fixed(pl *plan.Plan, err error) planMaker {
	return func(*county.File, *standard.Standard, plan.Options, plan.Progress) (*plan.Plan, error) {
		return pl, err
	}
}

// The planner itself on the demo county: the total (测算) and every action
// it chose are on screen.
func TestPlanGenerateShowsTotalAndActions(t *testing.T) {
	fx, p := showPlan(t, nil)
	want, err := plan.Make(fx.env.S.File, fx.env.S.Std, mustOptions(t, fx), nil)
	if err != nil {
		t.Fatal(err)
	}
	p.generateNow(t)
	if !strings.Contains(p.res.total.Text, "测算总费用："+money(want.TotalCost)+"（测算）") {
		t.Fatalf("total reads %q, want %s", p.res.total.Text, money(want.TotalCost))
	}
	if got := p.res.tabs.Items[1].Text; got != "措施清单（"+strconv.Itoa(len(want.Actions))+"）" {
		t.Errorf("tab reads %q for %d actions", got, len(want.Actions))
	}
	if len(want.Actions) == 0 || want.TotalCost <= 0 {
		t.Fatalf("the demo county fails, yet its plan has %d actions costing %v", len(want.Actions), want.TotalCost)
	}
	listed(t, p, want.Actions)
}

// listed opens 措施清单 and checks every action is in it, worded; it
// returns the texts on the tab.
func listed(t *testing.T, p *planPage, acts []plan.Action) string {
	t.Helper()
	p.res.tabs.SelectIndex(1)
	shown := strings.Join(texts(p.res.list), "\n")
	for _, a := range acts {
		if !strings.Contains(shown, a.Describe(p.res.names)) {
			t.Errorf("action %q not listed in\n%s", a.Describe(p.res.names), shown)
		}
	}
	return shown
}

// 全选 and 加入整改台账 on the demo's own plan: one row per action, filed
// under the item it raises, the school responsible.
func TestPlanDemoActionsJoinTheLedger(t *testing.T) {
	fx, p := showPlan(t, nil)
	p.generateNow(t)
	pl := p.res.pl
	p.res.tabs.SelectIndex(1)
	tapButton(t, p.Object(), "全选")
	tapButton(t, p.Object(), fmt.Sprintf("加入整改台账（%d项）", len(pl.Actions)))
	names := schoolNames(fx.env.S.File)
	got := map[string]county.Rectification{}
	for _, r := range fx.env.S.File.County.Rectification {
		got[r.Measure] = r
	}
	for _, a := range pl.Actions {
		r, ok := got[a.Describe(names)]
		if !ok {
			t.Errorf("no ledger row for %q (%s)", a.Describe(names), p.res.ledger.msg.Text)
			continue
		}
		if r.Code != a.Item() || r.Unit != a.Responsible(names) || *r.SchoolID != servedSchool(a) {
			t.Errorf("%q filed as %s at %s by %s", r.Measure, r.Code, *r.SchoolID, r.Unit)
		}
		if a.Kind == plan.KindEnlargeArt && r.Code != "G3" || a.Kind == plan.KeyGround && r.Code != "R5" {
			t.Errorf("%s filed under %s", a.Kind, r.Code)
		}
	}
}

func mustOptions(t *testing.T, fx *fixture) plan.Options {
	t.Helper()
	o, err := plan.OptionsFor(fx.env.S.File, fx.env.S.Settings.Options())
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// A plan with actions: the total and its split in 万元, the actions worded
// under their schools with their cost, before → after, the unresolved.
func TestPlanShowsActionsBySchool(t *testing.T) {
	fx, p := showPlan(t, nil)
	pl := demoPlan(fx.env.S.File)
	p.make = fixed(pl, nil)
	p.generateNow(t)
	if got := p.res.total.Text; got != "测算总费用：56.10 万元（测算）" {
		t.Errorf("total %q", got)
	}
	if got := p.res.split.Text; !strings.Contains(got, "人员 20.10 万元，基建 36.00 万元，设备 0 元") {
		t.Errorf("split %q", got)
	}
	shown := listed(t, p, pl.Actions)
	for _, want := range []string{fx.env.S.File.Schools[0].Name + "（2项）", "测算 19.60 万元", "测算 5,000 元"} {
		if !strings.Contains(shown, want) {
			t.Errorf("%q not shown in\n%s", want, shown)
		}
	}
	summary := strings.Join(texts(p.res.summary), "\n")
	for _, want := range []string{"未达标的学校学段：3个 → 0个", "0.520 → 0.480", "资源配置：未达标 → 达标"} {
		if !strings.Contains(summary, want) {
			t.Errorf("%q not in the summary:\n%s", want, summary)
		}
	}
	if !strings.Contains(p.res.unres.Text, "需增加 2 个班") {
		t.Errorf("unresolved: %q", p.res.unres.Text)
	}
}

// tickAction taps the check of the listed action worded text.
func tickAction(t *testing.T, p *planPage, text string) {
	t.Helper()
	var check *widget.Check
	walk(p.res.list, func(o fyne.CanvasObject) {
		if c, ok := o.(*fyne.Container); ok && len(c.Objects) == 3 {
			if l, ok := c.Objects[0].(*widget.Label); ok && l.Text == text {
				check, _ = c.Objects[1].(*widget.Check)
			}
		}
	})
	if check == nil {
		t.Fatalf("no action %q in the list", text)
	}
	test.Tap(check)
}

// Two ticked actions become two 整改台账 rows: the measure as worded, the
// school or 县教体局 responsible, the item it raises, the time limit typed.
func TestPlanTickedActionsJoinTheLedger(t *testing.T) {
	fx, p := showPlan(t, nil)
	f := fx.env.S.File
	pl := demoPlan(f)
	p.make = fixed(pl, nil)
	p.generateNow(t)
	p.res.tabs.SelectIndex(1)
	names := schoolNames(f)
	before := len(f.County.Rectification)
	tickAction(t, p, pl.Actions[0].Describe(names))
	tickAction(t, p, pl.Actions[2].Describe(names))
	if got := p.res.ledger.deadline.Text; got != defaultDeadline(f.Year) || got == "" {
		t.Errorf("time limit defaults to %q", got)
	}
	p.res.ledger.deadline.SetText("")
	test.Type(p.res.ledger.deadline, "2026-08-31")
	tapButton(t, p.Object(), "加入整改台账（2项）")
	fx.env.S.Wait()

	stored, _ := fx.store.LoadYear(f.Year)
	rows := stored.County.Rectification
	if len(rows) != before+2 {
		t.Fatalf("%d ledger rows, want %d (%s)", len(rows), before+2, p.res.ledger.msg.Text)
	}
	got := rows[before:]
	want := []county.Rectification{
		{Code: "R3", SchoolID: county.S(f.Schools[0].ID), Measure: pl.Actions[0].Describe(names), Unit: f.Schools[0].Name, Deadline: "2026-08-31", Status: "未开始"},
		{Code: "R2", SchoolID: county.S(f.Schools[2].ID), Measure: pl.Actions[2].Describe(names), Unit: "县教体局", Deadline: "2026-08-31", Status: "未开始"},
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Code != w.Code || *g.SchoolID != *w.SchoolID || g.Measure != w.Measure || g.Unit != w.Unit || g.Deadline != w.Deadline || g.Status != w.Status {
			t.Errorf("row %d = %+v (school %s), want %+v (school %s)", i, g, *g.SchoolID, w, *w.SchoolID)
		}
	}
	if len(p.res.chosen()) != 0 {
		t.Error("the ticks stay after the rows were added")
	}
	if p.res.stale.Visible() {
		t.Error("adding ledger rows marks the plan as made from other data")
	}
}

// No plan under the options: the planner's sentence in a dialog, no plan.
func TestPlanInfeasibleShowsTheSentence(t *testing.T) {
	const why = "不允许新增教师和交流轮岗时，义马市第一小学体育、艺术教师无法达到标准"
	fx, p := showPlan(t, fixed(nil, &plan.Infeasible{Sentence: why}))
	test.Tap(p.set.on[plan.KeyHire])
	test.Tap(p.set.on[plan.KeyTransfer])
	p.generateNow(t)
	if got := overlayTexts(fx.win); !strings.Contains(got, why) {
		t.Fatalf("dialog reads %q", got)
	}
	if p.res.pl != nil || p.res.body.Visible() {
		t.Error("a plan is shown")
	}
}

// Costs and options typed and saved are the county's planning block,
// stored; typed and not saved, the page is dirty.
func TestPlanEditingACostUpdatesThePlanningBlock(t *testing.T) {
	fx, p := showPlan(t, nil)
	if p.Dirty() {
		t.Fatal("dirty before any input")
	}
	if got := p.set.cost[plan.KeyHire].PlaceHolder; got == "" {
		t.Error("no default shown in the hire cost")
	}
	test.Type(p.set.cost[plan.KeyHire], "98,000")
	test.Tap(p.set.on[plan.KeyTransfer])
	test.Type(p.set.margin, "5")
	test.Type(p.set.maxNew, "40")
	if !p.Dirty() {
		t.Fatal("typing a cost does not mark the page as changed")
	}
	tapButton(t, p.Object(), "保存设置（Ctrl+S）")
	fx.env.S.Wait()
	if p.msg.Text != "" {
		t.Fatalf("save refused: %s", p.msg.Text)
	}
	stored, _ := fx.store.LoadYear(fx.env.S.Year)
	for _, pl := range []*county.Planning{fx.env.S.File.County.Planning, stored.County.Planning} {
		if pl == nil {
			t.Fatal("no planning block")
		}
		if pl.Costs[plan.KeyHire] != 98000 || len(pl.Costs) != 1 {
			t.Errorf("costs %v", pl.Costs)
		}
		if !slices.Equal(pl.Off, []string{plan.KeyTransfer}) {
			t.Errorf("off %v", pl.Off)
		}
		if pl.Margin == nil || *pl.Margin != 0.05 || pl.MaxNewTeachers == nil || *pl.MaxNewTeachers != 40 {
			t.Errorf("margin %v, cap %v", pl.Margin, pl.MaxNewTeachers)
		}
	}
	if p.Dirty() {
		t.Error("still dirty after saving")
	}
	if got := p.set.margin.Text + " " + p.set.cost[plan.KeyHire].Text; got != "5 98,000" {
		t.Errorf("the saved margin and hire cost read %q", got)
	}
	// A cost out of range is refused with the field named.
	p.set.cost[plan.KeyGround].SetText("")
	test.Type(p.set.cost[plan.KeyGround], "-3")
	tapButton(t, p.Object(), "保存设置（Ctrl+S）")
	if !strings.Contains(p.msg.Text, "新建室外运动场地") {
		t.Errorf("a negative cost: %q", p.msg.Text)
	}
}

// With a plan on screen the page fits the window at 1366×768, 100 % and
// 125 % (after the navigation and the top bar: 1,000 × 480 units).
func TestPlanPageFits(t *testing.T) {
	fx, p := showPlan(t, nil)
	p.make = fixed(demoPlan(fx.env.S.File), nil)
	p.generateNow(t)
	for i := range p.res.tabs.Items {
		p.res.tabs.SelectIndex(i)
		if ms := p.Object().MinSize(); ms.Width > 1000 || ms.Height > 480 {
			t.Errorf("tab %d: the page needs %v", i, ms)
		}
	}
	// Texts set after a row was laid out (a cost, the button's count) stay
	// inside it: the row is laid out again.
	p.res.tick(0, true)
	rows := []*fyne.Container{p.res.ledger.row}
	walk(p.res.list, func(o fyne.CanvasObject) {
		if c, ok := o.(*fyne.Container); ok && len(c.Objects) == 3 {
			rows = append(rows, c)
		}
	})
	for _, c := range rows {
		for _, o := range c.Objects {
			if !o.Visible() {
				continue
			}
			if o.Position().X+o.Size().Width > c.Size().Width+0.5 || o.Size().Width < o.MinSize().Width-0.5 {
				t.Errorf("%T is %.0f wide (needs %.0f) and ends at %.0f in a row %.0f wide",
					o, o.Size().Width, o.MinSize().Width, o.Position().X+o.Size().Width, c.Size().Width)
			}
		}
	}
}

// A plan that takes a while: 生成方案 returns at once (the window goes on),
// the button waits, a progress dialog opens after half a second and
// closes with the answer.
func TestPlanSlowPlanShowsProgress(t *testing.T) {
	fx, p := showPlan(t, nil)
	pl := demoPlan(fx.env.S.File)
	release := make(chan struct{})
	p.make = func(_ *county.File, _ *standard.Standard, _ plan.Options, progress plan.Progress) (*plan.Plan, error) {
		progress(0.4)
		<-release
		return pl, nil
	}
	tapButton(t, p.Object(), "生成方案")
	if !p.generate.Disabled() {
		t.Error("生成方案 can be tapped again while a plan is being made")
	}
	time.Sleep(800 * time.Millisecond)
	close(release)
	p.wait()
	if !p.shown {
		t.Error("no progress shown for a plan taking 0.8 s")
	}
	if p.progress != nil || fx.win.Canvas().Overlays().Top() != nil {
		t.Error("the progress dialog stays open")
	}
	if p.generate.Disabled() || p.res.pl != pl {
		t.Error("the plan is not shown, or 生成方案 stays disabled")
	}
}

// 导出 writes the plan on screen as the command line does: a workbook, a PDF.
func TestPlanExportsWorkbookAndPDF(t *testing.T) {
	fx, p := showPlan(t, nil)
	p.generateNow(t)
	dir := t.TempDir()
	for ext, magic := range map[string]string{".xlsx": "PK", ".pdf": "%PDF"} {
		path := filepath.Join(dir, "规划"+ext)
		p.res.write(path, ext)
		b, err := os.ReadFile(path)
		if err != nil || !strings.HasPrefix(string(b), magic) {
			t.Errorf("%s: %v, starts %q", ext, err, string(b[:min(len(b), 4)]))
		}
		if got := overlayTexts(fx.win); !strings.Contains(got, "达标规划测算") {
			t.Errorf("%s: the dialog after writing reads %q", ext, got)
		}
	}
}

// 不纳入规划: the schools ticked in the picker are left out of the plan
// made next (its options name them) and saved with the settings.
func TestPlanExcludedSchoolsPicker(t *testing.T) {
	fx, p := showPlan(t, nil)
	var got plan.Options
	p.make = func(f *county.File, std *standard.Standard, o plan.Options, pr plan.Progress) (*plan.Plan, error) {
		got = o
		return plan.Make(f, std, o, pr)
	}
	sc := fx.env.S.File.Schools[2]
	tapButton(t, p.Object(), "选择学校…")
	ov := fx.win.Canvas().Overlays().Top()
	var check *widget.Check
	walk(ov, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && strings.HasPrefix(c.Text, sc.Name+"（") {
			check = c
		}
	})
	if check == nil {
		t.Fatalf("%s is not offered in\n%s", sc.Name, overlayTexts(fx.win))
	}
	test.Tap(check)
	tapButton(t, ov, "确定")
	if !strings.Contains(p.set.exclText.Text, sc.Name) || !p.Dirty() {
		t.Fatalf("picked %s; the page shows %q", sc.Name, p.set.exclText.Text)
	}
	p.generateNow(t)
	if !got.Excluded[sc.ID] || len(got.Excluded) != 1 {
		t.Errorf("the plan was made leaving out %v", got.Excluded)
	}
	if !strings.Contains(strings.Join(texts(p.res.summary), "\n"), sc.Name) {
		t.Error("the assumptions do not name the school left out")
	}
	if !p.Save() || !slices.Equal(fx.env.S.File.County.Planning.ExcludedSchools, []string{sc.ID}) {
		t.Errorf("saved %+v (%s)", fx.env.S.File.County.Planning, p.msg.Text)
	}
}

// A plan made before the data changed says so until it is made again; a
// plan of another year is dropped.
func TestPlanMarkedStaleWhenTheDataChange(t *testing.T) {
	fx, p := showPlan(t, nil)
	p.generateNow(t)
	s := fx.env.S
	sc := s.File.Schools[0]
	sc.Name += "（新）"
	if err := s.SaveSchool(sc.ID, sc); err != nil {
		t.Fatal(err)
	}
	if !p.res.stale.Visible() || !strings.Contains(p.res.stale.Text, "重新「生成方案」") {
		t.Fatalf("no note after a school was saved: %q", p.res.stale.Text)
	}
	p.generateNow(t)
	if p.res.stale.Visible() {
		t.Error("the note stays on a new plan")
	}
	next, err := s.CopyLastYear()
	if err != nil {
		t.Fatal(err)
	}
	if p.res.pl != nil || p.res.body.Visible() {
		t.Errorf("the plan of %s stays on screen in %s", p.res.year, next)
	}
}
