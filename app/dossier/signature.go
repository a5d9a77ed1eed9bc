package dossier

// signature prints the block under a table part: 填报单位（盖章）, 单位负责人,
// 填报人, 联系电话, 填报日期. Empty fields are lines to write on by hand.
func (c *ctx) signature() {
	d, p := c.d, c.d.pdf
	const rowH = 9.0
	d.ensure(2*rowH + 8)
	d.setY(d.y() + 5)
	date := chineseDate(c.opts.date())
	rows := [][][2]string{
		{{"填报单位（盖章）", c.opts.Office}, {"单位负责人", c.opts.Head}},
		{{"填报人", c.opts.Preparer}, {"联系电话", c.opts.Phone}, {"填报日期", date}},
	}
	d.font(false, textSize)
	for _, row := range rows {
		y := d.y()
		colW := d.width() / float64(len(row))
		for i, f := range row {
			x := d.left() + float64(i)*colW
			lw := d.measure(f[0]+"：") + 1
			p.SetXY(x, y)
			p.CellFormat(lw, rowH, f[0]+"：", "", 0, "LM", false, 0, "")
			vw := colW - lw - 4
			lines := Wrap(f[1], vw, d.measure)
			v := ""
			if len(lines) > 0 {
				v = lines[0]
			}
			if len(lines) > 1 { // a long office name: smaller type rather than a lost character
				d.font(false, smallSize*0.85)
				v = f[1]
			}
			p.SetXY(x+lw, y)
			p.CellFormat(vw, rowH, v, "", 0, "LM", false, 0, "")
			d.font(false, textSize)
			p.SetLineWidth(0.2)
			p.Line(x+lw, y+rowH-1.5, x+lw+vw, y+rowH-1.5)
		}
		d.setY(y + rowH + 1)
	}
	d.setY(d.y() + 2)
}
