package main

import (
	"os"
	"strings"
	"testing"

	"junheng/assets/demo"
)

// Issue 21 §5, as found: JUNHENG_OFFICE/JUNHENG_USER accepted escape
// sequences, U+202E, blanks only and 30,000 characters, stored them in the
// audit trail and `history` printed them raw. They are refused where they
// enter, by every command, with exit 2 and nothing written.
func TestOfficeAndUserAreValidatedWhereTheyEnter(t *testing.T) {
	db, _ := attachDB(t)
	in := writeTemp(t, "demo.json", demo.JSON)
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ env, value, want string }{
		{"JUNHENG_USER", "\x1b[2J王五", "<U+001B>"},
		{"JUNHENG_USER", "王\u202e五", "<U+202E>"},
		{"JUNHENG_OFFICE", "   ", "只有空白"},
		{"JUNHENG_OFFICE", strings.Repeat("局", 30000), "超过上限"},
	} {
		t.Setenv(c.env, c.value)
		for _, args := range [][]string{{"import-json", db, in}, {"history", db}, {"check", db}} {
			code, out, errOut := runCLI(args...)
			if code != exitInvalid || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, c.env) || strings.ContainsAny(out+errOut, "\x1b\u202e") {
				t.Errorf("%s=%q %s: exit %d\n%s%s", c.env, c.value[:min(len(c.value), 20)], args[0], code, out, errOut[:min(len(errOut), 300)])
			}
		}
		t.Setenv(c.env, "督导室")
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Error("a refused name was written")
	}
}

// Issue 21 §5, as found: `attach --caption` echoed escape sequences in its
// refusal.
func TestAttachEchoesHostileTextSafely(t *testing.T) {
	db, year := attachDB(t)
	photo := writeTemp(t, "照片.jpg", photoJPEG(t, 40, 30))
	for _, flag := range []string{"--caption", "--title"} {
		code, out, errOut := runCLI("attach", db, "--year", year, "--item", "G8", photo, flag, "x\x1b[31m红\u202e")
		if code != exitInvalid || strings.ContainsAny(out+errOut, "\x1b\u202e") || !strings.Contains(errOut, "<U+001B>") {
			t.Errorf("attach %s with escapes: exit %d %q", flag, code, out+errOut)
		}
	}
}
