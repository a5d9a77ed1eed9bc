package county

import "testing"

// BenchmarkDecode1000 decodes the generated 1,000-school county: the fast
// typed path plus every byte-level and catalogue check a real file meets.
func BenchmarkDecode1000(b *testing.B) {
	data, err := Encode(Generate(1000, 1))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidate1000 is Validate alone, as the database save, the Excel
// import and the GUI call it.
func BenchmarkValidate1000(b *testing.B) {
	f := Generate(1000, 1)
	for b.Loop() {
		if ps := Validate(f); len(ps) > 0 {
			b.Fatal(ps)
		}
	}
}
