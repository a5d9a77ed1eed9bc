package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"junheng/app/county"
	"junheng/assets/demo"
	"junheng/data"
)

// xlsxDemoDB makes a data file holding the demo county.
func xlsxDemoDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "义马.db")
	s, err := data.Create(path, data.Settings{Office: "督导室", User: "测试"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.ImportJSON(demo.JSON); err != nil {
		t.Fatal(err)
	}
	return path
}

func xlsxLoad(t *testing.T, db string) (*county.File, int) {
	t.Helper()
	s, err := data.Open(db, data.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	f, err := s.LoadYear(demo.File().Year)
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.History(data.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return f, len(h)
}

func xlsxEncode(t *testing.T, f *county.File) string {
	t.Helper()
	b, err := county.Encode(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// xlsxEdit sets a cell under a header in the row of a school.
func xlsxEdit(t *testing.T, path, sheet, id, header string, v any) string {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows(sheet)
	col := slices.IndexFunc(rows[0], func(h string) bool { return strings.ReplaceAll(h, "\n", "") == header })
	idCol := slices.Index(rows[0], "学校标识码")
	for i, r := range rows {
		if col >= 0 && idCol >= 0 && len(r) > idCol && r[idCol] == id {
			ref, _ := excelize.CoordinatesToCellName(col+1, i+1)
			x.SetCellValue(sheet, ref, v)
			if err := x.Save(); err != nil {
				t.Fatal(err)
			}
			return ref
		}
	}
	t.Fatalf("%s: no %s for %s", sheet, header, id)
	return ""
}

// template --school → the school corrects a number → import-xlsx previews
// without writing, --apply writes it with the file name in the audit trail.
func TestXLSXTemplateImportCLI(t *testing.T) {
	db := xlsxDemoDB(t)
	before, hist := xlsxLoad(t, db)
	sc := before.Schools[0]
	book := filepath.Join(t.TempDir(), "学校填报.xlsx")
	code, out, errOut := runCLI("template", book, "--school", sc.ID, "--db", db)
	if code != 0 {
		t.Fatalf("template: %d %s", code, errOut)
	}
	if code, _, _ := runCLI("template", book, "--school", sc.ID, "--db", db); code == 0 {
		t.Error("template must not overwrite an existing file")
	}
	newCount := *sc.Teachers.Primary.Backbone + 1
	xlsxEdit(t, book, "小学教师", sc.ID, "小学县级以上骨干教师数（人）", newCount)

	code, out, errOut = runCLI("import-xlsx", db, book)
	if code != 0 {
		t.Fatalf("preview: %d %s", code, errOut)
	}
	if !strings.Contains(out, "修改 1 处") || !strings.Contains(out, "县级以上骨干教师数") || !strings.Contains(out, "--apply") {
		t.Errorf("preview output:\n%s", out)
	}
	if now, h := xlsxLoad(t, db); xlsxEncode(t, now) != xlsxEncode(t, before) || h != hist {
		t.Fatal("the preview wrote to the database")
	}
	code, out, errOut = runCLI("import-xlsx", db, book, "--apply")
	if code != 0 {
		t.Fatalf("apply: %d %s", code, errOut)
	}
	after, _ := xlsxLoad(t, db)
	if got := *after.Schools[0].Teachers.Primary.Backbone; got != newCount {
		t.Errorf("backbone teachers %d after import, want %d", got, newCount)
	}
	s, _ := data.Open(db, data.OpenOptions{ReadOnly: true})
	defer s.Close()
	h, _ := s.History(data.Filter{SchoolID: sc.ID, Limit: 1})
	if len(h) != 1 || h[0].Note != "导入 Excel「学校填报.xlsx」" || h[0].Field != "teachers.primary.backbone" {
		t.Errorf("audit trail: %+v", h)
	}
}

// A workbook with errors: every error listed with its cell on stderr,
// exit status 2, the database untouched even with --apply.
func TestXLSXImportErrorsCLI(t *testing.T) {
	db := xlsxDemoDB(t)
	before, hist := xlsxLoad(t, db)
	book := filepath.Join(t.TempDir(), "全县.xlsx")
	if code, _, errOut := runCLI("template", book, "--db", db); code != 0 {
		t.Fatal(errOut)
	}
	a := xlsxEdit(t, book, "学校基本信息", before.Schools[0].ID, "小学在校生数（人）", "一千")
	b := xlsxEdit(t, book, "学校基本信息", before.Schools[1].ID, "学校类型", "中学")
	code, out, errOut := runCLI("import-xlsx", db, book, "--apply")
	if code != 2 {
		t.Errorf("exit %d, want 2; out %s", code, out)
	}
	s0, s1 := before.Schools[0], before.Schools[1]
	for _, want := range []string{
		"学校基本信息!" + a + " 学校「" + s0.Name + "」（" + s0.ID + "）的小学在校生数「一千」不是数字",
		"学校基本信息!" + b + " 学校「" + s1.Name + "」（" + s1.ID + "）的学校类型「中学」", "未导入任何数据"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if now, h := xlsxLoad(t, db); xlsxEncode(t, now) != xlsxEncode(t, before) || h != hist {
		t.Error("a refused workbook changed the database")
	}
	notXLSX := writeTemp(t, "说明.xlsx", []byte("这不是工作簿"))
	if code, _, errOut := runCLI("import-xlsx", db, notXLSX); code != 2 || !strings.Contains(errOut, "不是 Excel 工作簿") {
		t.Errorf("not an xlsx: %d %s", code, errOut)
	}
}

// export-xlsx from a JSON file and from a data file: the same workbook
// sheets, named after the verdict's parts.
func TestXLSXExportCLI(t *testing.T) {
	dir := t.TempDir()
	jsonPath := writeTemp(t, "demo.json", demo.JSON)
	db := xlsxDemoDB(t)
	for _, src := range [][]string{{jsonPath}, {db, "--year", demo.File().Year}} {
		out := filepath.Join(dir, filepath.Base(src[0])+".xlsx")
		code, _, errOut := runCLI(append(append([]string{"export-xlsx"}, src...), out)...)
		if code != 0 {
			t.Fatalf("export %v: %d %s", src, code, errOut)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		x, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"评估结论", "小学资源配置", "初中资源配置", "差异系数", "整改清单", "学校基本信息", "县级指标"} {
			if !slices.Contains(x.GetSheetList(), want) {
				t.Errorf("%s lacks sheet %s", out, want)
			}
		}
		x.Close()
	}
	if code, _, errOut := runCLI("export-xlsx", db, filepath.Join(dir, "x.xlsx")); code != 2 || !strings.Contains(errOut, "--year") {
		t.Errorf("a data file needs --year: %d %s", code, errOut)
	}
}

// The history names the workbook and who imported it (--office/--user) on
// every change the import brought; a new school needs --new-schools; the
// preview starts with its summary.
func TestXLSXImportHistoryAndNewSchoolsCLI(t *testing.T) {
	db := xlsxDemoDB(t)
	before, hist := xlsxLoad(t, db)
	sc := before.Schools[0]
	book := filepath.Join(t.TempDir(), "城关一小回执.xlsx")
	if code, _, errOut := runCLI("template", book, "--school", sc.ID, "--db", db); code != 0 {
		t.Fatal(errOut)
	}
	xlsxEdit(t, book, "学校基本信息", sc.ID, "小学在校生数（人）", *sc.Students.Primary+1)
	xlsxEdit(t, book, "校舍与装备", sc.ID, "图书册数（册）", "清空")
	// A new school typed under the first one.
	x, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	row := []any{"4199990001", "城南新区小学", county.TypePrimary, "城区", "否", "否", nil, 300, 0, 0, 8, 0, 40, 0}
	x.SetSheetRow("学校基本信息", "A4", &row)
	if err := x.Save(); err != nil {
		t.Fatal(err)
	}
	x.Close()

	code, out, errOut := runCLI("import-xlsx", db, book)
	if code != 0 || !strings.HasPrefix(out, "「城关一小回执.xlsx」→ "+before.Year+" 学年：2 所学校") ||
		!strings.Contains(out, "新学校 1 所") || !strings.Contains(out, "清空 1 处") || !strings.Contains(out, "--new-schools") {
		t.Fatalf("preview: %d\n%s%s", code, out, errOut)
	}
	code, _, errOut = runCLI("import-xlsx", db, book, "--apply", "--office", "城关镇中心校", "--user", "李老师")
	if code == 0 || !strings.Contains(errOut, "--new-schools") {
		t.Fatalf("an unconfirmed new school must stop the import: %d %s", code, errOut)
	}
	if now, h := xlsxLoad(t, db); xlsxEncode(t, now) != xlsxEncode(t, before) || h != hist {
		t.Fatal("a refused import changed the database")
	}
	code, _, errOut = runCLI("import-xlsx", db, book, "--apply", "--new-schools", "--office", "城关镇中心校", "--user", "李老师")
	if code != 0 {
		t.Fatalf("apply: %d %s", code, errOut)
	}
	after, _ := xlsxLoad(t, db)
	if len(after.Schools) != len(before.Schools)+1 || *after.Schools[0].Students.Primary != *sc.Students.Primary+1 || after.Schools[0].Books != nil {
		t.Errorf("after the import: %d schools, students %d, books %v", len(after.Schools), *after.Schools[0].Students.Primary, after.Schools[0].Books)
	}
	s, _ := data.Open(db, data.OpenOptions{ReadOnly: true})
	defer s.Close()
	h, _ := s.History(data.Filter{})
	n := 0
	for _, c := range h[:len(h)-hist] {
		n++
		if c.File != "城关一小回执.xlsx" || c.User != "李老师" || c.Office != "城关镇中心校" || c.ActionLabel != "导入" {
			t.Errorf("history line without the workbook or the clerk: %+v", c)
		}
	}
	if n < 3 {
		t.Errorf("%d history lines, want one per change (students, books, the new school's values)", n)
	}
}
