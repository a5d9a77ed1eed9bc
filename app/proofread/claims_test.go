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

// Found: the demo 自评报告 says 「17项指标全部达标，总得分96分」 while the
// verdict falls short; neither claim was checked.
func TestVerdictClaims(t *testing.T) {
	f, r := withText("通过自评，全市在四个方面17项指标全部达标。")
	if r.Verdict.Pass {
		t.Fatal("the demo is expected to fall short")
	}
	if g := about(Check(f, r), "评估结论"); g == nil || !strings.Contains(g.Stated, "17项指标全部达标") {
		t.Errorf("「17项指标全部达标」 is not reported against the verdict: %+v", g)
	}
	for _, s := range []string{"各项指标尚未全部达标。", "力争2025年各项指标全部达标。"} {
		if fs := findings(s); about(fs, "评估结论") != nil {
			t.Errorf("%q is reported: %+v", s, fs)
		}
	}
	// The same claim in a county that passes is true.
	r.Verdict.Pass, r.Verdict.Todo = true, nil
	if g := about(Check(f, r), "评估结论"); g != nil {
		t.Errorf("a passing county's claim is reported: %+v", g)
	}
}

func TestScoreClaim(t *testing.T) {
	if fs := findings("经自评，总得分96分。"); about(fs, "总得分") == nil {
		t.Errorf("a 总得分 is not reported: %+v", fs)
	}
	if fs := findings("学生体质健康测试合格率达到标准。"); about(fs, "总得分") != nil {
		t.Errorf("a sentence without a score is reported: %+v", fs)
	}
}

// Found: 「4个教学点，在校生52人，专任教师28人，教学班14个」 — the file's
// 教学点 have 6 classes; the class count was not checked.
func TestClassCount(t *testing.T) {
	f := demo.File()
	classes := 0
	for _, s := range f.Schools {
		if s.Type == county.TypePoint {
			classes += county.Val(s.Classes.Primary) + county.Val(s.Classes.Junior)
		}
	}
	good := fmt.Sprintf("4个教学点，教学班%d个。", classes)
	bad := fmt.Sprintf("4个教学点，教学班%d个。", classes+8)
	if fs := findings(good); about(fs, "教学班数") != nil {
		t.Errorf("%q agrees but is reported: %+v", good, fs)
	}
	g := about(findings(bad), "教学点教学班数")
	if g == nil || g.Computed != format.Int(classes)+"个" {
		t.Errorf("%q is not reported with %d 个: %+v", bad, classes, g)
	}
}

// Found: 「近三年…分别增长7.68%、9.94%、14.38%」 was not checked, no year
// being named: 近三年 are the latest three years of 表Ⅴ.
func TestRelativeYears(t *testing.T) {
	f := demo.File()
	var ys []int
	for _, row := range eval.Run(f).Finance {
		ys = append(ys, row.Year)
	}
	last := ys[len(ys)-3:]
	var good, bad []string
	for i, y := range last {
		g := growth(t, y, recurrent) * 100
		good = append(good, format.Number(g, 2)+"%")
		if i == 2 {
			g += 2.5
		}
		bad = append(bad, format.Number(g, 2)+"%")
	}
	text := func(p []string) string {
		return "近三年，市财政经常性收入分别增长" + strings.Join(p, "、") + "。"
	}
	if fs := findings(text(good)); len(fs) != 0 {
		t.Errorf("%q agrees but is reported: %+v", text(good), fs)
	}
	want := fmt.Sprintf("%d年财政经常性收入增长", last[2])
	if fs := findings(text(bad)); about(fs, want) == nil {
		t.Errorf("%q is not reported as %s: %+v", text(bad), want, fs)
	}
	one := "上年市财政经常性收入增长" + bad[2] + "。"
	if fs := findings(one); about(fs, want) == nil {
		t.Errorf("%q is not reported as %s: %+v", one, want, fs)
	}
}

// Found: 「目前县域义务教育优质均衡发展」 — a fragment without its sentence —
// was printed unremarked.
func TestCutOffSentence(t *testing.T) {
	fs := findings("筑牢学校安全防线。  目前县域义务教育优质均衡发展")
	if g := about(fs, "句子不完整"); g == nil || g.Text != "目前县域义务教育优质均衡发展" {
		t.Errorf("the fragment is not reported: %+v", fs)
	}
	for _, s := range []string{"一、县域义务教育基本情况\n全市现有学校。", "筑牢学校安全防线。", "主要做法如下：\n一是加强领导。"} {
		if fs := findings(s); about(fs, "句子不完整") != nil {
			t.Errorf("%q is reported: %+v", s, fs)
		}
	}
}

// Found: a 整改台账 entry for an item that does not fail disappeared from
// the dossier without a word.
func TestStaleLedgerEntry(t *testing.T) {
	f := demo.File()
	r := eval.Run(f)
	var failing eval.Todo
	for _, td := range r.Verdict.Todo {
		if td.SchoolID == "" {
			failing = td
			break
		}
	}
	f.County.Rectification = []county.Rectification{{Code: "Q1", Measure: "控辍保学"}, {Code: failing.Code, Measure: "补足"}}
	if r.Items["Q1"] == nil || !r.Items["Q1"].Pass {
		t.Fatal("the demo's Q1 is expected to pass")
	}
	fs := Check(f, r)
	stale := 0
	for _, c := range fs {
		if c.Where == "rectification" {
			stale++
			if !strings.Contains(c.About, "Q1") || !strings.Contains(c.Sentence(), "该项已达标，台账条目未打印") {
				t.Errorf("finding %q", c.Sentence())
			}
		}
	}
	if stale != 1 {
		t.Errorf("%d ledger findings, want 1 (Q1): %+v", stale, fs)
	}
}
