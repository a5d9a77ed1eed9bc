package dialogs

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"junheng/data/xlsx"
)

// LinesDialog shows a long list of lines (cell problems, planned changes):
// a scrolling list, the full text of the selected line below it, and a
// button that copies every line.
type LinesDialog struct {
	D     dialog.Dialog
	Lines []string
	// Apply is the 确认导入 button of an import plan, nil otherwise.
	Apply *widget.Button
}

// lineList is the scrolling list with the selected line in full below.
func lineList(lines []string) fyne.CanvasObject {
	full := widget.NewLabel("点击一行可在此查看全文。")
	full.Wrapping = fyne.TextWrapWord
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
	list.OnSelected = func(i widget.ListItemID) { full.SetText(lines[i]) }
	copyAll := widget.NewButton("复制全部", func() {
		fyne.CurrentApp().Clipboard().SetContent(strings.Join(lines, "\n"))
	})
	return container.NewBorder(nil, container.NewBorder(nil, nil, nil, copyAll, full), nil, nil, list)
}

// CellErrors lists every problem of a workbook that was not imported.
func CellErrors(name string, errs xlsx.Errors, win fyne.Window) *LinesDialog {
	d := &LinesDialog{}
	for _, e := range errs {
		d.Lines = append(d.Lines, e.String())
	}
	head := widget.NewLabel(fmt.Sprintf("「%s」有 %d 处问题，没有导入任何数据。\n请按「工作表!单元格」找到下列单元格改正后重新导入：", name, len(errs)))
	head.Wrapping = fyne.TextWrapWord
	head.Importance = widget.DangerImportance
	content := container.NewBorder(head, nil, nil, nil, lineList(d.Lines))
	d.D = dialog.NewCustom("Excel 填报表有错误", "关闭", content, win)
	d.D.Resize(fyne.NewSize(960, 600))
	d.D.Show()
	return d
}

// ImportPlan shows what an import would change (new schools, each changed
// value old → new, notes) and calls apply only when the clerk confirms.
// warning, when not "", is shown above the list (e.g. a different year).
func ImportPlan(plan *xlsx.Plan, warning string, win fyne.Window, apply func()) *LinesDialog {
	d := &LinesDialog{}
	for _, s := range plan.NewSchools {
		d.Lines = append(d.Lines, fmt.Sprintf("新增学校「%s」（%s）", s.Name, s.ID))
	}
	for _, c := range plan.Changes {
		d.Lines = append(d.Lines, c.String())
	}
	for _, n := range plan.Notes {
		d.Lines = append(d.Lines, "说明："+n)
	}
	text := fmt.Sprintf("「%s」→ %s 学年：新增学校 %d 所，修改 %d 处。\n确认后一次性导入，并记入修改记录；点「取消」则不做任何改动。",
		plan.File, plan.Year, len(plan.NewSchools), len(plan.Changes))
	if warning != "" {
		text = warning + "\n" + text
	}
	head := widget.NewLabel(text)
	head.Wrapping = fyne.TextWrapWord
	d.Apply = widget.NewButton("确认导入", func() {
		d.D.Hide()
		apply()
	})
	d.Apply.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { d.D.Hide() })
	content := container.NewBorder(head, container.NewHBox(d.Apply, cancel), nil, nil, lineList(d.Lines))
	d.D = dialog.NewCustomWithoutButtons("导入 Excel：请核对修改", content, win)
	d.D.Resize(fyne.NewSize(960, 600))
	d.D.Show()
	return d
}
