package xlsx

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/data"
)

// fillBlank fills a blank template with f the way a clerk does: every
// table sheet has its columns reordered and an extra column, numbers are
// typed partly as text, facts go next to their item.
func fillBlank(t *testing.T, blank []byte, f *county.File) *excelize.File {
	t.Helper()
	x := openBook(t, blank)
	info, _ := x.GetRows(InfoSheet)
	for i, r := range info {
		if len(r) > 0 && r[0] == "学年" {
			x.SetCellValue(InfoSheet, cellAt(2, i+1), f.Year)
		}
	}
	for si := range sheets {
		sh := &sheets[si]
		if !slices.Contains(x.GetSheetList(), sh.name) {
			continue
		}
		if sh.scope == scopeFacts {
			item := headerIndex(t, x, sh.name, hdrItem)
			value := headerIndex(t, x, sh.name, hdrValue)
			rows, _ := x.GetRows(sh.name)
			for i, r := range rows {
				for k := range sh.cols {
					if len(r) >= item && r[item-1] == sh.cols[k].header {
						x.SetCellValue(sh.name, cellAt(value, i+1), cellText(get(&f.County, sh.cols[k].path), i%2 == 0))
					}
				}
			}
			continue
		}
		reorder(t, x, sh.name)
		var roots []any
		switch sh.scope {
		case scopeSchool:
			for i := range f.Schools {
				if listsSchool(sh, &f.Schools[i]) {
					roots = append(roots, &f.Schools[i])
				}
			}
		case scopeFinance:
			for i := range f.County.Finance {
				roots = append(roots, &f.County.Finance[i])
			}
		case scopeSurvey:
			// the blank template lists the groups already: fill their rows
			for _, g := range county.SurveyGroups {
				v := f.County.Survey[g]
				x.SetCellValue(sh.name, cellAt(headerIndex(t, x, sh.name, "调查人数（人）"), rowOf(t, x, sh.name, hdrGroup, g)), v[0])
				x.SetCellValue(sh.name, cellAt(headerIndex(t, x, sh.name, "满意人数（人）"), rowOf(t, x, sh.name, hdrGroup, g)), v[1])
			}
			continue
		}
		cols := make([]int, len(sh.cols))
		for k := range sh.cols {
			cols[k] = headerIndex(t, x, sh.name, sh.cols[k].header)
		}
		for i, root := range roots {
			for k := range sh.cols {
				x.SetCellValue(sh.name, cellAt(cols[k], firstDataRow+i), cellText(get(root, sh.cols[k].path), (i+k)%3 == 0))
			}
		}
	}
	return x
}

// Template → filled by hand (columns reordered, an extra column, numbers as
// text) → import → the database holds exactly the county that was typed.
func TestTemplateFilledImportedEqualsDatabase(t *testing.T) {
	want := sampleCounty()
	if ps := county.Validate(want); len(ps) > 0 {
		t.Fatalf("sample county invalid: %v", ps)
	}
	var blankCounty bytes.Buffer
	if err := WriteCountyTemplate(&blankCounty, nil); err != nil {
		t.Fatal(err)
	}
	s := newStore(t, nil)
	// The county's own workbook first (it creates the year), then the
	// schools'.
	if _, err := importInto(s, saveBook(t, fillBlank(t, blankCounty.Bytes(), want)), "县级填报.xlsx", ""); err != nil {
		t.Fatal(err)
	}
	filled := saveBook(t, fillBlank(t, templateOf(t, nil, ""), want))
	p, err := importInto(s, filled, "全县填报.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	if p.Year != want.Year || len(p.NewSchools) != len(want.Schools) {
		t.Fatalf("plan: year %s, %d new schools, want %s and %d", p.Year, len(p.NewSchools), want.Year, len(want.Schools))
	}
	got, err := s.LoadYear(want.Year)
	if err != nil {
		t.Fatal(err)
	}
	if g, w := encode(t, got), encode(t, want); g != w {
		t.Errorf("database differs from what was typed:\n%s", firstDiff(g, w))
	}
	hist, err := s.History(data.Filter{Year: want.Year, Limit: 1})
	if err != nil || len(hist) == 0 || !strings.Contains(hist[0].Note, "全县填报.xlsx") {
		t.Errorf("audit trail must name the workbook: %+v %v", hist, err)
	}
}

func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return "line " + strconv.Itoa(i+1) + ": got " + la[i] + " want " + lb[i]
		}
	}
	return "lengths differ"
}

// A school receives its own pre-filled sheet, corrects two numbers and
// sends it back: the plan names both changes old → new with their cells,
// --apply saves exactly those, every other school is untouched, and the
// audit trail names the file.
func TestSchoolTemplateCorrected(t *testing.T) {
	f := sampleCounty()
	s := newStore(t, f)
	before, _ := s.LoadYear(f.Year)
	sc := f.Schools[0]
	book := templateOf(t, before, sc.ID)
	x := openBook(t, book)
	if slices.Contains(x.GetSheetList(), "县级指标") {
		t.Error("a school's workbook must not carry the county's sheets")
	}
	if got := len(rowsOf(t, x, "学校基本信息")) - firstDataRow + 1; got != 1 {
		t.Errorf("a school's workbook holds %d schools, want 1", got)
	}
	newStudents := *sc.Students.Primary - 17
	cellStudents := setCell(t, x, "学校基本信息", hdrID, sc.ID, "小学在校生数（人）", newStudents)
	cellRooms := setCell(t, x, "功能教室", hdrID, sc.ID, "音乐专用教室面积（㎡）", "96、97")
	p, err := importInto(s, saveBook(t, x), "第一小学.xlsx", f.Year)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.NewSchools) != 0 || len(p.Changes) != 2 {
		t.Fatalf("want 2 changes and no new school, got %d / %v", len(p.NewSchools), p.Changes)
	}
	if c := p.Changes[0]; c.Cell != "学校基本信息!"+cellStudents || c.Old != itoaInt(*sc.Students.Primary) || c.New != itoaInt(newStudents) {
		t.Errorf("change of students: %+v", c)
	}
	if c := p.Changes[1]; c.Cell != "功能教室!"+cellRooms || c.New != "96、97" {
		t.Errorf("change of rooms: %+v", c)
	}
	after, _ := s.LoadYear(f.Year)
	want := clone(before)
	want.Schools[0].Students.Primary = county.I(newStudents)
	want.Schools[0].MusicRooms = []float64{96, 97}
	if g, w := encode(t, after), encode(t, want); g != w {
		t.Errorf("only the two corrected values may change:\n%s", firstDiff(g, w))
	}
	hist, _ := s.History(data.Filter{Year: f.Year, SchoolID: sc.ID})
	var fields []string
	for _, h := range hist {
		if h.Note == "导入 Excel「第一小学.xlsx」" {
			fields = append(fields, h.Field)
		}
	}
	slices.Sort(fields)
	if !slices.Equal(fields, []string{"music_rooms", "students.primary"}) {
		t.Errorf("audit trail of the import: %v", fields)
	}
	// A school's workbook cannot create a year (it has no county facts).
	if _, err := importInto(s, saveBook(t, x), "第一小学.xlsx", "2030-2031"); err == nil || !strings.Contains(err.Error(), "没有 2030-2031 学年") {
		t.Errorf("import into a missing year: %v", err)
	}
	if ys, _ := s.Years(); slices.Contains(ys, "2030-2031") {
		t.Error("a refused import created a year")
	}
	// The same workbook again changes nothing and writes nothing.
	p, err = importInto(s, saveBook(t, x), "第一小学.xlsx", f.Year)
	if err != nil || !p.Empty() {
		t.Errorf("re-import must be empty: %v %v", p, err)
	}
}

func itoaInt(n int) string { return format.Int(n) }

func rowsOf(t *testing.T, x *excelize.File, name string) [][]string {
	rows, err := x.GetRows(name)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

var parens = regexp.MustCompile(`（[^）]*）|\s`)

// Every header names the field its column fills: the field's Chinese label
// (app/county), units and qualifiers aside, is part of the header. A swapped
// path (小学 ↔ 初中, teacher counts) fails here.
func TestHeadersNameTheirFields(t *testing.T) {
	for _, sh := range sheets {
		// Columns are found by header or by its name without unit: neither
		// may be shared by two columns of a sheet.
		names := map[string]string{}
		for _, c := range sh.cols {
			for _, n := range []string{normalize(c.header), normalize(c.short())} {
				if other, dup := names[n]; dup && other != c.path {
					t.Errorf("%s: %q names both %s and %s", sh.name, n, other, c.path)
				}
				names[n] = c.path
			}
		}
		for _, c := range sh.cols {
			path := c.path
			switch sh.scope {
			case scopeFacts:
				path = "county." + path
			case scopeFinance:
				path = "county.finance." + path
			case scopeSurvey:
				continue
			}
			label := county.FieldLabel(path)
			if label == "" {
				continue
			}
			if !strings.Contains(parens.ReplaceAllString(c.header, ""), parens.ReplaceAllString(label, "")) {
				t.Errorf("%s: header %q does not name field %s (%s)", sh.name, c.header, c.path, label)
			}
		}
	}
}

// The store checks an import again inside its transaction: a batch with
// one invalid school saves none of the batch, and nothing is audited.
func TestApplyImportAllOrNothing(t *testing.T) {
	f := sampleCounty()
	s := newStore(t, f)
	before, _ := s.LoadYear(f.Year)
	hist, _ := s.History(data.Filter{})
	good := *clone(&before.Schools[0])
	good.Students.Primary = county.I(*good.Students.Primary - 1)
	bad := *clone(&before.Schools[1])
	bad.Teachers.Primary.Certified = county.I(*bad.Teachers.Primary.FullTime + 1)
	newOne := *clone(&before.Schools[0])
	newOne.ID, newOne.Name = "4199990009", "新学校"
	err := s.ApplyImport(f.Year, []county.School{good, newOne, bad}, nil, "导入 Excel「坏.xlsx」")
	if err == nil || !strings.Contains(err.Error(), "不能多于专任教师数") {
		t.Fatalf("want the validation problem, got %v", err)
	}
	after, _ := s.LoadYear(f.Year)
	if encode(t, after) != encode(t, before) {
		t.Error("part of a refused batch was saved")
	}
	if h, _ := s.History(data.Filter{}); len(h) != len(hist) {
		t.Error("a refused batch left audit lines")
	}
}
