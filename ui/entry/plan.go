package entry

import (
	"fmt"
	"strings"

	"junheng/app/county"
	"junheng/app/format"
)

// Plan is what one 保存 of the grid writes: whole school records (each its
// current record with only the typed fields replaced), counted for the
// summary the clerk confirms.
type Plan struct {
	Schools []county.School
	Values  int     // changed values in Schools
	Stale   []Stale // typed over a value that changed since the grid loaded it
	// Held are problems of the county check that no cell of this section
	// shows (a rule between fields of two sections); their schools are held
	// back with the cells that caused them.
	Held []county.Problem
	// Refused counts the cells that stay red and are not saved.
	Refused int
}

// Summary is the line shown before saving: "12 所学校 37 项修改".
func (p *Plan) Summary() string {
	return fmt.Sprintf("%s学校 %s修改", format.Count(len(p.Schools), "所"), format.Count(p.Values, "项"))
}

// Plan works out the save against the county as it is now (file): the
// typed cells that parse, applied onto the current records, checked with
// the county's rules. A school whose changes break a rule that held
// before is held back: its cells are marked red with the rule's message
// and the other schools are saved. Refused cells are never written.
func (g *Grid) Plan(file *county.File) *Plan {
	for r := range g.cells {
		for c := range g.cells[r] {
			g.cells[r][c].Rule = ""
		}
	}
	changed, stale := g.Changes(file.Schools)
	p := &Plan{Stale: stale}
	if len(changed) > 0 {
		changed = g.hold(file, changed, p)
	}
	p.Schools = changed
	keep := map[string]bool{}
	for _, s := range changed {
		keep[s.ID] = true
	}
	for r, row := range g.cells {
		for _, cell := range row {
			switch {
			case cell.Problem() != "":
				p.Refused++
			case cell.Edited && keep[g.Schools[r].ID]:
				p.Values++
			}
		}
	}
	return p
}

func problemKey(p county.Problem) string { return p.SchoolID + "|" + p.Field + "|" + p.Message }

// hold drops the schools whose changes introduce a problem of the county
// check, marking the cell of each problem.
func (g *Grid) hold(file *county.File, changed []county.School, p *Plan) []county.School {
	before := map[string]bool{}
	for _, pr := range county.Validate(file) {
		before[problemKey(pr)] = true
	}
	ids := map[string]bool{}
	for _, s := range changed {
		ids[s.ID] = true
	}
	after := *file
	after.Schools = ReplaceSchools(file.Schools, changed)
	bad := map[string]bool{}
	for _, pr := range county.Validate(&after) {
		if before[problemKey(pr)] || !ids[pr.SchoolID] {
			continue
		}
		bad[pr.SchoolID] = true
		path, _, _ := strings.Cut(pr.Field, "[") // music_rooms[1] → music_rooms
		r, c := g.Find(pr.SchoolID, path)
		if r >= 0 && c >= 0 {
			if cell := &g.cells[r][c]; cell.Rule == "" {
				cell.Rule = pr.Message
			}
			continue
		}
		p.Held = append(p.Held, pr)
	}
	var keep []county.School
	for _, s := range changed {
		if !bad[s.ID] {
			keep = append(keep, s)
		}
	}
	return keep
}

// ReplaceSchools returns a copy of list with the schools of the same id
// replaced by those of with (new ids appended, in order).
func ReplaceSchools(list, with []county.School) []county.School {
	out := append([]county.School(nil), list...)
	at := make(map[string]int, len(out))
	for i := range out {
		at[out[i].ID] = i
	}
	for _, s := range with {
		if i, ok := at[s.ID]; ok {
			out[i] = s
		} else {
			at[s.ID] = len(out)
			out = append(out, s)
		}
	}
	return out
}
