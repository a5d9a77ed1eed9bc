package entry

import (
	"fmt"
	"strings"

	"junheng/app/county"
	"junheng/app/format"
)

// Cell is one school × field of the grid as the clerk sees it.
type Cell struct {
	Text   string // what is shown: the stored value, or what was typed
	Edited bool   // typed or pasted, differs from the stored value
	Msg    string // why Text is refused by the parser ("" = fine)
	// Rule is a rule of the county check the typed values break, found by
	// the last save (its school was held back); typing clears it.
	Rule string
	Skip bool // the field does not apply to this school (greyed)
	// base is the stored value the clerk saw when typing (a reload under
	// an edit keeps it, so the save can ask when it changed meanwhile).
	base string
}

// Problem is a refused cell, for the side panel.
type Problem struct {
	Row, Col int
	School   string
	Label    string
	Text     string
	Msg      string
}

// Problem is the message the cell shows in red ("" = none).
func (c Cell) Problem() string {
	if c.Msg != "" {
		return c.Msg
	}
	return c.Rule
}

func (p Problem) String() string {
	return fmt.Sprintf("「%s」%s：「%s」%s", p.School, p.Label, p.Text, p.Msg)
}

// Grid is the batch entry of one section: a row per school, a column per
// field. It holds what was typed beside the values it loaded; nothing of
// it reaches the county until Changes is saved.
type Grid struct {
	Title   string
	Fields  []*Field[county.School]
	Schools []county.School // deep copies of the schools as loaded
	orig    [][]string
	cells   [][]Cell
}

// NewGrid loads a section of the schools of a file.
func NewGrid(schools []county.School, sec Section[county.School]) *Grid {
	g := &Grid{Title: sec.Title, Fields: sec.Fields}
	g.load(schools)
	return g
}

func (g *Grid) load(schools []county.School) {
	g.Schools = make([]county.School, len(schools))
	g.orig = make([][]string, len(schools))
	g.cells = make([][]Cell, len(schools))
	for r := range schools {
		g.Schools[r] = copySchool(schools[r])
		g.orig[r] = make([]string, len(g.Fields))
		g.cells[r] = make([]Cell, len(g.Fields))
		for c, f := range g.Fields {
			t := f.Load(&g.Schools[r])
			g.orig[r][c] = t
			g.cells[r][c] = Cell{Text: t, Skip: !Applies(f, g.Schools[r].Type) && (t == "" || t == "0")}
		}
	}
}

// Rows and Cols are the size of the grid.
func (g *Grid) Rows() int { return len(g.cells) }
func (g *Grid) Cols() int { return len(g.Fields) }

// Cell returns a cell (the zero cell outside the grid).
func (g *Grid) Cell(r, c int) Cell {
	if r < 0 || r >= len(g.cells) || c < 0 || c >= len(g.Fields) {
		return Cell{}
	}
	return g.cells[r][c]
}

// Set puts a typed text into a cell and checks it with the field's parser.
// An empty text means "not provided": the cell goes back to its stored
// value (the grid never clears a value). It reports false for a cell that
// does not apply to the school.
func (g *Grid) Set(r, c int, text string) bool {
	if r < 0 || r >= len(g.cells) || c < 0 || c >= len(g.Fields) || g.cells[r][c].Skip {
		return false
	}
	base := g.orig[r][c]
	if g.cells[r][c].Edited {
		base = g.cells[r][c].base
	}
	return g.set(r, c, text, base)
}

func (g *Grid) set(r, c int, text, base string) bool {
	text = strings.TrimSpace(text)
	cell := &g.cells[r][c]
	if text == "" || text == g.orig[r][c] {
		*cell = Cell{Text: g.orig[r][c]}
		return true
	}
	f := g.Fields[c]
	probe := copySchool(g.Schools[r])
	msg := f.Store(&probe, text)
	if msg == "" && f.Load(&probe) == g.orig[r][c] {
		*cell = Cell{Text: g.orig[r][c]} // "1,185" where 1185 is stored: no change
		return true
	}
	*cell = Cell{Text: text, Edited: true, Msg: msg, base: base}
	return true
}

// Revert takes a cell back to its stored value.
func (g *Grid) Revert(r, c int) {
	if r >= 0 && r < len(g.cells) && c >= 0 && c < len(g.Fields) && !g.cells[r][c].Skip {
		g.cells[r][c] = Cell{Text: g.orig[r][c]}
	}
}

// PasteResult says what a paste did.
type PasteResult struct {
	Filled  int // cells set
	Skipped int // values that fell on cells not applying to their school
	Outside int // values beyond the last row or column
}

// Paste fills the cells from (r, c) with a block copied from a
// spreadsheet (see ParseBlock). Empty cells of the block change nothing.
func (g *Grid) Paste(r, c int, text string) PasteResult {
	var res PasteResult
	for i, row := range ParseBlock(text) {
		for j, v := range row {
			if strings.TrimSpace(v) == "" {
				continue
			}
			rr, cc := r+i, c+j
			switch {
			case rr >= len(g.cells) || cc >= len(g.Fields):
				res.Outside++
			case g.cells[rr][cc].Skip:
				res.Skipped++
			default:
				g.Set(rr, cc, v)
				res.Filled++
			}
		}
	}
	return res
}

// Problems lists the refused cells, row by row.
func (g *Grid) Problems() []Problem {
	var out []Problem
	for r, row := range g.cells {
		for c, cell := range row {
			if m := cell.Problem(); m != "" {
				out = append(out, Problem{Row: r, Col: c, School: g.Schools[r].Name, Label: g.Fields[c].Label, Text: cell.Text, Msg: m})
			}
		}
	}
	return out
}

// Edits counts the changed cells that parse and the schools they touch.
func (g *Grid) Edits() (schools, values int) {
	for _, row := range g.cells {
		n := 0
		for _, cell := range row {
			if cell.Edited && cell.Msg == "" {
				n++
			}
		}
		if n > 0 {
			schools++
			values += n
		}
	}
	return schools, values
}

// Dirty reports typed or pasted cells not saved yet.
func (g *Grid) Dirty() bool {
	for _, row := range g.cells {
		for _, cell := range row {
			if cell.Edited {
				return true
			}
		}
	}
	return false
}

// Summary is the line shown before saving: "12 所学校 37 项修改".
func (g *Grid) Summary() string {
	s, v := g.Edits()
	return fmt.Sprintf("%s学校 %s修改", format.Count(s, "所"), format.Count(v, "项"))
}

// Stale is an edited cell whose stored value changed after the grid
// loaded it (another office's merge, a restore, an import).
type Stale struct {
	School, Label      string
	Loaded, Now, Typed string
}

// Changes applies the valid edited cells onto the schools as they are now
// (current, by id): each changed school is a deep copy of its current
// record with only the typed fields replaced. Refused cells are left out.
// stale lists edited cells whose value changed underneath since loading.
func (g *Grid) Changes(current []county.School) (changed []county.School, stale []Stale) {
	byID := make(map[string]*county.School, len(current))
	for i := range current {
		byID[current[i].ID] = &current[i]
	}
	for r, row := range g.cells {
		var out *county.School
		for c, cell := range row {
			if !cell.Edited || cell.Msg != "" {
				continue
			}
			now := byID[g.Schools[r].ID]
			if now == nil {
				continue // deleted meanwhile: nothing to write into
			}
			f := g.Fields[c]
			if t := f.Load(now); t != cell.base {
				stale = append(stale, Stale{School: now.Name, Label: f.Label, Loaded: cell.base, Now: t, Typed: cell.Text})
			}
			if out == nil {
				cp := copySchool(*now)
				out = &cp
			}
			f.Store(out, cell.Text)
		}
		if out != nil {
			changed = append(changed, *out)
		}
	}
	return changed, stale
}

// Reload shows the schools as they are now, keeping what was typed and not
// saved on the cells of schools that are still there (matched by id).
func (g *Grid) Reload(schools []county.School) {
	typed := map[string]map[int]Cell{}
	for r, row := range g.cells {
		for c, cell := range row {
			if cell.Edited {
				if typed[g.Schools[r].ID] == nil {
					typed[g.Schools[r].ID] = map[int]Cell{}
				}
				typed[g.Schools[r].ID][c] = cell
			}
		}
	}
	g.load(schools)
	for r := range g.Schools {
		for c, cell := range typed[g.Schools[r].ID] {
			if !g.cells[r][c].Skip {
				g.set(r, c, cell.Text, cell.base)
			}
		}
	}
}

// Find returns the row of a school and the column of a field path, -1
// when absent.
func (g *Grid) Find(schoolID, path string) (row, col int) {
	row, col = -1, -1
	for r := range g.Schools {
		if g.Schools[r].ID == schoolID {
			row = r
		}
	}
	for c, f := range g.Fields {
		if f.Path == path {
			col = c
		}
	}
	return row, col
}
