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
	k := newKeyChoice(win)
	o.Cancel = k.button("取消", nil)
	o.Merge = k.button("仍要合并", merge)
	o.Merge.Importance = widget.WarningImportance
	d := dialog.NewCustomWithoutButtons("不是同一个县的数据", text, win)
	d.SetButtons([]fyne.CanvasObject{o.Cancel, o.Merge})
	o.D = d
	k.show(d, fyne.NewSize(500, 220), map[fyne.KeyName]*widget.Button{
		fyne.KeyReturn: o.Cancel, fyne.KeyEnter: o.Cancel, fyne.KeyEscape: o.Cancel,
	})
	return o
}
