package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"junheng/app/county"
	"junheng/assets/demo"
	w "junheng/ui/widgets"
)

// fieldInView reports whether a county field's input lies inside the
// visible part of its form's scroll.
func fieldInView(fm *w.Form[prof], f *w.Field[prof]) bool {
	o := fyne.CanvasObject(f.Entry)
	if f.Select != nil {
		o = f.Select
	}
	pos, top := absPos(o), absPos(fm.Scroll)
	return pos.Y >= top.Y && pos.Y+o.Size().Height <= top.Y+fm.Scroll.Size().Height
}

// Found: 「G1 否 →」 opened 政府保障 wherever it was scrolled, G1 out of
// sight. A county item opens its field: focused, in view, highlighted.
func TestTodoOpensACountyField(t *testing.T) {
	f := demo.File()
	no := false
	f.County.Gov.G1 = &county.YesNo{OK: &no, Evidence: "布局规划未经批准"}
	fx := newFixtureOn(t, f)
	fx.win.Resize(fyne.NewSize(1366, 768))
	fx.env.Goto = func(page, target string) { fx.show(page).Open(target) }
	gov := fx.show(Gov).(*facts)
	gov.scroll.ScrollToBottom() // where the clerk left it
	td := fx.show(Todo).(*todo)
	row := -1
	for i, r := range td.rows {
		if r.item != nil && r.item.Code == "G1" && r.item.SchoolID == "" {
			row = i
		}
	}
	if row < 0 {
		t.Fatal("the to-do list has no G1")
	}
	td.list.Select(row)
	if fx.win.Content() != gov.Object() {
		t.Fatal("G1 did not open 政府保障")
	}
	g1 := gov.form.Field("county.gov.G1.ok")
	focused := fx.win.Canvas().Focused()
	if focused == nil || (focused != fyne.Focusable(g1.Select) && (g1.Entry == nil || focused != fyne.Focusable(g1.Entry))) {
		t.Fatalf("G1 is not focused (focus on %T)", focused)
	}
	if !g1.Highlighted() || !fieldInView(gov.form, g1) {
		t.Fatalf("G1 highlighted %v, in view %v (offset %v)", g1.Highlighted(), fieldInView(gov.form, g1), gov.scroll.Offset)
	}
}

// Every county item of the demo's to-do list (an empty survey, a missing
// figure) opens its page on a field or its verdict row: never a page left
// where it was scrolled.
func TestEveryCountyTodoOpensSomething(t *testing.T) {
	f := demo.File()
	f.County.Survey = nil
	f.County.Quality.Q1 = nil
	f.County.Gov.G8 = nil
	fx := newFixtureOn(t, f)
	fx.win.Resize(fyne.NewSize(1366, 768))
	for _, td := range fx.env.S.Result.Verdict.Todo {
		if td.SchoolID != "" || td.Part == "R" {
			continue
		}
		page, target := FixPage(td)
		p, ok := fx.show(page).(*facts)
		if !ok {
			continue
		}
		p.scroll.ScrollToTop()
		fx.win.Canvas().Unfocus()
		p.Open(target)
		focused := fx.win.Canvas().Focused()
		if focused == nil && p.scroll.Offset.Y == 0 {
			t.Errorf("%s %q: %s opened with nothing focused or scrolled to", td.Code, td.Text, page)
		}
	}
}

// Found: 整改清单 said 「未达标 10 项，未填报 0 项」; nothing is printed for zero.
func TestTodoSummaryPrintsNoZero(t *testing.T) {
	fx := newFixtureOn(t, demo.File())
	td := fx.show(Todo).(*todo)
	if strings.Contains(td.summary.Text, " 0 项") || strings.Contains(td.summary.Text, " 0项") || !strings.Contains(td.summary.Text, "未达标") {
		t.Fatalf("summary %q", td.summary.Text)
	}
}
