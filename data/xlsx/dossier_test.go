package xlsx

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"junheng/app/county"
	"junheng/data"
)

// The dossier's county facts (表Ⅰ, the application, the survey's conduct)
// and the schools' 教职工数, as the Excel exchange carries them.

// dossierFacts are the new county facts as a clerk types them in the
// 填写值 column, by catalogue path (inside county.), and what the
// database must hold afterwards.
var dossierFacts = []struct {
	path  string
	typed any
	want  any
}{
	{"area_km2", "1,112.5", 1112.5},
	{"agricultural_population_wan", 2.1, 2.1},
	{"villages", "３７", 37},
	{"gdp_per_capita", 98000, 98000.0},
	{"fiscal_revenue_per_capita", "6900", 6900.0},
	{"rural_income_per_capita", 21000.5, 21000.5},
	{"urban_income_per_capita", "38,000", 38000.0},
	// typed into a date-formatted cell, Excel keeps the day number
	{"application.date", time.Date(2025, 3, 8, 0, 0, 0, 0, time.UTC), "2025-03-08"},
	{"application.applicant", "义马市人民政府", "义马市人民政府"},
	{"application.office", "义马市教育体育局", "义马市教育体育局"},
	{"application.contact", "张明", "张明"},
	{"application.phone", "0398-5812345", "0398-5812345"},
	{"application.doc_no", "义政文〔2025〕12号", "义政文〔2025〕12号"},
	{"application.signer", "王芳", "王芳"},
	{"application.attachments", "义马市自评报告\n义马市督导评估申报表", "义马市自评报告\n义马市督导评估申报表"},
	{"narrative.request", "义马市人民政府关于申请义务教育优质均衡发展督导评估的请示", "义马市人民政府关于申请义务教育优质均衡发展督导评估的请示"},
	{"survey_conduct.issued", 1500, 1500},
	{"survey_conduct.valid", "1429", 1429},
	{"survey_conduct.visits", 120, 120},
	{"survey_conduct.visits_satisfied", 110, 110},
	{"survey_conduct.organizer", "三门峡市教育评估中心", "三门峡市教育评估中心"},
}

// factSheetOf is the fact sheet of the table that holds a fact path.
func factSheetOf(t *testing.T, path string) (*sheet, *column) {
	t.Helper()
	for i := range sheets {
		for k := range sheets[i].cols {
			if sheets[i].scope == scopeFacts && sheets[i].cols[k].path == path {
				return &sheets[i], &sheets[i].cols[k]
			}
		}
	}
	t.Fatalf("no fact sheet holds %s", path)
	return nil, nil
}

// setFact types v in a fact's 填写值 cell and returns the cell. A
// time.Time is typed as Excel keeps a date: its day number in a cell
// formatted as a date.
func setFact(t *testing.T, x *excelize.File, path string, v any) (sheetName, ref string) {
	t.Helper()
	sh, c := factSheetOf(t, path)
	ref = setCell(t, x, sh.name, hdrItem, c.header, hdrValue, v)
	dateFormatted(t, x, sh.name, ref, v)
	return sh.name, ref
}

// dateFormatted gives a cell holding a time.Time a date format, as Excel
// does when a date is typed (excelize keeps the template's text format).
func dateFormatted(t *testing.T, x *excelize.File, sheetName, ref string, v any) {
	t.Helper()
	if _, ok := v.(time.Time); !ok {
		return
	}
	id, err := x.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	x.SetCellStyle(sheetName, ref, ref, id)
}

func countyBook(t *testing.T, f *county.File) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCountyTemplate(&buf, f); err != nil {
		t.Fatal(err)
	}
	return openBook(t, buf.Bytes())
}

func exported(t *testing.T, s *data.Store, year string) *county.File {
	t.Helper()
	raw, err := s.ExportJSON(year)
	if err != nil {
		t.Fatal(err)
	}
	got, err := county.Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// staffTyped is the 教职工数 typed for each school of the demo county, for
// the stages its type teaches.
func staffTyped(f *county.File) map[string][2]any {
	out := map[string][2]any{}
	for i, s := range f.Schools {
		var v [2]any
		if (county.FieldSpec{Stage: "primary"}).AppliesTo(s.Type) {
			v[0] = 10 + i
		}
		if (county.FieldSpec{Stage: "junior"}).AppliesTo(s.Type) {
			v[1] = 20 + i
		}
		out[s.ID] = v
	}
	return out
}

// Every new field: the county template pre-filled from the demo county,
// each new fact typed in its row (numbers as text and as numbers, the date
// as Excel keeps a date), the schools' template with 教职工数 typed per
// stage; imported; export-json holds exactly what was typed, and nothing
// else changed.
func TestDossierFieldsRoundTrip(t *testing.T) {
	s, before := demoStore(t)
	want := clone(before)

	x := countyBook(t, before)
	for _, d := range dossierFacts {
		setFact(t, x, d.path, d.typed)
		set(&want.County, d.path, d.want)
	}
	p, err := importInto(s, saveBook(t, x), "县级.xlsx", before.Year)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Changes) != len(dossierFacts) {
		t.Errorf("%d changes, want one per fact (%d): %v", len(p.Changes), len(dossierFacts), p.Changes)
	}

	x = openBook(t, templateOf(t, before, ""))
	for id, v := range staffTyped(before) {
		i := slices.IndexFunc(want.Schools, func(sc county.School) bool { return sc.ID == id })
		want.Schools[i].Staff = &county.StageCount{}
		for k, path := range []string{"staff.primary", "staff.junior"} {
			if v[k] != nil {
				setCell(t, x, "学校基本信息", hdrID, id, tableColumn(t, path).header, v[k])
				set(&want.Schools[i], path, v[k])
			}
		}
	}
	if _, err := importInto(s, saveBook(t, x), "学校.xlsx", before.Year); err != nil {
		t.Fatal(err)
	}
	got := exported(t, s, before.Year)
	sameValues(t, "export-json after the dossier fields", got, want)

	// The county template and the export show every new value again.
	x = countyBook(t, got)
	for _, d := range dossierFacts {
		sh, c := factSheetOf(t, d.path)
		ref := cellAt(factValue, rowOf(t, x, sh.name, hdrItem, c.header))
		if v, _ := x.GetCellValue(sh.name, ref); v == "" {
			t.Errorf("pre-filled county template: %s!%s (%s) is empty", sh.name, ref, c.header)
		}
	}
	if p, err := importInto(s, saveBook(t, x), "原样.xlsx", before.Year); err != nil || !p.Empty() {
		t.Errorf("the pre-filled county template sent back unchanged must change nothing: %v %v", p, err)
	}
	if p, err := importInto(s, fullBookOf(t, got), "全部.xlsx", before.Year); err != nil || !p.Empty() {
		t.Errorf("the pre-filled full workbook sent back unchanged must change nothing: %v %v", p, err)
	}
}

// An empty new cell is "not provided": a blank county template with one
// new fact typed, and a schools' workbook whose staff cells were emptied,
// leave every other saved value as it was; 「清空」 clears one.
func TestDossierEmptyCellKeepsSavedValue(t *testing.T) {
	s, before := demoStore(t)
	x := countyBook(t, before)
	for _, d := range dossierFacts {
		setFact(t, x, d.path, d.typed)
	}
	if _, err := importInto(s, saveBook(t, x), "县级.xlsx", before.Year); err != nil {
		t.Fatal(err)
	}
	x = openBook(t, templateOf(t, before, ""))
	for id, v := range staffTyped(before) {
		for k, path := range []string{"staff.primary", "staff.junior"} {
			if v[k] != nil {
				setCell(t, x, "学校基本信息", hdrID, id, tableColumn(t, path).header, v[k])
			}
		}
	}
	if _, err := importInto(s, saveBook(t, x), "学校.xlsx", before.Year); err != nil {
		t.Fatal(err)
	}
	saved := loadYear(t, s, before.Year)

	// blank county template: the county name and one new fact typed
	x = countyBook(t, nil)
	setCell(t, x, "县级基本情况", hdrItem, "县（市、区）名称", hdrValue, saved.County.Name)
	setFact(t, x, "villages", 38)
	p, err := importInto(s, saveBook(t, x), "空白县级.xlsx", before.Year)
	if err != nil {
		t.Fatal(err)
	}
	want := clone(saved)
	want.County.Villages = county.I(38)
	if len(p.Changes) != 1 || p.Changes[0].Path != "villages" {
		t.Errorf("changes: %v", p.Changes)
	}
	sameValues(t, "after a blank county template with one fact", loadYear(t, s, before.Year), want)

	// the schools' pre-filled workbook with every staff cell emptied
	x = openBook(t, templateOf(t, saved, ""))
	for _, sc := range saved.Schools {
		for _, path := range []string{"staff.primary", "staff.junior"} {
			setCell(t, x, "学校基本信息", hdrID, sc.ID, tableColumn(t, path).header, nil)
		}
	}
	if p, err := importInto(s, saveBook(t, x), "空教职工.xlsx", before.Year); err != nil || !p.Empty() {
		t.Fatalf("emptied staff cells: %v %v", p, err)
	}
	sameValues(t, "after emptied staff cells", loadYear(t, s, before.Year), want)

	// 「清空」 clears the application date alone
	x = countyBook(t, nil)
	setCell(t, x, "县级基本情况", hdrItem, "县（市、区）名称", hdrValue, saved.County.Name)
	setFact(t, x, "application.date", ClearWord)
	if p, err = importInto(s, saveBook(t, x), "清空日期.xlsx", before.Year); err != nil || p.Counts.Clearings != 1 {
		t.Fatalf("clearing the date: %v %v", p, err)
	}
	want.County.Application.Date = ""
	sameValues(t, "after 清空 of the date", loadYear(t, s, before.Year), want)
}

// A bad date, a date where a number belongs and an out-of-bound number are
// refused, naming sheet!cell, field and value; the database is unchanged.
func TestDossierBadCellsRefused(t *testing.T) {
	s, before := demoStore(t)
	for _, tc := range []struct {
		path  string
		typed any
		want  string
	}{
		{"application.date", "2025-02-30", "不是实际存在的日期"},
		{"application.date", "下月", "不是日期"},
		{"application.date", 45724, "不是日期"}, // a bare number in a cell not formatted as a date
		{"villages", 200000, "100,000"},
		{"survey_conduct.issued", -3, ""},
		{"gdp_per_capita", "9.8万", ""},
	} {
		x := countyBook(t, nil)
		setCell(t, x, "县级基本情况", hdrItem, "县（市、区）名称", hdrValue, before.County.Name)
		sheetName, ref := setFact(t, x, tc.path, tc.typed)
		_, c := factSheetOf(t, tc.path)
		value, _ := x.GetCellValue(sheetName, ref)
		refused(t, s, before, saveBook(t, x), sheetName+"!"+ref+" "+c.short()+"「"+value+"」", tc.want)
	}

	// A date typed in a number's row, Excel keeping it as a date.
	x := countyBook(t, nil)
	setCell(t, x, "县级基本情况", hdrItem, "县（市、区）名称", hdrValue, before.County.Name)
	sheetName, ref := setFact(t, x, "area_km2", time.Date(2025, 3, 8, 0, 0, 0, 0, time.UTC))
	refused(t, s, before, saveBook(t, x), sheetName+"!"+ref+" ", "日期格式")

	// A date in a staff column of a school sheet is refused too.
	sc := before.Schools[0]
	x = openBook(t, templateOf(t, before, sc.ID))
	day := time.Date(2025, 3, 8, 0, 0, 0, 0, time.UTC)
	ref = setCell(t, x, "学校基本信息", hdrID, sc.ID, tableColumn(t, "staff.primary").header, day)
	dateFormatted(t, x, "学校基本信息", ref, day)
	refused(t, s, before, saveBook(t, x), "学校基本信息!"+ref+" ", "日期格式")
}

// 教职工数 for a stage the school does not teach is refused, as pupils of
// that stage are, naming the school, the cell and the value; 0 is accepted.
func TestStaffOfAStageNotTaughtRefused(t *testing.T) {
	s, before := demoStore(t)
	for _, tc := range []struct{ typ, path, other string }{
		{county.TypePrimary, "staff.junior", "staff.primary"},
		{county.TypeJunior, "staff.primary", "staff.junior"},
	} {
		i := slices.IndexFunc(before.Schools, func(sc county.School) bool { return sc.Type == tc.typ })
		if i < 0 {
			t.Fatalf("the demo county has no %s", tc.typ)
		}
		sc := before.Schools[i]
		hdr := tableColumn(t, tc.path).header
		x := openBook(t, templateOf(t, before, sc.ID))
		ref := setCell(t, x, "学校基本信息", hdrID, sc.ID, hdr, 5)
		refused(t, s, before, saveBook(t, x), "学校基本信息!"+ref+" 学校「"+sc.Name+"」（"+sc.ID+"）的"+tableColumn(t, tc.path).short()+"「5」", "不应有这一学段的教职工")

		// 0 for the stage not taught and a count for the stage taught: accepted
		x = openBook(t, templateOf(t, before, sc.ID))
		setCell(t, x, "学校基本信息", hdrID, sc.ID, hdr, 0)
		setCell(t, x, "学校基本信息", hdrID, sc.ID, tableColumn(t, tc.other).header, 50)
		if _, err := importInto(s, saveBook(t, x), "零.xlsx", before.Year); err != nil {
			t.Errorf("%s with 0 staff for the other stage: %v", tc.typ, err)
		}
		before = loadYear(t, s, before.Year)
		if got := before.Schools[i].Staff; got == nil || get(&before.Schools[i], tc.other) != 50 || get(&before.Schools[i], tc.path) != 0 {
			t.Errorf("%s staff after import: %+v", tc.typ, got)
		}
	}
}
