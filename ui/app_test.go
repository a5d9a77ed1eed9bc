package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/ui/dialogs"
	"junheng/ui/fakestore"
	"junheng/ui/screens"
	"junheng/ui/session"
	jtheme "junheng/ui/theme"
	"junheng/ui/uitest"
	"junheng/ui/widgets"
)

func newTestApp(t *testing.T, args ...string) *App {
	t.Helper()
	return newTestAppWith(t, Config{}, args...)
}

// newTestAppWith is newTestApp with more of the configuration given.
func newTestAppWith(t *testing.T, cfg Config, args ...string) *App {
	t.Helper()
	fa := test.NewApp()
	knownClerk(fa)
	fa.Settings().SetTheme(jtheme.New(1))
	t.Cleanup(fa.Quit)
	cfg.Version, cfg.Args, cfg.InlineEval = "0.1.0-test", args, true
	return Create(fa, cfg)
}

// knownClerk stands for a clerk who has said who is working at an earlier
// start: the window opens without asking.
func knownClerk(fa fyne.App) {
	fa.Preferences().SetString("user", "王老师")
	fa.Preferences().SetString("office", "义马市教育体育局")
}

func TestFirstStartOffersDemoOrNewCounty(t *testing.T) {
	a := newTestApp(t)
	if a.Session() != nil {
		t.Fatal("a county was opened without asking")
	}
	ov := a.Win.Canvas().Overlays().Top()
	if ov == nil {
		t.Fatal("no first-start dialog")
	}
	tap(t, ov, "打开示范县")
	if a.Session() == nil || a.Session().File.County.Name != "义马市" {
		t.Fatal("the demo county was not opened")
	}
	if a.Current() != screens.Home {
		t.Fatalf("page %s shown first", a.Current())
	}
}

func TestPageFlagOpensPage(t *testing.T) {
	a := newTestApp(t, "--demo", "--page", "资源配置")
	if a.Current() != screens.Resources {
		t.Fatalf("--page 资源配置 shows %s", a.Current())
	}
	if a.Session().Result == nil {
		t.Fatal("no result after opening")
	}
}

// The merge dialog lists the conflicts; the clerk's choice per field is
// what the store applies, and the window shows the merged data.
func TestMergeConflictDialogAppliesTheChoice(t *testing.T) {
	a := newTestApp(t, "--demo")
	st := a.Session().Store.(*fakestore.Store)
	year := a.Session().Year
	s0 := a.Session().File.Schools[0]
	s1 := a.Session().File.Schools[1]
	theirs0 := session.Clone(s0)
	n := *s0.Students.Primary + 5
	theirs0.Students.Primary = &n
	theirs1 := session.Clone(s1)
	theirs1.Name = s1.Name + "（导入）"
	st.Plan = &session.MergePlan{Conflicts: []session.Conflict{
		{Year: year, SchoolID: s0.ID, School: s0.Name, Field: "students.primary", Ours: "1", Theirs: "2"},
		{Year: year, SchoolID: s1.ID, School: s1.Name, Field: "name", Ours: s1.Name, Theirs: theirs1.Name},
	}}
	st.Theirs = map[string]county.School{s0.ID + "/students.primary": theirs0, s1.ID + "/name": theirs1}

	d := a.MergeFrom("另一单位.db")
	if d == nil || len(d.Choices) != 2 {
		t.Fatalf("merge dialog shows %v choices", d)
	}
	if d.Choices[0].Selected != dialogs.KeepOurs {
		t.Fatal("conflicts do not default to keeping the local value")
	}
	d.Choices[0].SetSelected(dialogs.TakeTheirs) // the clerk picks 采用导入的值 for the first field
	test.Tap(d.Apply)

	waitFor(t, func() bool { return st.Applied != nil })
	if st.Applied[0] != true || st.Applied[1] != false {
		t.Fatalf("store applied %v, want [true false]", st.Applied)
	}
	waitFor(t, func() bool {
		sc := a.Session().School(s0.ID)
		return sc != nil && *sc.Students.Primary == n
	})
	if got := a.Session().School(s1.ID).Name; got != s1.Name {
		t.Fatalf("kept-ours field changed to %q", got)
	}
}

func TestLeavingWithUnsavedInputAsks(t *testing.T) {
	a := newTestApp(t, "--demo", "--page", "政府保障")
	var entry *widgets.FocusEntry
	walk(a.Page(screens.Gov).Object(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widgets.FocusEntry); ok && entry == nil {
			entry = e
		}
	})
	test.Type(entry, "补充")
	a.Goto(screens.Home, "")
	if a.Current() != screens.Gov {
		t.Fatal("left a page with unsaved input without asking")
	}
	ov := a.Win.Canvas().Overlays().Top()
	if ov == nil {
		t.Fatal("no unsaved-changes warning")
	}
	tap(t, ov, "不保存")
	if a.Current() != screens.Home {
		t.Fatal("不保存 did not navigate")
	}
}

func TestCtrlSSavesThePage(t *testing.T) {
	a := newTestApp(t, "--demo", "--page", "县域概况")
	st := a.Session().Store.(*fakestore.Store)
	var entry *widgets.FocusEntry
	walk(a.Page(screens.Profile).Object(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widgets.FocusEntry); ok && entry == nil {
			entry = e // the county name
		}
	})
	entry.SetText("")
	test.Type(entry, "义马市（测试）")
	// Ctrl+S is the shortcut of 文件 › 保存 (menu shortcuts reach the window
	// even when an entry has the focus); the test canvas has no keyboard, so
	// check the binding and run the item.
	var save *fyne.MenuItem
	for _, it := range a.Win.MainMenu().Items[0].Items {
		if it.Label == "保存" {
			save = it
		}
	}
	if save == nil || save.Shortcut == nil || save.Shortcut.ShortcutName() != ctrlS.ShortcutName() {
		t.Fatal("文件 › 保存 is not bound to Ctrl+S")
	}
	save.Action()
	f, _ := st.LoadYear(a.Session().Year)
	if f.County.Name != "义马市（测试）" {
		t.Fatalf("Ctrl+S stored county name %q", f.County.Name)
	}
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for i := 0; i < 200; i++ {
		if ok() {
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatal("timed out")
}

var ctrlS = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}

func tap(t *testing.T, root fyne.CanvasObject, text string) {
	t.Helper()
	uitest.Tap(t, root, text)
}

func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) { uitest.Walk(o, fn) }

// Fyne's own dialogs (file chooser, entry menu) speak Chinese whatever the
// system language.
func TestFyneWordsInChinese(t *testing.T) {
	newTestApp(t, "--demo")
	for en, zh := range map[string]string{"Cancel": "取消", "Save": "保存", "Open": "打开", "Paste": "粘贴"} {
		if got := lang.L(en); got != zh {
			t.Errorf("lang.L(%q) = %q, want %q", en, got, zh)
		}
	}
}

func TestHistoryDialogListsChanges(t *testing.T) {
	a := newTestApp(t, "--demo")
	st := a.Session().Store.(*fakestore.Store)
	sc := a.Session().File.Schools[0]
	if err := a.Session().SaveSchool("", sc); err != nil {
		t.Fatal(err)
	}
	a.historyOf(sc.ID)
	ov := a.Win.Canvas().Overlays().Top()
	if ov == nil {
		t.Fatal("no history dialog")
	}
	found := false
	walk(ov, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == fmt.Sprintf("共 %d条修改记录", len(st.Changes)) {
			found = true
		}
	})
	if !found || len(st.Changes) == 0 {
		t.Fatal("history dialog does not count the recorded change")
	}
}

// The rule switches of the settings reach the evaluation, and the scale
// reaches the theme.
func TestSettingsSwitchRulesAndScale(t *testing.T) {
	a := newTestApp(t, "--demo")
	excluded := func() int { return len(a.Session().Result.Stages.Primary.Excluded) }
	before := excluded()
	if before == 0 {
		t.Fatal("the demo county leaves no small teaching point out")
	}
	s := a.settings
	s.Rules.TeachingPointThreshold = 1
	s.Scale = 1.5
	a.ApplySettings(s)
	if got := excluded(); got >= before {
		t.Fatalf("threshold 1 still leaves %d schools out (was %d)", got, before)
	}
	if a.Session().Result.Rules.TeachingPointThreshold != 1 {
		t.Fatal("the result was not computed under the new rule")
	}
	if sz := fyne.CurrentApp().Settings().Theme().Size("text"); sz < 1.4*14 {
		t.Fatalf("text size %v after choosing 150%%", sz)
	}
	if session.LoadSettings(fyne.CurrentApp().Preferences()).Rules.TeachingPointThreshold != 1 {
		t.Fatal("settings not kept in the preferences")
	}
}
