package xlsx

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/standard"
	"junheng/assets/demo"
)

func exportDemo(t *testing.T) (*excelize.File, *eval.Result) {
	t.Helper()
	f := demo.File()
	r := eval.Run(f)
	var buf bytes.Buffer
	if err := ExportResults(&buf, f, r); err != nil {
		t.Fatal(err)
	}
	return openBook(t, buf.Bytes()), r
}

// numberCell checks that a cell holds a number (not text), equal to want
// to Excel's 15 digits, shown as the program's formatter shows it.
func numberCell(t *testing.T, x *excelize.File, sheetName, ref string, want float64, shown string) {
	t.Helper()
	typ, _ := x.GetCellType(sheetName, ref)
	raw, _ := x.GetCellValue(sheetName, ref, excelize.Options{RawCellValue: true})
	got, err := strconv.ParseFloat(raw, 64)
	if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString || err != nil {
		t.Errorf("%s!%s = %q is not a number", sheetName, ref, raw)
		return
	}
	if math.Abs(got-want) > 1e-12*math.Max(1, math.Abs(want)) {
		t.Errorf("%s!%s = %v, want %v", sheetName, ref, got, want)
	}
	if s, _ := x.GetCellValue(sheetName, ref); s != shown {
		t.Errorf("%s!%s shows %q, the program prints %q", sheetName, ref, s, shown)
	}
}

// The matrix holds every school part's values as numbers with 2 decimals,
// and its colours say what the program says: green exactly when the
// indicator is met, yellow when not met but within 85%, red below.
func TestExportMatrixMatchesEvaluation(t *testing.T) {
	x, r := exportDemo(t)
	for _, stage := range []string{eval.Primary, eval.Junior} {
		st := r.Stages.Get(stage)
		if st == nil {
			continue
		}
		name := StageSheet(stage)
		cfs, err := x.GetConditionalFormats(name)
		if err != nil || len(cfs) != 2 {
			t.Fatalf("%s: want the indicators' and the verdicts' conditional formats, got %v %v", name, cfs, err)
		}
		var rules []excelize.ConditionalFormatOptions
		var rangeRef string
		for k, v := range cfs {
			if strings.Contains(v[0].Criteria, "ISNUMBER") {
				rangeRef, rules = k, v
			}
		}
		firstCell := strings.Split(rangeRef, ":")[0]
		firstCol := strings.TrimRight(firstCell, "0123456789")
		colours := map[string]int{}
		for _, sp := range st.Schools {
			row := rowOf(t, x, name, hdrID, sp.ID)
			for _, code := range standard.ResourceCodes {
				v := sp.Values[code]
				if v == nil {
					continue
				}
				col := headerIndexPrefix(t, x, name, code+" ")
				ref := cellAt(col, row)
				numberCell(t, x, name, ref, *v, format.Value(*v))
				colName, _ := excelize.ColumnNumberToName(col)
				eval := func(formula string) bool {
					formula = strings.ReplaceAll(formula, firstCol+"$2", colName+"$2")
					formula = strings.ReplaceAll(formula, firstCell, ref)
					x.SetCellFormula(name, "ZZ1", formula)
					got, err := x.CalcCellValue(name, "ZZ1")
					if err != nil {
						t.Fatalf("formula %s: %v", formula, err)
					}
					return got == "TRUE"
				}
				limit := st.Standard[code]
				met, near := eval(rules[0].Criteria), eval(rules[1].Criteria)
				if met != sp.Met[code] {
					t.Errorf("%s %s %s = %v: green %v, program says met %v", name, sp.Name, code, *v, met, sp.Met[code])
				}
				wantNear := !sp.Met[code] && *v >= 0.85*limit
				if !met && near != wantNear {
					t.Errorf("%s %s %s = %v of %v: yellow %v", name, sp.Name, code, *v, limit, near)
				}
				switch {
				case met:
					colours["met"]++
				case near:
					colours["near"]++
				default:
					colours["below"]++
				}
			}
			if got, _ := x.GetCellValue(name, cellAt(headerIndex(t, x, name, "结论"), row)); got != passText(sp.Pass) {
				t.Errorf("%s %s: verdict %q", name, sp.Name, got)
			}
		}
		if colours["met"] == 0 {
			t.Errorf("%s: no green cell at all: %v", name, colours)
		}
	}
}

func headerIndexPrefix(t *testing.T, x *excelize.File, sheetName, prefix string) int {
	t.Helper()
	rows, _ := x.GetRows(sheetName)
	for i, h := range rows[0] {
		if strings.HasPrefix(h, prefix) {
			return i + 1
		}
	}
	t.Fatalf("%s: no header starting %q", sheetName, prefix)
	return 0
}

// Coefficients are numbers shown with 3 decimals; the to-do list is the
// verdict's, line for line.
func TestExportCoefficientsAndTodo(t *testing.T) {
	x, r := exportDemo(t)
	rows, _ := x.GetRows(SheetCV)
	n := 0
	for i, row := range rows[1:] {
		stage := map[string]string{"小学": eval.Primary, "初中": eval.Junior}[row[0]]
		st := r.Stages.Get(stage)
		if st == nil {
			continue
		}
		code := row[1]
		if cv := st.CV[code]; cv != nil {
			numberCell(t, x, SheetCV, cellAt(5, i+2), *cv, format.CV(*cv))
			n++
		}
		if row[6] != passText(st.CVPass[code]) {
			t.Errorf("%s %s: %q", row[0], code, row[6])
		}
	}
	if n == 0 {
		t.Error("no coefficient exported")
	}
	todo, _ := x.GetRows(SheetTodo)
	if len(todo)-1 != len(r.Verdict.Todo) {
		t.Fatalf("to-do sheet has %d lines, verdict %d", len(todo)-1, len(r.Verdict.Todo))
	}
	for i, td := range r.Verdict.Todo {
		if got := todo[i+1][6]; got != td.Text {
			t.Errorf("to-do line %d: %q, want %q", i+1, got, td.Text)
		}
	}
}

// The export carries every raw input: read back as a workbook it matches
// the county file exactly (no change to plan).
func TestExportCarriesAllInputs(t *testing.T) {
	f := demo.Bare()
	// with the dossier's facts and staff, typed in here
	for _, d := range dossierFacts {
		set(&f.County, d.path, d.want)
	}
	sid := f.Schools[0].ID
	f.County.Rectification = []county.Rectification{
		{Code: "R2", SchoolID: &sid, Measure: "招聘骨干教师", Unit: "人事股", Deadline: "2025-08-31", Status: "进行中"},
		{Code: "G5", Status: "未开始"},
	}
	for id, v := range staffTyped(f) {
		i := slices.IndexFunc(f.Schools, func(s county.School) bool { return s.ID == id })
		f.Schools[i].Staff = &county.StageCount{}
		for k, path := range []string{"staff.primary", "staff.junior"} {
			if v[k] != nil {
				set(&f.Schools[i], path, v[k])
			}
		}
	}
	var buf bytes.Buffer
	if err := ExportResults(&buf, f, eval.Run(f)); err != nil {
		t.Fatal(err)
	}
	x := openBook(t, buf.Bytes())
	for _, sh := range sheets {
		if !slices.Contains(x.GetSheetList(), sh.name) {
			t.Errorf("export lacks input sheet %s", sh.name)
		}
	}
	imp, err := ReadWorkbook(bytes.NewReader(buf.Bytes()), "结果.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	empty := demo.Bare()
	empty.Schools, empty.County.Finance, empty.County.Survey = nil, nil, nil
	if empty.County.Application != nil || empty.County.SurveyConduct != nil || empty.County.Rectification != nil {
		t.Fatal("the test needs a county without the dossier's facts to read them back")
	}
	p, err := imp.Plan(empty)
	if err != nil {
		t.Fatal(err)
	}
	if encode(t, p.After) != encode(t, f) {
		t.Errorf("inputs read back from the export differ:\n%s", firstDiff(encode(t, p.After), encode(t, f)))
	}
}
