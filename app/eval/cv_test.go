package eval

import (
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/app/standard"
)

func TestSingleSchoolCVIsZero(t *testing.T) {
	r := Run(countyOf(school("A", "小学", 800, 0, 0)))
	for _, c := range standard.ResourceCodes {
		if cv := r.Stages.Primary.CV[c]; cv == nil || *cv != 0 || !r.Stages.Primary.CVPass[c] {
			t.Errorf("%s: a single school has CV 0, got %v", c, cv)
		}
	}
	if r.Stages.Junior != nil {
		t.Error("no junior school: the junior stage must be 不适用 (null)")
	}
	mustJSON(t, r)
}

// X̄ = 0: the coefficient is not computable; the indicator fails with a
// message, and no NaN reaches the output.
func TestZeroMeanIsNotComputable(t *testing.T) {
	a, b := school("A", "小学", 800, 0, 0), school("B", "小学", 400, 0, 0)
	a.MultimediaRooms, b.MultimediaRooms = county.I(0), county.I(0)
	r := Run(countyOf(a, b))
	st := r.Stages.Primary
	if st.CV["R7"] != nil || st.CVPass["R7"] || !strings.Contains(st.CVNote["R7"], "均值为 0") {
		t.Errorf("R7 with X̄ = 0: cv %v pass %v note %q", st.CV["R7"], st.CVPass["R7"], st.CVNote["R7"])
	}
	if r.Verdict.Pass {
		t.Error("an indicator whose CV cannot be computed must fail the county")
	}
	if strings.Contains(string(mustJSON(t, r)), "NaN") {
		t.Error("NaN in the result")
	}
}

// Scaling every school's resources and students by the same factor changes
// no coefficient; identical values give CV 0.
func TestCVProperties(t *testing.T) {
	base := county.Generate(50, 3)
	scaled := county.Generate(50, 3)
	for i := range scaled.Schools {
		s := &scaled.Schools[i]
		mul := func(p *int) {
			if p != nil {
				*p *= 3
			}
		}
		mulF := func(p *float64) {
			if p != nil {
				*p *= 3
			}
		}
		mul(s.Students.Primary)
		mul(s.Students.Junior)
		mul(s.Students.Senior)
		for _, tc := range []*county.TeacherCounts{s.Teachers.Primary, s.Teachers.Junior} {
			if tc != nil {
				for _, p := range []*int{tc.FullTime, tc.Certified, tc.AboveDegree, tc.Backbone, tc.PE, tc.Music, tc.Art, tc.MidTitle} {
					mul(p)
				}
			}
		}
		mulF(s.AreaTeachingAux)
		mulF(s.AreaIndoorSports)
		mulF(s.AreaSportsGround)
		mulF(s.EquipmentValue)
		mul(s.MultimediaRooms)
	}
	// Teaching points must enter both runs: scaling would move some across
	// the 50-student threshold and change who is counted.
	opts := DefaultOptions()
	opts.TeachingPointThreshold = 0
	r1, r3 := Evaluate(base, national, opts), Evaluate(scaled, national, opts)
	for _, stage := range []string{Primary, Junior} {
		for _, c := range standard.ResourceCodes {
			approx(t, stage+" "+c+" CV scaled ×3", *r3.Stages.Get(stage).CV[c], *r1.Stages.Get(stage).CV[c], 1e-9)
			approx(t, stage+" "+c+" mean scaled ×3", *r3.Stages.Get(stage).Mean[c], *r1.Stages.Get(stage).Mean[c], 1e-9)
		}
	}

	same := countyOf(school("A", "小学", 800, 0, 0), school("B", "小学", 400, 0, 0))
	same.Schools[0].AreaTeachingAux, same.Schools[1].AreaTeachingAux = county.F(4000), county.F(2000) // both 5 m²/student
	if cv := *Run(same).Stages.Primary.CV["R4"]; cv > 1e-12 {
		t.Errorf("equal values must give CV 0, got %g", cv)
	}
}

// The weighted mean is the county total divided by the county total: for
// R4 Σ(net area × share) / Σ students, for R1 100 × Σ teachers / Σ students.
func TestWeightedMeanIsTotalOverTotal(t *testing.T) {
	f := county.Generate(80, 11)
	r := Run(f)
	var area, above, students float64
	for _, sp := range r.Stages.Primary.Schools {
		for _, s := range f.Schools {
			if s.ID == sp.ID {
				area += (*s.AreaTeachingAux - *s.AreaIndoorSports) * sp.Share
				above += float64(*s.Teachers.Primary.AboveDegree)
				students += float64(*s.Students.Primary)
			}
		}
	}
	approx(t, "mean R4", *r.Stages.Primary.Mean["R4"], area/students, 1e-9)
	approx(t, "mean R1", *r.Stages.Primary.Mean["R1"], 100*above/students, 1e-9)
}

func TestCVLimitBoundary(t *testing.T) {
	// Two schools of equal size with R6 values m(1−k) and m(1+k) have CV = k exactly.
	for _, c := range []struct {
		k    float64
		pass bool
	}{{0.50, true}, {0.51, false}} {
		a, b := school("A", "小学", 1000, 0, 0), school("B", "小学", 1000, 0, 0)
		a.EquipmentValue, b.EquipmentValue = county.F(3000*1000*(1-c.k)), county.F(3000*1000*(1+c.k))
		st := Run(countyOf(a, b)).Stages.Primary
		approx(t, "CV", *st.CV["R6"], c.k, 1e-12)
		if st.CVPass["R6"] != c.pass {
			t.Errorf("CV %.2f: pass = %v, want %v (limit 0.50, exact value passes)", c.k, st.CVPass["R6"], c.pass)
		}
	}
}
