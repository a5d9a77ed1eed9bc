package screens

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/standard"
	jtheme "junheng/ui/theme"
	w "junheng/ui/widgets"
)

// Columns of the resource table.
const (
	colName     = 0
	colStudents = 1
	colFirstR   = 2 // R1…R7 follow
	colMet      = 9
	colPass     = 10
	numCols     = 11
	// Rows above the schools: the standard, the coefficient and its limit.
	summaryRows = 3
)

// resources is 资源配置: schools × R1–R7 per stage, the coefficients, and a
// chart per indicator.
type resources struct {
	readOnly
	env      *Env
	stageSel *widget.RadioGroup
	stage    string
	table    *widget.Table
	rows     []*eval.SchoolPart // sorted view of the stage's schools
	sortCol  int
	sortDesc bool
	detail   *widget.Label
	excluded *widget.Label
	codeSel  *widget.Select
	chart    *w.BarChart
	chartMsg *widget.Label
	tabs     *container.AppTabs
	openBtn  *widget.Button
	openID   string // school of the selected row
	obj      fyne.CanvasObject
}

func newResources(env *Env) *resources {
	p := &resources{env: env, stage: eval.Primary, sortCol: -1}
	p.stageSel = widget.NewRadioGroup([]string{"小学", "初中"}, func(s string) {
		p.stage = eval.Primary
		if s == "初中" {
			p.stage = eval.Junior
		}
		p.Update()
	})
	p.stageSel.Horizontal = true
	p.table = widget.NewTable(
		func() (int, int) { return len(p.rows) + summaryRows, numCols },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(canvas.NewRectangle(jtheme.Plain), l)
		},
		p.updateCell)
	p.table.ShowHeaderRow = true
	p.table.StickyRowCount = summaryRows
	p.table.StickyColumnCount = 1
	p.table.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	p.table.UpdateHeader = p.updateHeader
	p.table.SetColumnWidth(colName, 200)
	p.table.SetColumnWidth(colStudents, 72)
	for i := 0; i < 7; i++ {
		p.table.SetColumnWidth(colFirstR+i, 84)
	}
	p.table.SetColumnWidth(colMet, 70)
	p.table.SetColumnWidth(colPass, 90)
	p.table.OnSelected = p.selected
	p.detail = widget.NewLabel("点击单元格查看差距")
	p.detail.Wrapping = fyne.TextWrapWord
	p.excluded = widget.NewLabel("")
	p.excluded.Wrapping = fyne.TextWrapWord
	legend := container.NewHBox(legendBox(jtheme.Met, "达标"), legendBox(jtheme.Near, "未达标但不低于标准的 85%"),
		legendBox(jtheme.Below, "低于标准的 85%"), legendBox(jtheme.Missing, "未填报"))
	recompute := widget.NewButton("重新计算", func() { env.S.Recompute() })
	export := widget.NewButton("导出评估结果（Excel）…", func() { chooseExportResults(env) })
	p.openBtn = widget.NewButton("打开该校档案", func() {
		if p.openID != "" {
			env.Goto(Schools, p.openID)
		}
	})
	p.openBtn.Disable()
	detail := container.NewBorder(nil, nil, nil, p.openBtn, p.detail)
	tableTab := container.NewBorder(nil, container.NewVBox(detail, p.excluded), nil, nil, p.table)

	p.codeSel = widget.NewSelect(standard.ResourceCodes, func(string) { p.updateChart() })
	p.chart = w.NewBarChart()
	p.chartMsg = widget.NewLabel("")
	chartTab := container.NewBorder(container.NewHBox(widget.NewLabel("指标"), p.codeSel, p.chartMsg), nil, nil, nil, p.chart)
	p.codeSel.SetSelected("R1")

	p.tabs = container.NewAppTabs(container.NewTabItem("表格", tableTab), container.NewTabItem("图表", chartTab))
	p.obj = container.NewBorder(container.NewHBox(p.stageSel, recompute, export, legend), nil, nil, nil, p.tabs)
	p.stageSel.SetSelected("小学")
	return p
}

func legendBox(c color.Color, text string) fyne.CanvasObject {
	r := canvas.NewRectangle(c)
	r.SetMinSize(fyne.NewSize(16, 16))
	return container.NewHBox(container.NewCenter(r), widget.NewLabel(text))
}

func (p *resources) Object() fyne.CanvasObject { return p.obj }

func (p *resources) current() *eval.Stage {
	if r := p.env.S.Result; r != nil {
		return r.Stages.Get(p.stage)
	}
	return nil
}

// Update takes the latest result and redraws table and chart.
func (p *resources) Update() {
	if p.table == nil || p.env.S == nil {
		return
	}
	st := p.current()
	p.rows = p.rows[:0]
	if st != nil {
		for i := range st.Schools {
			p.rows = append(p.rows, &st.Schools[i])
		}
	}
	p.sortRows()
	p.table.Refresh()
	p.excluded.SetText(excludedText(st, p.env.S.Result))
	p.updateChart()
}

func excludedText(st *eval.Stage, r *eval.Result) string {
	if r == nil {
		return "尚无评估结果"
	}
	if st == nil {
		return "本学段没有学校：不适用"
	}
	if len(st.Excluded) == 0 {
		return "所有学校均纳入计算。"
	}
	const shown = 6 // the rest would push the table off the page
	var parts []string
	for i, e := range st.Excluded {
		if i == shown {
			parts = append(parts, fmt.Sprintf("……共 %d 所", len(st.Excluded)))
			break
		}
		parts = append(parts, e.Name+"（"+e.Reason+"）")
	}
	return "未纳入计算：" + strings.Join(parts, "；")
}

var headers = [numCols]string{"学校", "在校生", "R1", "R2", "R3", "R4", "R5", "R6", "R7", "达标项", "结论"}

func (p *resources) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	text := headers[id.Col]
	if id.Col == p.sortCol {
		if p.sortDesc {
			text += " ▼"
		} else {
			text += " ▲"
		}
	}
	b.SetText(text)
	col := id.Col
	b.OnTapped = func() {
		if p.sortCol == col {
			p.sortDesc = !p.sortDesc
		} else {
			p.sortCol, p.sortDesc = col, false
		}
		p.sortRows()
		p.table.Refresh()
	}
}

// SortBy sorts the table by a column (tests and the header buttons).
func (p *resources) SortBy(col int, desc bool) {
	p.sortCol, p.sortDesc = col, desc
	p.sortRows()
	p.table.Refresh()
}

func (p *resources) sortRows() {
	if p.sortCol < 0 {
		return
	}
	col, desc := p.sortCol, p.sortDesc
	key := func(sp *eval.SchoolPart) (float64, bool) {
		switch {
		case col == colStudents:
			return float64(sp.Students), true
		case col >= colFirstR && col < colFirstR+7:
			v := sp.Values[standard.ResourceCodes[col-colFirstR]]
			if v == nil {
				return 0, false
			}
			return *v, true
		case col == colMet:
			return float64(sp.MetCount), true
		case col == colPass:
			if sp.Pass {
				return 1, true
			}
			return 0, true
		}
		return 0, false
	}
	slices.SortStableFunc(p.rows, func(a, b *eval.SchoolPart) int {
		if col == colName {
			c := strings.Compare(a.Name, b.Name)
			if desc {
				c = -c
			}
			return c
		}
		x, okA := key(a)
		y, okB := key(b)
		switch {
		case !okA && !okB:
			return 0
		case !okA:
			return 1 // 未填报 last either way
		case !okB:
			return -1
		}
		c := 0
		if x < y {
			c = -1
		} else if x > y {
			c = 1
		}
		if desc {
			c = -c
		}
		return c
	})
}

func (p *resources) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	stack := o.(*fyne.Container)
	bg := stack.Objects[0].(*canvas.Rectangle)
	l := stack.Objects[1].(*widget.Label)
	text, fill := p.cell(id)
	l.SetText(text)
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
}

// cell is the text and background of a table cell.
func (p *resources) cell(id widget.TableCellID) (string, color.Color) {
	st := p.current()
	plain := color.Color(jtheme.Plain)
	header := color.Color(jtheme.Missing)
	if st == nil {
		if id.Row == 0 && id.Col == colName {
			return "不适用或尚无结果", plain
		}
		return "", plain
	}
	isR := id.Col >= colFirstR && id.Col < colFirstR+7
	code := ""
	if isR {
		code = standard.ResourceCodes[id.Col-colFirstR]
	}
	switch id.Row {
	case 0: // the standard
		switch {
		case id.Col == colName:
			return "标准值（≥）", header
		case isR:
			return format.Value(st.Standard[code]), header
		}
		return "", header
	case 1: // the coefficient
		switch {
		case id.Col == colName:
			return "差异系数（达标学校数）", header
		case id.Col == colStudents:
			return format.Int(st.Students), header
		case isR:
			cv := st.CV[code]
			if cv == nil {
				return "无法计算", jtheme.Below
			}
			if st.CVPass[code] {
				return format.CV(*cv), jtheme.Met
			}
			return format.CV(*cv), jtheme.Below
		case id.Col == colPass:
			return fmt.Sprintf("%d/%d", st.Passing, len(st.Schools)), header
		}
		return "", header
	case 2: // the coefficient's limit
		switch {
		case id.Col == colName:
			return "差异系数限值（≤）", header
		case isR:
			return format.CV(st.CVLimit), header
		}
		return "", header
	}
	i := id.Row - summaryRows
	if i >= len(p.rows) {
		return "", plain
	}
	sp := p.rows[i]
	switch {
	case id.Col == colName:
		return sp.Name, plain
	case id.Col == colStudents:
		return format.Int(sp.Students), plain
	case isR:
		s := stateOf(sp, code, p.env.S.Std)
		return valueText(sp, code), s.background()
	case id.Col == colMet:
		return fmt.Sprintf("%d/7", sp.MetCount), plain
	case id.Col == colPass:
		if sp.Pass {
			return "达标", jtheme.Met
		}
		if len(sp.Missing) > 0 {
			return "未填报", jtheme.Missing
		}
		return "未达标", jtheme.Below
	}
	return "", plain
}

// selected explains a cell: the value against the standard and, when
// unmet, the shortfall in the resource itself.
func (p *resources) selected(id widget.TableCellID) {
	p.detail.SetText(p.explain(id))
	p.openID = ""
	if i := id.Row - summaryRows; i >= 0 && i < len(p.rows) {
		p.openID = p.rows[i].ID
	}
	if p.openID == "" {
		p.openBtn.Disable()
	} else {
		p.openBtn.Enable()
	}
}

func (p *resources) explain(id widget.TableCellID) string {
	st := p.current()
	i := id.Row - summaryRows
	if st == nil || i < 0 || i >= len(p.rows) {
		if st != nil && id.Row == 1 && id.Col >= colFirstR && id.Col < colFirstR+7 {
			code := standard.ResourceCodes[id.Col-colFirstR]
			if note := st.CVNote[code]; note != "" {
				return code + " 差异系数：" + note
			}
		}
		return "点击学校的单元格查看差距"
	}
	sp := p.rows[i]
	if id.Col < colFirstR || id.Col >= colFirstR+7 {
		if len(sp.Shortfalls) == 0 && len(sp.Missing) == 0 {
			return sp.Name + "：七项指标全部达标"
		}
		var parts []string
		for _, sf := range sp.Shortfalls {
			parts = append(parts, sf.Code+" 差 "+sf.Need)
		}
		if len(sp.Missing) > 0 {
			parts = append(parts, strings.Join(sp.Missing, "、")+" 未填报")
		}
		return sp.Name + "：" + strings.Join(parts, "；")
	}
	code := standard.ResourceCodes[id.Col-colFirstR]
	name := p.env.S.Std.Item(code).Name
	v := sp.Values[code]
	if v == nil {
		return fmt.Sprintf("%s %s %s：未填报，请补全学校档案", sp.Name, code, name)
	}
	std := st.Standard[code]
	if sp.Met[code] {
		return fmt.Sprintf("%s %s %s：%s，达到标准 %s", sp.Name, code, name, format.Value(*v), format.Value(std))
	}
	if sf := shortfall(sp, code); sf != nil {
		return fmt.Sprintf("%s %s %s：%s，标准 %s（达到标准的 %s），差 %s", sp.Name, code, name,
			format.Value(*v), format.Value(std), format.Percent(sf.Ratio), sf.Need)
	}
	return fmt.Sprintf("%s %s %s：%s，未达到标准 %s", sp.Name, code, name, format.Value(*v), format.Value(std))
}

// updateChart draws each school's value of the chosen indicator against the standard.
func (p *resources) updateChart() {
	if p.chart == nil || p.codeSel == nil {
		return
	}
	st := p.current()
	code := p.codeSel.Selected
	if st == nil || code == "" {
		p.chart.Set(nil, 0, "")
		p.chartMsg.SetText("不适用或尚无结果")
		return
	}
	var bars []w.Bar
	missing := 0
	for i := range st.Schools {
		sp := &st.Schools[i]
		v := sp.Values[code]
		if v == nil {
			missing++
			continue
		}
		bars = append(bars, w.Bar{Label: sp.Name, Value: *v, Text: format.Value(*v), Color: stateOf(sp, code, p.env.S.Std).bar()})
	}
	std := st.Standard[code]
	p.chart.Set(bars, std, "标准 "+format.Value(std))
	msg := p.env.S.Std.Item(code).Name
	if missing > 0 {
		msg += fmt.Sprintf("（%d 所学校未填报，未画出）", missing)
	}
	p.chartMsg.SetText(msg)
}

// Open selects a stage ("primary"/"junior") or an indicator code.
func (p *resources) Open(target string) {
	switch {
	case target == eval.Junior:
		p.stageSel.SetSelected("初中")
	case target == eval.Primary:
		p.stageSel.SetSelected("小学")
	case slices.Contains(standard.ResourceCodes, target):
		p.codeSel.SetSelected(target)
		p.tabs.SelectIndex(1) // the chart of that indicator
	}
}
