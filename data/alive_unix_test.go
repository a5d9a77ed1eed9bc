//go:build linux

package data

import (
	"os/exec"
	"testing"
	"time"
)

// As found: a writer killed with kill -9 and not yet reaped by its parent
// still answered signal 0, so its lock note read as "open in another
// window". A zombie holds nothing: its note is stale.
func TestKilledUnreapedProcessIsNotAlive(t *testing.T) {
	cmd := exec.Command("sleep", "30")
	if err := cmd.Start(); err != nil {
		t.Skip("no sleep command:", err)
	}
	pid := cmd.Process.Pid
	if !processAlive(pid) {
		t.Fatal("a running process reads as not alive")
	}
	cmd.Process.Kill()
	deadline := time.Now().Add(5 * time.Second)
	for !zombie(pid) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if processAlive(pid) {
		t.Error("a killed, unreaped process reads as alive")
	}
	cmd.Wait()
}
