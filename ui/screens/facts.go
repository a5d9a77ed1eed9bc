package screens

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/ui/session"
	w "junheng/ui/widgets"
)

type prof = county.Profile

// ensure allocates an optional block of the county facts before a form writes into it.
func ensure[T any](pp **T) *T {
	if *pp == nil {
		*pp = new(T)
	}
	return *pp
}

// yesNo is a county fact decided yes/no with its evidence.
func yesNo(path, label, hint string, acc func(*prof) **county.YesNo) []*w.Field[prof] {
	return []*w.Field[prof]{
		w.Bool[prof](path+".ok", label, hint, func(p *prof) **bool { return &ensure(acc(p)).OK }),
		w.Text[prof](path+".evidence", "佐证材料", "文件名称、文号或情况说明", true, func(p *prof) *string { return &ensure(acc(p)).Evidence }),
	}
}

// evidence is the evidence box of a county item with numbers.
func evidence(path string, acc func(*prof) *string) *w.Field[prof] {
	return w.Text[prof](path+".evidence", "佐证材料", "文件名称、文号或情况说明", true, acc)
}

// facts is a page of county facts: a form over the county profile and the
// verdicts of its items.
type facts struct {
	env     *Env
	form    *w.Form[prof]
	codes   []string
	results *fyne.Container
	msg     w.Message
	fail    *failure   // the banner of a refused save
	extra   factsExtra // optional second editor (the finance rows)
	// tidy runs on the facts to store after the changed fields were read
	// (the 整改台账 drops an entry the form added but left empty).
	tidy func(*prof)
	// fieldOf names the field an item is fixed in where its path does not
	// say (G6: the 公用经费基准定额); see fieldFor.
	fieldOf map[string]string
	scroll  *container.Scroll
	rowOf   map[string]fyne.CanvasObject // the verdict row of each code
	obj     fyne.CanvasObject
}

// factsExtra is an editor shown under the form that stores into the same profile.
type factsExtra interface {
	Object() fyne.CanvasObject
	Load(p *prof)
	Read(p *prof) bool
	Dirty() bool
}

func newFacts(env *Env, title string, form *w.Form[prof], codes []string, extra factsExtra) *facts {
	p := &facts{env: env, form: form, codes: codes, extra: extra, results: container.NewVBox(), rowOf: map[string]fyne.CanvasObject{}}
	p.msg = w.NewMessage()
	p.fail = &failure{msg: p.msg, probs: p.form.Problems}
	p.form.OnEdit = p.fail.edited
	save := widget.NewButton("保存（Ctrl+S）", func() { p.Save() })
	save.Importance = widget.HighImportance
	body := container.NewVBox(form.Object())
	if extra != nil {
		body.Add(extra.Object())
	}
	if len(codes) > 0 {
		body.Add(widget.NewSeparator())
		body.Add(widget.NewLabelWithStyle("评估结果", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		body.Add(p.results)
	}
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	scroll := container.NewVScroll(body)
	form.Scroll = scroll
	p.scroll = scroll
	p.obj = container.NewBorder(container.NewVBox(head, p.msg), container.NewHBox(save), nil, nil, scroll)
	return p
}

func (p *facts) Object() fyne.CanvasObject { return p.obj }

func (p *facts) Dirty() bool { return p.form.Dirty() || (p.extra != nil && p.extra.Dirty()) }

func (p *facts) load() {
	c := &p.env.S.File.County // Load copies: the form never writes into it
	p.form.Load(c)
	p.form.Version = p.env.S.Version
	if p.extra != nil {
		p.extra.Load(c)
	}
	p.fail.say("")
}

// Update follows the stored facts when they changed (a merge, restore,
// import, another year): without unsaved input the form reloads; with it,
// the fields not typed in show the new values and typed ones are kept for
// the save to ask about. The verdicts are redrawn.
func (p *facts) Update() {
	switch {
	case !p.Dirty():
		p.load()
	case p.form.Version != p.env.S.Version:
		p.form.Rebase(&p.env.S.File.County)
		p.form.Version = p.env.S.Version
		if p.extra != nil && !p.extra.Dirty() {
			p.extra.Load(&p.env.S.File.County)
		}
	}
	if g, ok := p.extra.(interface{ showGrowth() }); ok {
		g.showGrowth()
	}
	p.results.RemoveAll()
	r := p.env.S.Result
	for _, code := range p.codes {
		row := itemRow(p.env, code, r)
		p.rowOf[code] = row
		p.results.Add(row)
	}
}

// Open goes to an item (整改清单 → 「G1 否 →」): its first field focused,
// scrolled into view and highlighted; an item computed from the schools
// or kept in the finance rows shows its verdict row.
func (p *facts) Open(code string) {
	if code == "" {
		return
	}
	if path := p.fieldFor(code); path != "" && p.form.Focus(path, true) {
		return
	}
	if row := p.rowOf[code]; row != nil {
		p.scrollToRow(row, 30)
	}
}

// fieldFor is the path of the first field of an item: the one named in
// fieldOf, else the first whose path holds the code as a segment
// (county.gov.G1.ok, county.quality.Q9.difference_rate, county.veto.V3).
func (p *facts) fieldFor(code string) string {
	if path, ok := p.fieldOf[code]; ok {
		return path
	}
	for _, f := range p.form.Fields {
		if strings.Contains(f.Path+".", "."+code+".") {
			return f.Path
		}
	}
	return ""
}

// scrollToRow brings a verdict row into view once the page is laid out.
func (p *facts) scrollToRow(row fyne.CanvasObject, tries int) {
	if p.scroll.Size().Height <= 0 || fyne.CurrentApp().Driver().CanvasForObject(row) == nil {
		if tries > 0 {
			time.AfterFunc(100*time.Millisecond, func() { fyne.Do(func() { p.scrollToRow(row, tries-1) }) })
		}
		return
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(row).Y - d.AbsolutePositionForObject(p.scroll.Content).Y
	p.scroll.ScrollToOffset(fyne.NewPos(0, max(0, top-24)))
}

// Save reads the form, validates the county facts and stores them; on a
// problem it shows the messages beside the fields and stores nothing.
func (p *facts) Save() bool {
	s := p.env.S
	if err := s.Refresh(); err != nil {
		p.fail.say("未保存：" + err.Error())
		return false
	}
	live := session.Clone(s.File.County)
	if cs := p.form.Conflicts(&live); len(cs) > 0 {
		askConflicts(p.env, cs, func() { p.store(live) })
		return false
	}
	return p.store(live)
}

// store parses the changed fields into live (the facts as stored now),
// validates and writes them.
func (p *facts) store(live prof) bool {
	s := p.env.S
	c := session.Clone(live)
	ok := p.form.Read(&c)
	// The finance rows are written only when they were edited: otherwise
	// the rows as stored now stay (a merge may have changed them).
	if p.extra != nil && p.extra.Dirty() && !p.extra.Read(&c) {
		ok = false
	}
	if !ok {
		p.showFailed(nil)
		return false
	}
	if p.tidy != nil {
		p.tidy(&c)
	}
	nf := *s.File
	nf.County = c
	var mine []county.Problem
	for _, pr := range county.Validate(&nf) {
		if pr.SchoolID == "" && pr.SchoolName == "" && strings.HasPrefix(pr.Field, "county") {
			mine = append(mine, pr)
		}
	}
	if len(mine) > 0 {
		p.showFailed(p.form.ShowProblems(mine))
		return false
	}
	if err := s.SaveCounty(c); err != nil {
		p.fail.say("未保存：" + err.Error())
		return false
	}
	p.load()
	p.env.Status("县域数据已保存")
	return true
}

// showFailed says how many problems stopped the save, lists them and
// focuses the first field to fix.
func (p *facts) showFailed(rest []county.Problem) {
	p.fail.show(rest)
	p.form.FocusFirstProblem()
}

// itemRow shows one item's verdict from the result; items failed by
// schools list them (the first few) with a link to the to-do list.
func itemRow(env *Env, code string, r *eval.Result) fyne.CanvasObject {
	name := code
	if it := itemName(env, code); it != "" {
		name = code + " " + it
	}
	title := widget.NewLabel(name)
	title.Wrapping = fyne.TextWrapWord
	state := widget.NewLabel("尚无结果")
	detail := ""
	if r != nil {
		ir := r.Items[code]
		switch {
		case ir == nil:
			state.SetText("尚无结果")
		case ir.Missing:
			state.SetText("未填报")
			state.Importance = widget.WarningImportance
		case ir.NotApplicable:
			state.SetText("不适用")
		case ir.Pass:
			state.SetText("✓ 达标")
			state.Importance = widget.SuccessImportance
		default:
			state.SetText("× 未达标")
			state.Importance = widget.DangerImportance
		}
		if ir != nil {
			detail = ir.Detail
			for i, is := range ir.Issues {
				if i == 3 {
					detail += fmt.Sprintf("\n……共 %s，见整改清单", format.Count(len(ir.Issues), "条"))
					break
				}
				detail += "\n" + is
			}
		}
	}
	d := widget.NewLabel(strings.TrimSpace(detail))
	d.Wrapping = fyne.TextWrapWord
	d.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, state, nil, container.NewVBox(title, d))
}

func itemName(env *Env, code string) (name string) {
	defer func() {
		if recover() != nil {
			name = ""
		}
	}()
	return env.S.Std.Item(code).Name
}
