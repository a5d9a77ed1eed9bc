package dossier

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// fakeMeasure: CJK 1 unit, Latin 0.5, space 0.25 (additive like gofpdf's).
func fakeMeasure(s string) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case isSpace(r):
			w += 0.25
		case isWide(r):
			w += 1
		default:
			w += 0.5
		}
	}
	return w
}

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func TestWrapPunctuationNeverStartsOrEndsWrongly(t *testing.T) {
	// Width 5: a plain break would put "，" or "。" at the start of a line.
	text := "我们的目标是，实现优质均衡。同时（力争）提前一年「达标」。"
	for w := 3.0; w <= 12; w++ {
		lines := Wrap(text, w, fakeMeasure)
		if got := strings.Join(lines, ""); got != text {
			t.Fatalf("width %v: lost characters: %q", w, lines)
		}
		for i, l := range lines {
			first, _ := utf8.DecodeRuneInString(l)
			last, _ := utf8.DecodeLastRuneInString(l)
			if i > 0 && isNoStart(first) {
				t.Errorf("width %v: line %d starts with %q: %q", w, i, first, lines)
			}
			if i < len(lines)-1 && isNoEnd(last) {
				t.Errorf("width %v: line %d ends with %q: %q", w, i, last, lines)
			}
			if fakeMeasure(l) > w {
				t.Errorf("width %v: line %q is too wide", w, l)
			}
		}
	}
}

func TestWrapKeepsLatinWordsAndNumbersWhole(t *testing.T) {
	text := "全县共有学校42所，在校生12,345人，2024-2025学年R1达标率为98.5%，详见Appendix附件。"
	for w := 6.0; w <= 20; w++ {
		lines := Wrap(text, w, fakeMeasure)
		joined := strings.Join(lines, "\n")
		for _, word := range []string{"42", "12,345", "2024-2025", "R1", "98.5%", "Appendix"} {
			if !strings.Contains(joined, word) {
				t.Errorf("width %v: %q was split: %q", w, word, lines)
			}
		}
	}
}

func TestWrapSpacesAndHardBreaks(t *testing.T) {
	lines := Wrap("hello world again\n\n第二段", 5, fakeMeasure)
	want := []string{"hello", "world", "again", "", "第二段"}
	if strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", lines, want)
	}
}

func TestWrapCutsOnlyWhatCannotFit(t *testing.T) {
	// A 30-letter word on a 5-unit line must be cut, losing nothing.
	word := strings.Repeat("abcdefghij", 3)
	lines := Wrap("前"+word+"后", 5, fakeMeasure)
	if stripSpace(strings.Join(lines, "")) != "前"+word+"后" {
		t.Fatalf("lost characters: %q", lines)
	}
	for _, l := range lines {
		if fakeMeasure(l) > 5 {
			t.Errorf("line %q too wide", l)
		}
	}
}

func TestWrapIndentFirstLine(t *testing.T) {
	lines := WrapIndent("一二三四五六七八九十", 3, 5, fakeMeasure)
	if len(lines) != 3 || lines[0] != "一二三" || lines[1] != "四五六七八" {
		t.Errorf("got %q", lines)
	}
}

// Property: over random text mixing CJK, punctuation, Latin words, numbers
// and spaces, no non-space character is lost or reordered, no line is too
// wide, punctuation rules hold, and no Latin word is split.
func TestWrapProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	han := []rune("县域义务教育优质均衡发展督导评估学校教师学生经费")
	closing := []rune("，。、；：？！）」』》”…%")
	opening := []rune("（「『《“")
	checked := 0
	for iter := 0; iter < 3000; iter++ {
		var b strings.Builder
		n := 1 + rng.IntN(60)
		for i := 0; i < n; i++ {
			switch k := rng.IntN(10); {
			case k < 5:
				b.WriteRune(han[rng.IntN(len(han))])
			case k == 5:
				b.WriteRune(closing[rng.IntN(len(closing))])
			case k == 6:
				b.WriteRune(opening[rng.IntN(len(opening))])
			case k == 7: // a Latin word or a number, at most 6 characters
				l := 1 + rng.IntN(6)
				for j := 0; j < l; j++ {
					b.WriteRune(rune("abcXYZ0123456789.-"[rng.IntN(18)]))
				}
			case k == 8:
				b.WriteByte(' ')
			default:
				if rng.IntN(8) == 0 {
					b.WriteByte('\n')
				}
			}
		}
		text := b.String()
		width := 8 + float64(rng.IntN(20))
		lines := Wrap(text, width, fakeMeasure)
		if got, want := stripSpace(strings.Join(lines, "")), stripSpace(text); got != want {
			t.Fatalf("characters lost or reordered\ntext  %q\nlines %q", text, lines)
		}
		if maxPiece(text) <= width { // else a forced cut may break any rule
			checkLines(t, text, lines, width)
			checked++
		}
	}
	if checked < 2500 {
		t.Errorf("only %d of 3000 random texts could be checked", checked)
	}
}

func maxPiece(text string) float64 {
	m := 0.0
	for _, para := range strings.Split(text, "\n") {
		for _, p := range pieces(para) {
			m = max(m, fakeMeasure(strings.TrimRightFunc(p, isSpace)))
		}
	}
	return m
}

// checkLines maps every printed rune back to the input and checks the rules
// at each automatic break.
func checkLines(t *testing.T, text string, lines []string, width float64) {
	t.Helper()
	src := []rune(text)
	pos := 0 // index in src of the next rune to match
	var prevLast = -1
	for li, l := range lines {
		rs := []rune(l)
		firstIdx := -1
		for _, r := range rs {
			if unicode.IsSpace(r) {
				continue
			}
			for pos < len(src) && src[pos] != r {
				if !unicode.IsSpace(src[pos]) {
					t.Fatalf("line %d: expected %q, found %q in %q", li, src[pos], r, lines)
				}
				pos++
			}
			if firstIdx < 0 {
				firstIdx = pos
			}
			pos++
		}
		if firstIdx < 0 {
			continue // an empty line
		}
		if fakeMeasure(l) > width {
			t.Errorf("line %q wider than %v", l, width)
		}
		if prevLast >= 0 && firstIdx >= 0 && !strings.ContainsRune(string(src[prevLast:firstIdx]), '\n') {
			a, b := src[prevLast], src[firstIdx]
			// an automatic break
			if isNoStart(b) {
				t.Errorf("line starts with %q: %q", b, lines)
			}
			if isNoEnd(a) {
				t.Errorf("line ends with %q: %q", a, lines)
			}
			if firstIdx == prevLast+1 && !isWide(a) && !isWide(b) {
				t.Errorf("word split between %q and %q: %q", a, b, lines)
			}
		}
		prevLast = pos - 1
	}
}

// Found: a paragraph ended on the one-character line 「市。」. The last
// piece of the line before moves down; nothing is lost.
func TestNoOneCharacterLastLine(t *testing.T) {
	m := func(s string) float64 { return float64(utf8.RuneCountInString(s)) }
	text := "经自评，我市已达到县域义务教育优质均衡发展督导评估标准，请予认定我市。"
	width := float64(utf8.RuneCountInString(text) - 2)
	lines := Wrap(text, width, m)
	if len(lines) < 2 {
		t.Fatalf("one line: %q", lines)
	}
	if last := lines[len(lines)-1]; letters(last) < 2 {
		t.Errorf("last line %q holds one character", last)
	}
	if strings.Join(lines, "") != text {
		t.Errorf("characters lost: %q", lines)
	}
	for _, l := range lines {
		if m(l) > width {
			t.Errorf("line %q is wider than %v", l, width)
		}
	}
}

// Moving a word down never glues two Latin words together.
func TestNoWidowKeepsLatinSpaces(t *testing.T) {
	m := func(s string) float64 { return float64(utf8.RuneCountInString(s)) }
	lines := Wrap("aaa bb cc d", 9, m)
	if got := strings.Join(lines, " "); got != "aaa bb cc d" {
		t.Errorf("Wrap = %q: words glued or lost", lines)
	}
}
