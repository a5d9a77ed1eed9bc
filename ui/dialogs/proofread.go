package dialogs

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// ProofreadDialog asks, before the dossier is printed, whether to print
// it although 材料自查 found something.
type ProofreadDialog struct {
	D     dialog.Dialog
	Lines []string
	// Anyway (仍然生成) prints; Back (返回修改, the default: highlighted,
	// and what Enter and Esc do) closes the dialog and prints nothing.
	Anyway, Back *widget.Button
}

// Proofread lists the findings of 材料自查 (one line each) and asks once
// whether to print the dossier anyway; print runs only on 仍然生成.
func Proofread(lines []string, win fyne.Window, print func()) *ProofreadDialog {
	p := &ProofreadDialog{Lines: lines}
	head := widget.NewLabel(fmt.Sprintf("材料自查发现 %d 处问题（文字材料与本文件的数据不一致，或句子不完整）。\n"+
		"建议点「返回修改」，在「县域概况」或「整改清单」中改正后再生成；「仍然生成」则按原文印出。", len(lines)))
	head.Wrapping = fyne.TextWrapWord
	head.Importance = widget.WarningImportance
	k := newKeyChoice(win)
	p.Anyway = k.button("仍然生成", print)
	p.Back = k.button("返回修改", nil)
	d := dialog.NewCustomWithoutButtons("生成前的材料自查", container.NewBorder(head, nil, nil, nil, lineList(lines)), win)
	d.SetButtons(Row(p.Anyway, p.Back))
	p.D = d
	k.show(d, fyne.NewSize(900, 560), map[fyne.KeyName]*widget.Button{
		fyne.KeyReturn: p.Back, fyne.KeyEnter: p.Back, fyne.KeyEscape: p.Back,
	})
	return p
}
