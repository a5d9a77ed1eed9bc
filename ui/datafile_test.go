package ui

import (
	"testing"

	"junheng/app/county"
	"junheng/ui/dbstore"
	"junheng/ui/session"
)

// writeDataFile creates a data file at path holding f, entered by 张老师,
// and closes it: the file a test then opens in the program.
func writeDataFile(t *testing.T, path string, f *county.File) {
	t.Helper()
	st, err := dbstore.Opener{}.Create(path, session.Settings{User: "张老师"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.(dbstore.Store).ImportFile(f); err != nil {
		t.Fatal(err)
	}
}

// openDataFile starts the program on the data file at path, as
// `junheng --file path` does, and closes the file when the test ends.
func openDataFile(t *testing.T, path string) *App {
	t.Helper()
	a := newTestAppWith(t, Config{Opener: dbstore.Opener{}}, "--file", path)
	if a.Session() == nil {
		t.Fatal("file not opened")
	}
	t.Cleanup(func() { a.Session().Store.Close() })
	return a
}
