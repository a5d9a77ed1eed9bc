package main

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"junheng/app/county"
	"junheng/app/plan"
	"junheng/app/standard"
	"junheng/assets/demo"
	"junheng/data/xlsx"
)

// planDemo writes the demo county with a planning block and returns its
// path and the id of the school it leaves out of the plan.
func planDemo(t *testing.T) (path, excluded string) {
	t.Helper()
	f, err := county.Decode(demo.JSON)
	if err != nil {
		t.Fatal(err)
	}
	m, n := 0.05, 40
	excluded = f.Schools[2].ID
	f.County.Planning = &county.Planning{Costs: map[string]float64{"hire": 98000, "build_sports_ground": 260},
		Off: []string{"transfer"}, MaxNewTeachers: &n, Margin: &m, ExcludedSchools: []string{excluded}}
	b, err := county.Encode(f)
	if err != nil {
		t.Fatal(err)
	}
	return writeTemp(t, "义马 规划.json", b), excluded
}

// planJSON runs plan --json and reads the junheng-plan/1 document.
func planJSON(t *testing.T, args ...string) plan.Plan {
	t.Helper()
	code, out, errOut := runCLI(append([]string{"plan", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("plan %v: exit %d: %s", args, code, errOut)
	}
	var p plan.Plan
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		t.Fatalf("plan --json does not parse as junheng-plan/1: %v\n%s", err, out)
	}
	if p.Format != plan.Format {
		t.Fatalf("format %q", p.Format)
	}
	return p
}

// The JSON document is consistent in itself: the total is the sum of the
// actions' costs and of by_kind, each cost is its quantity × the unit
// cost, and the options are the file's planning block.
func TestPlanJSONFollowsTheFile(t *testing.T) {
	in, excluded := planDemo(t)
	p := planJSON(t, in, "--pretty")
	sum, kinds := 0.0, 0.0
	for _, a := range p.Actions {
		sum += a.Cost
		if want := a.Quantity() * p.Costs[a.Lever()]; math.Abs(a.Cost-want) > 1e-6*math.Max(1, want) {
			t.Errorf("%s costs %v, quantity × unit cost is %v", a.Kind, a.Cost, want)
		}
	}
	for _, c := range p.ByKind {
		kinds += c
	}
	if math.Abs(p.TotalCost-sum) > 1e-6*math.Max(1, sum) || math.Abs(kinds-sum) > 1e-6*math.Max(1, sum) {
		t.Errorf("total %v, sum of actions %v, sum of by_kind %v", p.TotalCost, sum, kinds)
	}
	if p.Costs["hire"] != 98000 || p.Costs["build_sports_ground"] != 260 || p.Costs["upgrade_degree"] != 10000 {
		t.Errorf("costs = %v", p.Costs)
	}
	o := p.Options
	if o.Transfer || !o.Hire || o.Margin != 0.05 || o.MaxNewTeachers == nil || *o.MaxNewTeachers != 40 ||
		!slices.Equal(o.ExcludedSchools, []string{excluded}) || o.Switches.TPThreshold != 50 {
		t.Errorf("options = %+v", o)
	}
	if p.County != "义马市" || p.Year != "2020-2021" || !p.After.Passes() && len(p.Actions) > 0 {
		t.Errorf("county %q year %q, after %+v", p.County, p.Year, p.After)
	}
}

// The text summary says 测算 with every figure, and prints the options.
func TestPlanTextSummary(t *testing.T) {
	in, excluded := planDemo(t)
	code, out, errOut := runCLI("plan", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"义马市达标规划测算", "测算总投入", "差异系数（测算", "测算假设", "98,000 元/人（本县设定）",
		"交流轮岗", "40 人", "5.00%", excluded, "仅供规划参考"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	for _, bad := range []string{"NaN", "Inf", "-0"} {
		if strings.Contains(out, bad) {
			t.Errorf("summary prints %q", bad)
		}
	}
	checkChinese(t, "plan summary", strings.ReplaceAll(out, "G3", ""))
}

// Flags override the file's block for the run, each field on its own.
func TestPlanFlagsOverrideTheFile(t *testing.T) {
	in, _ := planDemo(t)
	f, _ := county.Decode(demo.JSON)
	other := f.Schools[5].ID
	p := planJSON(t, in, "--margin", "0.1", "--off", "hire,recognize_backbone", "--max-new-teachers", "3",
		"--all-seven", "--exclude", other, "--tp-threshold", "20")
	o := p.Options
	if o.Margin != 0.1 || !o.Transfer || o.Hire || !slices.Equal(o.Off, []string{"hire", "recognize_backbone"}) ||
		*o.MaxNewTeachers != 3 || !o.AllSeven || !slices.Equal(o.ExcludedSchools, []string{other}) || o.Switches.TPThreshold != 20 {
		t.Errorf("flags did not override: %+v", o)
	}
	if p.Costs["hire"] != 98000 {
		t.Errorf("a flag changed the file's costs: %v", p.Costs)
	}
	// An empty --off switches every lever back on.
	if p := planJSON(t, in, "--off", ""); len(p.Options.Off) != 0 || !p.Options.Transfer {
		t.Errorf("--off \"\" kept %v", p.Options.Off)
	}
}

// Invalid options exit 2 with a Chinese sentence naming the flag and the
// value; so does a file whose block is invalid; nothing goes to stdout.
func TestPlanInvalidOptions(t *testing.T) {
	in, _ := planDemo(t)
	cases := map[string][]string{
		"--margin":           {"--margin", "0.5"},
		"--off":              {"--off", "transfers"},
		"--exclude":          {"--exclude", "4199999999"},
		"--max-new-teachers": {"--max-new-teachers", "-1"},
	}
	for flagName, args := range cases {
		code, out, errOut := runCLI(append([]string{"plan", in}, args...)...)
		if code != 2 || out != "" || !strings.Contains(errOut, flagName) || !strings.Contains(errOut, args[1]) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
		checkChinese(t, strings.Join(args, " "), strings.ReplaceAll(errOut, args[1], ""))
	}
	raw, _ := os.ReadFile(in)
	bad := writeTemp(t, "bad.json", []byte(strings.Replace(string(raw), `"margin": 0.05`, `"margin": 0.3`, 1)))
	code, _, errOut := runCLI("plan", bad)
	if code != 2 || !strings.Contains(errOut, "county.planning.margin") || !strings.Contains(errOut, "0.3") {
		t.Errorf("a bad block in the file: exit %d, %q", code, errOut)
	}
}

// No plan under the options: exit 2, the planner's sentence alone on
// stderr, nothing on stdout and no file written.
func TestPlanInfeasiblePassesTheSentence(t *testing.T) {
	in, _ := planDemo(t)
	const sentence = "不允许新增教师和交流轮岗时，义马市第三小学体育、艺术教师无法达到标准"
	saved := makePlan
	t.Cleanup(func() { makePlan = saved })
	makePlan = func(*county.File, *standard.Standard, plan.Options, plan.Progress) (*plan.Plan, error) {
		return nil, &plan.Infeasible{Sentence: sentence}
	}
	out := filepath.Join(t.TempDir(), "方案.xlsx")
	code, stdout, errOut := runCLI("plan", in, "-o", out)
	if code != 2 || stdout != "" || strings.TrimSpace(errOut) != sentence {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, errOut)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Error("a file was written without a plan")
	}
}

// -o writes the workbook (four sheets, every figure labelled 测算) and the
// PDF; it never overwrites a file, the input least of all.
func TestPlanOutputFiles(t *testing.T) {
	in, _ := planDemo(t)
	dir := t.TempDir()
	book := filepath.Join(dir, "方案.xlsx")
	if code, _, errOut := runCLI("plan", in, "-o", book); code != 0 {
		t.Fatalf("xlsx: exit %d: %s", code, errOut)
	}
	x, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	want := []string{xlsx.SheetPlanSummary, xlsx.SheetPlanSchools, xlsx.SheetPlanCV, xlsx.SheetPlanAssume}
	if got := x.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	for _, sh := range want {
		rows, err := x.GetRows(sh)
		if err != nil || len(rows) < 2 {
			t.Fatalf("%s: %v rows, %v", sh, len(rows), err)
		}
		all := ""
		for _, r := range rows {
			all += strings.Join(r, "|") + "\n"
		}
		if !strings.Contains(all, "测算") {
			t.Errorf("sheet %s never says 测算", sh)
		}
		if layout, err := x.GetPageLayout(sh); err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" ||
			layout.FitToWidth == nil || *layout.FitToWidth != 1 {
			t.Errorf("%s does not print landscape one page wide", sh)
		}
	}
	if v, _ := x.GetCellValue(xlsx.SheetPlanSchools, "C1"); !strings.Contains(v, "测算") {
		t.Errorf("按学校 header %q", v)
	}

	pdf := filepath.Join(dir, "方案.pdf")
	if code, _, errOut := runCLI("plan", in, "-o", pdf); code != 0 {
		t.Fatalf("pdf: exit %d: %s", code, errOut)
	}
	needPdftotext(t)
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"义马市达标规划测算", "测算总投入", "差异系数规划前后", "测算假设", "98,000 元/人"} {
		if !strings.Contains(string(text), w) {
			t.Errorf("the PDF lacks %q", w)
		}
	}

	before := fileBytes(t, book)
	inBefore := fileBytes(t, in)
	for out, want := range map[string]string{book: "已存在", in: "就是输入的数据文件", filepath.Join(dir, "方案.txt"): "应为 .xlsx 或 .pdf"} {
		code, _, errOut := runCLI("plan", in, "-o", out)
		if code != 2 || !strings.Contains(errOut, want) || !strings.Contains(errOut, filepath.Base(out)) {
			t.Errorf("-o %s: exit %d, %q", out, code, errOut)
		}
		checkChinese(t, "-o "+out, strings.NewReplacer(out, "", ".xlsx", "", ".pdf", "").Replace(errOut))
	}
	if fileBytes(t, book) != before || fileBytes(t, in) != inBefore {
		t.Error("a refused -o changed a file")
	}
}

// Imported into a data file, the planning block gives the same options
// and the same plan as the JSON it came from.
func TestPlanFromDatabase(t *testing.T) {
	in, _ := planDemo(t)
	db := filepath.Join(t.TempDir(), "义马.db")
	dbRun(t, "init", db)
	dbRun(t, "import-json", db, in)
	a := planJSON(t, in)
	b := planJSON(t, db) // the latest year
	c := planJSON(t, db, "--year", "2020-2021")
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	jc, _ := json.Marshal(c)
	if string(ja) != string(jb) || string(jb) != string(jc) {
		t.Errorf("plan from the data file differs from the JSON's:\n%s\n%s\n%s", ja, jb, jc)
	}
	code, _, errOut := runCLI("plan", db, "--year", "2030-2031")
	if code != 2 || errOut == "" {
		t.Errorf("a year the file lacks: exit %d, %q", code, errOut)
	}
}
