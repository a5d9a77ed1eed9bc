package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/standard"
	"junheng/data"
	"junheng/data/safefile"
	"junheng/data/xlsx"
)

func init() {
	register("template", command{
		usage: "template OUT.xlsx [--county] [--school 标识码] [--db DB --year 学年]   生成 Excel 填报表（学校表；--county：县级数据表；--school：只含该校并预填）",
		run:   runTemplate,
	})
	register("import-xlsx", command{
		usage: "import-xlsx DB FILE.xlsx [--year 学年] [--apply] [--new-schools]   检查并导入填好的 Excel 填报表（不加 --apply 只预览修改；--new-schools 确认添加新学校）",
		run:   runImportXLSX,
	})
	register("export-xlsx", command{
		usage: "export-xlsx DB|FILE.json --year 学年 OUT.xlsx   导出评估结果和全部原始数据到 Excel",
		run:   runExportXLSX,
	})
}

// openYear opens a data file read-only and loads a school year; year ""
// takes the latest year of the file.
func openYear(path, year string) (*county.File, error) {
	s, err := data.Open(path, data.OpenOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	if year == "" {
		if year, err = latestYear(s); err != nil {
			return nil, err
		}
	}
	return s.LoadYear(year)
}

func latestYear(s *data.Store) (string, error) {
	years, err := s.Years()
	if err != nil {
		return "", err
	}
	if len(years) == 0 {
		return "", fmt.Errorf("数据文件「%s」中还没有任何学年，请用 --year 指定学年", s.Path())
	}
	return years[len(years)-1], nil
}

func runTemplate(args []string, stdout, stderr io.Writer) int {
	fs, _ := newFlags("template")
	schoolIDs := schoolFlag(fs, "学校标识码：只含该校，并预填其现有数据")
	countyBook := fs.Bool("county", false, "生成县级数据填报表（县级基本情况、县级指标、满意度调查、教育经费、整改台账、达标规划设置）")
	db := fs.String("db", "", "数据文件：预填其中的数据")
	year := fs.String("year", "", "学年（默认为数据文件中最新的学年）")
	force := forceFlag(fs)
	p := parse(fs, args, 1, "template OUT.xlsx [--county] [--school 标识码] [--db DB --year 学年]", stdout, stderr)
	if p.stop {
		return p.code
	}
	school := last(*schoolIDs)
	pos := p.pos
	var err error
	if !strings.HasSuffix(strings.ToLower(pos[0]), ".xlsx") {
		fmt.Fprintf(stderr, "「%s」不是 .xlsx 文件名。用法：junheng-cli template OUT.xlsx [--county] [--school 标识码] [--db DB --year 学年]\n", pos[0])
		return 2
	}
	if *countyBook && school != "" {
		fmt.Fprintln(stderr, "--county 与 --school 不能同时使用：县级数据表不含学校，学校的填报表不含县级数据")
		return 2
	}
	if school != "" && *db == "" {
		fmt.Fprintln(stderr, "--school 需要同时用 --db 指定数据文件（预填该校现有数据）")
		return 2
	}
	var f *county.File
	if *db != "" {
		if f, err = openYear(*db, *year); err != nil {
			return failed(stderr, err)
		}
	}
	if school != "" && !slices.ContainsFunc(f.Schools, func(s county.School) bool { return s.ID == school }) {
		fmt.Fprintf(stderr, "%s 学年中没有标识码为「%s」的学校\n", f.Year, school)
		return 2
	}
	err = writeOutput(pos[0], *force, []string{*db}, func(w io.Writer) error {
		if *countyBook {
			return xlsx.WriteCountyTemplate(w, f)
		}
		return xlsx.WriteTemplate(w, f, school)
	})
	if err != nil {
		return failed(stderr, err)
	}
	fmt.Fprintf(stdout, "已生成填报表「%s」。\n", pos[0])
	return 0
}

func runImportXLSX(args []string, stdout, stderr io.Writer) int {
	fs, set := newFlags("import-xlsx")
	year := fs.String("year", "", "导入到的学年（默认为填报表「说明」页上的学年）")
	apply := fs.Bool("apply", false, "确认导入（不加时只列出将要做的修改）")
	takeover := takeoverFlag(fs)
	newSchools := fs.Bool("new-schools", false, "确认添加工作簿中数据库里没有的学校")
	other := fs.Bool("other-county", false, "确认导入另一个县（名称或代码不同）的工作簿，或改动本县名称、代码")
	magnitude := fs.Bool("accept-magnitude", false, "确认与原值或全县每生中位数相差 1000 倍以上的数值无误")
	p := parse(fs, args, 2, "import-xlsx DB FILE.xlsx [--year 学年] [--apply] [--new-schools] [--other-county] [--accept-magnitude]", stdout, stderr)
	if p.stop {
		return p.code
	}
	pos := p.pos
	dbPath, book := pos[0], pos[1]
	in, err := os.Open(book)
	if err != nil {
		return failed(stderr, safefile.Explain(book, err))
	}
	imp, err := xlsx.ReadWorkbook(in, filepath.Base(book))
	in.Close()
	if err != nil {
		return failed(stderr, err)
	}
	s, err := openForEdit(dbPath, data.OpenOptions{ReadOnly: !*apply, Settings: *set, TakeOver: *takeover}, stderr)
	if err != nil {
		return openFailed(stderr, err)
	}
	defer s.Close()
	y := *year
	switch {
	case y != "" && imp.Year != "" && y != imp.Year:
		fmt.Fprintf(stdout, "注意：填报表上的学年是 %s，按 --year 导入到 %s 学年。\n", imp.Year, y)
	case y == "":
		y = imp.Year
	}
	if y == "" {
		if y, err = latestYear(s); err != nil {
			return failed(stderr, err)
		}
	}
	plan, err := xlsx.PlanFor(s, imp, y)
	if err != nil {
		return failed(stderr, err)
	}
	plan.AddNewSchools = *newSchools
	plan.AcceptOtherCounty = *other
	plan.AcceptMagnitude = *magnitude
	xlsxPrintPlan(stdout, plan)
	if plan.Empty() {
		return 0
	}
	if !*apply {
		hint := "确认无误后加 --apply 导入。"
		if len(plan.NewSchools) > 0 && !*newSchools {
			hint = "确认无误后加 --apply 导入；新学校确是新学校时，还要加 --new-schools。"
		}
		fmt.Fprintln(stdout, "\n以上为预览，数据库未改动。"+hint)
		return 0
	}
	if err := xlsx.Apply(s, plan); err != nil {
		return failed(stderr, err)
	}
	fmt.Fprintf(stdout, "\n已导入 %s 学年，修改记录中注明：%s。\n", plan.Year, plan.Note())
	return 0
}

// xlsxPrintPlan lists what an import does: the summary first, then new
// schools apart, the clearings, the other changes and the notes.
func xlsxPrintPlan(w io.Writer, p *xlsx.Plan) {
	fmt.Fprintln(w, p.Summary())
	if p.OtherCounty != nil && !p.AcceptOtherCounty {
		fmt.Fprintln(w, "\n注意："+p.OtherCounty.Error())
	}
	if len(p.Magnitudes) > 0 && !p.AcceptMagnitude {
		fmt.Fprintln(w, "\n注意："+(&xlsx.ErrMagnitude{File: p.File, Cases: p.Magnitudes}).Error())
	}
	if len(p.NewSchools) > 0 {
		fmt.Fprintf(w, "\n新学校 %d 所（数据库中没有这些标识码）：\n", len(p.NewSchools))
		for _, s := range p.NewSchools {
			fmt.Fprintf(w, "  %s（%s）\n", s.Name, s.ID)
		}
	}
	var clears, changes []xlsx.Change
	for _, c := range p.Changes {
		if c.Clear {
			clears = append(clears, c)
		} else {
			changes = append(changes, c)
		}
	}
	if len(clears) > 0 {
		fmt.Fprintf(w, "\n清空 %d 处（格中填了「%s」）：\n", len(clears), xlsx.ClearWord)
		for _, c := range clears {
			fmt.Fprintf(w, "  %s\n", c)
		}
	}
	if len(changes) > 0 {
		fmt.Fprintf(w, "\n修改 %d 处：\n", len(changes))
		for _, c := range changes {
			fmt.Fprintf(w, "  %s\n", c)
		}
	}
	if len(p.Notes) > 0 {
		fmt.Fprintln(w, "\n说明：")
		for _, n := range p.Notes {
			fmt.Fprintf(w, "  %s\n", n)
		}
	}
}

func runExportXLSX(args []string, stdout, stderr io.Writer) int {
	fs, _ := newFlags("export-xlsx")
	year := fs.String("year", "", "学年（从数据文件导出时）")
	force := forceFlag(fs)
	opts := ruleFlags(fs)
	p := parse(fs, args, 2, "export-xlsx DB|FILE.json --year 学年 OUT.xlsx", stdout, stderr)
	if p.stop {
		return p.code
	}
	pos := p.pos
	var err error
	if !strings.HasSuffix(strings.ToLower(pos[1]), ".xlsx") {
		fmt.Fprintf(stderr, "「%s」不是 .xlsx 文件名。用法：junheng-cli export-xlsx DB|FILE.json --year 学年 OUT.xlsx\n", pos[1])
		return 2
	}
	var f *county.File
	if strings.HasSuffix(strings.ToLower(pos[0]), ".json") {
		f, err = data.ReadCountyJSON(pos[0], os.Stdin)
	} else {
		if *year == "" {
			fmt.Fprintln(stderr, "从数据文件导出时请用 --year 指定学年，例如 --year 2024-2025")
			return 2
		}
		f, err = openYear(pos[0], *year)
	}
	if err != nil {
		return failed(stderr, err)
	}
	r := eval.Evaluate(f, standard.National2017(), *opts)
	if err := writeOutput(pos[1], *force, pos[:1], func(w io.Writer) error { return xlsx.ExportResults(w, f, r) }); err != nil {
		return failed(stderr, err)
	}
	fmt.Fprintf(stdout, "已导出「%s」（%s %s 学年）。\n", pos[1], f.County.Name, f.Year)
	return 0
}
