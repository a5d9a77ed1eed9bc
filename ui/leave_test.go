package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"junheng/ui/fakestore"
	"junheng/ui/screens"
	"junheng/ui/widgets"
)

// typeOnProfile changes the county's name on 县域概况 without saving.
func typeOnProfile(t *testing.T, a *App, name string) {
	t.Helper()
	a.Goto(screens.Profile, "")
	var entry *widgets.FocusEntry
	walk(a.Page(screens.Profile).Object(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widgets.FocusEntry); ok && entry == nil {
			entry = e // the county name
		}
	})
	entry.SetText(name)
	if !a.Page(screens.Profile).Dirty() {
		t.Fatal("the edit did not make the page dirty")
	}
}

// The unsaved-changes dialog offers 保存 / 不保存 / 取消 in the one order,
// 保存 highlighted, and Enter — the default — saves and leaves. (The
// highlighted button once discarded the edits.)
func TestUnsavedChangesDefaultIsSave(t *testing.T) {
	a := newTestApp(t, "--demo")
	st := a.Session().Store.(*fakestore.Store)
	typeOnProfile(t, a, "义马市（已改）")
	a.Goto(screens.Home, "")
	ov := a.Win.Canvas().Overlays().Top()
	if ov == nil || a.Current() != screens.Profile {
		t.Fatal("left unsaved input without asking")
	}
	var order []string
	var high string
	walk(ov, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok {
			order = append(order, b.Text)
			if b.Importance == widget.HighImportance {
				high = b.Text
			}
		}
	})
	if len(order) != 3 || order[0] != "取消" || order[1] != "不保存" || order[2] != "保存" {
		t.Errorf("buttons %v, want [取消 不保存 保存]", order)
	}
	if high != "保存" {
		t.Errorf("the highlighted button is %q, want 保存", high)
	}
	a.Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f, _ := st.LoadYear(a.Session().Year)
	if f.County.Name != "义马市（已改）" {
		t.Fatalf("Enter stored county name %q, want the edit", f.County.Name)
	}
	if a.Current() != screens.Home {
		t.Fatalf("after saving the window shows %s, want 首页", a.Current())
	}
}

// 取消 stays on the page with the input; Esc is 取消.
func TestUnsavedChangesCancelStays(t *testing.T) {
	a := newTestApp(t, "--demo")
	st := a.Session().Store.(*fakestore.Store)
	typeOnProfile(t, a, "义马市（未存）")
	a.Goto(screens.Home, "")
	a.Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if a.Current() != screens.Profile || !a.Page(screens.Profile).Dirty() {
		t.Fatal("Esc left the page or dropped the input")
	}
	if f, _ := st.LoadYear(a.Session().Year); f.County.Name == "义马市（未存）" {
		t.Fatal("Esc saved")
	}
}
