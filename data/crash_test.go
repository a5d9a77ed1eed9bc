package data

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"junheng/app/county"
)

const crashEnv = "JUNHENG_CRASH_CHILD" // "import|merge" \x1f data file \x1f source \x1f "spill|cache"

// TestCrashWriterChild is the child process of TestKilledWriterLeavesOldOrNew:
// it opens the data file, prints "ready", runs one import or merge and
// prints "done" — unless it is killed first.
func TestCrashWriterChild(t *testing.T) {
	env := os.Getenv(crashEnv)
	if env == "" {
		t.Skip("child process of TestKilledWriterLeavesOldOrNew")
	}
	args := strings.Split(env, "\x1f")
	op, path, source, spill := args[0], args[1], args[2], args[3] == "spill"
	fail := func(err error) {
		fmt.Println("error", err)
		os.Exit(3)
	}
	s, err := Open(path, OpenOptions{Settings: Settings{Office: "崩溃测试", User: "子进程"}})
	if err != nil {
		fail(err)
	}
	if spill {
		// A small page cache makes SQLite write to the file long before the
		// commit: most kills then leave a hot journal to roll back.
		s.db.SetMaxOpenConns(1)
		if _, err := s.db.Exec("PRAGMA cache_size = 20"); err != nil {
			fail(err)
		}
	}
	switch op {
	case "import":
		b, err := os.ReadFile(source)
		if err != nil {
			fail(err)
		}
		fmt.Println("ready")
		if _, err := s.ImportJSON(b); err != nil {
			fail(err)
		}
	case "merge":
		plan, err := s.PlanMerge(source)
		if err != nil {
			fail(err)
		}
		take := make([]bool, len(plan.Conflicts))
		for i := range take {
			take[i] = true
		}
		fmt.Println("ready")
		if err := s.ApplyMerge(plan, take); err != nil {
			fail(err)
		}
	}
	fmt.Println("done")
	s.Close()
	os.Exit(0)
}

// crashRun runs the child on path and kills it (SIGKILL) after delay from
// its "ready"; delay < 0 lets it finish. It returns whether the child
// reported the operation done, and how long the operation ran until then.
func crashRun(t *testing.T, op, path, source string, spill bool, delay time.Duration) (done bool, took time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashWriterChild$", "-test.count=1")
	mode := "cache"
	if spill {
		mode = "spill"
	}
	cmd.Env = append(os.Environ(), crashEnv+"="+op+"\x1f"+path+"\x1f"+source+"\x1f"+mode)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := make(chan string, 8)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var start time.Time
	var kill <-chan time.Time
	timeout := time.After(60 * time.Second)
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				cmd.Wait()
				return done, took
			}
			switch {
			case l == "ready":
				start = time.Now()
				if delay >= 0 {
					kill = time.After(delay)
				}
			case l == "done":
				done, took = true, time.Since(start)
			case strings.HasPrefix(l, "error"):
				t.Fatalf("child: %s", l)
			}
		case <-kill:
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			kill = nil
		case <-timeout:
			t.Fatal("child too slow")
		}
	}
}

// checkAfterCrash is what the clerk's next steps do with the file a killed
// writer left: `check` (a read-only open, every year loaded and
// validated), then an editing open. Both see the old state or the new —
// the same one —, the read-only open changes no byte, and the file then
// passes the integrity check with no journal left beside it.
func checkAfterCrash(t *testing.T, path string, states map[string]string) string {
	t.Helper()
	before := dirState(t, filepath.Dir(path))
	s, err := Open(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatalf("check after the kill: %v", err)
	}
	read := storeState(t, s)
	s.Close()
	if _, ok := states[read]; !ok {
		t.Fatal("after the kill the file holds neither the old state nor the new")
	}
	if got := dirState(t, filepath.Dir(path)); strings.Join(got, "\n") != strings.Join(before, "\n") {
		t.Fatal("the read-only check changed the folder")
	}
	s, err = Open(path, OpenOptions{Settings: testSettings})
	if err != nil {
		t.Fatalf("editing open after the kill: %v", err)
	}
	defer s.Close()
	if got := storeState(t, s); got != read {
		t.Fatalf("editing open sees %s, the check saw %s", states[got], states[read])
	}
	var ok string
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q, %v", ok, err)
	}
	if _, err := os.Stat(path + "-journal"); err == nil {
		if _, err := inspect(path); err != nil {
			t.Fatalf("a journal left beside the file makes it unreadable: %v", err)
		}
	}
	return states[read]
}

// storeState is every year of the store as JSON, each validated.
func storeState(t *testing.T, s *Store) string {
	t.Helper()
	years, err := s.Years()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, y := range years {
		f, err := s.LoadYear(y)
		if err != nil {
			t.Fatal(err)
		}
		if ps := county.Validate(f); len(ps) > 0 {
			t.Fatalf("%s: %v", y, ps)
		}
		j, err := county.Encode(f)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(j)
	}
	return b.String()
}

func copyData(t *testing.T, dst, src string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// The writer killed with SIGKILL at random points of an import and of a
// merge, 20 times each: every time the file holds the old state or the
// new, passes the check, and no journal left beside it makes it
// unreadable.
func TestKilledWriterLeavesOldOrNew(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 40 child processes")
	}
	const schools, kills = 200, 20
	dir := t.TempDir()
	base := filepath.Join(dir, "base.db")
	s, err := Create(base, testSettings)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ImportFile(county.Generate(schools, 1), "t"); err != nil {
		t.Fatal(err)
	}
	// The other office's file: an export of ours, every school edited there.
	other := filepath.Join(dir, "乡镇.db")
	if _, err := s.ExportSchools(other, nil); err != nil {
		t.Fatal(err)
	}
	old := storeState(t, s)
	s.Close()
	o, err := Open(other, OpenOptions{Settings: Settings{Office: "城关镇中心校", User: "李四"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := o.ImportFile(county.Generate(schools, 3), "乡镇"); err != nil {
		t.Fatal(err)
	}
	o.Close()
	source := filepath.Join(dir, "新数据.json")
	if err := os.WriteFile(source, mustEncode(t, county.Generate(schools, 2)), 0o644); err != nil {
		t.Fatal(err)
	}
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 11))
	t.Logf("seed %d", seed)
	for _, op := range []struct{ name, source string }{{"import", source}, {"merge", other}} {
		// The new state and the operation's duration, from one run that finishes.
		ref := filepath.Join(dir, op.name+"-ref.db")
		copyData(t, ref, base)
		copyData(t, ref+"-spill", base)
		done, took := crashRun(t, op.name, ref, op.source, false, -1)
		_, tookSpilling := crashRun(t, op.name, ref+"-spill", op.source, true, -1)
		if !done {
			t.Fatal("the reference run did not finish")
		}
		r, err := Open(ref, OpenOptions{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		states := map[string]string{old: "old", storeState(t, r): "new"}
		r.Close()
		if len(states) != 2 {
			t.Fatalf("%s changes nothing", op.name)
		}
		seen := map[string]int{}
		for i := 0; i < kills; i++ {
			run := filepath.Join(dir, fmt.Sprintf("%s-%02d", op.name, i))
			if err := os.Mkdir(run, 0o755); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(run, "县.db")
			copyData(t, path, base)
			// Anywhere in the operation, more often near its end, where the
			// commit writes the file and the journal is hot.
			// Every other run spills the cache (hot journals).
			spill, d := i%2 == 1, took
			if spill {
				d = tookSpilling
			}
			delay := time.Duration(float64(d) * (0.3 + 0.9*rng.Float64()))
			done, _ := crashRun(t, op.name, path, op.source, spill, delay)
			journal := "no journal"
			if j, err := os.ReadFile(path + "-journal"); err == nil {
				journal = "zeroed journal"
				if bytes.HasPrefix(j, journalMagic) {
					journal = "hot journal"
				}
			}
			state := checkAfterCrash(t, path, states)
			if done && state != "new" {
				t.Fatalf("%s reported done, the file holds the %s state", op.name, state)
			}
			seen[state+", "+journal]++
			os.RemoveAll(run)
		}
		t.Logf("%s (%v, spilling %v): %v", op.name, took.Round(time.Millisecond), tookSpilling.Round(time.Millisecond), seen)
	}
}
