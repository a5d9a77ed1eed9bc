package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"junheng/assets/demo"
	"junheng/data"
	"junheng/data/safefile"
)

// As found: eval (loadCounty) exited 2, "invalid input", when the data
// file was busy. Every reader, while another program holds the file past
// the busy wait, exits 1 with the Chinese sentence; none says 2.
func TestReadersOfABusyFileFailNotInvalid(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "乡镇.db")
	dbRun(t, "init", db)
	dbRun(t, "import-json", db, writeTemp(t, "demo.json", demo.JSON))
	year := demo.File().Year
	readers := [][]string{
		{"eval", db, "--year", year},
		{"pdf", db, "--year", year, "-o", filepath.Join(dir, "a.pdf")},
		{"proofread", db, "--year", year},
		{"export-xlsx", db, "--year", year, filepath.Join(dir, "r.xlsx")},
		{"template", filepath.Join(dir, "t.xlsx"), "--db", db, "--year", year},
		{"export-json", db, "--year", year},
		{"check", db},
		{"history", db},
		{"export", db, filepath.Join(dir, "out.db")},
	}
	release := holdWrite(t, db, "EXCLUSIVE")
	defer release()
	type result struct {
		code int
		err  string
	}
	got := make([]result, len(readers))
	var wg sync.WaitGroup
	for i, args := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, _, errOut := runCLI(args...)
			got[i] = result{code, errOut}
		}()
	}
	wg.Wait()
	for i, args := range readers {
		if got[i].code != 1 || !strings.Contains(got[i].err, "乡镇.db") || !strings.Contains(got[i].err, "正被另一程序使用") {
			t.Errorf("%v on a busy file: exit %d: %s", args[0], got[i].code, got[i].err)
		}
	}
}

// The one mapping: access failures are 1, what is wrong with the input 2.
func TestExitCodeMapping(t *testing.T) {
	dir := t.TempDir()
	_, missing := os.Stat(filepath.Join(dir, "无.json"))
	for _, c := range []struct {
		err  error
		want int
	}{
		{&data.AccessError{Kind: data.ErrDiskFull, Detail: "磁盘满"}, 1},
		{fmt.Errorf("导出失败：%w", &data.AccessError{Kind: data.ErrBusy, Detail: "忙"}), 1},
		{&data.LockedError{Path: "x.db"}, 1},
		{safefile.Explain("x.json", os.ErrPermission), 1},
		{safefile.Explain("x.json", missing), 2},
		{&data.FileError{Kind: data.ErrCorrupt, Detail: "损坏"}, 2},
		{fmt.Errorf("请用 --year 指定学年"), 2},
	} {
		if got := exitCode(c.err); got != c.want {
			t.Errorf("exitCode(%v) = %d, want %d", c.err, got, c.want)
		}
	}
}

// check of a received export names its manifest: in 备份 for new exports,
// beside the file for those of earlier versions already sent out.
func TestCheckNamesTheExportManifest(t *testing.T) {
	t.Setenv("JUNHENG_OFFICE", "督导室")
	dir := t.TempDir()
	db, out := filepath.Join(dir, "县.db"), filepath.Join(dir, "给乡镇.db")
	dbRun(t, "init", db)
	dbRun(t, "import-json", db, writeTemp(t, "demo.json", demo.JSON))
	dbRun(t, "export", db, out)
	side := data.ManifestPath(out)
	if got := dbRun(t, "check", out); !strings.Contains(got, "导出清单："+side) || !strings.Contains(got, "逐字节相同") || !strings.Contains(got, "督导室") {
		t.Fatalf("check of the export:\n%s", got)
	}
	if err := os.Rename(side, out+".manifest.json"); err != nil {
		t.Fatal(err)
	}
	if got := dbRun(t, "check", out); !strings.Contains(got, "导出清单："+out+".manifest.json") {
		t.Fatalf("check of an earlier version's export:\n%s", got)
	}
	if got := dbRun(t, "check", db); strings.Contains(got, "导出清单") {
		t.Fatalf("check of a working file mentions a manifest:\n%s", got)
	}
}
