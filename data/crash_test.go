package data

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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
	years, err := s.Years()
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	for i := len(years); ; i++ { // a restarted child continues after the years already there
		f := county.Generate(1000, int64(i))
		f.Year = fmt.Sprintf("%d-%d", 2001+i, 2002+i)
		fmt.Println("begin", f.Year)
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

	// The kill may land between two transactions (the journal is gone by
	// the time the signal arrives); then the child is started again.
	var committed []string
	var interrupted string
	journal := path + "-journal"
	for attempt := 0; ; attempt++ {
		if attempt == 5 {
			t.Fatal("could not kill the writer inside a transaction in 5 attempts")
		}
		more, last, hot := killWriterMidTransaction(t, path)
		committed = append(committed, more...)
		if hot {
			interrupted = last // the journal lives only inside the last transaction begun
			break
		}
	}
	if _, err := os.Stat(journal); err != nil {
		t.Fatalf("no hot journal: %v", err)
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
	// Every printed commit is there; the interrupted year is not.
	for _, y := range committed {
		if !slices.Contains(years, y) {
			t.Fatalf("committed year %s lost; file holds %v", y, years)
		}
	}
	if slices.Contains(years, interrupted) {
		t.Fatalf("the year interrupted mid-write (%s) is in the file", interrupted)
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

// killWriterMidTransaction runs the child writer, waits for two commits,
// kills it while its journal is on disk and reports the years it printed
// as committed, the last year it began and whether a hot journal was left.
func killWriterMidTransaction(t *testing.T, path string) (committed []string, lastBegun string, hot bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashWriterChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	record := func(l string) {
		if y, ok := strings.CutPrefix(l, "committed "); ok {
			committed = append(committed, y)
		} else if y, ok := strings.CutPrefix(l, "begin "); ok {
			lastBegun = y
		} else if strings.HasPrefix(l, "error") {
			t.Fatal(l)
		}
	}
	deadline := time.After(120 * time.Second)
	for n := 0; n < 2; {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("child ended early after %v", committed)
			}
			record(l)
			if strings.HasPrefix(l, "committed ") {
				n++
			}
		case <-deadline:
			t.Fatal("child too slow")
		}
	}
	journal := path + "-journal"
	for start := time.Now(); ; time.Sleep(time.Millisecond) {
		if st, err := os.Stat(journal); err == nil && st.Size() > 0 {
			break
		}
		if time.Since(start) > 60*time.Second {
			t.Fatal("no write in progress seen")
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	for l := range lines { // a commit may have completed before the kill
		record(l)
	}
	_, err = os.Stat(journal)
	return committed, lastBegun, err == nil
}
