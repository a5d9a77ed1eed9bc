package dossier

import (
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/assets/demo"
)

// Counts are worded as the standard counts them: 政府保障程度 has 15 items
// (G2's four parts are one), an item that does not apply is shown.
func TestGovCountedAsTheStandardCounts(t *testing.T) {
	f := demo.File()
	dd := build(t, f, Options{Sections: []Section{Gov}, Date: fixedDate})
	all := squeeze(strings.Join(dd.pages, ""))
	if !strings.Contains(all, "共15项") {
		t.Errorf("表Ⅳ does not count 15 items:\n%s", all)
	}
	g7 := dd.r.Items["G7"]
	if g7 == nil || !g7.NotApplicable {
		t.Fatal("the demo has no special school: G7 should not apply")
	}
	if !strings.Contains(all, "不适用1项（G7") {
		t.Error("G7 does not apply in the demo but the summary does not say so")
	}
}

// Schools and teaching points are counted apart; no name carries its type
// twice.
func TestSchoolsAndTeachingPointsCountedApart(t *testing.T) {
	f := demo.File()
	points, schools := 0, 0
	for _, s := range f.Schools {
		if s.Type == county.TypePoint {
			points++
		} else {
			schools++
		}
	}
	dd := build(t, f, Options{Sections: []Section{Profile, Resource, List}, Date: fixedDate})
	want := squeeze("义务教育中小学校 " + format.Int(schools) + " 所")
	if len(dd.pagesWith(want, "教学点 "+format.Int(points)+" 个")) < 2 {
		t.Errorf("表Ⅰ and the 学校名单 should say %s and 教学点 %d 个", want, points)
	}
	if len(dd.pagesWith("中小学校合计", format.Int(schools)+" 所")) == 0 {
		t.Error("the type table does not total the schools apart from the teaching points")
	}
	all := strings.Join(dd.pages, "")
	for _, typ := range county.SchoolTypes {
		if strings.Contains(squeeze(all), typ+"学校（"+typ+"）") || strings.Contains(squeeze(all), "（"+typ+"）（") {
			t.Errorf("a name carries its type %s twice", typ)
		}
	}
}

// The PDF's information dictionary: title, author, subject, keywords, no
// double spaces.
func TestMetadata(t *testing.T) {
	f := demo.File()
	f.County.Application = &county.Application{Office: "义马市教育体育局"}
	dd := build(t, f, Options{Sections: []Section{Cover}})
	info := tool(t, "pdfinfo", dd.path)
	for _, key := range []string{"Title:", "Author:", "Subject:", "Keywords:"} {
		found := false
		for _, l := range strings.Split(info, "\n") {
			if strings.HasPrefix(l, key) {
				v := strings.TrimSpace(strings.TrimPrefix(l, key))
				found = v != ""
				if strings.Contains(v, "  ") {
					t.Errorf("%s %q has a double space", key, v)
				}
				if key == "Author:" && v != "义马市教育体育局" {
					t.Errorf("author %q, want the compiling office", v)
				}
			}
		}
		if !found {
			t.Errorf("pdfinfo shows no %s", key)
		}
	}
}

// A shortfall is printed exactly, in the resource's unit, and a combined
// school's facility shortfall says it is the whole school's.
func TestShortfallWordedHonestly(t *testing.T) {
	n, combined := 0, 0
	for _, f := range []*county.File{demo.File(), county.Generate(120, 5)} {
		r := eval.Run(f)
		for _, key := range stageKeys {
			st := r.Stages.Get(key)
			if st == nil {
				continue
			}
			for _, sp := range st.Schools {
				for _, sf := range sp.Shortfalls {
					text := needText(sf, sp.Share)
					if !strings.Contains(text, format.Number(sf.NeedAmount, 0)) || strings.Contains(text, "万元") {
						t.Errorf("%s %s: %q is not the exact amount %v", sp.Name, sf.Code, text, sf.NeedAmount)
					}
					facility := sf.NeedUnit == "㎡" || sf.NeedUnit == "元" || sf.NeedUnit == "间"
					if facility && sp.Share < 1 && !strings.Contains(text, "全校") {
						t.Errorf("%s %s: a combined school's shortfall %q does not say it is the whole school's", sp.Name, sf.Code, text)
					}
					n++
					if facility && sp.Share < 1 {
						combined++
					}
				}
			}
		}
	}
	if n == 0 || combined == 0 {
		t.Fatalf("%d shortfalls, %d of combined schools' facilities: the test checks nothing", n, combined)
	}
}

// A school at just under, at and just over 85 % of R4 (≥ 4.5 ㎡ for 小学;
// 85 % = 3.825): the printed 基本值, the printed value and the verdict agree
// on the page.
func TestThresholdOnThePage(t *testing.T) {
	for _, delta := range []float64{-0.002, -1e-7, 0, 0.002} {
		f := demo.File()
		s := &f.Schools[0]
		n := float64(*s.Students.Primary)
		limit := national.Item("R4").Limit("primary")
		target := floorOf(limit) + delta
		s.AreaTeachingAux = county.F(target*n + county.Val(s.AreaIndoorSports))
		dd := build(t, f, Options{Sections: []Section{Resource}, Date: fixedDate})
		sp := dd.r.Stages.Primary.Schools[0]
		v := *sp.Values["R4"]
		printed := valueAgainst(v, limit, floorOf(limit))
		if !strings.Contains(dd.body(0), squeeze("≥"+limitText(floorOf(limit)))) {
			t.Fatalf("the 85%% row does not print ≥%s", limitText(floorOf(limit)))
		}
		verdict := "√达标"
		if !sp.Pass {
			verdict = "×未达标"
		}
		if !dd.rowAfterName(sp.Name, printed+markFail, "85%基本值") || !strings.Contains(dd.body(0), printed+markFail) {
			t.Errorf("R4 = %v: the row does not print %s ×", v, printed)
		}
		readsAbove := parsePrinted(printed) >= parsePrinted(limitText(floorOf(limit)))
		if readsAbove != sp.Pass {
			t.Errorf("R4 = %v printed %s against ≥%s, but the school's verdict is %s", v, printed, limitText(floorOf(limit)), verdict)
		}
	}
}

// 整改清单 prints each to-do item's measure, unit, deadline and status from
// the 整改台账 (keyed by code and school); an item without an entry says
// 未填报 and 未开始.
func TestTodoShowsTheRectificationLedger(t *testing.T) {
	f := demo.File()
	r := eval.Run(f)
	var withSchool, county0 *eval.Todo
	for i := range r.Verdict.Todo {
		td := &r.Verdict.Todo[i]
		if td.SchoolID != "" && withSchool == nil {
			withSchool = td
		}
		if td.SchoolID == "" && county0 == nil {
			county0 = td
		}
	}
	if withSchool == nil || county0 == nil {
		t.Fatal("the demo should have a school and a county to-do item")
	}
	f.County.Rectification = []county.Rectification{{Code: withSchool.Code, SchoolID: county.S(withSchool.SchoolID),
		Measure: "2025年秋季招聘并认定骨干教师3名", Unit: "市教体局人事股", Deadline: "2025-08-31", Status: "进行中"}}
	dd := build(t, f, Options{Sections: []Section{Todo}, Date: fixedDate})
	if len(dd.pagesWith(withSchool.Text, "2025年秋季招聘并认定骨干教师3名", "市教体局人事股", "2025年8月31日", "进行中")) == 0 {
		t.Error("the ledger entry is not printed beside its to-do item")
	}
	if len(dd.pagesWith("整改措施", "责任单位", "完成时限", "状态", "未开始")) == 0 {
		t.Error("an item without a ledger entry does not say 未开始")
	}
}

// A combined school's R4 can be derived from its sheet: the printed whole-
// school areas, the printed share and the part's students.
func TestCombinedSchoolSplitDerivable(t *testing.T) {
	f := demo.File()
	dd := build(t, f, Options{Sections: []Section{SchoolSet}, Date: fixedDate})
	checked := 0
	for _, key := range stageKeys {
		for _, sp := range dd.r.Stages.Get(key).Schools {
			if sp.Share >= 1 {
				continue
			}
			var s *county.School
			for i := range f.Schools {
				if f.Schools[i].ID == sp.ID {
					s = &f.Schools[i]
				}
			}
			share := parsePrinted(strings.TrimSuffix(format.Percent(sp.Share), "%")) / 100
			r4 := (*s.AreaTeachingAux - *s.AreaIndoorSports) * share / float64(sp.Students)
			if format.Value(r4) != format.Value(*sp.Values["R4"]) {
				t.Errorf("%s: R4 %s is not derivable from the printed share %s (gives %s)", sp.Name, format.Value(*sp.Values["R4"]), format.Percent(sp.Share), format.Value(r4))
			}
			if len(dd.pagesWith(sp.Name, format.Percent(sp.Share), "份额÷在校生")) == 0 {
				t.Errorf("%s: the sheet does not print the share %s and how it is used", sp.Name, format.Percent(sp.Share))
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("the demo has no combined school")
	}
}
