package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"junheng/app/county"
)

// Found: the one-school form was cramped — inputs starting at different
// places per section, a wheel notch scrolling 25 px, a stale red banner.
// The inputs of every section start at one place; a notch moves about
// three rows; the banner is one compact line that follows the fixes.
func TestSchoolFormOnAGrid(t *testing.T) {
	fx := newFixture(t)
	fx.win.Resize(fyne.NewSize(1366, 768))
	p := fx.show(Schools).(*schools)
	p.Open(primaryWithStudents(t, fx).ID)
	var xs []float32
	for _, path := range []string{"id", "students.primary", "teachers.primary.full_time", "area_teaching_aux", "public_funds_allocated"} {
		xs = append(xs, absPos(field(t, p, path).Entry).X)
	}
	for _, x := range xs[1:] {
		if x != xs[0] {
			t.Fatalf("inputs start at %v", xs)
		}
	}
	e := field(t, p, "students.primary").Entry
	at := absPos(e).Add(fyne.NewPos(e.Size().Width/2, e.Size().Height/2))
	test.Scroll(fx.win.Canvas(), at, 0, -25) // one notch
	row := e.Size().Height
	if off := p.form.Scroll.Offset.Y; off < 2.5*row {
		t.Fatalf("a notch moved the form %.0f px, a row is %.0f", off, row)
	}

	typeInto(field(t, p, "books"), "很多")
	typeInto(field(t, p, "students.primary"), "-5")
	p.Save()
	if !strings.Contains(p.msg.Text, "有 2处") || strings.Count(p.msg.Text, "\n") > 0 {
		t.Fatalf("the banner reads %q", p.msg.Text)
	}
	typeInto(field(t, p, "books"), "3000")
	if !strings.Contains(p.msg.Text, "有 1处") {
		t.Fatalf("after one fix the banner reads %q", p.msg.Text)
	}
	typeInto(field(t, p, "students.primary"), "500")
	if p.msg.Visible() {
		t.Fatalf("the banner stays after every fix: %q", p.msg.Text)
	}
}

// The application's long texts get boxes of six lines, and Tab leaves a
// box for the next field instead of typing a tab.
func TestLongTextBoxesAndTab(t *testing.T) {
	fx := newFixture(t)
	fx.win.Resize(fyne.NewSize(1366, 768))
	p := fx.show(Profile).(*facts)
	basic := p.form.Field("county.narrative.basic")
	line := fyne.MeasureText("国", 14, fyne.TextStyle{}).Height
	if h := basic.Entry.MinSize().Height; h < 6*line {
		t.Fatalf("申报表：基本情况 is %.0f px high, six lines are %.0f", h, 6*line)
	}
	if basic.Entry.AcceptsTab() {
		t.Fatal("a text box takes Tab as a character")
	}
	c := fx.win.Canvas()
	c.Focus(basic.Entry)
	before := basic.Entry.Text
	test.FocusNext(c)
	if c.Focused() == fyne.Focusable(basic.Entry) || basic.Entry.Text != before {
		t.Fatal("Tab stayed in the text box")
	}
}

// Found: the 整改台账 pane showed about two fields at a time. At
// 1366×768 (the page beside the navigation) the whole entry is in view.
func TestLedgerShowsOneWholeEntry(t *testing.T) {
	fx := newFixture(t)
	fx.win.Resize(fyne.NewSize(1366-170, 768-60))
	p := fx.show(Todo).(*todo)
	tapLedgerButton(t, fx, p, schoolTodo(t, fx))
	fm := p.ledger.facts.form
	for _, f := range fm.Fields {
		if !fieldInView(fm, f) {
			t.Errorf("%s is out of view (pane %.0f px high)", f.Label, fm.Scroll.Size().Height)
		}
	}
}

// Found: at 1366×768 资源配置 lost 达标项 and 结论 off its right edge and
// the list of schools left out was cut by the legend. Every column fits
// the table's width and the list has a line of its own.
func TestResourcesFit1366(t *testing.T) {
	fx := newFixture(t)
	fx.win.Resize(fyne.NewSize(1366-170, 768-60))
	p := fx.show(Resources).(*resources)
	p.table.Refresh()
	total := theme.ScrollBarSize()
	for _, w := range p.widths {
		total += w + theme.Padding()
	}
	if total > p.table.Size().Width+1 {
		t.Fatalf("the columns take %.0f px, the table has %.0f", total, p.table.Size().Width)
	}
	if p.excluded.Size().Width < p.table.Size().Width*0.9 {
		t.Fatalf("the list of schools left out has %.0f px of %.0f", p.excluded.Size().Width, p.table.Size().Width)
	}
}

// Found: a school added through the form was listed after the 教学点. The
// list keeps the 教学点 last.
func TestNewSchoolListedBeforeTheTeachingPoints(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	tapButton(t, p.Object(), "新增学校")
	typeInto(field(t, p, "id"), "4199999999")
	typeInto(field(t, p, "name"), "义马市新建小学")
	typeInto(field(t, p, "type"), county.TypePrimary)
	typeInto(field(t, p, "location"), "城区")
	typeInto(field(t, p, "students.primary"), "300")
	tapButton(t, p.Object(), "保存（Ctrl+S）")
	fx.env.S.Wait()
	shown := p.Shown()
	at, firstPoint := -1, -1
	for i, name := range shown {
		if name == "义马市新建小学" {
			at = i
		}
		if firstPoint < 0 && strings.Contains(name, "教学点") {
			firstPoint = i
		}
	}
	if at < 0 || firstPoint < 0 || at > firstPoint {
		t.Fatalf("the new school is listed at %d, the first 教学点 at %d: %v", at, firstPoint, shown)
	}
}

// Found: clicking a field in view scrolled the form 37–90 px. Focusing a
// field that is in view leaves the form where it is.
func TestClickingAFieldInViewDoesNotScroll(t *testing.T) {
	fx := newFixture(t)
	fx.win.Resize(fyne.NewSize(1366, 768))
	p := fx.show(Schools).(*schools)
	p.Open(primaryWithStudents(t, fx).ID)
	p.form.Scroll.ScrollToOffset(fyne.NewPos(0, 200))
	for _, f := range p.form.Fields {
		if f.Entry == nil || !f.Visible() || !inView(p, f) {
			continue
		}
		before := p.form.Scroll.Offset
		test.Tap(f.Entry)
		if p.form.Scroll.Offset != before {
			t.Fatalf("clicking %s moved the form from %v to %v", f.Label, before, p.form.Scroll.Offset)
		}
	}
}
