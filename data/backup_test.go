package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"junheng/app/county"
)

// Backups of every data file of a folder go to its one 「备份」 folder —
// nothing else is written beside the files — and each file lists only
// its own, also when names share a prefix.
func TestBackupsInOneSideFolder(t *testing.T) {
	dir := t.TempDir()
	set := testSettings
	set.BackupsKept = 3
	var stores []*Store
	for _, name := range []string{"乡镇.db", "乡镇-2024.db"} {
		s, err := Create(filepath.Join(dir, name), set)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.ImportFile(county.Generate(3, 1), "t"); err != nil {
			t.Fatal(err)
		}
		stores = append(stores, s)
	}
	for i := 0; i < 5; i++ {
		for _, s := range stores {
			if _, err := s.Backup(); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, s := range stores {
		if s.BackupDir() != filepath.Join(dir, "备份") || SideFolder(s.Path()) != s.BackupDir() {
			t.Fatalf("backup folder %s", s.BackupDir())
		}
		list, err := s.ListBackups()
		if err != nil || len(list) != 3 {
			t.Fatalf("%s: %d backups kept, want 3 (%v)", s.Path(), len(list), err)
		}
		for _, b := range list {
			if !strings.HasPrefix(filepath.Base(b.Path), strings.TrimSuffix(filepath.Base(s.Path()), ".db")+"-2") {
				t.Fatalf("%s lists another file's backup %s", s.Path(), b.Path)
			}
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if n := e.Name(); n != "备份" && !strings.HasSuffix(n, ".db") && !strings.HasSuffix(n, ".db.lock") {
			t.Errorf("written beside the data files: %s", n)
		}
	}
	// Backups earlier versions kept in FILE.db.backups are still listed.
	legacy := stores[0].Path() + ".backups"
	os.Mkdir(legacy, 0o755)
	copyData(t, filepath.Join(legacy, "乡镇-20250101-120000.000-手动.db"), stores[0].Path())
	list, _ := stores[0].ListBackups()
	if len(list) != 4 || list[len(list)-1].Reason != "手动" || filepath.Dir(list[len(list)-1].Path) != legacy {
		t.Fatalf("legacy backup not listed last: %+v", list)
	}
}

// A backup is the file's bytes as last saved; restoring it brings the data
// back through the atomic writer and leaves no temporary file.
func TestBackupAndRestore(t *testing.T) {
	s := storeWith(t, county.Generate(20, 1))
	want, _ := s.ExportJSON("2024-2025")
	p, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ImportFile(county.Generate(20, 2), "t"); err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(p); err != nil {
		t.Fatal(err)
	}
	got, _ := s.ExportJSON("2024-2025")
	if string(got) != string(want) {
		t.Fatal("restore did not bring the backed-up data back")
	}
	entries, _ := os.ReadDir(filepath.Dir(s.Path()))
	for _, e := range entries {
		if strings.Contains(e.Name(), "tmp") || strings.HasSuffix(e.Name(), "-journal") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	list, _ := s.ListBackups()
	if len(list) < 2 || list[0].Reason != "恢复前" {
		t.Fatalf("no 恢复前 backup: %+v", list)
	}
}

// The copy kept before a recovery is a pair (file and hot journal);
// restoring it restores the last saved state, never the half-written file.
func TestRestoreRecoveryPair(t *testing.T) {
	dir := t.TempDir()
	src := sampleFile(t, dir)
	want := countyJSON(t, src)
	pair := filepath.Join(dir, "pair.db")
	crashState(t, src, pair, true)
	s := storeWith(t, county.Generate(5, 4))
	if err := s.Restore(pair); err != nil {
		t.Fatal(err)
	}
	got, _ := s.ExportJSON("2024-2025")
	if string(got) != want {
		t.Fatal("restoring a file with a hot journal did not restore its last saved state")
	}
	if _, err := os.Stat(pair + "-journal"); err != nil {
		t.Fatal("restore changed the backup pair")
	}
}
