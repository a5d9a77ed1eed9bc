package data

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"junheng/app/county"
)

// As found: the export was built as OUT.part and opened read-write after
// VACUUM INTO, so a hot journal left as OUT.part-journal (an export killed
// on an earlier try) was rolled back onto the new export; the manifest was
// a second file beside every export instead of in the one 备份 folder.
func TestExportIgnoresStaleJournalsAndKeepsManifestInSideFolder(t *testing.T) {
	dir := t.TempDir()
	f := county.Generate(12, 4)
	s := storeWith(t, f)
	want, err := s.ExportJSON(f.Year)
	if err != nil {
		t.Fatal(err)
	}
	// A real hot journal of another file, left where the old code built.
	other := storeWith(t, county.Generate(120, 9))
	otherPath := other.Path()
	other.Close()
	crashState(t, otherPath, filepath.Join(dir, "crashed.db"), true)
	journal, err := os.ReadFile(filepath.Join(dir, "crashed.db-journal"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "给乡镇.db")
	for _, stale := range []string{out + ".part-journal", out + "-journal"} {
		if err := os.WriteFile(stale, journal, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m, err := s.ExportSchools(out, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(out + "-journal"); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("a journal of no file still lies beside the export")
	}
	o, err := Open(out, OpenOptions{Settings: testSettings})
	if err != nil {
		t.Fatalf("the export does not open for editing: %v", err)
	}
	got, err := o.ExportJSON(f.Year)
	o.Close()
	if err != nil || string(got) != string(want) {
		t.Fatalf("the export does not hold the county (err %v)", err)
	}
	if _, err := os.Stat(out + ".manifest.json"); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("a manifest was written beside the export")
	}
	read, where, err := ReadManifest(out)
	if err != nil || where != filepath.Join(dir, SideFolderName, "给乡镇.db.manifest.json") {
		t.Fatalf("manifest at %q: %v", where, err)
	}
	if read.Checksum != m.Checksum || read.FileSHA256 == "" {
		t.Errorf("manifest read back = %+v", read)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".junheng-tmp-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// A file exported by an earlier version, already sent out, carries its
// manifest beside it: it is still read.
func TestReadManifestFromLegacyPlace(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "旧导出.db")
	legacy := Manifest{Office: "老县教育局", Checksum: "abc", Rows: map[string]int{"value": 3}}
	b, _ := json.Marshal(legacy)
	if err := os.WriteFile(out+".manifest.json", b, 0o644); err != nil {
		t.Fatal(err)
	}
	m, where, err := ReadManifest(out)
	if err != nil || where != out+".manifest.json" || m.Office != "老县教育局" || m.Checksum != "abc" {
		t.Fatalf("legacy manifest: %+v at %q, %v", m, where, err)
	}
	if _, _, err := ReadManifest(filepath.Join(dir, "无清单.db")); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing manifest: %v", err)
	}
}

// The GUI's 替换 after its save dialog: an export replaces a file of
// another program whole (never removing it first), and never replaces a
// data file, this one or another, even when asked.
func TestExportReplacesOnlyWhenAskedAndNeverADataFile(t *testing.T) {
	dir := t.TempDir()
	s := storeWith(t, county.Generate(6, 3))
	out := filepath.Join(dir, "旧.db")
	if err := os.WriteFile(out, []byte("not ours"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ExportSchools(out, nil); err == nil {
		t.Fatal("an export replaced a file unasked")
	}
	if _, err := s.ExportSchoolsWith(out, nil, ExportOptions{Replace: true}); err != nil {
		t.Fatalf("replacing a file of another program: %v", err)
	}
	if !IsDataFile(out) {
		t.Fatal("the replaced file is not the export")
	}
	other := storeWith(t, county.Generate(4, 5))
	for _, p := range []string{out, s.Path(), other.Path()} {
		before, _ := os.ReadFile(p)
		if _, err := s.ExportSchoolsWith(p, nil, ExportOptions{Replace: true}); err == nil {
			t.Errorf("replaced the data file %s", filepath.Base(p))
		}
		if after, _ := os.ReadFile(p); string(after) != string(before) {
			t.Errorf("the refused export changed %s", filepath.Base(p))
		}
	}
}
