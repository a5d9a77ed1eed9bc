package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/assets/demo"
	"junheng/data"
)

func fileBytes(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Issue 11 §4, as found: import-json of a file holding 1 school deleted the
// other 18 ("记录了 18 处数值变动"). Now the other 18 keep every value;
// --replace lists the 18 by name and id and removes them only with --yes.
func TestImportJSONOneSchoolAndReplaceCLI(t *testing.T) {
	db := xlsxDemoDB(t)
	before, _ := xlsxLoad(t, db)
	one := demo.File()
	one.Schools = []county.School{one.Schools[3]}
	one.County.Rectification = nil // its entries name schools this file leaves out
	one.Schools[0].Books = county.I(*one.Schools[0].Books + 5)
	b, _ := county.Encode(one)
	path := writeTemp(t, "一校.json", b)

	out := dbRun(t, "import-json", db, path)
	if !strings.Contains(out, "记录了 1 处数值变动") || !strings.Contains(out, "另有 18 所学校不在文件中，保持不变") {
		t.Errorf("import message:\n%s", out)
	}
	after, _ := xlsxLoad(t, db)
	want := *before
	want.Schools = append([]county.School(nil), before.Schools...)
	want.Schools[3] = one.Schools[0]
	if xlsxEncode(t, after) != xlsxEncode(t, &want) {
		t.Fatal("a 1-school import changed more than that school")
	}

	raw := fileBytes(t, db)
	code, out, errOut := runCLI("import-json", db, path, "--replace")
	if code == 0 {
		t.Errorf("--replace without --yes: exit 0")
	}
	for _, sc := range before.Schools {
		line := "  " + sc.Name + "（" + sc.ID + "）"
		if sc.ID == one.Schools[0].ID {
			if strings.Contains(out, line) {
				t.Errorf("preview lists the school the file holds: %s", line)
			}
		} else if !strings.Contains(out, line) {
			t.Errorf("preview does not list %s:\n%s", line, out)
		}
	}
	if !strings.Contains(out, "--yes") || errOut != "" {
		t.Errorf("preview: stdout %s stderr %s", out, errOut)
	}
	if fileBytes(t, db) != raw {
		t.Fatal("--replace without --yes changed the data file")
	}
	out = dbRun(t, "import-json", db, path, "--replace", "--yes")
	if !strings.Contains(out, "已删除文件中没有的 18 所学校") {
		t.Errorf("replace message:\n%s", out)
	}
	if f, _ := xlsxLoad(t, db); len(f.Schools) != 1 {
		t.Errorf("after --replace --yes: %d schools, want 1", len(f.Schools))
	}
}

// Issue 11 §4, as found: merge of another county's file added its 19
// schools. Refused (file bytes unchanged) naming both counties, unless
// --other-county.
func TestMergeOtherCountyCLI(t *testing.T) {
	db := xlsxDemoDB(t)
	other := filepath.Join(t.TempDir(), "渑池.db")
	g := county.Generate(19, 4)
	g.Year = demo.File().Year
	g.County.Name = "渑池县"
	s, err := data.Create(other, data.Settings{Office: "渑池县教育局", User: "赵六"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ImportFile(g, "渑池.json"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw := fileBytes(t, db)
	code, out, errOut := runCLI("merge", db, other, "--theirs")
	if code != exitInvalid || !strings.Contains(errOut, "渑池县") || !strings.Contains(errOut, "义马市") || !strings.Contains(errOut, "--other-county") {
		t.Errorf("merge of another county: exit %d\n%s%s", code, out, errOut)
	}
	if fileBytes(t, db) != raw {
		t.Fatal("a refused merge changed the data file")
	}
	gj, _ := county.Encode(g)
	code, _, errOut = runCLI("import-json", db, writeTemp(t, "渑池.json", gj))
	if code != exitInvalid || !containsAll(errOut, "「渑池.json」", "渑池县", "义马市", "--other-county") {
		t.Errorf("import-json of another county: exit %d\n%s", code, errOut)
	}
	if fileBytes(t, db) != raw {
		t.Fatal("a refused import changed the data file")
	}
	if out := dbRun(t, "merge", db, other, "--other-county", "--theirs"); !strings.Contains(out, "已合并") {
		t.Errorf("confirmed merge:\n%s", out)
	}
	if f, _ := xlsxLoad(t, db); len(f.Schools) != 38 {
		t.Errorf("after a confirmed merge: %d schools, want 38", len(f.Schools))
	}
}

// Issue 11 §7, as found: import-xlsx ignored --office/--user and the
// environment; the history said "root". Every writing command records the
// clerk named by the flags or by JUNHENG_OFFICE/JUNHENG_USER.
func TestEveryWritingCommandRecordsTheClerk(t *testing.T) {
	for _, viaEnv := range []bool{true, false} {
		db := xlsxDemoDB(t)
		f, _ := xlsxLoad(t, db)
		sc := f.Schools[0]
		book := filepath.Join(t.TempDir(), "一校填报.xlsx")
		if code, _, errOut := runCLI("template", book, "--school", sc.ID, "--db", db); code != 0 {
			t.Fatal(errOut)
		}
		xlsxEdit(t, book, "小学教师", sc.ID, "小学县级以上骨干教师数（人）", *sc.Teachers.Primary.Backbone+1)
		one := demo.File()
		one.Schools = []county.School{one.Schools[1]}
		one.County.Rectification = nil // its entries name schools this file leaves out
		one.Schools[0].Books = county.I(*one.Schools[0].Books + 1)
		b, _ := county.Encode(one)
		js := writeTemp(t, "一校.json", b)
		who := []string{"--office", "城关镇中心校", "--user", "孙七"}
		if viaEnv {
			t.Setenv("JUNHENG_OFFICE", "城关镇中心校")
			t.Setenv("JUNHENG_USER", "孙七")
			who = nil
		}
		dbRun(t, append([]string{"import-xlsx", db, book, "--apply"}, who...)...)
		dbRun(t, append([]string{"import-json", db, js}, who...)...)
		s, err := data.Open(db, data.OpenOptions{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct{ id, field, file string }{
			{sc.ID, "teachers.primary.backbone", "一校填报.xlsx"},
			{one.Schools[0].ID, "books", "一校.json"},
		} {
			h, _ := s.History(data.Filter{SchoolID: c.id, Field: c.field, Limit: 1})
			if len(h) != 1 || h[0].User != "孙七" || h[0].Office != "城关镇中心校" || h[0].File != c.file || h[0].Source != data.SourceImported {
				t.Errorf("env=%v: history of %s = %+v", viaEnv, c.field, h)
			}
		}
		s.Close()
	}
}

// The merge plan and the history name fields in Chinese, never by their
// JSON path alone, and the history names the merged file and first author.
func TestMergePlanAndHistoryInChineseCLI(t *testing.T) {
	db := xlsxDemoDB(t)
	other := filepath.Join(t.TempDir(), "乡镇.db")
	dbRun(t, "export", db, other)
	one := demo.File()
	one.Schools = []county.School{one.Schools[2]}
	one.County.Rectification = nil // its entries name schools this file leaves out
	one.Schools[0].Books = county.I(*one.Schools[0].Books + 9)
	b, _ := county.Encode(one)
	dbRun(t, "import-json", other, writeTemp(t, "乡镇一校.json", b), "--office", "乡镇中心校", "--user", "李四")
	out := dbRun(t, "merge", db, other, "--dry-run")
	if !strings.Contains(out, "采用对方 图书册数") || strings.Contains(out, "books") {
		t.Errorf("merge plan:\n%s", out)
	}
	dbRun(t, "merge", db, other, "--user", "王五")
	out = dbRun(t, "history", db, "--school", one.Schools[0].ID, "--field", "books")
	first := strings.SplitN(out, "\n", 2)[0]
	if !containsAll(first, "王五", "合并「乡镇.db」", "原由 乡镇中心校 李四", "图书册数") {
		t.Errorf("history of the merged value:\n%s", out)
	}
	if strings.Count(out, "\n") != 2 { // the first import, the merge
		t.Errorf("history lists %d lines for 2 changes:\n%s", strings.Count(out, "\n"), out)
	}
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
