package dossier

import (
	"fmt"
	"strings"

	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/standard"
)

// Verdict words and marks: readable in black and white print, not by
// colour; failures are also shaded.
const (
	markPass = "√"
	markFail = "×"
	wordPass = "达标"
	wordFail = "未达标"
)

// verdictCell is a centred 达标/未达标/未填报 cell; anything but a pass is
// shaded and bold.
func verdictCell(pass, missing bool) cell {
	switch {
	case missing:
		return cell{Text: format.Missing, Align: "C", Shade: true, Bold: true}
	case pass:
		return cell{Text: markPass + " " + wordPass, Align: "C"}
	}
	return cell{Text: markFail + " " + wordFail, Align: "C", Shade: true, Bold: true}
}

var stageKeys = []string{eval.Primary, eval.Junior}

// national is the catalogue for names and the 85% floor. The result carries
// the limits it used (Stage.Standard, CVLimit); names are the same in
// every variant.
var national = standard.National2017()

// itemName is the standard's name of an item; codes outside the catalogue
// (G2, the sum of G2.1–G2.4) print as themselves.
func itemName(code string) string {
	for i := range national.Items {
		if national.Items[i].Code == code {
			return national.Items[i].Name
		}
	}
	return code
}

// floorOf is the 85% 基本值 of a limit.
func floorOf(limit float64) float64 { return limit * national.PartPassFloor }

// resource prints 表Ⅱ: per stage, the school × R1–R7 table.
func (c *ctx) resource() {
	d := c.d
	d.newPage(true, true)
	d.heading(c.chapterTitle(Resource), 0, 40)
	// after is what follows a stage's table to the part's end: the stages
	// that do not apply (heading and one line) and the signature.
	after := map[string]float64{}
	rest := signatureH
	for i := len(stageKeys) - 1; i >= 0; i-- {
		key := stageKeys[i]
		if c.r.Stages.Get(key) != nil {
			after[key] = rest
			rest = 0
			continue
		}
		rest += lineH(12) + 9 + lineH(textSize)
	}
	c.eachStage("校际资源配置（R1–R7）", 30, func(st *eval.Stage, key string) {
		// The notes (and, under the last stage, the signature) stay with
		// the table: its last rows go with them to a new page if need be.
		notes := nonEmpty(resourceNote(st), c.stageSplitNote(st, key), excludedNote(st))
		tail := 0.0
		for _, n := range notes {
			tail += c.d.textHeight(n, smallSize)
		}
		tail += after[key]
		c.resourceTable(st, key, tail)
		for _, n := range notes {
			c.d.paragraph(n, smallSize, false)
		}
	})
	c.signature()
}

// eachStage prints one numbered section per stage, headed
// "（一）小学"+title; a stage with no school says it does not apply.
func (c *ctx) eachStage(title string, keep float64, body func(st *eval.Stage, key string)) {
	for i, key := range stageKeys {
		st := c.r.Stages.Get(key)
		sn := eval.StageNames[key]
		c.d.heading(fmt.Sprintf("（%s）%s%s", chineseNumerals[i], sn, title), 1, keep)
		if st == nil {
			c.d.paragraph(sn+"：县域内无该学段学校，不适用。", textSize, false)
			continue
		}
		body(st, key)
	}
}

// cvPart prints 表Ⅲ: per stage, the difference coefficients.
func (c *ctx) cvPart() {
	d := c.d
	d.newPage(false, true) // seven columns: portrait keeps both stages and the signature on one page
	d.heading(c.chapterTitle(CV), 0, 40)
	c.eachStage("差异系数", 40, func(st *eval.Stage, _ string) { c.cvTable(st) })
	c.signature()
}

// partName is a school part's name with its split: "义马市东区学校
// （小学部，占设施 71.2%）" for a combined school, so that a value such
// as R4 can be derived from the printed share of the facilities.
func partName(sp *eval.SchoolPart, stage string) string {
	name := shortName(sp.Name)
	if sp.Share > 0 && sp.Share < 1 {
		name += "（" + eval.StageNames[stage] + "部，占设施 " + format.Percent(sp.Share) + "）"
	}
	if len(sp.Merged) > 0 {
		name += "（含" + strings.Join(sp.Merged, "、") + "）"
	}
	return name
}

func (c *ctx) resourceTable(st *eval.Stage, stage string, tail float64) {
	cols := []col{{W: 4, Align: "R"}, {W: 15, Align: "L"}, {W: 7, Align: "R"}}
	h1 := []cell{{Text: "序号"}, {Text: "学校名称"}, {Text: "在校生数"}}
	h2 := []cell{{}, {Text: "达标值"}, {}}
	h3 := []cell{{}, {Text: "85% 基本值"}, {}}
	for _, code := range standard.ResourceCodes {
		it := national.Item(code)
		cols = append(cols, col{W: 9.5, Align: "R"})
		h1 = append(h1, cell{Text: code + " " + headText(it.NameWords()...) + "（" + it.Unit + "）"})
		h2 = append(h2, cell{Text: "≥" + limitText(st.Standard[code]), Align: "R"})
		h3 = append(h3, cell{Text: "≥" + limitText(floorOf(st.Standard[code])), Align: "R"})
	}
	cols = append(cols, col{W: 5.5, Align: "C"}, col{W: 8, Align: "C"})
	h1 = append(h1, cell{Text: "达标项数"}, cell{Text: "是否达标"})
	h2 = append(h2, cell{}, cell{})
	h3 = append(h3, cell{}, cell{})
	for _, h := range [][]cell{h1, h2, h3} {
		for i := range h {
			h[i].Shade, h[i].Bold = true, true
			if h[i].Align == "" {
				h[i].Align = "C"
			}
		}
	}
	t := &table{cols: cols, head: [][]cell{h1, h2, h3}, size: 8}
	var rows [][]cell
	for i := range st.Schools {
		sp := &st.Schools[i]
		row := []cell{num(format.Int(i + 1)), txt(partName(sp, stage)), num(format.Int(sp.Students))}
		for _, code := range standard.ResourceCodes {
			v := sp.Values[code]
			limit := st.Standard[code]
			switch {
			case v == nil:
				row = append(row, cell{Text: format.Missing, Align: "C", Shade: true})
			case sp.Met[code]:
				row = append(row, num(valueAgainst(*v, limit, floorOf(limit))+" "+markPass))
			default:
				row = append(row, cell{Text: valueAgainst(*v, limit, floorOf(limit)) + " " + markFail, Align: "R", Shade: true, Bold: true})
			}
		}
		row = append(row, center(fmt.Sprintf("%d/%d", sp.MetCount, len(standard.ResourceCodes))),
			verdictCell(sp.Pass, false))
		rows = append(rows, row)
	}
	t.tail = tail
	t.draw(c.d, rows)
}

// resourceNote is the line under a stage's 表Ⅱ: what entered and the rule.
func resourceNote(st *eval.Stage) string {
	return fmt.Sprintf("纳入计算的学校（部）%d 所，在校生 %s 人；达标 %d 所，未达标 %d 所。"+
		"判定规则：7 项指标中至少 6 项达到标准，其余 1 项不低于标准的 85%%。√ 表示达标，× 表示未达标（灰底）。",
		len(st.Schools), format.Int(st.Students), st.Passing, len(st.Schools)-st.Passing)
}

// excludedNote names the schools that do not enter the stage; "" if none.
func excludedNote(st *eval.Stage) string {
	if len(st.Excluded) == 0 {
		return ""
	}
	var parts []string
	for _, e := range st.Excluded {
		parts = append(parts, shortName(e.Name)+"（"+e.Reason+"）")
	}
	return "未纳入计算的学校：" + strings.Join(parts, "；") + "。"
}

func (c *ctx) cvTable(st *eval.Stage) {
	t := &table{size: smallSize,
		cols: []col{{W: 6, Align: "C"}, {W: 40, Align: "L"}, {W: 12, Align: "R"}, {W: 10, Align: "R"}, {W: 10, Align: "R"}, {W: 10, Align: "C"}, {W: 24, Align: "L"}},
		head: [][]cell{headRow("代码", "指标", "县域均值", "差异系数", "标准", "是否达标", "说明")}}
	var rows [][]cell
	all := true
	for _, code := range standard.ResourceCodes {
		it := national.Item(code)
		mean := st.Mean[code]
		cv := st.CV[code]
		pass := st.CVPass[code]
		all = all && pass
		cvText := format.Missing
		if cv != nil {
			cvText = format.CV(*cv)
		} else if mean != nil {
			cvText = "无法计算"
		}
		rows = append(rows, []cell{txt(code), txt(it.Name + "（" + it.Unit + "）"), num(valText(mean)), num(cvText),
			num("≤ " + format.Number(st.CVLimit, format.CVDecimals)), verdictCell(pass, cv == nil && mean == nil), txt(st.CVNote[code])})
	}
	t.draw(c.d, rows)
	word := "全部达标"
	if !all {
		word = "未全部达标"
	}
	c.d.paragraph(fmt.Sprintf("差异系数按在校生数加权计算；7 项指标差异系数须分别不高于 %s，本学段%s。",
		format.Number(st.CVLimit, 2), word), smallSize, false)
}
