package dossier

import (
	"fmt"
	"math"
	"strings"

	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/standard"
)

// finance prints 表Ⅴ 义务教育经费情况 (series × years, amount and growth)
// and the checks F1–F6.
func (c *ctx) finance() {
	d := c.d
	d.newPage(true, true)
	d.heading(c.chapterTitle(Finance), 0, 40)
	rows := c.r.Finance
	if len(rows) == 0 {
		d.paragraph("经费数据未填报。", textSize, false)
	} else {
		c.financeTable(rows)
	}
	d.heading("三个增长、两个只增不减（F1–F6）", 1, 30)
	t := &table{size: smallSize,
		cols: []col{{W: 6, Align: "C"}, {W: 40, Align: "L"}, {W: 64, Align: "L"}, {W: 12, Align: "C"}},
		head: [][]cell{headRow("代码", "评估内容", "各年度情况", "评估结论")}}
	var out [][]cell
	for _, code := range codesOf(standard.PartFinance) {
		r := c.r.Items[code]
		if r == nil {
			out = append(out, []cell{txt(code), txt(itemName(code)), txt("未评估"), itemVerdict(nil)})
			continue
		}
		var lines []string
		for _, ch := range r.Checks {
			mark := markPass
			if !ch.Pass {
				mark = markFail
			}
			if ch.Missing {
				mark = "〇"
			}
			lines = append(lines, mark+" "+ch.Text)
		}
		if len(lines) == 0 {
			lines = append(lines, textOr(r.Detail))
		}
		out = append(out, []cell{txt(code), txt(r.Name), txt(strings.Join(lines, "\n")), itemVerdict(r)})
	}
	t.tail = signatureH + 2*lineH(smallSize)
	t.draw(d, out)
	d.paragraph("增长比例由各年度金额计算：（本年 − 上年）÷ 上年。√ 达标，× 未达标，〇 数据不全。", smallSize, false)
	c.signature()
}

func (c *ctx) financeTable(rows []eval.FinanceRow) {
	cols := []col{{W: 30, Align: "L"}}
	h1 := []cell{{Text: "项目"}}
	for _, r := range rows {
		cols = append(cols, col{W: 14, Align: "R"}, col{W: 11, Align: "R"})
		h1 = append(h1, cell{Text: fmt.Sprintf("%d年", r.Year)}, cell{Text: "比上年增长"})
	}
	for i := range h1 {
		h1[i].Align, h1[i].Shade, h1[i].Bold = "C", true, true
	}
	t := &table{cols: cols, head: [][]cell{h1}, size: 8}
	var out [][]cell
	for _, key := range eval.FinanceSeries {
		row := []cell{txt(eval.FinanceSeriesNames[key])}
		dec := wholeRow(rows, key, eval.FinanceDecimals(key))
		for _, r := range rows {
			row = append(row, num(format.Opt(r.Values[key], dec)))
			switch g := r.Growth[key]; {
			case g != nil:
				row = append(row, num(format.SignedPercent(*g)))
			case r.Notes[key] != "":
				row = append(row, cell{Text: r.Notes[key], Align: "C"})
			default:
				row = append(row, center("—"))
			}
		}
		out = append(out, row)
	}
	t.draw(c.d, out)
}

// wholeRow is the decimals a series prints with: none when every year's
// amount is whole (no needless ".00" on 万元), else dec for every year.
func wholeRow(rows []eval.FinanceRow, key string, dec int) int {
	for _, r := range rows {
		if v := r.Values[key]; v != nil && format.Number(*v, dec) != format.Number(math.Round(*v), dec) {
			return dec
		}
	}
	return 0
}
