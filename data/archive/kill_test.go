package archive

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"junheng/data/safefile"
)

// TestKilledExportLeavesNoHalfZip kills an export half-way (kill -9, as
// when the computer is switched off): the archive sent earlier is still
// there byte for byte, no half zip has its name, and the temporary file
// left behind is one safefile.Cleanup removes.
func TestKilledExportLeavesNoHalfZip(t *testing.T) {
	if out := os.Getenv("ARCHIVE_KILL_OUT"); out != "" {
		src := demoSource(t)
		src.onRead = func(n int64) {
			if n == 20 {
				os.WriteFile(os.Getenv("ARCHIVE_KILL_MARK"), nil, 0o644)
				select {} // killed here
			}
		}
		Export(src, src.year, out, Options{})
		t.Fatal("export went on past the kill point")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "迎检档案.zip")
	old := []byte("the archive sent last week")
	if err := os.WriteFile(out, old, 0o644); err != nil {
		t.Fatal(err)
	}
	mark := filepath.Join(t.TempDir(), "half-way")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledExportLeavesNoHalfZip$", "-test.count=1")
	cmd.Env = append(os.Environ(), "ARCHIVE_KILL_OUT="+out, "ARCHIVE_KILL_MARK="+mark)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, err := os.Stat(mark); err == nil {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("the export never reached its 20th file:\n%s", stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if b, err := os.ReadFile(out); err != nil || !bytes.Equal(b, old) {
		t.Fatalf("after the kill %s holds %d bytes (%v), want the old archive", out, len(b), err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) > 2 {
		t.Errorf("%d files beside the archive after one killed export", len(ents)-1)
	}
	safefile.Cleanup(dir)
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("Cleanup left %d files", len(ents))
	}
}
