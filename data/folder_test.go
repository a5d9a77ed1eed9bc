//go:build !windows

package data

import (
	"os"
	"path/filepath"
	"testing"

	"junheng/app/county"
)

// The default folder is the documents folder's 均衡评估助手, also when the
// desktop names the documents folder in Chinese; a file created there with
// a Chinese name and spaces opens, saves, exports and backs up.
func TestDefaultFolderAndWorkInIt(t *testing.T) {
	home := filepath.Join(t.TempDir(), "张 三")
	cfg := filepath.Join(home, ".config")
	if err := os.MkdirAll(cfg, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfg, "user-dirs.dirs"), []byte("XDG_DOCUMENTS_DIR=\"$HOME/文档\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("XDG_DOCUMENTS_DIR", "")
	dir, err := DefaultFolder()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(home, "文档", FolderName); dir != want {
		t.Fatalf("DefaultFolder = %q, want %q", dir, want)
	}
	path := filepath.Join(dir, "义马市 2024 年.db")
	s, err := Create(path, testSettings)
	if err != nil {
		t.Fatal(err)
	}
	f := county.Generate(3, 2)
	if err := s.ImportFile(f, "测试 导入.json"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backup(); err != nil {
		t.Fatalf("backup in a Chinese folder: %v", err)
	}
	backups, err := s.ListBackups()
	if err != nil || len(backups) == 0 {
		t.Fatalf("backups: %v %v", backups, err)
	}
	out := filepath.Join(dir, "导出 给乡镇.db")
	if _, err := s.ExportSchools(out, []string{f.Schools[0].ID}); err != nil {
		t.Fatalf("export in a Chinese folder: %v", err)
	}
	s.Close()
	e, err := Open(out, OpenOptions{Settings: testSettings, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.LoadYear(f.Year)
	e.Close()
	if err != nil || len(got.Schools) != 1 || got.Schools[0].ID != f.Schools[0].ID {
		t.Fatalf("exported file: %v %v", got, err)
	}
}
