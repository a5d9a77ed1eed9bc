package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// headerCell is a column header of a result table: a button that sorts
// the column, reading "R2\n骨干教师", which shows the indicator's full
// name while the mouse rests on it (Fyne has no tooltips of its own).
type headerCell struct {
	widget.Button
	// Tip is the full name shown on hover ("" = none).
	Tip string
	pop *widget.PopUp
}

func newHeaderCell() *headerCell {
	h := &headerCell{}
	h.ExtendBaseWidget(h)
	return h
}

// MouseIn shows the tooltip below the header.
func (h *headerCell) MouseIn(e *desktop.MouseEvent) {
	h.Button.MouseIn(e)
	h.showTip()
}

// MouseOut hides the tooltip.
func (h *headerCell) MouseOut() {
	h.Button.MouseOut()
	h.hideTip()
}

// Tapped sorts; the tooltip goes so that it does not cover the rows.
func (h *headerCell) Tapped(e *fyne.PointEvent) {
	h.hideTip()
	h.Button.Tapped(e)
}

func (h *headerCell) showTip() {
	h.hideTip()
	if h.Tip == "" {
		return
	}
	d := fyne.CurrentApp().Driver()
	c := d.CanvasForObject(h)
	if c == nil {
		return
	}
	h.pop = widget.NewPopUp(widget.NewLabel(h.Tip), c)
	h.pop.ShowAtPosition(d.AbsolutePositionForObject(h).AddXY(0, h.Size().Height))
}

func (h *headerCell) hideTip() {
	if h.pop != nil {
		h.pop.Hide()
		h.pop = nil
	}
}

// Tooltip is the text shown on hover (tests).
func (h *headerCell) Tooltip() string { return h.Tip }
