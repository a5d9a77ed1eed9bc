package dossier

import (
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
