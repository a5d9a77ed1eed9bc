package format

import (
	"math"
	"testing"
)

// Found: 表Ⅰ printed 「112.00 平方公里」 and 表Ⅴ 「.00」 on 万元.
func TestTrimmedDropsNeedlessZeros(t *testing.T) {
	for _, c := range []struct {
		x    float64
		dec  int
		want string
	}{{112, 2, "112"}, {13.5, 2, "13.5"}, {13.58, 2, "13.58"}, {153122, 2, "153,122"}, {-0.001, 2, "0"}, {0.004, 2, "0"}, {math.NaN(), 2, "—"}, {1.7e308, 2, "1.70×10^308"}, {1200.10, 2, "1,200.1"}} {
		if got := Trimmed(c.x, c.dec); got != c.want {
			t.Errorf("Trimmed(%v, %d) = %q, want %q", c.x, c.dec, got, c.want)
		}
	}
	if OptTrimmed(nil, 2) != Missing {
		t.Error("nil is not 未填报")
	}
}
