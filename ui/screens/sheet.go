package screens

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"junheng/ui/entry"
)

// Colours of the grid's cells.
var (
	cellGrey    = color.NRGBA{R: 0xe4, G: 0xe4, B: 0xe4, A: 0xff} // does not apply
	cellRed     = color.NRGBA{R: 0xf8, G: 0xc8, B: 0xc8, A: 0xff} // refused
	cellEdited  = color.NRGBA{R: 0xfd, G: 0xf0, B: 0xc0, A: 0xff} // typed, not saved
	cellCursor  = color.NRGBA{R: 0x9c, G: 0xc8, B: 0xf4, A: 0xff}
	cellMarked  = color.NRGBA{R: 0xff, G: 0xc8, B: 0x60, A: 0xff} // 整改清单 → this cell
	cellNothing = color.Transparent
)

// sheet is the spreadsheet-like table of the grid entry: Enter moves down,
// Tab right, arrows move, typing replaces the cell, Ctrl+V pastes a block
// copied from Excel or WPS from the cursor. It shows the model of package
// entry and holds no rule of its own.
type sheet struct {
	widget.Table
	m       *entry.Grid
	cur     widget.TableCellID
	editing bool
	buf     []rune
	marked  *widget.TableCellID
	widths  map[int]float32 // the column widths set (-1: the names)
	headH   float32         // the header row's height
	view    fyne.Position   // the offset reveal last scrolled to
	// onMove runs when the cursor moves, onEdit when a cell changed.
	onMove, onEdit func()
	// onPaste reports what a paste did.
	onPaste func(entry.PasteResult)
}

func newSheet() *sheet {
	s := &sheet{}
	s.Length = func() (int, int) {
		if s.m == nil {
			return 0, 0
		}
		return s.m.Rows(), s.m.Cols()
	}
	s.CreateCell = func() fyne.CanvasObject {
		bg := canvas.NewRectangle(cellNothing)
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return container.NewStack(bg, l)
	}
	s.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		st := o.(*fyne.Container)
		bg, l := st.Objects[0].(*canvas.Rectangle), st.Objects[1].(*widget.Label)
		c := s.m.Cell(id.Row, id.Col)
		text := c.Text
		if s.editing && id == s.cur {
			text = string(s.buf) + "▏"
		}
		var fill color.Color = cellNothing
		switch {
		case id == s.cur:
			fill = cellCursor
		case s.marked != nil && *s.marked == id:
			fill = cellMarked
		case c.Skip:
			fill = cellGrey
		case c.Problem() != "":
			fill = cellRed
		case c.Edited:
			fill = cellEdited
		}
		if c.Skip {
			text = "不适用"
		}
		bg.FillColor = fill
		bg.Refresh()
		l.SetText(text)
	}
	s.ShowHeaderRow, s.ShowHeaderColumn = true, true
	s.CreateHeader = func() fyne.CanvasObject {
		// One line: the template sizes the school rows too. The header
		// row is made three lines tall below (the label in two, the
		// unit), so that a column needs only a line's width.
		l := widget.NewLabel("")
		l.TextStyle = fyne.TextStyle{Bold: true}
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	s.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		switch {
		case s.m == nil:
			l.SetText("")
		case id.Row < 0 && id.Col >= 0 && id.Col < s.m.Cols():
			l.SetText(headerText(s.m.Fields[id.Col].Label, s.m.Fields[id.Col].Unit))
		case id.Col < 0 && id.Row >= 0 && id.Row < s.m.Rows():
			// The name alone: the type is said beside the grid (当前单元格)
			// and by the greyed cells; a 教学点's long name stays whole.
			l.SetText(s.m.Schools[id.Row].Name)
		default:
			l.SetText("")
		}
	}
	s.OnSelected = func(id widget.TableCellID) {
		if id != s.cur {
			s.commit()
			s.moveTo(id)
		}
	}
	s.ExtendBaseWidget(s)
	s.setWidth(-1, 230)
	three := widget.NewLabel("一\n二\n三")
	three.TextStyle = fyne.TextStyle{Bold: true}
	s.headH = three.MinSize().Height
	s.SetRowHeight(-1, s.headH)
	return s
}

func (s *sheet) setWidth(col int, w float32) {
	if s.widths == nil {
		s.widths = map[int]float32{}
	}
	s.widths[col] = w
	s.SetColumnWidth(col, w)
}

// colWidth is the width a column was given (tests of the fit).
func (s *sheet) colWidth(col int) float32 { return s.widths[col] }

// headerLine is how many characters a header line holds.
const headerLine = 6

// headerText breaks a column's label into lines of at most headerLine
// characters, the unit on a line of its own: columns stay narrow enough
// for six or more at 1366×768.
func headerText(label, unit string) string {
	r := []rune(label)
	var lines []string
	for len(r) > headerLine {
		n := headerLine
		if len(r) <= 2*headerLine {
			n = (len(r) + 1) / 2 // two even halves
		}
		lines = append(lines, string(r[:n]))
		r = r[n:]
	}
	lines = append(lines, string(r))
	if unit != "" {
		lines = append(lines, "（"+unit+"）")
	}
	return strings.Join(lines, "\n")
}

// show puts a model into the sheet, widening each column to its header.
func (s *sheet) show(m *entry.Grid) {
	same := s.m == m
	s.m, s.editing, s.buf = m, false, nil
	if !same {
		s.marked = nil
	}
	pad := 2*theme.InnerPadding() + 8
	bold := fyne.TextStyle{Bold: true}
	for c, f := range m.Fields {
		if same {
			break
		}
		w := float32(0)
		for _, line := range strings.Split(headerText(f.Label, f.Unit), "\n") {
			w = max(w, fyne.MeasureText(line, theme.TextSize(), bold).Width)
		}
		value := fyne.MeasureText("2,600,000.00", theme.TextSize(), fyne.TextStyle{}).Width
		s.setWidth(c, min(max(w, value)+pad, 150))
	}
	if !same {
		names := fyne.MeasureText("义马市实验小学", theme.TextSize(), bold).Width
		for _, sc := range m.Schools {
			names = max(names, fyne.MeasureText(sc.Name, theme.TextSize(), bold).Width)
		}
		s.setWidth(-1, min(names+pad, 300))
	}
	if s.cur.Row >= m.Rows() || s.cur.Col >= m.Cols() {
		s.cur = widget.TableCellID{}
	}
	s.Refresh()
}

// AcceptsTab keeps Tab in the sheet: it moves right, as in a spreadsheet.
func (s *sheet) AcceptsTab() bool { return true }

func (s *sheet) moveTo(id widget.TableCellID) {
	if s.m == nil || s.m.Rows() == 0 {
		return
	}
	id.Row = max(0, min(id.Row, s.m.Rows()-1))
	id.Col = max(0, min(id.Col, s.m.Cols()-1))
	old := s.cur
	s.cur = id
	s.RefreshItem(old)
	s.RefreshItem(id)
	from := s.offset()
	s.Select(id) // OnSelected sees id == cur
	s.reveal(id, from)
	if s.onMove != nil {
		s.onMove()
	}
}

// commit stores the text being typed into the cell.
func (s *sheet) commit() {
	if !s.editing {
		return
	}
	s.editing = false
	s.m.Set(s.cur.Row, s.cur.Col, string(s.buf))
	s.buf = nil
	s.RefreshItem(s.cur)
	if s.onEdit != nil {
		s.onEdit()
	}
}

// TypedRune starts replacing the cell with what is typed.
func (s *sheet) TypedRune(r rune) {
	if s.m == nil || s.m.Cell(s.cur.Row, s.cur.Col).Skip {
		return
	}
	if !s.editing {
		s.editing, s.buf = true, nil
	}
	s.buf = append(s.buf, r)
	s.RefreshItem(s.cur)
}

// TypedKey moves and edits like a spreadsheet.
func (s *sheet) TypedKey(ev *fyne.KeyEvent) {
	if s.m == nil {
		return
	}
	step := func(dr, dc int) {
		s.commit()
		s.moveTo(widget.TableCellID{Row: s.cur.Row + dr, Col: s.cur.Col + dc})
	}
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyDown:
		step(1, 0)
	case fyne.KeyUp:
		step(-1, 0)
	case fyne.KeyTab, fyne.KeyRight:
		step(0, 1)
	case fyne.KeyLeft:
		step(0, -1)
	case fyne.KeyPageDown:
		step(20, 0)
	case fyne.KeyPageUp:
		step(-20, 0)
	case fyne.KeyBackspace:
		if s.m.Cell(s.cur.Row, s.cur.Col).Skip {
			return
		}
		if !s.editing {
			s.editing, s.buf = true, nil
		} else if len(s.buf) > 0 {
			s.buf = s.buf[:len(s.buf)-1]
		}
		s.RefreshItem(s.cur)
	case fyne.KeyF2:
		if c := s.m.Cell(s.cur.Row, s.cur.Col); !c.Skip && !s.editing {
			s.editing, s.buf = true, []rune(c.Text)
			s.RefreshItem(s.cur)
		}
	case fyne.KeyEscape:
		s.editing, s.buf = false, nil
		s.RefreshItem(s.cur)
	case fyne.KeyDelete:
		s.editing, s.buf = false, nil
		s.m.Revert(s.cur.Row, s.cur.Col)
		s.RefreshItem(s.cur)
		if s.onEdit != nil {
			s.onEdit()
		}
	}
}

// TypedShortcut pastes a block from the cursor (Ctrl+V) and copies the
// cell (Ctrl+C).
func (s *sheet) TypedShortcut(sc fyne.Shortcut) {
	switch sc := sc.(type) {
	case *fyne.ShortcutPaste:
		s.paste(sc.Clipboard.Content())
	case *fyne.ShortcutCopy:
		sc.Clipboard.SetContent(s.m.Cell(s.cur.Row, s.cur.Col).Text)
	}
}

// paste fills the cells from the cursor with a spreadsheet block.
func (s *sheet) paste(text string) {
	if s.m == nil {
		return
	}
	s.editing, s.buf = false, nil
	res := s.m.Paste(s.cur.Row, s.cur.Col, text)
	s.Refresh()
	if s.onPaste != nil {
		s.onPaste(res)
	}
	if s.onEdit != nil {
		s.onEdit()
	}
}

// FocusLost keeps what was typed.
func (s *sheet) FocusLost() {
	s.commit()
	s.Table.FocusLost()
}
