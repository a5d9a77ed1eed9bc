package screens

import (
	"encoding/json"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/ui/entry"
)

// snapshot is everything a view must not change: the stored county, the
// county the session holds and the whole evaluation, recomputed.
func (fx *fixture) snapshot() string {
	fx.t.Helper()
	s := fx.env.S
	stored, err := fx.store.LoadYear(s.Year)
	if err != nil {
		fx.t.Fatal(err)
	}
	s.Recompute()
	s.Wait()
	b, err := json.Marshal(struct {
		Stored, Session *county.File
		Result          *eval.Result
	}{stored, s.File, s.Result})
	if err != nil {
		fx.t.Fatal(err)
	}
	return string(b)
}

// lookAt tabs through every input of the canvas, as a clerk reading a form
// would.
func (fx *fixture) lookAt() {
	c := fx.win.Canvas()
	for i := 0; i < 80; i++ {
		test.FocusNext(c)
	}
	c.Unfocus()
}

// Found: opening a school's 档案 created an empty teacher block on the
// live record, so G12 became 未填报 after the next recalculation while the
// command line said 达标. Every page, and the form of every school of the
// demo, opened, looked at and left must leave the stored county, the
// session's county and the whole evaluation as they were.
func TestOpeningAndLeavingEveryFormChangesNothing(t *testing.T) {
	fx := newFixture(t)
	before := fx.snapshot()
	g12 := fx.env.S.Result.Items["G12"]
	if g12 == nil || g12.Missing {
		t.Fatalf("demo G12 is %+v before anything was opened", g12)
	}
	for _, name := range Names {
		p := fx.show(name)
		fx.lookAt()
		p.Update()
		if p.Dirty() {
			t.Errorf("page %s is dirty after only looking at it", name)
		}
	}
	sp := fx.show(Schools).(*schools)
	for _, sc := range fx.env.S.File.Schools {
		sp.Open(sc.ID)
		if sp.editing != sc.ID {
			t.Fatalf("the form of %s did not open", sc.Name)
		}
		fx.lookAt()
		if sp.Dirty() {
			t.Fatalf("the form of %s is dirty after only looking at it", sc.Name)
		}
	}
	sp.closeForm()
	if after := fx.snapshot(); after != before {
		t.Fatalf("opening forms changed the county or its evaluation (G12 now %+v)", fx.env.S.Result.Items["G12"])
	}
	if len(fx.store.Changes) != 0 {
		t.Fatalf("the store recorded %d writes", len(fx.store.Changes))
	}
}

// primaryWithStudents is the first 小学 of the demo with a pupil count.
func primaryWithStudents(t *testing.T, fx *fixture) county.School {
	t.Helper()
	for _, s := range fx.env.S.File.Schools {
		if s.Type == county.TypePrimary && s.Students.Primary != nil && s.Books != nil {
			return s
		}
	}
	t.Fatal("no primary school with pupils in the demo")
	return county.School{}
}

// underneath changes a school in the store behind the session's back, as
// a merge adopting another office's value does, then reloads like the
// menu does after a merge, restore or import.
func (fx *fixture) underneath(id string, change func(*county.School), reload bool) {
	fx.t.Helper()
	sc := *fx.store.School(fx.env.S.Year, id)
	sc = entry.Clone(sc)
	change(&sc)
	if err := fx.store.ApplyImport(fx.env.S.Year, []county.School{sc}, nil, "合并"); err != nil {
		fx.t.Fatal(err)
	}
	if reload {
		if err := fx.env.S.Reload(); err != nil {
			fx.t.Fatal(err)
		}
	}
}

// Found: after 导入合并 adopted 1185 the open form still showed 1170 and
// 保存 wrote 1170 back.
func TestMergeWhileFormOpenShowsTheNewValueAndSaveKeepsIt(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	sc := primaryWithStudents(t, fx)
	p.Open(sc.ID)
	merged := *sc.Students.Primary - 15
	fx.underneath(sc.ID, func(s *county.School) { s.Students.Primary = county.I(merged) }, true)
	if got := field(t, p, "students.primary").Text(); got != itoaPlain(merged) {
		t.Fatalf("after the merge the open form shows %q, want %d", got, merged)
	}
	typeInto(field(t, p, "books"), itoaPlain(*sc.Books+1))
	if !p.Save() {
		t.Fatalf("save refused: %s", p.msg.Text)
	}
	stored := fx.store.School(fx.env.S.Year, sc.ID)
	if *stored.Students.Primary != merged || *stored.Books != *sc.Books+1 {
		t.Fatalf("stored pupils %d books %d, want %d and %d", *stored.Students.Primary, *stored.Books, merged, *sc.Books+1)
	}
}

// A value typed in the form that another office's merge also changed is
// not overwritten without asking; the question shows both values.
func TestStaleSaveAsksShowingBothValues(t *testing.T) {
	for _, reload := range []bool{true, false} { // merge in this window, or another program's save
		fx := newFixture(t)
		p := fx.show(Schools).(*schools)
		sc := primaryWithStudents(t, fx)
		p.Open(sc.ID)
		typed := *sc.Students.Primary - 30
		merged := *sc.Students.Primary - 15
		typeInto(field(t, p, "students.primary"), itoaPlain(typed))
		fx.underneath(sc.ID, func(s *county.School) { s.Students.Primary = county.I(merged) }, reload)
		if p.Save() {
			t.Fatal("a save over a value changed underneath did not ask")
		}
		if got := *fx.store.School(fx.env.S.Year, sc.ID).Students.Primary; got != merged {
			t.Fatalf("before the answer the store holds %d, want the merged %d", got, merged)
		}
		text := overlayTexts(fx.win)
		if !strings.Contains(text, itoaPlain(typed)) || !strings.Contains(text, itoaPlain(merged)) {
			t.Fatalf("the question does not show both values: %q", text)
		}
		tapButton(t, fx.win.Canvas().Overlays().Top(), "确定")
		if got := *fx.store.School(fx.env.S.Year, sc.ID).Students.Primary; got != typed {
			t.Fatalf("after confirming the store holds %d, want the typed %d", got, typed)
		}
	}
}

// The county facts follow a merge too.
func TestMergeWhileCountyFormOpenShowsTheNewValue(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Gov).(*facts)
	c := entry.Clone(fx.env.S.File.County)
	if c.Gov.G8 == nil {
		c.Gov.G8 = &county.G8{}
	}
	c.Gov.G8.TeacherAvgPay = county.F(123456)
	if err := fx.store.SaveCounty(fx.env.S.Year, c); err != nil {
		t.Fatal(err)
	}
	if err := fx.env.S.Reload(); err != nil {
		t.Fatal(err)
	}
	if got := p.form.Field("county.gov.G8.teacher_avg_pay").Text(); got != "123456" {
		t.Fatalf("the open 政府保障 form shows %q after the merge", got)
	}
}

var _ = fyne.NewSize

// A merge that changed a finance row while 县域概况 was being edited
// elsewhere on the page is not undone by the save.
func TestSavingCountyFactsKeepsFinanceRowsChangedUnderneath(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Profile).(*facts)
	if len(fx.env.S.File.County.Finance) == 0 {
		t.Fatal("the demo has no finance rows")
	}
	c := entry.Clone(fx.env.S.File.County)
	c.Finance[0].Students = county.I(4321)
	if err := fx.store.SaveCounty(fx.env.S.Year, c); err != nil {
		t.Fatal(err)
	}
	typeInto(p.form.Field("county.city"), "三门峡市（测试）")
	if err := fx.env.S.Reload(); err != nil {
		t.Fatal(err)
	}
	if !p.Save() {
		t.Fatalf("save refused: %s", p.msg.Text)
	}
	f, _ := fx.store.LoadYear(fx.env.S.Year)
	if got := f.County.Finance[0].Students; got == nil || *got != 4321 || f.County.City != "三门峡市（测试）" {
		t.Fatalf("finance students %v, city %q after the save", got, f.County.City)
	}
}
