package eval

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/app/standard"
	"junheng/assets/demo"
)

// checkTexts runs format.CheckText over every sentence of the result.
func checkTexts(t *testing.T, r *Result) {
	t.Helper()
	var texts []string
	for _, it := range r.Items {
		texts = append(texts, it.Detail)
		texts = append(texts, it.Issues...)
		for _, ch := range it.Checks {
			texts = append(texts, ch.Text)
		}
	}
	for _, st := range []*Stage{r.Stages.Primary, r.Stages.Junior} {
		if st == nil {
			continue
		}
		for _, sp := range st.Schools {
			for _, sf := range sp.Shortfalls {
				texts = append(texts, sf.Need)
			}
		}
	}
	for _, td := range r.Verdict.Todo {
		texts = append(texts, td.Text)
	}
	for _, s := range texts {
		if bad := format.CheckText(s); bad != "" {
			t.Errorf("%q prints %q", s, bad)
		}
	}
}

// hugeStudents is a demo county whose first school has n primary students
// (classes to match) and no backbone teachers, so every indicator falls short.
func hugeStudents(n int) *county.File {
	f := demo.File()
	s := &f.Schools[0]
	s.Students.Primary, s.Classes.Primary, s.LargestClass.Primary = county.I(n), county.I(n/40+1), county.I(40)
	s.Entrants.Primary, s.EntrantsNearby.Primary = county.I(n/6), county.I(n/6)
	return f
}

// Issue 11: 10000000000000000 in an integer field hung eval, pdf and
// export-xlsx — the shortfall search stepped one unit at a time, which
// never ends past 2^53. This test runs Evaluate once (a hang is the
// failure); the benchmark below measures it.
func TestHugeCountsEvaluateInBoundedTime(t *testing.T) {
	for _, n := range []int{1 << 53, 1e16, 1 << 62} {
		f := hugeStudents(n)
		if p := county.Validate(f); len(p) > 0 {
			t.Logf("n = %d: Validate says %v (the engine must cope either way)", n, p)
		}
		r := Run(f)
		assertFinite(t, r)
		mustJSON(t, r)
		checkTexts(t, r)
		sp := find(t, r.Stages.Primary, f.Schools[0].ID)
		if len(sp.Shortfalls) == 0 {
			t.Fatalf("n = %d: a school of %d students with the demo's resources falls short", n, n)
		}
		u := newUnit(&f.Schools[0], Primary)
		for _, sf := range sp.Shortfalls {
			ind := indicatorByCode(sf.Code)
			share := 1.0
			if ind.facility {
				share = u.share
			}
			have := ind.resource(u).v
			meets := func(m float64) bool {
				return standard.AtLeast(ind.per*(have+m*share)/float64(u.students), sf.Standard)
			}
			if !meets(sf.NeedAmount) || sf.NeedAmount > 1 && meets(sf.NeedAmount-math.Max(1, sf.NeedAmount*1e-15)) {
				t.Errorf("n = %d %s: %v is not the smallest amount that meets", n, sf.Code, sf.NeedAmount)
			}
		}
	}
}

func indicatorByCode(code string) indicator {
	for _, ind := range resourceIndicators {
		if ind.code == code {
			return ind
		}
	}
	panic("no indicator " + code)
}

// smallestWhole finds the threshold of any monotone test from any estimate
// in a bounded number of steps.
func TestSmallestWhole(t *testing.T) {
	for _, want := range []float64{1, 2, 7, 1000, 1 << 53, 1e16, 1e20, 1e300, math.MaxFloat64} {
		for _, est := range []float64{want, want - 1, want + 1, want / 3, want * 3, 1, 0, -5, math.Inf(1), math.NaN()} {
			calls := 0
			got := smallestWhole(func(n float64) bool { calls++; return n >= want }, est)
			if got != want {
				t.Errorf("threshold %g from estimate %g: got %g", want, est, got)
			}
			if calls > 4000 {
				t.Errorf("threshold %g from estimate %g: %d evaluations", want, est, calls)
			}
		}
	}
}

func BenchmarkEvaluateHugeCounts(b *testing.B) {
	f := hugeStudents(1e16)
	for i := 0; i < b.N; i++ {
		Run(f)
	}
}

// Issue 11: 1.7e308 in areas gave +Inf (in the Excel file) and 300-digit
// numbers (in the report). Every area and amount at the float limit: the
// result stays finite and every sentence prints through the one printer.
func TestAreasAtTheFloatLimit(t *testing.T) {
	f := demo.File()
	for i := range f.Schools {
		s := &f.Schools[i]
		for _, p := range []**float64{&s.AreaTeachingAux, &s.AreaIndoorSports, &s.AreaSportsGround, &s.EquipmentValue,
			&s.PublicFundsAllocated, &s.PublicFundsBudget, &s.TrainingFunds} {
			if *p != nil {
				*p = county.F(1.7e308)
			}
		}
	}
	for i := range f.County.Finance {
		fy := &f.County.Finance[i]
		if i%2 == 0 {
			fy.PublicEduExpenditure, fy.RecurrentRevenue = county.F(1.7e308), county.F(1e-320)
		} else {
			fy.PublicEduExpenditure, fy.RecurrentRevenue = county.F(1e-320), county.F(1.7e308)
		}
	}
	f.County.PublicFundsNorm.Primary = county.F(1.7e308)
	for _, opts := range []Options{DefaultOptions(), {TeachingPointThreshold: 50, MergeTeachingPoints: true, IncludeSpecial: true}} {
		r := Evaluate(f, national, opts)
		assertFinite(t, r)
		mustJSON(t, r)
		checkTexts(t, r)
		if mean := r.Stages.Primary.Mean["R5"]; mean == nil || *mean <= 0 {
			t.Errorf("R5's county mean is a number: %v", mean)
		}
	}
}

// Issue 11: survey counts of 2^62 printed "-50.00%" (the sum wrapped).
func TestSurveyCountsNearTheIntLimit(t *testing.T) {
	f := demo.File()
	f.County.Survey = county.Survey{"学生": {1 << 62, 1 << 62}, "家长": {1 << 62, 1 << 61}, "教师": {math.MaxInt, 0}}
	r := Run(f)
	s1 := r.Items["S1"]
	want := (float64(1<<62) + float64(1<<61)) / (float64(1<<62) + float64(1<<62) + float64(math.MaxInt))
	if s1.Value == nil || math.Abs(*s1.Value-want) > 1e-12 || s1.Pass {
		t.Errorf("S1 = %v, want %.6f (failing): %s", s1.Value, want, s1.Detail)
	}
	if strings.Contains(s1.Detail, "-") || !strings.Contains(s1.Detail, format.Percent(want)) {
		t.Errorf("S1 detail %q", s1.Detail)
	}
	checkTexts(t, r)
}

var negativeZeroJSON = regexp.MustCompile(`[:\[,]-0(?:\.0*)?(?:[eE][-+]?[0-9]+)?[,}\]]`)

// Issue 11: "-0 ㎡" and a 320-digit 0.000…1 were printed. An input of −0
// (which JSON allows and Validate, rightly, does not call negative) and a
// denormal 1e-320 give plain zeros.
func TestNegativeZeroAndDenormalInputs(t *testing.T) {
	f := demo.File()
	negZero := math.Copysign(0, -1)
	for i := range f.Schools {
		s := &f.Schools[i]
		if i%2 == 0 {
			s.AreaSportsGround, s.AreaIndoorSports, s.EquipmentValue = county.F(negZero), county.F(negZero), county.F(1e-320)
		} else {
			s.AreaSportsGround, s.EquipmentValue = county.F(1e-320), county.F(negZero)
		}
	}
	f.County.Quality.Q9.DifferenceRate = county.F(negZero)
	for i := range f.County.Finance {
		f.County.Finance[i].EduSurchargeLevied, f.County.Finance[i].EduSurchargeAllocated = county.F(negZero), county.F(1e-320)
	}
	if p := county.Validate(f); len(p) > 0 {
		t.Fatalf("the inputs are valid: %v", p)
	}
	r := Run(f)
	assertFinite(t, r)
	checkTexts(t, r)
	if b := mustJSON(t, r); negativeZeroJSON.Match(b) {
		t.Errorf("the result JSON holds -0: %s", negativeZeroJSON.Find(b))
	}
}

// Issue 11: a 城区 public school with 0 entrants in its stage made every
// evaluation panic in G13. It has nothing to check this year: neither
// counted, nor listed, nor 未填报.
func TestZeroEntrants(t *testing.T) {
	f := demo.File()
	s := &f.Schools[0]
	s.Entrants.Primary, s.EntrantsNearby.Primary = county.I(0), county.I(0)
	if s.Location != "城区" || s.IsPrivate() {
		t.Fatalf("the demo's first school is a 城区 public school: %+v", s)
	}
	before := Run(demo.File()).Items["G13"]
	g13 := Run(f).Items["G13"]
	if g13.Missing || slices.Contains(g13.Schools, s.ID) {
		t.Errorf("G13 with 0 entrants: %+v", g13)
	}
	if before.Detail == g13.Detail {
		t.Errorf("the school is no longer counted among those checked: %q", g13.Detail)
	}
}
