package dialogs

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/app/format"
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
	text := widget.NewLabel(fmt.Sprintf("备份会复制当前数据文件，保留最近 %s（可在设置中修改）。\n恢复会用备份替换当前数据，替换前自动再备份一次。", format.Count(kept, "份")))
	text.Wrapping = fyne.TextWrapWord
	b := widget.NewButton("立即备份", func() { d.Hide(); backup() })
	b.Importance = widget.HighImportance
	r := widget.NewButton("从备份恢复…", func() { d.Hide(); restore() })
	d = dialog.NewCustom("备份与恢复", "关闭", container.NewVBox(text, container.NewHBox(b, r)), win)
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
	return d
}

// HistoryDialog is the audit trail (修改记录).
type HistoryDialog struct {
	D      dialog.Dialog
	School *widget.Select
	Field  *widget.Select
	Msg    *widget.Label
	// Lines are the rows on screen, as the clerk reads them.
	Lines []string
}

const allFields = "全部字段"

// fieldChoices are the fields the clerk can pick, by their catalogue
// names (the clerk never types an internal path like students.primary):
// a school's fields, then the county's, the indicator code before a county
// field's name.
func fieldChoices() ([]string, map[string]string) {
	names := []string{allFields}
	paths := map[string]string{allFields: ""}
	add := func(name, path string) {
		if _, dup := paths[name]; dup {
			return
		}
		names = append(names, name)
		paths[name] = path
	}
	for _, sp := range county.SchoolSpecs() {
		add(sp.Label, sp.Path)
	}
	for _, sp := range county.CountySpecs() {
		name := sp.Label
		if sp.Item != "" && !strings.HasPrefix(name, sp.Item) {
			name = sp.Item + " " + name
		}
		add("县级："+name, sp.Path)
	}
	return names, paths
}

// historyLine is one change as the clerk reads it: when (local time, to
// the minute), who, how (录入, 导入…), where, the field's Chinese name,
// old → new, every value in the clerk's words.
func historyLine(c session.Change) string {
	where := c.School
	if where == "" {
		where = "县级数据"
	}
	label := c.Label
	if label == "" {
		label = county.FieldLabel(c.Field)
	}
	if label == "" && c.Field != "" {
		label = "其他数据"
	}
	return fmt.Sprintf("%s　%s　%s　%s：%s　%s → %s", c.When.Local().Format("2006-01-02 15:04"), clerk(c.Office, c.User), c.Action, where, label,
		show(historyValue(c.Field, c.Old)), show(historyValue(c.Field, c.New)))
}

// technical are an attachment's fields a clerk has no use for in the
// history: the file's fingerprint, format, extension, pixel and byte
// sizes, and who added it when (the line's own who and when say it).
var technical = map[string]bool{
	"evidence.hash": true, "evidence.mime": true, "evidence.ext": true, "evidence.width": true,
	"evidence.height": true, "evidence.size": true, "evidence.added_at": true, "evidence.added_by": true,
}

// kindWords name an attachment's kind.
var kindWords = map[string]string{"photo": "照片", "pdf": "PDF 文件", "document": "文档", "sheet": "表格", "other": "其他文件"}

var stamp = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$`)

// historyValue words a stored value for the clerk: an attachment's kind
// in Chinese, a moment in local time to the minute.
func historyValue(field, v string) string {
	if field == "evidence.kind" && kindWords[v] != "" {
		return kindWords[v]
	}
	if stamp.MatchString(v) {
		if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
			return t.Local().Format("2006-01-02 15:04")
		}
	}
	return v
}

// clerk is who made a change as the clerk reads it: 「单位 姓名」, never
// a dangling separator of an empty office (「/ 李老师」, as older lines
// store 「单位 / 姓名」 in one).
func clerk(office, who string) string {
	if o, u, ok := strings.Cut(who, "/"); ok {
		if strings.TrimSpace(o) != "" {
			office = o
		}
		who = u
	}
	office, who = strings.TrimSpace(office), strings.TrimSpace(who)
	if office == "" || who == "" {
		return office + who
	}
	return office + " " + who
}

// History shows the audit trail, optionally of one school and one field.
func History(schools []county.School, schoolID string, win fyne.Window, load func(schoolID, field string) ([]session.Change, error)) *HistoryDialog {
	h := &HistoryDialog{Msg: widget.NewLabel("")}
	names := []string{"全部"}
	for _, s := range schools {
		names = append(names, s.Name)
	}
	list := widget.NewList(func() int { return len(h.Lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(h.Lines[i]) })
	fields, paths := fieldChoices()
	h.Field = widget.NewSelect(fields, nil)
	h.School = widget.NewSelect(names, nil)
	refresh := func() {
		id := ""
		for _, s := range schools {
			if s.Name == h.School.Selected {
				id = s.ID
			}
		}
		rows, err := load(id, paths[h.Field.Selected])
		h.Lines = h.Lines[:0]
		for _, c := range rows {
			if !technical[c.Field] {
				h.Lines = append(h.Lines, historyLine(c))
			}
		}
		if err != nil {
			h.Msg.SetText(err.Error())
		} else {
			h.Msg.SetText(fmt.Sprintf("共 %s修改记录", format.Count(len(h.Lines), "条")))
		}
		list.Refresh()
	}
	first := "全部"
	for _, s := range schools {
		if s.ID == schoolID && schoolID != "" {
			first = s.Name
		}
	}
	h.School.SetSelected(first)
	h.Field.SetSelected(allFields)
	h.School.OnChanged = func(string) { refresh() }
	h.Field.OnChanged = func(string) { refresh() }
	refresh()
	top := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("学校"), nil, h.School),
		container.NewBorder(nil, nil, widget.NewLabel("字段"), nil, h.Field), h.Msg)
	h.D = dialog.NewCustom("修改记录", "关闭", container.NewBorder(top, nil, nil, nil, list), win)
	h.D.Resize(fyne.NewSize(900, 600))
	h.D.Show()
	LastHistory = h
	return h
}

// LastHistory is the history dialog shown last (tests of the menu).
var LastHistory *HistoryDialog
