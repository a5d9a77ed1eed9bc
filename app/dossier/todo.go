package dossier

import (
	"fmt"
	"sort"

	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/standard"
)

// todo prints the county verdict, the state of each part, and 整改清单:
// every failure and missing item, grouped by school (county items first).
func (c *ctx) todo() {
	d := c.d
	d.newPage(true, true)
	d.heading(c.chapterTitle("评估结论与整改清单"), 0, 40)
	v := &c.r.Verdict
	conclusion := "达到县域义务教育优质均衡发展评估标准。"
	if !v.Pass {
		conclusion = fmt.Sprintf("尚未达到县域义务教育优质均衡发展评估标准：%d 项未达标，%d 项未填报。", len(v.Failures), len(v.Missing))
	}
	d.para("评估结论："+conclusion, 12, false, true)
	d.setY(d.y() + 2)

	parts := &table{size: smallSize, cols: []col{{W: 20, Align: "L"}, {W: 12, Align: "C"}, {W: 12, Align: "R"}, {W: 12, Align: "R"}},
		head: [][]cell{headRow("评估内容", "结论", "未达标项", "未填报项")}}
	var prow [][]cell
	for _, pv := range v.Parts {
		prow = append(prow, []cell{txt(pv.Name), verdictCell(pv.Pass, false), num(format.Int(pv.Failures)), num(format.Int(pv.Missing))})
	}
	parts.draw(d, prow)

	d.heading("整改清单", 1, 30)
	if len(v.Todo) == 0 {
		d.paragraph("无未达标或未填报事项。", textSize, false)
		c.signature()
		return
	}
	t := &table{size: smallSize,
		cols: []col{{W: 5, Align: "R"}, {W: 22, Align: "L"}, {W: 12, Align: "L"}, {W: 7, Align: "C"}, {W: 64, Align: "L"}, {W: 10, Align: "C"}},
		head: [][]cell{headRow("序号", "学校", "类别", "代码", "问题及差距", "状态")}}
	var rows [][]cell
	for i, td := range c.sortedTodo() {
		school := td.School
		if school == "" {
			school = "全县"
		}
		if td.Stage != "" {
			school += "（" + eval.StageNames[td.Stage] + "）"
		}
		state := cell{Text: markFail + " " + wordFail, Align: "C", Shade: true, Bold: true}
		if td.Missing {
			state = cell{Text: format.Missing, Align: "C", Shade: true, Bold: true}
		}
		rows = append(rows, []cell{num(format.Int(i + 1)), txt(school), txt(standard.PartNames[td.Part]), txt(td.Code), txt(td.Text), state})
	}
	t.draw(d, rows)
	c.signature()
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
