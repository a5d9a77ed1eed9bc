package dossier

import (
	"fmt"
	"math"

	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/standard"
)

// charts prints one bar chart per stage and indicator: every school's
// value against the standard line and the 85% line, two charts a page.
func (c *ctx) charts() {
	d := c.d
	d.newPage(false, true)
	d.heading(c.chapterTitle(Charts), 0, 113)
	first := true
	for _, key := range stageKeys {
		st := c.r.Stages.Get(key)
		if st == nil || len(st.Schools) == 0 {
			continue
		}
		for i, code := range standard.ResourceCodes {
			const h = 113.0
			if !first && d.room() < h {
				d.newPage(false, true)
			}
			if i == 0 {
				d.heading(eval.StageNames[key]+"资源配置指标图", 1, h)
			}
			first = false
			y0 := d.y()
			c.barChart(st, key, code, d.left(), y0, d.width(), h-6)
			d.setY(y0 + h)
		}
	}
	if first {
		d.paragraph("县域内无纳入计算的学校，无图表。", textSize, false)
	}
}

// niceStep rounds a raw tick step up to 1, 2, 2.5 or 5 × 10^k.
func niceStep(raw float64) float64 {
	if raw <= 0 || math.IsNaN(raw) || math.IsInf(raw, 0) {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if raw <= m*mag {
			return m * mag
		}
	}
	return 10 * mag
}

func (c *ctx) barChart(st *eval.Stage, stage, code string, x, y, w, h float64) {
	d, p := c.d, c.d.pdf
	it := national.Item(code)
	limit := st.Standard[code]
	floor := floorOf(limit)

	// Title and legend.
	d.font(true, 10)
	p.SetXY(x, y)
	d.cellf(w, 6, fmt.Sprintf("%s %s %s（%s）", eval.StageNames[stage], code, it.Name, it.Unit), "", 0, "LM", false, 0)
	ly := y + 7.5
	d.font(false, 7.5)
	lx := x
	legendBox := func(fill int, label string) {
		p.SetFillColor(fill, fill, fill)
		p.SetDrawColor(0, 0, 0)
		p.SetLineWidth(0.2)
		p.Rect(lx, ly-1.5, 4, 3, "FD")
		p.SetXY(lx+5, ly-2.5)
		d.cellf(d.measure(label)+1, 5, label, "", 0, "LM", false, 0)
		lx += 5 + d.measure(label) + 6
	}
	legendLine := func(dash []float64, width float64, label string) {
		p.SetLineWidth(width)
		p.SetDashPattern(dash, 0)
		p.Line(lx, ly, lx+8, ly)
		p.SetDashPattern(nil, 0)
		p.SetXY(lx+9, ly-2.5)
		d.cellf(d.measure(label)+1, 5, label, "", 0, "LM", false, 0)
		lx += 9 + d.measure(label) + 6
	}
	// Thin bars get no outline (it would turn every bar black) and no × labels.
	n := len(st.Schools)
	dense := (w-16)/float64(max(n, 1)) < 2.5
	legendBox(190, "达标")
	if dense {
		legendBox(40, "未达标")
	} else {
		legendBox(40, "未达标（柱顶标 ×）")
	}
	legendLine([]float64{2, 1}, 0.5, "达标值 "+limitText(limit))
	legendLine([]float64{0.6, 0.8}, 0.4, "85% 基本值 "+limitText(floor))

	// Scale.
	maxV := limit
	for _, sp := range st.Schools {
		if v := sp.Values[code]; v != nil && !math.IsNaN(*v) && !math.IsInf(*v, 0) {
			maxV = math.Max(maxV, *v)
		}
	}
	tick := niceStep(maxV * 1.1 / 5)
	top := math.Ceil(maxV*1.1/tick) * tick
	if top <= 0 { // all values and the limit zero
		top = tick
	}

	// Labels under the bars: names when they fit turned upright, else 序号.
	d.font(false, 6.5)
	names := n <= 30
	labelH := 6.0
	if names {
		longest := 0.0
		for _, sp := range st.Schools {
			longest = math.Max(longest, d.measure(sp.Name))
		}
		labelH = math.Min(longest, 34) + 3
	}
	d.font(false, 7)
	axisW := d.measure(format.Value(top)) + 3
	px, py := x+axisW, y+13
	pw, ph := w-axisW-2, h-13-labelH
	if ph < 20 { // very long names: fall back to numbers
		names, labelH = false, 6
		ph = h - 13 - labelH
	}
	yOf := func(v float64) float64 { return py + ph - v/top*ph }

	// Grid and axis labels.
	p.SetLineWidth(0.1)
	p.SetDrawColor(170, 170, 170)
	for v := 0.0; v <= top+tick/2; v += tick {
		gy := yOf(v)
		p.Line(px, gy, px+pw, gy)
		p.SetXY(x, gy-2)
		d.cellf(axisW-1, 4, format.Number(v, decimalsFor(tick)), "", 0, "RM", false, 0)
	}
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.3)
	p.Line(px, py, px, py+ph)
	p.Line(px, py+ph, px+pw, py+ph)

	// Bars.
	type label struct {
		x, y, w float64
		text    string
	}
	var labels []label
	slot := pw / float64(max(n, 1))
	barW := slot * 0.62
	barStyle := "FD"
	if dense {
		barW, barStyle = slot*0.8, "F"
	}
	// Index labels every step bars, step a 1-2-5 number wide enough for the text.
	d.font(false, 6)
	step := 1
	for _, s := range []int{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000} {
		step = s
		if float64(s)*slot >= d.measure(fmt.Sprint(n))+1.5 {
			break
		}
	}
	d.font(false, 6)
	for i, sp := range st.Schools {
		cx := px + slot*(float64(i)+0.5)
		v := sp.Values[code]
		if v == nil {
			c.upright(cx, py+ph-2, format.Missing, 6)
		} else {
			by := yOf(math.Max(*v, 0))
			fill := 190
			if !sp.Met[code] {
				fill = 40
			}
			p.SetFillColor(fill, fill, fill)
			p.SetLineWidth(0.15)
			p.Rect(cx-barW/2, by, barW, py+ph-by, barStyle)
			text := valueAgainst(*v, limit, floor)
			if !sp.Met[code] {
				text += " " + markFail
			}
			if slot >= d.measure(text)+0.5 {
				labels = append(labels, label{cx, by, d.measure(text) + 0.8, text})
			} else if !sp.Met[code] && !dense {
				labels = append(labels, label{cx, by, d.measure(markFail) + 0.8, markFail})
			}
		}
		// label under the axis
		if names {
			d.font(false, 6.5)
			name := clean(sp.Name, false)
			if d.measure(name) > labelH-3 {
				// keep the distinctive end; the full name is in the table
				name = "…" + fitSuffix(name, labelH-3-d.measure("…"), d.measure)
			}
			c.upright(cx, py+ph+1.5+d.measure(name), name, 6.5)
			d.font(false, 6)
		} else if (i+1)%step == 0 || i == 0 {
			w := d.measure(fmt.Sprint(i+1)) + 1
			p.SetXY(cx-w/2, py+ph+0.5)
			d.cellf(w, 4, fmt.Sprint(i+1), "", 0, "CT", false, 0)
		}
	}

	// Standard and 85% lines over the bars.
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.5)
	p.SetDashPattern([]float64{2, 1}, 0)
	p.Line(px, yOf(limit), px+pw, yOf(limit))
	p.SetLineWidth(0.4)
	p.SetDashPattern([]float64{0.6, 0.8}, 0)
	p.Line(px, yOf(floor), px+pw, yOf(floor))
	p.SetDashPattern(nil, 0)
	// Value labels last, on white, so the lines never hide them.
	d.font(false, 6)
	p.SetFillColor(255, 255, 255)
	for _, l := range labels {
		p.SetXY(l.x-l.w/2, l.y-3.2)
		d.cellf(l.w, 2.9, l.text, "", 0, "CM", true, 0)
	}
	if !names {
		d.font(false, 6.5)
		p.SetXY(px, py+ph+4)
		d.cellf(pw, 4, "横轴为学校序号，与资源配置表序号一致", "", 0, "CT", false, 0)
	}
	p.SetLineWidth(0.2)
}

// upright draws text turned 90° so that it reads bottom to top, starting
// at (cx, yBottom) and centred on cx.
func (c *ctx) upright(cx, yBottom float64, text string, size float64) {
	p := c.d.pdf
	c.d.font(false, size)
	x := cx + size*ptToMM*0.35
	p.TransformBegin()
	p.TransformRotate(90, x, yBottom)
	p.Text(x, yBottom, text)
	p.TransformEnd()
}

// decimalsFor picks the decimals that show a tick step exactly.
func decimalsFor(step float64) int {
	for dec := 0; dec < 4; dec++ {
		s := step * math.Pow(10, float64(dec))
		if math.Abs(s-math.Round(s)) < 1e-9 {
			return dec
		}
	}
	return 2
}

// fitSuffix returns the longest suffix of s no wider than w (at least one
// character), measuring each character once: linear in len(s).
func fitSuffix(s string, w float64, m Measure) string {
	rs := []rune(s)
	width := 0.0
	start := len(rs)
	for start > 0 {
		cw := m(string(rs[start-1]))
		if start < len(rs) && width+cw > w {
			break
		}
		width += cw
		start--
	}
	return string(rs[start:])
}
