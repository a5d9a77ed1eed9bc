package dialogs

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/ui/session"
)

var scales = []string{"100%", "125%", "150%", "175%", "200%"}

func scaleText(s float32) string {
	for _, t := range scales {
		if v, _ := strconv.Atoi(t[:len(t)-1]); float32(v)/100 == s {
			return t
		}
	}
	return "100%"
}

// SettingsDialog edits the settings. Its rule controls are made from
// eval.Switches, the switches of the command line: one per field of
// eval.Options, none forgotten, none added.
type SettingsDialog struct {
	D      dialog.Dialog
	Office *widget.Entry
	User   *widget.Entry
	Scale  *widget.Select
	Kept   *widget.Entry
	// Checks and Numbers are the rule switches by flag name.
	Checks  map[string]*widget.Check
	Numbers map[string]*widget.Entry
	Msg     *widget.Label
	Save    *widget.Button
}

// Settings edits the user's settings; done receives them when confirmed.
func Settings(cur session.Settings, win fyne.Window, done func(session.Settings)) *SettingsDialog {
	d := &SettingsDialog{Office: widget.NewEntry(), User: widget.NewEntry(), Scale: widget.NewSelect(scales, nil),
		Kept: widget.NewEntry(), Checks: map[string]*widget.Check{}, Numbers: map[string]*widget.Entry{}, Msg: widget.NewLabel("")}
	d.Office.SetText(cur.Office)
	d.User.SetText(cur.User)
	d.Scale.SetSelected(scaleText(cur.Scale))
	d.Kept.SetText(strconv.Itoa(cur.BackupsKept))
	d.Msg.Importance = widget.DangerImportance
	d.Msg.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem("单位名称", d.Office),
		widget.NewFormItem("使用人", d.User),
		widget.NewFormItem("界面缩放", d.Scale),
		widget.NewFormItem("保留备份份数", d.Kept),
	)
	rules := widget.NewForm()
	rules.Append("", widget.NewLabelWithStyle("评估规则（与命令行的规则选项相同）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	r := cur.Rules
	for _, sw := range eval.Switches {
		if sw.Int != nil {
			e := widget.NewEntry()
			e.SetText(strconv.Itoa(*sw.Int(&r)))
			d.Numbers[sw.Flag] = e
			rules.Append(sw.Label, e)
			continue
		}
		c := widget.NewCheck(sw.Label, nil)
		c.SetChecked(*sw.Bool(&r))
		d.Checks[sw.Flag] = c
		rules.Append("", c)
	}
	cancel := widget.NewButton("取消", func() { d.D.Hide() })
	d.Save = widget.NewButton("保存", func() {
		s, msg := d.read(cur)
		if msg != "" {
			d.Msg.SetText(msg)
			return
		}
		d.D.Hide()
		done(s)
	})
	d.D = dialog.NewCustomWithoutButtons("设置", container.NewVScroll(container.NewVBox(form, rules, d.Msg)), win)
	d.D.(*dialog.CustomDialog).SetButtons(Row(cancel, d.Save))
	d.D.Resize(fyne.NewSize(620, 520))
	d.D.Show()
	return d
}

// read collects the dialog into settings, or names what is wrong.
func (d *SettingsDialog) read(cur session.Settings) (session.Settings, string) {
	s := cur
	s.Office, s.User = strings.TrimSpace(d.Office.Text), strings.TrimSpace(d.User.Text)
	if s.User == "" {
		return s, "请填写使用人：修改记录要写明是谁改的"
	}
	k, msg := wholeNumber("保留备份份数", d.Kept.Text, 1)
	if msg != "" {
		return s, msg
	}
	s.BackupsKept = k
	v, _ := strconv.Atoi(strings.TrimSuffix(d.Scale.Selected, "%"))
	if v > 0 {
		s.Scale = float32(v) / 100
	}
	for _, sw := range eval.Switches {
		if sw.Int != nil {
			n, msg := wholeNumber(sw.Label, d.Numbers[sw.Flag].Text, sw.Min)
			if msg != "" {
				return s, msg
			}
			*sw.Int(&s.Rules) = n
		} else {
			*sw.Bool(&s.Rules) = d.Checks[sw.Flag].Checked
		}
	}
	return s, ""
}

// wholeNumber reads a whole number of at least low with the one parser
// for what clerks type (full-width digits and separators welcome).
func wholeNumber(label, text string, low int) (int, string) {
	x, reason := county.ParseNumber(text)
	switch {
	case reason != "":
		return 0, fmt.Sprintf("「%s」：%s", label, reason)
	case x != math.Trunc(x) || x < float64(low) || x > 1e6:
		return 0, fmt.Sprintf("「%s」应为不小于 %d 的整数，现在是「%s」", label, low, strings.TrimSpace(text))
	}
	return int(x), ""
}
