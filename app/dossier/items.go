package dossier

import (
	"fmt"
	"sort"
	"strings"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/standard"
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
	if len(r.Issues) > 0 {
		situation += "\n" + strings.Join(r.Issues, "\n")
	}
	return []cell{txt(code), txt(name), txt(situation), itemVerdict(r), txt(r.Evidence)}
}

// partSummary says how many items of a part pass.
func (c *ctx) partSummary(codes []string) string {
	pass, fail, missing := 0, 0, 0
	for _, code := range codes {
		r := c.r.Items[code]
		switch {
		case r == nil || r.Missing && !r.Pass:
			missing++
		case r.Pass:
			pass++
		default:
			fail++
		}
	}
	return fmt.Sprintf("共 %d 项：达标 %d 项，未达标 %d 项，未填报 %d 项。", len(codes), pass, fail, missing)
}

func codesOf(part string) []string {
	var out []string
	for _, it := range national.ByPart(part) {
		out = append(out, it.Code)
	}
	return out
}

// gov prints 政府保障程度 G1–G15 (G2 with its four parts).
func (c *ctx) gov() {
	c.itemSection("政府保障程度", standard.PartGov, func(codes []string) []string {
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
func (c *ctx) quality() { c.itemSection("教育质量", standard.PartQuality, nil) }

// veto prints 一票否决 V1–V7.
func (c *ctx) veto() { c.itemSection("一票否决", standard.PartVeto, nil) }

func (c *ctx) itemSection(title, part string, order func([]string) []string) {
	d := c.d
	d.newPage(true, true)
	d.heading(c.chapterTitle(title), 0, 40)
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
	}
	itemTable().draw(d, rows)
	d.paragraph(c.partSummary(codesOf(part)), smallSize, false)
	c.signature()
}

// survey prints 社会认可度: each group's respondents, satisfied and rate, the
// total, and the item's verdict.
func (c *ctx) survey() {
	d := c.d
	d.newPage(false, true)
	d.heading(c.chapterTitle("社会认可度"), 0, 40)
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
	d.heading("评估结论", 1, 30)
	itemTable().draw(d, [][]cell{c.itemRow("S1")})
	c.signature()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
