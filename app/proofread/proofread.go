// Package proofread is 材料自查: it finds the numbers the narrative and the
// application letter state (growth rates, shares, rates and counts near
// the terms of the standard) and compares each with the value the program
// computes from the same county file. Every contradiction is listed with
// its sentence, the stated and the computed value, so that a dossier never
// reaches an inspector saying one thing in its text and another in its
// tables ("数据前后不一致"). Patterns and computed values, no language model;
// a number the program cannot compute (not entered) is never reported.
package proofread

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/wording"
)

// Finding is one contradiction: where (narrative.basic …), the sentence,
// what it is about, the stated and the computed value as printed.
type Finding struct {
	Where    string `json:"where"`
	Text     string `json:"text"`
	About    string `json:"about"`
	Stated   string `json:"stated"`
	Computed string `json:"computed"`
	// Note replaces "stated … computed …" for a finding that is no
	// contradiction of numbers (a sentence cut off, a stale ledger entry).
	Note string `json:"note,omitempty"`
}

// Check proofreads the county's texts against its own numbers. The result
// is never nil (an empty list when nothing contradicts).
func Check(f *county.File, r *eval.Result) []Finding {
	out := []Finding{}
	if f == nil || r == nil {
		return out
	}
	k := newFacts(f, r)
	n := f.County.Narrative
	for _, t := range []struct{ where, text string }{
		{"narrative.request", n.Request}, {"narrative.basic", n.Basic}, {"narrative.foundation", n.Foundation},
		{"narrative.problems", n.Problems}, {"narrative.measures", n.Measures},
	} {
		for _, tail := range cutOff(t.text) {
			out = append(out, Finding{Where: t.where, Text: tail, About: "句子不完整", Note: "段末文字没有句末标点，像是残缺的句子或误粘贴的标题，请补全或删除"})
		}
		for _, s := range sentences(t.text) {
			for _, fam := range families {
				for _, c := range fam(s, k) {
					c.Where, c.Text = t.where, strings.TrimSpace(s)
					out = append(out, c)
				}
			}
		}
	}
	for _, rc := range wording.Stale(f, r) {
		what := rc.Code
		if rc.SchoolID != nil {
			what += "（" + schoolName(f, *rc.SchoolID) + "）"
		}
		out = append(out, Finding{Where: "rectification", Text: strings.TrimSpace(rc.Measure), About: "整改台账 " + what, Note: "该项已达标，台账条目未打印"})
	}
	return out
}

func schoolName(f *county.File, id string) string {
	for i := range f.Schools {
		if f.Schools[i].ID == id {
			return f.Schools[i].Name
		}
	}
	return id
}

// sentences cuts a text at 。！？ and line breaks (； stays inside: a
// list of years often runs across it).
func sentences(text string) []string {
	var out []string
	for _, s := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("。！？!?\n", r) }) {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// A stated number: digits with thousands separators and decimals, maybe
// negative, and its unit.
var numberRe = regexp.MustCompile(`[-−]?[0-9０-９][0-9０-９,，]*(?:\.[0-9]+)?`)

// parse reads a stated number and how many decimals it was stated with.
func parse(s string) (float64, int, bool) {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == ',' || r == '，':
			return -1
		case r == '−':
			return '-'
		}
		return r
	}, s)
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, 0, false
	}
	dec := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		dec = len(s) - i - 1
	}
	return v, dec, true
}

// differs reports whether a stated percentage (or count) disagrees with the
// computed value at the precision it was stated with.
func differs(stated float64, dec int, computed float64) bool {
	return math.Abs(stated-computed) > 0.5*math.Pow(10, -float64(dec))+1e-9
}

// percentText prints a computed rate as the text would state it.
func percentText(x float64) string { return format.Number(x*100, 2) + "%" }

// isTarget reports a sentence about the future (a target, a plan), whose
// numbers are not claims about the file's year.
func isTarget(s string) bool {
	for _, w := range []string{"确保", "力争", "目标", "计划", "争取", "预计", "将达到", "达到95%以上"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
