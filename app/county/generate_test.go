package county

import "testing"

// The generator feeds benchmarks and property tests everywhere: what it
// builds must pass our own validation, or those tests measure nothing.
func TestGenerateIsValid(t *testing.T) {
	for _, n := range []int{1, 2, 25, 1000} {
		f := Generate(n, int64(n))
		if len(f.Schools) != n {
			t.Fatalf("Generate(%d) made %d schools", n, len(f.Schools))
		}
		if ps := Validate(f); len(ps) > 0 {
			t.Fatalf("Generate(%d) is invalid: %v", n, ps)
		}
		data, err := Encode(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Decode(data); err != nil {
			t.Fatalf("Generate(%d) does not decode back: %v", n, err)
		}
	}
}
