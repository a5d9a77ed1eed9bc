package data

import (
	"encoding/json"
	"os"
	"os/exec"
	"testing"
	"time"
)

// Found by killing an import with kill -9: the writer's lock note stayed,
// and `check` then said the file was being edited by the clerk's own
// account. A note whose process on this computer is gone holds nothing;
// one from another computer is still named.
func TestNoteOfAKilledWriterNamesNoOne(t *testing.T) {
	path := sampleFile(t, t.TempDir())
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip("no true(1) to get a finished process id")
	}
	write := func(host string) {
		b, _ := json.Marshal(lockNote{User: testSettings.User, Host: host, PID: dead.Process.Pid, Since: time.Now().UTC()})
		if err := os.WriteFile(lockPath(path), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(hostName())
	s, err := Open(path, OpenOptions{Settings: testSettings, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if h := s.HeldBy(); h != "" {
		t.Errorf("a killed writer's note is reported as held: %s", h)
	}
	s.Close()

	write("另一台计算机")
	s, err = Open(path, OpenOptions{Settings: testSettings, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.HeldBy() == "" {
		t.Error("another computer's note is no longer named")
	}
}
