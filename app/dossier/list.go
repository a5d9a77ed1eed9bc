package dossier

import (
	"strings"

	"junheng/app/county"
	"junheng/app/evidence"
	"junheng/app/format"
)

// schoolList prints 学校名单: every school and teaching point with its
// 标识码, type, 城乡 and enrolment.
func (c *ctx) schoolList() {
	d := c.d
	d.newPage(false, true)
	d.heading(c.chapterTitle(List), 0, 40)
	sc := countSchools(c.f)
	d.paragraph(countSentence(sc), textSize, false)
	t := &table{size: smallSize,
		cols: []col{{W: 6, Align: "R"}, {W: 18, Align: "L"}, {W: 40, Align: "L"}, {W: 14, Align: "C"}, {W: 8, Align: "C"}, {W: 8, Align: "C"}, {W: 12, Align: "R"}},
		head: [][]cell{headRow("序号", "学校标识码", "学校名称", "学校类型", "城乡", "办学性质", "在校生数（义务教育段）")}}
	var rows [][]cell
	for i := range c.f.Schools {
		s := &c.f.Schools[i]
		nature := "公办"
		if s.IsPrivate() {
			nature = "民办"
		}
		rows = append(rows, []cell{num(format.Int(i + 1)), txt(s.ID), txt(shortName(s.Name)), center(s.Type), center(textOr(s.Location)), center(nature), num(pupilsText(s))})
	}
	t.tail = signatureH
	t.draw(d, rows)
	c.signature()
}

// pupilsText is a school's enrolment; a school with 高中 pupils (完全中学,
// 十二年一贯制) shows its 义务教育段 and its 高中 apart: 「930 + 高中 1,200」.
func pupilsText(s *county.School) string {
	compulsory := addInts(s.Students.Primary, s.Students.Junior)
	if county.Val(s.Students.Senior) == 0 {
		return intText(compulsory)
	}
	return intText(compulsory) + "\n+ 高中 " + format.Int(*s.Students.Senior)
}

// countSentence words the counts as the standard and the narratives do:
// 中小学校 apart from 教学点.
func countSentence(sc schoolCounts) string {
	s := "县域内共有义务教育中小学校 " + format.Int(sc.schools) + " 所"
	if l := sc.typeList(); l != "" {
		s += "（" + l + "）"
	}
	if sc.points == 0 {
		return s + "，无教学点。"
	}
	s += "，教学点 " + format.Int(sc.points) + " 个"
	switch sc.pointsOver50 {
	case 0:
		s += "（在校生均不足 50 人）"
	case sc.points:
		s += "（在校生均在 50 人及以上）"
	default:
		s += "（其中在校生 50 人及以上的 " + format.Int(sc.pointsOver50) + " 个）"
	}
	return s + "。"
}

// evidence prints 佐证材料目录: the files of the 迎检档案 with their 件号
// (when the options carry them), then the evidence lines typed into the
// county items, numbered, in the order of the standard.
func (c *ctx) evidence() {
	d := c.d
	d.newPage(false, true)
	d.heading(c.chapterTitle(Evidence), 0, 40)
	files := c.opts.Evidence
	lines := c.evidenceLines()
	if len(files) == 0 && len(lines) == 0 {
		d.paragraph("尚未填报佐证材料。", textSize, false)
		c.signature()
		return
	}
	both := len(files) > 0 && len(lines) > 0
	if len(files) > 0 {
		if both {
			d.heading("一、迎检档案已归档的佐证材料", 1, 30)
		}
		d.paragraph(filedSentence(files), textSize, false)
		d.gap(1)
		t := &table{size: smallSize,
			cols: []col{{W: 11, Align: "C"}, {W: 36, Align: "L"}, {W: 26, Align: "L"}, {W: 40, Align: "L"}, {W: 28, Align: "L"}, {W: 20, Align: "C"}},
			head: [][]cell{headRow("卷/件号", "评估指标", "学校", "题名", "文号", "日期")}}
		var rows [][]cell
		for i := range files {
			f := &files[i]
			school := f.SchoolName
			if f.School == "" {
				school = evidence.CountyLevel
			}
			rows = append(rows, []cell{center(f.Code()), txt(strings.TrimSpace(f.Item + " " + evidence.FirstClause(f.ItemName))),
				txt(school), txt(f.DisplayTitle()), txt(f.DocNo), center(f.Date)})
		}
		if !both {
			t.tail = signatureH
		}
		t.draw(d, rows)
	}
	if len(lines) > 0 {
		if both {
			d.heading("二、评估指标填报的佐证材料说明", 1, 30)
		}
		t := &table{size: smallSize,
			cols: []col{{W: 7, Align: "R"}, {W: 8, Align: "C"}, {W: 45, Align: "L"}, {W: 60, Align: "L"}},
			head: [][]cell{headRow("序号", "代码", "评估指标", "佐证材料")}}
		t.tail = signatureH
		t.draw(d, lines)
	}
	c.signature()
}

// evidenceLines are the rows of the evidence lines typed into the county
// items: 序号, 代码, 评估指标, 佐证材料.
func (c *ctx) evidenceLines() [][]cell {
	var rows [][]cell
	n := 0
	for _, it := range national.Items {
		r := c.r.Items[it.Code]
		if r == nil || strings.TrimSpace(r.Evidence) == "" {
			continue
		}
		for _, e := range evidenceEntries(r.Evidence) {
			n++
			rows = append(rows, []cell{num(format.Int(n)), center(it.Code), txt(it.Name), txt(e)})
		}
	}
	return rows
}

// filedSentence counts the filed attachments by 卷: 共 40 件，分 6 卷.
func filedSentence(files []evidence.Filed) string {
	vols := map[int]bool{}
	for i := range files {
		vols[files[i].Volume] = true
	}
	return "迎检档案共归档佐证材料 " + format.Int(len(files)) + " 件，分 " + format.Int(len(vols)) +
		" 卷（每个一级指标一卷，卷内按二级指标、学校排列）；件号为「卷号-件号」，与档案目录和档案盒中的编号一致。"
}

// evidenceEntries splits an evidence text into its entries: one a line,
// or separated by "；".
func evidenceEntries(s string) []string {
	var out []string
	for _, line := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '；' || r == ';' }) {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}
