package report_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/report"
	"junheng/app/standard"
	"junheng/app/wording/counts"
	"junheng/assets/demo"
)

// textOf evaluates f under the national standard and renders the report.
func textOf(f *county.File, opts eval.Options) string {
	std := standard.National2017()
	return report.Text(f, eval.Evaluate(f, std, opts), std)
}

// Issue 11, as found in the report: 300-digit areas, "-50.00%" from survey
// counts of 2^62, "-0 ㎡", a 320-digit 0.000…1, and a hang for 10^16
// students. Each county renders, and no line holds a figure the one
// printer never prints. (The demo's names and ids hold no ASCII digits
// beyond ten-digit ids, so the whole text can be checked.)
func TestReportOfHostileCounties(t *testing.T) {
	cases := map[string]func(f *county.File){
		"areas at 1.7e308": func(f *county.File) {
			for i := range f.Schools {
				s := &f.Schools[i]
				s.AreaTeachingAux, s.AreaIndoorSports, s.AreaSportsGround, s.EquipmentValue = county.F(1.7e308), county.F(1.7e308), county.F(1.7e308), county.F(1.7e308)
			}
		},
		"survey counts of 2^62": func(f *county.File) {
			f.County.Survey = county.Survey{"学生": {1 << 62, 1 << 62}, "家长": {1 << 62, 1 << 62}}
		},
		"-0 and 1e-320": func(f *county.File) {
			for i := range f.Schools {
				f.Schools[i].AreaSportsGround, f.Schools[i].EquipmentValue = county.F(math.Copysign(0, -1)), county.F(1e-320)
			}
			for i := range f.County.Finance {
				f.County.Finance[i].StaffAvgSalary = county.F(1e-320)
			}
		},
		"10^16 students": func(f *county.File) {
			s := &f.Schools[0]
			s.Students.Primary, s.Classes.Primary, s.LargestClass.Primary = county.I(1e16), county.I(1e16/40), county.I(40)
		},
		"0 entrants": func(f *county.File) {
			f.Schools[0].Entrants.Primary, f.Schools[0].EntrantsNearby.Primary = county.I(0), county.I(0)
		},
	}
	for name, change := range cases {
		f := demo.File()
		change(f)
		for _, opts := range []eval.Options{eval.DefaultOptions(), {TeachingPointThreshold: 50, MergeTeachingPoints: true, IncludeSpecial: true}} {
			text := textOf(f, opts)
			for _, line := range strings.Split(text, "\n") {
				if bad := format.CheckText(line); bad != "" {
					t.Errorf("%s: %q in line %q", name, bad, line)
				}
			}
		}
	}
}

// The survey sum no longer wraps: 2^62 + 2^62 respondents, all satisfied,
// is 100 %, not "-50.00%".
func TestReportSurveyNearTheIntLimit(t *testing.T) {
	f := demo.File()
	f.County.Survey = county.Survey{"学生": {1 << 62, 1 << 62}, "家长": {1 << 62, 1 << 62}}
	text := textOf(f, eval.DefaultOptions())
	var s1 string
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "S1") {
			s1 = line
			break
		}
	}
	if !strings.Contains(s1, "= "+format.Percent(1)) || strings.Contains(s1, "-") {
		t.Errorf("S1 line: %q", s1)
	}
}

// Found: with 教学点 entering 小学 (a threshold of 1 pupil), the report
// said 「15 所学校中 13 所达到…」 for 11 schools and 4 教学点. The stage's
// school parts are counted as the 首页 counts them (app/wording).
func TestReportStageCountsTeachingPointsApart(t *testing.T) {
	f := demo.File()
	opts := eval.DefaultOptions()
	opts.TeachingPointThreshold = 1
	r := eval.Evaluate(f, standard.National2017(), opts)
	var parts counts.Set
	for _, sp := range r.Stages.Primary.Schools {
		parts.Add(sp.Type == county.TypePoint)
	}
	schools, points := parts.Schools, parts.Points
	if points == 0 {
		t.Fatal("the demo's 教学点 are expected to enter 小学 at a threshold of 1")
	}
	text := textOf(f, opts)
	_, primary, _ := strings.Cut(text, "【资源配置·小学】")
	line := ""
	for l := range strings.Lines(primary) {
		if strings.Contains(l, "* 未达标。") {
			line = l
			break
		}
	}
	if want := fmt.Sprintf("%d 所学校（部）", schools); !strings.Contains(line, want) || !strings.Contains(line, fmt.Sprintf("%d 个教学点", points)) ||
		strings.Contains(line, fmt.Sprintf("%d 所学校中", schools+points)) {
		t.Errorf("the 小学 line does not count %d schools and %d 教学点 apart: %q", schools, points, line)
	}
}
