package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"junheng/ui/session"
	jtheme "junheng/ui/theme"
	"junheng/ui/uitest"
)

// The welcome dialog also offers 打开已有文件: it shows the file dialog,
// and closing that without a choice brings the welcome back (not an empty
// window).
func TestWelcomeOffersAnExistingFile(t *testing.T) {
	a := newTestApp(t)
	ov := a.Win.Canvas().Overlays().Top()
	if ov == nil || uitest.Button(ov, "打开已有文件…") == nil {
		t.Fatal("the welcome dialog does not offer 打开已有文件")
	}
	tap(t, ov, "打开已有文件…")
	fd := a.Win.Canvas().Overlays().Top()
	if fd == nil || fd == ov || uitest.Button(fd, "取消") == nil {
		t.Fatal("no file dialog after 打开已有文件")
	}
	tap(t, fd, "取消")
	if top := a.Win.Canvas().Overlays().Top(); top == nil || uitest.Button(top, "打开示范县") == nil {
		t.Fatal("closing the file dialog left the window without the welcome")
	}
}

// The first start asks who is working before anything else: 姓名 and 单位
// are both required, remembered in the preferences, and the open file
// records changes under them (a later start does not ask again).
func TestFirstStartAsksWhoIsWorking(t *testing.T) {
	t.Setenv("JUNHENG_USER", "")
	t.Setenv("JUNHENG_OFFICE", "")
	fa := test.NewApp()
	fa.Settings().SetTheme(jtheme.New(1))
	t.Cleanup(fa.Quit)
	a := Create(fa, Config{Version: "0.1.0-test", InlineEval: true})
	ov := a.Win.Canvas().Overlays().Top()
	if ov == nil || uitest.Button(ov, "确定") == nil || uitest.Button(ov, "打开示范县") != nil {
		t.Fatal("the first start does not ask who is working first")
	}
	tap(t, ov, "确定")
	if a.Win.Canvas().Overlays().Top() != ov || !uitest.HasText(ov, "请填写姓名和单位") {
		t.Fatal("an empty name and office were accepted")
	}
	entries := uitest.Entries(ov)
	if len(entries) != 2 {
		t.Fatalf("the dialog has %d entries, want 姓名 and 单位", len(entries))
	}
	test.Type(entries[0], "张丽")
	tap(t, ov, "确定")
	if a.Win.Canvas().Overlays().Top() != ov || !uitest.HasText(ov, "请填写单位") {
		t.Fatal("a name without an office was accepted")
	}
	test.Type(entries[1], "义马市教育体育局")
	tap(t, ov, "确定")
	welcome := a.Win.Canvas().Overlays().Top()
	if welcome == nil || uitest.Button(welcome, "打开示范县") == nil {
		t.Fatal("no welcome after saying who is working")
	}
	if got := session.LoadSettings(fa.Preferences()); got.User != "张丽" || got.Office != "义马市教育体育局" {
		t.Fatalf("remembered %q / %q", got.User, got.Office)
	}
	tap(t, welcome, "打开示范县")
	if s := a.Session(); s == nil || s.Settings.User != "张丽" || s.Settings.Office != "义马市教育体育局" {
		t.Fatal("the session does not work as 张丽 of 义马市教育体育局")
	}
	again := Create(fa, Config{Version: "0.1.0-test", InlineEval: true})
	if top := again.Win.Canvas().Overlays().Top(); top == nil || uitest.Button(top, "打开示范县") == nil {
		t.Fatal("a later start asks again who is working")
	}
}

// JUNHENG_USER and JUNHENG_OFFICE, the command line's names of who is
// working, answer the first-start question for the GUI too.
func TestWhoFromTheEnvironment(t *testing.T) {
	env := map[string]string{"JUNHENG_USER": "张丽", "JUNHENG_OFFICE": "义马市教育体育局"}
	s := session.Settings{}.WithEnv(func(k string) string { return env[k] })
	if !s.Known() || s.User != "张丽" || s.Office != "义马市教育体育局" {
		t.Fatalf("settings %+v", s)
	}
	kept := session.Settings{User: "王老师", Office: "城关镇中心校"}.WithEnv(func(k string) string { return env[k] })
	if kept.User != "王老师" {
		t.Fatal("the environment overrode what the clerk said")
	}
}
