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

// reportRecompute prints, when JUNHENG_TIMING is set, how long the latest
// evaluation ran and how long until the page on screen had its new values.
func (a *App) reportRecompute() {
	s := a.env.S
	if os.Getenv("JUNHENG_TIMING") == "" || s == nil || s.Result == nil || s.Computing {
		return
	}
	fmt.Fprintf(os.Stderr, "timing: %d schools, evaluation %d ms, result on screen %d ms after the request\n",
		len(s.File.Schools), s.Took.Milliseconds(), time.Since(s.Requested).Milliseconds())
	// JUNHENG_TIMING=repeat asks for a few more recomputations, as the
	// 重新计算 button would, once the window is idle.
	if os.Getenv("JUNHENG_TIMING") == "repeat" && a.repeats < 5 {
		a.repeats++
		go func() {
			time.Sleep(300 * time.Millisecond)
			fyne.Do(s.Recompute)
		}()
	}
}

// started runs on the main thread once the event loop runs with the
// window created: the window takes the screen's size, and the startup
// times are reported.
func (a *App) started() {
	a.fitToScreen()
	a.reportStartup()
}

// reportStartup prints, when JUNHENG_TIMING is set, how long the program
// took until its event loop runs with the window shown, and until the
// first evaluation reached the widgets (scripts/gui-smoke.sh reads it).
func (a *App) reportStartup() {
	if os.Getenv("JUNHENG_TIMING") == "" {
		return
	}
	fmt.Fprintf(os.Stderr, "timing: window running %d ms after start, %.0f×%.0f units at scale %.2f\n",
		time.Since(processStart).Milliseconds(), a.Win.Canvas().Size().Width, a.Win.Canvas().Size().Height, a.Win.Canvas().Scale())
	go func() {
		for a.env.S == nil || a.env.S.Result == nil {
			time.Sleep(5 * time.Millisecond)
		}
		fyne.Do(func() {
			fmt.Fprintf(os.Stderr, "timing: first result on screen %d ms after start\n", time.Since(processStart).Milliseconds())
		})
	}()
}
