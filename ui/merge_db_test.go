package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"junheng/assets/demo"
	"junheng/ui/dbstore"
	"junheng/ui/dialogs"
	"junheng/ui/session"
	jtheme "junheng/ui/theme"
)

// Two offices change the same number; importing the other file shows the
// conflict, and the value the clerk picks is the one in the database.
func TestMergeConflictWithTheRealDatabase(t *testing.T) {
	dir := t.TempDir()
	ours, theirs := filepath.Join(dir, "教育局.db"), filepath.Join(dir, "学校.db")
	me := session.Settings{User: "教育局张老师"}
	st, err := dbstore.Opener{}.Create(ours, me)
	if err != nil {
		t.Fatal(err)
	}
	a0 := st.(dbstore.Store)
	f := demo.File()
	if err := a0.ImportFile(f); err != nil {
		t.Fatal(err)
	}
	if err := a0.ExportSchools(theirs, nil); err != nil {
		t.Fatal(err)
	}
	sc := f.Schools[0]
	mine, their := *sc.Students.Primary+1, *sc.Students.Primary+2
	sc.Students.Primary = &mine
	if err := a0.SaveSchool(f.Year, sc); err != nil {
		t.Fatal(err)
	}
	a0.Close()
	b, err := dbstore.Open(theirs, session.Settings{User: "学校李老师"})
	if err != nil {
		t.Fatal(err)
	}
	sc2 := sc
	sc2.Students.Primary = &their
	if err := b.SaveSchool(f.Year, sc2); err != nil {
		t.Fatal(err)
	}
	b.Close()

	fa := test.NewApp()
	knownClerk(fa)
	fa.Settings().SetTheme(jtheme.New(1))
	t.Cleanup(fa.Quit)
	a := Create(fa, Config{Opener: dbstore.Opener{}, Args: []string{"--file", ours}, InlineEval: true})
	if a.Session() == nil {
		t.Fatal("file not opened")
	}
	t.Cleanup(func() { a.Session().Store.Close() })
	d := a.MergeFrom(theirs)
	if d == nil || len(d.Choices) != 1 {
		t.Fatalf("merge dialog: %+v", d)
	}
	d.Choices[0].SetSelected(dialogs.TakeTheirs)
	test.Tap(d.Apply)
	waitFor(t, func() bool {
		s := a.Session().School(sc.ID)
		return s != nil && *s.Students.Primary == their
	})
	again, err := a.Session().Store.LoadYear(f.Year)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range again.Schools {
		if s.ID == sc.ID && *s.Students.Primary != their {
			t.Fatalf("database holds %d, want the imported %d", *s.Students.Primary, their)
		}
	}
}
