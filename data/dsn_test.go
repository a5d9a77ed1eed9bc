package data

import (
	"context"
	"path/filepath"
	"testing"

	"junheng/app/county"
)

// Every connection database/sql opens runs with the safety settings, not
// only the first one.
func TestPragmasOnEveryConnection(t *testing.T) {
	s := newStore(t, "p.db")
	ctx := context.Background()
	want := map[string]string{"journal_mode": "delete", "synchronous": "2", "foreign_keys": "1",
		"busy_timeout": "5000", "trusted_schema": "0"}
	for i := 0; i < 3; i++ {
		c, err := s.db.Conn(ctx) // held open, so each iteration gets a new connection
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		for p, v := range want {
			var got string
			if err := c.QueryRowContext(ctx, "PRAGMA "+p).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != v {
				t.Errorf("connection %d: PRAGMA %s = %s, want %s", i, p, got, v)
			}
		}
	}
}

// Folder and file names with spaces, Chinese and URI characters work.
func TestAwkwardFileNames(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "共享 文件夹#1")
	if err := mkdir(dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"义马市 2024?版.db", "100%完成.db", "a#b&c=d.db"} {
		path := filepath.Join(dir, name)
		s, err := Create(path, testSettings)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := s.ImportFile(county.Generate(2, 1), "t"); err != nil {
			t.Fatal(err)
		}
		s.Close()
		s, err = Open(path, OpenOptions{Settings: testSettings})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if ys, _ := s.Years(); len(ys) != 1 {
			t.Errorf("%s: years %v", name, ys)
		}
		s.Close()
	}
}
