package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"junheng/app/county"
)

// crashState copies src, as it stands in the middle of a write
// transaction, to dst with its journal: what a writer killed at that
// moment leaves behind. With spill the transaction is large enough that
// SQLite has synced the journal and written to the file (a hot journal);
// without, only the journal's zeroed header exists and the file is as
// last saved.
func crashState(t *testing.T, src, dst string, spill bool) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+src+"?_pragma=cache_size(10)&_pragma=synchronous(FULL)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	c, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	stmts := []string{"BEGIN IMMEDIATE", "UPDATE meta SET value = value || '+' WHERE key = 'file_id'"}
	if spill {
		stmts = append(stmts, "UPDATE change SET new = 12345", "UPDATE entity SET updated_by = 'x'")
	}
	for _, q := range stmts {
		if _, err := c.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	for _, suffix := range []string{"", "-journal"} {
		b, err := os.ReadFile(src + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if suffix != "" && bytes.HasPrefix(b, journalMagic) != spill {
			t.Fatalf("journal header %x: not the state wanted (spill %v)", b[:8], spill)
		}
		if err := os.WriteFile(dst+suffix, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
}

// countyJSON is the whole stored county of a year, as JSON.
func countyJSON(t *testing.T, path string) string {
	t.Helper()
	s, err := Open(path, OpenOptions{Settings: testSettings, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, err := s.ExportJSON("2024-2025")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// assertRefusedUntouched opens path for editing, for reading and as a
// merge source; each must fail with kind and message, and leave the
// folder (file, journal, no lock note, no backup) exactly as it was.
func assertRefusedUntouched(t *testing.T, path string, kind error, message string) {
	t.Helper()
	dir := filepath.Dir(path)
	want := dirState(t, dir)
	good := newStore(t, "good.db")
	for _, how := range []string{"edit", "read", "merge"} {
		var err error
		switch how {
		case "edit", "read":
			var s *Store
			s, err = Open(path, OpenOptions{Settings: testSettings, ReadOnly: how == "read"})
			if err == nil {
				s.Close()
			}
		case "merge":
			_, err = good.PlanMerge(path)
		}
		if !errors.Is(err, kind) || !strings.Contains(err.Error(), message) {
			t.Errorf("%s: %v; want kind %v and %q", how, err, kind, message)
		}
		if err != nil && how != "merge" && !strings.Contains(err.Error(), "文件未被改动") {
			t.Errorf("%s: the message does not say the (unchanged) file was left alone: %v", how, err)
		}
		if got := dirState(t, dir); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("%s changed the folder:\nbefore %v\nafter  %v", how, want, got)
		}
	}
}

// Found: a zeroed journal beside a file made Open skip every check; a
// trigger then deleted every value during an import that said 已导入.
func TestZeroedJournalBesideTriggerFile(t *testing.T) {
	dir := t.TempDir()
	src := sampleFile(t, dir)
	rawExec(t, src, `CREATE TRIGGER wipe AFTER UPDATE ON value BEGIN DELETE FROM value; END`,
		`CREATE TRIGGER wipe_new AFTER INSERT ON value BEGIN DELETE FROM value; END`)
	path := filepath.Join(dir, "乡镇.db")
	crashState(t, src, path, false)
	os.Remove(src)
	assertRefusedUntouched(t, path, ErrForeignSQL, "触发器「wipe")
	// The trigger never ran: every value is still there.
	db, _ := sql.Open("sqlite", "file:"+path+"?mode=ro")
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM value").Scan(&n); err != nil || n == 0 {
		t.Fatalf("values left: %d, %v", n, err)
	}
}

// A zeroed journal left by a crash is harmless: the file reads and edits
// as usual, and the clerk's own lock note (another window of theirs, or a
// crashed program of theirs) is not held against them.
func TestZeroedJournalIsHarmless(t *testing.T) {
	dir := t.TempDir()
	src := sampleFile(t, dir)
	want := countyJSON(t, src)
	path := filepath.Join(dir, "乡镇.db")
	crashState(t, src, path, false)

	// Another window of the same clerk has it open for editing.
	mine := lockNote{Office: testSettings.Office, User: testSettings.User, Host: hostName(), PID: os.Getpid()}
	if err := takeLock(path, mine, false); err != nil {
		t.Fatal(err)
	}
	if got := countyJSON(t, path); got != want {
		t.Fatal("a zeroed journal changed what a read-only open reads")
	}
	// Editing it here again points to the clerk's own window, not to a
	// stranger, and says nothing of the journal.
	_, err := Open(path, OpenOptions{Settings: testSettings})
	var locked *LockedError
	if !errors.As(err, &locked) || !strings.Contains(err.Error(), "本机另一个均衡评估助手窗口") || strings.Contains(err.Error(), "日志") {
		t.Errorf("second editing open by the same clerk: %v", err)
	}
	// A crashed program of the same clerk left its note.
	os.Remove(lockPath(path))
	mine.PID = 1 << 30 // no such process
	if err := takeLock(path, mine, false); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, OpenOptions{Settings: testSettings})
	if err != nil {
		t.Fatalf("editing open with a zeroed journal: %v", err)
	}
	f, _ := s.LoadYear("2024-2025")
	f.County.Name = "改名县"
	if err := s.SaveCounty("2024-2025", f.County); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if got := countyJSON(t, path); !strings.Contains(got, "改名县") {
		t.Fatal("the save after a zeroed journal is not in the file")
	}
}

// Found: a hot journal that belonged to another file was rolled back onto
// a healthy file — truncated and corrupted, no copy kept — and the message
// said 文件未被改动.
func TestForeignHotJournal(t *testing.T) {
	dir := t.TempDir()
	path := sampleFile(t, dir)
	want := countyJSON(t, path)
	other, err := Create(filepath.Join(dir, "other.db"), testSettings)
	if err != nil {
		t.Fatal(err)
	}
	if err := other.ImportFile(county.Generate(120, 9), "t"); err != nil {
		t.Fatal(err)
	}
	other.Close()
	crashState(t, other.Path(), filepath.Join(dir, "crashed.db"), true)
	journal, _ := os.ReadFile(filepath.Join(dir, "crashed.db-journal"))
	if err := os.WriteFile(path+"-journal", journal, 0o644); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, path)

	// Reading never writes: file and journal stay as they are.
	for _, read := range []func() error{
		func() error { s, err := Open(path, OpenOptions{ReadOnly: true}); s.Close(); return err },
		func() error { _, err := newStore(t, "good.db").PlanMerge(path); return err },
	} {
		err := read()
		if err == nil {
			t.Fatal("read a file through another file's journal")
		}
		if !errors.Is(err, ErrJournal) || !strings.Contains(err.Error(), "日志") {
			t.Errorf("read: %v", err)
		}
		if fileSum(t, path) != before {
			t.Fatal("a read-only open changed the file")
		}
		if j, _ := os.ReadFile(path + "-journal"); !bytes.Equal(j, journal) {
			t.Fatal("a read-only open changed the journal")
		}
	}

	// Editing: SQLite rolls the journal back after copies were kept; the
	// result is not a file of ours, so the copy is put back, byte-exact.
	s, err := Open(path, OpenOptions{Settings: testSettings})
	if err == nil {
		got, _ := s.ExportJSON("2024-2025")
		s.Close()
		if string(got) != want {
			t.Fatal("opened with another file's journal applied")
		}
	} else {
		if !errors.Is(err, ErrJournal) || !strings.Contains(err.Error(), "逐字节相同") {
			t.Fatalf("edit: %v", err)
		}
		if strings.Contains(err.Error(), "文件未被改动") && fileSum(t, path) != before {
			t.Fatal("the message claims an unchanged file that changed")
		}
	}
	if fileSum(t, path) != before {
		t.Fatal("the file is not byte-identical to before")
	}
	// The copies taken before the recovery are in the one 备份 folder.
	copies, _ := filepath.Glob(filepath.Join(SideFolder(path), "sample-*-恢复前.db"))
	if len(copies) != 1 || fileSum(t, copies[0]) != before {
		t.Fatalf("copy of the file before recovery: %v", copies)
	}
	if j, _ := os.ReadFile(copies[0] + "-journal"); !bytes.Equal(j, journal) {
		t.Fatal("the journal's copy differs from the journal")
	}
	// The foreign journal no longer lies beside the file: it opens as before.
	if got := countyJSON(t, path); got != want {
		t.Fatal("the file no longer holds its county")
	}
}

// A genuine hot journal (the writer crashed after changing the file) is
// rolled back: read-only opens read the last saved state from a private
// copy without writing; an editing open recovers in place after keeping
// copies, and the file then holds the last saved state.
func TestGenuineHotJournalRecovers(t *testing.T) {
	dir := t.TempDir()
	src := sampleFile(t, dir)
	want := countyJSON(t, src)
	path := filepath.Join(dir, "乡镇.db")
	crashState(t, src, path, true)
	state := dirState(t, dir)
	if got := countyJSON(t, path); got != want {
		t.Fatal("read-only open of an interrupted file does not read the last saved state")
	}
	if got := dirState(t, dir); strings.Join(got, "\n") != strings.Join(state, "\n") {
		t.Fatal("read-only open of an interrupted file changed the folder")
	}
	s, err := Open(path, OpenOptions{Settings: testSettings})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.ExportJSON("2024-2025")
	backups, _ := s.ListBackups()
	s.Close()
	if string(got) != want {
		t.Fatal("recovered file differs from the last saved state")
	}
	if _, err := os.Stat(path + "-journal"); err == nil {
		t.Fatal("journal still there after recovery")
	}
	if len(backups) != 1 || backups[0].Reason != "恢复前" {
		t.Fatalf("backups: %+v", backups)
	}
}

// Found: a file of a newer version beside a journal was written.
func TestNewerFileBesideJournal(t *testing.T) {
	for _, spill := range []bool{false, true} {
		dir := t.TempDir()
		src := sampleFile(t, dir)
		rawExec(t, src, "PRAGMA user_version = 7")
		path := filepath.Join(dir, "新版.db")
		crashState(t, src, path, spill)
		os.Remove(src)
		assertRefusedUntouched(t, path, ErrNewer, "较新版本")
	}
}

// Found: user_version = -1 panicked. Every version out of range is refused.
func TestUserVersionOutOfRange(t *testing.T) {
	newer := strconv.Itoa(SchemaVersion + 1)
	for _, v := range []string{"-1", "-2147483648", newer} {
		dir := t.TempDir()
		path := sampleFile(t, dir)
		rawExec(t, path, "PRAGMA user_version = "+v)
		kind, msg := ErrNotOurs, "版本号无效（"+v+"）"
		if v == newer {
			kind, msg = ErrNewer, "第 "+newer+" 版"
		}
		assertRefusedUntouched(t, path, kind, msg)
	}
}

// Whatever journal lies beside a healthy file — random bytes behind a
// valid header, a real journal of another file cut short, one of this
// file's own earlier transactions — a read-only open never changes the
// file, and an editing open either keeps the county exactly as saved or
// refuses with the file back byte-exact.
func TestArbitraryJournalsNeverDamage(t *testing.T) {
	dir := t.TempDir()
	src := sampleFile(t, dir)
	want := countyJSON(t, src)
	other := filepath.Join(dir, "other.db")
	copyData(t, other, src)
	rawExec(t, other, "UPDATE value SET val = 7 WHERE field LIKE 'students.%'")
	crashState(t, other, filepath.Join(dir, "other-crash.db"), true)
	real, _ := os.ReadFile(filepath.Join(dir, "other-crash.db-journal"))
	rng := rand.New(rand.NewPCG(5, 8))
	for i := 0; i < 24; i++ {
		var j []byte
		switch i % 3 {
		case 0: // a valid header, random records
			j = make([]byte, 512+rng.IntN(40000))
			for k := range j {
				j[k] = byte(rng.UintN(256))
			}
			copy(j, real[:28])
		case 1: // a real journal cut short
			j = append([]byte(nil), real[:28+rng.IntN(len(real)-28)]...)
		case 2: // a real journal with bytes flipped
			j = append([]byte(nil), real...)
			for k := 0; k < 1+rng.IntN(50); k++ {
				j[28+rng.IntN(len(j)-28)] ^= byte(1 + rng.UintN(255))
			}
		}
		run := filepath.Join(dir, fmt.Sprint(i))
		os.Mkdir(run, 0o755)
		path := filepath.Join(run, "县.db")
		copyData(t, path, src)
		os.WriteFile(path+"-journal", j, 0o644)
		before := fileSum(t, path)
		if s, err := Open(path, OpenOptions{ReadOnly: true}); err == nil {
			s.Close()
		}
		if fileSum(t, path) != before {
			t.Fatalf("journal %d: a read-only open changed the file", i)
		}
		s, err := Open(path, OpenOptions{Settings: testSettings})
		if err == nil {
			got, _ := s.ExportJSON("2024-2025")
			s.Close()
			if string(got) != want {
				t.Fatalf("journal %d: opened with a changed county", i)
			}
			continue
		}
		if fileSum(t, path) != before {
			t.Fatalf("journal %d: refused (%v) but the file changed", i, err)
		}
		if !strings.Contains(err.Error(), "逐字节相同") && !strings.Contains(err.Error(), "文件未被改动") {
			t.Errorf("journal %d: the message does not say the file is as before: %v", i, err)
		}
	}
}
