package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestWriteReplacesOnlyWhenComplete(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "结果.pdf")
	if err := WriteBytes(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	// A write that fails half-way leaves the old bytes and no temporary file.
	err := Write(path, func(w io.Writer) error {
		w.Write([]byte("half of the new"))
		return errors.New("boom")
	})
	if err == nil {
		t.Fatal("a failed write reported success")
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Fatalf("old file changed by a failed write: %q", got)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*")); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
	if err := WriteBytes(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if string(got) != "new" || st.Mode().Perm() != Perm {
		t.Fatalf("after write: %q mode %v", got, st.Mode().Perm())
	}
}

func TestCopyFileIsByteExact(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "a.db"), filepath.Join(dir, "备份", "a.db")
	os.Mkdir(filepath.Dir(dst), 0o755)
	body := strings.Repeat("县域义务教育", 50000)
	os.WriteFile(src, []byte(body), 0o600)
	if err := CopyFile(dst, src); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(dst); string(got) != body {
		t.Fatal("copy differs from its source")
	}
	err := CopyFile(dst, filepath.Join(dir, "missing.db"))
	if err == nil || !strings.Contains(err.Error(), "missing.db") {
		t.Fatalf("missing source not named: %v", err)
	}
}

func TestMessagesAreChineseAndNameTheFile(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]error{
		"磁盘空间已满": &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC},
		"只读":     &os.PathError{Op: "open", Path: "x", Err: syscall.EROFS},
		"没有权限":   &os.PathError{Op: "open", Path: "x", Err: syscall.EACCES},
	}
	for want, sysErr := range cases {
		msg := Explain(filepath.Join(dir, "乡镇.db"), sysErr).Error()
		if !strings.Contains(msg, want) || !strings.Contains(msg, "「乡镇.db」") {
			t.Errorf("%v → %q", sysErr, msg)
		}
		for _, en := range []string{"permission denied", "no space", "read-only file system"} {
			if strings.Contains(msg, en) {
				t.Errorf("English in %q", msg)
			}
		}
	}
	msg := Explain(filepath.Join(dir, "没有", "x.pdf"), &os.PathError{Op: "open", Err: syscall.ENOENT}).Error()
	if !strings.Contains(msg, "不存在") {
		t.Errorf("missing folder: %q", msg)
	}
}

func TestWriteIntoMissingFolderIsWorded(t *testing.T) {
	err := WriteBytes(filepath.Join(t.TempDir(), "无此文件夹", "a.xlsx"), []byte("x"))
	var se *Error
	if !errors.As(err, &se) || !strings.Contains(err.Error(), "不存在") {
		t.Fatalf("got %v", err)
	}
}

func TestCleanupRemovesOnlyStaleTemporaries(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, tempPrefix+"123.pdf"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "keep.pdf"), nil, 0o644)
	if n := Cleanup(dir); n != 1 {
		t.Fatalf("removed %d", n)
	}
	if _, err := os.Stat(filepath.Join(dir, "keep.pdf")); err != nil {
		t.Fatal("removed a file that is not ours")
	}
}

// A producer that writes by name gets a fresh, empty temporary file with
// nothing beside it; a failure leaves the target and no temporary, a
// success the target with 0644.
func TestWriteNamedBuildsInAFreshTemporary(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "导出.db")
	if err := WriteBytes(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("producer failed")
	err := WriteNamed(path, func(tmp string) error {
		if filepath.Dir(tmp) != dir {
			t.Errorf("temporary %s not in the target's folder", tmp)
		}
		if st, err := os.Stat(tmp); err != nil || st.Size() != 0 {
			t.Errorf("temporary is not an empty file: %v", err)
		}
		if _, err := os.Stat(tmp + "-journal"); !errors.Is(err, os.ErrNotExist) {
			t.Error("a journal lies beside the temporary")
		}
		os.WriteFile(tmp, []byte("half"), 0o600)
		os.WriteFile(tmp+"-journal", []byte("j"), 0o600)
		return boom
	})
	if err != boom {
		t.Fatalf("the producer's error is not returned as it is: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Fatalf("a failed build changed the target: %q", got)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*")); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
	if err := WriteNamed(path, func(tmp string) error { return os.WriteFile(tmp, []byte("new"), 0o600) }); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if string(got) != "new" || st.Mode().Perm() != Perm {
		t.Fatalf("after WriteNamed: %q mode %v", got, st.Mode().Perm())
	}
}
