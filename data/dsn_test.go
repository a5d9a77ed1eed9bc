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

// The URI path of Windows file names, checked on any machine: drive
// letters, network shares (UNC) and Chinese folder names with spaces.
func TestWindowsURIPaths(t *testing.T) {
	cases := map[string]string{
		`C:\Users\张三\Documents\均衡评估助手\义马 市.db`: "/C:/Users/张三/Documents/均衡评估助手/义马 市.db",
		`\\jytj-server\共享\县 数据\义马.db`:          "////jytj-server/共享/县 数据/义马.db",
		`D:\数据#1\100%.db`:                      "/D:/数据%231/100%25.db",
	}
	for in, want := range cases {
		if got := uriPath(in, true); got != want {
			t.Errorf("uriPath(%q) = %q, want %q", in, got, want)
		}
	}
	if got := uriPath("/home/张三/县 数据/a?.db", false); got != "/home/张三/县 数据/a%3f.db" {
		t.Errorf("unix path: %q", got)
	}
}

// Read-only connections — the inspection's and a read-only store's — wait
// for a busy file and run no function of the file's schema, like writers.
func TestPragmasOnReadOnlyConnections(t *testing.T) {
	s := newStore(t, "p.db")
	db := openSQL(s.Path(), true)
	defer db.Close()
	for p, v := range map[string]string{"busy_timeout": "5000", "trusted_schema": "0"} {
		var got string
		if err := db.QueryRow("PRAGMA " + p).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != v {
			t.Errorf("PRAGMA %s = %s, want %s", p, got, v)
		}
	}
}
