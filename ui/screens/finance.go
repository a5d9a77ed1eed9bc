package screens

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/app/format"
	w "junheng/ui/widgets"
)

type fy = county.FinanceYear

// finance edits 表Ⅴ 义务教育经费情况: one block per calendar year. Growth
// rates are never typed: they are shown from the evaluation's finance rows.
type finance struct {
	env    *Env
	forms  []*w.Form[fy]
	years  []int
	box    *fyne.Container
	growth *widget.Label
	dirty  bool
	obj    fyne.CanvasObject
}

func newFinance(env *Env) *finance {
	p := &finance{env: env, box: container.NewVBox(), growth: widget.NewLabel("")}
	p.growth.Wrapping = fyne.TextWrapWord
	add := widget.NewButton("增加一年", p.addYear)
	p.obj = container.NewVBox(widget.NewSeparator(),
		widget.NewLabelWithStyle("义务教育经费情况（每年一行，金额单位见各栏）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		p.box, add,
		widget.NewLabelWithStyle("比上年增长（由程序计算）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), p.growth)
	return p
}

func financeForm() *w.Form[fy] {
	f := &w.Form[fy]{}
	f.Add(
		w.Custom[fy]("county.finance.year", "年度", "年", "",
			func(y *fy) string { return itoaPlain(y.Year) },
			func(y *fy, s string) string {
				n, msg := w.ParseInt(s)
				if msg != "" {
					return msg
				}
				if n == nil {
					return "请填写年度"
				}
				y.Year = *n
				return ""
			}),
		w.Float[fy]("county.finance.recurrent_revenue", "万元", "", func(y *fy) **float64 { return &y.RecurrentRevenue }),
		w.Float[fy]("county.finance.edu_appropriation", "万元", "", func(y *fy) **float64 { return &y.EduAppropriation }),
		w.Float[fy]("county.finance.public_edu_expenditure", "万元", "", func(y *fy) **float64 { return &y.PublicEduExpenditure }),
		w.Float[fy]("county.finance.fiscal_expenditure", "万元", "", func(y *fy) **float64 { return &y.FiscalExpenditure }),
		w.Int[fy]("county.finance.students", "人", "", func(y *fy) **int { return &y.Students }),
		w.Float[fy]("county.finance.per_student_operating.primary", "元", "", func(y *fy) **float64 { return &y.PerStudentOperating.Primary }),
		w.Float[fy]("county.finance.per_student_operating.junior", "元", "", func(y *fy) **float64 { return &y.PerStudentOperating.Junior }),
		w.Float[fy]("county.finance.per_student_public_funds.primary", "元", "", func(y *fy) **float64 { return &y.PerStudentPublicFunds.Primary }),
		w.Float[fy]("county.finance.per_student_public_funds.junior", "元", "", func(y *fy) **float64 { return &y.PerStudentPublicFunds.Junior }),
		w.Float[fy]("county.finance.staff_avg_salary", "元", "", func(y *fy) **float64 { return &y.StaffAvgSalary }),
		w.Float[fy]("county.finance.edu_surcharge_levied", "万元", "", func(y *fy) **float64 { return &y.EduSurchargeLevied }),
		w.Float[fy]("county.finance.edu_surcharge_allocated", "万元", "", func(y *fy) **float64 { return &y.EduSurchargeAllocated }),
	)
	return f
}

func (p *finance) Object() fyne.CanvasObject { return p.obj }

func (p *finance) Dirty() bool {
	if p.dirty {
		return true
	}
	for _, f := range p.forms {
		if f.Dirty() {
			return true
		}
	}
	return false
}

// Load shows one block per finance year.
func (p *finance) Load(c *prof) {
	p.forms = nil
	p.box.RemoveAll()
	for i := range c.Finance {
		p.addForm(&c.Finance[i])
	}
	p.dirty = false
	p.showGrowth()
}

func (p *finance) addForm(y *fy) {
	f := financeForm()
	f.Load(y)
	idx := len(p.forms)
	p.forms = append(p.forms, f)
	remove := widget.NewButton("删除这一年", func() { p.removeForm(idx) })
	title := "新的一年"
	if y.Year > 0 {
		title = fmt.Sprintf("%d 年", y.Year)
	}
	card := widget.NewCard(title, "", container.NewVBox(f.Object(), remove))
	p.box.Add(card)
}

func (p *finance) removeForm(idx int) {
	if idx >= len(p.forms) || p.forms[idx] == nil {
		return
	}
	p.forms[idx] = nil
	p.box.Objects[idx].Hide()
	p.dirty = true
}

func (p *finance) addYear() {
	year := 0
	for _, f := range p.forms {
		if f == nil {
			continue
		}
		if n, _ := w.ParseInt(f.Field("county.finance.year").Text()); n != nil && *n > year {
			year = *n
		}
	}
	y := &fy{}
	if year > 0 {
		y.Year = year + 1
	}
	p.addForm(y)
	if y.Year == 0 {
		p.forms[len(p.forms)-1].Field("county.finance.year").Entry.SetText("")
	}
	p.dirty = true
}

// Read parses every year block into the profile.
func (p *finance) Read(c *prof) bool {
	ok := true
	var rows []fy
	for _, f := range p.forms {
		if f == nil {
			continue
		}
		y := f.Loaded() // a row holds what it loaded plus what was typed
		if !f.Read(&y) {
			ok = false
		}
		rows = append(rows, y)
	}
	slices.SortFunc(rows, func(a, b fy) int { return a.Year - b.Year })
	c.Finance = rows
	return ok
}

// showGrowth prints the growth rates the evaluation computed.
func (p *finance) showGrowth() {
	r := p.env.S.Result
	if r == nil || len(r.Finance) == 0 {
		p.growth.SetText("尚无结果（至少需要两年的数据）")
		return
	}
	text := ""
	for _, row := range r.Finance {
		text += fmt.Sprintf("%d 年：", row.Year)
		keys := make([]string, 0, len(row.Growth))
		for k := range row.Growth {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			label := w.Label("county.finance." + k)
			if g := row.Growth[k]; g != nil {
				text += label + " " + format.SignedPercent(*g) + "；"
			} else if note := row.Notes[k]; note != "" {
				text += label + " " + note + "；"
			}
		}
		if len(keys) == 0 {
			text += "无上年数据"
		}
		text += "\n"
	}
	p.growth.SetText(text)
}
