package data

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"junheng/app/county"
)

func fieldHistory(t *testing.T, s *Store, id, field string) []Change {
	t.Helper()
	h, err := s.History(Filter{SchoolID: id, Field: field})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// Issue 11 §7: the history tells where every value came from — typed (who,
// which office), imported (which file, by whom), merged (from which file,
// first entered by whom, adopted by whom) — one record per change, field
// names and actions in Chinese.
func TestHistoryTellsWhereEachValueCameFrom(t *testing.T) {
	bureau, school := twoOffices(t, 6)
	f, _ := bureau.LoadYear("2024-2025")
	id := f.Schools[1].ID

	// Imported: the file's name (not its folder) and the importer.
	g := *f
	g.Schools = []county.School{f.Schools[1]}
	g.Schools[0].Computers = county.I(*f.Schools[1].Computers + 1)
	if err := bureau.ImportFile(&g, "/某处/文件夹/一校.json"); err != nil {
		t.Fatal(err)
	}
	h := fieldHistory(t, bureau, id, "computers")
	if c := h[0]; c.Source != SourceImported || c.File != "一校.json" || c.User != "张三" || c.Office != "测试县教育局" ||
		c.ActionLabel != "导入" || c.Label != "计算机台数" || !containsAll(c.String(), "导入「一校.json」", "测试县教育局 张三", "计算机台数") {
		t.Errorf("imported change = %+v\n%s", c, c)
	}

	// Typed, at the other office.
	sc := editSchool(t, school, 1, func(sc *county.School) { sc.Books = county.I(*sc.Books + 100) })
	h = fieldHistory(t, school, id, "books")
	if c := h[0]; c.Source != SourceTyped || c.User != "李四" || c.Office != "城关镇中心校" || c.ActionLabel != "录入" ||
		c.File != "" || c.First != nil || c.Label != "图书册数" || !containsAll(c.String(), "城关镇中心校 李四", "录入", "图书册数") {
		t.Errorf("typed change = %+v\n%s", c, c)
	}
	linesBefore := len(fieldHistory(t, bureau, id, "books"))

	// Merged: one record, naming the source file, the first author and
	// the adopter.
	p := plan(t, bureau, school)
	if err := bureau.ApplyMerge(p, make([]bool, len(p.Conflicts))); err != nil {
		t.Fatal(err)
	}
	h = fieldHistory(t, bureau, id, "books")
	if len(h) != linesBefore+1 {
		t.Fatalf("merge of one changed value added %d history lines, want 1:\n%v", len(h)-linesBefore, h)
	}
	c := h[0]
	if c.Source != SourceMerged || c.File != "乡镇中心校.db" || c.User != "张三" || c.First == nil ||
		c.First.User != "李四" || c.First.Office != "城关镇中心校" || c.New != itoa(*sc.Books) {
		t.Fatalf("merged change = %+v", c)
	}
	if !containsAll(c.String(), "合并「乡镇中心校.db」", "原由 城关镇中心校 李四", "测试县教育局 张三 采用", "图书册数") {
		t.Errorf("merged line does not say where the value came from: %s", c)
	}

	// A conflict decided for theirs credits their clerk as first author;
	// one decided for ours records nothing.
	editSchool(t, bureau, 3, func(sc *county.School) { sc.Books = county.I(1) })
	editSchool(t, school, 3, func(sc *county.School) { sc.Books = county.I(2) })
	editSchool(t, bureau, 4, func(sc *county.School) { sc.Books = county.I(3) })
	editSchool(t, school, 4, func(sc *county.School) { sc.Books = county.I(4) })
	p = plan(t, bureau, school)
	if len(p.Conflicts) != 2 {
		t.Fatalf("%d conflicts, want 2", len(p.Conflicts))
	}
	kept := fieldHistory(t, bureau, f.Schools[4].ID, "books")
	if err := bureau.ApplyMerge(p, []bool{true, false}); err != nil {
		t.Fatal(err)
	}
	if c := fieldHistory(t, bureau, f.Schools[3].ID, "books")[0]; c.First == nil || c.First.User != "李四" || c.New != "2" {
		t.Errorf("conflict taken from the other office = %+v", c)
	}
	if h := fieldHistory(t, bureau, f.Schools[4].ID, "books"); len(h) != len(kept) {
		t.Errorf("a conflict kept for our side added history lines: %v", h[:len(h)-len(kept)])
	}

	// Deletion: 删除, never the raw tombstone.
	if err := bureau.DeleteSchool("2024-2025", f.Schools[5].ID); err != nil {
		t.Fatal(err)
	}
	all, _ := bureau.History(Filter{SchoolID: f.Schools[5].ID, Limit: 1})
	if len(all) != 1 || !all[0].Deleted || all[0].ActionLabel != "删除" || all[0].Field != "" ||
		!strings.Contains(all[0].String(), "删除") || strings.Contains(all[0].String(), "_deleted") {
		t.Errorf("deletion = %+v\n%s", all, all)
	}
	// No line of the whole history shows a stored word or a raw path
	// instead of a Chinese name.
	every, _ := bureau.History(Filter{})
	for _, c := range every {
		line := c.String()
		for _, raw := range []string{"save", "import", "merge", "delete", "_deleted", "typed", "merged"} {
			if strings.Contains(line, raw) {
				t.Errorf("history line shows %q: %s", raw, line)
			}
		}
		if c.Field != "" && c.Label == "" {
			t.Errorf("field %s has no Chinese name: %s", c.Field, line)
		}
	}
}

// ApplyImport (the Excel import) records the workbook's name and the
// importer.
func TestApplyImportRecordsTheWorkbook(t *testing.T) {
	s := storeWith(t, county.Generate(3, 2))
	f, _ := s.LoadYear("2024-2025")
	sc := f.Schools[0]
	sc.Books = county.I(*sc.Books + 1)
	if err := s.ApplyImport(f.Year, []county.School{sc}, nil, `D:\填报\城关一小.xlsx`); err != nil {
		t.Fatal(err)
	}
	c := fieldHistory(t, s, sc.ID, "books")[0]
	if c.Source != SourceImported || c.User != "张三" || c.Note != "导入 Excel「城关一小.xlsx」" {
		t.Errorf("Excel import line = %+v", c)
	}
}

// A merge source written by the previous release (schema 2, without the
// provenance columns) merges without being upgraded first, and the merged
// value still names its first author.
func TestMergeSourceOfSchema2(t *testing.T) {
	bureau, school := twoOffices(t, 4)
	sc := editSchool(t, school, 2, func(sc *county.School) { sc.Books = county.I(*sc.Books + 3) })
	school.Close()
	db, err := sql.Open("sqlite", "file:"+school.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{undoSchema4,
		"ALTER TABLE change DROP COLUMN origin", "ALTER TABLE change DROP COLUMN lineage",
		"ALTER TABLE commit_log DROP COLUMN kind", "ALTER TABLE commit_log DROP COLUMN source",
		"DELETE FROM meta WHERE key = 'manifest'", "PRAGMA user_version = 2",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	p, err := bureau.PlanMerge(school.Path())
	if err != nil {
		t.Fatal(err)
	}
	if err := bureau.ApplyMerge(p, make([]bool, len(p.Conflicts))); err != nil {
		t.Fatal(err)
	}
	c := fieldHistory(t, bureau, sc.ID, "books")[0]
	if c.Source != SourceMerged || c.First == nil || c.First.User != "李四" || c.New != itoa(*sc.Books) {
		t.Errorf("merged from a schema-2 file: %+v", c)
	}
}

// A conflicting value that the other office itself merged from a third is
// credited to the third office's clerk who entered it.
func TestConflictCreditsTheFirstAuthor(t *testing.T) {
	bureau, school := twoOffices(t, 3)
	out := filepath.Join(t.TempDir(), "三中.db")
	if _, err := bureau.ExportSchools(out, nil); err != nil {
		t.Fatal(err)
	}
	third, err := Open(out, OpenOptions{Settings: Settings{Office: "第三中学", User: "王五"}})
	if err != nil {
		t.Fatal(err)
	}
	defer third.Close()
	editSchool(t, third, 1, func(sc *county.School) { sc.Books = county.I(111) })
	p := plan(t, school, third)
	if err := school.ApplyMerge(p, make([]bool, len(p.Conflicts))); err != nil {
		t.Fatal(err)
	}
	editSchool(t, bureau, 1, func(sc *county.School) { sc.Books = county.I(222) })
	p = plan(t, bureau, school)
	if len(p.Conflicts) != 1 {
		t.Fatalf("%d conflicts, want 1", len(p.Conflicts))
	}
	if c := p.Conflicts[0]; !containsAll(c.TheirsBy, "第三中学 王五", "城关镇中心校 李四 ") {
		t.Errorf("their value credited to %q, want the third office's 王五 (merged by 李四)", c.TheirsBy)
	}
}
