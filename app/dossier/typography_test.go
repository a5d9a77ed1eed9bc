package dossier

import (
	"testing"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/assets/demo"
)

// Found: 「9.94%, 14.38%」 kept its half-width comma in a Chinese sentence;
// a thousands separator and Latin text keep theirs.
func TestFullWidthPunctuationBetweenRates(t *testing.T) {
	for in, want := range map[string]string{
		"分别增长7.68%、9.94%,14.38%": "分别增长7.68%、9.94%，14.38%",
		"分别增长9.94%, 14.38%":      "分别增长9.94%， 14.38%",
		"在校生10,073人":             "在校生10,073人",
		"Noto Sans, Noto Serif":  "Noto Sans, Noto Serif",
	} {
		if got := fullWidthPunct(in); got != want {
			t.Errorf("fullWidthPunct(%q) = %q, want %q", in, got, want)
		}
	}
}

// Found: 整改清单 printed ISO dates (2025-08-31) and the rest 2025年3月8日.
func TestOneDateStyle(t *testing.T) {
	for in, want := range map[string]string{"2025-09-30": "2025年9月30日", "2025-09": "2025年9月", "2025/9/30": "2025年9月30日", "2025年底": "2025年底"} {
		if got := dateText(in); got != want {
			t.Errorf("dateText(%q) = %q, want %q", in, got, want)
		}
	}
}

// Found: G11's detail was printed twice in its cell (the detail and the
// issue state the same figures). An issue that adds no figure is left out;
// one that does stays.
func TestIssueRepeatingTheDetailIsNotPrinted(t *testing.T) {
	detail := "交流轮岗教师 34 人，占 12.00%；其中骨干教师 6 人，占 17.65%（标准 ≥ 20.00%）"
	same := "交流轮岗教师 34 人中骨干教师 6 人，占 17.65%，低于 20.00%"
	more := "义马市第一小学 最大班额 48 人"
	got := newIssues(detail, []string{same, more})
	if len(got) != 1 || got[0] != more {
		t.Errorf("newIssues = %q, want only %q", got, more)
	}
}

// Found: the 完全中学 in 学校名单 showed 2,130 pupils including 1,200 高中
// without saying so. Its 义务教育段 and its 高中 are shown apart.
func TestCompleteSchoolPupilsShownApart(t *testing.T) {
	f := demo.File()
	var s *county.School
	for i := range f.Schools {
		if f.Schools[i].Type == "初中" {
			s = &f.Schools[i]
			break
		}
	}
	s.Type = "完全中学"
	s.Students.Senior = county.I(1200)
	dd := build(t, f, Options{Sections: []Section{List}, Date: fixedDate})
	junior := county.Val(s.Students.Junior) + county.Val(s.Students.Primary)
	if len(dd.pagesWith(shortName(s.Name), format.Int(junior)+"+高中"+format.Int(1200))) == 0 {
		t.Errorf("%s: 义务教育段 %d and 高中 1,200 are not shown apart", s.Name, junior)
	}
	if len(dd.pagesWith(format.Int(junior+1200))) != 0 {
		t.Errorf("the sum %s of both is printed", format.Int(junior+1200))
	}
}
