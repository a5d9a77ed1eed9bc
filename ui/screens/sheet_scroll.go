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
//
// The table keeps its offset and the sizes a clerk dragged unexported;
// they are read here (read only, through reflect), falling back to what
// this file set when a later fyne renames them.

// tableField is the table's unexported field name, invalid when absent.
func (s *sheet) tableField(name string) reflect.Value {
	return reflect.ValueOf(&s.Table).Elem().FieldByName(name)
}

// offset is where the table is scrolled to now (the clerk may have used
// the wheel since the last move).
func (s *sheet) offset() fyne.Position {
	v := s.tableField("offset")
	if !v.IsValid() || v.Kind() != reflect.Struct || v.NumField() != 2 {
		return s.view
	}
	return fyne.NewPos(float32(v.Field(0).Float()), float32(v.Field(1).Float()))
}

// sizes are the column widths (rows false) or row heights the table
// holds, -1 for the header: those set here and those a clerk dragged.
func (s *sheet) sizes(rows bool) map[int]float32 {
	name, out := "columnWidths", map[int]float32{}
	if rows {
		name = "rowHeights"
	}
	if v := s.tableField(name); v.IsValid() && v.Kind() == reflect.Map {
		it := v.MapRange()
		for it.Next() {
			out[int(it.Key().Int())] = float32(it.Value().Float())
		}
		return out
	}
	if rows {
		out[-1] = s.headH
		return out
	}
	for c, w := range s.widths {
		out[c] = w
	}
	return out
}

// cellRect is a cell's place and size in the scrolled area (the data
// cells, without the header row and column).
func (s *sheet) cellRect(id widget.TableCellID) (fyne.Position, fyne.Size) {
	pad := s.Theme().Size(theme.SizeNamePadding)
	tmpl := s.templateSize()
	along := func(set map[int]float32, n int, def float32) (at, size float32) {
		for i := 0; i <= n; i++ {
			size = def
			if v, ok := set[i]; ok {
				size = v
			}
			if i < n {
				at += size + pad
			}
		}
		return at, size
	}
	x, w := along(s.sizes(false), id.Col, tmpl.Width)
	y, h := along(s.sizes(true), id.Row, tmpl.Height)
	return fyne.NewPos(x, y), fyne.NewSize(w, h)
}

// templateSize is the size of a cell no size was set for: the larger of
// a cell and a header, as the table takes it.
func (s *sheet) templateSize() fyne.Size {
	c, h := s.CreateCell().MinSize(), s.CreateHeader().MinSize()
	return fyne.NewSize(max(c.Width, h.Width), max(c.Height, h.Height))
}

// viewSize is the scrolled area: the table less the names and the header.
func (s *sheet) viewSize() fyne.Size {
	w, h := s.sizes(false)[-1], s.sizes(true)[-1]
	return s.Size().SubtractWidthHeight(w, h)
}

// reveal scrolls from the offset from the least that shows cell id whole
// (its top-left corner first when the area is smaller than the cell).
func (s *sheet) reveal(id widget.TableCellID, from fyne.Position) {
	pos, size := s.cellRect(id)
	view := s.viewSize()
	if view.Width <= 0 || view.Height <= 0 {
		return // not laid out yet
	}
	to := fyne.NewPos(into(from.X, pos.X, size.Width, view.Width), into(from.Y, pos.Y, size.Height, view.Height))
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
