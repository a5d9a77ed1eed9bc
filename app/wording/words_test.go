package wording

import (
	"strconv"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/assets/demo"
)

func itoa(k int) string { return strconv.Itoa(k) }

// Found: the 首页 and the workbook counted problems at schools as items
// (「政府保障程度 92 项未达标」 for a 120-school county). Gaps words items
// and school problems apart and prints no zero.
func TestGapsWordsItemsAndProblemsApart(t *testing.T) {
	f := county.Generate(120, 7)
	r := eval.Run(f)
	g := Count(f, r).Part("G")
	if g.Fail > g.Total {
		t.Fatalf("%d of %d items fail", g.Fail, g.Total)
	}
	s := g.Gaps()
	if g.Problems > 0 && !strings.Contains(s, "学校层面问题 "+itoa(g.Problems)+" 处") {
		t.Errorf("Gaps = %q, want the %d school problems apart", s, g.Problems)
	}
	if strings.Contains(s, " 0 ") {
		t.Errorf("Gaps = %q prints a zero", s)
	}
	if (PartTally{Total: 9, Pass: 9}).Gaps() != "" {
		t.Error("a part without gaps is worded")
	}
}

// Found: the 首页 said 「11 所学校（部）中 9 所达标，2 所未达标，4 所未纳入计算」:
// the 4 were 教学点, and zeros were printed. Schools and 教学点 are worded
// apart, nothing for zero.
func TestStageWordsTeachingPointsApart(t *testing.T) {
	f := demo.File()
	st := eval.Run(f).Stages.Primary
	points := 0
	for _, e := range st.Excluded {
		for _, s := range f.Schools {
			if s.ID == e.ID && s.Type == county.TypePoint {
				points++
			}
		}
	}
	if points == 0 {
		t.Fatal("the demo's 教学点 under 50 pupils are expected to stay out of 小学")
	}
	if got, want := Excluded(f, st), "另有 "+itoa(points)+" 个教学点未纳入计算"; got != want {
		t.Errorf("Excluded = %q, want %q", got, want)
	}
	if got := Excluded(f, &eval.Stage{}); got != "" {
		t.Errorf("no school left out, yet %q", got)
	}
	if s := StageSchools(st); strings.Contains(s, " 0 ") || !strings.Contains(s, "所学校（部）") {
		t.Errorf("StageSchools = %q", s)
	}
}
