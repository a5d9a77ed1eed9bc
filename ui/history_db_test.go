package ui

import (
	"path/filepath"
	"regexp"
	"testing"

	"junheng/app/county"
	"junheng/assets/demo"
	"junheng/ui/dialogs"
	"junheng/ui/session"
)

// The history speaks Chinese: the action (录入, not "save") and the
// field's catalogue name (not "students.primary"); the field is chosen
// by its name.
func TestHistoryShowsChineseActionsAndLabels(t *testing.T) {
	path := filepath.Join(t.TempDir(), "义马市.db")
	f := demo.File()
	writeDataFile(t, path, f)
	a := openDataFile(t, path)
	sc := session.Clone(a.Session().File.Schools[0])
	n := *sc.Students.Primary + 1
	sc.Students.Primary = &n
	if err := a.Session().SaveSchool("", sc); err != nil {
		t.Fatal(err)
	}
	a.historyOf(sc.ID)
	h := dialogs.LastHistory
	if h == nil || len(h.Lines) == 0 {
		t.Fatal("no history lines")
	}
	label := county.FieldLabel("students.primary")
	h.Field.SetSelected(label)
	if len(h.Lines) == 0 {
		t.Fatalf("choosing %s lists nothing", label)
	}
	latin := regexp.MustCompile(`[A-Za-z_]{3,}`)
	for _, l := range h.Lines {
		if w := latin.FindString(l); w != "" {
			t.Errorf("history line %q shows %q", l, w)
		}
	}
	if !regexp.MustCompile(regexp.QuoteMeta(label)).MatchString(h.Lines[0]) {
		t.Errorf("the line %q does not name the field %s", h.Lines[0], label)
	}
}
