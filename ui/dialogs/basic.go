// Package dialogs holds the GUI's dialogs, every button worded in Chinese
// whatever the system locale: confirmations, messages, settings, the merge
// conflict list, the audit trail, new county and first start, about.
package dialogs

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Confirm asks a yes/no question; done receives the answer.
func Confirm(title, message string, done func(bool), win fyne.Window) dialog.Dialog {
	l := widget.NewLabel(message)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, "确定", "取消", l, done, win)
	d.Resize(fyne.NewSize(420, 180))
	d.Show()
	return d
}

// Info shows a message with a 确定 button.
func Info(title, message string, win fyne.Window) dialog.Dialog {
	l := widget.NewLabel(message)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "确定", l, win)
	d.Resize(fyne.NewSize(420, 180))
	d.Show()
	return d
}

// Error shows an error message (already worded in Chinese).
func Error(err error, win fyne.Window) dialog.Dialog {
	return Info("出错了", err.Error(), win)
}
