package proofread

import (
	"regexp"
	"strings"

	"junheng/app/county"
)

// relativeSpans are the relative years a text uses instead of naming them,
// with how many of the latest years of 表Ⅴ each means.
var relativeSpans = []struct {
	word string
	n    int
}{
	{"近五年", 5}, {"近三年", 3}, {"近两年", 2}, {"近二年", 2}, {"上一年", 1}, {"上年", 1}, {"去年", 1},
}

// relativeYears reads the last relative span before a claim: 近三年 is the
// latest three years of 表Ⅴ (as 表Ⅴ lists them), 上年 the latest one. Nil
// when the text names none or 表Ⅴ holds too few years.
func relativeYears(before string, have []int) []int {
	best, n := -1, 0
	for _, sp := range relativeSpans {
		if i := strings.LastIndex(before, sp.word); i > best {
			best, n = i, sp.n
		}
	}
	if best < 0 || n > len(have) {
		return nil
	}
	return append([]int(nil), have[len(have)-n:]...)
}

// classCounts are the county's 教学班 and those of its 教学点; nil when a
// school does not give them.
func classCounts(f *county.File) (all, points *float64) {
	var a, p float64
	okA, okP := len(f.Schools) > 0, true
	for i := range f.Schools {
		s := &f.Schools[i]
		if s.Classes.Primary == nil && s.Classes.Junior == nil {
			okA = false
			if s.Type == county.TypePoint {
				okP = false
			}
			continue
		}
		n := float64(county.Val(s.Classes.Primary) + county.Val(s.Classes.Junior))
		a += n
		if s.Type == county.TypePoint {
			p += n
		}
	}
	if okA {
		all = &a
	}
	if okP {
		points = &p
	}
	return all, points
}

var (
	allPassRe = regexp.MustCompile(`(?:([0-9]+)\s*项(?:评估)?指标\s*)?(?:全部达标|均达标|均已达标|全部达到(?:标准|要求)|均达到(?:标准|要求))`)
	negatedRe = regexp.MustCompile(`(?:未|不|没有|尚未)(?:全部|均)`)
	scoreRe   = regexp.MustCompile(`总得分\s*(?:为|达)?\s*([0-9]+(?:\.[0-9]+)?)\s*分`)
)

// verdictFamily checks claims about the verdict ("17项指标全部达标") against
// it: while the county falls short, no text may say every item passes.
func verdictFamily(s string, k *facts) []Finding {
	if isTarget(s) || k.tally.Pass || negatedRe.MatchString(s) {
		return nil
	}
	m := allPassRe.FindStringSubmatch(s)
	if m == nil || !(strings.Contains(s, "指标") || strings.Contains(s, "评估") || strings.Contains(s, "自评")) {
		return nil
	}
	return []Finding{{About: "评估结论", Stated: strings.TrimSpace(m[0]), Computed: strings.TrimSuffix(k.tally.Conclusion(), "。")}}
}

// scoreFamily reports a 总得分: the 督导评估办法 counts no score, so a
// score claims a verdict the standard does not give.
func scoreFamily(s string, k *facts) []Finding {
	m := scoreRe.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	return []Finding{{About: "总得分（《县域义务教育优质均衡发展督导评估办法》不计总得分）", Stated: m[1] + "分", Computed: strings.TrimSuffix(k.tally.Conclusion(), "。")}}
}

// cutOff finds a paragraph's last words left without their sentence end
// ("…筑牢学校安全防线。  目前县域义务教育优质均衡发展"): a paragraph of
// several sentences whose last one has no closing punctuation.
func cutOff(text string) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		para = strings.TrimSpace(para)
		i := strings.LastIndexAny(para, "。！？")
		if i < 0 {
			continue
		}
		tail := strings.TrimSpace(para[i+len("。"):])
		if tail == "" || strings.ContainsAny(tail[len(tail)-1:], ".!?") {
			continue
		}
		last := []rune(tail)
		if strings.ContainsRune("。！？；：”）」", last[len(last)-1]) {
			continue
		}
		out = append(out, tail)
	}
	return out
}
