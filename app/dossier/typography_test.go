package dossier

import "testing"

// Found: 「9.94%, 14.38%」 kept its half-width comma in a Chinese sentence;
// a thousands separator and Latin text keep theirs.
func TestFullWidthPunctuationBetweenRates(t *testing.T) {
	for in, want := range map[string]string{
		"分别增长7.68%、9.94%,14.38%": "分别增长7.68%、9.94%，14.38%",
		"分别增长9.94%, 14.38%":      "分别增长9.94%， 14.38%",
		"在校生10,073人":             "在校生10,073人",
		"Noto Sans, Noto Serif":  "Noto Sans, Noto Serif",
	} {
		if got := fullWidthPunct(in); got != want {
			t.Errorf("fullWidthPunct(%q) = %q, want %q", in, got, want)
		}
	}
}

// Found: 整改清单 printed ISO dates (2025-08-31) and the rest 2025年3月8日.
func TestOneDateStyle(t *testing.T) {
	for in, want := range map[string]string{"2025-09-30": "2025年9月30日", "2025-09": "2025年9月", "2025/9/30": "2025年9月30日", "2025年底": "2025年底"} {
		if got := dateText(in); got != want {
			t.Errorf("dateText(%q) = %q, want %q", in, got, want)
		}
	}
}
