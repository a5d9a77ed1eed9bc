package screens

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	ev "junheng/app/evidence"
	"junheng/ui/dialogs"
	w "junheng/ui/widgets"
)

// fileDialog is the description of one attachment being edited.
type fileDialog struct {
	D                  *dialog.CustomDialog
	Title, DocNo, Date *widget.Entry
	Caption            *widget.Entry
	Entry              *widget.Select
	Msg                w.Message
	OK                 *widget.Button
}

// editFile asks for the title, 文号, date, caption and entry of an
// attachment; 确定 makes it a pending step once app/evidence has checked
// it (Meta.Clean: the one date parser, the lengths), its refusal shown in
// the dialog.
func (p *evidencePage) editFile(id string) *fileDialog {
	a, ok := p.draft.Get(id)
	if !ok {
		return nil
	}
	d := &fileDialog{Title: widget.NewEntry(), DocNo: widget.NewEntry(), Date: widget.NewEntry(),
		Caption: widget.NewMultiLineEntry(), Msg: w.NewMessage()}
	d.Msg.Wrapping = fyne.TextWrapBreak // Chinese has no blanks to wrap at
	d.Title.SetText(a.Title)
	d.Title.PlaceHolder = strings.TrimSuffix(a.Name, a.Ext)
	d.DocNo.SetText(a.DocNo)
	d.DocNo.PlaceHolder = "如 某教发〔2024〕12号，没有可不填"
	d.Date.SetText(a.Date)
	d.Date.PlaceHolder = "如 2025-03-08"
	d.Caption.SetText(a.Caption)
	d.Caption.PlaceHolder = "照片请写明时间、地点、人物、事件"
	d.Caption.SetMinRowsVisible(3)
	d.Caption.Wrapping = fyne.TextWrapWord
	opts := append([]string{noEntry}, p.entryNames(a.Item, a.School)...)
	if a.Entry != "" && !slices.Contains(opts, a.Entry) {
		opts = append(opts, a.Entry) // an entry renamed or removed since: kept until changed
	}
	d.Entry = widget.NewSelect(opts, nil)
	if a.Entry == "" {
		d.Entry.SetSelected(noEntry)
	} else {
		d.Entry.SetSelected(a.Entry)
	}
	form := widget.NewForm(
		widget.NewFormItem("题名", d.Title),
		widget.NewFormItem("文号", d.DocNo),
		widget.NewFormItem("日期", d.Date),
		widget.NewFormItem("说明", d.Caption),
		widget.NewFormItem("对应清单项", d.Entry),
	)
	file := widget.NewLabel("文件：" + a.Name)
	file.Truncation = fyne.TextTruncateEllipsis
	d.D = dialog.NewCustomWithoutButtons("修改材料信息", container.NewVBox(file, form, d.Msg), p.env.Win)
	cancel := widget.NewButton("取消", d.D.Hide)
	d.OK = widget.NewButton("确定", func() {
		m, err := ev.Meta{Title: d.Title.Text, DocNo: d.DocNo.Text, Caption: d.Caption.Text, Date: d.Date.Text,
			Entry: strings.TrimPrefix(d.Entry.Selected, noEntry)}.Clean("「" + a.Name + "」")
		if err != nil { // app/evidence's sentence: the field, the value, what is wrong
			d.say(err.Error())
			return
		}
		if m == a.Meta {
			d.D.Hide()
			return
		}
		if err := p.draft.Update(id, m); err != nil {
			d.say(err.Error())
			return
		}
		d.D.Hide()
		p.env.Status("已修改「" + a.DisplayTitle() + "」（未保存）")
		p.redraw()
	})
	d.D.SetButtons(dialogs.Row(cancel, d.OK))
	d.D.Resize(fileDialogSize)
	d.D.Show()
	return d
}

// fileDialogSize is the description dialog's size: room for a long 题名.
var fileDialogSize = fyne.NewSize(620, 420)

// say shows a message in the dialog and lays it out again: a message
// shown after the dialog is laid out would keep one long line past the
// dialog's edge.
func (d *fileDialog) say(msg string) {
	d.Msg.SetText(msg)
	d.D.Resize(fileDialogSize)
}

// statusWords are the choices of an entry's state in the checklist editor.
var statusWords = []string{"由材料决定", string(ev.StatusNA), string(ev.StatusPaper)}

func statusOfWord(s string) ev.EntryStatus {
	if s == statusWords[0] {
		return ev.StatusAuto
	}
	return ev.EntryStatus(s)
}

func wordOfStatus(s ev.EntryStatus) string {
	if s == ev.StatusAuto {
		return statusWords[0]
	}
	return string(s)
}

// checklistDialog edits one item's checklist.
type checklistDialog struct {
	D    *dialog.CustomDialog
	rows *fyne.Container
	Msg  w.Message
	Save *widget.Button
	Add  *widget.Button
}

// editChecklist edits the item's checklist: entries added, renamed,
// removed, marked 不适用 or 纸质已备, per school or not. 保存 stores it at
// once (app/evidence checks it; its refusal is shown in the dialog).
func (p *evidencePage) editChecklist() *checklistDialog {
	item := p.item
	if _, ok := ev.ItemOf(item); !ok {
		return nil
	}
	d := &checklistDialog{rows: container.NewVBox(), Msg: w.NewMessage()}
	d.Msg.Wrapping = fyne.TextWrapBreak
	for _, e := range p.lists[item] {
		d.addRow(e)
	}
	d.Add = widget.NewButton("添加一项", func() { d.addRow(ev.Entry{}) })
	hint := widget.NewLabel("「每校一份」的材料每所学校都要有；「不适用」「纸质已备」的一项不再算作缺少。")
	hint.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(hint, container.NewVBox(container.NewHBox(d.Add), d.Msg), nil, nil, container.NewVScroll(d.rows))
	d.D = dialog.NewCustomWithoutButtons(item+" 佐证材料清单", body, p.env.Win)
	cancel := widget.NewButton("取消", d.D.Hide)
	d.Save = widget.NewButton("保存清单", func() {
		es := d.entries()
		if err := p.env.S.SaveChecklist(item, es); err != nil {
			d.Msg.SetText(err.Error())
			d.D.Resize(checklistDialogSize) // lay the message out inside the dialog
			return
		}
		d.D.Hide()
		p.env.Status(item + " 的佐证材料清单已保存")
		p.Update()
		p.entry = p.defaultEntry() // an entry now 不适用 or gone is no longer the one to add to
		p.redrawItem()
	})
	d.D.SetButtons(dialogs.Row(cancel, d.Save))
	d.D.Resize(checklistDialogSize)
	d.D.Show()
	return d
}

// checklistDialogSize has room for a long entry name with its switches.
var checklistDialogSize = fyne.NewSize(760, 460)

// addRow adds an entry's line: name, 每校一份, state, 删除.
func (d *checklistDialog) addRow(e ev.Entry) {
	name := widget.NewEntry()
	name.SetText(e.Name)
	name.PlaceHolder = "材料名称，如「音乐专用教室照片」"
	per := widget.NewCheck("每校一份", nil)
	per.SetChecked(e.PerSchool)
	st := widget.NewSelect(statusWords, nil)
	st.SetSelected(wordOfStatus(e.Status))
	var row *fyne.Container
	del := widget.NewButton("删除", func() {
		d.rows.Remove(row)
	})
	row = container.NewBorder(nil, nil, nil, container.NewHBox(per, st, del), name)
	d.rows.Add(row)
}

// entries reads the lines back, in their order.
func (d *checklistDialog) entries() []ev.Entry {
	var out []ev.Entry
	for _, o := range d.rows.Objects {
		c := o.(*fyne.Container)
		name := c.Objects[0].(*widget.Entry)
		right := c.Objects[1].(*fyne.Container).Objects
		out = append(out, ev.Entry{Name: strings.TrimSpace(name.Text), PerSchool: right[0].(*widget.Check).Checked,
			Status: statusOfWord(right[1].(*widget.Select).Selected)})
	}
	return out
}
