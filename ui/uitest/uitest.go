// Package uitest holds the helpers the headless GUI tests of every ui
// package share: walking a canvas object tree and tapping a button by its
// text, as a clerk would.
package uitest

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Walk calls fn for o and every object below it, widgets through their
// renderers.
func Walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, ch := range c.Objects {
			Walk(ch, fn)
		}
	case fyne.Widget:
		for _, ch := range test.WidgetRenderer(c).Objects() {
			Walk(ch, fn)
		}
	}
}

// Button finds the first button below root with text, or nil.
func Button(root fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	Walk(root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	return found
}

// Tap taps the button with text below root, failing the test when there
// is none.
func Tap(t testing.TB, root fyne.CanvasObject, text string) {
	t.Helper()
	b := Button(root, text)
	if b == nil {
		t.Fatalf("no button %q", text)
	}
	test.Tap(b)
}

// HasText reports whether a label or text below root contains s.
func HasText(root fyne.CanvasObject, s string) bool {
	found := false
	Walk(root, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, s) {
			found = true
		}
		if c, ok := o.(*canvas.Text); ok && strings.Contains(c.Text, s) {
			found = true
		}
	})
	return found
}

// Entries lists the entries below root in the order they are laid out.
func Entries(root fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	Walk(root, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			out = append(out, e)
		}
	})
	return out
}
