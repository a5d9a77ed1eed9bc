package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"junheng/app/county"
	"junheng/app/evidence"
	"junheng/app/format"
	"junheng/data"
)

// The database commands: each opens the data file (read-only when it only
// reads, so that they work while the GUI has the file open) and prints
// Chinese messages. Who is working comes from JUNHENG_OFFICE and
// JUNHENG_USER (or --office/--user, see flags.go), for the audit trail.

func init() {
	loadFromDB = func(path, year string, withFiled bool) (*county.File, []evidence.Filed, error) {
		s, err := data.Open(path, data.OpenOptions{ReadOnly: true})
		if err != nil {
			return nil, nil, err
		}
		defer s.Close()
		f, err := s.LoadYear(year)
		if err != nil {
			return nil, nil, err
		}
		if ps := county.Validate(f); len(ps) > 0 {
			return nil, nil, ps
		}
		if !withFiled {
			return f, nil, nil
		}
		atts, err := s.Attachments(year)
		if err != nil {
			return nil, nil, err
		}
		return f, evidence.Number(atts, evidence.SchoolRefs(f)), nil
	}
	register("init", command{usage: "init DB   新建空的数据文件", run: runInit})
	register("import-json", command{usage: "import-json DB FILE.json [--year 学年] [--replace --yes]   把县域数据 JSON 导入数据文件（新增和更新学校，修改留痕；--replace 以文件替换整个学年）", run: runImportJSON})
	register("export-json", command{usage: "export-json DB --year 学年 > FILE.json   导出某学年的县域数据 JSON", run: runExportJSON})
	register("merge", command{usage: "merge DB OTHER.db [--theirs|--ours] [--dry-run] [--other-county]   合并其他单位的数据文件，列出冲突", run: runMerge})
	register("export", command{usage: "export DB OUT.db [--school 标识码 …]   导出整个文件或选定学校，供其他单位合并", run: runExport})
	register("check", command{usage: "check DB   检查数据文件（完整性、版本、锁定、各学年数据校验）", run: runCheck})
	register("history", command{usage: "history DB [--school 标识码|county] [--field 字段] [--year 学年]   查看修改记录", run: runHistory})
}

// openFailed prints why a file could not be opened, with the one mapping
// to exit codes (see exitCode).
func openFailed(stderr io.Writer, err error) int { return failed(stderr, err) }

func runInit(args []string, stdout, stderr io.Writer) int {
	fs, set := newFlags("init")
	p := parse(fs, args, 1, "init DB", stdout, stderr)
	if p.stop {
		return p.code
	}
	pos := p.pos
	s, err := data.Create(pos[0], *set)
	if err != nil {
		return failed(stderr, err)
	}
	if err := s.Close(); err != nil {
		return failed(stderr, err)
	}
	fmt.Fprintf(stdout, "已新建数据文件「%s」。\n", pos[0])
	return 0
}

func runImportJSON(args []string, stdout, stderr io.Writer) int {
	fs, set := newFlags("import-json")
	year := fs.String("year", "", "导入为指定学年（默认用文件中的学年），例如把上一年的数据导入为新学年的起点")
	replace := fs.Bool("replace", false, "以文件替换整个学年：文件中没有的学校将被删除、文件中未填的字段清空（先列出将删除的学校，需加 --yes 确认）")
	yes := fs.Bool("yes", false, "确认 --replace 列出的删除")
	other := fs.Bool("other-county", false, "确认导入另一个县（名称或代码不同）的数据")
	takeover := takeoverFlag(fs)
	p := parse(fs, args, 2, "import-json DB FILE.json [--year 学年] [--replace --yes] [--other-county]", stdout, stderr)
	if p.stop {
		return p.code
	}
	pos := p.pos
	f, code := readCountyJSON(pos[1], stderr)
	if f == nil {
		return code
	}
	if *year != "" {
		f.Year = *year
		if ps := county.Validate(f); len(ps) > 0 {
			fmt.Fprintln(stderr, ps)
			return 2
		}
	}
	s, err := openForEdit(pos[0], data.OpenOptions{Settings: *set, TakeOver: *takeover}, stderr)
	if err != nil {
		return openFailed(stderr, err)
	}
	defer s.Close()
	o := data.ImportOptions{Source: pos[1], Replace: *replace, OtherCounty: *other}
	if *replace && !*yes {
		plan, err := s.PlanImport(f, o)
		if err != nil {
			return failed(stderr, err)
		}
		if plan.OtherCounty != nil && !*other {
			return failed(stderr, plan.OtherCounty)
		}
		printImportPlan(stdout, plan)
		fmt.Fprintln(stdout, "\n以上为预览，未导入任何内容。确认以文件替换整个学年（删除以上列出的学校）请加 --yes。")
		return exitInvalid
	}
	done, err := s.Import(f, o)
	if err != nil {
		return failed(stderr, err)
	}
	fmt.Fprintf(stdout, "已导入 %s 学年：%s，文件中 %d 所学校（新增 %d 所，更新 %d 所，未变 %d 所）；记录了 %d 处数值变动。\n",
		done.Year, done.County, len(f.Schools), len(done.Added), len(done.Updated), done.Unchanged, done.Changes)
	if len(done.Removed) > 0 {
		fmt.Fprintf(stdout, "已删除文件中没有的 %d 所学校：%s。\n", len(done.Removed), schoolList(done.Removed))
	}
	if done.Kept > 0 {
		fmt.Fprintf(stdout, "本学年另有 %d 所学校不在文件中，保持不变（如要以文件替换整个学年，请加 --replace）。\n", done.Kept)
	}
	return 0
}

// readCountyJSON reads and decodes a county file through the one bounded
// reader; nil and the exit status when it cannot (the message is printed).
func readCountyJSON(path string, stderr io.Writer) (*county.File, int) {
	f, err := data.ReadCountyJSON(path, os.Stdin)
	if err != nil {
		return nil, failed(stderr, err)
	}
	return f, 0
}

// printImportPlan lists what an import would do, the schools it would
// delete by name and id.
func printImportPlan(w io.Writer, p *data.ImportPlan) {
	fmt.Fprintf(w, "导入到 %s 学年（%s）将：新增 %d 所学校，更新 %d 所，%d 所不变；共 %d 处数值变动。\n",
		p.Year, p.County, len(p.Added), len(p.Updated), p.Unchanged, p.Changes)
	if len(p.Removed) > 0 {
		fmt.Fprintf(w, "将删除文件中没有的 %d 所学校：\n", len(p.Removed))
		for _, r := range p.Removed {
			fmt.Fprintf(w, "  %s（%s）\n", r.Name, r.ID)
		}
	}
}

func schoolList(rs []data.SchoolRef) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.String()
	}
	return strings.Join(out, "、")
}

func runExportJSON(args []string, stdout, stderr io.Writer) int {
	fs, set := newFlags("export-json")
	year := fs.String("year", "", "学年，例如 2024-2025")
	p := parse(fs, args, 1, "export-json DB --year 学年 > FILE.json", stdout, stderr)
	if p.stop {
		return p.code
	}
	pos := p.pos
	s, err := data.Open(pos[0], data.OpenOptions{ReadOnly: true, Settings: *set})
	if err != nil {
		return openFailed(stderr, err)
	}
	defer s.Close()
	if *year == "" {
		years, _ := s.Years()
		fmt.Fprintf(stderr, "请用 --year 指定学年；文件中有：%s\n", strings.Join(years, "、"))
		return 2
	}
	out, err := s.ExportJSON(*year)
	if err != nil {
		return failed(stderr, err)
	}
	if _, err := stdout.Write(out); err != nil {
		return stdoutFailed(stderr, err)
	}
	return 0
}

func runExport(args []string, stdout, stderr io.Writer) int {
	fs, set := newFlags("export")
	ids := schoolFlag(fs, "要导出的学校标识码（可重复；不写则导出整个文件）")
	p := parse(fs, args, 2, "export DB OUT.db [--school 标识码 …]", stdout, stderr)
	if p.stop {
		return p.code
	}
	pos := p.pos
	if err := data.CheckOutput(pos[1], data.OutputOptions{Inputs: pos[:1]}); err != nil {
		return failed(stderr, err)
	}
	s, err := data.Open(pos[0], data.OpenOptions{ReadOnly: true, Settings: *set})
	if err != nil {
		return openFailed(stderr, err)
	}
	defer s.Close()
	m, err := s.ExportSchools(pos[1], *ids)
	if err != nil {
		return failed(stderr, err)
	}
	what := "整个文件"
	if len(*ids) > 0 {
		what = fmt.Sprintf("%d 所学校", len(*ids))
	}
	fmt.Fprintf(stdout, "已导出%s到「%s」：学年 %s，%d 行数据，%d 条修改记录。\n清单：%s（校验值 %s）\n",
		what, pos[1], strings.Join(m.Years, "、"), m.Rows["value"], m.Rows["change"], data.ManifestPath(pos[1]), m.FileSHA256)
	return 0
}

func runMerge(args []string, stdout, stderr io.Writer) int {
	fs, set := newFlags("merge")
	theirs := fs.Bool("theirs", false, "所有冲突采用对方的值")
	ours := fs.Bool("ours", false, "所有冲突保留本方的值")
	dry := fs.Bool("dry-run", false, "只列出将要发生的变化，不合并")
	other := fs.Bool("other-county", false, "确认合并另一个县（名称或代码不同）的数据文件")
	takeover := takeoverFlag(fs)
	pp := parse(fs, args, 2, "merge DB OTHER.db [--theirs|--ours] [--dry-run] [--other-county]", stdout, stderr)
	if pp.stop {
		return pp.code
	}
	pos := pp.pos
	if *theirs && *ours {
		fmt.Fprintln(stderr, "--theirs 和 --ours 只能选一个")
		return 2
	}
	s, err := openForEdit(pos[0], data.OpenOptions{Settings: *set, ReadOnly: *dry, TakeOver: *takeover}, stderr)
	if err != nil {
		return openFailed(stderr, err)
	}
	defer s.Close()
	p, err := s.PlanMergeWith(pos[1], data.MergeOptions{OtherCounty: *other})
	if err != nil {
		return openFailed(stderr, err)
	}
	printPlan(stdout, p)
	if p.Empty() {
		fmt.Fprintln(stdout, "两个文件没有需要合并的差异。")
		return 0
	}
	if *dry {
		return 0
	}
	if len(p.Conflicts) > 0 && !*theirs && !*ours {
		fmt.Fprintf(stderr, "有 %d 处冲突，未合并任何内容。请用 --theirs（采用对方）或 --ours（保留本方）决定全部冲突，或在图形界面中逐项选择。\n", len(p.Conflicts))
		return exitInvalid
	}
	choices := make([]bool, len(p.Conflicts))
	for i := range choices {
		choices[i] = *theirs
	}
	if err := s.ApplyMerge(p, choices); err != nil {
		return failed(stderr, err)
	}
	fmt.Fprintf(stdout, "已合并：采用对方 %d 个值", p.Changes)
	if len(p.Conflicts) > 0 {
		side := "保留本方"
		if *theirs {
			side = "采用对方"
		}
		fmt.Fprintf(stdout, "，%d 处冲突%s", len(p.Conflicts), side)
	}
	fmt.Fprintln(stdout, "。合并前的备份在「"+s.BackupDir()+"」。")
	return 0
}

func printPlan(w io.Writer, p *data.MergePlan) {
	fmt.Fprintf(w, "与「%s」比较：\n", format.Safe(p.Other))
	for _, st := range []data.RowStatus{data.RowNew, data.RowChangedThere, data.RowChangedBoth, data.RowConflict, data.RowChangedHere, data.RowIdentical, data.RowOnlyHere} {
		if n := p.Counts[st]; n > 0 {
			fmt.Fprintf(w, "  %s：%d 项\n", st, n)
		}
	}
	for _, r := range p.Rows {
		if r.Status == data.RowIdentical || r.Status == data.RowChangedHere {
			continue
		}
		fmt.Fprintf(w, "  [%s] %s 学年 %s", r.Status, r.Year, r.What())
		if len(r.Applied) > 0 && r.Status != data.RowNew {
			fmt.Fprintf(w, "：采用对方 %s", strings.Join(r.AppliedNames(), "、"))
		}
		fmt.Fprintln(w)
	}
	if len(p.Conflicts) > 0 {
		fmt.Fprintf(w, "冲突（双方都修改了同一字段）：\n")
		for i, c := range p.Conflicts {
			fmt.Fprintf(w, "  %d. %s\n", i+1, c)
		}
	}
}

// fieldName is a field's Chinese name from the catalogue (its path when
// the catalogue has none).
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs, set := newFlags("check")
	p := parse(fs, args, 1, "check DB", stdout, stderr)
	if p.stop {
		return p.code
	}
	pos := p.pos
	s, err := data.Open(pos[0], data.OpenOptions{ReadOnly: true, Settings: *set})
	if err != nil {
		return openFailed(stderr, err)
	}
	defer s.Close()
	findings, err := s.Audit()
	if err != nil {
		return failed(stderr, err)
	}
	status := 0
	if len(findings) == 0 {
		fmt.Fprintf(stdout, "「%s」：文件完好（完整性检查通过，附件校验值、修改记录与存储的字段均无误，数据格式第 %d 版）。\n", format.Safe(pos[0]), data.SchemaVersion)
	} else {
		fmt.Fprintf(stdout, "「%s」：发现 %d 处问题：\n", format.Safe(pos[0]), len(findings))
		for _, f := range findings {
			fmt.Fprintln(stdout, "  "+f)
		}
		status = exitInvalid
	}
	if h := s.HeldBy(); h != "" {
		fmt.Fprintln(stdout, h)
	}
	years, err := s.Years()
	if err != nil {
		return failed(stderr, err)
	}
	if len(years) == 0 {
		fmt.Fprintln(stdout, "文件中还没有任何学年的数据。")
	}
	for _, y := range years {
		f, err := s.LoadYear(y)
		if err != nil {
			fmt.Fprintln(stdout, err)
			status = max(status, exitCode(err))
			continue
		}
		fmt.Fprintf(stdout, "%s 学年：%s，%d 所学校", y, format.Safe(f.County.Name), len(f.Schools))
		if ps := county.Validate(f); len(ps) > 0 {
			fmt.Fprintf(stdout, "，%d 处数据问题：\n", len(ps))
			for _, p := range ps {
				fmt.Fprintln(stdout, "  "+p.String())
			}
			status = exitInvalid
		} else {
			fmt.Fprintln(stdout, "，数据校验通过。")
		}
	}
	if bs, _ := s.ListBackups(); len(bs) > 0 {
		fmt.Fprintf(stdout, "备份 %d 份，最近一份：%s（%s，%s）\n", len(bs), bs[0].Path, bs[0].Reason, bs[0].Time.Format("2006-01-02 15:04"))
	}
	printManifest(stdout, pos[0])
	return status
}

func runHistory(args []string, stdout, stderr io.Writer) int {
	fs, set := newFlags("history")
	var f data.Filter
	school := schoolFlag(fs, "学校标识码；county 表示县级数据")
	fs.StringVar(&f.Field, "field", "", "字段路径，如 students.primary 或 teachers.（前缀）")
	fs.StringVar(&f.Year, "year", "", "学年")
	fs.IntVar(&f.Limit, "limit", 0, "最多列出条数")
	p := parse(fs, args, 1, "history DB [--school 标识码|county] [--field 字段] [--year 学年] [--limit 条数]", stdout, stderr)
	if p.stop {
		return p.code
	}
	pos := p.pos
	f.SchoolID = last(*school)
	if f.Limit < 0 {
		fmt.Fprintf(stderr, "--limit = %d：条数不能为负数\n", f.Limit)
		return 2
	}
	s, err := data.Open(pos[0], data.OpenOptions{ReadOnly: true, Settings: *set})
	if err != nil {
		return openFailed(stderr, err)
	}
	defer s.Close()
	list, err := s.History(f)
	if err != nil {
		return failed(stderr, err)
	}
	if len(list) == 0 {
		fmt.Fprintln(stdout, "没有符合条件的修改记录。")
		return 0
	}
	for _, c := range list {
		fmt.Fprintln(stdout, c.String())
	}
	return 0
}

// printManifest says, for a file received from another office, who
// exported it and whether its bytes are still those exported — from the
// manifest in 备份, or beside the file for exports of earlier versions.
func printManifest(stdout io.Writer, path string) {
	m, where, err := data.ReadManifest(path)
	if errors.Is(err, data.ErrNotFound) {
		return
	}
	if err != nil {
		fmt.Fprintln(stdout, "导出清单：", err)
		return
	}
	state := "文件自导出后已被编辑、合并或改动"
	if same, err := m.MatchesFile(path); err != nil {
		state = err.Error()
	} else if same {
		state = "文件与导出时逐字节相同"
	}
	who := strings.TrimSpace(m.Office + " " + m.User)
	fmt.Fprintf(stdout, "导出清单：%s（%s于 %s 导出；%s）\n", where, who, m.Time.Local().Format("2006-01-02 15:04"), state)
}
