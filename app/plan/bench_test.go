package plan

import (
	"testing"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/standard"
)

// benchPlan plans a generated county of n schools with a wide spread.
func benchPlan(b *testing.B, n int) {
	f := wideCounty(n, 3)
	o, _ := OptionsFor(f, eval.DefaultOptions())
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Make(f, standard.National2017(), o, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlan60(b *testing.B)    { benchPlan(b, 60) }
func BenchmarkPlan1000(b *testing.B)  { benchPlan(b, 1000) }
func BenchmarkPlan20000(b *testing.B) { benchPlan(b, 20000) }

var _ = county.Format
