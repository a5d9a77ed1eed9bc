package eval

import "math"

// clamp keeps a computed figure finite. Every input of a valid county file
// is a finite number, but two finite numbers can add or multiply past the
// float64 range (two areas of 1.7e308 ㎡, an amount × 10,000): such a sum
// saturates at ±math.MaxFloat64 instead of becoming ±Inf, so no Inf (and
// no NaN from Inf − Inf) reaches the result, the JSON, a report or a
// workbook. The printer shows such a figure as "1.80×10^308".
func clamp(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return 0 // never produced from finite operands by the guarded code; no NaN either way
	case x > math.MaxFloat64:
		return math.MaxFloat64
	case x < -math.MaxFloat64:
		return -math.MaxFloat64
	case x == 0:
		return 0 // −0 (an input of "-0", 0 × a negative) prints and encodes as 0
	}
	return x
}

// ptr returns a pointer to x made finite: every optional figure of the
// result is made here, so none holds ±Inf, NaN or −0.
func ptr(x float64) *float64 {
	x = clamp(x)
	return &x
}

// copyOf is an input figure as the result holds it: a copy (the result
// never aliases the county file) made finite like every other.
func copyOf(p *float64) *float64 {
	if p == nil {
		return nil
	}
	return ptr(*p)
}

// finite reports whether x is a number (not NaN, not ±Inf).
func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// addCount adds two head counts, saturating at the int limit instead of
// wrapping to a negative number of students.
func addCount(a, b int) int {
	if b > 0 && a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}
