package data

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"junheng/app/county"
)

// testSettings identify the test user in the audit trail.
var testSettings = Settings{Office: "测试县教育局", User: "张三"}

func newStore(t testing.TB, name string) *Store {
	t.Helper()
	s, err := Create(filepath.Join(t.TempDir(), name), testSettings)
	if err != nil {
		t.Fatal(err)
	}
	// Every file the tests build through the program is one check calls
	// sound: Audit has no false alarm on imports, saves, merges, exports.
	t.Cleanup(func() {
		if s.db != nil {
			if found, err := s.Audit(); err != nil || len(found) > 0 {
				t.Errorf("check faults a file the program wrote: %q %v", found, err)
			}
		}
		s.Close()
	})
	return s
}

func storeWith(t testing.TB, f *county.File) *Store {
	t.Helper()
	s := newStore(t, "county.db")
	if err := s.ImportFile(f, "test"); err != nil {
		t.Fatal(err)
	}
	return s
}

func mustEncode(t testing.TB, f *county.File) []byte {
	t.Helper()
	b, err := county.Encode(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func fileSum(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// dirState is the name, size and checksum of every file in a folder: a
// refused file must leave the folder exactly as it was (no journal, no lock
// note, no backup).
func dirState(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name()+"/")
			continue
		}
		out = append(out, e.Name()+" "+fileSum(t, filepath.Join(dir, e.Name())))
	}
	sort.Strings(out)
	return out
}

func mkdir(dir string) error { return os.MkdirAll(dir, 0o755) }

// undoSchema4 turns a file of schema 4 back into the layout of schema 3
// (no blob table, the narrower kind CHECK), for tests of older files. One
// statement list, so that writable_schema holds on one connection.
var undoSchema4 = `DROP TABLE blob; PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, '` + strings.ReplaceAll(entityKindsV4, "'", "''") + `', '` + strings.ReplaceAll(entityKindsV3, "'", "''") + `') WHERE name = 'entity';
PRAGMA writable_schema = OFF; PRAGMA user_version = 3`
