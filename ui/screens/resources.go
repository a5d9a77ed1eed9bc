package screens

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
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
	// Rows above the schools: the coefficient (its limit in the row's
	// name); the standard is in the header. One, so that the schools keep
	// the room at 1366×768 and 125 %.
	summaryRows = 1
)

// Views of the page.
const (
	viewTable = "表格"
	viewChart = "图表"
)

// resources is 资源配置: schools × R1–R7 per stage, the coefficients, and a
// chart per indicator.
type resources struct {
	readOnly
	env      *Env
	stageSel *widget.RadioGroup
	stage    string
	table    *widget.Table
	widths   [numCols]float32   // column widths last set (fitColumns)
	rows     []*eval.SchoolPart // sorted view of the stage's schools
	sortCol  int
	sortDesc bool
	detail   *widget.Label
	excluded *widget.Label
	codeSel  *widget.Select
	chart    *w.BarChart
	chartMsg *widget.Label
	viewSel  *widget.RadioGroup
	views    map[string]fyne.CanvasObject
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
	p.table.CreateHeader = func() fyne.CanvasObject {
		// One line: the template sizes the school rows too; the header
		// row alone is three lines tall (code, short name, standard).
		return newHeaderCell()
	}
	three := newHeaderCell()
	three.SetText("R1\n高学历教师\n≥4.20")
	p.table.SetRowHeight(-1, three.MinSize().Height)
	p.table.UpdateHeader = p.updateHeader
	p.table.OnSelected = p.selected
	// One line each, so that the schools keep the height: the detail of a
	// cell is one sentence, the excluded list names the first few.
	p.detail = widget.NewLabel("点击单元格查看差距")
	p.detail.Truncation = fyne.TextTruncateEllipsis
	p.excluded = widget.NewLabel("")
	p.excluded.Truncation = fyne.TextTruncateEllipsis
	legend := container.NewHBox(legendBox(jtheme.Met, "达标"), legendBox(jtheme.Near, "未达标，不低于标准的 85%"),
		legendBox(jtheme.Below, "低于标准的 85%"), legendBox(jtheme.Missing, "未填报"))
	export := widget.NewButton("导出评估结果（Excel）…", func() { chooseExportResults(env) })
	p.openBtn = widget.NewButton("打开该校档案", func() {
		if p.openID != "" {
			env.Goto(Schools, p.openID)
		}
	})
	p.openBtn.Disable()
	detail := container.NewBorder(nil, nil, nil, p.openBtn, p.detail)
	fitted := container.New(&fitColumns{p: p}, p.table)
	// The legend and the schools left out on lines of their own: beside
	// each other the list was cut at 1366×768.
	tableView := container.NewBorder(nil, container.NewVBox(detail, legend, p.excluded), nil, nil, fitted)

	p.codeSel = widget.NewSelect(standard.ResourceCodes, func(string) { p.updateChart() })
	p.chart = w.NewBarChart()
	p.chartMsg = widget.NewLabel("")
	p.chartMsg.Truncation = fyne.TextTruncateEllipsis
	chartView := container.NewBorder(container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("指标"), p.codeSel), nil, p.chartMsg), nil, nil, nil, p.chart)
	p.codeSel.SetSelected("R1")

	// A choice of view rather than tabs: one row less above the table.
	p.views = map[string]fyne.CanvasObject{viewTable: tableView, viewChart: chartView}
	chartView.Hide()
	p.viewSel = widget.NewRadioGroup([]string{viewTable, viewChart}, func(v string) {
		for name, o := range p.views {
			if name == v {
				o.Show()
			} else {
				o.Hide()
			}
		}
	})
	p.viewSel.Horizontal = true
	p.viewSel.Required = true
	p.viewSel.SetSelected(viewTable)
	top := container.NewBorder(nil, nil, container.NewHBox(p.stageSel, widget.NewSeparator(), p.viewSel), export)
	p.obj = container.NewBorder(top, nil, nil, nil, container.NewStack(tableView, chartView))
	p.stageSel.SetSelected("小学")
	return p
}

// fitColumns lays the table out and gives its columns the width it has:
// the school names what they need, R1–R7 share the rest. Fixed widths
// left most of a 1920-wide window empty and cut "2,47…".
type fitColumns struct{ p *resources }

func (f *fitColumns) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (f *fitColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	f.p.fitColumns(size.Width)
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}

// columnWidths divides width among the columns: each at least what its
// widest text needs (measured in the theme's text size, so 界面缩放 is
// taken into account), the R columns taking what is left.
func (p *resources) columnWidths(width float32) [numCols]float32 {
	// A label's inner padding on both sides, and the cell's own.
	pad := 2*theme.InnerPadding() + 2*theme.Padding()
	measure := func(texts ...string) float32 {
		m := float32(0)
		for _, t := range texts {
			m = max(m, fyne.MeasureText(t, theme.TextSize(), fyne.TextStyle{}).Width)
		}
		return m + pad
	}
	names := []string{"差异系数（≤0.500）"}
	for _, sp := range p.rows {
		names = append(names, sp.Name)
	}
	var cw [numCols]float32
	cw[colName] = min(measure(names...), max(width*0.3, measure("差异系数（≤0.500）")))
	cw[colStudents] = measure("在校生", "12,345")
	cw[colMet] = measure("达标项", "7/7")
	cw[colPass] = measure("结论", "未达标", "120/120")
	// An indicator's column needs its short name (its header's widest
	// line) or a value: 达标项 and 结论 stay in view at 1366×768.
	minR := measure("12,345.00")
	for _, code := range standard.ResourceCodes {
		if p.env.S == nil {
			break
		}
		minR = max(minR, measure(p.env.S.Std.Item(code).ShortName()))
	}
	// The table puts a padding between columns and a scroll bar on the right.
	gaps := numCols*theme.Padding() + theme.ScrollBarSize() + theme.Padding()
	rest := width - cw[colName] - cw[colStudents] - cw[colMet] - cw[colPass] - gaps
	r := max(rest/7, minR)
	for i := 0; i < 7; i++ {
		cw[colFirstR+i] = r
	}
	return cw
}

func (p *resources) fitColumns(width float32) {
	cw := p.columnWidths(width)
	if cw == p.widths {
		return
	}
	p.widths = cw
	for i, v := range cw {
		p.table.SetColumnWidth(i, v)
	}
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
			parts = append(parts, fmt.Sprintf("……共 %s", format.Count(len(st.Excluded), "所")))
			break
		}
		parts = append(parts, e.Name+"（"+e.Reason+"）")
	}
	return "未纳入计算：" + strings.Join(parts, "；")
}

var headers = [numCols]string{"学校", "在校生", "R1", "R2", "R3", "R4", "R5", "R6", "R7", "达标项", "结论"}

// header is a column's heading: an indicator reads "R2 骨干教师\n≥1.00"
// (code, short name, the stage's standard) with the standard's full name
// as its tooltip.
func (p *resources) header(col int) (text, tip string) {
	text = headers[col]
	if col >= colFirstR && col < colFirstR+7 {
		it := p.env.S.Std.Item(text)
		std := "≥ —"
		if st := p.current(); st != nil {
			std = "≥" + format.Value(st.Standard[text])
		}
		return text + "\n" + it.ShortName() + "\n" + std, text + " " + it.Name + "（标准 " + std + "）"
	}
	if col == colName {
		return text + "\n标准值", ""
	}
	return text, ""
}

func (p *resources) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*headerCell)
	text, tip := p.header(id.Col)
	b.Tip = tip
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
	case 0: // the coefficient, its limit in the name (the standard is in the header)
		switch {
		case id.Col == colName:
			return "差异系数（≤" + format.CV(st.CVLimit) + "）", header
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
		if st != nil && id.Row == 0 && id.Col >= colFirstR && id.Col < colFirstR+7 {
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
		msg += fmt.Sprintf("（%s学校未填报，未画出）", format.Count(missing, "所"))
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
		p.viewSel.SetSelected(viewChart) // the chart of that indicator
	}
}

// ColumnWidths are the widths the 资源配置 table's columns were given
// (tests of the window around it).
func ColumnWidths(p Page) []float32 {
	if r, ok := p.(*resources); ok {
		return r.widths[:]
	}
	return nil
}
