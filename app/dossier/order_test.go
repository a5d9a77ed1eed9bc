package dossier

import (
	"regexp"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/assets/demo"
)

var romanOrder = map[string]int{"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "Ⅵ": 6, "Ⅶ": 7, "Ⅷ": 8, "Ⅸ": 9, "Ⅹ": 10}

// Found: 教育质量 and 一票否决 carried no 表 number and 教育质量 sat between
// 表Ⅳ and 表Ⅴ. Every table part is now numbered, in binding order.
func TestTablesNumberedInBindingOrder(t *testing.T) {
	dd := build(t, demo.File(), Options{Sections: DefaultSections, Date: fixedDate})
	contents := strings.Join(dd.bodies[1:3], "")
	re := regexp.MustCompile(`表([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])`)
	last := 0
	for _, m := range re.FindAllStringSubmatch(contents, -1) {
		n := romanOrder[m[1]]
		if n != last+1 {
			t.Errorf("表%s follows 表 number %d in the 目录", m[1], last)
		}
		last = n
	}
	for _, title := range []string{"教育质量", "一票否决"} {
		if !regexp.MustCompile(`表[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]` + title).MatchString(contents) {
			t.Errorf("%s carries no 表 number in the 目录", title)
		}
	}
}

// Found: 「（续）」 and 「（续表）」 both appeared. One word continues a part.
func TestOneContinuationWord(t *testing.T) {
	dd := build(t, county.Generate(60, 5), Options{Sections: []Section{Resource, Todo, List, SchoolSet}, Date: fixedDate})
	all := strings.Join(dd.bodies, "")
	if strings.Contains(all, "（续）") {
		t.Error("a page says （续）; the dossier's continuation word is （续表）")
	}
	if !strings.Contains(all, "（续表）") {
		t.Error("no continued page says （续表）")
	}
}

// Found: with application.office set, the 自评报告 was signed by the
// 教育体育局 while the cover and the 请示 come from the 人民政府.
func TestReportSignedByTheApplicant(t *testing.T) {
	f := demo.File()
	f.County.Application = &county.Application{Applicant: "义马市人民政府", Office: "义马市教育体育局"}
	dd := build(t, f, Options{Sections: []Section{Report}, Date: fixedDate})
	last := dd.body(len(dd.bodies) - 1)
	if !strings.Contains(last, "义马市人民政府（盖章）") || strings.Contains(last, "义马市教育体育局（盖章）") {
		t.Errorf("the 自评报告 is not signed by the applicant: %q", last)
	}
}

// Found: the PDF carried no sign of what 材料自查 found. The cover of a
// dossier whose texts contradict its data says it is a draft; a clean one
// says nothing.
func TestCoverMarksADraft(t *testing.T) {
	f := demo.File()
	dd := build(t, f, Options{Sections: []Section{Cover}, Date: fixedDate})
	if !strings.Contains(dd.body(0), "校对稿：材料自查发现") {
		t.Errorf("the cover of a dossier with findings does not say so: %q", dd.body(0))
	}
	f.County.Narrative = county.Narrative{}
	dd = build(t, f, Options{Sections: []Section{Cover}, Date: fixedDate})
	if strings.Contains(dd.body(0), "校对稿") {
		t.Errorf("a clean dossier is marked a draft: %q", dd.body(0))
	}
}
