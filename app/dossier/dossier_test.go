package dossier

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/standard"
	"junheng/assets/demo"
)

// fixedDate makes the output reproducible.
var fixedDate = time.Date(2025, 3, 8, 0, 0, 0, 0, time.UTC)

func demoOptions() Options {
	return Options{Sections: AllSections, Office: "义马市教育局", Date: fixedDate, Head: "张三", Preparer: "李四", Phone: "0398-5812345"}
}

// render writes a dossier to a temporary file; DOSSIER_OUT=dir keeps a copy
// to look at.
func writePDF(t testing.TB, f *county.File, r *eval.Result, opts Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, f, r, opts); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "dossier.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("DOSSIER_OUT"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, t.Name()+".pdf"), buf.Bytes(), 0o644)
	}
	return path
}

// tool runs a poppler tool; the PDF tests need poppler-utils.
func tool(t testing.TB, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s not installed: CI must install poppler-utils, or these tests protect nothing", name)
		}
		t.Skipf("%s not installed (apt-get install poppler-utils)", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// pages returns the text of every page (pdftotext separates pages by \f),
// in content-stream order (-raw), so that a table cell's lines stay together
// whatever the cells beside it hold.
func pages(t testing.TB, path string) []string {
	t.Helper()
	out := tool(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")
	ps := strings.Split(out, "\f")
	if len(ps) > 0 && strings.TrimSpace(ps[len(ps)-1]) == "" {
		ps = ps[:len(ps)-1]
	}
	return ps
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

type demoDossier struct {
	f      *county.File
	r      *eval.Result
	opts   Options
	path   string
	pages  []string
	bodies []string
}

func newDemo(t *testing.T) *demoDossier { return build(t, demo.File(), demoOptions()) }

func build(t *testing.T, f *county.File, opts Options) *demoDossier {
	r := eval.Run(f)
	path := writePDF(t, f, r, opts)
	dd := &demoDossier{f: f, r: r, opts: opts, path: path, pages: pages(t, path)}
	for i := range dd.pages {
		dd.bodies = append(dd.bodies, dd.strip(i))
	}
	return dd
}

// body is a page's text without whitespace, the running header and the footer.
func (dd *demoDossier) body(i int) string { return dd.bodies[i] }

func (dd *demoDossier) strip(i int) string {
	s := squeeze(dd.pages[i])
	s = strings.Replace(s, squeeze(dd.f.County.Name+Title), "", 1)
	s = strings.Replace(s, squeeze(dd.f.Year+"学年"), "", 1)
	s = strings.Replace(s, "第"+format.Int(i+1)+"页共"+format.Int(len(dd.pages))+"页", "", 1)
	return s
}

// pagesWith returns the indexes of the pages whose body contains every string.
func (dd *demoDossier) pagesWith(subs ...string) []int {
	var out []int
	for i := range dd.pages {
		b := dd.body(i)
		all := true
		for _, s := range subs {
			all = all && strings.Contains(b, squeeze(s))
		}
		if all {
			out = append(out, i)
		}
	}
	return out
}

func TestDemoDossierHasEverySchoolAndValue(t *testing.T) {
	dd := newDemo(t)
	all := squeeze(strings.Join(dd.pages, ""))
	for _, s := range dd.f.Schools {
		if !strings.Contains(all, squeeze(s.Name)) {
			t.Errorf("school %s is missing", s.Name)
		}
	}
	checkValues(t, dd)
}

// checkValues checks every value of every school part and every coefficient.
func checkValues(t *testing.T, dd *demoDossier) {
	// Every value of every school part, as the result prints it at two
	// decimals: in its row of the resource table (name, students, R1…R7 with
	// the 达标 mark in order) and in that school's own sheet (一校一表).
	for _, key := range stageKeys {
		st := dd.r.Stages.Get(key)
		if st == nil {
			continue
		}
		for _, sp := range st.Schools {
			row := format.Int(sp.Students)
			for _, code := range standard.ResourceCodes {
				v := sp.Values[code]
				switch {
				case v == nil:
					row += format.Missing
				case sp.Met[code]:
					row += valueAgainst(*v, st.Standard[code], floorOf(st.Standard[code])) + markPass
				default:
					row += valueAgainst(*v, st.Standard[code], floorOf(st.Standard[code])) + markFail
				}
			}
			if !dd.rowAfterName(sp.Name, row, "85%基本值") {
				t.Errorf("%s %s: no resource table row reads %q", eval.StageNames[key], sp.Name, row)
			}
			for _, code := range standard.ResourceCodes {
				if !dd.opts.has(SchoolSet) {
					break
				}
				it := national.Item(code)
				value := format.Missing
				if v := sp.Values[code]; v != nil {
					value = valueAgainst(*v, st.Standard[code], floorOf(st.Standard[code]))
				}
				line := code + it.Name + "（" + it.Unit + "）" + value +
					limitText(st.Standard[code]) + limitText(st.Standard[code]*national.PartPassFloor)
				if len(dd.pagesWith(line, sp.ID, "学校标识码")) == 0 {
					t.Errorf("%s: the school sheet lacks %q", sp.Name, line)
				}
			}
		}
		// Coefficients (three decimals) and county means (two), each in
		// its indicator's row of the stage's coefficient table.
		for _, code := range standard.ResourceCodes {
			it := national.Item(code)
			if st.CV[code] == nil {
				continue // TestMissingValuesPrintAsNotEntered
			}
			line := code + it.Name + "（" + it.Unit + "）" + valText(st.Mean[code]) + format.CV(*st.CV[code]) +
				"≤" + format.Number(st.CVLimit, 3)
			if len(dd.pagesWith(line, eval.StageNames[key]+"差异系数")) == 0 {
				t.Errorf("%s: no coefficient row reads %q", eval.StageNames[key], line)
			}
		}
	}
}

// rowAfterName reports whether a page with marker shows row right after
// name (allowing a short suffix such as "（九年一贯制）" between them).
func (dd *demoDossier) rowAfterName(name, row, marker string) bool {
	for _, i := range dd.pagesWith(name, row, marker) {
		b := dd.body(i)
		for off := 0; ; {
			j := strings.Index(b[off:], name)
			if j < 0 {
				break
			}
			rest := b[off+j+len(name):]
			if k := strings.Index(rest, row); k >= 0 && len([]rune(rest[:k])) <= 20 {
				return true
			}
			off += j + len(name)
		}
	}
	return false
}

func TestDemoDossierHasTheWholeNarrative(t *testing.T) {
	dd := newDemo(t)
	var body strings.Builder
	for i := range dd.pages {
		body.WriteString(dd.body(i))
	}
	text := body.String()
	n := dd.f.County.Narrative
	for name, s := range map[string]string{"basic": n.Basic, "foundation": n.Foundation, "problems": n.Problems, "measures": n.Measures} {
		if s == "" {
			t.Errorf("the demo has no %s narrative", name)
			continue
		}
		if want := squeeze(prose(s)); !strings.Contains(text, want) {
			// find the first character that went missing
			w := []rune(want)
			i := 0
			for i < len(w) && strings.Contains(text, string(w[:i+1])) {
				i++
			}
			t.Errorf("narrative %s is not printed whole; it diverges after %q", name, string(w[max(0, i-20):i]))
		}
	}
}

func TestDemoDossierVerdictAndTodo(t *testing.T) {
	dd := newDemo(t)
	if len(dd.r.Verdict.Todo) == 0 {
		t.Fatal("the demo county is expected to have a to-do list")
	}
	for _, td := range dd.r.Verdict.Todo {
		if len(dd.pagesWith(td.Text, "整改清单")) == 0 && len(dd.pagesWith(td.Text, "问题及差距")) == 0 {
			t.Errorf("to-do %q is not in the 整改清单", td.Text)
		}
	}
	// Funding growth rates, as computed by the result, in 表Ⅴ.
	for _, row := range dd.r.Finance {
		for _, key := range eval.FinanceSeries {
			if g := row.Growth[key]; g != nil && len(dd.pagesWith(format.SignedPercent(*g), "比上年增长")) == 0 {
				t.Errorf("%d %s: growth %s not printed", row.Year, key, format.SignedPercent(*g))
			}
		}
	}
	all := strings.Join(dd.pages, "")
	for _, bad := range []string{"NaN", "Inf", "%!"} {
		if strings.Contains(all, bad) {
			t.Errorf("the dossier prints %q", bad)
		}
	}
}

func TestDemoDossierPagesAndFonts(t *testing.T) {
	dd := newDemo(t)
	info := tool(t, "pdfinfo", dd.path)
	var n int
	for _, l := range strings.Split(info, "\n") {
		if strings.HasPrefix(l, "Pages:") {
			n = atoi(strings.TrimSpace(strings.TrimPrefix(l, "Pages:")))
		}
	}
	if n != len(dd.pages) || n == 0 {
		t.Fatalf("pdfinfo says %d pages, pdftotext found %d", n, len(dd.pages))
	}
	// Every page but the cover says 第 X 页 共 N 页 with its own number,
	// and none is empty.
	for i := 1; i < n; i++ {
		foot := "第" + format.Int(i+1) + "页共" + format.Int(n) + "页"
		if !strings.Contains(squeeze(dd.pages[i]), foot) {
			t.Errorf("page %d lacks its footer %s", i+1, foot)
		}
		if len([]rune(dd.body(i))) < 10 {
			t.Errorf("page %d is (nearly) empty: %q", i+1, dd.pages[i])
		}
	}
	// One sheet per school: the school section has exactly one page per school.
	sheets := 0
	for i := range dd.pages {
		for _, s := range dd.f.Schools {
			if strings.Contains(dd.body(i), s.ID) && strings.Contains(dd.body(i), "所属中心校") {
				sheets++
			}
		}
	}
	if sheets != len(dd.f.Schools) {
		t.Errorf("%d school sheets for %d schools", sheets, len(dd.f.Schools))
	}
	// The contents give each heading's real page.
	layout := strings.Split(tool(t, "pdftotext", "-layout", "-enc", "UTF-8", "-f", "2", "-l", "2", dd.path, "-"), "\n")
	d, err := render(dd.f, dd.r, demoOptions(), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, e := range d.toc {
		for _, l := range layout {
			f := strings.Fields(l)
			if len(f) < 2 || !strings.HasPrefix(strings.TrimSpace(l), e.Title) {
				continue
			}
			p := atoi(f[len(f)-1])
			if p < 1 || p > n || !strings.Contains(dd.body(p-1), squeeze(e.Title)) {
				t.Errorf("contents: %q on page %d, but that page does not show it", e.Title, p)
			}
			checked++
			break
		}
	}
	if checked < 20 {
		t.Errorf("only %d contents lines found on page 2", checked)
	}

	fonts := tool(t, "pdffonts", dd.path)
	lines := strings.Split(strings.TrimSpace(fonts), "\n")[2:]
	if len(lines) != 2 {
		t.Fatalf("want the serif body face and the bold sans of headings, got\n%s", fonts)
	}
	seen := map[string]bool{}
	for _, l := range lines {
		f := strings.Fields(l)
		// name type… encoding emb sub uni id gen
		emb, sub := f[len(f)-5], f[len(f)-4]
		_, name, _ := strings.Cut(f[0], "+")
		seen[name] = true
		if emb != "yes" || sub != "yes" || (name != "NotoSerifSC" && name != "NotoSansSCB") {
			t.Errorf("font not an embedded Noto Serif SC / Noto Sans SC Bold subset: %s", l)
		}
	}
	if !seen["NotoSerifSC"] || !seen["NotoSansSCB"] {
		t.Errorf("body in Noto Serif SC and headings in Noto Sans SC Bold expected:\n%s", fonts)
	}
	if st, err := os.Stat(dd.path); err == nil && st.Size() > 2<<20 {
		t.Errorf("the demo dossier is %d bytes: is the font subset?", st.Size())
	}
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n
}

func TestMissingValuesPrintAsNotEntered(t *testing.T) {
	f := demo.File()
	s := &f.Schools[0]
	s.EquipmentValue = nil
	s.Teachers.Primary.Backbone = nil
	f.County.PopulationWan = nil
	dd := build(t, f, Options{Sections: []Section{Profile, Resource, CV, SchoolSet}, Date: fixedDate})
	part := dd.r.Stages.Primary.Schools[0]
	if part.ID != s.ID || part.Values["R6"] != nil || part.Values["R2"] != nil {
		t.Fatalf("the evaluation should leave R2 and R6 of %s nil: %v", s.Name, part.Values)
	}
	checkValues(t, dd) // the row reads …未填报… where R2 and R6 stand
	if len(dd.pagesWith("人口总数（万人）"+format.Missing)) == 0 {
		t.Error("a missing population does not print as 未填报")
	}
	if len(dd.pagesWith("R6生均教学仪器设备值（元）"+format.Missing, s.ID)) == 0 {
		t.Error("the school sheet does not print the missing R6 as 未填报")
	}
	for _, code := range []string{"R2", "R6"} {
		line := code + itemName(code)
		if dd.r.Stages.Primary.CV[code] == nil && len(dd.pagesWith(line, "小学差异系数", format.Missing)) == 0 {
			t.Errorf("%s: a coefficient that cannot be computed must say why", code)
		}
	}
	all := strings.Join(dd.pages, "")
	for _, bad := range []string{"NaN", "Inf", "0.00√"} {
		if strings.Contains(squeeze(all), bad) && bad != "0.00√" {
			t.Errorf("the dossier prints %q", bad)
		}
	}
}

func TestGeneratedCountyOfManySchools(t *testing.T) {
	f := county.Generate(400, 3)
	dd := build(t, f, Options{Sections: []Section{Contents, Resource, Charts, CV, Todo}, Date: fixedDate})
	checkValues(t, dd)
	// Every page with rows of a resource table (达标项数 "6/7") starts
	// with the table's three header rows.
	head := squeeze("序号学校名称在校生数")
	rows := 0
	for i := range dd.pages {
		b := dd.body(i)
		if !strings.Contains(b, "/7") {
			continue
		}
		rows++
		j := strings.Index(b, head)
		if j < 0 || !strings.Contains(b[j:], "达标项数是否达标达标值") || !strings.Contains(b[j:], "85%基本值") {
			t.Errorf("page %d: resource table rows without the header rows", i+1)
		}
	}
	if rows < 10 {
		t.Errorf("only %d pages of resource tables for %d schools", rows, len(f.Schools))
	}
}

func BenchmarkDemoDossier(b *testing.B) {
	f := demo.File()
	r := eval.Run(f)
	opts := demoOptions()
	for b.Loop() {
		if err := Write(io.Discard, f, r, opts); err != nil {
			b.Fatal(err)
		}
	}
}

func TestSmallAndEmptyCounties(t *testing.T) {
	empty := county.Generate(1, 1)
	empty.Schools = nil
	for name, f := range map[string]*county.File{"one": county.Generate(1, 1), "three": county.Generate(3, 2), "empty": empty} {
		t.Run(name, func(t *testing.T) {
			dd := build(t, f, Options{Sections: AllSections, Date: fixedDate})
			all := strings.Join(dd.pages, "")
			for _, bad := range []string{"NaN", "Inf"} {
				if strings.Contains(all, bad) {
					t.Errorf("prints %q", bad)
				}
			}
			for _, key := range stageKeys {
				if dd.r.Stages.Get(key) == nil && len(dd.pagesWith(eval.StageNames[key]+"：县域内无该学段学校，不适用。")) == 0 {
					t.Errorf("%s has no school but the dossier does not say 不适用", eval.StageNames[key])
				}
			}
		})
	}
}

func TestLongFieldsArePrintedWhole(t *testing.T) {
	opts := Options{Sections: []Section{Cover, Profile}, Date: fixedDate,
		Office:   "河南省三门峡市义马市人民政府教育督导委员会办公室（义马市教育体育局基础教育科）",
		Preparer: "欧阳建国", Phone: "0398-5812345 转 8021"}
	f := demo.File()
	f.County.Application = nil // the options' fields print only where the file gives none
	dd := build(t, f, opts)
	if !strings.Contains(dd.body(0), squeeze(opts.Office)) {
		t.Error("the cover loses part of a long office name")
	}
	for _, want := range []string{opts.Office, opts.Preparer, opts.Phone, "2025年3月8日"} {
		if len(dd.pagesWith("填报单位（盖章）", want)) == 0 {
			t.Errorf("the signature block loses %q", want)
		}
	}
}

// The same data and options give the same bytes, so a dossier can be
// regenerated and compared (and archived copies checked).
func TestWriteIsReproducible(t *testing.T) {
	f := demo.File()
	r := eval.Run(f)
	var a, b bytes.Buffer
	opts := Options{Sections: []Section{Cover, Contents, Profile, Resource}, Date: fixedDate}
	if err := Write(&a, f, r, opts); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, f, r, opts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs on the same input differ")
	}
}
