package session

import (
	"testing"

	"junheng/app/county"
)

func TestNextYear(t *testing.T) {
	if y, ok := NextYear("2024-2025"); !ok || y != "2025-2026" {
		t.Errorf("NextYear = %q, %v", y, ok)
	}
	if _, ok := NextYear("2024"); ok {
		t.Error("NextYear accepted 2024")
	}
}

func TestWithSchoolLeavesTheOriginalAlone(t *testing.T) {
	f := &county.File{Schools: []county.School{{ID: "1", Name: "甲"}, {ID: "2", Name: "乙"}}}
	g := WithSchool(f, "", county.School{ID: "2", Name: "乙（改）"})
	h := WithSchool(f, "", county.School{ID: "3", Name: "丙"})
	i := WithSchool(f, "1", county.School{ID: "9", Name: "甲"})
	if f.Schools[1].Name != "乙" || len(f.Schools) != 2 {
		t.Fatal("WithSchool changed the file it was given")
	}
	if g.Schools[1].Name != "乙（改）" || len(h.Schools) != 3 || i.Schools[0].ID != "9" {
		t.Fatalf("WithSchool results: %v %v %v", g.Schools, h.Schools, i.Schools)
	}
}

func TestCloneIsDeep(t *testing.T) {
	s := county.School{Teachers: county.Teachers{Primary: &county.TeacherCounts{FullTime: county.I(10)}}}
	c := Clone(s)
	*c.Teachers.Primary.FullTime = 11
	if *s.Teachers.Primary.FullTime != 10 {
		t.Fatal("Clone shares the teacher counts")
	}
}
