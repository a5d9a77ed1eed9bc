package ui

import "fyne.io/fyne/v2"

// ScreenProbe reports the work area of the screen the window opens on, in
// pixels: the desktop without the taskbar. ok is false when it is unknown
// (Wayland, tests). cmd/junheng asks GLFW; it runs on the main thread once
// the window exists.
type ScreenProbe func() (width, height int, ok bool)

// Frame is the room the window manager's title bar and borders take,
// in logical units, which the work area must also hold.
var frame = fyne.NewSize(16, 40)

// largest is the size past which a bigger window only spreads the pages
// thin (a 2560-unit-wide monitor at 100 %).
var largest = fyne.NewSize(1600, 1000)

// WindowSize is the starting size of the main window, in Fyne's logical
// units, for a work area of workW × workH pixels at canvas scale scale
// (1.25 at 125 %): the whole work area less the frame, up to largest.
// A fixed 1280×800 ran off a 1366×768 screen at 100 % and far off at
// 125 % (1600×1000 pixels); sizes in Fyne are logical, so the pixels are
// divided by the scale.
func WindowSize(workW, workH int, scale float32) fyne.Size {
	if scale <= 0 {
		scale = 1
	}
	w := float32(workW)/scale - frame.Width
	h := float32(workH)/scale - frame.Height
	return fyne.NewSize(max(min(w, largest.Width), 320), max(min(h, largest.Height), 240))
}

// fitToScreen sizes the window to the screen and centres it; without a
// probe (tests, Wayland) the window keeps its default size.
func (a *App) fitToScreen() {
	if a.cfg.Screen == nil {
		return
	}
	w, h, ok := a.cfg.Screen()
	if !ok || w <= 0 || h <= 0 {
		return
	}
	a.Win.Resize(WindowSize(w, h, a.Win.Canvas().Scale()))
	a.Win.CenterOnScreen()
}
