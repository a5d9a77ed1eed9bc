package data

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"junheng/app/county"
)

// sampleFile writes a small valid data file and closes it.
func sampleFile(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "sample.db")
	s, err := Create(path, testSettings)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ImportFile(county.Generate(40, 3), "test"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// rawExec changes a file behind the program's back, as another tool would.
func rawExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func TestHostileAndBrokenFiles(t *testing.T) {
	cases := []struct {
		name    string
		make    func(t *testing.T, dir string) string
		kind    error
		message string // part of the Chinese message
	}{
		{"empty", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "空.db")
			os.WriteFile(p, nil, 0o644)
			return p
		}, ErrEmpty, "空文件"},
		{"text renamed .db", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "说明.db")
			os.WriteFile(p, []byte(strings.Repeat("这是一份会议纪要，不是数据库。\n", 50)), 0o644)
			return p
		}, ErrNotOurs, "不是均衡评估助手的数据文件"},
		{"another program's SQLite", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "other.db")
			rawExec(t, p, "CREATE TABLE t(x)", "INSERT INTO t VALUES (1)")
			return p
		}, ErrNotOurs, "不是均衡评估助手的数据文件"},
		{"truncated at a page", func(t *testing.T, dir string) string {
			p := sampleFile(t, dir)
			b, _ := os.ReadFile(p)
			os.WriteFile(p, b[:len(b)/2/4096*4096], 0o644)
			return p
		}, ErrTruncated, "不完整"},
		{"truncated mid-page", func(t *testing.T, dir string) string {
			p := sampleFile(t, dir)
			b, _ := os.ReadFile(p)
			os.WriteFile(p, b[:len(b)/2+123], 0o644)
			return p
		}, ErrTruncated, "不完整"},
		{"truncated header", func(t *testing.T, dir string) string {
			p := sampleFile(t, dir)
			b, _ := os.ReadFile(p)
			os.WriteFile(p, b[:60], 0o644)
			return p
		}, ErrTruncated, "不完整"},
		{"corrupted pages", func(t *testing.T, dir string) string {
			p := sampleFile(t, dir)
			b, _ := os.ReadFile(p)
			for i := 3 * 4096; i < 6*4096 && i < len(b); i++ {
				b[i] = byte(i * 7)
			}
			os.WriteFile(p, b, 0o644)
			return p
		}, ErrCorrupt, "损坏"},
		{"trigger that writes elsewhere", func(t *testing.T, dir string) string {
			p := sampleFile(t, dir)
			rawExec(t, p, `CREATE TRIGGER sneaky AFTER UPDATE ON value BEGIN
				INSERT INTO meta(key, value) VALUES ('pwned', 'yes') ON CONFLICT DO NOTHING;
				DELETE FROM change; END`)
			return p
		}, ErrForeignSQL, "触发器「sneaky」"},
		{"view", func(t *testing.T, dir string) string {
			p := sampleFile(t, dir)
			rawExec(t, p, `CREATE VIEW summary AS SELECT * FROM value`)
			return p
		}, ErrForeignSQL, "视图「summary」"},
		{"table dropped", func(t *testing.T, dir string) string {
			p := sampleFile(t, dir)
			rawExec(t, p, "DROP TABLE change")
			return p
		}, ErrCorrupt, "缺少数据表「change」"},
		{"switched to WAL", func(t *testing.T, dir string) string {
			p := sampleFile(t, dir)
			rawExec(t, p, "PRAGMA journal_mode = WAL")
			return p
		}, ErrNotOurs, "WAL"},
		{"virtual table in place of ours", func(t *testing.T, dir string) string {
			p := sampleFile(t, dir)
			rawExec(t, p, "DROP TABLE meta", "CREATE VIRTUAL TABLE meta USING fts5(key, value)")
			return p
		}, ErrForeignSQL, "虚拟表「meta」"},
		{"our table with another definition", func(t *testing.T, dir string) string {
			p := sampleFile(t, dir)
			rawExec(t, p, "ALTER TABLE value ADD COLUMN extra CHECK (length(extra) < 9)")
			return p
		}, ErrForeignSQL, "表「value」（定义与本程序不同）"},
		{"version 0 carrying a view", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "zero.db")
			rawExec(t, p, "PRAGMA application_id = 1246252615", "CREATE TABLE t(x)", "CREATE VIEW v AS SELECT * FROM t")
			return p
		}, ErrForeignSQL, "视图「v」"},
		{"newer program", func(t *testing.T, dir string) string {
			p := sampleFile(t, dir)
			rawExec(t, p, "PRAGMA user_version = 7", "UPDATE meta SET value = '3.2.0' WHERE key = 'written_by'")
			return p
		}, ErrNewer, "程序版本 3.2.0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := c.make(t, dir)
			want := dirState(t, dir)
			for _, ro := range []bool{false, true} {
				s, err := Open(path, OpenOptions{Settings: testSettings, ReadOnly: ro})
				if err == nil {
					s.Close()
					t.Fatalf("opened (read-only %v)", ro)
				}
				if !errors.Is(err, c.kind) {
					t.Errorf("read-only %v: error %v, want kind %v", ro, err, c.kind)
				}
				if !strings.Contains(err.Error(), c.message) || !strings.Contains(err.Error(), filepath.Base(path)) {
					t.Errorf("message %q lacks %q or the file name", err, c.message)
				}
			}
			// Merging it into a good file is refused the same way.
			good := newStore(t, "good.db")
			if _, err := good.PlanMerge(path); !errors.Is(err, c.kind) {
				t.Errorf("merge: error %v, want kind %v", err, c.kind)
			}
			if got := dirState(t, dir); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Fatalf("the folder changed:\nbefore %v\nafter  %v", want, got)
			}
		})
	}
}

func TestOpenMissingFile(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(filepath.Join(dir, "nothing.db"), OpenOptions{})
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("error %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatal("opening a missing file created something")
	}
}

// An older file is migrated only after a backup copy of it is taken.
func TestOpenMigratesOlderFileAfterBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "old.db")
	rawExec(t, path, "PRAGMA application_id = 1246252615", "PRAGMA user_version = 0")
	orig := fileSum(t, path)
	s, err := Open(path, OpenOptions{Settings: testSettings})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	backups, err := s.ListBackups()
	if err != nil || len(backups) != 1 || backups[0].Reason != "升级前" {
		t.Fatalf("backups = %v, %v", backups, err)
	}
	if fileSum(t, backups[0].Path) != orig {
		t.Fatal("the backup is not the file as it was")
	}
	if err := s.SaveCounty("2024-2025", county.Generate(1, 1).County); err != nil {
		t.Fatal(err)
	}
}

// A file of schema 1 (before row digests) is backed up, migrated in one
// transaction, keeps every value and audit line, and merges as before.
func TestOpenMigratesSchema1(t *testing.T) {
	dir := t.TempDir()
	path := sampleFile(t, dir)
	s, err := Open(path, OpenOptions{Settings: testSettings, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := s.ExportJSON("2024-2025")
	wantHist, _ := s.History(Filter{})
	s.Close()
	rawExec(t, path, undoSchema4, "ALTER TABLE commit_log DROP COLUMN kind", "ALTER TABLE commit_log DROP COLUMN source",
		"ALTER TABLE change DROP COLUMN origin", "ALTER TABLE change DROP COLUMN lineage", // schema 3
		"ALTER TABLE entity DROP COLUMN digest", "PRAGMA user_version = 1")
	old := fileSum(t, path)

	if _, err := Open(path, OpenOptions{ReadOnly: true}); err == nil {
		t.Fatal("read-only open of an old file should ask for an editing open first")
	}
	s, err = Open(path, OpenOptions{Settings: testSettings})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	backups, _ := s.ListBackups()
	if len(backups) != 1 || backups[0].Reason != "升级前" || fileSum(t, backups[0].Path) != old {
		t.Fatalf("backup before migration = %+v", backups)
	}
	var v, missing int
	s.db.QueryRow("PRAGMA user_version").Scan(&v)
	s.db.QueryRow("SELECT count(*) FROM entity WHERE digest IS NULL").Scan(&missing)
	if v != SchemaVersion || missing != 0 {
		t.Fatalf("after migration: version %d, %d rows without digest", v, missing)
	}
	got, _ := s.ExportJSON("2024-2025")
	gotHist, _ := s.History(Filter{})
	if string(got) != string(want) || len(gotHist) != len(wantHist) {
		t.Fatal("migration changed the data or the audit trail")
	}
	// The migrated digests are those the program writes for the same data.
	fresh := storeWith(t, county.Generate(40, 3))
	digests := func(s *Store) map[string]string {
		m := map[string]string{}
		rows, err := s.db.Query("SELECT kind || '/' || key, digest FROM entity")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var k, d string
			rows.Scan(&k, &d)
			m[k] = d
		}
		return m
	}
	a, b := digests(s), digests(fresh)
	if len(a) != 41 || len(a) != len(b) {
		t.Fatalf("%d and %d rows", len(a), len(b))
	}
	for k, d := range b {
		if a[k] != d {
			t.Fatalf("row %s: migrated digest %s, written %s", k, a[k], d)
		}
	}
}
