package ui

import (
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
		fa.Settings().SetTheme(jtheme.New(1))
		a := Create(fa, Config{Args: []string{"--demo"}, InlineEval: true})
		a.Win.Canvas().Capture()
		fa.Quit()
	}
}
