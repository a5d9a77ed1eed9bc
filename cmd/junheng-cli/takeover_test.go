package main

import (
	"os"
	"strings"
	"testing"

	"junheng/assets/demo"
)

// Issue 21 §8, as found: the lock message offered 「接管编辑」, which the
// command line had no way to do. Every command editing a file takes
// --takeover, says so when refused, and names whose lock it took over —
// safely, for the note is a file anyone may write.
func TestTakeoverOfALockOnTheCommandLine(t *testing.T) {
	db, year := attachDB(t)
	in := writeTemp(t, "demo.json", demo.JSON)
	note := `{"office":"千秋镇","user":"李四\u001b[2J","host":"另一台电脑","pid":1,"since":"2026-01-02T03:04:05Z"}`
	for _, args := range [][]string{
		{"import-json", db, in},
		{"attach", db, "--year", year, "--item", "G8", writeTemp(t, "测算.png", photoJPEG(t, 40, 30))},
	} {
		if err := os.WriteFile(db+".lock", []byte(note), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, errOut := runCLI(args...)
		if code != exitFailed || !strings.Contains(errOut, "--takeover") || strings.Contains(errOut, "可选择") || strings.Contains(errOut, "\x1b") {
			t.Errorf("%s on a locked file: exit %d %q", args[0], code, errOut)
		}
		code, _, errOut = runCLI(append(args, "--takeover")...)
		if code != 0 || !containsAll(errOut, "已接管", "千秋镇", "李四<U+001B>[2J", "另一台电脑") {
			t.Errorf("%s --takeover: exit %d %q", args[0], code, errOut)
		}
	}
}
