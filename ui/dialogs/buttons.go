package dialogs

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Row gives a dialog's buttons the one order of every dialog, Fyne's own
// included: 取消 (or 关闭) first on the left, the other choices, and the
// default action last on the right, highlighted. The clerk finds 取消 and
// the default in the same place everywhere.
func Row(buttons ...*widget.Button) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(buttons))
	for i, b := range buttons {
		if i == len(buttons)-1 && len(buttons) > 1 {
			b.Importance = widget.HighImportance
		}
		out[i] = b
	}
	return out
}
