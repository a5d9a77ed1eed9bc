package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/ui/fakestore"
	"junheng/ui/session"
	jtheme "junheng/ui/theme"
)

// benchResources shows the 资源配置 page of a generated county of n schools
// in a 1280×800 headless window.
func benchResources(b *testing.B, n int) (*session.Session, *resources, fyne.Window) {
	a := test.NewApp()
	a.Settings().SetTheme(jtheme.New(1))
	b.Cleanup(a.Quit)
	s, err := session.New(fakestore.New(county.Generate(n, 1)), "", session.Settings{})
	if err != nil {
		b.Fatal(err)
	}
	s.Inline = true
	win := test.NewWindow(nil)
	win.Resize(fyne.NewSize(1280, 800))
	env := &Env{S: s, Win: win, Goto: func(string, string) {}, Status: func(string) {}}
	p := newResources(env)
	win.SetContent(p.Object())
	s.OnChange(p.Update)
	s.Recompute()
	return s, p, win
}

// BenchmarkEval1000 is the evaluation alone.
func BenchmarkEval1000(b *testing.B) {
	f := county.Generate(1000, 1)
	b.ResetTimer()
	for b.Loop() {
		eval.Run(f)
	}
}

// BenchmarkRecomputeRedraw1000 is what a clerk waits for after a save on a
// 1,000-school county: evaluate, refill the resource table and chart, and
// paint the window (software painter of the test driver).
func BenchmarkRecomputeRedraw1000(b *testing.B) {
	s, _, win := benchResources(b, 1000)
	b.ResetTimer()
	for b.Loop() {
		s.Recompute()
		win.Canvas().Capture()
	}
}

// BenchmarkRedraw1000 is the redraw alone (table refill and paint).
func BenchmarkRedraw1000(b *testing.B) {
	_, p, win := benchResources(b, 1000)
	b.ResetTimer()
	for b.Loop() {
		p.Update()
		win.Canvas().Capture()
	}
}
