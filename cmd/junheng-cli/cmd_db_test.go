package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/assets/demo"
)

func dbRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := runCLI(args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return out
}

// init → import-json → export-json gives the demo county back, and eval
// from the database prints exactly what eval of the JSON prints.
func TestDBImportExportEval(t *testing.T) {
	t.Setenv("JUNHENG_OFFICE", "督导室")
	t.Setenv("JUNHENG_USER", "王五")
	dir := t.TempDir()
	db := filepath.Join(dir, "义马 2024.db")
	jsonPath := writeTemp(t, "demo.json", demo.JSON)
	dbRun(t, "init", db)
	if out := dbRun(t, "import-json", db, jsonPath); !strings.Contains(out, "义马市") {
		t.Errorf("import message: %s", out)
	}
	year := demo.File().Year
	got := dbRun(t, "export-json", db, "--year", year)
	want, _ := county.Encode(demo.File())
	if got != string(want) {
		t.Fatal("export-json differs from the imported demo county")
	}
	for _, flags := range [][]string{nil, {"--text"}} {
		fromJSON := dbRun(t, append(append([]string{"eval"}, flags...), jsonPath)...)
		fromDB := dbRun(t, append(append([]string{"eval"}, flags...), db, "--year", year)...)
		if fromJSON != fromDB {
			t.Fatalf("eval %v of the database differs from eval of the JSON", flags)
		}
	}
	if out := dbRun(t, "check", db); !strings.Contains(out, "数据校验通过") {
		t.Errorf("check: %s", out)
	}
	// Re-importing a changed file is recorded in the history with the user.
	f := demo.File()
	f.Schools[0].Books = county.I(*f.Schools[0].Books + 5)
	changed, _ := county.Encode(f)
	dbRun(t, "import-json", db, writeTemp(t, "changed.json", changed))
	hist := dbRun(t, "history", db, "--school", f.Schools[0].ID, "--field", "books")
	// The same file imported as another school year: two years, each intact.
	dbRun(t, "import-json", db, jsonPath, "--year", "2030-2031")
	if out := dbRun(t, "check", db); !strings.Contains(out, "2030-2031 学年") || !strings.Contains(out, year+" 学年") {
		t.Errorf("check after a second year: %s", out)
	}
	if code, _, errOut := runCLI("import-json", db, jsonPath, "--year", "2030"); code != 2 || !strings.Contains(errOut, "学年") {
		t.Errorf("malformed --year: exit %d %s", code, errOut)
	}
	if !strings.Contains(hist, "王五") || !strings.Contains(hist, "图书册数") {
		t.Errorf("history does not say who changed the books: %s", hist)
	}
}

func TestDBMergeConflictsAndResolution(t *testing.T) {
	t.Setenv("JUNHENG_OFFICE", "督导室")
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	gen := county.Generate(20, 5)
	dbRun(t, "init", a)
	dbRun(t, "import-json", a, writeTemp(t, "g.json", dbEncode(t, gen)))
	id := gen.Schools[2].ID
	if out := dbRun(t, "export", a, b, "--school", id, "--school", gen.Schools[3].ID); !strings.Contains(out, "2 所学校") ||
		!strings.Contains(out, filepath.Join(dir, "备份", "b.db.manifest.json")) {
		t.Errorf("export message (must name the manifest in 备份): %s", out)
	}
	// Each office changes the books of the same school.
	edit := func(db string, books int, user string) {
		t.Setenv("JUNHENG_USER", user)
		f := county.Generate(20, 5)
		f.Schools[2].Books = county.I(books)
		if db == b { // the exported file holds only two schools
			f.Schools = []county.School{f.Schools[2], f.Schools[3]}
		}
		dbRun(t, "import-json", db, writeTemp(t, user+".json", dbEncode(t, f)))
	}
	edit(a, 1000, "王五")
	edit(b, 2000, "李四")

	before := dbReadFile(t, a)
	code, out, errOut := runCLI("merge", a, b)
	if code != exitInvalid || !strings.Contains(out, "冲突") || !strings.Contains(out, "1000") || !strings.Contains(out, "2000") || !strings.Contains(errOut, "未合并") {
		t.Fatalf("merge with a conflict: exit %d\n%s\n%s", code, out, errOut)
	}
	if dbReadFile(t, a) != before {
		t.Fatal("a refused merge changed the file")
	}
	dbRun(t, "merge", a, b, "--theirs")
	got := dbRun(t, "export-json", a, "--year", gen.Year)
	f, err := county.Decode([]byte(got))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Schools) != 20 || *f.Schools[2].Books != 2000 {
		t.Fatalf("after --theirs: %d schools, books %d", len(f.Schools), *f.Schools[2].Books)
	}
	if out := dbRun(t, "merge", a, b); !strings.Contains(out, "没有需要合并的差异") {
		t.Errorf("second merge: %s", out)
	}
}

func TestDBCommandsRefuseBrokenFiles(t *testing.T) {
	bad := writeTemp(t, "notes.db", []byte("会议纪要：下周一检查各校数据。\n"))
	before := dbReadFile(t, bad)
	for _, args := range [][]string{{"check", bad}, {"history", bad}, {"export-json", bad, "--year", "2024-2025"},
		{"eval", bad, "--year", "2024-2025"}, {"import-json", bad, writeTemp(t, "d.json", demo.JSON)}} {
		code, _, errOut := runCLI(args...)
		if code != 2 || !strings.Contains(errOut, "不是均衡评估助手的数据文件") {
			t.Errorf("%v: exit %d, %q", args[0], code, errOut)
		}
	}
	if dbReadFile(t, bad) != before {
		t.Fatal("a refused file was changed")
	}
	if entries, _ := os.ReadDir(filepath.Dir(bad)); len(entries) != 1 { // writeTemp gives each file its own folder
		t.Errorf("refusing left files behind: %d entries", len(entries))
	}
}

func dbEncode(t *testing.T, f *county.File) []byte {
	t.Helper()
	b, err := county.Encode(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func dbReadFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
