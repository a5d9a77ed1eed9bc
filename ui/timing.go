package ui

import (
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
)

// processStart is taken when package ui initialises, a few milliseconds
// after the process starts.
var processStart = time.Now()

// reportStartup prints, when JUNHENG_TIMING is set, how long the program
// took until its event loop runs with the window shown, and until the
// first evaluation reached the widgets (scripts/gui-smoke.sh reads it).
func (a *App) reportStartup() {
	if os.Getenv("JUNHENG_TIMING") == "" {
		return
	}
	a.fa.Lifecycle().SetOnStarted(func() {
		fmt.Fprintf(os.Stderr, "timing: window running %d ms after start\n", time.Since(processStart).Milliseconds())
	})
	go func() {
		for a.env.S == nil || a.env.S.Result == nil {
			time.Sleep(5 * time.Millisecond)
		}
		fyne.Do(func() {
			fmt.Fprintf(os.Stderr, "timing: first result on screen %d ms after start\n", time.Since(processStart).Milliseconds())
		})
	}()
}
