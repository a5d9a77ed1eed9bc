package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"junheng/assets/demo"
)

func init() {
	for _, w := range []string{"force", "takeover", "accept", "magnitude"} { // flags added by issue 21
		allowedWords[w] = true
	}
}

// Issue 21 §1, as found: `pdf 义马.db -o 义马.db` answered 「已生成」 and the
// county's data file was a PDF; -o onto another office's .db, onto the
// input JSON and `archive -o` onto the data file did the same. Every
// command writing at a name the clerk gives: the input, a data file (under
// any extension), a data file's journal or lock note are never replaced,
// not even with --force; any other existing file only with --force.
func TestNoOutputDestroysAFile(t *testing.T) {
	db, year := attachDB(t)
	dir := t.TempDir()
	input := writeTemp(t, "义马.json", demo.JSON)
	other := filepath.Join(dir, "乡镇.db")
	dbRun(t, "init", other)
	otherXLSX := filepath.Join(dir, "乡镇.xlsx") // a data file under another extension
	dbRun(t, "init", otherXLSX)
	journal := filepath.Join(dir, "日志.xlsx") // a journal under another name
	if err := os.WriteFile(journal, append([]byte{0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7}, make([]byte, 504)...), 0o644); err != nil {
		t.Fatal(err)
	}

	school := demo.File().Schools[1]
	dbRun(t, "attach", db, "--year", year, "--item", "G3", "--school", school.ID, writeTemp(t, "音乐教室.jpg", photoJPEG(t, 80, 60)))

	type writer struct {
		name  string
		args  func(out string) []string
		input string // the file it reads
	}
	writers := []writer{
		{"pdf", func(out string) []string { return []string{"pdf", db, "--year", year, "-o", out} }, db},
		{"pdf from JSON", func(out string) []string { return []string{"pdf", input, "-o", out} }, input},
		{"archive", func(out string) []string { return []string{"archive", db, "--year", year, "-o", out} }, db},
		{"template", func(out string) []string { return []string{"template", out, "--db", db} }, db},
		{"export-xlsx", func(out string) []string { return []string{"export-xlsx", db, "--year", year, out} }, db},
		{"export-xlsx from JSON", func(out string) []string { return []string{"export-xlsx", input, out} }, input},
		{"export", func(out string) []string { return []string{"export", db, out} }, db},
	}
	for _, w := range writers {
		protected := []string{w.input, db, db + "-journal", db + ".lock", other, other + "-journal", otherXLSX, journal}
		for _, target := range protected {
			for _, force := range []bool{false, true} {
				if force && w.name == "export" {
					continue // export has no --force: it never replaces anything
				}
				args := w.args(target)
				if force {
					args = append(args, "--force")
				}
				before, existed := os.ReadFile(target)
				code, out, errOut := runCLI(args...)
				after, exists := os.ReadFile(target)
				if code != exitInvalid {
					t.Errorf("%s -o %s (force %v): exit %d, want %d\n%s%s", w.name, filepath.Base(target), force, code, exitInvalid, out, errOut)
				}
				if (existed == nil) != (exists == nil) || string(before) != string(after) {
					t.Errorf("%s -o %s (force %v): the file was replaced or created", w.name, filepath.Base(target), force)
				}
				if !strings.Contains(errOut, filepath.Base(target)+"」") {
					t.Errorf("%s -o %s: the refusal does not name the file: %s", w.name, filepath.Base(target), errOut)
				}
			}
		}
	}

	// An ordinary existing file: refused without --force, replaced with it.
	for _, w := range writers {
		if w.name == "export" {
			continue // an export is a data file: it never replaces anything
		}
		ext := ".pdf"
		switch {
		case strings.HasPrefix(w.name, "archive"):
			ext = ".zip"
		case strings.HasPrefix(w.name, "template"), strings.HasPrefix(w.name, "export-xlsx"):
			ext = ".xlsx"
		}
		target := filepath.Join(dir, "旧"+strings.ReplaceAll(w.name, " ", "")+ext)
		if err := os.WriteFile(target, []byte("旧内容"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, errOut := runCLI(w.args(target)...)
		if b, _ := os.ReadFile(target); code != exitInvalid || string(b) != "旧内容" || !strings.Contains(errOut, "--force") {
			t.Errorf("%s onto an existing file without --force: exit %d, %s", w.name, code, errOut)
		}
		code, _, errOut = runCLI(append(w.args(target), "--force")...)
		if b, _ := os.ReadFile(target); code != 0 || string(b) == "旧内容" {
			t.Errorf("%s onto an existing file with --force: exit %d, not replaced: %s", w.name, code, errOut)
		}
	}
}

// Issue 21 §3, as found: the same fault got exit 1 at one command and 2 at
// another (init onto an existing file: 1; export onto one: 2). Every
// refusal of the clerk's input is 2, whatever the command.
func TestRefusedInputIsExit2Everywhere(t *testing.T) {
	db, _ := attachDB(t)
	if code, _, errOut := runCLI("init", db); code != exitInvalid || !strings.Contains(errOut, "已存在") {
		t.Errorf("init onto an existing file: exit %d %s", code, errOut)
	}
	if code, out, _ := runCLI("import-json", db, writeTemp(t, "demo.json", demo.JSON), "--replace"); code != exitInvalid || !strings.Contains(out, "--yes") {
		t.Errorf("import-json --replace without --yes: exit %d %s", code, out)
	}
}
