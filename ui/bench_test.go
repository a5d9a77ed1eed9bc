package ui

import (
	"path/filepath"

	"junheng/ui/dbstore"
	"testing"

	"fyne.io/fyne/v2/test"

	jtheme "junheng/ui/theme"
)

// BenchmarkStartDemo is the program's own share of a cold start on the demo
// county: build the window, load the demo, evaluate, lay out and paint the
// first frame (software painter). Process start and the GL context come on
// top; scripts/gui-smoke.sh measures the whole under Xvfb.
func BenchmarkStartDemo(b *testing.B) {
	for b.Loop() {
		fa := test.NewApp()
		knownClerk(fa)
		fa.Settings().SetTheme(jtheme.New(1))
		a := Create(fa, Config{Args: []string{"--demo"}, InlineEval: true})
		a.Win.Canvas().Capture()
		fa.Quit()
	}
}

// BenchmarkStartDemoFile is the same start on the demo county's SQLite
// file: open (with its integrity check), load, evaluate, first frame.
func BenchmarkStartDemoFile(b *testing.B) {
	path := filepath.Join(b.TempDir(), "demo.db")
	fa := test.NewApp()
	knownClerk(fa)
	a := Create(fa, Config{Opener: dbstore.Opener{}, Args: []string{"--demo", "--file", path}, InlineEval: true})
	a.Session().Store.Close()
	fa.Quit()
	b.ResetTimer()
	for b.Loop() {
		fa := test.NewApp()
		knownClerk(fa)
		fa.Settings().SetTheme(jtheme.New(1))
		a := Create(fa, Config{Opener: dbstore.Opener{}, Args: []string{"--file", path}, InlineEval: true})
		a.Win.Canvas().Capture()
		a.Session().Store.Close()
		fa.Quit()
	}
}
