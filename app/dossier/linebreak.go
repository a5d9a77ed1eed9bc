package dossier

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line breaking for Chinese text. gofpdf's MultiCell and SplitText drop one
// character at every automatic break in CJK text, so the dossier breaks
// lines itself and draws each line with CellFormat.
//
// Rules: a line may break between any two CJK characters and at spaces; a
// run of Latin letters and digits (a word, a number such as 2024-2025 or
// 3.14%) stays whole; closing punctuation never starts a line and opening
// punctuation never ends one. Spaces at a break are dropped; every other
// character of the input appears in the output, in order. Only a single
// unbreakable piece wider than the line is cut by characters.

// Measure returns the printed width of a string.
type Measure func(s string) float64

// noStart are characters that must not begin a line (closing punctuation).
const noStart = "，。、；：？！）」』】〕〉》〗〙〛｝］｠”’…‥—～·・％‰℃" + ",.;:?!)]}%>"

// noEnd are characters that must not end a line (opening punctuation).
const noEnd = "（「『【〔〈《〖〘〚｛［｟“‘" + "([{<"

func isNoStart(r rune) bool { return strings.ContainsRune(noStart, r) }
func isNoEnd(r rune) bool   { return strings.ContainsRune(noEnd, r) }

// isWide reports whether r is a CJK character or full-width symbol, between
// any two of which a line may break.
func isWide(r rune) bool {
	switch {
	case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r),
		unicode.Is(unicode.Hangul, r):
		return true
	case r >= 0x2E80 && r <= 0x303F: // CJK radicals, symbols and punctuation
		return true
	case r >= 0x3200 && r <= 0x33FF: // enclosed CJK, compatibility (㎡)
		return true
	case r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFFEF: // compatibility and full-width forms
		return true
	case r >= 0x2000 && r <= 0x206F: // general punctuation: “ ” … —
		return true
	case r >= 0x2160 && r <= 0x218F: // Roman numerals Ⅰ Ⅴ
		return true
	case r >= 0x2190 && r <= 0x27BF: // arrows, math operators, shapes, √ ×
		return true
	}
	return false
}

// isSpace reports a breakable space (not the ideographic space, which is
// used as an indent and kept).
func isSpace(r rune) bool { return r != '\u3000' && unicode.IsSpace(r) }

// units are the measure words and units a number is never separated from
// ("52,000 元", "90 ㎡", "15 所").
const units = "元万亿千百个所人名位台册间年月日时分秒号次项岁班套栋层平方米公里亩吨倍周天期届户件门处余多部校点种类篇节课％%㎡℃‰"

// relations are the signs a number follows on the same line ("≥ 90").
const relations = "≥≤<>＜＞=＝±~～≈"

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// keepTogether reports a pair that no break may separate, even across a
// space: a number and its unit, a comparison sign and its number.
func keepTogether(a, b rune) bool {
	return (isDigit(a) && strings.ContainsRune(units, b)) || (strings.ContainsRune(relations, a) && (isDigit(b) || b == '-' || b == '−'))
}

// canBreak reports whether a line may break between a and b (neither a space).
func canBreak(a, b rune) bool {
	if isNoStart(b) || isNoEnd(a) || keepTogether(a, b) {
		return false
	}
	return isWide(a) || isWide(b) // two narrow characters form one word
}

// pieces cuts a paragraph (no newlines) into unbreakable pieces; each piece
// carries the spaces that follow it.
func pieces(para string) []string {
	var out []string
	start := 0
	prev := rune(-1) // last non-space rune
	sawSpace := false
	for i, r := range para {
		if isSpace(r) {
			sawSpace = true
			continue
		}
		if prev >= 0 {
			brk := canBreak(prev, r)
			if sawSpace {
				brk = !isNoStart(r) && !isNoEnd(prev) && !keepTogether(prev, r)
			}
			if brk {
				out = append(out, para[start:i])
				start = i
			}
		}
		prev, sawSpace = r, false
	}
	if start < len(para) {
		out = append(out, para[start:])
	}
	return out
}

// Wrap breaks text into lines no wider than width. Newlines in the text are
// hard breaks (an empty paragraph gives an empty line).
func Wrap(text string, width float64, m Measure) []string {
	return WrapIndent(text, width, width, m)
}

// WrapIndent is Wrap with a different width for the first line of each
// paragraph (for a first-line indent).
func WrapIndent(text string, first, width float64, m Measure) []string {
	text = clean(text, true)
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, wrapParagraph(para, first, width, m)...)
	}
	return lines
}

func wrapParagraph(para string, first, width float64, m Measure) []string {
	para = strings.TrimRightFunc(para, isSpace)
	if para == "" {
		return []string{""}
	}
	var lines []string
	limit := first
	var line strings.Builder
	lineW := 0.0 // width of line without trailing spaces
	trail := ""  // spaces after the line's last piece
	flush := func() {
		lines = append(lines, line.String())
		line.Reset()
		lineW, trail = 0, ""
		limit = width
	}
	for _, p := range pieces(para) {
		body := strings.TrimRightFunc(p, isSpace)
		sp := p[len(body):]
		bw := m(body)
		if line.Len() > 0 && lineW+m(trail)+bw <= limit {
			line.WriteString(trail)
			line.WriteString(body)
			lineW += m(trail) + bw
			trail = sp
			continue
		}
		if line.Len() > 0 {
			flush()
		}
		if bw > limit { // a piece wider than a whole line: cut it, a line at a time
			for {
				head, hw := fitPrefix(body, limit, m)
				if len(head) == len(body) {
					bw = hw
					break
				}
				line.WriteString(head)
				flush()
				body = body[len(head):]
			}
		}
		line.WriteString(body)
		lineW, trail = bw, sp
	}
	if line.Len() > 0 {
		lines = append(lines, line.String())
	}
	return noWidow(lines, width, m)
}

// noWidow keeps a paragraph from ending on a line of one character and its
// punctuation (「市。」): the last piece of the line before moves down to
// join it, when that line keeps more than it gives.
func noWidow(lines []string, width float64, m Measure) []string {
	n := len(lines)
	if n < 2 || letters(lines[n-1]) > 1 {
		return lines
	}
	ps := pieces(lines[n-2])
	if len(ps) < 3 {
		return lines
	}
	moved := strings.TrimRightFunc(ps[len(ps)-1], isSpace)
	a, _ := utf8.DecodeLastRuneInString(moved)
	b, _ := utf8.DecodeRuneInString(lines[n-1])
	if !isWide(a) && !isWide(b) {
		return lines // Latin words: the space between them was dropped at the break
	}
	last := moved + lines[n-1]
	if m(last) > width {
		return lines
	}
	lines[n-2] = strings.TrimRightFunc(strings.Join(ps[:len(ps)-1], ""), isSpace)
	lines[n-1] = last
	return lines
}

// letters counts the characters of a line that are not punctuation.
func letters(s string) int {
	k := 0
	for _, r := range s {
		if !isNoStart(r) && !isNoEnd(r) && !isSpace(r) {
			k++
		}
	}
	return k
}

// fitPrefix returns the longest prefix of s no wider than w, at least one
// character, so that cutting always progresses. Widths add up character by
// character (the PDF has no kerning), so each character is measured once:
// cutting a 100,000-character piece is linear, not quadratic.
func fitPrefix(s string, w float64, m Measure) (string, float64) {
	end := 0
	width, fit := 0.0, 0.0
	for i, r := range s {
		next := i + utf8.RuneLen(r)
		width += m(s[i:next])
		if end > 0 && width > w {
			break
		}
		end, fit = next, width
	}
	return s[:end], fit
}
