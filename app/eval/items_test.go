package eval

import (
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/assets/demo"
)

func TestSchoolItemsBoundaries(t *testing.T) {
	big := school("B", "小学", 2000, 0, 0)
	bigger := school("C", "小学", 2001, 0, 0)
	nine := school("N", "九年一贯制", 1500, 1000, 0)
	r := Run(countyOf(big, bigger, nine))
	if g4 := r.Items["G4"]; g4.Pass || len(g4.Schools) != 1 || g4.Schools[0] != "C" {
		t.Errorf("G4: 2000 passes, 2001 fails, a 九年一贯制 of 2500 passes: %+v", g4)
	}

	a := school("A", "小学", 450, 0, 0)
	a.Classes.Primary, a.LargestClass.Primary = county.I(10), county.I(45)
	b := school("B", "初中", 0, 460, 0)
	b.Classes.Junior, b.LargestClass.Junior = county.I(10), county.I(51)
	r = Run(countyOf(a, b))
	if g5 := r.Items["G5"]; g5.Pass || len(g5.Schools) != 1 || g5.Schools[0] != "B" {
		t.Errorf("G5: primary class of 45 passes, junior of 51 fails: %+v", g5)
	}

	// G3: 13 classes need 2 rooms each; a 95 m² music room does not count.
	s := school("S", "小学", 520, 0, 0)
	s.Classes.Primary = county.I(13)
	s.MusicRooms, s.ArtRooms = []float64{96, 95}, []float64{90, 90}
	r = Run(countyOf(s))
	if g3 := r.Items["G3"]; g3.Pass || !strings.Contains(g3.Issues[0], "音乐教室 1 间") {
		t.Errorf("G3: %+v", g3)
	}
	s.MusicRooms = []float64{96, 96}
	if g3 := Run(countyOf(s)).Items["G3"]; !g3.Pass {
		t.Errorf("G3 with two 96 m² rooms: %+v", g3)
	}
}

func TestCountyItemsBoundaries(t *testing.T) {
	f := demo.File()
	f.County.Quality.Q9.DifferenceRate = county.F(0.15)
	f.County.Survey = county.Survey{"学生": {100, 85}}
	r := Run(f)
	if r.Items["Q9"].Pass {
		t.Error("Q9: a difference rate of 0.15 is not below 0.15")
	}
	if !r.Items["S1"].Pass {
		t.Errorf("S1: exactly 85%% satisfied passes: %s", r.Items["S1"].Detail)
	}
	f.County.Survey = county.Survey{"学生": {100, 84}}
	if Run(f).Items["S1"].Pass {
		t.Error("S1: 84% fails")
	}
	f.County.Veto.V3 = county.B(true)
	r = Run(f)
	if r.Items["V3"].Pass || r.Verdict.Pass || r.Verdict.Parts[4].Pass {
		t.Error("a veto that happened fails the county")
	}
}

// The demo's verdict lists every failing school part and every failing
// item, so the clerk's to-do list is complete.
func TestVerdictListsEveryFailure(t *testing.T) {
	r := Run(demo.File())
	all := strings.Join(r.Verdict.Failures, "\n")
	n := 0
	for _, stage := range []string{Primary, Junior} {
		for _, sp := range r.Stages.Get(stage).Schools {
			if sp.Pass {
				continue
			}
			n++
			for _, sf := range sp.Shortfalls {
				if !strings.Contains(all, sp.Name+" "+StageNames[stage]+sf.Code+" 差 "+sf.Need) {
					t.Errorf("verdict misses %s %s %s", sp.Name, sf.Code, sf.Need)
				}
			}
		}
	}
	for code, it := range r.Items {
		if !it.Pass && !strings.Contains(all, code+" ") && !strings.HasPrefix(code, "G2.") {
			t.Errorf("verdict misses failing item %s", code)
		}
	}
	if n == 0 || r.Verdict.Pass {
		t.Fatal("the demo county is built with failing schools to show")
	}
	if len(r.Verdict.Failures)+len(r.Verdict.Missing) != len(r.Verdict.Todo) {
		t.Error("the to-do list and the sentences disagree")
	}
}

func BenchmarkEvaluate1000(b *testing.B) {
	f := county.Generate(1000, 1)
	b.ReportAllocs()
	for b.Loop() {
		Run(f)
	}
}

// Gaps of per-school items reach the to-do list with their school, so the
// list can be grouped by school.
func TestSchoolItemTodosNameTheSchool(t *testing.T) {
	r := Run(demo.File())
	names := map[string]string{}
	for _, s := range demo.File().Schools {
		names[s.ID] = s.Name
	}
	n := 0
	for _, td := range r.Verdict.Todo {
		if td.Code != "G3" && td.Code != "G5" && td.Code != "G6" {
			continue
		}
		n++
		if td.SchoolID == "" || names[td.SchoolID] != td.School || !strings.Contains(td.Text, td.School) {
			t.Errorf("to-do %q has school %q (%s)", td.Text, td.School, td.SchoolID)
		}
	}
	if n == 0 {
		t.Fatal("the demo has G3/G5/G6 gaps to show")
	}
}

// G14 and G15 need their rate and their yes/no condition.
func TestRateAndConditionItems(t *testing.T) {
	f := demo.File()
	f.County.Gov.G14.RuralTilt = county.B(false)
	f.County.Gov.G15.CareSystem = nil
	r := Run(f)
	if g14 := r.Items["G14"]; g14.Pass || g14.Missing || len(g14.Issues) != 1 || !strings.Contains(g14.Issues[0], "未向农村初中倾斜") {
		t.Errorf("G14 with no rural tilt: %+v", g14)
	}
	if g15 := r.Items["G15"]; g15.Pass || !g15.Missing {
		t.Errorf("G15 without the care-system answer is 未填报: %+v", g15)
	}
	f = demo.File()
	f.County.Gov.G14.QuotaAllocated = county.I(251) // 251 / 504 = 49.8 %
	if r := Run(f); r.Items["G14"].Pass {
		t.Errorf("G14 at 49.8%%: %s", r.Items["G14"].Detail)
	}
}
