package dossier

import (
	"regexp"
	"sort"
	"strings"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/standard"
	"junheng/app/wording"
)

// itemTable is the shape of the county items: code, the standard's
// requirement, the actual situation, the verdict and the evidence.
func itemTable() *table {
	return &table{size: smallSize,
		cols: []col{{W: 7, Align: "C"}, {W: 44, Align: "L"}, {W: 52, Align: "L"}, {W: 12, Align: "C"}, {W: 30, Align: "L"}},
		head: [][]cell{headRow("代码", "评估内容及标准", "实际情况", "评估结论", "佐证材料")}}
}

// itemVerdict is the verdict cell of a county item.
func itemVerdict(r *eval.ItemResult) cell {
	switch {
	case r == nil:
		return cell{Text: "未评估", Align: "C", Shade: true, Bold: true}
	case r.NotApplicable:
		return center("不适用")
	}
	return verdictCell(r.Pass, r.Missing && !r.Pass)
}

// itemRow prints one item; the situation lists the detail and every issue.
func (c *ctx) itemRow(code string) []cell {
	r := c.r.Items[code]
	name := itemName(code)
	if r == nil {
		return []cell{txt(code), txt(name), txt("未评估"), itemVerdict(nil), txt("")}
	}
	if r.Name != "" {
		name = r.Name
	}
	situation := textOr(r.Detail)
	if issues := newIssues(r.Detail, r.Issues); len(issues) > 0 && len(issues) <= listRows {
		situation += "\n" + strings.Join(issues, "\n")
	}
	return []cell{txt(code), txt(name), txt(situation), itemVerdict(r), txt(r.Evidence)}
}

// listRows is the most per-school issues an item's cell lists; a longer
// list (28 schools of G3) prints one school a row under the item's row.
const listRows = 3

// issueRows are the rows of a long list of an item's issues, each with the
// item's code, so that every page of the list says which item it is.
func (c *ctx) issueRows(code string) [][]cell {
	r := c.r.Items[code]
	if r == nil {
		return nil
	}
	issues := newIssues(r.Detail, r.Issues)
	if len(issues) <= listRows {
		return nil
	}
	keep := map[string]bool{}
	for _, is := range issues {
		keep[is] = true
	}
	rows := make([][]cell, 0, len(issues))
	for i, is := range r.Issues {
		if !keep[is] {
			continue
		}
		who := "第 " + format.Int(len(rows)+1) + " 处"
		if len(r.Schools) == len(r.Issues) {
			if s := c.school(r.Schools[i]); s != nil {
				who = shortName(s.Name)
				is = strings.TrimPrefix(strings.TrimPrefix(is, s.Name+"："), who+"：")
			}
		}
		rows = append(rows, []cell{txt(code), txt(who), txt(is), txt(""), txt("")})
	}
	return rows
}

// partSummary says how many items of a part pass, as the standard counts
// them; an item that does not apply is named, not dropped.
func (c *ctx) partSummary(part string) string {
	p := wording.Count(c.f, c.r).Part(part)
	s := p.Summary()
	if len(p.NA) > 0 {
		s += "。不适用指县域内无相关情形，视为达标"
	}
	return s + "。"
}

func codesOf(part string) []string {
	var out []string
	for _, it := range national.ByPart(part) {
		out = append(out, it.Code)
	}
	return out
}

// gov prints 表Ⅳ 政府保障程度 G1–G15 (G2 with its four parts).
func (c *ctx) gov() {
	c.itemSection(Gov, standard.PartGov, func(codes []string) []string {
		// G2 passes only if its four parts pass: print its row before them.
		var out []string
		for _, code := range codes {
			if code == "G2.1" && c.r.Items["G2"] != nil {
				out = append(out, "G2")
			}
			out = append(out, code)
		}
		return out
	})
}

// quality prints 教育质量 Q1–Q9.
func (c *ctx) quality() { c.itemSection(Quality, standard.PartQuality, nil) }

// veto prints 一票否决 V1–V7.
func (c *ctx) veto() { c.itemSection(Veto, standard.PartVeto, nil) }

func (c *ctx) itemSection(sec Section, part string, order func([]string) []string) {
	d := c.d
	d.newPage(true, true)
	d.heading(c.chapterTitle(sec), 0, 40)
	codes := codesOf(part)
	if order != nil {
		codes = order(codes)
	}
	var rows [][]cell
	for _, code := range codes {
		row := c.itemRow(code)
		if code == "G2" {
			row[1] = txt("县域内城乡义务教育学校建设标准、教师编制标准、生均公用经费基准定额、基本装备配置标准统一（G2.1–G2.4 均达标方为达标）")
		}
		rows = append(rows, row)
		rows = append(rows, c.issueRows(code)...)
	}
	t := itemTable()
	t.tail = signatureH + 2*lineH(smallSize)
	t.draw(d, rows)
	d.paragraph(c.partSummary(part), smallSize, false)
	c.signature()
}

// survey prints 社会认可度: each group's respondents, satisfied and rate, the
// total, and the item's verdict.
func (c *ctx) survey() {
	d := c.d
	d.newPage(false, true)
	d.heading(c.chapterTitle(Survey), 0, 40)
	d.heading("满意度调查结果", 1, 30)
	t := &table{size: textSize, cols: []col{{W: 24, Align: "L"}, {W: 18, Align: "R"}, {W: 18, Align: "R"}, {W: 18, Align: "R"}},
		head: [][]cell{headRow("调查对象", "调查人数", "满意人数", "满意度")}}
	var rows [][]cell
	groups := append([]string{}, county.SurveyGroups...)
	var extra []string
	for g := range c.f.County.Survey { // groups outside the standard's list, if any
		if !contains(groups, g) {
			extra = append(extra, g)
		}
	}
	sort.Strings(extra)
	groups = append(groups, extra...)
	asked, satisfied := 0, 0
	for _, g := range groups {
		v, ok := c.f.County.Survey[g]
		if !ok || len(v) < 2 {
			rows = append(rows, []cell{txt(g), num(format.Missing), num(format.Missing), num(format.Missing)})
			continue
		}
		asked += v[0]
		satisfied += v[1]
		rate := format.Missing
		if v[0] > 0 {
			rate = format.Percent(float64(v[1]) / float64(v[0]))
		}
		rows = append(rows, []cell{txt(g), num(format.Int(v[0])), num(format.Int(v[1])), num(rate)})
	}
	total := format.Missing
	if s1 := c.r.Items["S1"]; s1 != nil && s1.Value != nil {
		total = format.Percent(*s1.Value)
	}
	rows = append(rows, []cell{{Text: "合计", Bold: true}, num(format.Int(asked)), num(format.Int(satisfied)), {Text: total, Align: "R", Bold: true}})
	t.draw(d, rows)
	c.surveyConduct()
	d.heading("评估结论", 1, 30)
	s1 := itemTable()
	s1.tail = signatureH
	s1.draw(d, [][]cell{c.itemRow("S1")})
	c.signature()
}

// surveyConduct prints how the survey was done: questionnaires issued and
// valid, site visits, the organiser.
func (c *ctx) surveyConduct() {
	d := c.d
	d.heading("调查实施情况", 1, 30)
	sc := c.f.County.SurveyConduct
	if sc == nil {
		sc = &county.SurveyConduct{}
	}
	rate := func(a, b *int) string {
		if a == nil || b == nil || *a <= 0 {
			return format.Missing
		}
		return format.Percent(float64(*b) / float64(*a))
	}
	label := func(s string) cell { return cell{Text: s, Shade: true, Bold: true} }
	kv := &table{cols: []col{{W: 26}, {W: 24}, {W: 26}, {W: 24}}, size: textSize}
	kv.draw(d, [][]cell{
		{label("发放问卷（份）"), num(intText(sc.Issued)), label("有效问卷（份）"), num(intText(sc.Valid))},
		{label("问卷有效率"), num(rate(sc.Issued, sc.Valid)), label("组织实施单位"), txt(textOr(sc.Organizer))},
		{label("实地走访（人次）"), num(intText(sc.Visits)), label("走访满意（人次）"), num(intText(sc.VisitsSatisfied))},
		{label("走访满意率"), num(rate(sc.Visits, sc.VisitsSatisfied)), label(""), txt("")},
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var figureRe = regexp.MustCompile(`[0-9][0-9,]*(?:\.[0-9]+)?%?`)

// newIssues are the issues that say more than the detail: an issue whose
// every figure the detail already prints (G11: 「骨干教师 6 人，占 17.65%」
// twice) is left out of the situation cell.
func newIssues(detail string, issues []string) []string {
	var out []string
	for _, is := range issues {
		figs := figureRe.FindAllString(is, -1)
		known := len(figs) > 0
		for _, f := range figs {
			known = known && strings.Contains(detail, f)
		}
		if !known {
			out = append(out, is)
		}
	}
	return out
}
