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

// BenchmarkScanKeys1000 is the byte-level scan alone (duplicate and
// case-variant keys), the cost Decode adds before the typed fast path.
func BenchmarkScanKeys1000(b *testing.B) {
	data, _ := Encode(Generate(1000, 1))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if s := scanKeys(data, false); s.broken || s.unknown || len(s.issues) > 0 {
			b.Fatal("the generated county must scan clean")
		}
	}
}
