package xlsx

import "strings"

// unitOf is a header's trailing 「（unit）」, "" when none.
func unitOf(h string) string {
	h = strings.TrimSpace(h)
	base := withoutUnit(h)
	if base == h {
		return ""
	}
	return strings.Trim(h[len(base):], "（）() ")
}

// revertHint is what to do with a header (or a fact's 项目) the import does
// not know but guesses as g: put g back — and when only the unit was
// changed (「核拨公用经费（万元）」 for 「核拨公用经费（元）」), convert the
// numbers too, for they were typed in the other unit.
func revertHint(typed, g, what string) string {
	hint := "；是否应为「" + g + "」？请把" + what + "改回「" + g + "」"
	was, want := unitOf(typed), unitOf(g)
	if was != "" && want != "" && was != want && normalize(withoutUnit(typed)) == normalize(withoutUnit(g)) {
		hint += "，并把这些数值从「" + was + "」换算为「" + want + "」（只改" + what + "而不换算，数值会差出单位的倍数）"
	}
	return hint
}
