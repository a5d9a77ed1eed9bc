package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"junheng/app/county"
	"junheng/assets/demo"
	"junheng/data"
)

// Each case of issue 12, built the way it happened, and the database
// compared value by value afterwards.

// flat is a county file as JSON path → value, for field-by-field
// comparisons that name the field that differs.
func flat(t testing.TB, f *county.File) map[string]string {
	t.Helper()
	b, err := county.Encode(f)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				walk(path+"."+k, e)
			}
		case []any:
			for i, e := range x {
				key := fmt.Sprint(i)
				if m, ok := e.(map[string]any); ok && m["id"] != nil {
					key = fmt.Sprint(m["id"]) // schools by id, not by position
				}
				walk(path+"["+key+"]", e)
			}
			if len(x) == 0 {
				out[path] = "[]"
			}
		default:
			out[path] = fmt.Sprint(x)
		}
	}
	walk("", v)
	return out
}

// sameValues reports every field whose value differs between got and want.
func sameValues(t testing.TB, what string, got, want *county.File) {
	t.Helper()
	g, w := flat(t, got), flat(t, want)
	var diffs []string
	for k, wv := range w {
		if gv, ok := g[k]; !ok {
			diffs = append(diffs, fmt.Sprintf("%s: missing, want %s", k, wv))
		} else if gv != wv {
			diffs = append(diffs, fmt.Sprintf("%s: %s, want %s", k, gv, wv))
		}
	}
	for k, gv := range g {
		if _, ok := w[k]; !ok {
			diffs = append(diffs, fmt.Sprintf("%s: %s, want absent", k, gv))
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		if len(diffs) > 20 {
			diffs = append(diffs[:20], fmt.Sprintf("… %d more", len(diffs)-20))
		}
		t.Errorf("%s: %d values differ:\n%s", what, len(diffs), strings.Join(diffs, "\n"))
	}
}

// demoStore is a data file holding the demo county without the dossier's
// facts (demo.Bare), and the year as saved.
func demoStore(t *testing.T) (*data.Store, *county.File) {
	t.Helper()
	s := newStore(t, demo.Bare())
	f, err := s.LoadYear(demo.File().Year)
	if err != nil {
		t.Fatal(err)
	}
	return s, f
}

func loadYear(t *testing.T, s *data.Store, year string) *county.File {
	t.Helper()
	f, err := s.LoadYear(year)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// refused imports a workbook that must be refused with every want in its
// message, and checks the database is exactly as it was.
func refused(t *testing.T, s *data.Store, before *county.File, book []byte, want ...string) {
	t.Helper()
	p, err := importInto(s, book, "填报.xlsx", before.Year)
	if err == nil {
		t.Fatalf("import must be refused, got plan %+v", p.Counts)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("message lacks %q:\n%v", w, err)
		}
	}
	sameValues(t, "database after a refused import", loadYear(t, s, before.Year), before)
}

// The blank template wiped 71 county values. A blank schools' template,
// a blank county template with only the county name typed, and a county
// workbook whose cells were all emptied, imported into the demo county,
// leave every value as it was.
func TestBlankTemplateLeavesCountyAsItWas(t *testing.T) {
	s, before := demoStore(t)
	if _, err := importInto(s, templateOf(t, nil, ""), "空白.xlsx", before.Year); err == nil || !strings.Contains(err.Error(), "没有可导入的数据") {
		t.Errorf("blank schools' template: %v", err)
	}
	var blank bytes.Buffer
	if err := WriteCountyTemplate(&blank, nil); err != nil {
		t.Fatal(err)
	}
	x := openBook(t, blank.Bytes())
	setCell(t, x, "县级基本情况", hdrItem, "县（市、区）名称", hdrValue, before.County.Name)
	p, err := importInto(s, saveBook(t, x), "县级空白.xlsx", before.Year)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Empty() || p.Counts.Values != 1 || p.Counts.Empty == 0 {
		t.Errorf("blank county template: %+v %v", p.Counts, p.Changes)
	}
	if !strings.Contains(p.Summary(), "完全一致") || !strings.Contains(p.Summary(), "保持原值") {
		t.Errorf("summary: %s", p.Summary())
	}
	sameValues(t, "demo county after the blank template", loadYear(t, s, before.Year), before)

	// The old blank template (school and county sheets in one workbook),
	// only the county name typed, as the issue found it.
	x = openBook(t, fullBookOf(t, &county.File{}))
	setCell(t, x, "县级基本情况", hdrItem, "县（市、区）名称", hdrValue, before.County.Name)
	if p, err = importInto(s, saveBook(t, x), "旧空白.xlsx", before.Year); err != nil || !p.Empty() {
		t.Fatalf("old blank template: %v %v", p, err)
	}
	sameValues(t, "demo county after the old blank template", loadYear(t, s, before.Year), before)

	// The bureau's own pre-filled workbook with every value cell emptied.
	x = openBook(t, fullBookOf(t, before))
	for _, name := range x.GetSheetList() {
		rows, _ := x.GetRows(name)
		for i, r := range rows {
			for j := range r {
				if i >= 1 && (j >= 2 || name == "满意度调查" && j >= 1) && name != InfoSheet && !strings.HasPrefix(name, "县级") {
					x.SetCellValue(name, cellAt(j+1, i+1), nil)
				}
				if strings.HasPrefix(name, "县级") && i >= 1 && j == factValue-1 {
					x.SetCellValue(name, cellAt(j+1, i+1), nil)
				}
			}
		}
	}
	if p, err = importInto(s, saveBook(t, x), "清空的.xlsx", before.Year); err != nil {
		t.Fatal(err)
	}
	if len(p.Changes) != 0 {
		t.Errorf("emptied cells changed values: %v", p.Changes[:min(5, len(p.Changes))])
	}
	sameValues(t, "demo county after an emptied workbook", loadYear(t, s, before.Year), before)
}

// 「清空」 clears a saved value, and the preview lists it as a clearing.
func TestClearWordClears(t *testing.T) {
	s, before := demoStore(t)
	sc := before.Schools[0]
	x := openBook(t, templateOf(t, before, sc.ID))
	ref := setCell(t, x, "校舍与装备", hdrID, sc.ID, "图书册数（册）", ClearWord)
	p, err := importInto(s, saveBook(t, x), "清空.xlsx", before.Year)
	if err != nil {
		t.Fatal(err)
	}
	if p.Counts.Clearings != 1 || len(p.Changes) != 1 || !p.Changes[0].Clear || p.Changes[0].Cell != "校舍与装备!"+ref {
		t.Fatalf("clearing: %+v %+v", p.Counts, p.Changes)
	}
	if !strings.Contains(p.Summary(), "清空 1 处") || !strings.Contains(p.Changes[0].String(), "清空") {
		t.Errorf("preview must list the clearing: %s / %s", p.Summary(), p.Changes[0])
	}
	want := clone(before)
	want.Schools[0].Books = nil
	sameValues(t, "after 清空", loadYear(t, s, before.Year), want)
}

// markQuotePrefix marks every cell style of a workbook quotePrefix="1", as
// LibreOffice saves a cell typed with a leading apostrophe.
func markQuotePrefix(t *testing.T, book []byte) []byte {
	t.Helper()
	return rewritePart(t, book, "xl/styles.xml", func(b []byte) []byte {
		return regexp.MustCompile(`<xf ([^>]*?)(/?)>`).ReplaceAll(b, []byte(`<xf $1 quotePrefix="1"$2>`))
	})
}

// rewritePart rewrites one part of a workbook package.
func rewritePart(t *testing.T, book []byte, part string, edit func([]byte) []byte) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	for _, f := range z.File {
		r, _ := f.Open()
		b, _ := io.ReadAll(r)
		r.Close()
		if f.Name == part {
			b = edit(b)
		}
		fw, _ := w.Create(f.Name)
		fw.Write(b)
	}
	w.Close()
	return out.Bytes()
}

var toFullWidth = strings.NewReplacer("0", "０", "1", "１", "2", "２", "3", "３", "4", "４", "5", "５", "6", "６", "7", "７", "8", "８", "9", "９")

// Phantom schools: an id typed with full-width digits, or kept with a
// leading apostrophe in a text cell, is the saved school, not a new one.
func TestFoldedIDsFindTheSavedSchool(t *testing.T) {
	s, before := demoStore(t)
	a, b := before.Schools[0], before.Schools[1]
	x := openBook(t, fullBookOf(t, before))
	setCell(t, x, "学校基本信息", hdrID, a.ID, hdrID, toFullWidth.Replace(a.ID))
	aRef := setCell(t, x, "学校基本信息", hdrID, toFullWidth.Replace(a.ID), "小学在校生数（人）", *a.Students.Primary+3)
	setCell(t, x, "校舍与装备", hdrID, b.ID, hdrID, "'"+b.ID)
	setCell(t, x, "校舍与装备", hdrID, "'"+b.ID, "图书册数（册）", "36,001")
	setCell(t, x, "小学教师", hdrID, a.ID, hdrID, " "+a.ID+"　")
	book := markQuotePrefix(t, saveBook(t, x))
	p, err := importInto(s, book, "全角.xlsx", before.Year)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.NewSchools) != 0 || len(p.Changes) != 2 {
		t.Fatalf("want 2 changes, no new school: %+v %v", p.NewSchools, p.Changes)
	}
	if p.Changes[0].Cell != "学校基本信息!"+aRef {
		t.Errorf("change cell %s, want 学校基本信息!%s", p.Changes[0].Cell, aRef)
	}
	want := clone(before)
	want.Schools[0].Students.Primary = county.I(*a.Students.Primary + 3)
	want.Schools[1].Books = county.I(36001)
	sameValues(t, "after folded ids", loadYear(t, s, before.Year), want)
}

// Another school overwritten: a row with another school's id and this
// school's name stops the import naming both.
func TestNameBesideIDMustMatch(t *testing.T) {
	s, before := demoStore(t)
	a, b := before.Schools[0], before.Schools[1]
	x := openBook(t, templateOf(t, before, a.ID))
	setCell(t, x, "经费与招生", hdrID, a.ID, hdrID, b.ID) // the id of the school on the next line of the clerk's list
	ref := cellAt(headerIndex(t, x, "经费与招生", hdrName), firstDataRow)
	refused(t, s, before, saveBook(t, x), "经费与招生!"+ref, "「"+a.Name+"」", "「"+b.Name+"」", b.ID, "与标识码不符")

	// And in 学校基本信息 itself (it renamed the school).
	x = openBook(t, templateOf(t, before, a.ID))
	setCell(t, x, "学校基本信息", hdrID, a.ID, hdrName, b.Name)
	refused(t, s, before, saveBook(t, x), "「"+a.Name+"」", "「"+b.Name+"」", "与标识码不符")
}

// A new school is listed apart and added only when confirmed; a "new"
// school named like a saved one is a mistyped id and stops the import.
func TestNewSchoolNeedsConfirmation(t *testing.T) {
	s, before := demoStore(t)
	x := openBook(t, templateOf(t, before, before.Schools[0].ID))
	row := []any{"4199990001", "城南新区小学", county.TypePrimary, "城区", "否", "否", nil, 300, 0, 0, 8, 0, 40, 0}
	x.SetSheetRow("学校基本信息", cellAt(1, firstDataRow+1), &row)
	book := saveBook(t, x)
	imp, err := ReadWorkbook(bytes.NewReader(book), "新学校.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	p, err := PlanFor(s, imp, before.Year)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.NewSchools) != 1 || p.NewSchools[0].Name != "城南新区小学" || p.Counts.NewSchools != 1 || len(p.Changes) != 0 {
		t.Fatalf("plan: %+v %+v %v", p.Counts, p.NewSchools, p.Changes)
	}
	if !strings.Contains(p.Summary(), "新增学校需要确认") {
		t.Errorf("summary: %s", p.Summary())
	}
	var unconfirmed ErrNewSchoolsUnconfirmed
	if err := Apply(s, p); !errors.As(err, &unconfirmed) || !strings.Contains(err.Error(), "--new-schools") {
		t.Fatalf("unconfirmed new school: %v", err)
	}
	sameValues(t, "after an unconfirmed new school", loadYear(t, s, before.Year), before)
	p.AddNewSchools = true
	if err := Apply(s, p); err != nil {
		t.Fatal(err)
	}
	after := loadYear(t, s, before.Year)
	if len(after.Schools) != len(before.Schools)+1 {
		t.Fatalf("%d schools, want %d", len(after.Schools), len(before.Schools)+1)
	}
	want := clone(before)
	want.Schools = append(want.Schools, newSchoolsOf(p)...)
	sameValues(t, "after a confirmed new school", after, want)

	// A second copy of a saved school under a mistyped id.
	x = openBook(t, templateOf(t, before, before.Schools[1].ID))
	ref := setCell(t, x, "学校基本信息", hdrID, before.Schools[1].ID, hdrID, before.Schools[1].ID+"0")
	refused(t, s, after, saveBook(t, x), "学校基本信息!"+ref, "已有同名学校「"+before.Schools[1].Name+"」", before.Schools[1].ID)
}

// newSchoolsOf is the new schools of a plan as they will be saved.
func newSchoolsOf(p *Plan) []county.School {
	var out []county.School
	for _, sc := range p.Schools {
		if slices.ContainsFunc(p.NewSchools, func(r SchoolRef) bool { return r.ID == sc.ID }) {
			out = append(out, sc)
		}
	}
	return out
}

// Edits dropped: Excel's copy of a sheet (「小学教师 (2)」) and a reworded
// header stop the import naming them and the likely meaning.
func TestRenamedSheetAndRewordedHeaderStop(t *testing.T) {
	s, before := demoStore(t)
	sc := before.Schools[0]
	x := openBook(t, templateOf(t, before, sc.ID))
	setCell(t, x, "小学教师", hdrID, sc.ID, "小学县级以上骨干教师数（人）", *sc.Teachers.Primary.Backbone+1)
	if err := x.SetSheetName("小学教师", "小学教师 (2)"); err != nil {
		t.Fatal(err)
	}
	refused(t, s, before, saveBook(t, x), "「小学教师 (2)」不是填报表中的表名；是否应为「小学教师」？")

	x = openBook(t, templateOf(t, before, sc.ID))
	ref := cellAt(headerIndex(t, x, "学校基本信息", "小学在校生数（人）"), headerRow)
	x.SetCellValue("学校基本信息", ref, "小学在校学生数（人）")
	setCell(t, x, "学校基本信息", hdrID, sc.ID, "小学在校学生数（人）", *sc.Students.Primary+5)
	refused(t, s, before, saveBook(t, x), "学校基本信息!"+ref+" 「小学在校学生数（人）」不是「学校基本信息」表的列名；是否应为「小学在校生数（人）」？")

	// A remark column is the clerk's own and is read past.
	x = openBook(t, templateOf(t, before, sc.ID))
	x.SetCellValue("学校基本信息", "S1", "备注（本校自用）")
	x.SetCellValue("学校基本信息", "S3", "已核对")
	p, err := importInto(s, saveBook(t, x), "备注.xlsx", before.Year)
	if err != nil || !p.Empty() {
		t.Errorf("a remark column: %v %v", p, err)
	}
}

// Dates taken as numbers: 2021-9-1 typed into 图书册数 (LibreOffice stores
// the day number 44440 with a date format), a date in a room list, a
// formula saved without its result, a merged range over data: each stops
// the import naming the cell.
func TestCellsAreWhatTheyLookLike(t *testing.T) {
	s, before := demoStore(t)
	sc := before.Schools[0]
	dateStyle := func(x *excelize.File) int {
		id, err := x.NewStyle(&excelize.Style{NumFmt: 14})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	x := openBook(t, templateOf(t, before, sc.ID))
	ref := setCell(t, x, "校舍与装备", hdrID, sc.ID, "图书册数（册）", 44440)
	x.SetCellStyle("校舍与装备", ref, ref, dateStyle(x))
	refused(t, s, before, saveBook(t, x), "校舍与装备!"+ref+" ", "日期格式")

	x = openBook(t, templateOf(t, before, sc.ID))
	ref = setCell(t, x, "功能教室", hdrID, sc.ID, "音乐专用教室面积（㎡）", 44447)
	x.SetCellStyle("功能教室", ref, ref, dateStyle(x))
	refused(t, s, before, saveBook(t, x), "功能教室!"+ref+" ", "日期格式")

	x = openBook(t, templateOf(t, before, sc.ID))
	ref = setCell(t, x, "功能教室", hdrID, sc.ID, "美术专用教室面积（㎡）", "2021-9-8")
	refused(t, s, before, saveBook(t, x), "功能教室!"+ref+" ", "「2021-9-8」像是日期，不是数字")

	x = openBook(t, templateOf(t, before, sc.ID))
	ref = cellAt(headerIndex(t, x, "校舍与装备", "计算机台数（台）"), rowOf(t, x, "校舍与装备", hdrID, sc.ID))
	x.SetCellValue("校舍与装备", ref, nil)
	if err := x.SetCellFormula("校舍与装备", ref, "SUM(Z1:Z9)"); err != nil {
		t.Fatal(err)
	}
	refused(t, s, before, saveBook(t, x), "校舍与装备!"+ref+" ", "没有保存公式的计算结果")

	x = openBook(t, templateOf(t, before, sc.ID))
	row := rowOf(t, x, "经费与招生", hdrID, sc.ID)
	from, to := cellAt(headerIndex(t, x, "经费与招生", "小学新生数（人）"), row), cellAt(headerIndex(t, x, "经费与招生", "小学就近划片入学新生数（人）"), row)
	if err := x.MergeCell("经费与招生", from, to); err != nil {
		t.Fatal(err)
	}
	refused(t, s, before, saveBook(t, x), "经费与招生!"+from+":"+to+" ", "合并单元格")
}

// A class-size problem is pinned on the cell that changed: students typed
// in H3 make the saved largest class (M3) too small.
func TestClassSizeErrorOnTheChangedCell(t *testing.T) {
	s, before := demoStore(t)
	i := slices.IndexFunc(before.Schools, func(sc county.School) bool {
		return sc.Classes.Primary != nil && *sc.Classes.Primary > 0 && sc.LargestClass.Primary != nil
	})
	sc := before.Schools[i]
	x := openBook(t, templateOf(t, before, sc.ID))
	too := *sc.Classes.Primary**sc.LargestClass.Primary + 10
	ref := setCell(t, x, "学校基本信息", hdrID, sc.ID, "小学在校生数（人）", too)
	largest := cellAt(headerIndex(t, x, "学校基本信息", "小学最大班额（人）"), rowOf(t, x, "学校基本信息", hdrID, sc.ID))
	refused(t, s, before, saveBook(t, x), fmt.Sprintf("学校基本信息!%s 学校「%s」（%s）的小学在校生数「%d」", ref, sc.Name, sc.ID, too), "学校基本信息!"+largest+" 的小学最大班额")
}

// Each format that is not .xlsx gets its own sentence naming Excel and WPS.
func TestOtherFormatsSayHowToSaveAsXLSX(t *testing.T) {
	ole := func(streams ...string) []byte {
		b := append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 504)...)
		for _, s := range streams {
			b = append(b, utf16le(s)...)
		}
		return append(b, make([]byte, 512)...)
	}
	var ods bytes.Buffer
	zw := zip.NewWriter(&ods)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	zw.Create("content.xml")
	zw.Close()
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"旧表.xls", ole("Workbook", "SummaryInformation"), "Excel 97-2003 格式（.xls）"},
		{"改了名.xlsx", ole("Workbook"), "Excel 97-2003 格式（.xls）"},
		{"学校.et", ole("Workbook"), "WPS 表格格式（.et）"},
		{"加密.xlsx", ole("EncryptionInfo", "EncryptedPackage"), "设置了打开密码"},
		{"表.ods", ods.Bytes(), "OpenDocument 表格（.ods"},
		{"导出.csv", []byte("学校标识码,学校名称\n4141281001,实验小学\n"), "逗号分隔的文本文件（.csv）"},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		_, err := ReadWorkbook(bytes.NewReader(c.data), c.name)
		if err == nil {
			t.Fatalf("%s was read", c.name)
		}
		msg := err.Error()
		if !strings.Contains(msg, c.want) || !strings.Contains(msg, "「"+c.name+"」") || !strings.Contains(msg, "WPS") || !strings.Contains(msg, "Excel") {
			t.Errorf("%s: %s", c.name, msg)
		}
		if strings.Contains(msg, "EOF") || regexp.MustCompile(`[a-z]{4,}`).MatchString(strings.NewReplacer("xlsx", "", "xls", "", "ods", "", "csv", "").Replace(strings.ToLower(msg))) && !strings.Contains(msg, "Excel") {
			t.Errorf("%s: English in %s", c.name, msg)
		}
		seen[c.want] = true
	}
	if len(seen) != 5 {
		t.Errorf("each format needs its own sentence: %v", seen)
	}
}

// "没有需要导入的修改" only when every value was read and equals the saved.
// The complete demo (staff, application, 整改台账 and all), so that no
// sheet of the workbook is left out of the count.
func TestNothingToImportMeansEveryValueEqual(t *testing.T) {
	s := newStore(t, demo.File())
	before := loadYear(t, s, demo.File().Year)
	if len(before.County.Rectification) == 0 || before.County.Application == nil {
		t.Fatal("the demo must carry a 整改台账 and the application for this test")
	}
	p, err := importInto(s, fullBookOf(t, before), "原样.xlsx", before.Year)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Empty() || p.Counts.Values == 0 || p.Counts.Unchanged == 0 || !strings.Contains(p.Summary(), "没有需要导入的修改") {
		t.Errorf("untouched: %+v %s", p.Counts, p.Summary())
	}
	if p.Counts.Values != p.Counts.Unchanged {
		t.Errorf("every value read must be counted equal: %+v", p.Counts)
	}
}

// A survey row with one count typed (the other left empty, keeping its
// saved value) is one value read, and one unchanged, not two.
func TestOneSurveyCountTypedIsOneValue(t *testing.T) {
	s := newStore(t, demo.File())
	before := loadYear(t, s, demo.File().Year)
	if len(before.County.Survey["家长"]) != 2 {
		t.Fatal("the demo must carry the survey of 家长")
	}
	x := countyBook(t, before)
	setCell(t, x, "满意度调查", hdrGroup, "家长", "满意人数（人）", nil)
	p, err := importInto(s, saveBook(t, x), "原样.xlsx", before.Year)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Empty() || p.Counts.Values == 0 || p.Counts.Values != p.Counts.Unchanged {
		t.Errorf("every value read must be counted equal: %+v %s", p.Counts, p.Summary())
	}
}

// An id holding a control character (pasted from a web page) is refused
// at its cell, not stored as a new school.
func TestIDWithControlCharacterRefused(t *testing.T) {
	s, before := demoStore(t)
	sc := before.Schools[0]
	x := openBook(t, templateOf(t, before, sc.ID))
	ref := setCell(t, x, "学校基本信息", hdrID, sc.ID, hdrID, sc.ID[:4]+"\u202e"+sc.ID[4:])
	refused(t, s, before, saveBook(t, x), "学校基本信息!"+ref+" ", "文字方向控制字符")
}

// A problem the saved year already has (a file from an older version), in
// a value the workbook leaves alone, does not block a school's correction
// of another value; it is said in the notes.
func TestOldProblemElsewhereDoesNotBlock(t *testing.T) {
	f := demo.File()
	i := slices.IndexFunc(f.Schools, func(s county.School) bool { return s.Teachers.Primary != nil && s.Teachers.Primary.FullTime != nil })
	sc := f.Schools[i]
	x := openBook(t, templateOf(t, f, sc.ID))
	setCell(t, x, "校舍与装备", hdrID, sc.ID, "图书册数（册）", 12345)
	book := saveBook(t, x)
	broken := clone(f)
	broken.Schools[i].Teachers.Primary.Certified = county.I(*sc.Teachers.Primary.FullTime + 5)
	x = openBook(t, book)
	setCell(t, x, "小学教师", hdrID, sc.ID, "小学持证专任教师数（人）", nil) // not provided
	imp, err := ReadWorkbook(bytes.NewReader(saveBook(t, x)), "更正.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	p, err := imp.Plan(broken)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Changes) != 1 || p.Changes[0].Path != "books" || !slices.ContainsFunc(p.Notes, func(n string) bool { return strings.Contains(n, "原有的问题") }) {
		t.Errorf("plan: %v / notes %v", p.Changes, p.Notes)
	}
	want := clone(broken)
	want.Schools[i].Books = county.I(12345)
	sameValues(t, "the year after the correction", p.After, want)

	// Typed again, still wrong: that blocks.
	x = openBook(t, book)
	ref := setCell(t, x, "小学教师", hdrID, sc.ID, "小学持证专任教师数（人）", *sc.Teachers.Primary.FullTime+6)
	imp, err = ReadWorkbook(bytes.NewReader(saveBook(t, x)), "更正.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := imp.Plan(broken); err == nil || !strings.Contains(err.Error(), "小学教师!"+ref) {
		t.Errorf("a wrong value typed must block: %v", err)
	}
}
