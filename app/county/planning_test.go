package county

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// planningDoc is a valid minimal county with the given planning block.
func planningDoc(t *testing.T, planning string) []byte {
	t.Helper()
	doc := `{"format":"junheng-county/1","year":"2024-2025","county":{"name":"测试县","planning":` + planning + `},
	"schools":[{"id":"4100000001","name":"一小","type":"小学","students":{"primary":100}},
	           {"id":"4100000002","name":"二小","type":"小学","students":{"primary":100}}]}`
	return []byte(doc)
}

func TestPlanningBlockDecodesAndRoundTrips(t *testing.T) {
	f, err := Decode(planningDoc(t, `{"costs":{"hire":98000,"build_sports_ground":260},"off":["transfer"],
		"max_new_teachers":40,"margin":0.05,"all_seven":true,"excluded_schools":["４１００００００02"]}`))
	if err != nil {
		t.Fatal(err)
	}
	p := f.County.Planning
	if p == nil || p.Costs["hire"] != 98000 || p.Costs["build_sports_ground"] != 260 || len(p.Costs) != 2 {
		t.Fatalf("costs not read: %+v", p)
	}
	if *p.MaxNewTeachers != 40 || *p.Margin != 0.05 || !*p.AllSeven || p.Off[0] != "transfer" {
		t.Fatalf("options not read: %+v", p)
	}
	if p.ExcludedSchools[0] != "4100000002" {
		t.Fatalf("excluded id not folded: %q", p.ExcludedSchools[0])
	}
	out, err := Encode(f)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Decode(out)
	if err != nil {
		t.Fatalf("encoded file does not decode: %v", err)
	}
	a, _ := json.Marshal(f.County.Planning)
	b, _ := json.Marshal(g.County.Planning)
	if !bytes.Equal(a, b) {
		t.Fatalf("planning changed on a round trip:\n%s\n%s", a, b)
	}
}

// Each bad value is refused naming its field and value; the decoder does
// not panic on a map of numbers (it did before the block was checked).
func TestPlanningBlockRefusals(t *testing.T) {
	cases := map[string][2]string{
		`{"costs":{"hire":-1}}`:                            {"county.planning.costs.hire", "负数"},
		`{"costs":{"hiring":5}}`:                           {"county.planning.costs.hiring", "没有这项措施"},
		`{"off":["transfers"]}`:                            {"county.planning.off[0]", "transfers"},
		`{"margin":0.5}`:                                   {"county.planning.margin", "0.2"},
		`{"max_new_teachers":-2}`:                          {"county.planning.max_new_teachers", "负数"},
		`{"max_new_teachers":1.5}`:                         {"county.planning.max_new_teachers", "整数"},
		`{"excluded_schools":["4199999999"]}`:              {"county.planning.excluded_schools[0]", "没有这个标识码"},
		`{"excluded_schools":["4100000001","4100000001"]}`: {"county.planning.excluded_schools[1]", "重复"},
		`{"extra":1}`:                                      {"county.planning.extra", "未知字段"},
		`{"costs":{"hire":1e400}}`:                         {"county.planning.costs.hire", "不能大于"},
	}
	for doc, want := range cases {
		_, err := Decode(planningDoc(t, doc))
		ps, ok := err.(Problems)
		if !ok || len(ps) != 1 {
			t.Errorf("%s: want one problem, got %v", doc, err)
			continue
		}
		if ps[0].Field != want[0] || !strings.Contains(ps[0].String(), want[1]) {
			t.Errorf("%s: got %q at %s, want %s mentioning %s", doc, ps[0].String(), ps[0].Field, want[0], want[1])
		}
	}
}

// Values that JSON cannot carry but a program can (NaN, Inf) are refused
// by the same rules.
func TestValidatePlanningNonFinite(t *testing.T) {
	m := math.NaN()
	inf := math.Inf(1)
	ps := ValidatePlanning(&Planning{Costs: map[string]float64{"hire": inf}, Margin: &m}, nil)
	if len(ps) != 2 {
		t.Fatalf("want 2 problems, got %v", ps)
	}
	for _, p := range ps {
		if strings.Contains(p.String(), "NaN") || strings.Contains(p.String(), "Inf") {
			t.Errorf("message prints a non-number: %s", p)
		}
	}
	if ps := ValidatePlanning(&Planning{ExcludedSchools: []string{"4199999999"}}, nil); len(ps) != 0 {
		t.Fatalf("without the file's schools an id is not checked against them: %v", ps)
	}
}
