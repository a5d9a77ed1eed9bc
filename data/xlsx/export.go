package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/standard"
	"junheng/app/wording"
)

// Sheet names of the export.
const (
	SheetVerdict = "评估结论"
	SheetCV      = "差异系数"
	SheetTodo    = "整改清单"
)

// StageSheet names the schools × indicators sheet of a stage.
func StageSheet(stage string) string { return eval.StageNames[stage] + "资源配置" }

// ExportResults writes an evaluation for readers who have only Excel: the
// verdict with every county item, per stage the schools × R1–R7 matrix
// (met green, within 85% of the standard yellow, below red), the
// difference coefficients, the to-do list and every raw input in the
// template's sheets (so the workbook can be imported again). Values are
// numbers shown with 2 decimals, coefficients with 3.
func ExportResults(w io.Writer, f *county.File, r *eval.Result) error {
	b := newBook()
	defer b.x.Close()
	if err := b.x.SetSheetName("Sheet1", SheetVerdict); err != nil {
		return err
	}
	std := standard.National2017()
	if err := b.verdictSheet(f, r, std); err != nil {
		return err
	}
	for _, st := range []string{eval.Primary, eval.Junior} {
		if err := b.stageSheet(st, r.Stages.Get(st), std); err != nil {
			return err
		}
	}
	if err := b.cvSheet(r, std); err != nil {
		return err
	}
	if err := b.todoSheet(r); err != nil {
		return err
	}
	for i := range sheets {
		if err := b.inputSheet(&sheets[i], f, f.Schools, false); err != nil {
			return err
		}
	}
	b.x.SetActiveSheet(0)
	_, err := b.x.WriteTo(w)
	return err
}

func passText(pass bool) string {
	if pass {
		return "达标"
	}
	return "未达标"
}

// rows writes rows from a starting row; the first is styled as a header
// when header is true.
func (b *book) rows(sheetName string, from int, rows [][]any, header bool) error {
	for i, r := range rows {
		if err := b.x.SetSheetRow(sheetName, cellName(1, from+i), &r); err != nil {
			return err
		}
	}
	if header && len(rows) > 0 {
		b.x.SetCellStyle(sheetName, cellName(1, from), cellName(len(rows[0]), from), b.style("header"))
	}
	return nil
}

func (b *book) verdictSheet(f *county.File, r *eval.Result, std *standard.Standard) error {
	name := SheetVerdict
	verdict := "未通过"
	if r.Verdict.Pass {
		verdict = "通过"
	}
	top := [][]any{
		{"县域义务教育优质均衡发展督导评估结果"},
		{"县（市、区）", r.County},
		{"学年", r.Year},
		{"评估标准", r.Standard},
		{"结论", verdict},
		{"颜色说明", "各学段资源配置表中：绿色为达标，黄色为未达标但不低于标准的 85%，红色为低于标准的 85%"},
		{},
	}
	if err := b.rows(name, 1, top, false); err != nil {
		return err
	}
	b.x.SetCellStyle(name, "A1", "A1", b.style("title"))
	b.x.SetCellStyle(name, "B5", "B5", b.style("bold"))
	tally := wording.Count(f, r)
	parts := [][]any{{"部分", "结论", "指标（项）", "未达标（项）", "未填报（项）", "学校层面问题（处）"}}
	for _, p := range r.Verdict.Parts {
		pt := tally.Part(p.Part)
		parts = append(parts, []any{p.Name, passText(p.Pass), pt.Total, pt.Fail, pt.Missing, pt.Problems})
	}
	partsRow := len(top) + 1
	row := partsRow
	if err := b.rows(name, row, parts, true); err != nil {
		return err
	}
	row += len(parts) + 1
	items := [][]any{{"编号", "项目", "结论", "说明"}}
	for _, it := range std.Items {
		res, ok := r.Items[it.Code]
		if !ok {
			continue
		}
		state := passText(res.Pass)
		switch {
		case res.Missing:
			state = format.Missing
		case res.NotApplicable:
			state = "不适用"
		}
		detail := res.Detail
		if len(res.Issues) > 0 {
			detail += "\n" + strings.Join(res.Issues, "\n")
		}
		items = append(items, []any{it.Code, res.Name, state, detail})
	}
	if err := b.rows(name, row, items, true); err != nil {
		return err
	}
	// Every cell ruled and at the top of its row: the code, name and
	// result stand beside the first line of a tall 说明.
	b.x.SetCellStyle(name, cellName(1, partsRow+1), cellName(len(parts[0]), partsRow+len(parts)-1), b.style("cell"))
	b.x.SetCellStyle(name, cellName(1, row+1), cellName(len(items[0]), row+len(items)-1), b.style("cell"))
	for i, it := range items[1:] {
		b.fitText(name, row+1+i, 70, it[3].(string))
		b.fitText(name, row+1+i, 50, it[1].(string))
	}
	b.fitText(name, 6, 50, top[5][1].(string))
	b.x.SetCellStyle(name, cellName(2, 6), cellName(2, 6), b.style("wrap"))
	b.x.SetColWidth(name, "A", "A", 14)
	b.x.SetColWidth(name, "B", "B", 50)
	b.x.SetColWidth(name, "C", "C", 10)
	b.x.SetColWidth(name, "D", "D", 70)
	b.x.SetColWidth(name, "E", "F", float64(displayWidth("学校层面问题（处）")+2))
	// 结论 cells coloured like the results of the stage sheets.
	if err := b.verdictColours(name, "B5:B5"); err != nil {
		return err
	}
	if err := b.verdictColours(name, fmt.Sprintf("B%d:B%d", partsRow+1, partsRow+len(parts)-1)); err != nil {
		return err
	}
	if err := b.verdictColours(name, fmt.Sprintf("C%d:C%d", row+1, row+len(items)-1)); err != nil {
		return err
	}
	if err := b.printSetup(name, 0, false); err != nil {
		return err
	}
	// The items run over several pages: their header on each.
	return b.repeatRows(name, row, row, 0)
}

// verdictColours colours the text results of a range: 通过/达标 green,
// 未通过/未达标 red, 未填报 yellow (as in the stage sheets).
func (b *book) verdictColours(name, ref string) error {
	met, near, below := b.style("met"), b.style("near"), b.style("below")
	first := strings.SplitN(ref, ":", 2)[0]
	is := func(words ...string) string {
		parts := make([]string, len(words))
		for i, w := range words {
			parts[i] = fmt.Sprintf(`%s="%s"`, first, w)
		}
		return "OR(" + strings.Join(parts, ",") + ")"
	}
	return b.x.SetConditionalFormat(name, ref, []excelize.ConditionalFormatOptions{
		{Type: "formula", Format: &met, Criteria: is("通过", "达标")},
		{Type: "formula", Format: &below, Criteria: is("未通过", "未达标")},
		{Type: "formula", Format: &near, Criteria: is(format.Missing)},
	})
}

// Columns of a stage sheet before the indicators.
const stageFixedCols = 4 // 标识码, 名称, 类型, 在校生数

func (b *book) stageSheet(stage string, st *eval.Stage, std *standard.Standard) error {
	name := StageSheet(stage)
	if _, err := b.x.NewSheet(name); err != nil {
		return err
	}
	if st == nil {
		return b.rows(name, 1, [][]any{{"本县没有" + eval.StageNames[stage] + "学段的学校，不适用。"}}, false)
	}
	header := []any{hdrID, hdrName, "学校类型", "在校生数（人）"}
	limits := []any{"标准值", "", "", ""}
	for _, code := range standard.ResourceCodes {
		it := std.Item(code)
		header = append(header, code+" "+it.Name+unitSuffix(it.Unit))
		limits = append(limits, st.Standard[code])
	}
	header = append(header, "达标项数", "结论", "差距")
	limits = append(limits, len(standard.ResourceCodes), "", "")
	data := [][]any{header, limits}
	for _, sp := range st.Schools {
		row := []any{sp.ID, sp.Name, sp.Type, sp.Students}
		for _, code := range standard.ResourceCodes {
			if v := sp.Values[code]; v != nil {
				row = append(row, *v)
			} else {
				row = append(row, format.Missing)
			}
		}
		var gaps []string
		for _, s := range sp.Shortfalls {
			gaps = append(gaps, s.Code+" 差 "+s.Need)
		}
		for _, m := range sp.Missing {
			gaps = append(gaps, m+" "+format.Missing)
		}
		row = append(row, sp.MetCount, passText(sp.Pass), strings.Join(gaps, "；"))
		data = append(data, row)
	}
	if err := b.rows(name, 1, data, true); err != nil {
		return err
	}
	first, last := 3, 2+len(st.Schools)
	firstR, lastR := colName(stageFixedCols+1), colName(stageFixedCols+len(standard.ResourceCodes))
	valueStyle := b.dataStyle(kFloat, format.ValueDecimals, false)
	b.x.SetCellStyle(name, firstR+"2", lastR+fmt.Sprint(max(last, 2)), valueStyle)
	b.x.SetCellStyle(name, "A2", cellName(len(header), 2), b.style("example"))
	if last >= first {
		if err := b.compliance(name, firstR, lastR, first, last); err != nil {
			return err
		}
	}
	row := last + 2
	if len(st.Excluded) > 0 {
		ex := [][]any{{"未参与计算的学校", "", "原因"}}
		for _, e := range st.Excluded {
			ex = append(ex, []any{e.ID, e.Name, e.Reason})
		}
		if err := b.rows(name, row, ex, true); err != nil {
			return err
		}
	}
	b.x.SetColWidth(name, "A", "A", 16)
	b.x.SetColWidth(name, "B", "B", 24)
	b.x.SetColWidth(name, firstR, lastR, 14)
	b.x.SetColWidth(name, colName(len(header)), colName(len(header)), 50)
	b.x.SetRowHeight(name, 1, 60)
	b.x.SetCellStyle(name, "A1", cellName(len(header), 1), b.style("header"))
	resultCol := colName(len(header) - 1)
	if last >= first {
		if err := b.verdictColours(name, fmt.Sprintf("%s%d:%s%d", resultCol, first, resultCol, last)); err != nil {
			return err
		}
	}
	b.x.SetCellStyle(name, colName(len(header))+"3", colName(len(header))+fmt.Sprint(max(last, 3)), b.style("wrap"))
	for i, r := range data[2:] {
		b.fitText(name, 3+i, 50, r[len(r)-1].(string))
	}
	if err := b.printSetup(name, 2, false); err != nil {
		return err
	}
	return b.x.SetPanes(name, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 2, TopLeftCell: "C3", ActivePane: "bottomRight"})
}

func unitSuffix(unit string) string {
	switch unit {
	case "", "人", "间":
		return ""
	}
	return "（" + unit + "）"
}

// compliance colours each indicator against the standard row (row 2):
// met (with the program's relative tolerance), within 85%, below. Text
// cells (未填报) stay uncoloured.
func (b *book) compliance(name, firstCol, lastCol string, first, last int) error {
	ref := fmt.Sprintf("%s%d:%s%d", firstCol, first, lastCol, last)
	cell := fmt.Sprintf("%s%d", firstCol, first)
	limit := firstCol + "$2"
	tol := strconv.FormatFloat(1-standard.Tolerance, 'f', -1, 64) // plain decimals: 1e-09 is not read everywhere
	floor := strconv.FormatFloat(standard.National2017().PartPassFloor, 'f', -1, 64)
	met, near, below := b.style("met"), b.style("near"), b.style("below")
	return b.x.SetConditionalFormat(name, ref, []excelize.ConditionalFormatOptions{
		{Type: "formula", Format: &met, StopIfTrue: true,
			Criteria: fmt.Sprintf("AND(ISNUMBER(%s),%s>=%s*%s)", cell, cell, limit, tol)},
		{Type: "formula", Format: &near, StopIfTrue: true,
			Criteria: fmt.Sprintf("AND(ISNUMBER(%s),%s>=%s*%s*%s)", cell, cell, floor, limit, tol)},
		{Type: "formula", Format: &below, Criteria: fmt.Sprintf("ISNUMBER(%s)", cell)},
	})
}

func (b *book) cvSheet(r *eval.Result, std *standard.Standard) error {
	name := SheetCV
	if _, err := b.x.NewSheet(name); err != nil {
		return err
	}
	data := [][]any{{"学段", "编号", "指标", "县均值", "差异系数", "限值（≤）", "结论", "说明"}}
	for _, stage := range []string{eval.Primary, eval.Junior} {
		st := r.Stages.Get(stage)
		if st == nil {
			data = append(data, []any{eval.StageNames[stage], "", "本县没有该学段的学校，不适用", nil, nil, nil, "不适用", ""})
			continue
		}
		for _, code := range standard.ResourceCodes {
			row := []any{eval.StageNames[stage], code, std.Item(code).Name, optNumber(st.Mean[code]), optNumber(st.CV[code]),
				st.CVLimit, passText(st.CVPass[code]), st.CVNote[code]}
			data = append(data, row)
		}
	}
	if err := b.rows(name, 1, data, true); err != nil {
		return err
	}
	n := len(data)
	b.x.SetCellStyle(name, "D2", fmt.Sprintf("D%d", n), b.dataStyle(kFloat, format.ValueDecimals, false))
	b.x.SetCellStyle(name, "E2", fmt.Sprintf("F%d", n), b.dataStyle(kFloat, format.CVDecimals, false))
	b.x.SetColWidth(name, "C", "C", 40)
	b.x.SetColWidth(name, "D", "G", 12)
	b.x.SetColWidth(name, "H", "H", 40)
	b.x.SetCellStyle(name, "H2", fmt.Sprintf("H%d", n), b.style("wrap"))
	b.x.SetCellStyle(name, "C2", fmt.Sprintf("C%d", n), b.style("wrap"))
	for i, r := range data[1:] {
		if s, ok := r[7].(string); ok {
			b.fitText(name, i+2, 40, s)
		}
		if s, ok := r[2].(string); ok {
			b.fitText(name, i+2, 40, s)
		}
	}
	if err := b.verdictColours(name, fmt.Sprintf("G2:G%d", n)); err != nil {
		return err
	}
	if err := b.printSetup(name, 1, false); err != nil {
		return err
	}
	return b.x.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// optNumber is a number cell, or 未填报 as text.
func optNumber(x *float64) any {
	if x == nil {
		return "不可计算"
	}
	return *x
}

func (b *book) todoSheet(r *eval.Result) error {
	name := SheetTodo
	if _, err := b.x.NewSheet(name); err != nil {
		return err
	}
	data := [][]any{{"序号", "部分", "编号", "学段", "学校", "类别", "内容"}}
	for i, t := range r.Verdict.Todo {
		kindText := "未达标"
		if t.Missing {
			kindText = format.Missing
		}
		data = append(data, []any{i + 1, standard.PartNames[t.Part], t.Code, eval.StageNames[t.Stage], t.School, kindText, t.Text})
	}
	if len(r.Verdict.Todo) == 0 {
		data = append(data, []any{nil, "", "", "", "", "", "没有需要整改的事项"})
	}
	if err := b.rows(name, 1, data, true); err != nil {
		return err
	}
	b.x.SetColWidth(name, "A", "A", 6)
	b.x.SetColWidth(name, "B", "B", 14) // 政府保障程度 whole
	b.x.SetColWidth(name, "C", "D", 8)
	b.x.SetColWidth(name, "E", "E", 24)
	b.x.SetColWidth(name, "F", "F", 10)
	b.x.SetColWidth(name, "G", "G", 80)
	// Every cell ruled and at the top of its row, beside the first line
	// of its 内容.
	b.x.SetCellStyle(name, "A2", fmt.Sprintf("G%d", len(data)), b.style("cell"))
	for i, r := range data[1:] {
		b.fitText(name, i+2, 80, r[6].(string))
	}
	if err := b.printSetup(name, 1, false); err != nil {
		return err
	}
	return b.x.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}
