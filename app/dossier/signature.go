package dossier

// signature prints the block under a table part: 填报单位（盖章）, 单位负责人,
// 填报人, 联系电话, 填报日期. Empty fields are lines to write on by hand; a
// long value is set smaller and, if need be, on several lines.
// signatureH is the height signature needs (two rows and the gaps).
const signatureH = 2*9.0 + 8 + 2

func (c *ctx) signature() {
	d, p := c.d, c.d.pdf
	const minRowH = 9.0
	d.ensure(2*minRowH + 8)
	d.setY(d.y() + 5)
	date := chineseDate(c.fa.Date)
	rows := [][][2]string{
		{{"填报单位（盖章）", c.fa.Office}, {"单位负责人", c.fa.Head}},
		{{"填报人", c.fa.Contact}, {"联系电话", c.fa.Phone}, {"填报日期", date}},
	}
	type field struct {
		x, lw, vw float64
		lines     []string
		size      float64
	}
	for _, row := range rows {
		colW := d.width() / float64(len(row))
		fields := make([]field, len(row))
		rowH := minRowH
		for i, f := range row {
			d.font(false, textSize)
			lw := d.measure(f[0]+"：") + 1
			fd := field{x: d.left() + float64(i)*colW, lw: lw, vw: colW - lw - 4}
			fd.lines, fd.size = d.fitLines(f[1], fd.vw, textSize, 7, false)
			rowH = max(rowH, float64(len(fd.lines))*lineH(fd.size)+3)
			fields[i] = fd
		}
		d.ensure(rowH + 1)
		y := d.y()
		for i, fd := range fields {
			d.font(false, textSize)
			p.SetXY(fd.x, y+rowH-minRowH)
			d.cellf(fd.lw, minRowH, row[i][0]+"：", "", 0, "LM", false, 0)
			d.font(false, fd.size)
			lh := lineH(fd.size)
			ly := y + rowH - 1.5 - float64(len(fd.lines))*lh
			for _, l := range fd.lines {
				p.SetXY(fd.x+fd.lw, ly)
				d.cellf(fd.vw, lh, l, "", 0, "LM", false, 0)
				ly += lh
			}
			p.SetLineWidth(0.2)
			p.Line(fd.x+fd.lw, y+rowH-1.5, fd.x+fd.lw+fd.vw, y+rowH-1.5)
		}
		d.font(false, textSize)
		d.setY(y + rowH + 1)
	}
	d.setY(d.y() + 2)
}
