package screens

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/ui/dialogs"
	"junheng/ui/entry"
	"junheng/ui/session"
)

// grid is 批量录入: one section of every school at once, entered like a
// spreadsheet. The rules (parsing, what applies, the save plan) are the
// model's (package entry); this page shows it and saves in one go.
type grid struct {
	env      *Env
	sections []entry.Section[county.School]
	tabs     *widget.RadioGroup
	models   map[string]*entry.Grid
	cur      string
	version  uint64
	sheet    *sheet
	summary  *widget.Label
	where    *widget.Label // the cell under the cursor: school, field, hint
	cellMsg  *widget.Label
	probs    *fyne.Container // the cells to fix, each a wrapped line to tap
	problems []entry.Problem
	held     []county.Problem
	last     *entry.Plan // the save plan of what is typed now (see edited)
	saveBtn  *widget.Button
	obj      fyne.CanvasObject
}

func newGrid(env *Env) *grid {
	p := &grid{env: env, sections: entry.SchoolSections(), models: map[string]*entry.Grid{}}
	titles := make([]string, len(p.sections))
	for i, s := range p.sections {
		titles[i] = s.Title
	}
	p.cur = titles[0]
	p.sheet = newSheet()
	p.sheet.onMove = p.showCell
	p.sheet.onEdit = p.edited
	p.sheet.onPaste = func(r entry.PasteResult) {
		msg := fmt.Sprintf("已粘贴 %s单元格", format.Count(r.Filled, "个"))
		if r.Skipped > 0 {
			msg += fmt.Sprintf("；%s落在不适用的灰色单元格上，已跳过", format.Count(r.Skipped, "个"))
		}
		if r.Outside > 0 {
			msg += fmt.Sprintf("；%s超出表格范围，已忽略", format.Count(r.Outside, "个"))
		}
		env.Status(msg)
	}
	p.tabs = widget.NewRadioGroup(titles, func(t string) {
		if t == "" {
			p.tabs.SetSelected(p.cur)
			return
		}
		if t != p.cur {
			p.sheet.commit()
			p.cur = t
			p.showModel()
		}
	})
	p.tabs.Horizontal = true
	p.tabs.Required = true
	p.summary = widget.NewLabel("")
	p.where = widget.NewLabel("")
	p.where.Wrapping = fyne.TextWrapWord
	p.cellMsg = widget.NewLabel("")
	p.cellMsg.Wrapping = fyne.TextWrapWord
	p.cellMsg.Importance = widget.DangerImportance
	// Whole messages, wrapped: one cut with 「…」 said too little.
	p.probs = container.NewVBox()
	p.saveBtn = widget.NewButton("保存（Ctrl+S）", func() { p.Save() })
	p.saveBtn.Importance = widget.HighImportance
	undo := widget.NewButton("放弃本页修改", p.discard)
	help := widget.NewLabel("回车下移，Tab 右移，方向键移动，直接输入即替换；可从 Excel、WPS 复制一块单元格后按 Ctrl+V 粘贴到光标处。空单元格表示不修改；灰色单元格不适用于该校。")
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	side := container.NewBorder(
		container.NewVBox(widget.NewLabelWithStyle("当前单元格", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), p.where, p.cellMsg, widget.NewSeparator(),
			widget.NewLabelWithStyle("需要修改的单元格", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		nil, nil, nil, container.NewVScroll(p.probs))
	split := container.NewHSplit(p.sheet, side)
	split.Offset = 0.8
	top := container.NewVBox(p.tabs, help)
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(undo, p.saveBtn), p.summary)
	p.obj = container.NewBorder(top, bottom, nil, nil, split)
	return p
}

func (p *grid) Object() fyne.CanvasObject { return p.obj }

// model returns the grid of a section, built on first use.
func (p *grid) model(title string) *entry.Grid {
	if m := p.models[title]; m != nil {
		return m
	}
	for _, s := range p.sections {
		if s.Title == title {
			m := entry.NewGrid(p.env.S.File.Schools, s)
			p.models[title] = m
			return m
		}
	}
	return nil
}

func (p *grid) showModel() {
	p.sheet.show(p.model(p.cur))
	p.edited()
	p.showCell()
}

// Update follows the county when it changed (a save, merge, restore,
// import, another year): every section reloads, keeping what was typed.
func (p *grid) Update() {
	s := p.env.S
	if s == nil || s.File == nil {
		return
	}
	if p.version == s.Version && p.sheet.m != nil {
		return // only the result changed: the grid shows none of it
	}
	p.version = s.Version
	for _, m := range p.models {
		m.Reload(s.File.Schools)
	}
	if p.tabs.Selected != p.cur {
		p.tabs.SetSelected(p.cur)
	}
	p.showModel()
}

// Open shows a target: a section title, or FieldTarget (a school and a
// field: its section, the cell focused and marked).
func (p *grid) Open(target string) {
	if target == "" {
		return
	}
	id, path, ok := strings.Cut(target, fieldSep)
	if !ok {
		for _, s := range p.sections {
			if s.Title == target {
				p.tabs.SetSelected(target)
			}
		}
		return
	}
	for _, s := range p.sections {
		for _, f := range s.Fields {
			if f.Path != path {
				continue
			}
			p.tabs.SetSelected(s.Title)
			r, c := p.model(s.Title).Find(id, path)
			if r >= 0 {
				cell := widget.TableCellID{Row: r, Col: c}
				p.sheet.marked = &cell
				p.sheet.moveTo(cell)
				p.focusSheet()
			}
			return
		}
	}
}

func (p *grid) focusSheet() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(p.sheet); c != nil {
		c.Focus(p.sheet)
	}
}

// Dirty reports typed cells not saved, in any section.
func (p *grid) Dirty() bool {
	for _, m := range p.models {
		if m.Dirty() {
			return true
		}
	}
	return false
}

// edited checks what was typed as a save would — each cell, then the
// county's checks across fields (a school's 持证教师 over its 专任教师)
// — and redraws the summary and the list of cells to fix: a problem
// shows as the cell changes or is pasted, not only at 保存, and stays
// listed after a save that wrote the rest.
func (p *grid) edited() {
	m := p.model(p.cur)
	if m == nil {
		return
	}
	p.last = p.plan()
	p.problems = m.Problems()
	p.listProblems()
	schools, values := 0, 0
	for _, mm := range p.models {
		s, v := mm.Edits()
		schools, values = schools+s, values+v
	}
	text := fmt.Sprintf("未保存的修改：%s", format.Count(values, "项"))
	if n := len(p.problems); n > 0 {
		text += fmt.Sprintf("；本页 %s单元格有误（红色），不会保存", format.Count(n, "个"))
	}
	p.summary.SetText(text)
	p.showCell()
}

// maxListed is how many problems the side panel lists one by one.
const maxListed = 200

// listProblems fills the side panel: each refused cell's whole message,
// a tap moving the cursor to it, then the problems of no cell.
func (p *grid) listProblems() {
	p.probs.RemoveAll()
	line := func(text string, tapped func()) {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.DangerImportance
		if tapped == nil {
			p.probs.Add(l)
			return
		}
		b := widget.NewButton("", tapped)
		b.Importance = widget.LowImportance
		p.probs.Add(container.NewStack(b, l))
	}
	for i, pr := range p.problems {
		if i == maxListed {
			line(fmt.Sprintf("……共 %s单元格有误", format.Count(len(p.problems), "个")), nil)
			break
		}
		cell := widget.TableCellID{Row: pr.Row, Col: pr.Col}
		line(pr.String(), func() {
			p.sheet.moveTo(cell)
			p.focusSheet()
		})
	}
	for _, h := range p.held {
		line(h.String(), nil)
	}
}

// showCell describes the cell under the cursor in the side panel.
func (p *grid) showCell() {
	m := p.model(p.cur)
	if m == nil || m.Rows() == 0 {
		p.where.SetText("")
		p.cellMsg.SetText("")
		return
	}
	r, c := p.sheet.cur.Row, p.sheet.cur.Col
	f := m.Fields[c]
	text := m.Schools[r].Name + " · " + f.Label
	if f.Unit != "" {
		text += "（" + f.Unit + "）"
	}
	if f.Hint != "" {
		text += "\n" + f.Hint
	}
	cell := m.Cell(r, c)
	if cell.Skip {
		text += "\n该校（" + m.Schools[r].Type + "）不填此项"
	}
	p.where.SetText(text)
	p.cellMsg.SetText(cell.Problem())
}

// discard drops what was typed on this section.
func (p *grid) discard() {
	if m := p.model(p.cur); m != nil && m.Dirty() {
		dialogs.Confirm("放弃修改", "放弃「"+p.cur+"」中尚未保存的修改吗？", func(ok bool) {
			if ok {
				delete(p.models, p.cur)
				p.showModel()
				p.env.Status("已放弃「" + p.cur + "」中未保存的修改") // not the paste's count any more
			}
		}, p.env.Win)
	}
}

// Save writes the changes of every section in ONE transaction, after the
// clerk confirms a short summary; refused cells stay red and are not
// written, and a value typed over one changed underneath is named with
// both values before anything is written.
func (p *grid) Save() bool {
	p.sheet.commit()
	s := p.env.S
	if err := s.Refresh(); err != nil {
		dialogs.Error(err, p.env.Win)
		return false
	}
	p.edited()
	plan := p.last
	if len(plan.Schools) == 0 {
		if plan.Refused > 0 || len(plan.Held) > 0 {
			p.env.Status("") // nothing saved: never report a save that did not happen
			dialogs.Info("未保存", fmt.Sprintf("没有可保存的修改：有 %s单元格有误（红色），请按右侧的提示修改。", format.Count(plan.Refused, "个")), p.env.Win)
		}
		return plan.Refused == 0
	}
	text := "保存 " + plan.Summary() + "？"
	if plan.Refused > 0 {
		text += fmt.Sprintf("\n另有 %s单元格有误（红色），不会保存。", format.Count(plan.Refused, "个"))
	}
	if len(plan.Stale) > 0 {
		text += "\n\n以下数值在您填写后已被其他操作改动，保存将用您填写的数值覆盖："
		for _, st := range plan.Stale {
			text += fmt.Sprintf("\n「%s」%s：文件中现为「%s」，您填写的是「%s」", st.School, st.Label, orNone(st.Now), st.Typed)
		}
	}
	dialogs.Confirm("保存批量录入", text, func(ok bool) {
		if ok {
			p.write(plan)
		}
	}, p.env.Win)
	return false // saved only when confirmed
}

// plan merges the plans of every section into one set of school records.
func (p *grid) plan() *entry.Plan {
	s := p.env.S
	file := s.File
	all := &entry.Plan{}
	p.held = nil
	for _, sec := range p.sections {
		m := p.models[sec.Title]
		if m == nil {
			continue
		}
		pl := m.Plan(file)
		if len(pl.Schools) > 0 {
			// the next section applies onto this one's records
			nf := *file
			nf.Schools = entry.ReplaceSchools(nf.Schools, pl.Schools)
			file = &nf
		}
		all.Schools = entry.ReplaceSchools(all.Schools, pl.Schools)
		all.Values += pl.Values
		all.Refused += pl.Refused
		all.Stale = append(all.Stale, pl.Stale...)
		all.Held = append(all.Held, pl.Held...)
	}
	p.held = all.Held
	return all
}

func (p *grid) write(plan *entry.Plan) {
	if err := p.env.S.SaveSchools(plan.Schools, session.GridNote); err != nil {
		var ps county.Problems
		if errors.As(err, &ps) {
			p.held = append(p.held, ps...)
			p.listProblems()
		}
		dialogs.Error(err, p.env.Win)
		return
	}
	p.env.Status("已保存：" + plan.Summary())
	// The session's change notice reloaded every section (Update).
	p.Update()
}
