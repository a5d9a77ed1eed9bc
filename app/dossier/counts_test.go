package dossier

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/app/standard"
	"junheng/assets/demo"
)

// countAfter reads the number printed right after word in s ("达标10项").
func countAfter(t *testing.T, s, word string) int {
	t.Helper()
	m := regexp.MustCompile(regexp.QuoteMeta(word) + `([0-9,]+)项`).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no 「%s N 项」 in %q", word, s)
	}
	n, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	return n
}

// Found: the letter said 「政府保障程度 15 项中 11 项达标」 while 表Ⅳ said
// 「达标 10 项…不适用 1 项」 (the letter counted G7, which does not apply,
// as passing). The letter and the table now count alike.
func TestLetterCountsGovLikeTable(t *testing.T) {
	dd := build(t, demo.File(), Options{Sections: []Section{Request, Gov}, Date: fixedDate})
	letter := dd.body(dd.pagesWith("关于申请县域义务教育优质均衡发展督导评估认定的请示")[0])
	table := strings.Join(dd.bodies[1:], "")
	i := strings.Index(letter, "政府保障程度")
	j := strings.Index(table, "共15项")
	if i < 0 || j < 0 {
		t.Fatalf("no 政府保障程度 count in the letter or 表Ⅳ:\n%s\n%s", letter, table)
	}
	l, tb := letter[i:], table[j:]
	for _, w := range []string{"达标", "未达标", "不适用"} {
		if a, b := countAfter(t, l, w), countAfter(t, tb, w); a != b {
			t.Errorf("%s: the letter says %d 项, 表Ⅳ %d 项", w, a, b)
		}
	}
}

// Found: the default 请示 said the failures 「已列入整改清单，明确措施、责任单位和
// 完成时限」 while every ledger column read 未填报. It now says only what the
// ledger supports.
func TestLetterClaimsOnlyWhatTheLedgerHolds(t *testing.T) {
	f := demo.File()
	f.County.Rectification = nil
	f.County.Narrative.Request = ""
	dd := build(t, f, Options{Sections: []Section{Request}, Date: fixedDate})
	all := strings.Join(dd.bodies, "")
	if strings.Contains(all, "明确措施") || strings.Contains(all, "已明确") || strings.Contains(all, "均已列入整改清单，明确了") {
		t.Errorf("with an empty ledger the letter claims measures were set:\n%s", all)
	}
	if !strings.Contains(all, "尚待明确") {
		t.Errorf("the letter does not say the measures are still to be set:\n%s", all)
	}
}

// Found: 「0 项未填报」 was printed. No count of zero is printed in the
// letter or the 评估结论.
func TestNoZeroCountIsPrinted(t *testing.T) {
	dd := build(t, demo.File(), Options{Sections: []Section{Request, Todo}, Date: fixedDate})
	zero := regexp.MustCompile(`(^|[^0-9.,])0(项|所|个|处)`)
	for i, b := range dd.bodies {
		if m := zero.FindString(b); m != "" {
			t.Errorf("page %d prints a zero count %q", i+1, m)
		}
	}
}

// Found: a 120-school letter said 「尚有 110 项未达标」 and the 评估结论
// table 「政府保障程度 未达标项数 92」: problems at schools counted as items
// of the standard. No part now states more failing items than it has.
func TestSchoolProblemsAreNotItems(t *testing.T) {
	f := county.Generate(120, 7)
	dd := build(t, f, Options{Sections: []Section{Request, Todo}, Date: fixedDate})
	all := strings.Join(dd.bodies, "")
	total := map[string]int{standard.PartGov: 15, standard.PartQuality: 9, standard.PartVeto: 7}
	for part, n := range total {
		name := standard.PartNames[part]
		for _, m := range regexp.MustCompile(regexp.QuoteMeta(name)+`([0-9,]+)项指标未达标`).FindAllStringSubmatch(all, -1) {
			k, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
			if k > n {
				t.Errorf("%s: %d 项 fail of its %d items", name, k, n)
			}
		}
	}
	if !strings.Contains(all, "学校层面的问题") {
		t.Errorf("the problems found at schools are not called so:\n%s", all)
	}
}

// Found: 表Ⅰ and the 学校名单 said 「教学点 4 个（其中在校生 50 人及以上的 0 个）」.
func TestCountSentencePrintsNoZero(t *testing.T) {
	for _, sc := range []schoolCounts{{schools: 15, points: 4}, {schools: 15, points: 4, pointsOver50: 4}, {schools: 15, points: 4, pointsOver50: 1}} {
		s := countSentence(sc)
		if strings.Contains(s, " 0 ") {
			t.Errorf("%+v: %q prints a zero", sc, s)
		}
		if !strings.Contains(s, "教学点 4 个") {
			t.Errorf("%+v: %q", sc, s)
		}
	}
}
