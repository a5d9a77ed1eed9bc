package dossier

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/assets/demo"
)

// blocksWithTheirTable lists the pages of 表Ⅱ that hold its footnote or
// its 填报单位 lines without a row of the table.
func blocksWithTheirTable(dd *demoDossier) []int {
	var out []int
	for i, b := range dd.bodies {
		if !strings.Contains(b, "纳入计算的学校（部）") && !strings.Contains(b, "填报单位（盖章）") {
			continue
		}
		if !strings.Contains(b, "/7") {
			out = append(out, i+1)
		}
	}
	return out
}

// Found: 表Ⅱ's footnote and the 填报单位 lines stood alone on a page after
// the table. For counties of every size from 8 to 60 schools they stay
// with the table's last rows.
func TestTableFootnoteAndSignatureStayWithTheTable(t *testing.T) {
	for n := 8; n <= 60; n += 1 + n/20 {
		dd := build(t, county.Generate(n, int64(n)), Options{Sections: []Section{Resource}, Date: fixedDate})
		if ps := blocksWithTheirTable(dd); len(ps) > 0 {
			t.Errorf("%d schools: pages %v hold 表Ⅱ's footnote or signature without its rows", n, ps)
		}
	}
}

// Found: the 目录 spilled one line onto an empty page. For counties whose
// 目录 runs just past a page, no page of the dossier is under a fifth full
// except where a part ends, the 目录's pages included.
func TestContentsNeverLeavesOneLine(t *testing.T) {
	for _, n := range []int{18, 74, 130} {
		dd := build(t, county.Generate(n, int64(n)), Options{Date: fixedDate})
		for _, e := range sparsePages(t, dd) {
			t.Errorf("%s schools: %s", strconv.Itoa(n), e)
		}
	}
}

// Found: the split of a combined school could not be followed in the
// default dossier: 表Ⅱ showed 「占设施 59.73%」 only; the weights, the
// formula and the whole-school areas were only in 一校一表. A note under
// 表Ⅱ now gives them.
func TestResourceTableExplainsTheSplit(t *testing.T) {
	f := demo.File()
	dd := build(t, f, Options{Sections: []Section{Resource}, Date: fixedDate})
	found := 0
	for _, key := range stageKeys {
		for _, sp := range dd.r.Stages.Get(key).Schools {
			if sp.Share <= 0 || sp.Share >= 1 {
				continue
			}
			var s *county.School
			for i := range f.Schools {
				if f.Schools[i].ID == sp.ID {
					s = &f.Schools[i]
				}
			}
			found++
			if len(dd.pagesWith("权重", "份额", shortName(sp.Name), format.Percent(sp.Share), format.Trimmed(*s.AreaTeachingAux, 2)+"㎡", "R4=")) == 0 {
				t.Errorf("%s: 表Ⅱ does not give the weights, the share %s, the whole-school areas and the formula", sp.Name, format.Percent(sp.Share))
			}
		}
	}
	if found == 0 {
		t.Fatal("the demo has no combined school")
	}
}

// Found: a tall cell was pushed whole to the next page (55 % of a page
// left blank) or split mid-item, a page opening with 「（≥90㎡）」 and no
// item code; G3 listed 28 and 54 schools inside one cell. Long lists are
// now one school a row, and every page of 表Ⅳ opens with an item's code.
func TestLongListsAreRowsAndPagesOpenWithACode(t *testing.T) {
	dd := build(t, county.Generate(120, 5), Options{Sections: []Section{Gov}, Date: fixedDate})
	head := squeeze("代码评估内容及标准实际情况评估结论佐证材料")
	code := regexp.MustCompile(`^G[0-9]+`)
	for i, b := range dd.bodies {
		j := strings.Index(b, head)
		if j < 0 {
			t.Fatalf("page %d has no header row", i+1)
		}
		if rest := b[j+len(head):]; !code.MatchString(rest) {
			t.Errorf("page %d opens without an item code: %.40q", i+1, rest)
		}
	}
	if r := dd.r.Items["G3"]; r == nil || len(r.Issues) < 10 {
		t.Fatal("the 120-school county is expected to list many G3 schools")
	}
	for _, id := range dd.r.Items["G3"].Schools[:5] {
		for _, s := range dd.f.Schools {
			if s.ID == id && len(dd.pagesWith("G3"+shortName(s.Name))) == 0 {
				t.Errorf("%s has no row of its own under G3", s.Name)
			}
		}
	}
}

// A tall row breaks only between entries: never inside one.
func TestTallRowBreaksBetweenEntries(t *testing.T) {
	lr := laidRow{n: 5, lines: [][]string{{"G3"}, {"第2学校：音乐教室", "（≥90㎡）", "第5学校：美术教室", "（≥90㎡）", "第9学校"}},
		starts: []map[int]bool{{0: true}, {0: true, 2: true, 4: true}}}
	for _, c := range []struct{ from, limit, want int }{{0, 3, 2}, {0, 4, 4}, {0, 5, 5}, {2, 3, 2}, {0, 1, 0}} {
		if got := lr.entryBreak(c.from, c.limit); got != c.want {
			t.Errorf("entryBreak(%d, %d) = %d, want %d", c.from, c.limit, got, c.want)
		}
	}
}

// pageFill is how full each page's body is, measured in the PDF.
func pageFill(t *testing.T, dd *demoDossier) []float64 {
	t.Helper()
	var out []float64
	for _, ws := range bbox(t, dd.path) {
		top, bottom := bodyTop*mm, (297-bodyGap)*mm
		if len(ws) > 0 && ws[0].pageW > 600 {
			bottom = (210 - bodyGap) * mm
		}
		low := top
		for _, w := range ws {
			if w.y1 < bottom && w.y0 > top-2 {
				low = max(low, w.y1)
			}
		}
		out = append(out, (low-top)/(bottom-top))
	}
	return out
}

// Found: a tall cell was pushed whole to the next page, leaving 55 % of a
// page blank. A page a table continues from is at least half full.
func TestTableContinuesFromAFullPage(t *testing.T) {
	for _, n := range []int{60, 120} {
		dd := build(t, county.Generate(n, 5), Options{Sections: []Section{Gov, Quality, Todo}, Date: fixedDate})
		fill := pageFill(t, dd)
		for i := 0; i+1 < len(dd.bodies); i++ {
			if strings.Contains(dd.bodies[i+1], contWord) && fill[i] < 0.5 {
				t.Errorf("%d schools: page %d is %.0f%% full and its table continues on page %d", n, i+1, fill[i]*100, i+2)
			}
		}
	}
}
