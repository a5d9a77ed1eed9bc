package dialogs

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// keyChoice is a question dialog that the keyboard can answer: while it
// is open the window's keys go to its buttons (Enter, Esc), and every
// button closes it and gives the keys back before running its action.
// Keys reach the canvas only while no field has the focus, so showing it
// takes the focus from the page.
type keyChoice struct {
	c      fyne.Canvas
	before func(*fyne.KeyEvent)
	d      dialog.Dialog
}

func newKeyChoice(win fyne.Window) *keyChoice {
	c := win.Canvas()
	return &keyChoice{c: c, before: c.OnTypedKey()}
}

// button makes a button that closes the dialog, then runs fn (nil: none).
func (k *keyChoice) button(label string, fn func()) *widget.Button {
	return widget.NewButton(label, func() {
		k.c.SetOnTypedKey(k.before)
		k.d.Hide()
		if fn != nil {
			fn()
		}
	})
}

// show opens d, sized size, with keys pressing the buttons they map to.
func (k *keyChoice) show(d dialog.Dialog, size fyne.Size, keys map[fyne.KeyName]*widget.Button) {
	k.d = d
	d.Resize(size)
	d.Show()
	k.c.Unfocus()
	k.c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if b := keys[e.Name]; b != nil {
			b.OnTapped()
		}
	})
}
