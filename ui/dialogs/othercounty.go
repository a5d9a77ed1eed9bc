package dialogs

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"junheng/ui/session"
)

// OtherCountyDialog asks whether to merge a file of another county.
type OtherCountyDialog struct {
	D      dialog.Dialog
	Cancel *widget.Button
	Merge  *widget.Button
}

// OtherCounty names both counties and asks whether to merge anyway. The
// buttons keep the order of every dialog (取消 left, the action right),
// but the safe answer is the default: 取消 is what Enter and Esc do, and
// 仍要合并 is not highlighted as a default — a clerk who picked the wrong
// file and presses Enter adds nothing.
func OtherCounty(e *session.OtherCountyError, win fyne.Window, merge func()) *OtherCountyDialog {
	o := &OtherCountyDialog{}
	year := ""
	if e.Year != "" {
		year = "（" + e.Year + " 学年）"
	}
	text := widget.NewLabel(fmt.Sprintf("「%s」是%s的数据%s，当前文件是%s的数据：不是同一个县。"+
		"合并会把另一个县的学校和数据并入当前文件。\n\n是否仍要合并？",
		filepath.Base(e.File), e.Theirs, year, e.Ours))
	text.Wrapping = fyne.TextWrapWord
	c := win.Canvas()
	before := c.OnTypedKey()
	choose := func(fn func()) func() {
		return func() {
			c.SetOnTypedKey(before)
			o.D.Hide()
			if fn != nil {
				fn()
			}
		}
	}
	o.Cancel = widget.NewButton("取消", choose(nil))
	o.Merge = widget.NewButton("仍要合并", choose(merge))
	o.Merge.Importance = widget.WarningImportance
	d := dialog.NewCustomWithoutButtons("不是同一个县的数据", text, win)
	d.SetButtons([]fyne.CanvasObject{o.Cancel, o.Merge})
	o.D = d
	d.Resize(fyne.NewSize(500, 220))
	d.Show()
	c.Unfocus()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		switch e.Name {
		case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
			o.Cancel.OnTapped()
		}
	})
	return o
}
