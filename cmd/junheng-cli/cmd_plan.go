package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"junheng/app/county"
	"junheng/app/plan"
	"junheng/app/standard"
	"junheng/data"
	"junheng/data/xlsx"
)

const planUsage = "plan FILE.json|DB [--year 学年] [--json] [-o OUT.xlsx|OUT.pdf] [--off 键,…] [--max-new-teachers N] [--margin M] [--all-seven] [--exclude 标识码,…] [规则选项]"

// makePlan is the planner (a test puts a stand-in here).
var makePlan = plan.Make

// writePlanPDF writes a plan's PDF; set by the PDF's file, nil in a build
// without it.
var writePlanPDF func(w io.Writer, r plan.Report) error

func init() {
	register("plan", command{
		usage: planUsage + "   达标规划测算：要达标需在哪些学校增加什么、测算投入多少（-o 另存为 Excel 或 PDF）",
		run:   runPlan,
	})
}

func runPlan(args []string, stdout, stderr io.Writer) int {
	fs, _ := newFlags("plan")
	year := fs.String("year", "", "学年（从数据文件测算时；默认为最新的学年）")
	asJSON := fs.Bool("json", false, "输出 junheng-plan/1 JSON")
	pretty := fs.Bool("pretty", false, "JSON 分行缩进（便于阅读）")
	out := fs.String("o", "", "另存测算结果：.xlsx 表格或 .pdf；已有文件只在给出 --force 时替换")
	force := forceFlag(fs)
	off := fs.String("off", "", "不使用的措施，逗号分隔："+strings.Join(county.PlanningLevers, ","))
	maxNew := fs.String("max-new-teachers", "", "全县新增教师上限（人）")
	margin := fs.String("margin", "", "预留余量，0 到 0.2 之间的小数，如 0.05")
	allSeven := fs.Bool("all-seven", false, "七项全部达标（不用 85% 的例外）")
	exclude := fs.String("exclude", "", "不纳入规划（拟撤并）的学校标识码，逗号分隔")
	rules := ruleFlags(fs)
	p := parse(fs, args, 1, planUsage, stdout, stderr)
	if p.stop {
		return p.code
	}
	input := p.pos[0]
	if *out != "" {
		if msg := checkPlanOutput(*out, input); msg != "" {
			fmt.Fprintln(stderr, msg)
			return exitInvalid
		}
		if err := data.CheckOutput(*out, data.OutputOptions{Force: *force, Inputs: []string{input}}); err != nil {
			return failed(stderr, err)
		}
	}
	f, err := loadPlanCounty(input, *year)
	if err != nil {
		return failed(stderr, err)
	}
	given := map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { given[fl.Name] = true })
	flags, msg := planFlags(given, *off, *maxNew, *margin, *allSeven, *exclude, f)
	if msg != "" {
		fmt.Fprintln(stderr, msg)
		return exitInvalid
	}
	f.County.Planning = overridePlanning(f.County.Planning, flags, given)
	opts, err := plan.OptionsFor(f, *rules)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitInvalid
	}
	pl, err := makePlan(f, standard.National2017(), opts, nil)
	if err != nil {
		var inf *plan.Infeasible
		if errors.As(err, &inf) {
			fmt.Fprintln(stderr, inf.Sentence)
		} else {
			fmt.Fprintln(stderr, "无法测算："+err.Error())
		}
		return exitInvalid
	}
	report := plan.NewReport(pl, f)
	if *asJSON {
		err = writeJSON(stdout, pl, *pretty)
	} else {
		_, err = io.WriteString(stdout, report.Text())
	}
	if err != nil {
		fmt.Fprintln(stderr, "写出失败：", err)
		return exitFailed
	}
	if *out == "" {
		return 0
	}
	if err := writeOutput(*out, *force, []string{input}, func(w io.Writer) error { return writePlanFile(w, *out, report) }); err != nil {
		fmt.Fprintln(stderr, err)
		return exitCode(err)
	}
	fmt.Fprintf(stderr, "已生成「%s」。\n", *out)
	return 0
}

// checkPlanOutput refuses an output that is the input (under the same
// name, before its extension is looked at) or is not .xlsx or .pdf; what
// else may not be replaced is data.CheckOutput's to say.
func checkPlanOutput(out, input string) string {
	a, errA := filepath.Abs(out)
	b, errB := filepath.Abs(input)
	if errA == nil && errB == nil && a == b {
		return fmt.Sprintf("-o「%s」就是输入的数据文件，不能写到它上面：请换一个文件名。", out)
	}
	ext := strings.ToLower(filepath.Ext(out))
	if ext != ".xlsx" && ext != ".pdf" {
		return fmt.Sprintf("-o「%s」应为 .xlsx 或 .pdf 文件名：请改为如「达标规划.xlsx」或「达标规划.pdf」。", out)
	}
	return ""
}

func writePlanFile(w io.Writer, out string, r plan.Report) error {
	if strings.EqualFold(filepath.Ext(out), ".pdf") {
		if writePlanPDF == nil {
			return errors.New("本程序未包含 PDF 输出，请改用 .xlsx")
		}
		return writePlanPDF(w, r)
	}
	return xlsx.WritePlan(w, r)
}

// loadPlanCounty reads the county year of a JSON file, or of a data file
// (its latest year when none is given).
func loadPlanCounty(path, year string) (*county.File, error) {
	if year == "" && !strings.HasSuffix(strings.ToLower(path), ".json") && path != "-" {
		f, err := openYear(path, "")
		if err != nil {
			return nil, err
		}
		year = f.Year
	}
	return loadCounty(path, year)
}

// planFlags reads the planning flags into a block of their own and checks
// it by the planning block's rules (county.ValidatePlanning), worded with
// the flag's name.
func planFlags(given map[string]bool, off, maxNew, margin string, allSeven bool, exclude string, f *county.File) (*county.Planning, string) {
	p := &county.Planning{}
	if given["off"] {
		p.Off = splitList(off)
	}
	if given["exclude"] {
		for _, id := range splitList(exclude) {
			p.ExcludedSchools = append(p.ExcludedSchools, county.CleanID(id))
		}
	}
	if given["max-new-teachers"] {
		n, err := strconv.Atoi(strings.TrimSpace(maxNew))
		if err != nil {
			return nil, fmt.Sprintf("参数 --max-new-teachers 的值「%s」不是整数：请填写全县可用的教师编制数，如 --max-new-teachers 40。", maxNew)
		}
		p.MaxNewTeachers = &n
	}
	if given["margin"] {
		m, err := strconv.ParseFloat(strings.TrimSpace(margin), 64)
		if err != nil {
			return nil, fmt.Sprintf("参数 --margin 的值「%s」不是数字：请填写 0 到 0.2 之间的小数，如 --margin 0.05。", margin)
		}
		p.Margin = &m
	}
	if given["all-seven"] {
		p.AllSeven = &allSeven
	}
	ids := make(map[string]bool, len(f.Schools))
	for _, s := range f.Schools {
		ids[s.ID] = true
	}
	ps := county.ValidatePlanning(p, func(id string) bool { return ids[id] })
	if len(ps) == 0 {
		return p, ""
	}
	lines := make([]string, len(ps))
	for i, pr := range ps {
		lines[i] = fmt.Sprintf("参数 --%s 的值%s无效：%s。", flagOfField(pr.Field), valueOrEmpty(pr.Value), strings.TrimSuffix(pr.Message, "。"))
	}
	return nil, strings.Join(lines, "\n")
}

// flagOfField names the flag that set a field of the planning block.
func flagOfField(field string) string {
	field = strings.TrimPrefix(field, "county.planning.")
	switch {
	case strings.HasPrefix(field, "off"):
		return "off"
	case strings.HasPrefix(field, "excluded_schools"):
		return "exclude"
	case field == "max_new_teachers":
		return "max-new-teachers"
	}
	return field
}

func valueOrEmpty(v string) string {
	if v == "" {
		return ""
	}
	if strings.HasPrefix(v, "「") {
		return v
	}
	return "「" + v + "」"
}

// overridePlanning is the file's block with the flags given put over it.
func overridePlanning(file, flags *county.Planning, given map[string]bool) *county.Planning {
	p := &county.Planning{}
	if file != nil {
		*p = *file
	}
	if given["off"] {
		p.Off = flags.Off
	}
	if given["exclude"] {
		p.ExcludedSchools = flags.ExcludedSchools
	}
	if given["max-new-teachers"] {
		p.MaxNewTeachers = flags.MaxNewTeachers
	}
	if given["margin"] {
		p.Margin = flags.Margin
	}
	if given["all-seven"] {
		p.AllSeven = flags.AllSeven
	}
	return p
}

// splitList splits a comma list (, or ， or 、), dropping blanks.
func splitList(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		if t := strings.TrimSpace(part); t != "" {
			out = append(out, t)
		}
	}
	return out
}
