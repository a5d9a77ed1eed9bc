package proofread

import (
	"fmt"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/assets/demo"
)

// withText is the demo county with one narrative replaced.
func withText(text string) (*county.File, *eval.Result) {
	f := demo.File()
	f.County.Narrative = county.Narrative{Basic: text}
	return f, eval.Run(f)
}

func findings(text string) []Finding {
	f, r := withText(text)
	return Check(f, r)
}

func about(fs []Finding, sub string) *Finding {
	for i := range fs {
		if strings.Contains(fs[i].About, sub) {
			return &fs[i]
		}
	}
	return nil
}

// growth of a finance series in the demo, from the amounts of the file.
func growth(t *testing.T, year int, series func(*county.FinanceYear) *float64) float64 {
	t.Helper()
	f := demo.File()
	var prev, cur *float64
	for i := range f.County.Finance {
		fy := &f.County.Finance[i]
		if fy.Year == year-1 {
			prev = series(fy)
		}
		if fy.Year == year {
			cur = series(fy)
		}
	}
	if prev == nil || cur == nil {
		t.Fatalf("the demo lacks %d or %d", year-1, year)
	}
	return (*cur - *prev) / *prev
}

func recurrent(fy *county.FinanceYear) *float64 { return fy.RecurrentRevenue }

// The demo (like seed 000) says 2020 财政经常性收入 grew 14.38 %; its own
// amounts give 11.82 %.
func TestDemoGrowthClaimIsReported(t *testing.T) {
	f := demo.File()
	fs := Check(f, eval.Run(f))
	want := format.Number(growth(t, 2020, recurrent)*100, 2) + "%"
	g := about(fs, "2020年财政经常性收入增长")
	if g == nil {
		t.Fatalf("the 14.38%% claim is not reported: %+v", fs)
	}
	if g.Stated != "14.38%" || g.Computed != want || g.Where != "narrative.foundation" || !strings.Contains(g.Text, "14.38%") {
		t.Errorf("finding %+v; want stated 14.38%%, computed %s, in narrative.foundation", g, want)
	}
	for _, y := range []string{"2018年财政经常性收入增长", "2019年财政经常性收入增长", "生均", "2019年义务教育财政拨款增长"} {
		if about(fs, y) != nil {
			t.Errorf("%s agrees with the file but is reported", y)
		}
	}
}

// A narrative that states the file's own numbers gives no report.
func TestAgreeingNarrativeGivesNoReport(t *testing.T) {
	f := demo.File()
	r := eval.Run(f)
	k := newFacts(f, r)
	g20 := format.Number(growth(t, 2020, recurrent)*100, 2)
	g19 := format.Number(growth(t, 2019, recurrent)*100, 2)
	text := fmt.Sprintf("义马市现有义务教育中小学校%d所，其中初中%d所、九年一贯制学校%d所、小学%d所；教学点%d个。"+
		"在校中小学生%d人，其中初中学生%d人，小学生%d人。"+
		"2019-2020年，市财政经常性收入分别增长%s%%、%s%%。%s%%的随迁子女在公办学校就读。"+
		"三类残疾儿童%d人，入学率为%s%%。初中三年巩固率为%s%%。",
		int(k.schools), int(k.byType["初中"]), int(k.byType["九年一贯制"]), int(k.byType["小学"]), int(k.points),
		int(k.students), int(k.junior), int(k.primary), g19, g20,
		format.Number(*k.migrantRate*100, 2), int(*k.disabled), format.Number(*k.disabledRate*100, 0), format.Number(*k.retention*100, 2))
	f.County.Narrative = county.Narrative{Basic: text}
	if fs := Check(f, r); len(fs) != 0 {
		t.Errorf("a narrative agreeing with its tables is reported: %+v\n%s", fs, text)
	}
}

func TestFamilies(t *testing.T) {
	f := demo.File()
	k := newFacts(f, eval.Run(f))
	pct := func(x float64, add float64) string { return format.Number(x*100+add, 2) + "%" }
	cases := []struct {
		name, good, bad, about string
	}{
		{"growth single year",
			"2020年财政经常性收入增长" + pct(growth(t, 2020, recurrent), 0) + "。",
			"2020年财政经常性收入增长" + pct(growth(t, 2020, recurrent), 2.5) + "。", "2020年财政经常性收入增长"},
		{"growth of the appropriation",
			"2020年对义务教育的投入增长" + pct(growth(t, 2020, func(fy *county.FinanceYear) *float64 { return fy.EduAppropriation }), 0) + "。",
			"2020年对义务教育的投入增长" + pct(growth(t, 2020, func(fy *county.FinanceYear) *float64 { return fy.EduAppropriation }), -9) + "。", "2020年义务教育财政拨款增长"},
		{"migrant share", pct(*k.migrantRate, 0) + "的随迁子女在公办学校就读。", pct(*k.migrantRate, -15) + "的随迁子女在公办学校就读。", "随迁子女"},
		{"migrant count", fmt.Sprintf("全市随迁子女%d人。", int(*k.migrants)), fmt.Sprintf("全市随迁子女%d人。", int(*k.migrants)+40), "随迁子女人数"},
		{"retention", "初中巩固率为" + pct(*k.retention, 0) + "。", "初中巩固率为" + pct(*k.retention, -3) + "。", "巩固率"},
		{"disabled rate", "三类残疾儿童入学率为" + pct(*k.disabledRate, 0) + "。", "三类残疾儿童入学率为" + pct(*k.disabledRate, -5) + "。", "残疾儿童少年入学率"},
		{"school count", fmt.Sprintf("现有义务教育中小学校%d所。", int(k.schools)), fmt.Sprintf("现有义务教育中小学校%d所。", int(k.schools+k.points)), "中小学校数"},
		{"teaching points", fmt.Sprintf("现有教学点%d个。", int(k.points)), fmt.Sprintf("现有教学点%d个。", int(k.points)+1), "教学点数"},
		{"students", fmt.Sprintf("全市在校中小学生%d人。", int(k.students)), fmt.Sprintf("全市在校中小学生%d人。", int(k.students)-100), "在校生数"},
		{"teachers", fmt.Sprintf("全市专任教师%d人。", int(k.teachers)), fmt.Sprintf("全市专任教师%d人。", int(k.teachers)+9), "专任教师数"},
	}
	// 生均: the demo's 2018–2020 per-student public funds, as a list.
	var ps []string
	for _, fy := range f.County.Finance {
		if fy.Year >= 2018 && fy.Year <= 2020 {
			ps = append(ps, format.Number(*fy.PerStudentPublicFunds.Primary, 0)+"元")
		}
	}
	good := "2018-2020年，生均预算内公用经费逐年增长，小学分别为" + strings.Join(ps, "、") + "。"
	ps[1] = format.Number(parseF(ps[1])+100, 0) + "元"
	bad := "2018-2020年，生均预算内公用经费逐年增长，小学分别为" + strings.Join(ps, "、") + "。"
	cases = append(cases, struct{ name, good, bad, about string }{"per-student funds", good, bad, "2019年小学生均一般公共预算公用经费"})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if fs := findings(c.good); len(fs) != 0 {
				t.Errorf("%q agrees with the file but is reported: %+v", c.good, fs)
			}
			fs := findings(c.bad)
			if about(fs, c.about) == nil {
				t.Errorf("%q contradicts the file but is not reported (%+v)", c.bad, fs)
			}
		})
	}
}

// "拨款增长高于经常性收入增长" is checked against F1: the demo's 2018
// appropriation fell while revenue grew.
func TestFasterClaimAgainstF1(t *testing.T) {
	claim := "财政对教育拨款的增长比例高于财政经常性收入的增长比例。"
	f, r := withText(claim)
	failing := 0
	for _, ch := range r.Items["F1"].Checks {
		if !ch.Pass && !ch.Missing {
			failing++
		}
	}
	fs := Check(f, r)
	if (about(fs, "增长（F1）") != nil) != (failing > 0) {
		t.Errorf("F1 fails in %d years; findings %+v", failing, fs)
	}
	if failing == 0 {
		t.Fatal("the demo is expected to fail F1 in one year")
	}
	// A file whose F1 passes: the same claim is not reported.
	for i := range f.County.Finance {
		f.County.Finance[i].EduAppropriation = county.F(*f.County.Finance[i].RecurrentRevenue * 0.1 * (1 + 0.1*float64(i)))
	}
	r = eval.Run(f)
	if fs := Check(f, r); about(fs, "增长（F1）") != nil && r.Items["F1"].Pass {
		t.Errorf("F1 passes but the claim is reported: %+v", fs)
	}
}

// A target ("确保…巩固率达到95%以上") is not a claim about the year.
func TestTargetsAreNotClaims(t *testing.T) {
	if fs := findings("确保全区初中巩固率达到95%以上，残疾儿童入学率达到95%以上。"); len(fs) != 0 {
		t.Errorf("a target is reported: %+v", fs)
	}
}

func parseF(s string) float64 {
	v, _, _ := parse(strings.TrimSuffix(s, "元"))
	return v
}
