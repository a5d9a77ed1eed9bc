package eval

import (
	"math"
	"strings"
	"testing"

	"junheng/app/county"
)

// The worked example of standard.md §2.2: three primary schools, R4.
// P = 1200, 300, 60; net area = 6000, 1050, 360 m² → X = 5.00, 3.50, 6.00.
func TestWorkedExampleR4(t *testing.T) {
	a, b, c := school("A", "小学", 1200, 0, 0), school("B", "小学", 300, 0, 0), school("C", "小学", 60, 0, 0)
	a.AreaTeachingAux, b.AreaTeachingAux, c.AreaTeachingAux = county.F(6000), county.F(1050), county.F(360)
	r := Run(countyOf(a, b, c))
	st := r.Stages.Primary
	// By hand: X̄ = (6000 + 1050 + 360) / 1560 = 7410 / 1560 = 4.75.
	approx(t, "mean R4", *st.Mean["R4"], 7410.0/1560, 1e-12)
	// Σ (P_i/P)(X_i − X̄)² = (1200·0.25² + 300·1.25² + 60·1.25²) / 1560 = 637.5 / 1560 = 0.40865
	// S = 0.63926, CV = S / 4.75 = 0.13458 → 0.135.
	approx(t, "CV R4", *st.CV["R4"], math.Sqrt(637.5/1560)/4.75, 1e-12)
	if got := *st.CV["R4"]; math.Round(got*1000)/1000 != 0.135 {
		t.Errorf("CV R4 rounds to %.3f, the spec says 0.135", got)
	}
	if !st.CVPass["R4"] {
		t.Error("CV 0.135 ≤ 0.50 must pass")
	}
	sb := find(t, st, "B")
	approx(t, "B's R4", *sb.Values["R4"], 3.5, 1e-12)
	if sb.Met["R4"] || sb.MetCount != 6 {
		t.Errorf("B: R4 met=%v, met count %d; want R4 unmet and 6 met", sb.Met["R4"], sb.MetCount)
	}
	if sb.Pass {
		t.Error("B meets 6 of 7 but R4 is at 3.5/4.5 = 77.8% < 85%: B must fail")
	}
	if len(sb.Shortfalls) != 1 || math.Abs(sb.Shortfalls[0].Ratio-3.5/4.5) > 1e-12 {
		t.Fatalf("B's shortfalls: %+v", sb.Shortfalls)
	}
	// 4.5 × 300 = 1350 m² needed, 1050 there: 300 m² short.
	if sb.Shortfalls[0].NeedAmount != 300 || !strings.HasPrefix(sb.Shortfalls[0].Need, "300 ㎡") {
		t.Errorf("B needs 300 m², got %v (%q)", sb.Shortfalls[0].NeedAmount, sb.Shortfalls[0].Need)
	}
	if !find(t, st, "A").Pass || !find(t, st, "C").Pass {
		t.Error("A and C meet everything and must pass")
	}
}

// The 6-of-7 + 85 % rule at its boundary, with values that floating point
// would put just below the limit if computed carelessly.
func TestSixOfSevenBoundary(t *testing.T) {
	cases := []struct {
		name     string
		backbone int // of 2000 students: R2 = backbone / 20
		peArt    int // of 2000 students: R3 = peArt / 20
		pass     bool
	}{
		{"R2 exactly 85% of 1.0 passes", 17, 30, true},
		{"R2 at 80% fails", 16, 30, false},
		{"R2 exactly at standard", 20, 30, true},
		{"two unmet at 95% fail", 19, 17, false},
	}
	for _, c := range cases {
		s := school("S", "小学", 2000, 0, 0)
		s.Teachers.Primary.Backbone = county.I(c.backbone)
		s.Teachers.Primary.PE, s.Teachers.Primary.Music, s.Teachers.Primary.Art = county.I(c.peArt), county.I(0), county.I(0)
		sp := find(t, Run(countyOf(s)).Stages.Primary, "S")
		if sp.Pass != c.pass {
			t.Errorf("%s: pass = %v (met %d, values R2 %.4f R3 %.4f)", c.name, sp.Pass, sp.MetCount, *sp.Values["R2"], *sp.Values["R3"])
		}
	}
	// 100 × 9 / 1000 is 0.9 exactly: R3 met.
	s := school("T", "小学", 1000, 0, 0)
	s.Teachers.Primary.PE, s.Teachers.Primary.Music, s.Teachers.Primary.Art = county.I(5), county.I(2), county.I(2)
	if sp := find(t, Run(countyOf(s)).Stages.Primary, "T"); !sp.Met["R3"] {
		t.Errorf("9 PE/art teachers for 1000 students is exactly 0.9: must be met (value %.17g)", *sp.Values["R3"])
	}
}

// Combined schools: facility totals split by weighted enrolment (§2.3).
func TestCombinedSchoolSplits(t *testing.T) {
	// 九年一贯制 A = 600, B = 400: primary share 600 / (600 + 1.1·400) = 600/1040.
	nine := school("N", "九年一贯制", 600, 400, 0)
	nine.AreaTeachingAux = county.F(10400) // primary gets 6000 m² (10/student), junior 4400 (11/student)
	// 完全中学 B = 500, C = 500: junior share 500 / (500 + 1.2·500) = 500/1100.
	full := school("W", "完全中学", 0, 500, 500)
	full.AreaTeachingAux = county.F(11000) // junior gets 5000 m²: 10/student
	// 十二年一贯制 A = 400, B = 300, C = 250: denominator 400 + 330 + 330 = 1060.
	twelve := school("T", "十二年一贯制", 400, 300, 250)
	twelve.AreaTeachingAux = county.F(10600) // primary 4000 (10/student), junior 3300 (11/student)
	r := Run(countyOf(nine, full, twelve))
	for _, c := range []struct {
		stage, id string
		share, r4 float64
	}{
		{Primary, "N", 600.0 / 1040, 10}, {Junior, "N", 440.0 / 1040, 11},
		{Junior, "W", 500.0 / 1100, 10},
		{Primary, "T", 400.0 / 1060, 10}, {Junior, "T", 330.0 / 1060, 11},
	} {
		sp := find(t, r.Stages.Get(c.stage), c.id)
		approx(t, c.stage+" share of "+c.id, sp.Share, c.share, 1e-12)
		approx(t, c.stage+" R4 of "+c.id, *sp.Values["R4"], c.r4, 1e-9)
	}
	for _, sp := range r.Stages.Primary.Schools {
		if sp.ID == "W" {
			t.Error("a 完全中学 has no primary part")
		}
	}
	// Teachers are per stage: the junior R1 uses the junior teachers only.
	sp := find(t, r.Stages.Junior, "N")
	approx(t, "junior R1 of N", *sp.Values["R1"], 100*float64(*nine.Teachers.Junior.AboveDegree)/400, 1e-12)
}

// A facility shortfall of a combined school is what the whole school must
// add: the junior part gets only its share of a new room.
func TestCombinedShortfallIsSchoolAmount(t *testing.T) {
	nine := school("N", "九年一贯制", 600, 400, 0)
	nine.MultimediaRooms = county.I(10) // junior part: 10·440/1040 = 4.23 rooms → 1.06 per 100 < 2.4
	sp := find(t, Run(countyOf(nine)).Stages.Junior, "N")
	var need float64
	for _, sf := range sp.Shortfalls {
		if sf.Code == "R7" {
			need = sf.NeedAmount
		}
	}
	// Junior needs 2.4 × 400 / 100 = 9.6 rooms; it has 10 × 440/1040; each school room adds 440/1040.
	want := math.Ceil((9.6 - 10*440.0/1040) / (440.0 / 1040))
	if need != want {
		t.Errorf("R7 need = %v rooms, want %v", need, want)
	}
}

// Every shortfall is the smallest whole amount: adding it meets the
// standard, adding one less does not. Checked on a generated county by
// changing the school's input and evaluating again.
func TestShortfallIsSmallestWholeAmount(t *testing.T) {
	f := county.Generate(60, 7)
	r := Run(f)
	checked := 0
	for _, stage := range []string{Primary, Junior} {
		for _, sp := range r.Stages.Get(stage).Schools {
			for _, sf := range sp.Shortfalls {
				for _, delta := range []float64{sf.NeedAmount, sf.NeedAmount - 1} {
					g := county.Generate(60, 7)
					addResource(g, sp.ID, stage, sf.Code, delta)
					met := find(t, Run(g).Stages.Get(stage), sp.ID).Met[sf.Code]
					if want := delta == sf.NeedAmount; met != want {
						t.Errorf("%s %s %s: adding %v → met %v, want %v", sp.Name, stage, sf.Code, delta, met, want)
					}
				}
				checked++
			}
		}
	}
	if checked < 10 {
		t.Fatalf("only %d shortfalls checked: the generated county should have more", checked)
	}
}

func addResource(f *county.File, id, stage, code string, n float64) {
	for i := range f.Schools {
		s := &f.Schools[i]
		if s.ID != id {
			continue
		}
		t := s.Teachers.Primary
		if stage == Junior {
			t = s.Teachers.Junior
		}
		k := int(n)
		switch code {
		case "R1":
			*t.AboveDegree += k
		case "R2":
			*t.Backbone += k
		case "R3":
			*t.PE += k
		case "R4":
			*s.AreaTeachingAux += n
		case "R5":
			*s.AreaSportsGround += n
		case "R6":
			*s.EquipmentValue += n
		case "R7":
			*s.MultimediaRooms += k
		}
	}
}
