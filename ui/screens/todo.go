package screens

import (
	"fmt"
	"junheng/app/wording/counts"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"junheng/app/eval"
	ev "junheng/app/evidence"
	"junheng/app/format"
	"junheng/app/standard"
)

// todoRow is a line of the list: a group heading or a to-do item.
type todoRow struct {
	heading string
	item    *eval.Todo
	gap     *ev.ItemGap // a line of the 佐证材料 group
}

// todo is 整改清单: every failure and missing item from the verdict,
// grouped by school or by item, each opening the form where it is fixed,
// and under the list the 整改台账 editor of the item chosen.
type todo struct {
	env     *Env
	ledger  *ledger
	group   *widget.RadioGroup
	rows    []todoRow
	list    *widget.List
	summary *widget.Label
	obj     fyne.CanvasObject
}

const (
	bySchool = "按学校"
	byItem   = "按指标"
)

func newTodo(env *Env) *todo {
	p := &todo{env: env, summary: widget.NewLabel(""), ledger: newLedger(env)}
	p.summary.Wrapping = fyne.TextWrapWord
	p.group = widget.NewRadioGroup([]string{bySchool, byItem}, func(string) { p.Update() })
	p.group.Horizontal = true
	p.group.SetSelected(bySchool)
	p.list = widget.NewList(
		func() int { return len(p.rows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			b := widget.NewButton("填写整改", nil)
			return container.NewBorder(nil, nil, nil, b, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			l, b := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Button)
			r := p.rows[i]
			if r.gap != nil {
				l.TextStyle = fyne.TextStyle{}
				l.SetText("    □ " + r.gap.Sentence() + "  →")
				b.Hide()
				return
			}
			if r.item == nil {
				l.TextStyle = fyne.TextStyle{Bold: true}
				l.SetText(r.heading)
				b.Hide()
				return
			}
			l.TextStyle = fyne.TextStyle{}
			mark := "× "
			if r.item.Missing {
				mark = "□ 未填报："
			}
			state := ""
			if st := statusOf(&p.env.S.File.County, *r.item); st != "" {
				state = "【" + st + "】"
			}
			l.SetText("    " + mark + r.item.Text + state + "  →")
			item := *r.item
			b.OnTapped = func() { p.ledger.choose(item) }
			b.Show()
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		p.list.UnselectAll()
		if i < len(p.rows) && p.rows[i].gap != nil {
			env.Goto(Evidence, p.rows[i].gap.Item)
			return
		}
		if i < len(p.rows) && p.rows[i].item != nil {
			page, target := FixPage(*p.rows[i].item)
			if page == Schools {
				target = TodoTarget(env, *p.rows[i].item) // the exact field
			}
			env.Goto(page, target)
		}
	}
	split := container.NewVSplit(p.list, p.ledger.Object())
	split.Offset = 0.45
	p.obj = container.NewBorder(container.NewVBox(container.NewHBox(p.group), p.summary), nil, nil, nil, split)
	return p
}

func (p *todo) Object() fyne.CanvasObject { return p.obj }

func (p *todo) Open(string) {}

func (p *todo) Dirty() bool { return p.ledger.Dirty() }

func (p *todo) Save() bool { return p.ledger.Save() }

func (p *todo) Update() {
	if p.list == nil || p.env.S == nil {
		return
	}
	p.ledger.Update()
	p.rows = p.rows[:0]
	r := p.env.S.Result
	if r == nil {
		p.summary.SetText("尚无评估结果")
		p.list.Refresh()
		return
	}
	items := r.Verdict.Todo
	missing := 0
	for _, t := range items {
		if t.Missing {
			missing++
		}
	}
	// nothing printed for zero (「未填报 0 项」); a count kept with its unit
	gaps := counts.Join("，", counts.When(len(items)-missing, "未达标 "+format.Count(len(items)-missing, "项")),
		counts.When(missing, "未填报 "+format.Count(missing, "项")))
	if gaps != "" {
		gaps = "：" + gaps
	}
	p.summary.SetText(fmt.Sprintf("共 %s%s。点击一项打开填写它的页面；点「填写整改」在下方填写整改措施、责任单位、完成时限和状态。", format.Count(len(items), "项"), gaps))
	key := func(t *eval.Todo) string {
		if p.group.Selected == byItem {
			return t.Code
		}
		if t.School == "" {
			return "县级事项"
		}
		return t.School
	}
	groups := map[string][]*eval.Todo{}
	var order []string
	for i := range items {
		k := key(&items[i])
		if _, seen := groups[k]; !seen {
			order = append(order, k)
		}
		groups[k] = append(groups[k], &items[i])
	}
	if p.group.Selected == byItem {
		slices.SortStableFunc(order, func(a, b string) int { return strings.Compare(codeSortKey(a), codeSortKey(b)) })
	}
	for _, k := range order {
		heading := k
		if p.group.Selected == byItem {
			heading = k + " " + itemName(p.env, k)
		}
		p.rows = append(p.rows, todoRow{heading: fmt.Sprintf("%s（%d）", heading, len(groups[k]))})
		for _, t := range groups[k] {
			p.rows = append(p.rows, todoRow{item: t})
		}
	}
	if n := p.addGaps(); n > 0 {
		p.summary.SetText(p.summary.Text + fmt.Sprintf("另有 %s指标缺佐证材料，列在最后，点击打开「佐证材料」页。", format.Count(n, "个")))
	}
	p.list.Refresh()
}

// addGaps is the 佐证材料 group: every item whose checklist still misses
// evidence, each opening the 佐证材料 page on it. It returns how many.
func (p *todo) addGaps() int {
	gaps, err := p.env.S.Gaps()
	if err != nil {
		p.rows = append(p.rows, todoRow{heading: "佐证材料：无法读取（" + err.Error() + "）"})
		return 0
	}
	if len(gaps) == 0 {
		return 0
	}
	p.rows = append(p.rows, todoRow{heading: fmt.Sprintf("佐证材料（%d）", len(gaps))})
	for i := range gaps {
		p.rows = append(p.rows, todoRow{gap: &gaps[i]})
	}
	return len(gaps)
}

// codeSortKey orders codes by part (R, G, Q, S, V, F) then number.
func codeSortKey(code string) string {
	part := "Z"
	for i, pt := range standard.Parts {
		if strings.HasPrefix(code, pt) {
			part = string(rune('A' + i))
		}
	}
	num := strings.TrimLeft(code, "RGQSVFB")
	if i := strings.Index(num, "."); i >= 0 {
		num = fmt.Sprintf("%03s.%s", num[:i], num[i+1:])
	} else {
		num = fmt.Sprintf("%03s", num)
	}
	return part + num
}

// FixPage is the page (and target) where a to-do item is fixed.
func FixPage(t eval.Todo) (page, target string) {
	if t.SchoolID != "" {
		return Schools, t.SchoolID
	}
	switch t.Part {
	case standard.PartResource:
		return Resources, t.Stage
	case standard.PartQuality:
		return Quality, t.Code
	case standard.PartSurvey:
		return Survey, t.Code
	case standard.PartVeto:
		return Veto, t.Code
	case standard.PartFinance:
		return Profile, t.Code
	}
	return Gov, t.Code
}
