package dossier

import (
	"sort"

	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/wording"
)

// todo prints the county verdict, the state of each part, and 整改清单:
// every failure and missing item, grouped by school (county items first).
func (c *ctx) todo() {
	d := c.d
	d.newPage(true, true)
	d.heading(c.chapterTitle(Todo), 0, 40)
	v := &c.r.Verdict
	tally := wording.Count(c.f, c.r)
	d.para("评估结论："+tally.Conclusion(), 12, false, true)
	d.setY(d.y() + 2)

	parts := &table{size: smallSize, cols: []col{{W: 20, Align: "L"}, {W: 12, Align: "C"}, {W: 12, Align: "R"}, {W: 12, Align: "R"}, {W: 12, Align: "R"}, {W: 14, Align: "R"}},
		head: [][]cell{headRow("评估内容", "结论", "指标（项）", "未达标（项）", "未填报（项）", "学校层面问题（处）")}}
	var prow [][]cell
	for _, pv := range v.Parts {
		pt := tally.Part(pv.Part)
		prow = append(prow, []cell{txt(pv.Name), verdictCell(pv.Pass, false), num(countOrDash(pt.Total)), num(countOrDash(pt.Fail)), num(countOrDash(pt.Missing)), num(countOrDash(pt.Problems))})
	}
	parts.draw(d, prow)

	d.heading("整改清单", 1, 30)
	if len(v.Todo) == 0 {
		d.paragraph("无未达标或未填报事项。", textSize, false)
		c.signature()
		c.dualSeal()
		return
	}
	t := &table{size: 8,
		cols: []col{{W: 5, Align: "R"}, {W: 20, Align: "L"}, {W: 6, Align: "C"}, {W: 44, Align: "L"}, {W: 31, Align: "L"}, {W: 15, Align: "L"}, {W: 15, Align: "C"}, {W: 8, Align: "C"}},
		head: [][]cell{headRow("序号", "学校", "代码", "问题及差距", "整改措施", "责任单位", "完成时限", "状态")}}
	ledger := wording.IndexLedger(c.f.County.Rectification)
	var rows [][]cell
	for i, td := range c.sortedTodo() {
		school := shortName(td.School)
		if school == "" {
			school = "全县"
		}
		if td.Stage != "" {
			school += "（" + eval.StageNames[td.Stage] + "）"
		}
		problem := td.Text
		if td.Missing {
			problem = "（数据未填报）" + problem
		}
		rc, ok := ledger.Find(td)
		status := cell{Text: "未开始", Align: "C", Shade: true, Bold: true}
		measure, unit, deadline := txt(format.Missing), txt(format.Missing), center(format.Missing)
		if ok {
			measure, unit, deadline = txt(textOr(rc.Measure)), txt(textOr(rc.Unit)), center(textOr(dateText(rc.Deadline)))
			if rc.Status != "" {
				status = cell{Text: rc.Status, Align: "C", Shade: rc.Status != "已完成", Bold: rc.Status != "已完成"}
			}
		}
		rows = append(rows, []cell{num(format.Int(i + 1)), txt(school), center(td.Code), txt(problem), measure, unit, deadline, status})
	}
	t.tail = signatureH + dualSealH
	t.draw(d, rows)
	c.signature()
	c.dualSeal()
}

// sortedTodo orders the list by school: county items first, then schools in
// the order of the county file, keeping the result's order within each.
func (c *ctx) sortedTodo() []eval.Todo {
	rank := map[string]int{}
	for i, s := range c.f.Schools {
		rank[s.ID] = i + 1
	}
	list := append([]eval.Todo{}, c.r.Verdict.Todo...)
	sort.SliceStable(list, func(i, j int) bool {
		ri, rj := rank[list[i].SchoolID], rank[list[j].SchoolID]
		if list[i].SchoolID != "" && ri == 0 {
			ri = len(rank) + 1
		}
		if list[j].SchoolID != "" && rj == 0 {
			rj = len(rank) + 1
		}
		return ri < rj
	})
	return list
}

// countOrDash prints a count, or "—" for none (a table prints no zero
// counts of problems).
func countOrDash(k int) string {
	if k == 0 {
		return "—"
	}
	return format.Int(k)
}
