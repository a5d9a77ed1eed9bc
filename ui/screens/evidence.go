package screens

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	ev "junheng/app/evidence"
	"junheng/app/format"
	"junheng/app/standard"
	"junheng/ui/dialogs"
	evedit "junheng/ui/evidenceedit"
	w "junheng/ui/widgets"
)

// countyScope is the scope selector's word for the county's own files.
const countyScope = "县级材料（全县）"

// noEntry is the entry selector's word for a file answering no entry.
const noEntry = "（不指定清单项）"

// evRow is a line of the item list: a part heading or an item.
type evRow struct {
	heading string
	item    *standard.Item
	state   ev.ItemState
}

// evidencePage is 佐证材料: the items grouped by 一级指标 with what each
// holds and misses; for the item chosen its checklist with the state of
// each entry and its files (the county's or one school's), added by
// 添加文件 or by dropping files on the window, described, removed, all
// pending until 保存 (with 撤销), then stored as one change.
type evidencePage struct {
	env     *Env
	draft   *evedit.Draft
	lists   map[string][]ev.Entry
	loadErr error
	rows    []evRow
	item    string // code of the item on the right ("" = none yet)
	school  string // scope: "" = the county, else a school id
	entry   string // the entry added files answer ("" = none)
	shown   []evedit.Item
	thumbs  map[string]fyne.Resource // by hash; nil = the photo has none
	filed   map[string]ev.Filed      // by ID: the 件号 of every attachment

	list      *widget.List
	title     *widget.Label
	scope     *widget.Select
	entrySel  *widget.Select
	checks    *fyne.Container
	files     *widget.List
	filesHead *widget.Label
	msg       w.Message
	saveBtn   *widget.Button
	undoBtn   *widget.Button
	pending   *widget.Label
	right     *fyne.Container
	empty     *widget.Label
	obj       fyne.CanvasObject
	// setting is true while the selectors are set from code; saving while
	// the store writes (the page reloads once it is done).
	setting, saving bool
}

func newEvidence(env *Env) *evidencePage {
	p := &evidencePage{env: env, thumbs: map[string]fyne.Resource{}, checks: container.NewVBox()}
	p.list = widget.NewList(func() int { return len(p.rows) }, p.newRow, p.updateRow)
	p.list.OnSelected = func(i widget.ListItemID) {
		if i >= len(p.rows) || p.rows[i].item == nil {
			p.list.UnselectAll()
			return
		}
		if p.rows[i].item.Code != p.item {
			p.choose(p.rows[i].item.Code, "")
		}
	}
	p.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.title.Truncation = fyne.TextTruncateEllipsis // one line: the code is what clerks go by
	p.scope = widget.NewSelect(nil, func(string) {
		if !p.setting {
			p.school = p.scopeID()
			p.entry = p.defaultEntry()
			p.redrawItem()
		}
	})
	p.entrySel = widget.NewSelect(nil, func(s string) {
		if !p.setting {
			p.entry = strings.TrimPrefix(s, noEntry)
		}
	})
	add := widget.NewButton("添加文件…", p.chooseFile)
	addDir := widget.NewButton("添加文件夹…", p.chooseFolder)
	editList := widget.NewButton("编辑清单…", func() { p.editChecklist() })
	p.files = widget.NewList(func() int { return len(p.shown) }, p.newFileRow, p.updateFileRow)
	p.files.OnSelected = func(widget.ListItemID) { p.files.UnselectAll() }
	p.filesHead = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.msg = w.NewMessage()
	p.msg.Wrapping = fyne.TextWrapBreak // Chinese has no blanks to wrap at: break between characters
	p.saveBtn = widget.NewButton("保存（Ctrl+S）", func() { p.Save() })
	p.saveBtn.Importance = widget.HighImportance
	p.undoBtn = widget.NewButton("撤销", p.undo)
	p.pending = widget.NewLabel("")
	p.pending.Truncation = fyne.TextTruncateEllipsis

	pickers := container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel("归属"), nil, p.scope),
		container.NewBorder(nil, nil, widget.NewLabel("对应清单项"), nil, p.entrySel))
	// The checklist scrolls above the files (an item may have many
	// entries): the page keeps to the window at 1366×768 and 125 %.
	top := container.NewVBox(p.title, pickers)
	checklist := container.NewBorder(
		container.NewBorder(nil, nil, nil, editList, widget.NewLabelWithStyle("佐证材料清单", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		nil, nil, nil, container.NewVScroll(p.checks))
	files := container.NewBorder(container.NewVBox(widget.NewSeparator(), p.filesHead), nil, nil, nil, p.files)
	middle := container.NewVSplit(checklist, files)
	middle.Offset = 0.4
	bottom := container.NewVBox(p.msg, container.NewBorder(nil, nil, container.NewHBox(p.saveBtn, p.undoBtn), container.NewHBox(add, addDir), p.pending))
	p.right = container.NewBorder(top, bottom, nil, nil, middle)
	p.right.Hide()
	p.empty = widget.NewLabel("请在左侧选择一项指标，查看它的佐证材料清单和已添加的文件。\n也可以把文件直接拖到窗口中，添加到所选的指标。")
	p.empty.Wrapping = fyne.TextWrapWord
	split := container.NewHSplit(p.list, container.NewStack(p.empty, p.right))
	split.Offset = 0.33 // room for 「R1 高学历教师 已有 0 件 · 缺 38 项」 at 125 %
	p.obj = split
	p.syncButtons()
	return p
}

func (p *evidencePage) Object() fyne.CanvasObject { return p.obj }

// Dirty reports pending steps that would change the stored attachments.
func (p *evidencePage) Dirty() bool { return p.draft != nil && p.draft.Dirty() }

// Discard drops the pending steps (不保存 when leaving the page).
func (p *evidencePage) Discard() {
	if p.draft != nil {
		p.draft.Reset(p.env.S.Year, p.stored())
		p.redraw()
	}
}

// Open shows an item: a code, or code#school id.
func (p *evidencePage) Open(target string) {
	code, school, _ := strings.Cut(target, fieldSep)
	if _, ok := ev.ItemOf(code); ok {
		p.choose(code, school)
	}
}

// Update reads the year's attachments and checklists from the store.
// Pending steps are kept over a store that changed (a merge); a new year
// starts afresh (the window asked about the steps before switching).
func (p *evidencePage) Update() {
	s := p.env.S
	if s == nil || p.saving {
		return
	}
	store, ok := s.Evidence()
	if !ok {
		p.loadErr = fmt.Errorf("此数据文件不能保存佐证材料。")
		p.redraw()
		return
	}
	atts, err := store.Attachments(s.Year)
	if err == nil {
		p.lists, err = store.Checklists(s.Year)
	}
	p.loadErr = err
	switch {
	case p.draft == nil:
		p.draft = evedit.New(s.Year, atts)
	case p.draft.Year() != s.Year:
		p.draft.Reset(s.Year, atts)
	default:
		p.draft.Rebase(atts)
	}
	if p.school != "" && s.School(p.school) == nil { // another year, or the school was deleted
		p.school = ""
	}
	p.redraw()
}

// stored re-reads the stored attachments (nil when the store refuses).
func (p *evidencePage) stored() []ev.Attachment {
	if store, ok := p.env.S.Evidence(); ok {
		if atts, err := store.Attachments(p.env.S.Year); err == nil {
			return atts
		}
	}
	return nil
}

// redraw redraws the item list and the item on the right from the draft.
func (p *evidencePage) redraw() {
	p.rows = p.rows[:0]
	if p.draft != nil {
		schools := p.env.S.EvidenceSchools()
		atts := p.draft.Attachments()
		states := ev.Overview(p.lists, atts, schools)
		part := ""
		for i, it := range ev.Items() {
			if it.Part != part {
				part = it.Part
				p.rows = append(p.rows, evRow{heading: standard.PartNames[part]})
			}
			p.rows = append(p.rows, evRow{item: it, state: states[i]})
		}
		p.filed = map[string]ev.Filed{}
		for _, f := range ev.Number(atts, schools) {
			p.filed[f.ID] = f
		}
	}
	p.list.Refresh()
	p.redrawItem()
}

// choose shows an item (and a school's files when school is set).
func (p *evidencePage) choose(code, school string) {
	p.item, p.school = code, school
	if school != "" && p.env.S.School(school) == nil {
		p.school = ""
	}
	if p.school == "" {
		p.school = p.holder(code)
	}
	p.entry = p.defaultEntry()
	for i, r := range p.rows {
		if r.item != nil && r.item.Code == code {
			p.list.Select(i)
			p.list.ScrollTo(i)
		}
	}
	p.redrawItem()
}

// redrawItem redraws the right side: selectors, checklist and files.
func (p *evidencePage) redrawItem() {
	p.syncButtons()
	if p.loadErr != nil {
		p.empty.SetText("无法读取佐证材料：" + p.loadErr.Error())
		p.right.Hide()
		p.empty.Show()
		return
	}
	it, ok := ev.ItemOf(p.item)
	if !ok || p.draft == nil {
		p.right.Hide()
		p.empty.Show()
		return
	}
	p.empty.Hide()
	p.right.Show()
	// No blank after the code: the line wraps inside the name, not after G3.
	p.title.SetText(fmt.Sprintf("%s：%s（%s）", it.Code, it.Name, standard.PartNames[it.Part]))
	p.setting = true
	p.scope.Options = p.scopeOptions()
	p.scope.SetSelected(p.scopeName())
	opts := append([]string{noEntry}, p.entryNames(p.item, p.school)...)
	if !slices.Contains(opts, p.entry) {
		p.entry = ""
	}
	p.entrySel.Options = opts
	if p.entry == "" {
		p.entrySel.SetSelected(noEntry)
	} else {
		p.entrySel.SetSelected(p.entry)
	}
	p.setting = false
	p.showChecklist()
	p.shown = p.shown[:0]
	for _, a := range p.draft.Items() {
		if a.Item == p.item && a.School == p.school {
			p.shown = append(p.shown, a)
		}
	}
	where := "县级"
	if p.school != "" {
		where = p.scopeName()
	}
	if len(p.shown) == 0 {
		text := where + "：尚无文件。点「添加文件…」，或把文件拖到窗口中。"
		if n := p.elsewhere(); n > 0 {
			text = fmt.Sprintf("%s：尚无文件（本项另有 %s在其他学校或县级，请在上方选择）。点「添加文件…」，或把文件拖到窗口中。", where, format.Count(n, "件"))
		}
		p.filesHead.SetText(text)
	} else {
		p.filesHead.SetText(fmt.Sprintf("%s：%s文件", where, format.Count(len(p.shown), "件")))
	}
	p.files.Refresh()
}

// holder is where an item's files are when it is opened from the list:
// "" (the county) when it holds any, else the first school (in the file's
// order) that does — 「已有 5 件」 opens on files, not on 「县级：尚无文件」.
func (p *evidencePage) holder(code string) string {
	if p.draft == nil {
		return ""
	}
	at := map[string]bool{}
	for _, a := range p.draft.Items() {
		if a.Item == code {
			if a.School == "" {
				return ""
			}
			at[a.School] = true
		}
	}
	for _, s := range p.env.S.File.Schools {
		if at[s.ID] {
			return s.ID
		}
	}
	return ""
}

// elsewhere counts the files of the item on screen held by another
// school or the county.
func (p *evidencePage) elsewhere() int {
	n := 0
	for _, a := range p.draft.Items() {
		if a.Item == p.item && a.School != p.school {
			n++
		}
	}
	return n
}

// showChecklist lists the item's entries with their states.
func (p *evidencePage) showChecklist() {
	p.checks.RemoveAll()
	states := ev.States(p.item, p.lists, p.draft.Attachments(), p.env.S.EvidenceSchools())
	if len(states) == 0 {
		p.checks.Add(widget.NewLabel("本项没有清单。点「编辑清单…」添加需要的材料。"))
	}
	for _, st := range states {
		p.checks.Add(p.checkRow(st))
	}
}

// checkRow is one entry: its state (red while missing, green once
// given), its name and, for a per-school entry, the schools still missing
// it; 添加到此项 makes it the entry added files answer (on the first
// school missing it, for a per-school entry seen from the county).
func (p *evidencePage) checkRow(st ev.EntryState) fyne.CanvasObject {
	text, missing := p.checkText(st)
	l := widget.NewLabel(text)
	l.Truncation = fyne.TextTruncateEllipsis
	switch {
	case missing:
		l.Importance = widget.DangerImportance
	case st.State == ev.StateGiven || st.State == ev.StateMissing:
		l.Importance = widget.SuccessImportance
	}
	b := widget.NewButton("添加到此项", func() {
		school := ""
		if st.PerSchool {
			school = p.school
			if school == "" && len(st.Missing) > 0 {
				school = st.Missing[0].ID
			} else if school == "" && len(p.env.S.File.Schools) > 0 {
				school = p.env.S.File.Schools[0].ID
			}
		}
		p.school, p.entry = school, st.Name
		p.redrawItem()
	})
	b.Importance = widget.LowImportance
	if p.entry == st.Name && st.PerSchool == (p.school != "") {
		b.SetText("✓ 添加到此项")
		b.Importance = widget.MediumImportance
	}
	return container.NewBorder(nil, nil, nil, b, l)
}

// checkText is an entry's line and whether it is missing where the page
// looks: seen from a school, the school's own state first; seen from the
// county, the schools still missing it.
func (p *evidencePage) checkText(st ev.EntryState) (string, bool) {
	missing := st.State == ev.StateMissing
	mark := map[string]string{ev.StateGiven: "✓ ", ev.StateMissing: "× "}[st.State]
	if mark == "" {
		mark = "– "
	}
	if !st.PerSchool {
		return mark + st.Name + "：" + st.State, missing
	}
	if p.school != "" && (st.State == ev.StateGiven || st.State == ev.StateMissing) {
		own := "本校已提供"
		missing = slices.ContainsFunc(st.Missing, func(s ev.SchoolRef) bool { return s.ID == p.school })
		mark = "✓ "
		if missing {
			own, mark = "本校缺", "× "
		}
		if len(st.Missing) > 0 {
			return fmt.Sprintf("%s%s（每校一份）：%s，全县还有 %s学校缺", mark, st.Name, own, format.Count(len(st.Missing), "所")), missing
		}
		return fmt.Sprintf("%s%s（每校一份）：%s，各校均已提供", mark, st.Name, own), missing
	}
	text := mark + st.Name + "（每校一份）：" + st.State
	if len(st.Missing) > 0 {
		names := make([]string, 0, 3)
		for i, s := range st.Missing {
			if i == 3 {
				break
			}
			names = append(names, s.Name)
		}
		text += fmt.Sprintf("，%s学校缺：%s", format.Count(len(st.Missing), "所"), strings.Join(names, "、"))
		if len(st.Missing) > 3 {
			text += " 等"
		}
	}
	return text, missing
}

// defaultEntry is the entry added files answer when the clerk has not
// chosen: the first one still missing in the scope, else none.
func (p *evidencePage) defaultEntry() string {
	if p.draft == nil {
		return ""
	}
	for _, st := range ev.States(p.item, p.lists, p.draft.Attachments(), p.env.S.EvidenceSchools()) {
		if st.State != ev.StateMissing || st.PerSchool != (p.school != "") {
			continue
		}
		if !st.PerSchool || slices.ContainsFunc(st.Missing, func(s ev.SchoolRef) bool { return s.ID == p.school }) {
			return st.Name
		}
	}
	return ""
}

func (p *evidencePage) scopeOptions() []string {
	out := []string{countyScope}
	for _, s := range p.env.S.File.Schools {
		out = append(out, s.Name)
	}
	return out
}

func (p *evidencePage) scopeName() string {
	if sc := p.env.S.School(p.school); sc != nil {
		return sc.Name
	}
	return countyScope
}

// scopeID is the school chosen in the selector ("" = the county); by
// position, since two schools may share a name.
func (p *evidencePage) scopeID() string {
	i := p.scope.SelectedIndex()
	if i <= 0 || i > len(p.env.S.File.Schools) {
		return ""
	}
	return p.env.S.File.Schools[i-1].ID
}

// syncButtons enables 保存 and 撤销 as the draft allows and says how much
// is pending.
func (p *evidencePage) syncButtons() {
	if p.draft == nil || !p.draft.CanUndo() {
		p.undoBtn.Disable()
	} else {
		p.undoBtn.Enable()
	}
	if !p.Dirty() {
		p.saveBtn.Disable()
		p.pending.SetText("")
		return
	}
	p.saveBtn.Enable()
	e := p.draft.Edit()
	p.pending.SetText("未保存：" + evedit.Describe(e))
}

func (p *evidencePage) undo() {
	if p.draft == nil {
		return
	}
	if msg := p.draft.Undo(); msg != "" {
		p.env.Status(msg)
	}
	p.msg.SetText("")
	p.redraw()
}

// Save stores every pending step as one change (one SaveEvidence); the
// store's refusal is shown as it comes and the steps are kept.
func (p *evidencePage) Save() bool {
	if !p.Dirty() {
		return true
	}
	e := p.draft.Edit()
	p.saving = true
	err := p.env.S.SaveEvidence(e)
	p.saving = false
	if err != nil {
		p.msg.SetText("未保存：" + err.Error())
		return false
	}
	p.msg.SetText("")
	p.draft.Reset(p.env.S.Year, p.stored())
	p.env.Status("已保存佐证材料：" + evedit.Describe(e))
	p.Update()
	return true
}

// refused shows the files that were not added, each with its reason.
func (p *evidencePage) refused(msgs []string) {
	if len(msgs) == 0 {
		return
	}
	title := "文件未添加"
	if len(msgs) > 1 {
		title = fmt.Sprintf("%s文件未添加", format.Count(len(msgs), "个"))
	}
	dialogs.Info(title, strings.Join(msgs, "\n"), p.env.Win)
}
