package screens

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Keeping the cursor in view. widget.Table.ScrollTo (fyne 2.8) adds the
// header column's width and the header row's height to the cell's place
// although the scrolled area already starts below and right of them: a
// cell reached leftwards or upwards stays partly or wholly under the
// frozen names or the header. reveal scrolls the least that shows the
// whole cell in the scrolled area instead.

// offset is where the table is scrolled to now (the clerk may have used
// the wheel since the last move). The table keeps it unexported; read
// only, and the last offset set here when a later fyne renames it.
func (s *sheet) offset() fyne.Position {
	v := reflect.ValueOf(&s.Table).Elem().FieldByName("offset")
	if !v.IsValid() || v.NumField() != 2 {
		return s.view
	}
	return fyne.NewPos(float32(v.Field(0).Float()), float32(v.Field(1).Float()))
}

// cellRect is a cell's place and size in the scrolled area (the data
// cells, without the header row and column).
func (s *sheet) cellRect(id widget.TableCellID) (fyne.Position, fyne.Size) {
	pad := s.Theme().Size(theme.SizeNamePadding)
	tmpl := s.templateSize()
	width := func(c int) float32 {
		if w, ok := s.widths[c]; ok {
			return w
		}
		return tmpl.Width
	}
	var x float32
	for c := 0; c < id.Col; c++ {
		x += width(c) + pad
	}
	y := float32(id.Row) * (tmpl.Height + pad)
	return fyne.NewPos(x, y), fyne.NewSize(width(id.Col), tmpl.Height)
}

// templateSize is the size of a cell no width was set for: the larger of
// a cell and a header, as the table takes it.
func (s *sheet) templateSize() fyne.Size {
	c, h := s.CreateCell().MinSize(), s.CreateHeader().MinSize()
	return fyne.NewSize(max(c.Width, h.Width), max(c.Height, h.Height))
}

// viewSize is the scrolled area: the table less the names and the header.
func (s *sheet) viewSize() fyne.Size {
	return s.Size().SubtractWidthHeight(s.widths[-1], s.headH)
}

// reveal scrolls from the offset from the least that shows cell id whole
// (its top-left corner first when the area is smaller than the cell).
func (s *sheet) reveal(id widget.TableCellID, from fyne.Position) {
	pos, size := s.cellRect(id)
	view := s.viewSize()
	if view.Width <= 0 || view.Height <= 0 {
		return // not laid out yet
	}
	to := from
	to.X = into(from.X, pos.X, size.Width, view.Width)
	to.Y = into(from.Y, pos.Y, size.Height, view.Height)
	s.ScrollToOffset(to)
	s.view = s.offset()
}

// into is the scroll offset nearest off that shows [at, at+length) in a
// view of extent: the start wins when both ends cannot show.
func into(off, at, length, extent float32) float32 {
	if at+length > off+extent {
		off = at + length - extent
	}
	if at < off {
		off = at
	}
	return off
}
