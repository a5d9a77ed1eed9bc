package dossier

import (
	"strings"
	"unicode"
)

// clean makes any text printable: control characters (ESC, NUL…), bidi
// overrides and other format characters never reach the PDF; tabs become
// spaces; newlines stay (they are paragraph breaks) when keepNewlines.
// It is linear in the length of s.
func clean(s string, keepNewlines bool) string {
	ok := true
	for _, r := range s {
		if dropRune(r, keepNewlines) || r == '\t' || r == '\r' {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case r == '\r':
			if keepNewlines {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case r == '\n' && !keepNewlines:
			b.WriteByte(' ')
		case dropRune(r, keepNewlines):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func dropRune(r rune, keepNewlines bool) bool {
	if r == '\n' {
		return !keepNewlines
	}
	if r == unicode.ReplacementChar {
		return false
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || (r >= 0xE000 && r <= 0xF8FF)
}

// halfToFull are the half-width punctuation marks a Chinese sentence takes
// in their full-width form.
var halfToFull = map[rune]rune{',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？'}

// fullWidthPunct replaces half-width ",;:()!?" that touch a Chinese
// character (or a bracket that encloses Chinese text) with the full-width
// forms of Chinese typesetting; "3.14%", "2018-2020" and punctuation
// between Latin words are kept.
func fullWidthPunct(s string) string {
	rs := []rune(s)
	changed := false
	for i, r := range rs {
		full, ok := halfToFull[r]
		if !ok {
			continue
		}
		prev, next := neighbour(rs, i, -1), neighbour(rs, i, 1)
		han := isHan(prev) || isHan(next)
		if !han && strings.ContainsRune(",;", r) && strings.ContainsRune("%％‰", prev) && isDigit(next) {
			han = true // "9.94%,14.38%": a list of rates in a Chinese sentence
		}
		if !han && (r == '(' || r == ')') {
			han = bracketHoldsHan(rs, i)
		}
		if han {
			rs[i] = full
			changed = true
		}
	}
	if !changed {
		return s
	}
	return string(rs)
}

// neighbour is the nearest non-space rune before (dir -1) or after (+1) i.
func neighbour(rs []rune, i, dir int) rune {
	for j := i + dir; j >= 0 && j < len(rs); j += dir {
		if rs[j] != ' ' {
			return rs[j]
		}
	}
	return 0
}

func isHan(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) || r == '“' || r == '”'
}

// bracketHoldsHan reports whether the bracket pair around rs[i] holds a
// Chinese character (looking at most 40 runes away, so it stays linear).
func bracketHoldsHan(rs []rune, i int) bool {
	dir, stop := 1, ')'
	if rs[i] == ')' {
		dir, stop = -1, '('
	}
	for j, n := i+dir, 0; j >= 0 && j < len(rs) && n < 40; j, n = j+dir, n+1 {
		if rs[j] == stop {
			return false
		}
		if isHan(rs[j]) {
			return true
		}
	}
	return false
}

// prose is narrative text as printed: cleaned, with Chinese punctuation.
func prose(s string) string { return fullWidthPunct(clean(s, true)) }

// nonEmpty keeps the strings that are not blank.
func nonEmpty(s ...string) []string {
	var out []string
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			out = append(out, x)
		}
	}
	return out
}
