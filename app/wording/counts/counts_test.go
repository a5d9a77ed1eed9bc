package counts

import "testing"

// Schools (所) and 教学点 (个) are worded apart, nothing for zero, and a
// part of a set of one kind keeps its short form.
func TestSetWords(t *testing.T) {
	cases := []struct {
		set, part Set
		want      string
	}{
		{Set{4, 0}, Set{1, 0}, "4 所学校中 1 所未达标"},
		{Set{0, 4}, Set{0, 1}, "4 个教学点中 1 个未达标"},
		{Set{3, 1}, Set{1, 0}, "3 所学校、1 个教学点中 1 所学校未达标"},
		{Set{3, 1}, Set{0, 1}, "3 所学校、1 个教学点中 1 个教学点未达标"},
		{Set{3, 1}, Set{2, 1}, "3 所学校、1 个教学点中 2 所学校、1 个教学点未达标"},
		{Set{1200, 0}, Set{1000, 0}, "1,200 所学校中 1,000 所未达标"},
	}
	for _, c := range cases {
		if got := c.set.Among(c.part, "未达标"); got != c.want {
			t.Errorf("%+v of %+v: %q, want %q", c.part, c.set, got, c.want)
		}
	}
	if got := (Set{}).String(); got != "" {
		t.Errorf("an empty set is worded %q", got)
	}
	var s Set
	s.Add(true)
	s.Add(false)
	s.Add(false)
	if s != (Set{Schools: 2, Points: 1}) || s.Total() != 3 || s.String() != "2 所学校、1 个教学点" {
		t.Errorf("Add: %+v %q", s, s.String())
	}
}
