package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"junheng/ui/entry"
)

// scrolled is the table's scrolled area, as its renderer shows it.
func scrolled(t *testing.T, sh *sheet) *container.Scroll {
	t.Helper()
	for _, o := range test.WidgetRenderer(sh).Objects() {
		if sc, ok := o.(*container.Scroll); ok {
			return sc
		}
	}
	t.Fatal("the table has no scrolled area")
	return nil
}

// cellInView fails unless the cursor's cell, as drawn (the cell filled
// with the cursor's colour), lies wholly inside the scrolled area: not
// under the frozen names, not under the header, not past the edges.
func cellInView(t *testing.T, sh *sheet, id widget.TableCellID, after string) {
	t.Helper()
	if sh.cur != id {
		t.Fatalf("after %s the cursor is on %+v, want %+v", after, sh.cur, id)
	}
	sc := scrolled(t, sh)
	var drawn []fyne.CanvasObject
	walk(sc.Content, func(o fyne.CanvasObject) {
		if c, ok := o.(*fyne.Container); ok && len(c.Objects) == 2 && c.Visible() {
			if r, ok := c.Objects[0].(*canvas.Rectangle); ok && r.FillColor == cellCursor {
				drawn = append(drawn, c)
			}
		}
	})
	if len(drawn) != 1 {
		t.Fatalf("after %s %d cells are drawn as the cursor", after, len(drawn))
	}
	pos, size, off, view := drawn[0].Position(), drawn[0].Size(), sc.Offset, sc.Size()
	if pos.X < off.X || pos.Y < off.Y || pos.X+size.Width > off.X+view.Width || pos.Y+size.Height > off.Y+view.Height {
		t.Fatalf("after %s the cell %+v at %v size %v is not inside the area %v size %v", after, id, pos, size, off, view)
	}
}

// fundsGrid is 经费与招生 of 60 schools in a small window (1366×768 at
// 150 %), the sheet focused: it scrolls both ways.
func fundsGrid(t *testing.T) (*gridOnDB, *sheet) {
	g := newGridOnDB(t, 60)
	g.win.Resize(fyne.NewSize(800, 600)) // 1366×768 at 150 %
	g.p.tabs.SetSelected(entry.SecFunds)
	sh := g.p.sheet
	g.win.Canvas().Focus(sh)
	return g, sh
}

func TestGridKeepsTheCursorInView(t *testing.T) {
	_, sh := fundsGrid(t)
	rows, cols := sh.m.Rows(), sh.m.Cols()
	if cols < 6 {
		t.Fatalf("%s has only %d columns", entry.SecFunds, cols)
	}
	far := widget.TableCellID{Row: rows - 1, Col: cols - 1}
	sh.moveTo(far)
	if off := scrolled(t, sh).Offset; off.X == 0 || off.Y == 0 {
		t.Fatalf("the last of %d rows and %d columns is reached scrolled to %v", rows, cols, off)
	}
	cellInView(t, sh, far, "moving to the last cell")
	// Back up and left by keys: each cell comes out from under the
	// header row and the names, one step at a time.
	for range 5 {
		sh.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageUp})
		cellInView(t, sh, sh.cur, "Page Up")
	}
	for sh.cur.Col > 0 {
		sh.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
		cellInView(t, sh, sh.cur, "←")
	}
	for range 3 {
		sh.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
		cellInView(t, sh, sh.cur, "↑")
	}
	sh.moveTo(widget.TableCellID{})
	if off := scrolled(t, sh).Offset; off != (fyne.Position{}) {
		t.Fatalf("the first cell leaves the table scrolled to %v", off)
	}
	for sh.cur.Col < cols-1 {
		sh.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		cellInView(t, sh, sh.cur, "Tab")
	}
	// A column and the names widened by dragging their header, as the
	// table lets a clerk do.
	sh.Table.SetColumnWidth(-1, 200)
	sh.Table.SetColumnWidth(cols-1, 300)
	sh.moveTo(widget.TableCellID{})
	sh.moveTo(widget.TableCellID{Row: 30, Col: cols - 1})
	cellInView(t, sh, sh.cur, "moving to a widened column")
	sh.moveTo(widget.TableCellID{Row: 29, Col: 0})
	cellInView(t, sh, sh.cur, "moving back under the widened names")
}

func TestGridErrorListShowsTheCell(t *testing.T) {
	g, sh := fundsGrid(t)
	bad := widget.TableCellID{Row: sh.m.Rows() - 2, Col: 2} // 教师培训经费: every school
	sh.moveTo(bad)
	test.Type(sh, "abc")
	sh.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	sh.moveTo(widget.TableCellID{Col: sh.m.Cols() - 1})
	sh.moveTo(widget.TableCellID{})
	if len(g.p.problems) != 1 || len(g.p.probs.Objects) == 0 {
		t.Fatalf("problems %v, %d lines listed", g.p.problems, len(g.p.probs.Objects))
	}
	line := g.p.probs.Objects[0].(*fyne.Container).Objects[0].(*widget.Button)
	test.Tap(line)
	if sh.cur != bad {
		t.Fatalf("the error list moved to %+v, want %+v", sh.cur, bad)
	}
	cellInView(t, sh, bad, "clicking the error")
}
