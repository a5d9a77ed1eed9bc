package plan

import (
	"math"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/app/eval"
)

// A report groups a transfer with the school receiving the teacher, sums
// each school and each kind to the plan's total, and prints no NaN, Inf
// or -0 whatever the coefficients hold.
func TestReportGroupsAndSums(t *testing.T) {
	f := county.Generate(5, 1)
	a, b, c := f.Schools[0].ID, f.Schools[1].ID, f.Schools[2].ID
	actions := []Action{
		{Kind: KeyBackbone, School: a, Stage: eval.Primary, Count: 2, Cost: 10000},
		{Kind: KeyTransfer, From: a, To: c, Stage: eval.Primary, Teacher: SubjectPE, Count: 1, Cost: 5000},
		{Kind: KeyGround, School: b, Area: 100, Cost: 30000},
		{Kind: KindBuildMusic, School: c, Area: 96, Cost: 288000},
	}
	nan := math.NaN()
	before := Summary{FailingParts: 3, CV: map[string]map[string]float64{eval.Primary: {"R1": 0.21, "R2": nan}}, CVPass: map[string]map[string]bool{}}
	after := Summary{ResourcePass: true, G3Pass: true, CV: map[string]map[string]float64{eval.Primary: {"R1": 0.18}}, CVPass: map[string]map[string]bool{eval.Primary: {"R1": true}}}
	o, err := OptionsFor(f, eval.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	p := &Plan{Format: Format, County: f.County.Name, Year: f.Year, Costs: o.Costs, Options: o.Doc(), Actions: actions,
		TotalCost: 333000, Before: before, After: after, Unresolved: []Unresolved{{Item: "G5", School: b, Detail: "需增加 2 个班"}}}
	r := NewReport(p, f)
	if len(r.Schools) != 3 || r.Schools[0].ID > r.Schools[1].ID || r.Schools[1].ID > r.Schools[2].ID {
		t.Fatalf("schools %+v", r.Schools)
	}
	sum := 0.0
	for _, s := range r.Schools {
		part := 0.0
		for _, l := range s.Actions {
			part += l.Cost
		}
		if part != s.Cost {
			t.Errorf("%s: total %v, actions sum to %v", s.ID, s.Cost, part)
		}
		sum += s.Cost
		if s.ID == c && (len(s.Actions) != 2 || s.Actions[0].Kind != KeyTransfer && s.Actions[1].Kind != KeyTransfer) {
			t.Errorf("the transfer is not with the receiving school: %+v", s)
		}
	}
	kinds := 0.0
	for _, k := range r.ByKind {
		kinds += k.Cost
	}
	if sum != p.TotalCost || kinds != p.TotalCost {
		t.Errorf("schools sum to %v, kinds to %v, total %v", sum, kinds, p.TotalCost)
	}
	if r.Unresolved[0].Name != f.Schools[1].Name {
		t.Errorf("unresolved school not named: %+v", r.Unresolved[0])
	}
	text := r.Text()
	for _, bad := range []string{"NaN", "Inf", "-0"} {
		if strings.Contains(text, bad) {
			t.Errorf("the summary prints %q:\n%s", bad, text)
		}
	}
	for _, want := range []string{"测算总投入：333,000 元", "0.210（未达标）→ 0.180（达标）", "需增加 2 个班", Note} {
		if !strings.Contains(text, want) {
			t.Errorf("the summary lacks %q:\n%s", want, text)
		}
	}
}
