package dossier

import (
	"fmt"
	"strings"

	"junheng/app/format"
	"junheng/app/proofread"
)

// cover prints the cover page: no header, no footer.
func (c *ctx) cover() {
	d, p := c.d, c.d.pdf
	d.newPage(false, false)
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(1.2)
	p.Line(d.left(), 40, d.right(), 40)
	p.SetLineWidth(0.3)
	p.Line(d.left(), 41.8, d.right(), 41.8)

	centre := func(text string, bold bool, size, y float64) float64 {
		d.font(bold, size)
		for _, l := range Wrap(text, d.width(), d.measure) {
			p.SetXY(d.left(), y)
			d.cellf(d.width(), lineH(size), l, "", 0, "CM", false, 0)
			y += lineH(size)
		}
		return y
	}
	region := oneSpace(c.f.County.Province + " " + c.f.County.City)
	y := 70.0
	if region != "" {
		y = centre(region, false, 16, y) + 4
	}
	y = centre(clean(c.f.County.Name, false), true, 30, y) + 14
	y = centre("《"+Title+"》", true, 20, y)

	// The facts block, label column right-aligned against the values.
	rows := [][2]string{
		{"申报单位", c.fa.Applicant},
		{"编制单位", c.fa.Office},
		{"学　　年", c.f.Year + "学年"},
		{"申报日期", chineseDate(c.fa.Date)},
	}
	y = 180
	lw, vw := 32.0, 80.0
	x := d.left() + (d.width()-lw-vw)/2
	for _, r := range rows {
		d.font(true, 14)
		p.SetXY(x, y)
		d.cellf(lw, 10, r[0]+"：", "", 0, "RM", false, 0)
		lines, size := d.fitLines(r[1], vw, 14, 9, false)
		lh := lineH(size)
		ly := y + 9 - float64(len(lines))*lh
		for _, l := range lines {
			p.SetXY(x+lw, ly)
			d.cellf(vw, lh, l, "", 0, "LM", false, 0)
			ly += lh
		}
		p.SetLineWidth(0.2)
		p.Line(x+lw, y+9, x+lw+vw, y+9)
		y += 14
	}
	p.SetLineWidth(0.3)
	p.Line(d.left(), 262, d.right(), 262)
	p.SetLineWidth(1.2)
	p.Line(d.left(), 263.8, d.right(), 263.8)
	c.proofMark()
}

// proofMark says on the cover, under its rule, what 材料自查 found, so that
// a draft whose texts contradict its data is not taken for the final copy.
func (c *ctx) proofMark() {
	n := len(proofread.Check(c.f, c.r))
	if n == 0 {
		return
	}
	d := c.d
	d.font(true, 11)
	d.pdf.SetTextColor(160, 0, 0)
	d.pdf.SetXY(d.left(), 267)
	d.cellf(d.width(), lineH(11), "校对稿：材料自查发现 "+format.Int(n)+" 处问题（文字与数据不一致等），修改后方可报送", "", 0, "CM", false, 0)
	d.pdf.SetTextColor(0, 0, 0)
	d.font(false, textSize)
}

// contents prints the table of contents from the previous pass's headings,
// each line linked to its page.
// tocSize is the type size of a 目录 line: parts larger than headings.
func tocSize(e tocEntry) float64 {
	if e.Level > 0 {
		return 10.5
	}
	return 12
}

func (c *ctx) contents() {
	d, p := c.d, c.d.pdf
	d.newPage(false, true)
	d.font(true, 18)
	p.SetXY(d.left(), d.y()+4)
	d.cellf(d.width(), 14, "目　　录", "", 1, "CM", false, 0)
	d.setY(d.y() + 4)
	hs := make([]float64, len(d.prevToc))
	total := 0.0
	for i, e := range d.prevToc {
		hs[i] = lineH(tocSize(e)) + 1.5
		total += hs[i]
	}
	// A 目录 a little longer than its page is set closer (to 85 %) rather
	// than spill a line or two onto a page of its own.
	scale := 1.0
	if room := d.room(); total > room && total*0.85 <= room {
		scale = room / total * 0.999
	}
	rest := total * scale
	for i, e := range d.prevToc {
		size, indent, bold := tocSize(e), 0.0, true
		if e.Level > 0 {
			indent, bold = 8, false
		}
		h := hs[i] * scale
		// Never leave fewer than three lines on the last page.
		if left := len(d.prevToc) - i; left == 3 && rest > d.room() {
			d.continuePage()
		}
		rest -= h
		d.ensure(h)
		link := p.AddLink()
		d.tocLinks = append(d.tocLinks, link)
		d.font(bold, size)
		page := fmt.Sprint(e.Page)
		pw := 9.0 // a fixed box, so that every leader ends at the same place
		x := d.left() + indent
		title := e.Title
		if avail := d.width() - indent - pw - 12; d.measure(title) > avail {
			head, _ := fitPrefix(title, avail-d.measure("…"), d.measure)
			title = head + "…"
		}
		tw := d.measure(title)
		y := d.y()
		p.SetXY(x, y)
		d.cellf(tw, h, title, "", 0, "LM", false, link)
		// dot leader
		d.font(false, size)
		from, to := x+tw+2, d.right()-pw-2
		if n := int((to - from) / d.measure(" .")); n > 0 {
			p.SetXY(from, y)
			d.cellf(to-from, h, strings.Repeat(" .", n), "", 0, "RM", false, link)
		}
		d.font(bold, size)
		p.SetXY(d.right()-pw, y)
		d.cellf(pw, h, page, "", 1, "RM", false, link)
	}
}
