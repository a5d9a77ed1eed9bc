package xlsx

import (
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"junheng/app/county"
)

// The 整改台账 sheet: one row per to-do item, matched by 编号 and 学校标识码.

// ledgerRow types one item in the next free row of the 整改台账 sheet;
// values are by column path, a time.Time typed as Excel keeps a date. It
// returns the row's cells by path.
func ledgerRow(t *testing.T, x *excelize.File, vals map[string]any) map[string]string {
	t.Helper()
	rows, _ := x.GetRows(SheetLedger)
	row := max(len(rows)+1, firstDataRow)
	cells := map[string]string{}
	sh := sheetByName(SheetLedger)
	for k := range sh.cols {
		c := &sh.cols[k]
		ref := cellAt(headerIndex(t, x, SheetLedger, c.header), row)
		cells[c.path] = ref
		if v, ok := vals[c.path]; ok {
			x.SetCellValue(SheetLedger, ref, v)
			dateFormatted(t, x, SheetLedger, ref, v)
		}
	}
	return cells
}

// Items typed in a blank county template (a school's with its deadline as
// an Excel date, a county item without school) are in export-json exactly;
// the pre-filled template sent back changes nothing; a row typed again
// with only its status changes that status and keeps the rest; 「清空」
// clears one value.
func TestLedgerRoundTrip(t *testing.T) {
	s, before := demoStore(t)
	sc := before.Schools[1]
	x := countyBook(t, nil)
	setCell(t, x, "县级基本情况", hdrItem, "县（市、区）名称", hdrValue, before.County.Name)
	ledgerRow(t, x, map[string]any{"code": "R2", "school_id": sc.ID, "name": sc.Name, "measure": "2025年秋季招聘并认定骨干教师3名",
		"unit": "市教体局人事股", "deadline": time.Date(2025, 8, 31, 0, 0, 0, 0, time.UTC), "status": "进行中"})
	ledgerRow(t, x, map[string]any{"code": "Ｇ５", "measure": "落实教师交流轮岗", "unit": "市教体局", "deadline": "2025/12/31", "status": "未开始"})
	if _, err := importInto(s, saveBook(t, x), "台账.xlsx", before.Year); err != nil {
		t.Fatal(err)
	}
	want := clone(before)
	id := sc.ID
	want.County.Rectification = []county.Rectification{
		{Code: "R2", SchoolID: &id, Measure: "2025年秋季招聘并认定骨干教师3名", Unit: "市教体局人事股", Deadline: "2025-08-31", Status: "进行中"},
		{Code: "G5", Measure: "落实教师交流轮岗", Unit: "市教体局", Deadline: "2025-12-31", Status: "未开始"},
	}
	sameValues(t, "export-json after the ledger", exported(t, s, before.Year), want)

	saved := loadYear(t, s, before.Year)
	if p, err := importInto(s, saveBook(t, countyBook(t, saved)), "原样.xlsx", before.Year); err != nil || !p.Empty() {
		t.Fatalf("the pre-filled ledger sent back unchanged: %v %v", p, err)
	}

	x = countyBook(t, nil)
	setCell(t, x, "县级基本情况", hdrItem, "县（市、区）名称", hdrValue, before.County.Name)
	ledgerRow(t, x, map[string]any{"code": "R2", "school_id": " " + sc.ID, "status": "已完成"})
	ledgerRow(t, x, map[string]any{"code": "G5", "unit": ClearWord})
	p, err := importInto(s, saveBook(t, x), "进度.xlsx", before.Year)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Changes) != 2 || p.Counts.Clearings != 1 {
		t.Errorf("changes: %v", p.Changes)
	}
	want.County.Rectification[0].Status = "已完成"
	want.County.Rectification[1].Unit = ""
	sameValues(t, "export-json after a status and a clearing", exported(t, s, before.Year), want)
}

// Bad ledger rows are refused naming the cell, the field and the value:
// an impossible deadline, a date where the measure goes, an unknown
// status, a school the year does not have, a name that is not the id's,
// the same item twice; the database is unchanged.
func TestLedgerBadRowsRefused(t *testing.T) {
	s, before := demoStore(t)
	sc := before.Schools[0]
	day := time.Date(2025, 8, 31, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		vals  map[string]any
		twice bool
		at    string // the path of the cell named
		want  string
	}{
		{map[string]any{"code": "R2", "school_id": sc.ID, "deadline": "2025-06-31"}, false, "deadline", "完成时限「2025-06-31」不是实际存在的日期"},
		{map[string]any{"code": "R2", "school_id": sc.ID, "measure": day}, false, "measure", "日期格式"},
		{map[string]any{"code": "R2", "school_id": sc.ID, "status": "差不多"}, false, "status", "整改状态「差不多」应为以下之一"},
		{map[string]any{"code": "R2", "school_id": "4199999999", "measure": "招聘"}, false, "school_id", "学校标识码「4199999999」不是本学年任何一所学校的标识码"},
		{map[string]any{"code": "R2", "school_id": sc.ID, "name": "别的学校", "measure": "招聘"}, false, "name", "学校名称「别的学校」与标识码不符"},
		{map[string]any{"code": "R2", "school_id": sc.ID, "measure": "招聘"}, true, "code", "与第 3 行重复"},
		{map[string]any{"school_id": sc.ID, "measure": "招聘"}, false, "code", "未填写"},
	} {
		x := countyBook(t, nil)
		setCell(t, x, "县级基本情况", hdrItem, "县（市、区）名称", hdrValue, before.County.Name)
		cells := ledgerRow(t, x, tc.vals)
		if tc.twice {
			cells = ledgerRow(t, x, tc.vals)
		}
		refused(t, s, before, saveBook(t, x), SheetLedger+"!"+cells[tc.at]+" ", tc.want)
	}
}
