package dialogs

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/ui/session"
)

// Choices of a conflict.
const (
	KeepOurs   = "保留本机的值"
	TakeTheirs = "采用导入的值"
)

// MergeDialog lists what an import changes and, for each conflicting field,
// lets the clerk keep the local value or take the imported one.
type MergeDialog struct {
	D       dialog.Dialog
	Choices []*widget.RadioGroup
	Apply   *widget.Button
	// Values are the lines of the values applied without question.
	Values []string
}

// AppliedLine is a value a merge applies: year, where, field, old → new
// and who set it in the other office.
func AppliedLine(v session.AppliedValue) string {
	return fmt.Sprintf("%s %s %s：%s → %s%s", v.Year, v.Where, v.Label, show(v.Old), show(v.New), by(v.By))
}

// MergeSummary is the status line after a merge: what was applied, added
// and decided.
func MergeSummary(plan *session.MergePlan, takeTheirs []bool) string {
	theirs := 0
	for _, t := range takeTheirs {
		if t {
			theirs++
		}
	}
	text := fmt.Sprintf("已合并：直接采用对方 %s数值，新增 %s", format.Count(plan.Applied, "个"), format.Count(len(plan.Added), "项"))
	if n := len(plan.Conflicts); n > 0 {
		text += fmt.Sprintf("，冲突 %s（采用导入 %s，保留本机 %s）", format.Count(n, "处"), format.Count(theirs, "处"), format.Count(n-theirs, "处"))
	}
	return text
}

// Merge shows the plan; apply receives one choice per conflict (true = theirs).
func Merge(plan *session.MergePlan, win fyne.Window, apply func(takeTheirs []bool)) *MergeDialog {
	m := &MergeDialog{}
	summary := fmt.Sprintf("导入的文件：新增 %s，相同 %s，直接采用 %s数值（含新增项的数值），冲突 %s。", format.Count(len(plan.Added), "项"), format.Count(plan.Unchanged, "项"), format.Count(plan.Applied, "个"), format.Count(len(plan.Conflicts), "处"))
	sum := widget.NewLabel(summary)
	sum.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(sum)
	if len(plan.Added) > 0 {
		l := widget.NewLabel("新增：" + strings.Join(plan.Added, "、"))
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	if len(plan.Values) > 0 {
		box.Add(widget.NewLabelWithStyle("对方修改过、本机未改的数值，将直接采用：", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		m.Values = make([]string, len(plan.Values))
		for i, v := range plan.Values {
			m.Values[i] = AppliedLine(v)
		}
		text := strings.Join(m.Values, "\n")
		if plan.Applied > len(plan.Values) && len(plan.Values) == session.MaxListedValues {
			text += fmt.Sprintf("\n……只列出前 %s", format.Count(len(plan.Values), "个"))
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	if len(plan.Conflicts) > 0 {
		box.Add(widget.NewLabelWithStyle("冲突（两边都修改过的数据），请逐项选择：", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		allOurs := widget.NewButton("全部保留本机", func() { m.setAll(KeepOurs) })
		allTheirs := widget.NewButton("全部采用导入", func() { m.setAll(TakeTheirs) })
		box.Add(container.NewHBox(allOurs, allTheirs))
	}
	for _, c := range plan.Conflicts {
		label := c.Label
		if label == "" {
			label = county.FieldLabel(c.Field)
		}
		if label == "" {
			label = c.Field
		}
		where := c.School
		if where == "" {
			where = "县级数据"
		}
		title := widget.NewLabel(fmt.Sprintf("%s %s：%s\n本机：%s%s\n导入：%s%s", c.Year, where, label, show(c.Ours), by(c.OursBy), show(c.Theirs), by(c.TheirsBy)))
		title.Wrapping = fyne.TextWrapWord
		rg := widget.NewRadioGroup([]string{KeepOurs, TakeTheirs}, nil)
		rg.Horizontal = true
		rg.Required = true
		rg.SetSelected(KeepOurs)
		m.Choices = append(m.Choices, rg)
		box.Add(widget.NewCard("", "", container.NewVBox(title, rg)))
	}
	m.Apply = widget.NewButton("合并", func() {
		take := make([]bool, len(m.Choices))
		for i, rg := range m.Choices {
			take[i] = rg.Selected == TakeTheirs
		}
		m.D.Hide()
		apply(take)
	})
	m.Apply.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { m.D.Hide() })
	cd := dialog.NewCustomWithoutButtons("导入合并", container.NewVScroll(box), win)
	cd.SetButtons(Row(cancel, m.Apply))
	m.D = cd
	m.D.Resize(fyne.NewSize(760, 560))
	m.D.Show()
	return m
}

func (m *MergeDialog) setAll(choice string) {
	for _, rg := range m.Choices {
		rg.SetSelected(choice)
	}
}

func show(v string) string {
	if v == "" {
		return "未填报"
	}
	return v
}

func by(who string) string {
	if who == "" {
		return ""
	}
	return "（" + who + "）"
}
