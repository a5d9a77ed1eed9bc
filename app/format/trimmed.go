package format

import "strings"

// Trimmed prints x like Number with at most decimals, dropping the
// decimals that are zero: 112.00 → "112", 13.50 → "13.5", 13.58 → "13.58".
// For a figure entered as a whole number (an area, an amount in 万元) that
// would otherwise print a needless ".00".
func Trimmed(x float64, decimals int) string {
	s := Number(x, decimals)
	if !strings.Contains(s, ".") || strings.Contains(s, "×") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// OptTrimmed is Trimmed of *x, or 未填报 when nil.
func OptTrimmed(x *float64, decimals int) string {
	if x == nil {
		return Missing
	}
	return Trimmed(*x, decimals)
}
