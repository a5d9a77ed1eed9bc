package dialogs

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// UnsavedDialog asks what to do with the unsaved input of a page.
type UnsavedDialog struct {
	D       dialog.Dialog
	Save    *widget.Button
	Discard *widget.Button
	Cancel  *widget.Button
}

// Unsaved asks, as Word and Excel do, whether to save the input of page
// before leaving it: 保存 (the default: highlighted, focused, and what
// Enter does), 不保存, 取消 (also Esc). The highlighted button once
// discarded the edits; here the default keeps them.
func Unsaved(page string, win fyne.Window, save, discard, cancel func()) *UnsavedDialog {
	u := &UnsavedDialog{}
	text := widget.NewLabel("「" + page + "」有未保存的修改。离开前要保存吗？")
	text.Wrapping = fyne.TextWrapWord
	c := win.Canvas()
	before := c.OnTypedKey()
	choose := func(fn func()) func() {
		return func() {
			c.SetOnTypedKey(before)
			u.D.Hide()
			fn()
		}
	}
	u.Save = widget.NewButton("保存", choose(save))
	u.Discard = widget.NewButton("不保存", choose(discard))
	u.Cancel = widget.NewButton("取消", choose(cancel))
	d := dialog.NewCustomWithoutButtons("未保存的修改", text, win)
	d.SetButtons(Row(u.Cancel, u.Discard, u.Save))
	u.D = d
	d.Resize(fyne.NewSize(460, 180))
	d.Show()
	// Keys reach the canvas while no field has the focus: the page's
	// field gives it up, Enter saves, Esc cancels.
	c.Unfocus()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		switch e.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			u.Save.OnTapped()
		case fyne.KeyEscape:
			u.Cancel.OnTapped()
		}
	})
	return u
}
