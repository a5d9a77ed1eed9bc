package main

import "github.com/go-gl/glfw/v3.4/glfw"

// workArea is the primary monitor's desktop without the taskbar, in
// pixels. GLFW is Fyne's own window library, initialised once the window
// exists; this runs on the main thread (the app's started hook), as GLFW
// requires. Wayland reports no work area: ok is false.
func workArea() (width, height int, ok bool) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return 0, 0, false
	}
	_, _, width, height = m.GetWorkarea()
	if width <= 0 || height <= 0 {
		if mode := m.GetVideoMode(); mode != nil {
			width, height = mode.Width, mode.Height
		}
	}
	return width, height, width > 0 && height > 0
}
