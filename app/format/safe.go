package format

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Safe returns untrusted text (names and ids from files, captions, office
// and user names) fit to print on a terminal, in a list or a history line:
// control, escape, format (bidi overrides, zero-width) and unassigned
// characters are shown as <U+XXXX>, so nothing read from a file can move
// the cursor, clear the screen, retitle the window or reverse a line.
func Safe(s string) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			fmt.Fprintf(&b, "<U+%04X>", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// unsafeRune: C0/C1 controls (ESC included), format characters (Cf: bidi
// embeddings and overrides, zero-width joiners…), line and paragraph
// separators, the replacement character of invalid UTF-8, and
// unassigned or private-use code points.
func unsafeRune(r rune) bool {
	switch {
	case r == utf8.RuneError:
		return true
	case unicode.IsControl(r), unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp, unicode.Co, unicode.Cs):
		return true
	case r > unicode.MaxRune:
		return true
	}
	return !unicode.IsPrint(r) && r != ' ' && r != '\u3000'
}
