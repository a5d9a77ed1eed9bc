//go:build unix

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"junheng/app/county"
	"junheng/assets/demo"
	"junheng/data"
)

// withStdin runs f with os.Stdin reading the file at path.
func withStdin(t *testing.T, path string, f func()) {
	t.Helper()
	in, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	old := os.Stdin
	os.Stdin = in
	defer func() { os.Stdin = old }()
	f()
}

// within fails the test if f does not return in time: a reader that never
// ends (a FIFO, /dev/zero) must be refused, not waited for.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("%s never returned", what)
	}
}

// Issue 21 §3, as found: the 128 MB / 30,000-school limits guarded
// import-json alone; eval read 200,000 schools and eval and pdf read a
// 600 MB file (from stdin too); check on a FIFO or /dev/zero never
// returned. Every command reading a county JSON, from a file or stdin:
// the same refusal, exit 2, without reading past the limit; a pipe or
// device is refused at once.
func TestEveryJSONReaderIsBounded(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "义马.db")
	dbRun(t, "init", db)

	huge := filepath.Join(dir, "省.json") // 600 MB, sparse: no disk, checked by size
	if err := os.WriteFile(huge, nil, 0o644); err != nil || os.Truncate(huge, 600<<20) != nil {
		t.Fatal(err)
	}
	f := demo.File()
	f.County.Rectification = nil // entries for the demo's schools, not these
	ten := 10
	school := county.School{Type: "小学", Students: county.Students{Primary: &ten}}
	f.Schools = make([]county.School, data.MaxSchools+1)
	for i := range f.Schools {
		f.Schools[i] = school
		f.Schools[i].ID = fmt.Sprintf("41%08d", i)
		f.Schools[i].Name = fmt.Sprintf("第%d小学", i)
	}
	many := writeTemp(t, "多校.json", dbEncode(t, f))
	fifo := filepath.Join(dir, "管道.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}

	readers := map[string]func(in string) []string{
		"eval":        func(in string) []string { return []string{"eval", in} },
		"pdf":         func(in string) []string { return []string{"pdf", in, "-o", filepath.Join(dir, "材料.pdf")} },
		"import-json": func(in string) []string { return []string{"import-json", db, in} },
		"export-xlsx": func(in string) []string { return []string{"export-xlsx", in, filepath.Join(dir, "结果.xlsx")} },
	}
	inputs := []struct {
		path, want string
	}{
		{huge, "超过县域数据文件的上限"},
		{many, "超过一个学年的上限"},
		{fifo, "不是普通文件"},
	}
	for name, args := range readers {
		for _, in := range inputs {
			within(t, name+" "+filepath.Base(in.path), func() {
				code, _, errOut := runCLI(args(in.path)...)
				if code != exitInvalid || !strings.Contains(errOut, in.want) || !strings.Contains(errOut, filepath.Base(in.path)) {
					t.Errorf("%s %s: exit %d, %s", name, filepath.Base(in.path), code, errOut)
				}
			})
		}
		if name == "export-xlsx" {
			continue // its input is named; - is not a .json name
		}
		for _, in := range inputs[:2] {
			withStdin(t, in.path, func() {
				code, _, errOut := runCLI(args("-")...)
				if code != exitInvalid || !strings.Contains(errOut, in.want) {
					t.Errorf("%s - < %s: exit %d, %s", name, filepath.Base(in.path), code, errOut)
				}
			})
		}
	}
	for _, special := range []string{filepath.Join(dir, "管道.db"), "/dev/zero"} {
		if special != "/dev/zero" {
			if err := syscall.Mkfifo(special, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for _, cmd := range [][]string{{"check", special}, {"history", special}, {"merge", db, special}, {"eval", special, "--year", "2020-2021"}} {
			within(t, strings.Join(cmd, " "), func() {
				if code, _, errOut := runCLI(cmd...); code != exitInvalid || !strings.Contains(errOut, "不是普通文件") {
					t.Errorf("%s: exit %d, %s", strings.Join(cmd, " "), code, errOut)
				}
			})
		}
	}
}
