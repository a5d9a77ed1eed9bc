package data

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"junheng/app/county"
)

var latinWord = regexp.MustCompile(`[A-Za-z]{4,}`)

// assertChinese fails when a message carries English beyond the file's
// own path, or does not name the file.
func assertChinese(t *testing.T, err error, path, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %q", want)
	}
	msg := err.Error()
	if !strings.Contains(msg, want) || !strings.Contains(msg, filepath.Base(path)) {
		t.Errorf("message %q lacks %q or the file name", msg, want)
	}
	rest := strings.ReplaceAll(msg, filepath.Dir(path), "")
	rest = strings.ReplaceAll(rest, filepath.Base(path)+".lock", "") // the lock note's own name
	rest = strings.ReplaceAll(rest, filepath.Base(path), "")
	if w := latinWord.FindString(rest); w != "" {
		t.Errorf("English %q in %q", w, msg)
	}
}

// holdLock takes SQLite's lock on path from another connection, as
// another office's program would: "IMMEDIATE" (a write in progress, the
// file still readable) or "EXCLUSIVE" (a commit under way). release ends it.
func holdLock(t *testing.T, path, mode string) (release func()) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ExecContext(ctx, "BEGIN "+mode); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ExecContext(ctx, "UPDATE meta SET value = 'another office' WHERE key = 'created_by'"); err != nil {
		t.Fatal(err)
	}
	return func() {
		c.ExecContext(ctx, "ROLLBACK")
		c.Close()
		db.Close()
	}
}

func shortBusyTimeout(t *testing.T) {
	old := busyTimeoutMS
	busyTimeoutMS = 300
	t.Cleanup(func() { busyTimeoutMS = old })
}

// Found: "database is locked (5) (SQLITE_BUSY)". Reading and writing a
// file another program holds waits, then says so in Chinese, and nothing
// is changed.
func TestBusyFileIsWordedAndUnchanged(t *testing.T) {
	shortBusyTimeout(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "乡镇.db")
	os.Rename(sampleFile(t, dir), path)
	want := countyJSON(t, path)
	s, err := Open(path, OpenOptions{Settings: testSettings})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	f, _ := s.LoadYear("2024-2025")

	release := holdLock(t, path, "EXCLUSIVE")
	_, err = Open(path, OpenOptions{ReadOnly: true})
	assertChinese(t, err, path, "「乡镇.db」正被另一程序使用，请关闭它后再试")
	var bad *FileError
	var access *AccessError
	if !errors.Is(err, ErrBusy) || errors.As(err, &bad) || !errors.As(err, &access) {
		t.Errorf("a busy file must be an *AccessError of kind ErrBusy, not a bad file: %#v", err)
	}
	f.County.Name = "不应保存"
	err = s.SaveCounty("2024-2025", f.County)
	assertChinese(t, err, path, "正被另一程序使用，请关闭它后再试")
	_, err = s.LoadYear("2024-2025")
	assertChinese(t, err, path, "正被另一程序使用")
	release()
	if got := countyJSON(t, path); got != want {
		t.Fatal("a refused save changed the file")
	}
}

// A reader during another office's write reads the last saved state
// (while the write is in progress) or waits (while it commits); it never
// fails as if the file were bad.
func TestReaderDuringAnotherWrite(t *testing.T) {
	dir := t.TempDir()
	path := sampleFile(t, dir)
	want := countyJSON(t, path)
	release := holdLock(t, path, "IMMEDIATE")
	if got := countyJSON(t, path); got != want {
		t.Fatal("a read during another write does not read the last saved state")
	}
	s := newStore(t, "good.db")
	if _, err := s.PlanMerge(path); err != nil {
		t.Fatalf("merge source during another write: %v", err)
	}
	release()

	release = holdLock(t, path, "EXCLUSIVE")
	go func() { time.Sleep(500 * time.Millisecond); release() }()
	start := time.Now()
	if got := countyJSON(t, path); got != want {
		t.Fatal("a read that waited for a commit read something else")
	}
	if time.Since(start) < 400*time.Millisecond {
		t.Fatal("the read did not wait for the commit")
	}
}

// Found: "no space left on device". A full disk (SQLite's SQLITE_FULL,
// here from a page limit) is worded, and the import saved nothing.
func TestDiskFullIsWordedAndSavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "乡镇.db")
	os.Rename(sampleFile(t, dir), path)
	want := countyJSON(t, path)
	s, err := Open(path, OpenOptions{Settings: testSettings})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.db.SetMaxOpenConns(1)
	if _, err := s.db.Exec("PRAGMA max_page_count = 1"); err != nil { // the current size: no page more
		t.Fatal(err)
	}
	f := county.Generate(300, 5)
	f.Year = "2024-2025"
	err = s.ImportFile(f, "大.json")
	assertChinese(t, err, path, "磁盘空间已满")
	if !errors.Is(err, ErrDiskFull) {
		t.Errorf("kind of %v", err)
	}
	s.Close()
	if got := countyJSON(t, path); got != want {
		t.Fatal("the failed import changed the file")
	}
}

// A write on a connection SQLite opened read-only (the file or folder is
// read-only) is worded.
func TestReadOnlyWriteIsWorded(t *testing.T) {
	dir := t.TempDir()
	path := sampleFile(t, dir)
	before := fileSum(t, path)
	s, err := Open(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.db.Exec("UPDATE meta SET value = 'x' WHERE key = 'file_id'")
	assertChinese(t, err, path, "只读")
	if !errors.Is(err, ErrPermission) {
		t.Errorf("kind of %v", err)
	}
	if fileSum(t, path) != before {
		t.Fatal("file changed")
	}
}

// Found: "permission denied", "no space left on device" from the system.
// As root chmod denies nothing, so the system errors are injected into the
// one translator; a missing folder is real.
func TestSystemErrorsAreWorded(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "乡镇.db")
	for errno, want := range map[syscall.Errno]string{
		syscall.EACCES: "没有权限", syscall.EPERM: "没有权限", syscall.ENOSPC: "磁盘空间已满",
		syscall.EROFS: "只读", syscall.EIO: "磁盘错误",
	} {
		err := explain(path, &fs.PathError{Op: "write", Path: path, Err: errno})
		assertChinese(t, err, path, want)
		// A Chinese context around the system error is kept.
		err = explain(path, errors.Join(errors.New("备份失败："), &fs.PathError{Op: "open", Path: path, Err: errno}))
		if !strings.Contains(err.Error(), want) || latinWord.MatchString(strings.ReplaceAll(err.Error(), dir, "")) {
			t.Errorf("wrapped: %q", err)
		}
	}
	missing := filepath.Join(dir, "没有这个文件夹", "乡镇.db")
	_, err := Create(missing, testSettings)
	assertChinese(t, err, missing, "不存在")
	// SQLite's own "unable to open database file".
	db := openSQL(missing, false)
	defer db.Close()
	assertChinese(t, db.Ping(), missing, "不存在")
}

// SQLite's messages never reach the clerk, whatever path met them: a
// corrupted page found after the open is worded too.
func TestCorruptionAfterOpenIsWorded(t *testing.T) {
	dir := t.TempDir()
	path := sampleFile(t, dir)
	s, err := Open(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, _ := os.ReadFile(path)
	for i := 2 * 4096; i < len(b); i++ {
		b[i] = 0xAA
	}
	os.WriteFile(path, b, 0o644)
	_, err = s.LoadYear("2024-2025")
	if err == nil {
		_, err = s.History(Filter{})
	}
	assertChinese(t, err, path, "损坏")
}
