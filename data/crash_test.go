package data

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"junheng/app/county"
)

const crashEnv = "JUNHENG_CRASH_WRITER_DB"

// TestCrashWriterChild is the child process of TestKilledWriterLeavesLastCommit:
// it imports one large school year after another into the file and prints
// the year after each commit, until it is killed.
func TestCrashWriterChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("child process of TestKilledWriterLeavesLastCommit")
	}
	s, err := Open(path, OpenOptions{Settings: Settings{Office: "崩溃测试", User: "子进程"}})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	for i := 0; ; i++ {
		f := county.Generate(1000, int64(i))
		f.Year = fmt.Sprintf("%d-%d", 2001+i, 2002+i)
		if err := s.ImportFile(f, "crash test"); err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
		fmt.Println("committed", f.Year)
	}
}

// A writer killed in the middle of a large transaction leaves a file that
// opens, passes the integrity check and holds exactly the committed years.
func TestKilledWriterLeavesLastCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child process for seconds")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	s, err := Create(path, testSettings)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashWriterChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var committed []string
	deadline := time.After(60 * time.Second)
	for len(committed) < 2 {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("child ended early after %v", committed)
			}
			if y, ok := strings.CutPrefix(l, "committed "); ok {
				committed = append(committed, y)
			} else if strings.HasPrefix(l, "error") {
				t.Fatal(l)
			}
		case <-deadline:
			cmd.Process.Kill()
			t.Fatal("child too slow")
		}
	}
	// Kill it while a transaction is open: its journal is on disk.
	journal := path + "-journal"
	for start := time.Now(); ; time.Sleep(time.Millisecond) {
		if st, err := os.Stat(journal); err == nil && st.Size() > 0 {
			time.Sleep(20 * time.Millisecond) // let it write pages into the file
			break
		}
		if time.Since(start) > 30*time.Second {
			cmd.Process.Kill()
			t.Fatal("no write in progress seen")
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	for l := range lines { // a commit may have completed before the kill
		if y, ok := strings.CutPrefix(l, "committed "); ok {
			committed = append(committed, y)
		}
	}
	if _, err := os.Stat(journal); err != nil {
		t.Fatalf("killed mid-write but no hot journal left (%v): the test did not kill a transaction", err)
	}

	// Read-only cannot roll the journal back: it says so and touches nothing.
	sum := fileSum(t, path)
	if _, err := Open(path, OpenOptions{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "意外中断") {
		t.Errorf("read-only open of an interrupted file: %v", err)
	}
	if fileSum(t, path) != sum {
		t.Fatal("read-only open changed the interrupted file")
	}
	// The lock note of the dead process is stale; Open rolls the journal back
	// and runs the integrity check.
	s, err = Open(path, OpenOptions{Settings: testSettings})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	years, err := s.Years()
	if err != nil {
		t.Fatal(err)
	}
	// The year whose commit was interrupted is absent; the one in flight
	// when the child printed its last line may have committed just before.
	if len(years) != len(committed) && len(years) != len(committed)+1 {
		t.Fatalf("years in file %v, committed %v", years, committed)
	}
	for i, y := range committed {
		if years[i] != y {
			t.Fatalf("years in file %v, committed %v", years, committed)
		}
	}
	for _, y := range years {
		f, err := s.LoadYear(y)
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Schools) != 1000 {
			t.Fatalf("%s holds %d schools: a half-written year", y, len(f.Schools))
		}
		if ps := county.Validate(f); len(ps) > 0 {
			t.Fatalf("%s: %v", y, ps)
		}
	}
	var ok string
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q, %v", ok, err)
	}
}
