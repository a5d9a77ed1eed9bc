package demo

import (
	"testing"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/wording"
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

// Found: the demo showed an incomplete dossier (8 cells 未填报 in 表Ⅰ, 7 in
// 调查实施情况, a blank 编制单位, a ledger without measures). Every fact the
// dossier prints is given, and every to-do item has a complete ledger entry.
func TestDemoIsComplete(t *testing.T) {
	f := File()
	c := &f.County
	for name, p := range map[string]*float64{"area_km2": c.AreaKm2, "agricultural_population_wan": c.AgriculturalPopulationWan,
		"gdp_per_capita": c.GDPPerCapita, "fiscal_revenue_per_capita": c.FiscalRevenuePerCapita,
		"rural_income_per_capita": c.RuralIncomePerCapita, "urban_income_per_capita": c.UrbanIncomePerCapita} {
		if p == nil {
			t.Errorf("表Ⅰ: %s not given", name)
		}
	}
	if c.Villages == nil {
		t.Error("表Ⅰ: villages not given")
	}
	a := c.Application
	if a == nil || a.Applicant == "" || a.Office == "" || a.Contact == "" || a.Phone == "" || a.DocNo == "" || a.Signer == "" || a.Attachments == "" {
		t.Errorf("application incomplete: %+v", a)
	}
	sc := c.SurveyConduct
	if sc == nil || sc.Issued == nil || sc.Valid == nil || sc.Visits == nil || sc.VisitsSatisfied == nil || sc.Organizer == "" {
		t.Errorf("survey conduct incomplete: %+v", sc)
	}
	staff := 0
	for _, s := range f.Schools {
		if s.Staff == nil {
			t.Errorf("%s: 教职工 not given", s.Name)
			continue
		}
		staff += county.Val(s.Staff.Primary) + county.Val(s.Staff.Junior)
	}
	if staff != 1126 { // the seed: 义务教育阶段现有教职工1126人
		t.Errorf("教职工 %d, the seed says 1126", staff)
	}
	r := eval.Run(f)
	if l := wording.CountLedger(f, r); l.Complete != l.Entries || l.Entries == 0 {
		t.Errorf("ledger: %d of %d to-do items have measures, unit and deadline", l.Complete, l.Entries)
	}
	if stale := wording.Stale(f, r); len(stale) != 0 {
		t.Errorf("ledger entries for items that pass: %+v", stale)
	}
}
