package ui

import (
	"path/filepath"
	"testing"

	"junheng/assets/demo"
	"junheng/ui/dbstore"
	"junheng/ui/session"
)

// 另存为 continues on the new file, as Word does: an edit after it is in
// the new file, and the old file stays as it was. (The program wrote the
// copy but kept editing the old file.)
func TestSaveAsContinuesOnTheNewFile(t *testing.T) {
	dir := t.TempDir()
	old, copyPath := filepath.Join(dir, "义马市.db"), filepath.Join(dir, "义马市（副本）.db")
	f := demo.File()
	writeDataFile(t, old, f)
	a := openDataFile(t, old)
	if err := a.Session().Store.(session.Backuper).SaveAs(copyPath); err != nil {
		t.Fatal(err)
	}
	a.continueOn(copyPath)
	if got := a.Session().Store.Path(); got != copyPath {
		t.Fatalf("after 另存为 the window edits %q, want %q", got, copyPath)
	}

	sc := session.Clone(a.Session().File.Schools[0])
	before := *sc.Students.Primary
	n := before + 7
	sc.Students.Primary = &n
	if err := a.Session().SaveSchool("", sc); err != nil {
		t.Fatal(err)
	}
	a.Session().Store.Close()
	students := func(path string) int {
		t.Helper()
		s, err := dbstore.Open(path, session.Settings{User: "检查"})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		g, err := s.LoadYear(f.Year)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range g.Schools {
			if x.ID == sc.ID {
				return *x.Students.Primary
			}
		}
		t.Fatalf("%s lost school %s", path, sc.ID)
		return 0
	}
	if got := students(copyPath); got != n {
		t.Errorf("the new file holds %d students, want the edit %d", got, n)
	}
	if got := students(old); got != before {
		t.Errorf("the old file holds %d students, want it unchanged at %d", got, before)
	}
}
