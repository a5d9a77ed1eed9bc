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
