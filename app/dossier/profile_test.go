package dossier

import (
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/assets/demo"
)

// primaryOnly is the demo county with only its 小学, none of which holds a
// junior field (no 初中 students, classes, teachers or staff).
func primaryOnly(t *testing.T) *county.File {
	t.Helper()
	f := demo.File()
	var kept []county.School
	for _, s := range f.Schools {
		if s.Type != county.TypePrimary {
			continue
		}
		s.Students.Junior, s.Classes.Junior, s.Teachers.Junior = nil, nil, nil
		s.Staff = &county.StageCount{Primary: county.I(40)}
		kept = append(kept, s)
	}
	if len(kept) < 2 {
		t.Fatalf("the demo has %d 小学", len(kept))
	}
	f.Schools = kept
	return f
}

// profileTable is the text of 表Ⅰ's table by school type.
func profileTable(t *testing.T, f *county.File) string {
	t.Helper()
	dd := build(t, f, Options{Sections: []Section{Profile}, Date: fixedDate})
	all := strings.Join(dd.bodies, "")
	i := strings.Index(all, "学校基本情况（按学校类型）")
	j := strings.Index(all, "分学段学生与教师情况")
	if i < 0 || j < i {
		t.Fatalf("no table by school type in 表Ⅰ:\n%s", all)
	}
	return all[i:j]
}

// Found: a county of 小学 printed 「初中在校生 0（N所未填报）」 and the like:
// the junior fields a 小学 does not have were counted as 未填报.
func TestProfileCountsNoMissingJuniorOfPrimary(t *testing.T) {
	tab := profileTable(t, primaryOnly(t))
	if strings.Contains(tab, "未填报") {
		t.Errorf("a 小学's junior fields count as 未填报:\n%s", tab)
	}
}

// A 小学 with students but no 教职工数 entered is still 未填报.
func TestProfileCountsMissingStaffOfPrimary(t *testing.T) {
	f := primaryOnly(t)
	f.Schools[0].Staff = nil
	tab := profileTable(t, f)
	if !strings.Contains(tab, "（1所未填报）") {
		t.Errorf("a 小学 without 教职工数 is not counted as 未填报:\n%s", tab)
	}
}
