package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/assets/demo"
	"junheng/ui/dbstore"
	"junheng/ui/dialogs"
	"junheng/ui/session"
	jtheme "junheng/ui/theme"
)

// Two offices change the same number; importing the other file shows the
// conflict, and the value the clerk picks is the one in the database.
func TestMergeConflictWithTheRealDatabase(t *testing.T) {
	ours, theirs, a0, f := twoOffices(t, session.Settings{User: "教育局张老师"})
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

	a := appOnFile(t, ours)
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

// Found: the merge preview said only 「2 个数值将直接采用」 and the status
// line afterwards mentioned only conflicts. The preview lists every value
// it applies (where, field, old → new, who set it) and the status line
// sums the merge up.
func TestMergePreviewListsTheValuesApplied(t *testing.T) {
	ours, theirs, a0, f := twoOffices(t, session.Settings{User: "张老师", Office: "教育局"})
	a0.Close()
	b, err := dbstore.Open(theirs, session.Settings{User: "李老师", Office: "城关镇中心校"})
	if err != nil {
		t.Fatal(err)
	}
	sc := f.Schools[1]
	was := *sc.Students.Primary
	now := was + 7
	sc.Students.Primary = &now
	if err := b.SaveSchool(f.Year, sc); err != nil {
		t.Fatal(err)
	}
	b.Close()

	a := appOnFile(t, ours)
	d := a.MergeFrom(theirs)
	if d == nil || len(d.Values) != 1 {
		t.Fatalf("the preview lists %v", d.Values)
	}
	line := d.Values[0]
	for _, want := range []string{sc.Name, "小学在校生数", format.Int(was) + " → " + format.Int(now), "城关镇中心校 李老师"} {
		if !strings.Contains(line, want) {
			t.Errorf("the line %q does not say %q", line, want)
		}
	}
	test.Tap(d.Apply)
	waitFor(t, func() bool { return strings.Contains(a.status.Text, "已合并") })
	if !strings.Contains(a.status.Text, "直接采用对方 1个数值") {
		t.Errorf("status line %q", a.status.Text)
	}
}

// appOnFile is the program started on a data file by a clerk known from
// an earlier start.
func appOnFile(t *testing.T, path string) *App {
	t.Helper()
	fa := test.NewApp()
	knownClerk(fa)
	fa.Settings().SetTheme(jtheme.New(1))
	t.Cleanup(fa.Quit)
	a := Create(fa, Config{Opener: dbstore.Opener{}, Args: []string{"--file", path}, InlineEval: true})
	if a.Session() == nil {
		t.Fatal("file not opened")
	}
	t.Cleanup(func() { a.Session().Store.Close() })
	return a
}

// twoOffices is the bureau's data file of the demo county (left open, as
// me) and the whole-file export another office receives.
func twoOffices(t *testing.T, me session.Settings) (ours, theirs string, st dbstore.Store, f *county.File) {
	t.Helper()
	dir := t.TempDir()
	ours, theirs = filepath.Join(dir, "教育局.db"), filepath.Join(dir, "学校.db")
	s, err := dbstore.Opener{}.Create(ours, me)
	if err != nil {
		t.Fatal(err)
	}
	st = s.(dbstore.Store)
	f = demo.File()
	if err := st.ImportFile(f); err != nil {
		t.Fatal(err)
	}
	if err := st.ExportSchools(theirs, nil); err != nil {
		t.Fatal(err)
	}
	return ours, theirs, st, f
}
