package screens

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/app/eval"
	w "junheng/ui/widgets"
)

// ledger is the 整改台账 editor of 整改清单: the measure, responsible unit,
// deadline and status of one to-do item, stored in county.rectification
// under the item's code and school (nil for a county item) through the
// county facts' save path (the form edits a copy, only changed fields are
// written).
type ledger struct {
	env   *Env
	key   *rectKey // the item edited; nil before one is chosen
	title *widget.Label
	facts *facts
	empty *widget.Label
	obj   fyne.CanvasObject
}

// rectKey is the key of a 整改台账 entry: code and school id ("" = county).
type rectKey struct{ code, school string }

func keyOf(t eval.Todo) rectKey { return rectKey{t.Code, t.SchoolID} }

// rectIndex finds the entry of a key in p, or -1. Like the dossier's 整改清单,
// a part of an item without its own entry (G2.1) uses the item's (G2).
func rectIndex(p *prof, k rectKey) int {
	if i := rectExact(p, k); i >= 0 {
		return i
	}
	if code, _, ok := strings.Cut(k.code, "."); ok {
		return rectExact(p, rectKey{code, k.school})
	}
	return -1
}

func rectExact(p *prof, k rectKey) int {
	for i, r := range p.Rectification {
		id := ""
		if r.SchoolID != nil {
			id = *r.SchoolID
		}
		if r.Code == k.code && id == k.school {
			return i
		}
	}
	return -1
}

// rectOf returns the entry of the item being edited in p, adding it when
// p has none (p is always a copy: the form's or the one being saved).
func (l *ledger) rectOf(p *prof) *county.Rectification {
	if l.key == nil {
		return &county.Rectification{} // nothing chosen: a scratch entry
	}
	if i := rectIndex(p, *l.key); i >= 0 {
		return &p.Rectification[i]
	}
	r := county.Rectification{Code: l.key.code}
	if l.key.school != "" {
		r.SchoolID = county.S(l.key.school)
	}
	p.Rectification = append(p.Rectification, r)
	return &p.Rectification[len(p.Rectification)-1]
}

// dropEmpty removes the entries the form added but left without any
// content, so that looking at an item and clearing what was typed never
// stores an empty line.
func dropEmpty(p *prof) {
	out := p.Rectification[:0]
	for _, r := range p.Rectification {
		if r.Measure != "" || r.Unit != "" || r.Deadline != "" || r.Status != "" {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		out = nil
	}
	p.Rectification = out
}

func newLedger(env *Env) *ledger {
	l := &ledger{env: env}
	f := &w.Form[prof]{}
	f.Add(
		w.Text[prof]("county.rectification.measure", "", "如「2025年秋季招聘并认定骨干教师3名」", true, func(p *prof) *string { return &l.rectOf(p).Measure }),
		w.Text[prof]("county.rectification.unit", "", "如「市教体局人事股」", false, func(p *prof) *string { return &l.rectOf(p).Unit }),
		w.Text[prof]("county.rectification.deadline", "", "", false, func(p *prof) *string { return &l.rectOf(p).Deadline }),
		w.Choice[prof]("county.rectification.status", "", county.RectificationStatuses, func(p *prof) *string { return &l.rectOf(p).Status }),
	)
	l.facts = newFacts(env, "整改台账", f, nil, nil)
	l.facts.tidy = dropEmpty
	l.title = widget.NewLabel("")
	l.title.Wrapping = fyne.TextWrapWord
	l.empty = widget.NewLabel("点一项右侧的「填写整改」，在此填写它的整改措施、责任单位、完成时限和状态。")
	l.empty.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(l.title, nil, nil, nil, l.facts.Object())
	body.Hide()
	l.obj = container.NewStack(l.empty, body)
	return l
}

// choose shows the entry of a to-do item; unsaved input of another item
// stops it (the clerk saves first).
func (l *ledger) choose(t eval.Todo) bool {
	k := keyOf(t)
	if l.key != nil && *l.key == k {
		return true
	}
	if l.facts.Dirty() {
		l.facts.msg.SetText("本项的修改尚未保存：请先点「保存」，再选另一项。")
		return false
	}
	l.key = &k
	school := t.School
	if school == "" {
		school = "县级事项"
	}
	l.title.SetText(school + " · " + t.Code + "：" + t.Text)
	l.facts.load()
	l.empty.Hide()
	l.obj.(*fyne.Container).Objects[1].Show()
	return true
}

func (l *ledger) Object() fyne.CanvasObject { return l.obj }

// Update follows the stored county (a merge, a restore) like every county form.
func (l *ledger) Update() {
	if l.key != nil {
		l.facts.Update()
	}
}

func (l *ledger) Dirty() bool { return l.key != nil && l.facts.Dirty() }

func (l *ledger) Save() bool {
	if l.key == nil {
		return true
	}
	return l.facts.Save()
}

// statusOf is the state of an item in the stored 整改台账 ("" = no entry).
func statusOf(c *prof, t eval.Todo) string {
	if i := rectIndex(c, keyOf(t)); i >= 0 {
		if s := c.Rectification[i].Status; s != "" {
			return s
		}
		return "已填写"
	}
	return ""
}
