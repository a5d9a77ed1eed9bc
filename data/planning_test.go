package data

import (
	"reflect"
	"strings"
	"testing"

	"junheng/app/county"
)

// withPlanning gives a generated county a planning block.
func withPlanning(f *county.File) *county.File {
	m, n, yes := 0.05, 40, true
	f.County.Planning = &county.Planning{
		Costs: map[string]float64{"hire": 98000, "build_sports_ground": 260.5},
		Off:   []string{"transfer", "hire"}, MaxNewTeachers: &n, Margin: &m, AllSeven: &yes,
		ExcludedSchools: []string{f.Schools[1].ID},
	}
	return f
}

// The planning block is stored with the year, read back as it was, and
// its history is in Chinese (the catalogue's labels, lever names).
func TestPlanningIsStoredWithTheYear(t *testing.T) {
	f := withPlanning(county.Generate(6, 3))
	s := storeWith(t, f)
	got, err := s.LoadYear(f.Year)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.County.Planning, f.County.Planning) {
		t.Fatalf("planning read back as %+v, want %+v", got.County.Planning, f.County.Planning)
	}
	h, err := s.History(Filter{SchoolID: "county", Field: "county.planning."})
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]string{}
	for _, c := range h {
		lines[c.Field] = c.Label + "：" + c.New
	}
	want := map[string]string{
		"county.planning.costs.hire": "规划单价：新增专任教师：98000",
		"county.planning.off":        "规划不使用的措施：交流轮岗、新增专任教师",
		"county.planning.margin":     "规划预留余量：0.05",
		"county.planning.all_seven":  "规划七项全部达标：是",
	}
	for field, line := range want {
		if lines[field] != line {
			t.Errorf("history of %s reads %q, want %q", field, lines[field], line)
		}
	}
}

// A unit cost changed in another office merges like any field and names
// who entered it.
func TestPlanningCostMergesFromAnotherOffice(t *testing.T) {
	bureau, school := twoOffices(t, 8)
	f, err := school.LoadYear("2024-2025")
	if err != nil {
		t.Fatal(err)
	}
	p := withPlanning(f).County
	if err := school.SaveCounty("2024-2025", p); err != nil {
		t.Fatal(err)
	}
	mp := plan(t, bureau, school)
	if len(mp.Conflicts) != 0 {
		t.Fatalf("conflicts: %v", mp.Conflicts)
	}
	if err := bureau.ApplyMerge(mp, nil); err != nil {
		t.Fatal(err)
	}
	got, _ := bureau.LoadYear("2024-2025")
	if got.County.Planning == nil || got.County.Planning.Costs["hire"] != 98000 || *got.County.Planning.Margin != 0.05 {
		t.Fatalf("merged planning = %+v", got.County.Planning)
	}
	// Both change the same cost: a conflict worded with the field's name.
	p.Planning.Costs["hire"] = 120000
	if err := school.SaveCounty("2024-2025", p); err != nil {
		t.Fatal(err)
	}
	mine := got.County
	mine.Planning.Costs["hire"] = 90000
	if err := bureau.SaveCounty("2024-2025", mine); err != nil {
		t.Fatal(err)
	}
	mp = plan(t, bureau, school)
	if len(mp.Conflicts) != 1 || mp.Conflicts[0].Ours != "90000" || mp.Conflicts[0].Theirs != "120000" ||
		!strings.Contains(mp.Conflicts[0].Label, "新增专任教师") {
		t.Fatalf("conflicts = %+v", mp.Conflicts)
	}
	h, err := bureau.History(Filter{SchoolID: "county", Field: "county.planning.costs.hire"})
	if err != nil {
		t.Fatal(err)
	}
	if len(h) == 0 || h[len(h)-1].Source != SourceMerged || h[len(h)-1].First == nil || h[len(h)-1].First.User != "李四" {
		t.Errorf("the merged cost does not name the other office's clerk: %+v", h)
	}
}
