package format

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
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

// The figures that reached users (issue 11): "-0 ㎡", a 320-digit
// 0.000…1, 300-digit areas and "-50.00%" from survey counts of 2^62.
func TestNumberHostileValues(t *testing.T) {
	cases := []struct {
		x    float64
		d    int
		want string
	}{
		{math.Copysign(0, -1), 0, "0"}, {math.Copysign(0, -1), 2, "0.00"}, {-0.4, 0, "0"}, {-0.004, 2, "0.00"},
		{1e-320, 2, "0.00"}, {-1e-320, 2, "0.00"}, {5e-324, 0, "0"},
		{1.7e308, 2, "1.70×10^308"}, {-1.7e308, 0, "-1.70×10^308"}, {math.MaxFloat64, 2, "1.80×10^308"},
		{float64(1 << 62), 0, "4.61×10^18"}, {1e15, 0, "1.00×10^15"}, {999999999999999.6, 0, "1.00×10^15"},
		{123456789012345.67, 2, "123,456,789,012,346"}, {12345678901234.567, 2, "12,345,678,901,234.6"},
		{999999999999999, 0, "999,999,999,999,999"},
	}
	for _, c := range cases {
		if got := Number(c.x, c.d); got != c.want {
			t.Errorf("Number(%g, %d) = %q, want %q", c.x, c.d, got, c.want)
		}
	}
	if got := Int(1<<62 + 1<<62 - 1); CheckText(got) != "" {
		t.Errorf("Int(2^63-1) = %q", got)
	}
	if got := Percent(math.MaxFloat64); CheckText(got) != "" || strings.Contains(got, "—") {
		t.Errorf("Percent(MaxFloat64) = %q: a finite rate prints as a number", got)
	}
	if got := SignedPercent(-1e-12); got != "0.00%" {
		t.Errorf("SignedPercent(-1e-12) = %q, want 0.00%%", got)
	}
}

// Whatever the value and decimals, the printer's output passes CheckText
// and, below 10^15, reads back as the value rounded.
func TestNumberNeverAbsurd(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		x := math.Float64frombits(rng.Uint64())
		if i%2 == 0 { // half of them at ordinary magnitudes
			x = (rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(40)-20))
		}
		d := rng.IntN(6)
		got := Number(x, d)
		if bad := CheckText(got); bad != "" {
			t.Fatalf("Number(%g, %d) = %q prints %q", x, d, got, bad)
		}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			continue
		}
		if math.Abs(x) < 1e15 {
			back := strings.ReplaceAll(got, ",", "")
			y, err := strconv.ParseFloat(back, 64)
			if err != nil || math.Abs(y-x) > 0.5*math.Pow(10, -float64(min(d, MaxDigits)))+math.Abs(x)*1e-14 {
				t.Fatalf("Number(%g, %d) = %q reads back as %g", x, d, got, y)
			}
		}
	}
}

func TestCheckText(t *testing.T) {
	for _, bad := range []string{"+Inf", "值 NaN", "-0 ㎡", "-0.00", "−0.00%", "300 位 1234567890123456", "0.0000000000000000001"} {
		if CheckText(bad) == "" {
			t.Errorf("CheckText(%q) found nothing", bad)
		}
	}
	for _, good := range []string{"2024-2025学年", "1,234.56 ㎡", "0.00", "1.70×10^308", "Information 100.00%", "999,999,999,999,999"} {
		if got := CheckText(good); got != "" {
			t.Errorf("CheckText(%q) = %q", good, got)
		}
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

// Issue 21 §4, as found: messages printed a stored Inf as 「+Inf」, -0 as
// 「-0 ㎡」 and 1e-320 as 320 digits. Entered, the one printer of a value as
// typed, prints none of them.
func TestEnteredNeverAbsurd(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{
		{math.Inf(1), "—"}, {math.Inf(-1), "—"}, {math.NaN(), "—"}, {math.Copysign(0, -1), "0"},
		{1e-320, "1.00×10^-320"}, {1.7e308, "1.70×10^308"}, {7198.25, "7198.25"}, {-3, "-3"},
	} {
		if got := Entered(c.x); got != c.want {
			t.Errorf("Entered(%v) = %q, want %q", c.x, got, c.want)
		}
	}
}
