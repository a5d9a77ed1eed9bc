package report

import (
	"strings"
	"unicode"
)

// width is the number of terminal columns a string takes: CJK characters
// and full-width punctuation take two.
func width(s string) int {
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

func runeWidth(r rune) int {
	switch {
	case r < 0x1100:
		return 1
	case unicode.Is(unicode.Han, r), r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFF60,
		r >= 0xFFE0 && r <= 0xFFE6, r >= 0x2E80 && r <= 0x2FDF, r >= 0x3100 && r <= 0x31FF, r == '㎡':
		return 2
	}
	return 1
}

// pad aligns s in a column of w columns, right-aligned for numbers.
func pad(s string, w int, right bool) string {
	gap := w - width(s)
	if gap <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", gap) + s
	}
	return s + strings.Repeat(" ", gap)
}

// table renders rows with aligned columns; numeric columns (by flag) are
// right-aligned.
func table(b *strings.Builder, header []string, rows [][]string, right []bool) {
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = width(h)
	}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], width(c))
		}
	}
	line := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(pad(c, widths[i], right[i]))
		}
		b.WriteString("\n")
	}
	line(header)
	total := 0
	for _, w := range widths {
		total += w + 2
	}
	b.WriteString(strings.Repeat("─", max(0, total-2)) + "\n")
	for _, r := range rows {
		line(r)
	}
}
