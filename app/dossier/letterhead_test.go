package dossier

import (
	"strings"
	"testing"
	"unicode/utf8"

	"junheng/app/county"
	"junheng/assets/demo"
)

// Found: the 请示 title left 「请示」 alone on a line. It breaks only between
// its words, whatever the width.
func TestRequestTitleBreaksBetweenWords(t *testing.T) {
	m := func(s string) float64 { return float64(utf8.RuneCountInString(s)) }
	words := requestTitle("义马市人民政府")
	title := strings.Join(words, "")
	for width := 12.0; width <= 40; width++ {
		lines := phraseLines(words, width, m)
		if strings.Join(lines, "") != title {
			t.Fatalf("width %v: characters lost: %q", width, lines)
		}
		at := 0
		for _, l := range lines[:len(lines)-1] {
			at += len(l)
			boundary := false
			for k, cut := 0, 0; k < len(words); k++ {
				cut += len(words[k])
				boundary = boundary || cut == at
			}
			if !boundary {
				t.Errorf("width %v: line %q ends inside a word", width, l)
			}
		}
		if last := lines[len(lines)-1]; last == "请示" || last == "的请示" {
			t.Errorf("width %v: 「%s」 alone on the last line", width, last)
		}
	}
}

// Found: a real 请示 has 发文字号, 签发人, 附件 and 联系人/电话; this one had
// none, and printed no contact even when the file gave one.
func TestRequestIsAGongwen(t *testing.T) {
	f := demo.File()
	f.County.Application = &county.Application{Applicant: "义马市人民政府", DocNo: "义政文〔2021〕35号", Signer: "张三",
		Attachments: "义马市县域义务教育优质均衡发展自评报告\n申报表", Contact: "李四", Phone: "0398-5812345"}
	dd := build(t, f, Options{Sections: []Section{Request}, Date: fixedDate})
	all := strings.Join(dd.bodies, "")
	for _, want := range []string{"义政文〔2021〕35号", "签发人：张三", "附件：1.义马市县域义务教育优质均衡发展自评报告2.申报表", "联系人：李四", "联系电话：0398-5812345"} {
		if !strings.Contains(all, squeeze(want)) {
			t.Errorf("the 请示 lacks %q:\n%s", want, all)
		}
	}
	if i, j := strings.Index(all, "特此请示"), strings.Index(all, "附件："); j < i {
		t.Error("附件 is not after the body")
	}
}

// Found: the 自评报告's seal block stood alone on a page. The last lines it
// signs go with it.
func TestSealKeptWithTheLastLines(t *testing.T) {
	f := demo.File()
	for extra := 0; extra < 60; extra += 5 {
		f.County.Narrative.Measures = strings.Repeat("加强领导，落实责任，确保各项措施落到实处。", 20+extra)
		dd := build(t, f, Options{Sections: []Section{Report}, Date: fixedDate})
		last := dd.body(len(dd.bodies) - 1)
		rest := strings.NewReplacer(squeeze(f.County.Name+"人民政府（盖章）"), "", "2025年3月8日", "").Replace(last)
		if utf8.RuneCountInString(rest) < 20 {
			t.Fatalf("%d sentences more: the seal stands alone: %q", extra, last)
		}
	}
}
