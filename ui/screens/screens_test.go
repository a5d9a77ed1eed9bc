package screens

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/assets/demo"
	"junheng/ui/fakestore"
	"junheng/ui/session"
	jtheme "junheng/ui/theme"
	"junheng/ui/uitest"
	w "junheng/ui/widgets"
)

// fixture is a session on the demo county in an in-memory store, with
// every page built in a headless window.
type fixture struct {
	t     *testing.T
	store *fakestore.Store
	env   *Env
	pages map[string]Page
	win   fyne.Window
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	return newFixtureOn(t, demo.Bare()) // the demo as it was before its dossier facts: the tests type them in
}

// newFixtureOn is newFixture on the county file f.
func newFixtureOn(t *testing.T, f *county.File) *fixture {
	t.Helper()
	a := test.NewApp()
	a.Settings().SetTheme(jtheme.New(1))
	t.Cleanup(a.Quit)
	st := fakestore.New(f)
	s, err := session.New(st, "", session.Settings{User: "测试"})
	if err != nil {
		t.Fatal(err)
	}
	win := test.NewWindow(nil)
	win.Resize(fyne.NewSize(1280, 800))
	s.Inline = true
	fx := &fixture{t: t, store: st, win: win}
	fx.env = &Env{S: s, Win: win, Goto: func(string, string) {}, Status: func(string) {}}
	fx.pages = New(fx.env)
	s.OnChange(func() {
		for _, p := range fx.pages {
			p.Update()
		}
	})
	s.Recompute()
	s.Wait()
	return fx
}

func (fx *fixture) show(name string) Page {
	p := fx.pages[name]
	fx.win.SetContent(p.Object())
	p.Update()
	return p
}

// typeInto replaces the text of a form field as a user would type it.
func typeInto[T any](f *w.Field[T], text string) {
	if f.Select != nil {
		f.Select.SetSelected(text)
		return
	}
	f.Entry.SetText("")
	test.Type(f.Entry, text)
}

func field(t *testing.T, p *schools, path string) *w.Field[county.School] {
	t.Helper()
	f := p.form.Field(path)
	if f == nil {
		t.Fatalf("no field %s on the school form", path)
	}
	return f
}

func tapButton(t *testing.T, root fyne.CanvasObject, text string) {
	t.Helper()
	uitest.Tap(t, root, text)
}

func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) { uitest.Walk(o, fn) }

func TestEnterSchoolThroughItsForm(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	before := len(fx.env.S.File.Schools)

	tapButton(t, p.Object(), "新增学校")
	typeInto(field(t, p, "id"), "4199999999")
	typeInto(field(t, p, "name"), "义马市测试小学")
	typeInto(field(t, p, "type"), county.TypePrimary)
	typeInto(field(t, p, "location"), "城区")
	typeInto(field(t, p, "students.primary"), "450")
	typeInto(field(t, p, "classes.primary"), "10")
	typeInto(field(t, p, "largest_class.primary"), "45")
	typeInto(field(t, p, "teachers.primary.full_time"), "30")
	typeInto(field(t, p, "teachers.primary.backbone"), "6")
	typeInto(field(t, p, "area_teaching_aux"), "2,600")
	typeInto(field(t, p, "music_rooms"), "98、96")
	if !p.Dirty() {
		t.Fatal("typing did not mark the form as changed")
	}
	tapButton(t, p.Object(), "保存（Ctrl+S）")
	fx.env.S.Wait()

	if p.msg.Text != "" {
		t.Fatalf("save refused: %s", p.msg.Text)
	}
	if got := len(fx.env.S.File.Schools); got != before+1 {
		t.Fatalf("session has %d schools, want %d", got, before+1)
	}
	p.search.SetText("测试")
	if shown := p.Shown(); len(shown) != 1 || shown[0] != "义马市测试小学" {
		t.Fatalf("search 测试 shows %v", shown)
	}
	stored := fx.store.School(fx.env.S.Year, "4199999999")
	if stored == nil {
		t.Fatal("the school is not in the store")
	}
	if stored.Students.Primary == nil || *stored.Students.Primary != 450 ||
		stored.Teachers.Primary == nil || *stored.Teachers.Primary.Backbone != 6 ||
		*stored.AreaTeachingAux != 2600 || len(stored.MusicRooms) != 2 || stored.Teachers.Junior != nil {
		t.Fatalf("stored school differs from what was typed: %+v", stored)
	}
}

func TestNonNumberAndNegativeAreaShowMessagesAndSaveNothing(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	first := fx.env.S.File.Schools[0]
	p.Open(first.ID)
	if !p.hasForm || p.editing != first.ID {
		t.Fatalf("opening %s did not show its form", first.ID)
	}
	typeInto(field(t, p, "students.primary"), "八百")
	typeInto(field(t, p, "area_sports_ground"), "-120")
	if p.Save() {
		t.Fatal("Save accepted a non-number and a negative area")
	}
	if m, _ := parserReason("八百"); field(t, p, "students.primary").Msg.Text != m {
		t.Errorf("message beside 在校生数 = %q, want the parser's %q", field(t, p, "students.primary").Msg.Text, m)
	}
	if m, _ := parserReason("-120"); field(t, p, "area_sports_ground").Msg.Text != m {
		t.Errorf("message beside 运动场地面积 = %q, want the parser's %q", field(t, p, "area_sports_ground").Msg.Text, m)
	}
	if !strings.Contains(p.msg.Text, "未保存") {
		t.Errorf("page message = %q", p.msg.Text)
	}
	stored := fx.store.School(fx.env.S.Year, first.ID)
	if *stored.Students.Primary != *first.Students.Primary || *stored.AreaSportsGround != *first.AreaSportsGround {
		t.Fatal("the store changed although the form was refused")
	}
	if len(fx.store.Changes) != 0 {
		t.Fatalf("store recorded %d writes", len(fx.store.Changes))
	}
}

func TestValidationMessageBesideField(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	first := fx.env.S.File.Schools[0]
	p.Open(first.ID)
	full := *first.Teachers.Primary.FullTime
	typeInto(field(t, p, "teachers.primary.certified"), itoaPlain(full+1))
	if p.Save() {
		t.Fatal("Save accepted more certified than full-time teachers")
	}
	if m := field(t, p, "teachers.primary.certified").Msg.Text; !strings.Contains(m, "不能多于") {
		t.Errorf("message beside 持证专任教师数 = %q", m)
	}
	if len(fx.store.Changes) != 0 {
		t.Fatal("store written")
	}
}

func TestEditingAValueChangesTheResultTable(t *testing.T) {
	fx := newFixture(t)
	res := fx.show(Resources).(*resources)
	// Find the first primary school part and its R2 cell.
	if len(res.rows) == 0 {
		t.Fatal("resource table is empty")
	}
	sp := res.rows[0]
	cellID := widget.TableCellID{Row: summaryRows, Col: colFirstR + 1} // R2
	before, _ := res.cell(cellID)

	sch := fx.show(Schools).(*schools)
	sch.Open(sp.ID)
	stored := fx.env.S.School(sp.ID)
	backbone := *stored.Teachers.Primary.Backbone
	more := backbone + 20
	if stored.Teachers.Primary.FullTime != nil && more > *stored.Teachers.Primary.FullTime {
		more = *stored.Teachers.Primary.FullTime
	}
	if more == backbone {
		more = 0
	}
	typeInto(field(t, sch, "teachers.primary.backbone"), itoaPlain(more))
	if !sch.Save() {
		t.Fatalf("save refused: %s", sch.msg.Text)
	}
	fx.env.S.Wait()
	res = fx.show(Resources).(*resources)
	var after string
	for i, r := range res.rows {
		if r.ID == sp.ID {
			after, _ = res.cell(widget.TableCellID{Row: summaryRows + i, Col: colFirstR + 1})
		}
	}
	if after == "" || after == before {
		t.Fatalf("R2 of %s: before %q, after %q — the table did not follow the edit", sp.Name, before, after)
	}
}

func TestDeleteAsksAndIsRecorded(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	first := fx.env.S.File.Schools[0]
	p.Open(first.ID)
	tapButton(t, p.Object(), "删除学校")
	// The confirmation is on the window's overlay: confirm it.
	ov := fx.win.Canvas().Overlays().Top()
	if ov == nil {
		t.Fatal("no confirmation shown")
	}
	tapButton(t, ov, "确定")
	if fx.env.S.School(first.ID) != nil || fx.store.School(fx.env.S.Year, first.ID) != nil {
		t.Fatal("school still present after a confirmed delete")
	}
	if len(fx.store.Deleted) != 1 || fx.store.Deleted[0] != first.ID {
		t.Fatalf("store recorded deletes %v", fx.store.Deleted)
	}
}

func TestResourceCellExplainsShortfall(t *testing.T) {
	fx := newFixture(t)
	res := fx.show(Resources).(*resources)
	for i, sp := range res.rows {
		if len(sp.Shortfalls) == 0 {
			continue
		}
		sf := sp.Shortfalls[0]
		col := colFirstR + int(sf.Code[1]-'1')
		text := res.explain(widget.TableCellID{Row: summaryRows + i, Col: col})
		if !strings.Contains(text, "差 "+sf.Need) {
			t.Fatalf("explanation %q lacks the shortfall %q", text, sf.Need)
		}
		return
	}
	t.Skip("the demo county has no shortfall in this stage")
}

func TestNoNaNOrEmptyCells(t *testing.T) {
	fx := newFixture(t)
	res := fx.show(Resources).(*resources)
	rows, cols := len(res.rows)+summaryRows, numCols
	for r := summaryRows; r < rows; r++ {
		for c := colFirstR; c < colFirstR+7; c++ {
			text, _ := res.cell(widget.TableCellID{Row: r, Col: c})
			if text == "" || strings.Contains(text, "NaN") || strings.Contains(text, "Inf") {
				t.Fatalf("cell %d,%d reads %q", r, c, text)
			}
		}
	}
	_ = cols
}

func TestCountyFactRefusesBadNumber(t *testing.T) {
	fx := newFixture(t)
	g := fx.show(Gov).(*facts)
	f := g.form.Field("county.gov.G9.completed_360h")
	typeInto(f, "abc")
	if g.Save() {
		t.Fatal("a non-number was saved")
	}
	if m, _ := parserReason("abc"); f.Msg.Text != m {
		t.Fatalf("message = %q, want the parser's %q", f.Msg.Text, m)
	}
	typeInto(f, "999999")
	if g.Save() {
		t.Fatal("more trained than teachers was saved")
	}
	if !strings.Contains(f.Msg.Text, "不能多于") {
		t.Fatalf("message = %q", f.Msg.Text)
	}
}

func TestPrintWritesThePDF(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Print).(*print)
	path := filepath.Join(t.TempDir(), "材料.pdf")
	p.writePDF(path, p.sections())
	for i := 0; i < 400; i++ {
		if b, err := os.ReadFile(path); err == nil && len(b) > 1000 && strings.HasPrefix(string(b), "%PDF") {
			if fi, _ := os.Stat(path); fi.Size() == int64(len(b)) {
				time.Sleep(50 * time.Millisecond) // let the dialog close before the app quits
				return
			}
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatal("no PDF written")
}

// Tab moves through the school form in the order of the paper form.
func TestTabFollowsThePaperForm(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	p.Open(fx.env.S.File.Schools[0].ID)
	c := fx.win.Canvas()
	id := field(t, p, "id").Entry
	c.Focus(id)
	// The fields shown for this school, in form order (a 小学 shows no
	// 初中 fields, only a 教学点 its 所属中心校).
	var want []string
	for _, f := range p.form.Fields[1:] {
		if f.Visible() && len(want) < 12 {
			want = append(want, f.Path)
		}
	}
	if slices.Contains(want, "parent_id") || slices.Contains(want, "students.junior") {
		t.Fatalf("a %s shows %v", fx.env.S.File.Schools[0].Type, want)
	}
	for _, path := range want {
		test.FocusNext(c)
		f := field(t, p, path)
		var w fyne.Focusable = f.Entry
		if f.Select != nil {
			w = f.Select
		}
		if c.Focused() != w {
			t.Fatalf("Tab after the previous field does not reach %s (%s)", path, f.Label)
		}
	}
}

// A number field says what is wrong when the clerk leaves it, before any save.
func TestNumberFieldFlagsWhenLeft(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	p.Open(fx.env.S.File.Schools[0].ID)
	f := field(t, p, "books")
	c := fx.win.Canvas()
	c.Focus(f.Entry)
	typeInto(f, "12x")
	c.Unfocus()
	if m, _ := parserReason("12x"); f.Msg.Text != m || !f.Msg.Visible() {
		t.Fatalf("message after leaving the field = %q, want the parser's %q", f.Msg.Text, m)
	}
	c.Focus(f.Entry)
	typeInto(f, "1200")
	c.Unfocus()
	if f.Msg.Text != "" || f.Msg.Visible() {
		t.Fatalf("message after correcting = %q", f.Msg.Text)
	}
	if len(fx.store.Changes) != 0 {
		t.Fatal("typing wrote to the store")
	}
}

// parserReason is what the one parser says about a text ("" when it reads
// it as a number).
func parserReason(text string) (string, float64) {
	x, why := county.ParseNumber(text)
	return why, x
}
