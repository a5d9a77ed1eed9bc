package dialogs

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/ui/session"
)

// ChooseSchools lets the clerk tick the schools to export.
func ChooseSchools(schools []county.School, win fyne.Window, done func(ids []string)) dialog.Dialog {
	checks := make([]*widget.Check, len(schools))
	box := container.NewVBox()
	for i, s := range schools {
		checks[i] = widget.NewCheck(s.Name+"（"+s.Type+"）", nil)
		box.Add(checks[i])
	}
	all := widget.NewButton("全选", func() {
		for _, c := range checks {
			c.SetChecked(true)
		}
	})
	none := widget.NewButton("全不选", func() {
		for _, c := range checks {
			c.SetChecked(false)
		}
	})
	msg := widget.NewLabel("选择要发给其他单位填写或核对的学校：")
	var d dialog.Dialog
	d = dialog.NewCustomConfirm("导出给其他单位", "导出", "取消",
		container.NewBorder(container.NewVBox(msg, container.NewHBox(all, none)), nil, nil, nil, container.NewVScroll(box)),
		func(ok bool) {
			if !ok {
				return
			}
			var ids []string
			for i, c := range checks {
				if c.Checked {
					ids = append(ids, schools[i].ID)
				}
			}
			if len(ids) == 0 {
				Info("导出", "没有选择任何学校。", win)
				return
			}
			done(ids)
		}, win)
	d.Resize(fyne.NewSize(560, 560))
	d.Show()
	return d
}

// Backup offers a backup now or a restore from a backup file.
func Backup(win fyne.Window, kept int, backup, restore func()) dialog.Dialog {
	var d dialog.Dialog
	text := widget.NewLabel(fmt.Sprintf("备份会复制当前数据文件，保留最近 %d 份（可在设置中修改）。\n恢复会用备份替换当前数据，替换前自动再备份一次。", kept))
	text.Wrapping = fyne.TextWrapWord
	b := widget.NewButton("立即备份", func() { d.Hide(); backup() })
	b.Importance = widget.HighImportance
	r := widget.NewButton("从备份恢复…", func() { d.Hide(); restore() })
	d = dialog.NewCustom("备份与恢复", "关闭", container.NewVBox(text, container.NewHBox(b, r)), win)
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
	return d
}

// History shows the audit trail, optionally of one school and one field.
func History(schools []county.School, schoolID string, win fyne.Window, load func(schoolID, field string) ([]session.Change, error)) dialog.Dialog {
	names := []string{"全部"}
	for _, s := range schools {
		names = append(names, s.Name)
	}
	var rows []session.Change
	list := widget.NewList(func() int { return len(rows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := rows[i]
			where := c.School
			if where == "" {
				where = "县级数据"
			}
			label := c.Label
			if label == "" {
				label = county.FieldLabel(c.Field)
			}
			if label == "" {
				label = c.Field
			}
			o.(*widget.Label).SetText(fmt.Sprintf("%s　%s　%s　%s：%s　%s → %s", c.When.Local().Format("2006-01-02 15:04"), c.User, c.Action, where, label, show(c.Old), show(c.New)))
		})
	msg := widget.NewLabel("")
	field := widget.NewEntry()
	field.PlaceHolder = "字段（可不填），如 students.primary"
	school := widget.NewSelect(names, nil)
	refresh := func() {
		id := ""
		for _, s := range schools {
			if s.Name == school.Selected {
				id = s.ID
			}
		}
		var err error
		rows, err = load(id, field.Text)
		if err != nil {
			msg.SetText(err.Error())
		} else {
			msg.SetText(fmt.Sprintf("共 %d 条修改记录", len(rows)))
		}
		list.Refresh()
	}
	school.OnChanged = func(string) { refresh() }
	first := "全部"
	for _, s := range schools {
		if s.ID == schoolID && schoolID != "" {
			first = s.Name
		}
	}
	school.SetSelected(first)
	find := widget.NewButton("查询", refresh)
	top := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("学校"), nil, school),
		container.NewBorder(nil, nil, widget.NewLabel("字段"), find, field), msg)
	d := dialog.NewCustom("修改记录", "关闭", container.NewBorder(top, nil, nil, nil, list), win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
	return d
}
