package xlsx

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"junheng/app/format"
	"junheng/app/plan"
)

// Sheet names of a 达标规划测算 workbook.
const (
	SheetPlanSummary  = "汇总"
	SheetPlanSchools  = "按学校"
	SheetPlanCV       = "差异系数前后"
	SheetPlanAssume   = "测算假设"
	planMoneyDecimals = 0
)

// WritePlan writes a plan (laid out by plan.NewReport) for readers who
// have only Excel: the summary (total, by kind, failing parts before and
// after, what the plan cannot fix), the actions by school, the
// coefficients before and after, and the unit costs and options the
// figures rest on. Every figure is labelled 测算; every sheet prints
// landscape, one page wide, its header rows repeated.
func WritePlan(w io.Writer, r plan.Report) error {
	b := newBook()
	defer b.x.Close()
	if err := b.x.SetSheetName("Sheet1", SheetPlanSummary); err != nil {
		return err
	}
	for _, write := range []func(plan.Report) error{b.planSummary, b.planSchools, b.planCV, b.planAssumptions} {
		if err := write(r); err != nil {
			return err
		}
	}
	b.x.SetActiveSheet(0)
	_, err := b.x.WriteTo(w)
	return err
}

func (b *book) planSummary(r plan.Report) error {
	name := SheetPlanSummary
	top := [][]any{
		{r.Title},
		{"县（市、区）", r.County},
		{"学年", r.Year},
		{"测算总投入（元）", r.Total},
		{"未达标的学校学段（测算）", fmt.Sprintf("规划前 %d 个 → 规划后 %d 个", r.Before.FailingParts, r.After.FailingParts)},
		{"G3 音乐、美术专用教室未达标的学校（测算）", fmt.Sprintf("规划前 %d 所 → 规划后 %d 所", r.Before.G3Failing, r.After.G3Failing)},
		{"说明", plan.Note},
		{},
	}
	if err := b.rows(name, 1, top, false); err != nil {
		return err
	}
	b.x.SetCellStyle(name, "A1", "A1", b.style("title"))
	b.x.SetCellStyle(name, "B4", "B4", b.dataStyle(kFloat, planMoneyDecimals, true))
	kinds := [][]any{{"措施", "项数", "测算金额（元）"}}
	for _, k := range r.ByKind {
		kinds = append(kinds, []any{k.Name, k.Count, k.Cost})
	}
	kinds = append(kinds, []any{"合计", nil, r.Total})
	row := len(top) + 1
	if err := b.rows(name, row, kinds, true); err != nil {
		return err
	}
	b.x.SetCellStyle(name, cellName(3, row+1), cellName(3, row+len(kinds)-1), b.dataStyle(kFloat, planMoneyDecimals, true))
	row += len(kinds) + 1
	un := [][]any{{"规划无法解决的问题", "学校", "说明"}}
	for _, u := range r.Unresolved {
		un = append(un, []any{u.Item, u.Where(), format.Safe(u.Detail)})
	}
	if len(r.Unresolved) == 0 {
		un = append(un, []any{"无", "", ""})
	}
	if err := b.rows(name, row, un, true); err != nil {
		return err
	}
	b.x.SetCellStyle(name, cellName(3, row+1), cellName(3, row+len(un)-1), b.style("wrap"))
	b.x.SetColWidth(name, "A", "A", 40)
	b.x.SetColWidth(name, "B", "B", 30)
	b.x.SetColWidth(name, "C", "C", 50)
	return b.printSetup(name, 0, false)
}

func (b *book) planSchools(r plan.Report) error {
	name := SheetPlanSchools
	if _, err := b.x.NewSheet(name); err != nil {
		return err
	}
	data := [][]any{{hdrID, hdrName, "措施（测算）", "责任单位", "测算金额（元）"}}
	for _, s := range r.Schools {
		for _, a := range s.Actions {
			data = append(data, []any{s.ID, s.Name, a.Text, a.Responsible, a.Cost})
		}
		data = append(data, []any{s.ID, s.Name, "本校合计", "", s.Cost})
	}
	if len(r.Schools) == 0 {
		data = append(data, []any{"", "", "无需增加措施", "", 0})
	}
	data = append(data, []any{"", "全县", "合计", "", r.Total})
	if err := b.rows(name, 1, data, true); err != nil {
		return err
	}
	n := len(data)
	b.x.SetCellStyle(name, "E2", fmt.Sprintf("E%d", n), b.dataStyle(kFloat, planMoneyDecimals, true))
	b.x.SetCellStyle(name, "C2", fmt.Sprintf("D%d", n), b.style("wrap"))
	for i, row := range data[1:] {
		b.fitText(name, i+2, 50, row[2].(string))
	}
	b.x.SetColWidth(name, "A", "A", 16)
	b.x.SetColWidth(name, "B", "B", 24)
	b.x.SetColWidth(name, "C", "C", 50)
	b.x.SetColWidth(name, "D", "D", 20)
	b.x.SetColWidth(name, "E", "E", 16)
	if err := b.printSetup(name, 1, false); err != nil {
		return err
	}
	return b.x.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

func (b *book) planCV(r plan.Report) error {
	name := SheetPlanCV
	if _, err := b.x.NewSheet(name); err != nil {
		return err
	}
	data := [][]any{{"学段", "编号", "指标", "规划前差异系数（测算）", "规划前", "规划后差异系数（测算）", "规划后"}}
	for _, c := range r.CV {
		data = append(data, []any{c.StageName, c.Code, c.Name, optNumber(c.Before), passText(c.PassBefore),
			optNumber(c.After), passText(c.PassAfter)})
	}
	if len(r.CV) == 0 {
		data = append(data, []any{"", "", "没有可计算的差异系数", nil, "", nil, ""})
	}
	if err := b.rows(name, 1, data, true); err != nil {
		return err
	}
	n := len(data)
	cv := b.dataStyle(kFloat, format.CVDecimals, true)
	b.x.SetCellStyle(name, "D2", fmt.Sprintf("D%d", n), cv)
	b.x.SetCellStyle(name, "F2", fmt.Sprintf("F%d", n), cv)
	b.x.SetColWidth(name, "C", "C", 20)
	b.x.SetColWidth(name, "D", "G", 16)
	b.x.SetRowHeight(name, 1, 36)
	for _, col := range []string{"E", "G"} {
		if err := b.verdictColours(name, fmt.Sprintf("%s2:%s%d", col, col, n)); err != nil {
			return err
		}
	}
	if err := b.printSetup(name, 1, false); err != nil {
		return err
	}
	return b.x.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

func (b *book) planAssumptions(r plan.Report) error {
	name := SheetPlanAssume
	if _, err := b.x.NewSheet(name); err != nil {
		return err
	}
	data := [][]any{{"项目", "测算采用的值"}}
	for _, a := range r.Costs {
		data = append(data, []any{"单价：" + a.Label, a.Value})
	}
	for _, a := range r.Options {
		data = append(data, []any{a.Label, a.Value})
	}
	data = append(data, []any{"说明", plan.Note})
	if err := b.rows(name, 1, data, true); err != nil {
		return err
	}
	b.x.SetColWidth(name, "A", "A", 36)
	b.x.SetColWidth(name, "B", "B", 70)
	b.x.SetCellStyle(name, "B2", fmt.Sprintf("B%d", len(data)), b.style("wrap"))
	for i, row := range data[1:] {
		b.fitText(name, i+2, 70, row[1].(string))
	}
	return b.printSetup(name, 1, false)
}
