package dialogs

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

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

// Settings edits the user's settings; done receives them when confirmed.
func Settings(cur session.Settings, win fyne.Window, done func(session.Settings)) dialog.Dialog {
	office := widget.NewEntry()
	office.SetText(cur.Office)
	user := widget.NewEntry()
	user.SetText(cur.User)
	scale := widget.NewSelect(scales, nil)
	scale.SetSelected(scaleText(cur.Scale))
	threshold := widget.NewEntry()
	threshold.SetText(strconv.Itoa(cur.Options().TeachingPointThreshold))
	merge := widget.NewCheck("不足人数的教学点并入所属中心校计算", nil)
	merge.SetChecked(cur.MergeTeachingPoints)
	private := widget.NewCheck("民办学校不参加资源配置计算", nil)
	private.SetChecked(cur.ExcludePrivate)
	kept := widget.NewEntry()
	kept.SetText(strconv.Itoa(cur.BackupsKept))
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	form := widget.NewForm(
		widget.NewFormItem("单位名称", office),
		widget.NewFormItem("使用人", user),
		widget.NewFormItem("界面缩放", scale),
		widget.NewFormItem("教学点纳入计算的最少人数", threshold),
		widget.NewFormItem("", merge),
		widget.NewFormItem("", private),
		widget.NewFormItem("保留备份份数", kept),
	)
	var d dialog.Dialog
	d = dialog.NewCustomConfirm("设置", "保存", "取消", container.NewVBox(form, msg), func(ok bool) {
		if !ok {
			return
		}
		s := cur
		t, err1 := strconv.Atoi(threshold.Text)
		k, err2 := strconv.Atoi(kept.Text)
		if err1 != nil || t < 1 || err2 != nil || k < 1 {
			msg.SetText("人数和份数应为正整数")
			d.Show()
			return
		}
		s.Office, s.User = office.Text, user.Text
		v, _ := strconv.Atoi(scale.Selected[:len(scale.Selected)-1])
		s.Scale = float32(v) / 100
		s.TeachingPointThreshold, s.BackupsKept = t, k
		s.MergeTeachingPoints, s.ExcludePrivate = merge.Checked, private.Checked
		done(s)
	}, win)
	d.Resize(fyne.NewSize(560, 460))
	d.Show()
	return d
}
