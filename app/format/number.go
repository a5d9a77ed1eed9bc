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

// MaxDigits is the most significant digits a printed number carries: a
// float64 holds 15 to 17, and a figure longer than the input could have
// been typed is noise, not precision.
const MaxDigits = 15

// Number prints x with fixed decimals and thousands separators
// (12345.678, 2 → "12,345.68"). It is the one number printer, and whatever
// x is it prints something a clerk can read:
//   - NaN and ±Inf, which the engine never produces, print as "—";
//   - a value that rounds to zero prints without a sign ("0.00", never
//     "-0" or "-0.00"), however small (1e-320 → "0.00");
//   - at most MaxDigits significant digits: decimals are dropped first
//     (123456789012345.67, 2 → "123,456,789,012,346"), and a value of 10^15
//     or more prints as a mantissa of three digits times a power of ten
//     (1.7e308 → "1.70×10^308"), never as a row of 300 digits.
func Number(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	if decimals < 0 {
		decimals = 0
	}
	if math.Abs(x) >= 1e15 {
		return scientific(x)
	}
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	intPart, _, _ := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	// Rarely (a value near 10^15, or many decimals asked for) fewer
	// decimals keep it to MaxDigits; dropping one can round the whole part
	// up a digit, hence a second try, and past it the power of ten.
	for try := 0; len(intPart)+decimals > MaxDigits; try++ {
		if try == 2 || len(intPart) > MaxDigits {
			return scientific(x) // 999,999,999,999,999.6 rounds up to 10^15
		}
		decimals = max(0, MaxDigits-len(intPart))
		s = strconv.FormatFloat(x, 'f', decimals, 64)
		intPart, _, _ = strings.Cut(strings.TrimPrefix(s, "-"), ".")
	}
	if s[0] == '-' && strings.Trim(s, "-0.") == "" {
		s = s[1:] // no "-0", "-0.00"
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

// scientific prints a finite |x| ≥ 10^15 as "1.70×10^308", and a tiny
// one as "1.00×10^-320" (three significant digits, the exponent in plain
// digits so every font has them).
func scientific(x float64) string {
	m, e, _ := strings.Cut(strconv.FormatFloat(x, 'e', 2, 64), "e")
	sign := ""
	if strings.HasPrefix(e, "-") {
		sign = "-"
	}
	return m + "×10^" + sign + strings.TrimLeft(strings.TrimLeft(e, "+-"), "0")
}

// Entered prints a value as the clerk entered it, for messages naming
// what was typed: every digit of it (the shortest exact decimal), no
// thousands separators — and never "-0", "+Inf", "NaN" or a row of 300
// digits: a value that is not finite prints as "—", zero as "0", and one
// of 10^15 or more, or below 10^-6, in the scientific form of Number.
func Entered(x float64) string {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return "—"
	case x == 0:
		return "0"
	case math.Abs(x) >= 1e15 || math.Abs(x) < 1e-6:
		return scientific(x)
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
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
// A fraction too large to multiply by 100 prints at the float limit, not
// as "—".
func Percent(x float64) string {
	return Number(math.Max(-math.MaxFloat64, math.Min(math.MaxFloat64, x*100)), 2) + "%"
}

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
