package screens

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"junheng/app/format"
	"junheng/ui/dialogs"

	"junheng/app/county"
	"junheng/ui/session"
	w "junheng/ui/widgets"
)

const (
	allTypes     = "全部类型"
	allLocations = "全部城乡"
)

// schools is 学校档案: the searchable list and the form of one school.
type schools struct {
	env      *Env
	search   *widget.Entry
	typ      *widget.Select
	loc      *widget.Select
	list     *widget.List
	count    *widget.Label
	shown    []int // indexes into the file's schools
	form     *w.Form[sch]
	formBox  fyne.CanvasObject
	right    *fyne.Container // title, form and buttons
	title    *widget.Label
	msg      w.Message
	fail     *failure // the banner of a refused save
	saveBtn  *widget.Button
	delBtn   *widget.Button
	histBtn  *widget.Button
	tmplBtn  *widget.Button // 导出本校模板
	editing  string         // id of the school in the form ("" = new or none)
	isNew    bool
	hasForm  bool
	selected int
	obj      fyne.CanvasObject
}

func newSchools(env *Env) *schools {
	p := &schools{env: env, form: newSchoolForm(), selected: -1, count: widget.NewLabel("")}
	p.search = widget.NewEntry()
	p.search.PlaceHolder = "按名称搜索"
	p.search.OnChanged = func(string) { p.filter() }
	p.typ = widget.NewSelect(append([]string{allTypes}, county.SchoolTypes...), func(string) { p.filter() })
	p.typ.SetSelected(allTypes)
	p.loc = widget.NewSelect(append([]string{allLocations}, county.Locations...), func(string) { p.filter() })
	p.loc.SetSelected(allLocations)
	p.list = widget.NewList(
		func() int { return len(p.shown) },
		func() fyne.CanvasObject { return widget.NewLabel("学校名称占位") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(p.shown) || p.shown[i] >= len(env.S.File.Schools) {
				return
			}
			s := env.S.File.Schools[p.shown[i]]
			o.(*widget.Label).SetText(fmt.Sprintf("%s（%s%s）", s.Name, s.Type, locSuffix(s.Location)))
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		if i >= len(p.shown) {
			return
		}
		id := env.S.File.Schools[p.shown[i]].ID
		if p.hasForm && id == p.editing && !p.isNew {
			return
		}
		p.confirmLeave(func() { p.edit(id) }, func() { p.list.UnselectAll() })
	}
	add := widget.NewButton("新增学校", func() { p.confirmLeave(p.addNew, nil) })
	p.title = widget.NewLabelWithStyle("请在左侧选择学校，或点击「新增学校」", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.msg = w.NewMessage()
	p.fail = &failure{msg: p.msg, probs: p.form.Problems}
	p.form.OnEdit = p.fail.edited
	p.saveBtn = widget.NewButton("保存（Ctrl+S）", func() { p.Save() })
	p.saveBtn.Importance = widget.HighImportance
	p.histBtn = widget.NewButton("修改记录", func() {
		if env.History != nil {
			env.History(p.editing)
		}
	})
	p.delBtn = widget.NewButton("删除学校", p.confirmDelete)
	p.delBtn.Importance = widget.DangerImportance
	scroll := container.NewVScroll(p.form.Object())
	p.form.Scroll = scroll
	p.formBox = scroll
	p.formBox.Hide()
	p.saveBtn.Disable()
	p.delBtn.Disable()
	filters := container.NewVBox(p.search, container.NewGridWithColumns(2, p.typ, p.loc), container.NewBorder(nil, nil, p.count, add))
	left := container.NewBorder(filters, nil, nil, nil, p.list)
	p.right = container.NewBorder(container.NewVBox(p.title, p.msg), container.NewHBox(p.saveBtn, p.delBtn, p.histBtn), nil, nil, p.formBox)
	split := container.NewHSplit(left, p.right)
	split.Offset = 0.3
	p.obj = container.NewBorder(p.xlsxBar(), nil, nil, nil, split)
	return p
}

func locSuffix(l string) string {
	if l == "" {
		return ""
	}
	return "，" + l
}

func (p *schools) Object() fyne.CanvasObject { return p.obj }

// Update redraws the list; an open form follows the stored record when it
// changed (a merge, restore, import, another year): fields not typed in
// show the new value, typed ones are kept for the save to ask about.
func (p *schools) Update() {
	p.filter()
	if !p.hasForm || p.isNew {
		return
	}
	live := p.env.S.School(p.editing)
	if live == nil {
		p.closeForm() // deleted or another year
		return
	}
	if p.form.Version != p.env.S.Version {
		p.form.Rebase(live)
		p.form.Version = p.env.S.Version
	}
}

// filter recomputes the visible list from the search and the two filters.
func (p *schools) filter() {
	if p.env.S == nil || p.env.S.File == nil || p.list == nil || p.typ == nil || p.loc == nil {
		return
	}
	q := strings.TrimSpace(p.search.Text)
	p.shown = p.shown[:0]
	for i, s := range p.env.S.File.Schools {
		if q != "" && !strings.Contains(s.Name, q) && !strings.Contains(s.ID, q) {
			continue
		}
		if t := p.typ.Selected; t != "" && t != allTypes && s.Type != t {
			continue
		}
		if l := p.loc.Selected; l != "" && l != allLocations && s.Location != l {
			continue
		}
		p.shown = append(p.shown, i)
	}
	// The 教学点 after the schools, as the file lists them: a school added
	// later is not listed among the teaching points.
	schools := p.env.S.File.Schools
	slices.SortStableFunc(p.shown, func(a, b int) int {
		pa, pb := schools[a].Type == county.TypePoint, schools[b].Type == county.TypePoint
		switch {
		case pa == pb:
			return 0
		case pb:
			return -1
		}
		return 1
	})
	p.list.Refresh()
	total := len(p.env.S.File.Schools)
	if len(p.shown) == total {
		p.count.SetText(fmt.Sprintf("共 %s学校", format.Count(total, "所")))
	} else {
		p.count.SetText(fmt.Sprintf("共 %s学校，显示 %s", format.Count(total, "所"), format.Count(len(p.shown), "所")))
	}
}

// Shown lists the names of the schools in the list (tests).
func (p *schools) Shown() []string {
	var out []string
	for _, i := range p.shown {
		out = append(out, p.env.S.File.Schools[i].Name)
	}
	return out
}

// confirmLeave runs next at once, or after the user agrees to drop unsaved input.
func (p *schools) confirmLeave(next, cancel func()) {
	if !p.Dirty() {
		next()
		return
	}
	dialogs.Confirm("未保存的修改", "当前学校有未保存的修改，放弃这些修改吗？", func(ok bool) {
		if ok {
			next()
		} else if cancel != nil {
			cancel()
		}
	}, p.env.Win)
}

func (p *schools) openForm(s *sch, title string) {
	p.form.Load(s)
	p.form.Version = p.env.S.Version
	p.title.SetText(title)
	p.fail.say("")
	p.formBox.Show()
	p.right.Refresh() // lay the form out now: focusing a field scrolls by its position
	p.form.Scroll.ScrollToTop()
	p.saveBtn.Enable()
	p.hasForm = true
	p.syncTemplateButton()
}

func (p *schools) closeForm() {
	p.hasForm, p.isNew, p.editing = false, false, ""
	p.formBox.Hide()
	p.saveBtn.Disable()
	p.delBtn.Disable()
	p.title.SetText("请在左侧选择学校，或点击「新增学校」")
	p.fail.say("")
	p.syncTemplateButton()
}

func (p *schools) addNew() {
	p.list.UnselectAll()
	p.editing, p.isNew = "", true
	p.openForm(&sch{Type: county.TypePrimary}, "新增学校")
	p.delBtn.Disable()
	p.syncTemplateButton()
}

func (p *schools) edit(id string) {
	s := p.env.S.School(id)
	if s == nil {
		return
	}
	p.editing, p.isNew = id, false
	p.openForm(s, "学校档案："+s.Name)
	p.syncTemplateButton()
	p.delBtn.Enable()
}

// Open shows a school's form (target = school id, or FieldTarget: the
// school and the field to focus and highlight).
func (p *schools) Open(target string) {
	if target == "" {
		return
	}
	target, path, _ := strings.Cut(target, fieldSep)
	defer func() {
		if path != "" && p.hasForm && p.editing == target {
			p.form.Focus(path, true)
		}
	}()
	p.search.SetText("")
	p.typ.SetSelected(allTypes)
	p.loc.SetSelected(allLocations)
	for i, idx := range p.shown {
		if p.env.S.File.Schools[idx].ID == target {
			p.list.Select(i) // OnSelected opens the form
			p.list.ScrollTo(i)
			return
		}
	}
}

func (p *schools) Dirty() bool { return p.hasForm && p.form.Dirty() }

// Save reads the form, validates the school within the county and stores
// it; on any problem it says how many, lists them, focuses the first and
// stores nothing. A field the clerk changed whose stored value also
// changed since the form loaded it (a merge, a restore, another program)
// is not overwritten without asking, both values shown.
func (p *schools) Save() bool {
	if !p.hasForm {
		return true
	}
	s := p.env.S
	p.fail.say("")
	if err := s.Refresh(); err != nil { // another program's save is seen first
		p.fail.say("未保存：" + err.Error())
		return false
	}
	live := p.form.Loaded() // a new school: the defaults it was opened with
	if !p.isNew {
		old := s.School(p.editing)
		if old == nil {
			p.fail.say("未保存：这所学校已不在文件中（可能已被删除或合并）。")
			return false
		}
		live = session.Clone(*old)
	}
	if cs := p.form.Conflicts(&live); len(cs) > 0 {
		askConflicts(p.env, cs, func() { p.store(live) })
		return false
	}
	return p.store(live)
}

// askConflicts shows each field changed both here and underneath, with
// both values, and saves what was typed only when the clerk says so.
func askConflicts(env *Env, cs []w.Conflict, save func()) {
	text := "打开表单后，以下数值已被其他操作（合并、恢复、导入或另一窗口）改动：\n"
	for _, c := range cs {
		text += fmt.Sprintf("\n%s：文件中现为「%s」，您填写的是「%s」（打开时为「%s」）", c.Label, orNone(c.Stored), orNone(c.Typed), orNone(c.Loaded))
	}
	text += "\n\n点「确定」用您填写的数值覆盖，点「取消」返回表单。"
	dialogs.Confirm("数值已被改动", text, func(ok bool) {
		if ok {
			save()
		}
	}, env.Win)
}

func orNone(s string) string {
	if s == "" {
		return "未填报"
	}
	return s
}

// store parses the changed fields into live (the record as stored now),
// validates and writes it.
func (p *schools) store(live sch) bool {
	s := p.env.S
	if !p.isNew && !p.form.Dirty() {
		p.env.Status("「" + live.Name + "」没有修改，无需保存")
		return true
	}
	sc := session.Clone(live)
	ok := p.form.Read(&sc)
	tidySchool(&sc, &live)
	if ok && (sc.ID == "" || sc.Name == "") {
		if sc.ID == "" {
			p.form.Field("id").SetMessage("学校标识码不能为空")
		}
		if sc.Name == "" {
			p.form.Field("name").SetMessage("学校名称不能为空")
		}
		ok = false
	}
	if ok && (p.isNew || sc.ID != p.editing) {
		if other := s.School(sc.ID); other != nil {
			p.form.Field("id").SetMessage(fmt.Sprintf("与已有学校「%s」的标识码重复", other.Name))
			ok = false
		}
	}
	var rest []county.Problem
	if ok {
		var mine []county.Problem
		for _, pr := range county.Validate(session.WithSchool(s.File, p.editing, sc)) {
			if pr.SchoolID == sc.ID && pr.Field != "schools" {
				mine = append(mine, pr)
			}
		}
		rest = p.form.ShowProblems(mine)
		ok = len(mine) == 0
	}
	if ok {
		if err := s.SaveSchool(p.editing, sc); err != nil {
			var ps county.Problems
			if !errors.As(err, &ps) {
				p.fail.say("未保存：" + err.Error())
				return false
			}
			var mine county.Problems
			for _, pr := range ps { // the store checks the whole year again
				if pr.SchoolID == sc.ID {
					mine = append(mine, pr)
				} else {
					rest = append(rest, pr)
				}
			}
			rest = append(rest, p.form.ShowProblems(mine)...)
			ok = false
		}
	}
	if !ok {
		p.showFailed(rest)
		return false
	}
	p.editing, p.isNew = sc.ID, false
	p.form.Load(&sc)
	p.form.Version = s.Version
	p.title.SetText("学校档案：" + sc.Name)
	p.delBtn.Enable()
	p.syncTemplateButton()
	p.env.Status("已保存「" + sc.Name + "」")
	p.filter()
	return true
}

// showFailed says how many problems stopped the save, lists them and
// focuses the first field to fix. The status bar is left alone: nothing
// was saved.
func (p *schools) showFailed(rest []county.Problem) {
	p.fail.show(rest)
	p.form.FocusFirstProblem()
}

func (p *schools) confirmDelete() {
	s := p.env.S.School(p.editing)
	if s == nil {
		return
	}
	name, id := s.Name, s.ID
	dialogs.Confirm("删除学校", fmt.Sprintf("确定删除学校「%s」吗？\n删除会记入修改记录。", name), func(ok bool) {
		if !ok {
			return
		}
		if err := p.env.S.DeleteSchool(id); err != nil {
			dialogs.Error(err, p.env.Win)
			return
		}
		p.closeForm()
		p.list.UnselectAll()
		p.env.Status("已删除「" + name + "」")
	}, p.env.Win)
}
