package dossier

import (
	"fmt"
	"io"
	"time"

	"junheng/app/format"
	"junheng/app/plan"
)

// WritePlan prints a 达标规划测算 (laid out by plan.NewReport) as a PDF
// typeset like the dossier, with its fonts, page furniture, tables and
// line breaking: the title and the summary, the actions by school, the
// coefficients before and after, what the plan cannot fix, and a page of
// the assumptions (unit costs and options). created is the document's date.
func WritePlan(w io.Writer, r plan.Report, created time.Time) error {
	name := clean(r.County, false)
	title := clean(r.Title, false)
	m := meta{Title: title, Subject: name + " " + r.Year + "学年达标规划测算",
		Keywords: "义务教育 优质均衡 达标规划 测算 " + name}
	total := 0
	for pass := 0; pass < 3; pass++ { // the footer's page count settles in two
		d := newDoc(title, r.Year+"学年", created, total, nil, m)
		if err := d.pdf.Error(); err != nil {
			return fmt.Errorf("dossier: font: %w", err)
		}
		planPages(d, r)
		if d.pdf.PageCount() == total || pass == 2 {
			return output(d, w)
		}
		total = d.pdf.PageCount()
	}
	return nil
}

func planPages(d *doc, r plan.Report) {
	d.newPage(false, true)
	d.heading(r.Title, 0, 40)
	d.paragraph(fmt.Sprintf("%s学年。%s", r.Year, plan.Note), smallSize, false)
	d.gap(2)
	label := func(s string) cell { return cell{Text: s, Shade: true, Bold: true} }
	(&table{cols: []col{{W: 40}, {W: 60}}, size: textSize}).draw(d, [][]cell{
		{label("测算总投入"), num(plan.Money(r.Total))},
		{label("未达标的学校学段（测算）"), txt(fmt.Sprintf("规划前 %d 个 → 规划后 %d 个", r.Before.FailingParts, r.After.FailingParts))},
		{label("音乐、美术专用教室未达标的学校（测算）"), txt(fmt.Sprintf("规划前 %d 所 → 规划后 %d 所", r.Before.G3Failing, r.After.G3Failing))},
	})
	d.heading("按措施汇总（测算）", 1, 30)
	kinds := make([][]cell, 0, len(r.ByKind)+1)
	for _, k := range r.ByKind {
		kinds = append(kinds, []cell{txt(k.Name), num(format.Int(k.Count)), num(plan.Money(k.Cost))})
	}
	kinds = append(kinds, []cell{{Text: "合计", Bold: true}, num(""), {Text: plan.Money(r.Total), Align: "R", Bold: true}})
	(&table{cols: []col{{W: 40}, {W: 14, Align: "R"}, {W: 30, Align: "R"}}, size: textSize,
		head: [][]cell{headRow("措施", "项数", "测算金额")}}).draw(d, kinds)

	d.heading("按学校的措施（测算）", 1, 30)
	if len(r.Schools) == 0 {
		d.paragraph("各校均无需增加措施。", textSize, false)
	} else {
		var rows [][]cell
		for _, s := range r.Schools {
			school := shortName(s.Name) + "（" + clean(s.ID, false) + "）"
			for i, a := range s.Actions {
				if i > 0 {
					school = "" // the school is named on its first row
				}
				rows = append(rows, []cell{txt(school), txt(a.Text), txt(a.Responsible), num(plan.Money(a.Cost))})
			}
			rows = append(rows, []cell{txt(""), {Text: "本校合计", Bold: true}, txt(""), {Text: plan.Money(s.Cost), Align: "R", Bold: true}})
		}
		(&table{cols: []col{{W: 30}, {W: 44}, {W: 20}, {W: 20, Align: "R"}}, size: smallSize,
			head: [][]cell{headRow("学校", "措施", "责任单位", "测算金额")}}).draw(d, rows)
	}

	d.heading("差异系数规划前后（测算）", 1, 30)
	var cv [][]cell
	for _, c := range r.CV {
		cv = append(cv, []cell{center(c.StageName), txt(c.Code + " " + c.Name), num(plan.OptCV(c.Before)), center(plan.PassWord(c.PassBefore)),
			num(plan.OptCV(c.After)), center(plan.PassWord(c.PassAfter))})
	}
	(&table{cols: []col{{W: 10}, {W: 30}, {W: 16, Align: "R"}, {W: 12}, {W: 16, Align: "R"}, {W: 12}}, size: smallSize,
		head: [][]cell{headRow("学段", "指标", "规划前", "结论", "规划后", "结论")}}).draw(d, cv)

	d.heading("规划无法解决的问题", 1, 30)
	if len(r.Unresolved) == 0 {
		d.paragraph("无。", textSize, false)
	} else {
		var un [][]cell
		for _, u := range r.Unresolved {
			un = append(un, []cell{center(u.Item), txt(u.Where()), txt(u.Detail)})
		}
		(&table{cols: []col{{W: 10}, {W: 36}, {W: 54}}, size: smallSize,
			head: [][]cell{headRow("事项", "学校", "说明")}}).draw(d, un)
	}

	d.newPage(false, true)
	d.heading("测算假设", 0, 40)
	d.paragraph("以下单价和选项是本测算的依据；单价可在县级数据表或数据文件的规划设置中修改。", textSize, true)
	var as [][]cell
	for _, a := range r.Costs {
		as = append(as, []cell{label("单价：" + a.Label), txt(a.Value)})
	}
	for _, a := range r.Options {
		as = append(as, []cell{label(a.Label), txt(a.Value)})
	}
	(&table{cols: []col{{W: 40}, {W: 60}}, size: smallSize, head: [][]cell{headRow("项目", "测算采用的值")}}).draw(d, as)
}
