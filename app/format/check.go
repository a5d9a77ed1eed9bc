package format

import (
	"regexp"
	"strings"
)

var (
	nonNumberWord = regexp.MustCompile(`\b[+-]?(?:Inf|NaN|inf|nan|Infinity)\b`)
	numberToken   = regexp.MustCompile(`[-−]?[0-9][0-9,]*(?:\.[0-9]+)?`)
)

// CheckText returns the first figure in text that Number never prints, or
// "" when there is none: Inf or NaN, a negative zero ("-0", "-0.00",
// "−0.00%"), or a number of more than MaxDigits digits in all (Number
// never prints more: no 300-digit area, no 0.000…1 of 320 digits). It is
// how tests of every output (report, JSON, dossier, workbook) prove that
// their figures came through the one printer; text a clerk typed must be
// left out of what is checked, since a name may hold any digits.
func CheckText(text string) string {
	if m := nonNumberWord.FindString(text); m != "" {
		return m
	}
	for _, tok := range numberToken.FindAllString(text, -1) {
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, tok)
		if strings.Trim(digits, "0") == "" && (tok[0] == '-' || strings.HasPrefix(tok, "−")) {
			return tok
		}
		if len(digits) > MaxDigits {
			return tok // too many significant digits, or a row of zeros after the point
		}
	}
	return ""
}
