package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	jtheme "junheng/ui/theme"
)

// Bar is one school's value in a chart.
type Bar struct {
	Label string
	Value float64
	Text  string // the value as printed above the bar
	Color color.Color
}

// BarChart draws each school's value as a bar against the standard line.
// It only draws: the values and colours come from the evaluation.
type BarChart struct {
	widget.BaseWidget
	Bars      []Bar
	Line      float64 // the standard; 0 = none
	LineLabel string
}

// NewBarChart returns an empty chart.
func NewBarChart() *BarChart {
	c := &BarChart{}
	c.ExtendBaseWidget(c)
	return c
}

// Set replaces the bars and the line and redraws.
func (c *BarChart) Set(bars []Bar, line float64, lineLabel string) {
	c.Bars, c.Line, c.LineLabel = bars, line, lineLabel
	c.Refresh()
}

func (c *BarChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c, line: canvas.NewLine(jtheme.Line), lineText: canvas.NewText("", jtheme.Line),
		bg: canvas.NewRectangle(color.White)}
	r.line.StrokeWidth = 2
	r.lineText.TextSize = 12
	r.rebuild()
	return r
}

type chartRenderer struct {
	c        *BarChart
	bg       *canvas.Rectangle
	bars     []*canvas.Rectangle
	names    []*canvas.Text
	values   []*canvas.Text
	line     *canvas.Line
	lineText *canvas.Text
	objects  []fyne.CanvasObject
}

const maxNamedBars = 40 // above this, names would overlap: hover-free charts show none

func (r *chartRenderer) rebuild() {
	r.bars = r.bars[:0]
	r.names = r.names[:0]
	r.values = r.values[:0]
	r.objects = []fyne.CanvasObject{r.bg}
	for _, b := range r.c.Bars {
		rect := canvas.NewRectangle(b.Color)
		r.bars = append(r.bars, rect)
		r.objects = append(r.objects, rect)
		if len(r.c.Bars) <= maxNamedBars {
			t := canvas.NewText(b.Label, color.NRGBA{0x33, 0x33, 0x33, 0xff})
			t.TextSize = 11
			r.names = append(r.names, t)
			r.objects = append(r.objects, t)
			v := canvas.NewText(b.Text, color.NRGBA{0x33, 0x33, 0x33, 0xff})
			v.TextSize = 11
			r.values = append(r.values, v)
			r.objects = append(r.objects, v)
		}
	}
	r.lineText.Text = r.c.LineLabel
	r.objects = append(r.objects, r.line, r.lineText)
}

func (r *chartRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	n := len(r.c.Bars)
	top := float32(18)
	bottom := float32(4)
	if len(r.names) > 0 {
		bottom = 40
	}
	h := size.Height - top - bottom
	max := r.c.Line
	for _, b := range r.c.Bars {
		if b.Value > max {
			max = b.Value
		}
	}
	if max <= 0 || h <= 0 {
		max = 1
	}
	scale := h / float32(max*1.05)
	if n > 0 {
		slot := size.Width / float32(n)
		gap := slot * 0.2
		for i, b := range r.c.Bars {
			bh := float32(b.Value) * scale
			x := float32(i)*slot + gap/2
			r.bars[i].Move(fyne.NewPos(x, top+h-bh))
			r.bars[i].Resize(fyne.NewSize(slot-gap, bh))
			if i < len(r.names) {
				t := r.names[i]
				t.Move(fyne.NewPos(x, top+h+2+float32(i%2)*16))
				t.Resize(t.MinSize())
				v := r.values[i]
				v.Move(fyne.NewPos(x, top+h-bh-16))
				v.Resize(v.MinSize())
			}
		}
	}
	y := top + h - float32(r.c.Line)*scale
	r.line.Position1 = fyne.NewPos(0, y)
	r.line.Position2 = fyne.NewPos(size.Width, y)
	r.lineText.Move(fyne.NewPos(4, y-16))
	r.lineText.Resize(r.lineText.MinSize())
	if r.c.Line <= 0 {
		r.line.Hide()
		r.lineText.Hide()
	} else {
		r.line.Show()
		r.lineText.Show()
	}
}

func (r *chartRenderer) MinSize() fyne.Size { return fyne.NewSize(300, 220) }

func (r *chartRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *chartRenderer) Destroy()                     {}
