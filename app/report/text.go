// Package report renders an evaluation result as a readable Chinese text
// report for the terminal: schools × indicators per stage, coefficients
// against their limits, the county items, 表Ⅴ and the to-do list.
package report

import (
	"fmt"
	"sort"
	"strings"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/proofread"
	"junheng/app/standard"
	"junheng/app/wording"
)

// Text renders the whole result of the county file f, with 材料自查 (the
// numbers its texts state that its own data contradict).
func Text(f *county.File, r *eval.Result, std *standard.Standard) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s学年 县域义务教育优质均衡发展评估结果\n", r.County, r.Year)
	fmt.Fprintf(&b, "依据：%s\n\n", r.Standard)
	verdict(&b, f, r)
	for _, stage := range []string{eval.Primary, eval.Junior} {
		resourceStage(&b, stage, r.Stages.Get(stage), std)
	}
	items(&b, f, r, std)
	finance(&b, r)
	legacy(&b, r)
	todo(&b, r)
	selfCheck(&b, f, r)
	return b.String()
}

func mark(pass bool) string {
	if pass {
		return "✓ 达标"
	}
	return "× 未达标"
}

func verdict(b *strings.Builder, f *county.File, r *eval.Result) {
	fmt.Fprintln(b, "【结论】")
	t := wording.Count(f, r)
	fmt.Fprintf(b, "  %s\n", t.Conclusion())
	for _, p := range r.Verdict.Parts {
		state := mark(p.Pass)
		if !p.Pass {
			pt := t.Part(p.Part)
			state += "（" + pt.Summary()
			if pt.Problems > 0 {
				state += "；学校层面问题 " + format.Int(pt.Problems) + " 处"
			}
			state += "）"
		}
		fmt.Fprintf(b, "  %s %s\n", pad(p.Name, 14, false), state)
	}
	b.WriteString("\n")
}

func resourceStage(b *strings.Builder, stage string, st *eval.Stage, std *standard.Standard) {
	name := eval.StageNames[stage]
	fmt.Fprintf(b, "【资源配置·%s】\n", name)
	if st == nil {
		fmt.Fprint(b, "  不适用（县域内没有参与计算的学校）\n\n")
		return
	}
	header := []string{"学校", "学生数"}
	right := []bool{false, true}
	for _, c := range standard.ResourceCodes {
		header = append(header, c)
		right = append(right, true)
	}
	header = append(header, "达标项", "结论")
	right = append(right, true, false)
	var rows [][]string
	for _, sp := range st.Schools {
		row := []string{sp.Name, format.Int(sp.Students)}
		for _, c := range standard.ResourceCodes {
			cell := format.Opt(sp.Values[c], format.ValueDecimals)
			if sp.Values[c] != nil && !sp.Met[c] {
				cell = "*" + cell
			}
			row = append(row, cell)
		}
		row = append(row, fmt.Sprintf("%d/7", sp.MetCount), mark(sp.Pass))
		rows = append(rows, row)
	}
	std7 := []string{"达标值", ""}
	floor := []string{"85%基本值", ""}
	means := []string{"县域均值", format.Int(st.Students)}
	cvs := []string{"差异系数", ""}
	for _, c := range standard.ResourceCodes {
		std7 = append(std7, format.Value(st.Standard[c]))
		floor = append(floor, format.Value(st.Standard[c]*std.PartPassFloor))
		means = append(means, format.Opt(st.Mean[c], format.ValueDecimals))
		cv := format.Opt(st.CV[c], format.CVDecimals)
		if st.CV[c] == nil && st.CVNote[c] != "" {
			cv = "无法计算"
		}
		if !st.CVPass[c] {
			cv = "*" + cv
		}
		cvs = append(cvs, cv)
	}
	rows = append(rows, append(std7, "", ""), append(floor, "", ""), append(means, "", ""),
		append(cvs, "", fmt.Sprintf("≤ %s", format.Number(st.CVLimit, 2))))
	table(b, header, rows, right)
	fmt.Fprintf(b, "  * 未达标。%s（至少6项达标、余项不低于85%%）。\n", wording.StageSchools(st))
	for _, c := range standard.ResourceCodes {
		if note := st.CVNote[c]; note != "" {
			fmt.Fprintf(b, "  %s 差异系数：%s\n", c, note)
		}
	}
	for _, ex := range st.Excluded {
		fmt.Fprintf(b, "  未参与计算：%s（%s）\n", ex.Name, ex.Reason)
	}
	for _, sp := range st.Schools {
		for _, sf := range sp.Shortfalls {
			fmt.Fprintf(b, "  %s %s %s，差 %s\n", sp.Name, sf.Code, format.Percent(sf.Ratio)+"（达标值的比例）", sf.Need)
		}
	}
	b.WriteString("\n")
}

func itemState(it *eval.ItemResult) string {
	switch {
	case it.Missing:
		return "未填报"
	case it.NotApplicable:
		return "不适用"
	}
	return mark(it.Pass)
}

func items(b *strings.Builder, f *county.File, r *eval.Result, std *standard.Standard) {
	for _, part := range []string{standard.PartGov, standard.PartQuality, standard.PartSurvey, standard.PartVeto, standard.PartFinance} {
		fmt.Fprintf(b, "【%s】\n", standard.PartNames[part])
		var rows [][]string
		for _, it := range std.ByPart(part) {
			res := r.Items[it.Code]
			rows = append(rows, []string{it.Code, itemState(res), res.Detail})
		}
		table(b, []string{"项目", "结论", "情况"}, rows, []bool{false, false, false})
		for _, it := range std.ByPart(part) {
			for _, is := range r.Items[it.Code].Issues {
				fmt.Fprintf(b, "  %s：%s\n", it.Code, is)
			}
		}
		b.WriteString("\n")
	}
}

func finance(b *strings.Builder, r *eval.Result) {
	if len(r.Finance) == 0 {
		return
	}
	fmt.Fprintln(b, "【表Ⅴ 义务教育经费情况】")
	header := []string{"项目"}
	right := []bool{false}
	for _, row := range r.Finance {
		header = append(header, fmt.Sprintf("%d年", row.Year), "比上年增长")
		right = append(right, true, true)
	}
	var rows [][]string
	for _, k := range eval.FinanceSeries {
		line := []string{eval.FinanceSeriesNames[k]}
		for _, row := range r.Finance {
			g := row.Notes[k]
			if row.Growth[k] != nil {
				g = format.SignedPercent(*row.Growth[k])
			}
			line = append(line, format.Opt(row.Values[k], eval.FinanceDecimals(k)), g)
		}
		rows = append(rows, line)
	}
	table(b, header, rows, right)
	b.WriteString("\n")
}

func legacy(b *strings.Builder, r *eval.Result) {
	fmt.Fprintln(b, "【基本均衡（2012）差异系数，仅供参考】")
	var rows [][]string
	for _, stage := range []string{eval.Primary, eval.Junior} {
		ls := r.Legacy.Primary
		if stage == eval.Junior {
			ls = r.Legacy.Junior
		}
		if ls == nil {
			continue
		}
		row := []string{eval.StageNames[stage]}
		for _, c := range standard.LegacyCodes {
			row = append(row, format.Opt(ls.CV[c], format.CVDecimals))
		}
		row = append(row, format.Opt(ls.Composite, format.CVDecimals), "≤ "+format.Number(ls.Limit, 2))
		rows = append(rows, row)
	}
	header := append(append([]string{"学段"}, standard.LegacyCodes...), "综合", "标准")
	right := make([]bool, len(header))
	for i := 1; i < len(right); i++ {
		right[i] = true
	}
	table(b, header, rows, right)
	b.WriteString("\n")
}

func todo(b *strings.Builder, r *eval.Result) {
	fmt.Fprintln(b, "【整改清单】")
	if len(r.Verdict.Todo) == 0 {
		fmt.Fprintln(b, "  无")
		return
	}
	// Group by school first (what a clerk visits), then county items.
	todos := append([]eval.Todo(nil), r.Verdict.Todo...)
	sort.SliceStable(todos, func(i, j int) bool { return todos[i].Missing == false && todos[j].Missing })
	for i, t := range todos {
		kind := "未达标"
		if t.Missing {
			kind = "未填报"
		}
		fmt.Fprintf(b, "  %2d. [%s·%s] %s\n", i+1, standard.PartNames[t.Part], kind, t.Text)
	}
}

// selfCheck is 材料自查: every contradiction between the texts and the
// data, or a line saying there is none.
func selfCheck(b *strings.Builder, f *county.File, r *eval.Result) {
	fmt.Fprintln(b, "\n【材料自查】")
	found := proofread.Check(f, r)
	if len(found) == 0 {
		fmt.Fprintln(b, "  "+proofread.NoneFound)
		return
	}
	fmt.Fprintf(b, "  发现 %d 处数据前后不一致，提交前请改正文字材料或数据：\n", len(found))
	for i, c := range found {
		fmt.Fprintf(b, "  %2d. %s\n", i+1, c.Sentence())
	}
}
