package format

import (
	"math"
	"testing"
)

func TestNumber(t *testing.T) {
	cases := []struct {
		x    float64
		d    int
		want string
	}{
		{0, 2, "0.00"}, {999, 0, "999"}, {1000, 0, "1,000"}, {1234567.891, 2, "1,234,567.89"},
		{-1234.5, 1, "-1,234.5"}, {-0.001, 2, "0.00"}, {0.1355, 3, "0.136"}, {math.NaN(), 2, "—"}, {math.Inf(1), 2, "—"},
	}
	for _, c := range cases {
		if got := Number(c.x, c.d); got != c.want {
			t.Errorf("Number(%v, %d) = %q, want %q", c.x, c.d, got, c.want)
		}
	}
	if Opt(nil, 2) != Missing {
		t.Errorf("a missing value must print as %s", Missing)
	}
}

func TestSignedPercent(t *testing.T) {
	// 153122 → 168347 万元 is +9.94 % (seed 000, 义马 recurrent revenue).
	if got := SignedPercent((168347.0 - 153122) / 153122); got != "+9.94%" {
		t.Errorf("got %q", got)
	}
	if got := SignedPercent(-0.40167); got != "−40.17%" {
		t.Errorf("got %q", got)
	}
}
