package format

import "testing"

// Sizes print in the unit a clerk expects, with the unit's boundary on the
// right side and no absurd output for impossible values.
func TestBytes(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{
		{0, "0 字节"},
		{1023, "1,023 字节"},
		{1024, "1.0 KB"},
		{320000, "312.5 KB"},
		{3 << 20, "3.0 MB"},
		{1<<30 - 1, "1.00 GB"},
		{1<<20 - 1, "1.0 MB"},
		{3 << 29, "1.50 GB"},
		{-1, "—"},
	} {
		if got := Bytes(c.n); got != c.want {
			t.Errorf("Bytes(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}
