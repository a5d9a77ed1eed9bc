package dossier

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/standard"
	"junheng/assets/demo"
)

// The parts as bound, in order; each is the title of a level-0 heading.
var partOrder = []Section{Request, Report, Profile, Resource, Charts, CV, Gov, Finance, Survey, Quality, Veto, Todo, List, Evidence}

func generated120() *county.File { return county.Generate(120, 5) }

func layoutCases(t *testing.T) map[string]*demoDossier {
	return map[string]*demoDossier{
		"demo": build(t, demo.File(), Options{Date: fixedDate}),
		"120":  build(t, generated120(), Options{Date: fixedDate}),
	}
}

func TestPartsInOrderWithTableLabels(t *testing.T) {
	for name, dd := range layoutCases(t) {
		last := 0
		for _, sec := range partOrder {
			ps := dd.pagesWith(partTitles[sec])
			if len(ps) == 0 {
				t.Errorf("%s: part %s (%s) is missing", name, sec, partTitles[sec])
				continue
			}
			if ps[0] < last {
				t.Errorf("%s: %s on page %d comes before the previous part (page %d)", name, partTitles[sec], ps[0]+1, last+1)
			}
			last = ps[0]
		}
		for _, label := range []string{"表Ⅰ", "表Ⅱ", "表Ⅲ", "表Ⅳ", "表Ⅴ", "表Ⅵ"} {
			if len(dd.pagesWith(label)) == 0 {
				t.Errorf("%s: no %s", name, label)
			}
		}
		if len(dd.pagesWith("申报单位", dd.f.County.Name+"人民政府")) == 0 {
			t.Errorf("%s: the cover does not name the applicant", name)
		}
		if got := dd.pagesWith("2025年3月8日"); len(got) < 3 {
			t.Errorf("%s: the date is on %d pages", name, len(got))
		}
	}
}

// A date from the file, else the school year's end; never today.
func TestDatesComeFromTheFile(t *testing.T) {
	f := demo.File()
	dd := build(t, f, Options{Sections: []Section{Cover, Request}})
	end := chineseDate(schoolYearEnd(f.Year))
	if len(dd.pagesWith(end)) != 2 {
		t.Errorf("without an application date the cover and the letter should say %s", end)
	}
	f.County.Application = &county.Application{Date: "2021-03-08", Applicant: "义马市人民政府", Office: "义马市教育体育局"}
	dd = build(t, f, Options{Sections: []Section{Cover, Request}})
	if len(dd.pagesWith("2021年3月8日")) != 2 || len(dd.pagesWith("义马市教育体育局")) == 0 {
		t.Error("the application's date and office are not printed")
	}
}

type bboxWord struct {
	page           int
	x0, y0, x1, y1 float64
	text           string
	pageW          float64
}

var wordRe = regexp.MustCompile(`xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<`)

func bbox(t *testing.T, path string) [][]bboxWord {
	out := tool(t, "pdftotext", "-bbox", "-enc", "UTF-8", path, "-")
	var pages [][]bboxWord
	for i, p := range strings.Split(out, "<page ")[1:] {
		w := 595.28
		if m := regexp.MustCompile(`width="([\d.]+)"`).FindStringSubmatch(p); m != nil {
			w, _ = strconv.ParseFloat(m[1], 64)
		}
		var ws []bboxWord
		for _, m := range wordRe.FindAllStringSubmatch(p, -1) {
			v := make([]float64, 4)
			for j := range v {
				v[j], _ = strconv.ParseFloat(m[j+1], 64)
			}
			ws = append(ws, bboxWord{i, v[0], v[1], v[2], v[3], m[5], w})
		}
		pages = append(pages, ws)
	}
	return pages
}

const mm = 72 / 25.4

// No word runs past the page's text box (the margins), measured in the PDF.
func TestNoLinePastTheMargin(t *testing.T) {
	for name, dd := range layoutCases(t) {
		over := 0
		for _, ws := range bbox(t, dd.path) {
			for _, w := range ws {
				left, right := marginX*mm, w.pageW-marginX*mm
				if w.pageW > 600 {
					left, right = marginXL*mm, w.pageW-marginXL*mm
				}
				if w.x1 > right+0.3 || w.x0 < left-0.3 {
					over++
					if over < 5 {
						t.Errorf("%s page %d: %q spans %.1f–%.1f pt, text box %.1f–%.1f", name, w.page+1, w.text, w.x0, w.x1, left, right)
					}
				}
			}
		}
		if over > 0 {
			t.Errorf("%s: %d words past the margin", name, over)
		}
	}
}

// A number never ends a wrapped line whose next line starts with its unit:
// every full line of the pages (one that reaches the right margin) is
// checked against the line below it.
func TestNumberNeverSplitFromItsUnit(t *testing.T) {
	for name, dd := range layoutCases(t) {
		for _, ws := range bbox(t, dd.path) {
			lines := map[float64][]bboxWord{}
			var ys []float64
			for _, w := range ws {
				y := float64(int(w.y1*2)) / 2
				if _, ok := lines[y]; !ok {
					ys = append(ys, y)
				}
				lines[y] = append(lines[y], w)
			}
			for i := 0; i+1 < len(ys); i++ {
				a, b := lines[ys[i]], lines[ys[i+1]]
				la, fb := a[len(a)-1], b[0]
				if la.x1 < la.pageW-marginX*mm-12 || fb.x0 > marginX*mm+30 || !oneRun(a) {
					continue // not a wrapped body line
				}
				last, _ := utf8.DecodeLastRuneInString(la.text)
				first, _ := utf8.DecodeRuneInString(fb.text)
				if keepTogether(last, first) {
					t.Errorf("%s page %d: %q / %q splits a number from its unit", name, la.page+1, la.text, fb.text)
				}
			}
		}
	}
	// Table cells wrap with the same rule.
	m := func(s string) float64 { return float64(utf8.RuneCountInString(s)) }
	for _, text := range []string{"差 52,000 元教学仪器设备", "（≥ 90 ㎡）", "共有学校15所"} {
		for w := 9.0; w < 16; w++ { // narrower than the unbreakable piece, a cut is forced
			lines := Wrap(text, w, m)
			for i := 0; i+1 < len(lines); i++ {
				last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(lines[i]))
				first, _ := utf8.DecodeRuneInString(strings.TrimSpace(lines[i+1]))
				if keepTogether(last, first) {
					t.Errorf("Wrap(%q, %v) = %q splits a number from its unit", text, w, lines)
				}
			}
		}
	}
}

// oneRun reports a line of text set as one run (body text), not a table
// row whose cells stand apart: no gap wider than two characters.
func oneRun(line []bboxWord) bool {
	for i := 1; i < len(line); i++ {
		if line[i].x0-line[i-1].x1 > 22 {
			return false
		}
	}
	return true
}

// No page is less than a fifth full except the last page of a part.
func TestNoNearlyEmptyPageExceptPartEnds(t *testing.T) {
	for name, dd := range layoutCases(t) {
		signatureNeverAlone(t, name, dd)
		for _, e := range sparsePages(t, dd) {
			t.Errorf("%s: %s", name, e)
		}
	}
}

// sparsePages lists the pages under a fifth full that do not end a part,
// measured in the PDF (pdftotext -bbox); the 目录 ends a part only on its
// first page or when its last page holds more than one line.
func sparsePages(t *testing.T, dd *demoDossier) []string {
	t.Helper()
	d, err := settle(dd.f, dd.r, dd.opts)
	if err != nil {
		t.Fatal(err)
	}
	starts := map[int]bool{}
	for _, e := range d.toc {
		if e.Level == 0 {
			starts[e.Page-1] = true
		}
	}
	pages := bbox(t, dd.path)
	var out []string
	for i := 1; i < len(pages)-1; i++ {
		top, bottom := bodyTop*mm, (297-bodyGap)*mm
		if len(pages[i]) > 0 && pages[i][0].pageW > 600 {
			bottom = (210 - bodyGap) * mm
		}
		low := 0.0
		lines := map[int]bool{}
		for _, w := range pages[i] {
			if w.y1 < bottom && w.y0 > top-2 {
				low = max(low, w.y1)
				lines[int(w.y1)] = true
			}
		}
		contents := strings.Contains(dd.pages[i], "目  录") || strings.Contains(dd.pages[i], ". . . .") && !strings.Contains(dd.pages[i], "申请报告\n")
		if starts[i+1] && !(contents && len(lines) <= 1) {
			continue // i ends a part
		}
		if i == 1 {
			continue // the first page of the 目录
		}
		if fill := (low - top) / (bottom - top); fill < 0.2 {
			out = append(out, fmt.Sprintf("page %d is %.0f%% full and does not end a part: %.60q", i+1, fill*100, squeeze(dd.pages[i])))
		}
	}
	return out
}

// signatureNeverAlone: even where a part ends, a page never holds its
// signature block alone.
func signatureNeverAlone(t *testing.T, name string, dd *demoDossier) {
	t.Helper()
	for i := range dd.pages {
		b := dd.body(i)
		if !strings.Contains(b, "填报单位（盖章）") {
			continue
		}
		for _, s := range []string{"填报单位（盖章）：", "单位负责人：", "填报人：", "联系电话：", "填报日期：", "县级人民政府（盖章）", "教育行政部门（盖章）",
			squeeze(dd.f.County.Name + "人民政府"), "2025年3月8日", "（续）", "（续表）", "＿"} {
			b = strings.ReplaceAll(b, s, "")
		}
		for _, sec := range AllSections {
			b = strings.ReplaceAll(b, squeeze(partTitles[sec]), "")
		}
		if utf8.RuneCountInString(b) < 30 {
			t.Errorf("%s: page %d holds the signature block alone: %q", name, i+1, b)
		}
	}
}

// Counties of every size from 20 to 70 schools: the to-do list, the school
// list and the evidence never leave their signature alone on a page.
func TestSignatureKeptWithItsTable(t *testing.T) {
	for n := 20; n <= 70; n += 4 {
		dd := build(t, county.Generate(n, int64(n)), Options{Sections: []Section{Todo, List}, Date: fixedDate})
		signatureNeverAlone(t, strconv.Itoa(n), dd)
	}
}

// The printed 85 % threshold and the printed value agree with the verdict
// for a value just under, at and just over 85 % of every standard.
func TestThresholdTextAndVerdictAgree(t *testing.T) {
	for _, it := range national.Items {
		if it.Part != standard.PartResource {
			continue
		}
		for _, stage := range []string{eval.Primary, eval.Junior} {
			limit := it.Limit(stage)
			floor := floorOf(limit)
			for _, v := range []float64{floor - 0.002, floor - 1e-12, floor, floor + 1e-12, floor + 0.002, limit - 0.002, limit, limit + 0.002} {
				text := valueAgainst(v, limit, floor)
				for _, l := range []float64{limit, floor} {
					printed := parsePrinted(text) >= parsePrinted(limitText(l))
					if printed != standard.AtLeast(v, l) {
						t.Errorf("%s %s: value %v printed %s against ≥%s reads %v, verdict %v", it.Code, stage, v, text, limitText(l), printed, standard.AtLeast(v, l))
					}
				}
			}
			if parsePrinted(limitText(floor)) != floor && abs(parsePrinted(limitText(floor))-floor) > 1e-9 {
				t.Errorf("%s %s: 85%% of %v printed %s", it.Code, stage, limit, limitText(floor))
			}
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// Control characters in names never reach the PDF.
func TestControlCharactersNeverPrinted(t *testing.T) {
	f := demo.File()
	f.Schools[0].Name = "义马\x1b[31m市\x00实验\u202e小学"
	dd := build(t, f, Options{Sections: []Section{List, Resource}, Date: fixedDate})
	all := strings.Join(dd.pages, "")
	for _, bad := range []string{"\x1b", "\x00", "\u202e"} {
		if strings.Contains(all, bad) {
			t.Errorf("the PDF prints %q", bad)
		}
	}
	if len(dd.pagesWith("义马[31m市实验小学")) == 0 {
		t.Error("the cleaned name is not printed")
	}
}

// A 100,000-character school name is printed promptly (issue 11: it took
// more than 7 minutes): the benchmark shows the time.
func BenchmarkHugeSchoolName(b *testing.B) {
	f := demo.File()
	f.Schools[0].Name = strings.Repeat("义马市实验小学ABC", 10000)
	r := eval.Run(f)
	opts := Options{Sections: AllSections, Date: fixedDate}
	for b.Loop() {
		if err := Write(io.Discard, f, r, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// A 1,000-school dossier (default sections): under 2 s and 10 MB. It
// reports the PDF's size and the peak heap, sampled while it is written,
// for the whole and separately for the layout passes (settle) and for
// gofpdf's Output, so that a change shows where it saved.
func BenchmarkThousandSchoolDossier(b *testing.B) {
	f := county.Generate(1000, 9)
	r := eval.Run(f)
	b.ReportAllocs()
	var peak, phase atomic.Uint64
	stop := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				if ms.HeapAlloc > peak.Load() {
					peak.Store(ms.HeapAlloc)
				}
				if ms.HeapAlloc > phase.Load() {
					phase.Store(ms.HeapAlloc)
				}
			}
		}
	}()
	var buf bytes.Buffer
	var layoutPeak, outputPeak uint64
	runtime.GC()
	for b.Loop() {
		buf.Reset()
		phase.Store(0)
		d, err := settle(f, r, Options{Date: fixedDate})
		if err != nil {
			b.Fatal(err)
		}
		layoutPeak = max(layoutPeak, phase.Swap(0))
		if err := output(d, &buf); err != nil {
			b.Fatal(err)
		}
		outputPeak = max(outputPeak, phase.Load())
	}
	close(stop)
	b.ReportMetric(float64(buf.Len())/1e6, "pdf-MB")
	b.ReportMetric(float64(peak.Load())/1e6, "peak-heap-MB")
	b.ReportMetric(float64(layoutPeak)/1e6, "layout-peak-MB")
	b.ReportMetric(float64(outputPeak)/1e6, "output-peak-MB")
}
