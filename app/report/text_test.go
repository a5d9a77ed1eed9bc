package report_test

import (
	"math"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/report"
	"junheng/app/standard"
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
