package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"junheng/app/county"
	"junheng/app/dossier"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/report"
	"junheng/app/standard"
	"junheng/assets/demo"
	"junheng/data/xlsx"
)

// FuzzPipeline runs the whole pipeline on any input the decoder accepts:
// decode → validate → evaluate → text report → PDF dossier → Excel export
// → result JSON. No step may panic, hang or fail, and no output may hold
// Inf, NaN, "-0" or a figure of more than 15 digits (format.CheckText).
// Run it bounded in CI (scripts/test.sh):
//
//	go test -run='^$' -fuzz=FuzzPipeline -fuzztime=45s -fuzzminimizetime=10x ./cmd/junheng-cli
//
// -fuzzminimizetime=10x: an iteration prints a PDF (~150 ms), and the
// default minimisation of every new input (60 s each) stalls the run.
func FuzzPipeline(f *testing.F) {
	for _, seed := range pipelineSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 256<<10 {
			return // keep each iteration fast; size is the scale tests' concern
		}
		file, err := county.Decode(data)
		if err != nil {
			return // refused with a message: the decoder's tests cover those
		}
		if len(file.Schools) > 80 {
			return
		}
		// A hang would stall the fuzzer silently; crashing the worker makes
		// it save the input as a failure. Generous: an iteration takes < 1 s.
		watchdog := time.AfterFunc(60*time.Second, func() {
			panic(fmt.Sprintf("the pipeline has not finished in 60 s (a hang) on input %q", data))
		})
		defer watchdog.Stop()
		checkPipeline(t, file, optionsFor(data), sectionsFor(data))
	})
}

// TestPipelineSeeds runs every seed through the pipeline in an ordinary
// test run, so the hostile cases stay checked without -fuzz.
func TestPipelineSeeds(t *testing.T) {
	for i, seed := range pipelineSeeds(t) {
		file, err := county.Decode(seed)
		if err != nil {
			first, _, _ := strings.Cut(err.Error(), "\n")
			t.Logf("seed %d refused by the decoder: %s", i, first)
			continue
		}
		pdf := checkPipeline(t, file, eval.DefaultOptions(), dossier.AllSections)
		checkPDFText(t, pdf)
		file, _ = county.Decode(seed) // checkPipeline neutralized the names
		checkPipeline(t, file, eval.Options{TeachingPointThreshold: 50, MergeTeachingPoints: true, ExcludePrivate: true, IncludeSpecial: true}, sectionsFor(seed))
	}
}

// optionsFor picks rule switches from the input, so the fuzzer explores
// them too.
func optionsFor(data []byte) eval.Options {
	o := eval.DefaultOptions()
	if len(data) == 0 {
		return o
	}
	k := data[len(data)-1]
	o.MergeTeachingPoints, o.ExcludePrivate, o.IncludeSpecial = k&1 != 0, k&2 != 0, k&4 != 0
	return o
}

// sectionsFor picks three sections of the dossier from the input: a
// dossier costs ~120 ms whatever it holds (the font), the whole one
// ~500 ms, so each iteration prints a few and the fuzzer covers them all.
func sectionsFor(data []byte) []dossier.Section {
	var h uint32 = 2166136261
	for _, b := range data {
		h = (h ^ uint32(b)) * 16777619
	}
	all := dossier.AllSections
	n := uint32(len(all))
	picked := []dossier.Section{all[h%n], all[(h/n)%n], all[(h/n/n)%n]}
	return slices.Compact(slices.Sorted(slices.Values(picked)))
}

// checkPipeline runs every step and checks its output; it returns the PDF.
func checkPipeline(t *testing.T, file *county.File, opts eval.Options, sections []dossier.Section) []byte {
	t.Helper()
	neutralizeText(reflect.ValueOf(file).Elem())
	std := standard.National2017()
	r := eval.Evaluate(file, std, opts)

	for _, line := range strings.Split(report.Text(file, r, std), "\n") {
		if bad := format.CheckText(line); bad != "" {
			t.Fatalf("text report: %q in %q", bad, line)
		}
	}

	var js bytes.Buffer
	if err := writeJSON(&js, r, false); err != nil {
		t.Fatalf("result JSON: %v", err)
	}
	checkJSON(t, js.Bytes())

	var pdf bytes.Buffer
	if err := dossier.Write(&pdf, file, r, dossier.Options{Sections: sections, Date: time.Date(2025, 3, 8, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatalf("dossier: %v", err)
	}
	if !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("dossier: not a PDF")
	}

	var book bytes.Buffer
	if err := xlsx.ExportResults(&book, file, r); err != nil {
		t.Fatalf("Excel export: %v", err)
	}
	checkWorkbook(t, book.Bytes())
	return pdf.Bytes()
}

// checkPDFText reads the dossier's text back with pdftotext (poppler-utils,
// which scripts/setup-debian.sh installs; too slow for every fuzz
// iteration) and checks every line. Without the tool the text is not
// checked, and the test says so.
func checkPDFText(t *testing.T, pdf []byte) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext is not installed: the dossier's text is not checked")
		return
	}
	path := filepath.Join(t.TempDir(), "dossier.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if !strings.Contains(string(out), "差异系数") || !strings.ContainsAny(string(out), "0123456789") {
		t.Fatalf("pdftotext found no figures in the dossier: the check would prove nothing")
	}
	for _, line := range strings.Split(string(out), "\n") {
		if bad := format.CheckText(line); bad != "" {
			t.Fatalf("dossier: %q in %q", bad, line)
		}
	}
}

// checkJSON walks the result JSON: every string passes CheckText and no
// number is a negative zero. Numbers keep full precision (exchange.md: no
// rounding in JSON), so their digits are not limited; Inf and NaN cannot
// be written at all (the encoder refuses them, which the caller checks).
func checkJSON(t *testing.T, data []byte) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("result JSON does not read back: %v", err)
		}
		switch v := tok.(type) {
		case json.Number:
			x, err := strconv.ParseFloat(string(v), 64)
			if err != nil || math.IsInf(x, 0) || math.IsNaN(x) || x == 0 && strings.HasPrefix(string(v), "-") {
				t.Fatalf("result JSON number %s", v)
			}
		case string:
			if bad := format.CheckText(v); bad != "" {
				t.Fatalf("result JSON: %q in %q", bad, v)
			}
		}
	}
}

// checkWorkbook reads the exported workbook back: every number cell is a
// finite number and not −0, every text cell passes CheckText.
func checkWorkbook(t *testing.T, data []byte) {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the exported workbook does not open: %v", err)
	}
	defer x.Close()
	for _, sheet := range x.GetSheetList() {
		rows, err := x.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("sheet %s: %v", sheet, err)
		}
		for i, row := range rows {
			for j, cell := range row {
				where := fmt.Sprintf("%s!R%dC%d", sheet, i+1, j+1)
				if v, err := strconv.ParseFloat(cell, 64); err == nil {
					if math.IsInf(v, 0) || math.IsNaN(v) || v == 0 && strings.HasPrefix(cell, "-") {
						t.Fatalf("%s holds %q", where, cell)
					}
					continue
				}
				if bad := format.CheckText(cell); bad != "" {
					t.Fatalf("%s: %q in %q", where, bad, cell)
				}
			}
		}
	}
}

// enumerated fields keep their text: they are codes the program knows.
var enumerated = map[string]bool{"format": true, "year": true, "type": true, "location": true, "moral_rating": true}

// neutralizeText turns the ASCII letters, digits and minus signs of every
// text a clerk typed (names, ids, evidence…) into their full-width forms, so
// the output checks see only figures the program printed: a school may be
// called "NaN 2024-0". Lengths and uniqueness are kept, so long names
// still stress the layout.
func neutralizeText(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			neutralizeText(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
			if fv := v.Field(i); fv.Kind() == reflect.String && !enumerated[name] {
				fv.SetString(strings.Map(fullWidth, fv.String()))
			} else if fv.Kind() != reflect.String {
				neutralizeText(fv)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			neutralizeText(v.Index(i))
		}
	}
}

func fullWidth(r rune) rune {
	switch {
	case r >= '0' && r <= '9', r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r == '-', r == '+', r == '.':
		return r - 0x21 + 0xFF01
	case r == '−':
		return '－'
	}
	return r
}

// pipelineSeeds are the demo county and the hostile cases of issue 11:
// huge counts, areas at the float limit, survey counts near the int limit,
// −0 and denormals, zero entrants, empty stages, long names.
func pipelineSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	seeds := [][]byte{demo.JSON}
	variant := func(change func(f *county.File)) {
		f := demo.File()
		change(f)
		b, err := json.Marshal(f)
		if err != nil {
			tb.Fatalf("seed: %v", err)
		}
		seeds = append(seeds, b)
	}
	variant(func(f *county.File) {
		s := &f.Schools[0]
		s.Students.Primary, s.Classes.Primary, s.LargestClass.Primary = county.I(1e16), county.I(1e16/40), county.I(40)
	})
	variant(func(f *county.File) {
		s := &f.Schools[1]
		s.Students.Primary, s.Classes.Primary, s.LargestClass.Primary = county.I(1<<53), county.I(1<<53/32), county.I(32)
		s.Teachers.Primary.FullTime, s.Teachers.Primary.Certified = county.I(1<<53), county.I(1<<53)
	})
	variant(func(f *county.File) {
		for i := range f.Schools {
			s := &f.Schools[i]
			s.AreaTeachingAux, s.AreaIndoorSports, s.AreaSportsGround, s.EquipmentValue = county.F(1.7e308), county.F(1.7e308), county.F(1.7e308), county.F(1.7e308)
		}
	})
	variant(func(f *county.File) {
		f.County.Survey = county.Survey{"学生": {1 << 62, 1 << 62}, "家长": {1 << 62, 1 << 61}}
	})
	variant(func(f *county.File) {
		for i := range f.Schools {
			f.Schools[i].AreaSportsGround, f.Schools[i].EquipmentValue = county.F(math.Copysign(0, -1)), county.F(1e-320)
		}
		for i := range f.County.Finance {
			f.County.Finance[i].StaffAvgSalary = county.F(1e-320)
		}
	})
	variant(func(f *county.File) {
		for i := range f.Schools {
			f.Schools[i].Entrants, f.Schools[i].EntrantsNearby = county.StageCount{Primary: county.I(0), Junior: county.I(0)}, county.StageCount{Primary: county.I(0), Junior: county.I(0)}
		}
	})
	variant(func(f *county.File) { // an empty junior stage: every junior school without students
		for i := range f.Schools {
			s := &f.Schools[i]
			if county.Val(s.Students.Junior) > 0 {
				s.Students.Junior, s.Classes.Junior, s.LargestClass.Junior, s.Teachers.Junior = county.I(0), county.I(0), county.I(0), nil
				s.Entrants.Junior, s.EntrantsNearby.Junior = county.I(0), county.I(0)
			}
		}
	})
	variant(func(f *county.File) {
		f.Schools[0].Name = string([]rune(strings.Repeat("义马市第一实验小学", 12))[:100])
		f.Schools[2].Name = strings.Repeat("长", 100)
		f.County.Name = strings.Repeat("县", 100)
	})
	seeds = append(seeds, atBounds(tb, func(spec county.FieldSpec) float64 { return spec.Max }))
	seeds = append(seeds, atBounds(tb, func(spec county.FieldSpec) float64 { return spec.Min }))
	seeds = append(seeds, atBounds(tb, func(spec county.FieldSpec) float64 { // just inside, fractional where allowed
		if spec.Kind == county.KindInt {
			return math.Max(spec.Min, spec.Max-1)
		}
		return math.Max(spec.Min, spec.Max*(1-1e-15))
	}))
	return seeds
}

// atBounds is the demo county with every number set to a bound of its
// catalogue entry (pick), except where Validate refuses the combination
// (more certified than full-time teachers…): those fields keep the demo's
// value. The engine must be safe for everything Validate lets through.
func atBounds(tb testing.TB, pick func(county.FieldSpec) float64) []byte {
	tb.Helper()
	var doc map[string]any
	if err := json.Unmarshal(demo.JSON, &doc); err != nil {
		tb.Fatal(err)
	}
	var orig map[string]any
	_ = json.Unmarshal(demo.JSON, &orig)
	var set func(v any, path string, nums func(path string, x float64) float64) any
	set = func(v any, path string, nums func(string, float64) float64) any {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				p := k
				if path != "" {
					p = path + "." + k
				}
				x[k] = set(e, p, nums)
			}
		case []any:
			for i, e := range x {
				x[i] = set(e, fmt.Sprintf("%s[%d]", path, i), nums)
			}
		case float64:
			return nums(path, x)
		}
		return v
	}
	kept := map[string]bool{} // "schoolID/field" or "/county.field" refused at the bound
	keyOf := func(path string) string {
		if rest, ok := strings.CutPrefix(path, "schools["); ok {
			i, _ := strconv.Atoi(rest[:strings.IndexByte(rest, ']')])
			school := orig["schools"].([]any)[i].(map[string]any)
			return school["id"].(string) + "/" + stripIndex(rest[strings.IndexByte(rest, ']')+2:])
		}
		return "/" + stripIndex(path)
	}
	for round := 0; round < 8; round++ {
		_ = json.Unmarshal(demo.JSON, &doc)
		set(doc, "", func(path string, x float64) float64 {
			spec, ok := county.Spec(path)
			if !ok || keptAt(kept, keyOf(path)) || strings.HasSuffix(path, ".year") || spec.Kind != county.KindInt && spec.Kind != county.KindFloat && spec.Kind != county.KindList {
				return x
			}
			return pick(spec)
		})
		data, err := json.Marshal(doc)
		if err != nil {
			tb.Fatal(err)
		}
		_, err = county.Decode(data)
		ps, isProblems := err.(county.Problems)
		if err == nil || !isProblems {
			tb.Logf("at the bounds: %d fields kept at the demo's value for Validate", len(kept))
			return data
		}
		for _, p := range ps {
			key := p.SchoolID + "/" + stripIndex(p.Field)
			if kept[key] { // a sum of several fields: keep the whole group
				key = key[:max(strings.LastIndexByte(key, '.'), strings.IndexByte(key, '/')+1)]
			}
			kept[key] = true
		}
	}
	tb.Fatalf("a county at the bounds is still refused after 8 rounds (kept %v)", kept)
	return demo.JSON
}

// keptAt tells whether key or a group holding it was kept at the demo's value.
func keptAt(kept map[string]bool, key string) bool {
	for k := key; ; {
		if kept[k] {
			return true
		}
		i := strings.LastIndexByte(k, '.')
		if i < 0 {
			return false
		}
		k = k[:i]
	}
}

// stripIndex drops a trailing list index ("music_rooms[1]" → "music_rooms").
func stripIndex(path string) string {
	if i := strings.LastIndexByte(path, '['); i > 0 && strings.HasSuffix(path, "]") {
		return path[:i]
	}
	return path
}
