package dialogs

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"junheng/app/format"
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
	// Summary is an import plan's first paragraph (xlsx.Plan.Summary).
	Summary *widget.Label
	// NewSchools is the 添加新学校 checkbox, nil when the plan adds none.
	NewSchools *widget.Check
	// OtherCounty and Magnitude are the consents a plan of another
	// county's workbook, or with values 1,000× off, needs before 确认导入
	// is enabled; nil when the plan needs none.
	OtherCounty, Magnitude *widget.Check
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
	head := widget.NewLabel(fmt.Sprintf("「%s」有 %s问题，没有导入任何数据。\n请按「工作表!单元格」找到下列单元格改正后重新导入：", name, format.Count(len(errs), "处")))
	head.Wrapping = fyne.TextWrapWord
	head.Importance = widget.DangerImportance
	content := container.NewBorder(head, nil, nil, nil, lineList(d.Lines))
	d.D = dialog.NewCustom("Excel 填报表有错误", "关闭", content, win)
	d.D.Resize(fyne.NewSize(960, 600))
	d.D.Show()
	return d
}

// ImportPlan shows what an import would change and calls apply only when
// the clerk confirms. The plan's summary comes first (schools, values,
// changes, clearings, new schools), then warning when not "" (e.g. a
// different year), then the details: new schools, each changed value
// old → new, notes.
//
// A plan with new schools carries the checkbox 「添加新学校（N 所）」 with
// the schools beside it, unticked: a mistyped id must not add a second copy
// of a school unasked. It sets plan.AddNewSchools; apply reads it.
//
// A workbook of another county (or renaming this one), or with values
// 1,000× off what they replace (万元 typed for 元), is shown with a warning
// naming both counties, or every such cell with its value and the likely
// mix-up, and a checkbox 「确认：…」 each, unticked: 确认导入 stays disabled
// until each is ticked (plan.AcceptOtherCounty, plan.AcceptMagnitude, as
// the command line's --other-county and --accept-magnitude).
func ImportPlan(plan *xlsx.Plan, warning string, win fyne.Window, apply func()) *LinesDialog {
	d := &LinesDialog{}
	for _, s := range plan.NewSchools {
		d.Lines = append(d.Lines, fmt.Sprintf("新学校「%s」（%s）：数据库中没有这个标识码", s.Name, s.ID))
	}
	for _, c := range plan.Changes {
		d.Lines = append(d.Lines, c.String())
	}
	for _, n := range plan.Notes {
		d.Lines = append(d.Lines, "说明："+n)
	}
	d.Summary = widget.NewLabel(plan.Summary())
	d.Summary.Wrapping = fyne.TextWrapWord
	head := container.NewVBox(d.Summary)
	if warning != "" {
		w := widget.NewLabel(warning)
		w.Wrapping = fyne.TextWrapWord
		w.Importance = widget.WarningImportance
		head.Add(w)
	}
	d.Apply = widget.NewButton("确认导入", func() {
		d.D.Hide()
		apply()
	})
	d.Apply.Importance = widget.HighImportance
	// tick sets a confirmation of the plan and shows the preview again
	// with it: the summary, and 确认导入 enabled once all are given.
	tick := func(accept *bool) func(bool) {
		*accept = false
		return func(on bool) {
			*accept = on
			d.Summary.SetText(plan.Summary())
			syncApply(d.Apply, plan)
		}
	}
	consent := func(warning, label string, accept *bool) *widget.Check {
		w := widget.NewLabel(warning)
		w.Wrapping = fyne.TextWrapWord
		w.Importance = widget.DangerImportance
		c := widget.NewCheck(label, tick(accept))
		head.Add(w)
		head.Add(c)
		return c
	}
	if e := plan.OtherCounty; e != nil {
		d.OtherCounty = consent(e.Warning(), e.Consent(), &plan.AcceptOtherCounty)
	}
	if len(plan.Magnitudes) > 0 {
		e := &xlsx.ErrMagnitude{File: plan.File, Cases: plan.Magnitudes}
		d.Magnitude = consent(e.Warning()+"：\n"+shownLines(plan.Magnitudes, 5)+"\n请核对单位；填错了就点「取消」，改正后重新导入。", e.Consent(), &plan.AcceptMagnitude)
		d.Lines = append(slices.Clone(plan.Magnitudes), d.Lines...)
	}
	closing := fmt.Sprintf("确认后一次性导入，并在修改记录中注明来自「%s」；点「取消」则不做任何改动。", plan.File)
	if n := len(plan.NewSchools); n > 0 {
		names := widget.NewLabel(newSchoolNames(plan.NewSchools))
		names.Wrapping = fyne.TextWrapWord
		d.NewSchools = widget.NewCheck(fmt.Sprintf("添加新学校（%s）", format.Count(n, "所")), tick(&plan.AddNewSchools))
		head.Add(d.NewSchools)
		head.Add(names)
		closing = "不勾选「添加新学校」时只导入已有学校和县级数据的修改，新学校不添加。" + closing
	}
	syncApply(d.Apply, plan)
	end := widget.NewLabel(closing)
	end.Wrapping = fyne.TextWrapWord
	head.Add(end)
	cancel := widget.NewButton("取消", func() { d.D.Hide() })
	content := container.NewBorder(head, container.NewHBox(d.Apply, cancel), nil, nil, lineList(d.Lines))
	d.D = dialog.NewCustomWithoutButtons("导入 Excel：请核对修改", content, win)
	d.D.Resize(fyne.NewSize(960, 640))
	d.D.Show()
	return d
}

// syncApply enables 确认导入 when confirming would save something (a plan
// of new schools only needs its checkbox ticked) and the clerk consented
// to what needs consent: another county, values 1,000× off.
func syncApply(b *widget.Button, plan *xlsx.Plan) {
	unconsented := plan.OtherCounty != nil && !plan.AcceptOtherCounty || len(plan.Magnitudes) > 0 && !plan.AcceptMagnitude
	if len(plan.Changes) == 0 && !plan.AddNewSchools || unconsented {
		b.Disable()
	} else {
		b.Enable()
	}
}

// shownLines is the first n lines, one a line, then how many more the
// list below holds.
func shownLines(lines []string, n int) string {
	if len(lines) <= n {
		return strings.Join(lines, "\n")
	}
	return strings.Join(lines[:n], "\n") + fmt.Sprintf("\n等共 %s（全部列在下方）", format.Count(len(lines), "个"))
}

// newSchoolNames lists the new schools beside the checkbox, the first ten
// by name and id; the list below holds them all.
func newSchoolNames(schools []xlsx.SchoolRef) string {
	const shown = 10
	names := make([]string, 0, shown+1)
	for i, s := range schools {
		if i == shown {
			names = append(names, fmt.Sprintf("等 %s（全部列在下方）", format.Count(len(schools), "所")))
			break
		}
		names = append(names, fmt.Sprintf("「%s」（%s）", s.Name, s.ID))
	}
	return "新学校：" + strings.Join(names, "、")
}
