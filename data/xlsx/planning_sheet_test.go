package xlsx

import (
	"testing"

	"junheng/app/county"
	"junheng/data"
)

// The 达标规划设置 sheet: the clerk types unit costs and options (levers by
// their Chinese names, ids with full-width digits); the import stores them
// in the planning block; the pre-filled sheet sent back changes nothing;
// 「清空」 removes one cost and keeps the others.
func TestPlanningSheetRoundTrip(t *testing.T) {
	s, before := demoStore(t)
	id := before.Schools[3].ID
	x := countyBook(t, nil)
	setCell(t, x, "县级基本情况", hdrItem, "县（市、区）名称", hdrValue, before.County.Name)
	cost := func(k string) string { return "规划单价：" + county.PlanningLeverLabels[k] }
	title := func(label string) string {
		for _, c := range sheetByName(SheetPlanning).cols {
			if c.spec.Label == label {
				return c.header
			}
		}
		t.Fatalf("no row %s", label)
		return ""
	}
	setCell(t, x, SheetPlanning, hdrItem, title(cost("hire")), hdrValue, "98,000")
	setCell(t, x, SheetPlanning, hdrItem, title(cost("build_sports_ground")), hdrValue, 260)
	setCell(t, x, SheetPlanning, hdrItem, title("规划不使用的措施"), hdrValue, "交流轮岗、hire")
	setCell(t, x, SheetPlanning, hdrItem, title("规划预留余量"), hdrValue, 0.05)
	setCell(t, x, SheetPlanning, hdrItem, title("规划新增教师上限"), hdrValue, 40)
	setCell(t, x, SheetPlanning, hdrItem, title("规划七项全部达标"), hdrValue, "是")
	setCell(t, x, SheetPlanning, hdrItem, title("不纳入规划的学校"), hdrValue, county.CleanID(id))
	if _, err := importInto(s, saveBook(t, x), "规划.xlsx", before.Year); err != nil {
		t.Fatal(err)
	}
	m, n, yes := 0.05, 40, true
	want := clone(before)
	want.County.Planning = &county.Planning{Costs: map[string]float64{"hire": 98000, "build_sports_ground": 260},
		Off: []string{"transfer", "hire"}, Margin: &m, MaxNewTeachers: &n, AllSeven: &yes, ExcludedSchools: []string{id}}
	sameValues(t, "export-json after the planning sheet", exported(t, s, before.Year), want)

	saved := loadYear(t, s, before.Year)
	back := countyBook(t, saved)
	if v, _ := back.GetCellValue(SheetPlanning, cellAt(headerIndex(t, back, SheetPlanning, hdrValue), rowOf(t, back, SheetPlanning, hdrItem, title("规划不使用的措施")))); v != "交流轮岗、新增专任教师" {
		t.Errorf("the pre-filled sheet shows the levers off as %q", v)
	}
	if p, err := importInto(s, saveBook(t, back), "原样.xlsx", before.Year); err != nil || !p.Empty() {
		t.Fatalf("the pre-filled sheet sent back unchanged: %+v %v", p, err)
	}

	x = countyBook(t, nil)
	setCell(t, x, "县级基本情况", hdrItem, "县（市、区）名称", hdrValue, before.County.Name)
	setCell(t, x, SheetPlanning, hdrItem, title(cost("hire")), hdrValue, ClearWord)
	if _, err := importInto(s, saveBook(t, x), "清空.xlsx", before.Year); err != nil {
		t.Fatal(err)
	}
	delete(want.County.Planning.Costs, "hire")
	sameValues(t, "export-json after clearing a cost", exported(t, s, before.Year), want)
}

// Values outside the planning rules are refused, naming the sheet and the
// value; the data file stays as it was.
func TestPlanningSheetRefusals(t *testing.T) {
	s, before := demoStore(t)
	for label, tc := range map[string][2]any{
		"规划预留余量":   {0.5, "0.2"},
		"规划不使用的措施": {"交流", "交流"},
		"不纳入规划的学校": {"4199999999", "4199999999"},
	} {
		x := countyBook(t, nil)
		setCell(t, x, "县级基本情况", hdrItem, "县（市、区）名称", hdrValue, before.County.Name)
		var header string
		for _, c := range sheetByName(SheetPlanning).cols {
			if c.spec.Label == label {
				header = c.header
			}
		}
		setCell(t, x, SheetPlanning, hdrItem, header, hdrValue, tc[0])
		refused(t, s, before, saveBook(t, x), tc[1].(string))
	}
}

// The county workbook pre-filled with the planning settings and the 请示's
// fields, opened and saved by LibreOffice, imports as no change at all:
// every value reads back equal and no cell LibreOffice left empty clears
// a saved one.
func TestCountyBookAfterLibreOfficeChangesNothing(t *testing.T) {
	s, before := demoStore(t)
	m, n, yes := 0.05, 40, true
	f := clone(before)
	f.County.Planning = &county.Planning{Costs: map[string]float64{"hire": 98000, "buy_equipment": 1.2},
		Off: []string{"transfer"}, Margin: &m, MaxNewTeachers: &n, AllSeven: &yes, ExcludedSchools: []string{before.Schools[2].ID}}
	f.County.Application = &county.Application{Date: "2025-09-30", Applicant: "义马市人民政府", Contact: "张丽", Phone: "0398-5812345",
		DocNo: "义政文〔2025〕12号", Signer: "王明", Attachments: "1. 自评报告\n2. 学校名单"}
	if _, err := s.Import(f, data.ImportOptions{Source: "规划.json"}); err != nil {
		t.Fatal(err)
	}
	saved := loadYear(t, s, before.Year)
	book := resaved(t, "县级.xlsx", saveBook(t, countyBook(t, saved)))
	p, err := importInto(s, book, "县级.xlsx", before.Year)
	if err != nil || !p.Empty() {
		t.Fatalf("the county workbook re-saved by LibreOffice: %+v %v", p, err)
	}
	// the planning rows and the 请示's fields were read, and read equal
	if c := p.Counts; c.Values < 14 || c.Unchanged != c.Values {
		t.Fatalf("the re-saved county workbook read %d values, %d of them unchanged", c.Values, c.Unchanged)
	}
	sameValues(t, "export-json after the re-saved county workbook", exported(t, s, before.Year), saved)
}
