package screens

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/proofread"
	"junheng/assets/demo"
	"junheng/ui/session"
)

// schoolTodo is the first to-do item of the demo that belongs to a school.
func schoolTodo(t *testing.T, fx *fixture) eval.Todo {
	t.Helper()
	for _, td := range fx.env.S.Result.Verdict.Todo {
		if td.SchoolID != "" {
			return td
		}
	}
	t.Fatal("the demo has no school to-do item")
	return eval.Todo{}
}

// tapLedgerButton taps 「填写整改」 on the list row of a to-do item, as the clerk does.
func tapLedgerButton(t *testing.T, fx *fixture, p *todo, item eval.Todo) {
	t.Helper()
	for i, r := range p.rows {
		if r.item != nil && *r.item == item {
			p.list.ScrollTo(i)
			row := p.list.CreateItem()
			p.list.UpdateItem(i, row)
			row.(*fyne.Container).Objects[1].(*widget.Button).OnTapped()
			return
		}
	}
	t.Fatalf("no list row for %s %s", item.Code, item.Text)
}

func storedRect(t *testing.T, fx *fixture, item eval.Todo) *county.Rectification {
	t.Helper()
	f, err := fx.store.LoadYear(fx.env.S.Year)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range f.County.Rectification {
		if r.Code == item.Code && r.SchoolID != nil && *r.SchoolID == item.SchoolID {
			return &f.County.Rectification[i]
		}
	}
	return nil
}

// 整改清单: the measure, unit, deadline and status typed for an item are
// stored in the 整改台账 under its code and school, and shown on its row.
func TestLedgerEditedOnTheTodoListIsStored(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Todo).(*todo)
	item := schoolTodo(t, fx)
	if storedRect(t, fx, item) != nil {
		t.Fatal("the demo already has a 整改台账 entry for the item: the test would prove nothing")
	}
	tapLedgerButton(t, fx, p, item)
	form := p.ledger.facts.form
	typeInto(form.Field("county.rectification.measure"), "秋季学期招聘并认定骨干教师3名")
	typeInto(form.Field("county.rectification.unit"), "市教体局人事股")
	typeInto(form.Field("county.rectification.deadline"), "2025-08-31")
	typeInto(form.Field("county.rectification.status"), "进行中")
	if !p.Dirty() {
		t.Fatal("typing did not mark 整改清单 as changed")
	}
	if !p.Save() {
		t.Fatalf("save refused: %s", p.ledger.facts.msg.Text)
	}
	r := storedRect(t, fx, item)
	if r == nil || r.Measure != "秋季学期招聘并认定骨干教师3名" || r.Unit != "市教体局人事股" || r.Deadline != "2025-08-31" || r.Status != "进行中" {
		t.Fatalf("the store holds %+v", r)
	}
	if p.Dirty() {
		t.Fatal("the page is still dirty after the save")
	}
	if got := statusOf(&fx.env.S.File.County, item); got != "进行中" {
		t.Fatalf("the row shows status %q", got)
	}
	// A second edit changes only what was changed.
	typeInto(form.Field("county.rectification.status"), "已完成")
	if !p.Save() {
		t.Fatalf("second save refused: %s", p.ledger.facts.msg.Text)
	}
	if r := storedRect(t, fx, item); r == nil || r.Status != "已完成" || r.Measure != "秋季学期招聘并认定骨干教师3名" {
		t.Fatalf("after the second save the store holds %+v", r)
	}
}

// A deadline that is not a date is refused beside the field with the
// catalogue's reason, and nothing is stored.
func TestLedgerRefusesABadDeadline(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Todo).(*todo)
	item := schoolTodo(t, fx)
	tapLedgerButton(t, fx, p, item)
	f := p.ledger.facts.form.Field("county.rectification.deadline")
	typeInto(f, "2025-02-30")
	if p.Save() {
		t.Fatal("an impossible date was saved")
	}
	sp, _ := county.Spec("county.rectification.deadline")
	if _, _, why := sp.ParseText("2025-02-30"); why == "" || f.Msg.Text != why {
		t.Fatalf("message beside 完成时限 = %q, want the catalogue's %q", f.Msg.Text, why)
	}
	if len(fx.store.Changes) != 0 || storedRect(t, fx, item) != nil {
		t.Fatal("the store was written")
	}
}

// Choosing an item, looking at its ledger and leaving changes nothing.
func TestOpeningTheLedgerAndCancellingChangesNothing(t *testing.T) {
	fx := newFixture(t)
	before := fx.snapshot()
	p := fx.show(Todo).(*todo)
	for _, item := range fx.env.S.Result.Verdict.Todo[:min(5, len(fx.env.S.Result.Verdict.Todo))] {
		tapLedgerButton(t, fx, p, item)
		fx.lookAt()
		if p.Dirty() {
			t.Fatalf("整改清单 is dirty after only looking at %s", item.Text)
		}
	}
	// Typed and typed back: nothing to save.
	m := p.ledger.facts.form.Field("county.rectification.measure")
	typeInto(m, "临时")
	typeInto(m, "")
	if p.Dirty() {
		t.Fatal("a field typed back to what it was counts as a change")
	}
	if after := fx.snapshot(); after != before {
		t.Fatal("looking at the 整改台账 changed the county or its evaluation")
	}
	if len(fx.store.Changes) != 0 {
		t.Fatalf("the store recorded %d writes", len(fx.store.Changes))
	}
}

// 县域概况: a 表Ⅰ fact and the application's date go to the store and come
// back on the form; a bad date is refused beside its field.
func TestCountyFormRoundTripOfTableIFacts(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Profile).(*facts)
	area := p.form.Field("county.area_km2")
	date := p.form.Field("county.application.date")
	if area == nil || date == nil || p.form.Field("county.narrative.request") == nil || !p.form.Field("county.narrative.request").Multi {
		t.Fatal("县域概况 lacks 土地面积, 申报日期 or a multi-line 申请报告")
	}
	sp, _ := county.Spec("county.area_km2")
	if area.Label != sp.Label || area.Unit != sp.Unit {
		t.Fatalf("土地面积 shows %q %q, the catalogue says %q %q", area.Label, area.Unit, sp.Label, sp.Unit)
	}
	typeInto(date, "2025-13-01")
	if p.Save() {
		t.Fatal("a month 13 was saved")
	}
	dsp, _ := county.Spec("county.application.date")
	if _, _, why := dsp.ParseText("2025-13-01"); why == "" || date.Msg.Text != why {
		t.Fatalf("message beside 申报日期 = %q, want the catalogue's %q", date.Msg.Text, why)
	}
	if len(fx.store.Changes) != 0 {
		t.Fatal("the store was written")
	}
	typeInto(date, "2025-03-08")
	typeInto(area, "１,１２0.5") // full-width digits and a separator, as clerks type
	if !p.Save() {
		t.Fatalf("save refused: %s", p.msg.Text)
	}
	f, _ := fx.store.LoadYear(fx.env.S.Year)
	c := f.County
	if c.AreaKm2 == nil || *c.AreaKm2 != 1120.5 || c.Application == nil || c.Application.Date != "2025-03-08" || c.Application.Applicant != "" {
		t.Fatalf("the store holds area %v, application %+v", c.AreaKm2, c.Application)
	}
	p.load()
	if area.Text() != "1120.5" || date.Text() != "2025-03-08" {
		t.Fatalf("reloaded form shows %q, %q", area.Text(), date.Text())
	}
	// A bound of the catalogue is refused with the catalogue's message.
	typeInto(area, "20000000")
	if p.Save() {
		t.Fatal("an area beyond the bound was saved")
	}
	if m := sp.CheckNumber(20000000); m == "" || !strings.Contains(area.Msg.Text, m) {
		t.Fatalf("message beside 土地面积 = %q, want %q", area.Msg.Text, m)
	}
}

// 县域概况: the 请示's 发文字号, 签发人 and 附件 (one title a line) go to the
// store, keep the application's other fields, and come back on the form.
func TestCountyFormRoundTripOfApplicationDocFields(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Profile).(*facts)
	before, _ := fx.store.LoadYear(fx.env.S.Year)
	doc := p.form.Field("county.application.doc_no")
	signer := p.form.Field("county.application.signer")
	att := p.form.Field("county.application.attachments")
	if doc == nil || signer == nil || att == nil {
		t.Fatal("申报信息 lacks 发文字号, 签发人 or 附件")
	}
	if !att.Multi {
		t.Fatal("附件 is not multi-line: one title a line")
	}
	for _, path := range []string{"county.application.doc_no", "county.application.signer", "county.application.attachments"} {
		sp, _ := county.Spec(path)
		if l := p.form.Field(path).Label; l != sp.Label {
			t.Errorf("%s shows %q, the catalogue says %q", path, l, sp.Label)
		}
	}
	const attachments = "义马市自评报告\n义马市督导评估申报表"
	typeInto(doc, "义政文〔2025〕12号")
	typeInto(signer, "王芳")
	typeInto(att, attachments)
	if !p.Save() {
		t.Fatalf("save refused: %s", p.msg.Text)
	}
	f, _ := fx.store.LoadYear(fx.env.S.Year)
	want := county.Application{DocNo: "义政文〔2025〕12号", Signer: "王芳", Attachments: attachments}
	if before.County.Application != nil {
		want.Date, want.Applicant, want.Office = before.County.Application.Date, before.County.Application.Applicant, before.County.Application.Office
		want.Contact, want.Phone = before.County.Application.Contact, before.County.Application.Phone
	}
	if a := f.County.Application; a == nil || *a != want {
		t.Fatalf("the store holds application %+v, want %+v", a, want)
	}
	p.load()
	if doc.Text() != want.DocNo || signer.Text() != want.Signer || att.Text() != attachments {
		t.Fatalf("reloaded form shows %q, %q, %q", doc.Text(), signer.Text(), att.Text())
	}
}

var latin = regexp.MustCompile(`[A-Za-z_]{2,}|county\.`)

// Found by looking: the survey page labelled a field 「学生.respondents」.
// Every label, unit and hint of 社会认可度 is Chinese (item codes like S1
// aside) and the counts carry the catalogue's labels.
func TestSurveyPageShowsNoInternalWords(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Survey).(*facts)
	walk(p.Object(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && latin.MatchString(l.Text) {
			t.Errorf("the survey page shows %q", l.Text)
		}
	})
	for _, g := range county.SurveyGroups {
		for i, path := range []string{"county.survey." + g + "[0]", "county.survey." + g} {
			f := p.form.Field(path)
			sp, _ := county.Spec("county.survey." + g + "[" + itoaPlain(i) + "]")
			if f == nil || f.Label != sp.Label {
				t.Fatalf("%s: field %v, want label %q", path, f, sp.Label)
			}
		}
	}
	if f := p.form.Field("county.survey_conduct.valid"); f == nil {
		t.Fatal("the survey page lacks 有效问卷数")
	}
}

// The survey's conduct is saved, and a validation rule of the catalogue
// (valid ≤ issued) shows beside its field.
func TestSurveyConductSaved(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Survey).(*facts)
	typeInto(p.form.Field("county.survey_conduct.issued"), "1500")
	typeInto(p.form.Field("county.survey_conduct.valid"), "1600")
	if p.Save() {
		t.Fatal("more valid questionnaires than issued were saved")
	}
	if m := p.form.Field("county.survey_conduct.valid").Msg.Text; m == "" {
		t.Fatal("no message beside 有效问卷数")
	}
	typeInto(p.form.Field("county.survey_conduct.valid"), "1429")
	typeInto(p.form.Field("county.survey_conduct.organizer"), "三门峡市教育评估中心")
	if !p.Save() {
		t.Fatalf("save refused: %s", p.msg.Text)
	}
	f, _ := fx.store.LoadYear(fx.env.S.Year)
	sc := f.County.SurveyConduct
	if sc == nil || sc.Issued == nil || *sc.Issued != 1500 || *sc.Valid != 1429 || sc.Visits != nil || sc.Organizer != "三门峡市教育评估中心" {
		t.Fatalf("the store holds %+v", sc)
	}
}

// The school form has 教职工数 per stage of the school's type; typed, it is
// stored; looked at, no empty staff block is created.
func TestSchoolFormHasStaffPerStage(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	sc := primaryWithStudents(t, fx)
	p.Open(sc.ID)
	pf, jf := field(t, p, "staff.primary"), field(t, p, "staff.junior")
	if sp, _ := county.Spec("staff.primary"); pf.Label != sp.Label || !pf.Visible() || jf.Visible() {
		t.Fatalf("a 小学 shows %q (visible %v) and 初中 staff visible %v", pf.Label, pf.Visible(), jf.Visible())
	}
	typeInto(pf, "46")
	if !p.Save() {
		t.Fatalf("save refused: %s", p.msg.Text)
	}
	got := fx.store.School(fx.env.S.Year, sc.ID)
	if got.Staff == nil || got.Staff.Primary == nil || *got.Staff.Primary != 46 || got.Staff.Junior != nil {
		t.Fatalf("stored staff %+v", got.Staff)
	}
}

// 打印材料 lists what 材料自查 finds before the PDF is made: every
// contradiction with its sentence, stated and computed value.
func TestPrintPageListsTheProofreadFindings(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Print).(*print)
	want := proofread.Check(fx.env.S.File, fx.env.S.Result)
	var shown []string
	walk(p.proof, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			shown = append(shown, l.Text)
		}
	})
	all := strings.Join(shown, "\n")
	if len(want) == 0 {
		if !strings.Contains(all, "未发现矛盾") {
			t.Fatalf("no findings, but the page says %q", all)
		}
		return
	}
	for _, fd := range want {
		found := false
		for _, s := range shown {
			if strings.Contains(s, fd.Text) && strings.Contains(s, fd.Stated) && strings.Contains(s, fd.Computed) {
				found = true
			}
		}
		if !found {
			t.Errorf("the print page does not list %q (stated %s, computed %s)", fd.Text, fd.Stated, fd.Computed)
		}
	}
}

// A narrative that agrees with its numbers shows the note that none were found.
func TestPrintPageSaysWhenNothingContradicts(t *testing.T) {
	fx := newFixture(t)
	c := fx.env.S.File.County
	c.Narrative = county.Narrative{}
	if err := fx.env.S.SaveCounty(c); err != nil {
		t.Fatal(err)
	}
	fx.env.S.Wait()
	p := fx.show(Print).(*print)
	if got := proofread.Check(fx.env.S.File, fx.env.S.Result); len(got) != 0 {
		t.Fatalf("an empty narrative gives findings %v", got)
	}
	var all string
	walk(p.proof, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			all += l.Text
		}
	})
	if !strings.Contains(all, "未发现矛盾") {
		t.Fatalf("the page says %q", all)
	}
}

// The 整改台账 typed on 整改清单 reaches the SQLite file and its audit
// trail names the user.
func TestLedgerIntoTheDatabase(t *testing.T) {
	d := newOnDB(t, "义马市.db", demo.Bare(), session.Settings{User: "张老师", Office: "督导室"})
	st, s, win, env := d.st, d.s, d.win, d.env
	fx := &fixture{t: t, env: env, win: win, pages: map[string]Page{}}
	p := newTodo(env)
	fx.pages[Todo] = p
	s.Recompute()
	s.Wait()
	fx.show(Todo)
	item := schoolTodo(t, fx)
	tapLedgerButton(t, fx, p, item)
	typeInto(p.ledger.facts.form.Field("county.rectification.measure"), "新建风雨操场一座")
	typeInto(p.ledger.facts.form.Field("county.rectification.status"), "未开始")
	if !p.Save() {
		t.Fatalf("save refused: %s", p.ledger.facts.msg.Text)
	}
	f, err := st.LoadYear(s.Year)
	if err != nil {
		t.Fatal(err)
	}
	var got *county.Rectification
	for i, r := range f.County.Rectification {
		if r.Code == item.Code && r.SchoolID != nil && *r.SchoolID == item.SchoolID {
			got = &f.County.Rectification[i]
		}
	}
	if got == nil || got.Measure != "新建风雨操场一座" || got.Status != "未开始" || got.Unit != "" || got.Deadline != "" {
		t.Fatalf("the database holds %+v", got)
	}
	hist, err := st.History(s.Year, "county", "")
	if err != nil {
		t.Fatal(err)
	}
	seen := false
	for _, h := range hist {
		if strings.HasPrefix(h.Field, "county.rectification") && h.User == "张老师" {
			seen = true
		}
	}
	if !seen {
		t.Fatalf("the audit trail has no 整改台账 change by the user: %+v", hist)
	}
}
