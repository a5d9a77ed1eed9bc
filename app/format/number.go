// Package format prints numbers the way the standard's tables do: fixed
// decimals, thousands separators, 未填报 for missing values. The text
// report, the PDF dossier and the GUI all print through it, so a value reads
// the same everywhere.
package format

import (
	"math"
	"strconv"
	"strings"
)

// Missing is what a value that was not entered prints as.
const Missing = "未填报"

// Decimals used for display (values are stored at full precision).
const (
	ValueDecimals = 2 // indicator values
	CVDecimals    = 3 // difference coefficients
)

// Number prints x with fixed decimals and thousands separators
// (12345.678, 2 → "12,345.68"). NaN and Inf, which the engine never
// produces, print as "—" rather than leaking into a document.
func Number(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if s == "-"+strconv.FormatFloat(0, 'f', decimals, 64) {
		s = s[1:] // no "-0.00"
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// Int prints a whole number with thousands separators.
func Int(n int) string { return Number(float64(n), 0) }

// Opt prints *x with fixed decimals, or 未填报 when nil.
func Opt(x *float64, decimals int) string {
	if x == nil {
		return Missing
	}
	return Number(*x, decimals)
}

// Value prints an indicator value (2 decimals).
func Value(x float64) string { return Number(x, ValueDecimals) }

// CV prints a difference coefficient (3 decimals).
func CV(x float64) string { return Number(x, CVDecimals) }

// Percent prints a fraction as a percentage with 2 decimals (0.0994 → "9.94%").
func Percent(x float64) string { return Number(x*100, 2) + "%" }

// SignedPercent prints a growth rate with its sign (−0.4017 → "−40.17%").
func SignedPercent(x float64) string {
	s := Percent(x)
	if strings.HasPrefix(s, "-") {
		return "−" + s[1:]
	}
	if x > 0 && s != Percent(0) {
		return "+" + s
	}
	return s
}
