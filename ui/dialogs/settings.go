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
		widget.NewFormItem("姓名（填报人）", d.User),
		widget.NewFormItem("单位", d.Office),
		widget.NewFormItem("界面缩放", d.Scale),
		widget.NewFormItem("保留备份份数", d.Kept),
	)
	rules := widget.NewForm()
	rules.Append("", widget.NewLabelWithStyle("评估规则", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
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
	if msg := whoMissing(s); msg != "" {
		return s, msg
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

// WhoDialog asks who is working: the clerk's name and office, both
// required. They sign the history, the lock note and the dossier's 填报人.
type WhoDialog struct {
	D      dialog.Dialog
	User   *widget.Entry
	Office *widget.Entry
	Msg    *widget.Label
	OK     *widget.Button
}

// Who asks for the clerk's name and office at the first start; done
// receives the settings with them. It cannot be dismissed without both.
func Who(cur session.Settings, win fyne.Window, done func(session.Settings)) *WhoDialog {
	d := &WhoDialog{User: widget.NewEntry(), Office: widget.NewEntry(), Msg: widget.NewLabel("")}
	if cur.Known() {
		d.User.SetText(cur.User)
	}
	d.Office.SetText(cur.Office)
	d.User.PlaceHolder = "如：张丽"
	d.Office.PlaceHolder = "如：义马市教育体育局"
	d.Msg.Importance = widget.DangerImportance
	d.Msg.Wrapping = fyne.TextWrapWord
	// Lines broken by hand: a wrapping label asks for its height at no
	// width, and the dialog opened twice as tall as its content.
	text := widget.NewLabel("请先填写您的姓名和单位。\n修改记录、文件占用提示和申报材料的「填报人」都写这两项；\n以后可在「设置」中修改。")
	form := widget.NewForm(widget.NewFormItem("姓名", d.User), widget.NewFormItem("单位", d.Office))
	d.OK = widget.NewButton("确定", func() {
		s := cur
		s.User, s.Office = strings.TrimSpace(d.User.Text), strings.TrimSpace(d.Office.Text)
		if msg := whoMissing(s); msg != "" {
			d.Msg.SetText(msg)
			return
		}
		d.D.Hide()
		done(s)
	})
	d.OK.Importance = widget.HighImportance
	d.User.OnSubmitted = func(string) { win.Canvas().Focus(d.Office) }
	d.Office.OnSubmitted = func(string) { d.OK.OnTapped() }
	d.D = dialog.NewCustomWithoutButtons("您是哪位", container.NewVBox(text, form, d.Msg), win)
	d.D.(*dialog.CustomDialog).SetButtons(Row(d.OK))
	d.D.Resize(fyne.NewSize(560, 300))
	d.D.Show()
	win.Canvas().Focus(d.User)
	return d
}

// whoMissing names what is missing of who is working ("" when both are
// given).
func whoMissing(s session.Settings) string {
	switch {
	case s.User == "" && s.Office == "":
		return "请填写姓名和单位：修改记录和申报材料要写明是谁、哪个单位填报的"
	case s.User == "" || s.User == "本机用户":
		return "请填写您的姓名：修改记录和申报材料的「填报人」要写明是谁"
	case s.Office == "":
		return "请填写单位：修改记录和申报材料要写明是哪个单位填报的"
	}
	return ""
}
