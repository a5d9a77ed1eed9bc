package standard

import "math"

// Tolerance is the relative tolerance of every comparison with a limit, so
// that floating point never fails a value that meets a limit exactly
// (100 × (9 / 1000) is 0.8999999999999999, not 0.9).
const Tolerance = 1e-9

// Meets reports whether value satisfies limit under cmp. It is the one
// comparison used by every verdict of the program.
func Meets(value, limit float64, cmp Cmp) bool {
	tol := Tolerance * math.Max(math.Abs(value), math.Abs(limit))
	switch cmp {
	case GE:
		return value >= limit-tol
	case LE:
		return value <= limit+tol
	case LT:
		return value < limit-tol
	}
	return true
}

// AtLeast is Meets(value, limit, GE).
func AtLeast(value, limit float64) bool { return Meets(value, limit, GE) }

// AtMost is Meets(value, limit, LE).
func AtMost(value, limit float64) bool { return Meets(value, limit, LE) }
