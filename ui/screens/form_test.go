package screens

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/ui/entry"
	w "junheng/ui/widgets"
)

func absPos(o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
}

// inView reports whether a field's input lies inside the visible part of
// the form's scroll.
func inView(p *schools, f *w.Field[county.School]) bool {
	in := f.Entry.Size()
	pos := absPos(f.Entry)
	top := absPos(p.form.Scroll)
	return pos.Y >= top.Y && pos.Y+in.Height <= top.Y+p.form.Scroll.Size().Height
}

// Found: Tab went where the clerk could not see (7 of 49 fields visible
// at 1366×768). Tabbing down the form keeps the focused field in view.
func TestTabScrollsTheFocusedFieldIntoView(t *testing.T) {
	fx := newFixture(t)
	fx.win.Resize(fyne.NewSize(1366, 768))
	p := fx.show(Schools).(*schools)
	sc := primaryWithStudents(t, fx)
	p.Open(sc.ID)
	c := fx.win.Canvas()
	c.Focus(field(t, p, "id").Entry)
	last := field(t, p, "books")
	if inView(p, last) {
		t.Fatal("the test needs a field below the visible part")
	}
	for i := 0; i < 60 && c.Focused() != fyne.Focusable(last.Entry); i++ {
		test.FocusNext(c)
		for _, f := range p.form.Fields {
			if f.Entry != nil && c.Focused() == fyne.Focusable(f.Entry) && !inView(p, f) {
				t.Fatalf("Tab reached %s (%s) out of view (offset %v)", f.Path, f.Label, p.form.Scroll.Offset)
			}
		}
	}
	if c.Focused() != fyne.Focusable(last.Entry) || p.form.Scroll.Offset.Y <= 0 {
		t.Fatalf("Tab did not reach 图书册数 by scrolling (offset %v)", p.form.Scroll.Offset)
	}
}

// Found: 400 wheel notches moved the form ~50 px (the wheel went to the
// entries' own scrollers). The wheel over an input scrolls the page.
func TestWheelOverAnInputScrollsTheForm(t *testing.T) {
	fx := newFixture(t)
	fx.win.Resize(fyne.NewSize(1366, 768))
	p := fx.show(Schools).(*schools)
	p.Open(primaryWithStudents(t, fx).ID)
	e := field(t, p, "students.primary").Entry
	at := absPos(e).Add(fyne.NewPos(e.Size().Width/2, e.Size().Height/2))
	test.Scroll(fx.win.Canvas(), at, 0, -125) // five notches down (25 px each)
	if off := p.form.Scroll.Offset.Y; off < 100 {
		t.Fatalf("five notches over an input moved the form %v px", off)
	}
}

// A message sits beside its own field with a red border round the input;
// the fields below do not move when it appears; fixing the value clears it.
func TestErrorBesideItsFieldWithoutLayoutJump(t *testing.T) {
	fx := newFixture(t)
	fx.win.Resize(fyne.NewSize(1366, 768))
	p := fx.show(Schools).(*schools)
	sc := primaryWithStudents(t, fx)
	p.Open(sc.ID)
	f := field(t, p, "students.primary")
	next := field(t, p, "classes.primary")
	content := p.form.Scroll.Content
	nextY := absPos(next.Entry).Y - absPos(content).Y
	typeInto(f, "八百")
	if p.Save() {
		t.Fatal("saved a non-number")
	}
	if !f.Flagged() {
		t.Fatal("no message with a red border beside the field")
	}
	in, msg := absPos(f.Entry), absPos(f.Msg)
	if msg.X < in.X+f.Entry.Size().Width || msg.Y < in.Y-f.Entry.Size().Height || msg.Y > in.Y+f.Entry.Size().Height {
		t.Fatalf("message at %v is not beside its input at %v", msg, in)
	}
	if y := absPos(next.Entry).Y - absPos(content).Y; y != nextY {
		t.Fatalf("the field below moved from %v to %v when the message appeared", nextY, y)
	}
	typeInto(f, "800")
	if f.Flagged() || f.Msg.Visible() {
		t.Fatalf("the message stays after the value was fixed: %q", f.Msg.Text)
	}
}

// Found: on save the banner said only "有填写错误，未保存" while the status
// bar said "已保存". A failed save counts and lists its problems, focuses
// the first, and the status bar reports nothing.
func TestFailedSaveListsProblemsAndFocusesTheFirst(t *testing.T) {
	fx := newFixture(t)
	var status []string
	fx.env.Status = func(m string) { status = append(status, m) }
	p := fx.show(Schools).(*schools)
	sc := primaryWithStudents(t, fx)
	p.Open(sc.ID)
	typeInto(field(t, p, "books"), "很多")
	typeInto(field(t, p, "students.primary"), "-5")
	if p.Save() {
		t.Fatal("saved two bad values")
	}
	if !strings.Contains(p.msg.Text, "有 2处") || !strings.Contains(p.msg.Text, field(t, p, "books").Label) ||
		!strings.Contains(p.msg.Text, field(t, p, "students.primary").Label) {
		t.Fatalf("the banner reads %q", p.msg.Text)
	}
	if got := fx.win.Canvas().Focused(); got != fyne.Focusable(field(t, p, "students.primary").Entry) {
		t.Fatal("the first field to fix (in form order) is not focused")
	}
	if len(status) != 0 || len(fx.store.Changes) != 0 {
		t.Fatalf("status %q, %d writes after a refused save", status, len(fx.store.Changes))
	}
}

// A value beyond the catalogue's bound is refused with the bound.
func TestValueBeyondTheBoundIsRefusedWithIt(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	sc := primaryWithStudents(t, fx)
	p.Open(sc.ID)
	sp, _ := county.Spec("public_funds_allocated")
	f := field(t, p, "public_funds_allocated")
	typeInto(f, "2,000,000,000")
	if p.Save() {
		t.Fatal("two thousand million 元 of public funds saved")
	}
	if want := sp.CheckNumber(2e9); want == "" || f.Msg.Text != want {
		t.Fatalf("message %q, want the catalogue's %q", f.Msg.Text, want)
	}
	typeInto(f, "１２３，４５６") // full-width, as the Excel import takes it
	if !p.Save() {
		t.Fatalf("full-width digits refused: %s", p.msg.Text)
	}
	if got := fx.store.School(fx.env.S.Year, sc.ID).PublicFundsAllocated; got == nil || *got != 123456 {
		t.Fatalf("stored %v", got)
	}
}

// The one-school form shows only the stages of the school's type.
func TestFormShowsOnlyTheSchoolsStages(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	sc := primaryWithStudents(t, fx)
	p.Open(sc.ID)
	if field(t, p, "teachers.junior.full_time").Visible() || !field(t, p, "teachers.primary.full_time").Visible() {
		t.Fatal("a 小学 shows 初中 teachers or hides its own")
	}
	typeInto(field(t, p, "type"), county.TypeNineYear)
	if !field(t, p, "teachers.junior.full_time").Visible() {
		t.Fatal("switching to 九年一贯制 did not show 初中 fields")
	}
}

// 整改清单 opens the exact field: focused, scrolled to and highlighted.
func TestTodoOpensTheFieldToFix(t *testing.T) {
	fx := newFixture(t)
	fx.env.Goto = func(page, target string) {
		p := fx.show(page)
		p.Open(target)
	}
	var item *eval.Todo
	for i, td := range fx.env.S.Result.Verdict.Todo {
		if td.SchoolID != "" && td.Code != "" {
			item = &fx.env.S.Result.Verdict.Todo[i]
			break
		}
	}
	if item == nil {
		t.Fatal("the demo has no school to-do item")
	}
	td := fx.show(Todo).(*todo)
	row := -1
	for i, r := range td.rows {
		if r.item != nil && *r.item == *item {
			row = i
		}
	}
	td.list.Select(row)
	p := fx.pages[Schools].(*schools)
	if p.editing != item.SchoolID {
		t.Fatalf("整改清单 opened %q, want %s", p.editing, item.SchoolID)
	}
	var focused *w.Field[county.School]
	for _, f := range p.form.Fields {
		if fx.win.Canvas().Focused() == f.Entry && f.Entry != nil || f.Select != nil && fx.win.Canvas().Focused() == fyne.Focusable(f.Select) {
			focused = f
		}
	}
	if focused == nil {
		t.Fatalf("no field focused for %s %s", item.Code, item.Text)
	}
	sp, _ := county.Spec(focused.Path)
	if !slices.Contains(entry.ItemCodes(sp.Item), item.Code) || !focused.Highlighted() {
		t.Fatalf("%s %q opened %s (serves %q), highlighted %v", item.Code, item.Text, focused.Path, sp.Item, focused.Highlighted())
	}
}
