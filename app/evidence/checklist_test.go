package evidence

import (
	"slices"
	"testing"
)

// What Missing says is missing: a single-entry item is answered by any of
// its files, a multi-entry one entry by entry, a per-school entry school
// by school, and a county file never answers a school's entry.
func TestMissingAnswersEntryBySchool(t *testing.T) {
	lists := map[string][]Entry{
		"G4": {{Name: "学校规模统计表"}},
		"G8": {{Name: "对比测算表"}, {Name: "绩效工资文件"}},
		"G3": {{Name: "音乐教室照片", PerSchool: true}},
		"G9": {{Name: "培训统计", Status: StatusPaper}, {Name: "培训文件", Status: StatusNA}},
	}
	schools := []SchoolRef{{ID: "a", Name: "甲校"}, {ID: "b", Name: "乙校"}}
	atts := []Attachment{
		{Item: "G4"}, // any file answers the single entry
		{Item: "G8", Meta: Meta{Entry: "对比测算表"}}, // one of two
		{Item: "G8"}, // no entry: answers neither of two
		{Item: "G3", School: "a", Meta: Meta{Entry: "音乐教室照片"}}, // school a only
		{Item: "G3", Meta: Meta{Entry: "音乐教室照片"}},              // the county's: not a school's
	}
	var got []string
	for _, g := range Missing(lists, atts, schools) {
		if _, listed := lists[g.Item]; listed {
			got = append(got, g.Item+"|"+g.School+"|"+g.Entry)
		}
	}
	want := []string{"G3|b|音乐教室照片", "G8||绩效工资文件"}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("missing %v, want %v", got, want)
	}
}
