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
	k := newKeyChoice(win)
	u.Save = k.button("保存", save)
	u.Discard = k.button("不保存", discard)
	u.Cancel = k.button("取消", cancel)
	d := dialog.NewCustomWithoutButtons("未保存的修改", text, win)
	d.SetButtons(Row(u.Cancel, u.Discard, u.Save))
	u.D = d
	// Enter saves, Esc cancels.
	k.show(d, fyne.NewSize(460, 180), map[fyne.KeyName]*widget.Button{
		fyne.KeyReturn: u.Save, fyne.KeyEnter: u.Save, fyne.KeyEscape: u.Cancel,
	})
	return u
}
