package demo

import (
	"testing"

	"junheng/app/county"
	"junheng/app/eval"
)

// The demo is shaped like 义马市 in seed 000: 10 小学, 4 初中, 1 九年一贯制,
// 4 教学点 with 52 students; 7,623 primary and 2,450 junior students.
func TestDemoIsShapedLikeYima(t *testing.T) {
	f := File()
	types := map[string]int{}
	var primary, junior, points int
	for _, s := range f.Schools {
		types[s.Type]++
		primary += county.Val(s.Students.Primary)
		junior += county.Val(s.Students.Junior)
		if s.Type == county.TypePoint {
			points += county.Val(s.Students.Primary)
		}
	}
	want := map[string]int{county.TypePrimary: 10, county.TypeJunior: 4, county.TypeNineYear: 1, county.TypePoint: 4}
	for typ, n := range want {
		if types[typ] != n {
			t.Errorf("%d %s, the seed has %d", types[typ], typ, n)
		}
	}
	if primary != 7623 || junior != 2450 || points != 52 {
		t.Errorf("students: primary %d junior %d teaching points %d; seed: 7623, 2450, 52", primary, junior, points)
	}
	if f.County.Name != "义马市" || *f.County.PopulationWan != 13.58 || *f.County.Subdistricts != 7 {
		t.Error("county profile differs from the seed")
	}
}

// Most schools pass and a few miss one or two indicators, so every screen
// and page has something to show; no input is missing.
func TestDemoIsMixed(t *testing.T) {
	r := eval.Run(File())
	for _, stage := range []string{eval.Primary, eval.Junior} {
		st := r.Stages.Get(stage)
		failing := len(st.Schools) - st.Passing
		if failing < 1 || failing*2 >= len(st.Schools) {
			t.Errorf("%s: %d of %d school parts fail; want a few, not most", stage, failing, len(st.Schools))
		}
		for _, sp := range st.Schools {
			if len(sp.Missing) > 0 || len(sp.Shortfalls) > 2 {
				t.Errorf("%s %s: missing %v, %d shortfalls", stage, sp.Name, sp.Missing, len(sp.Shortfalls))
			}
		}
	}
	if len(r.Verdict.Missing) != 0 {
		t.Errorf("the demo should be complete: %v", r.Verdict.Missing)
	}
	if r.Items["F1"].Pass {
		t.Error("the seed's own 2018 figures fail F1; the demo carries them")
	}
}
