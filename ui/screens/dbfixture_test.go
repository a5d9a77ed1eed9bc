package screens

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"junheng/app/county"
	"junheng/ui/dbstore"
	"junheng/ui/session"
	jtheme "junheng/ui/theme"
)

// onDB is the program's session on a real SQLite file: the setup of every
// test that checks what reaches the file and its audit trail.
type onDB struct {
	path   string
	st     dbstore.Store
	s      *session.Session
	win    fyne.Window
	env    *Env
	status string // the last status line the pages reported
}

// newOnDB creates a data file named name holding f, opened for the clerk
// set, in a 1280×800 test window. The app and the file are closed when the
// test ends (a test may close the file earlier to reopen it).
func newOnDB(t testing.TB, name string, f *county.File, set session.Settings) *onDB {
	t.Helper()
	a := test.NewApp()
	a.Settings().SetTheme(jtheme.New(1))
	t.Cleanup(a.Quit)
	path := filepath.Join(t.TempDir(), name)
	created, err := dbstore.Opener{}.Create(path, set)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { created.Close() })
	st := created.(dbstore.Store)
	if err := st.ImportFile(f); err != nil {
		t.Fatal(err)
	}
	s, err := session.New(st, "", set)
	if err != nil {
		t.Fatal(err)
	}
	s.Inline = true
	d := &onDB{path: path, st: st, s: s, win: test.NewWindow(nil)}
	d.win.Resize(fyne.NewSize(1280, 800))
	d.env = &Env{S: s, Win: d.win, Goto: func(string, string) {}, Status: func(m string) { d.status = m }}
	return d
}
