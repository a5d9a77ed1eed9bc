package xlsx

import (
	"bytes"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/data"
)

// sampleCounty is a valid county with every kind of school and every
// county fact, finance rows and narrative included.
func sampleCounty() *county.File {
	f := county.Generate(40, 11)
	f.County.Narrative = county.Narrative{Basic: "基本情况文字", Foundation: "工作基础", Problems: "存在问题", Measures: "整改措施"}
	f.County.Gov.G8.Evidence = "人社局文件"
	f.County.Finance = []county.FinanceYear{
		{Year: 2022, RecurrentRevenue: county.F(150000.5), EduAppropriation: county.F(15000), PublicEduExpenditure: county.F(20000),
			FiscalExpenditure: county.F(250000), Students: county.I(9900),
			PerStudentOperating:   county.StageMoney{Primary: county.F(9000), Junior: county.F(18000)},
			PerStudentPublicFunds: county.StageMoney{Primary: county.F(2300), Junior: county.F(5000)},
			StaffAvgSalary:        county.F(85000), EduSurchargeLevied: county.F(1900), EduSurchargeAllocated: county.F(1900)},
		{Year: 2023, RecurrentRevenue: county.F(160000), EduAppropriation: county.F(16400), Students: county.I(10100)},
	}
	f.Schools[2].MusicRooms = []float64{} // a school with no music room (distinct from not entered)
	// The dossier's facts (表Ⅰ, the application, the survey's conduct) and
	// staff per stage for the schools that teach it.
	c := &f.County
	c.AreaKm2, c.AgriculturalPopulationWan, c.Villages = county.F(112.5), county.F(2.1), county.I(37)
	c.GDPPerCapita, c.FiscalRevenuePerCapita = county.F(98000), county.F(6900)
	c.RuralIncomePerCapita, c.UrbanIncomePerCapita = county.F(21000), county.F(38000.5)
	c.Application = &county.Application{Date: "2025-03-08", Applicant: "示范县人民政府", Office: "示范县教育体育局", Contact: "张明", Phone: "0398-5812345"}
	c.Narrative.Request = "申请报告正文"
	c.SurveyConduct = &county.SurveyConduct{Issued: county.I(1500), Valid: county.I(1429), Visits: county.I(120), VisitsSatisfied: county.I(110), Organizer: "市教育评估中心"}
	for i := range f.Schools {
		s := &f.Schools[i]
		st := &county.StageCount{}
		if (county.FieldSpec{Stage: "primary"}).AppliesTo(s.Type) {
			st.Primary = county.I(20 + i)
		}
		if (county.FieldSpec{Stage: "junior"}).AppliesTo(s.Type) {
			st.Junior = county.I(30 + i)
		}
		if i%7 != 3 { // some schools without staff entered
			s.Staff = st
		}
	}
	for i := range f.Schools {
		// money to the fen, as a clerk types it (Excel keeps 15 digits)
		if x := f.Schools[i].PublicFundsAllocated; x != nil {
			f.Schools[i].PublicFundsAllocated = county.F(math.Round(*x*100) / 100)
		}
	}
	return f
}

func templateOf(t testing.TB, f *county.File, schoolID string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, f, schoolID); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fullBookOf is a workbook holding every sheet of the table, school and
// county, pre-filled from f (as the bureau's own copy, or an export, is).
func fullBookOf(t testing.TB, f *county.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := writeBook(&buf, f, f.Schools, func(*sheet) bool { return true }, false, false); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func openBook(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func saveBook(t testing.TB, x *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := x.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// headerIndex finds a column (1-based) by its header text in row 1.
func headerIndex(t testing.TB, x *excelize.File, sheetName, header string) int {
	t.Helper()
	rows, err := x.GetRows(sheetName)
	if err != nil || len(rows) == 0 {
		t.Fatalf("sheet %s: %v", sheetName, err)
	}
	i := slices.IndexFunc(rows[0], func(h string) bool { return normalize(h) == normalize(header) })
	if i < 0 {
		t.Fatalf("sheet %s has no column %q (headers %q)", sheetName, header, rows[0])
	}
	return i + 1
}

// rowOf finds the row (1-based) whose first-column-by-header cell is key.
func rowOf(t testing.TB, x *excelize.File, sheetName, keyHeader, key string) int {
	t.Helper()
	col := headerIndex(t, x, sheetName, keyHeader)
	rows, _ := x.GetRows(sheetName)
	for i, r := range rows {
		if len(r) >= col && normalize(r[col-1]) == normalize(key) {
			return i + 1
		}
	}
	t.Fatalf("sheet %s: no row with %s = %s", sheetName, keyHeader, key)
	return 0
}

func cellAt(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// setCell writes a value under a header in a school's row and returns the
// cell reference.
func setCell(t testing.TB, x *excelize.File, sheetName, keyHeader, key, header string, v any) string {
	t.Helper()
	ref := cellAt(headerIndex(t, x, sheetName, header), rowOf(t, x, sheetName, keyHeader, key))
	if err := x.SetCellValue(sheetName, ref, v); err != nil {
		t.Fatal(err)
	}
	return ref
}

// reorder rewrites a table sheet with its columns in reverse order and an
// extra 备注 column in second place, as a clerk moving columns around in
// WPS would leave it (the sheet is recreated, validations and all gone).
func reorder(t testing.TB, x *excelize.File, sheetName string) {
	t.Helper()
	rows, err := x.GetRows(sheetName, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	width := len(rows[0])
	if err := x.DeleteSheet(sheetName); err != nil {
		t.Fatal(err)
	}
	if _, err := x.NewSheet(sheetName); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		out := []any{}
		for j := width - 1; j >= 0; j-- {
			v := ""
			if j < len(r) {
				v = r[j]
			}
			out = append(out, v)
			if j == width-1 {
				note := "备注"
				if i > 0 {
					note = "这一列不导入"
				}
				out = append(out, note)
			}
		}
		if err := x.SetSheetRow(sheetName, cellAt(1, i+1), &out); err != nil {
			t.Fatal(err)
		}
	}
}

// cellText is how the test types a value: numbers sometimes as numbers,
// sometimes as text with thousands separators (as WPS users paste them).
func cellText(v any, asText bool) any {
	switch x := v.(type) {
	case nil:
		return nil
	case bool:
		if x {
			return "是"
		}
		return "否"
	case []float64:
		if len(x) == 0 {
			return "无"
		}
		parts := []string{}
		for _, a := range x {
			parts = append(parts, strconv.FormatFloat(a, 'f', -1, 64))
		}
		return strings.Join(parts, "、")
	case int:
		if asText {
			return format.Int(x)
		}
		return x
	case float64:
		if asText {
			return strconv.FormatFloat(x, 'f', -1, 64)
		}
		return x
	}
	return v
}

// newStore makes an empty data file, or one holding f.
func newStore(t testing.TB, f *county.File) *data.Store {
	t.Helper()
	s, err := data.Create(filepath.Join(t.TempDir(), "县.db"), data.Settings{Office: "测试局", User: "测试员"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if f != nil {
		if err := s.ImportFile(f, "测试准备"); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// importInto runs the whole import of a workbook into a year of a store,
// new schools confirmed (as --new-schools does).
func importInto(s *data.Store, book []byte, name, year string) (*Plan, error) {
	imp, err := ReadWorkbook(bytes.NewReader(book), name)
	if err != nil {
		return nil, err
	}
	if year == "" {
		year = imp.Year
	}
	p, err := PlanFor(s, imp, year)
	if err != nil {
		return nil, err
	}
	p.AddNewSchools = true
	return p, Apply(s, p)
}

func encode(t testing.TB, f *county.File) string {
	t.Helper()
	b, err := county.Encode(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
