package eval

import (
	"testing"

	"junheng/app/county"
	"junheng/app/standard"
	"junheng/assets/demo"
)

// B1–B3 are the same per-student values as R4–R6, so their coefficients
// agree; the composite is the arithmetic mean of the eight.
func TestLegacyCoefficients(t *testing.T) {
	r := Run(demo.File())
	for _, stage := range []string{Primary, Junior} {
		ls := r.Legacy.Primary
		if stage == Junior {
			ls = r.Legacy.Junior
		}
		st := r.Stages.Get(stage)
		for b, rc := range map[string]string{"B1": "R4", "B2": "R5", "B3": "R6"} {
			approx(t, stage+" "+b, *ls.CV[b], *st.CV[rc], 1e-12)
		}
		var sum float64
		for _, c := range standard.LegacyCodes {
			sum += *ls.CV[c]
		}
		approx(t, stage+" composite", *ls.Composite, sum/8, 1e-12)
		if ls.Pass != (*ls.Composite <= ls.Limit) {
			t.Errorf("%s composite %.3f against %.2f: pass %v", stage, *ls.Composite, ls.Limit, ls.Pass)
		}
	}
	if r.Legacy.Primary.Limit != 0.65 || r.Legacy.Junior.Limit != 0.55 {
		t.Error("legacy limits are 0.65 / 0.55")
	}
}

// One school missing books: B5 cannot be computed, nor the composite.
func TestLegacyMissing(t *testing.T) {
	a, b := school("A", "小学", 800, 0, 0), school("B", "小学", 400, 0, 0)
	a.Books, a.Computers, b.Books, b.Computers = county.I(20000), county.I(100), nil, county.I(50)
	ls := Run(countyOf(a, b)).Legacy.Primary
	if ls.CV["B5"] != nil || ls.Composite != nil || ls.Pass || ls.Note == "" {
		t.Errorf("B5 with a school missing: %+v", ls)
	}
}
