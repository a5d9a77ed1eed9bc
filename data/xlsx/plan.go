package xlsx

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"junheng/app/county"
)

// Change is one value the import would change.
type Change struct {
	SchoolID   string // "" for a county fact
	SchoolName string
	Cell       string // where the new value is: 学校基本信息!D7
	Field      string // the column's name without unit
	Path       string // field path in the county file
	Old, New   string // as shown to the clerk (未填报 for empty)
}

func (c Change) String() string {
	who := "县级数据"
	if c.SchoolID != "" {
		who = fmt.Sprintf("学校「%s」（%s）", c.SchoolName, c.SchoolID)
	}
	return fmt.Sprintf("%s %s：%s → %s（%s）", who, c.Field, c.Old, c.New, c.Cell)
}

// SchoolRef names a school.
type SchoolRef struct{ ID, Name string }

// Plan is what an import would do to a school year.
type Plan struct {
	File string // the workbook's file name
	Year string
	// NewSchools are added; Changes are the values changed in existing
	// schools and county facts (new schools' values are not listed).
	NewSchools []SchoolRef
	Changes    []Change
	Notes      []string
	// Schools are the new and changed schools as they will be saved.
	Schools []county.School
	// County is the county profile as it will be saved, nil when the
	// workbook changes no county fact.
	County *county.Profile
	// After is the whole year as it will be after the import.
	After *county.File
}

// Empty reports whether the import changes nothing.
func (p *Plan) Empty() bool { return len(p.NewSchools) == 0 && len(p.Changes) == 0 }

// Note is the audit-trail note of the import.
func (p *Plan) Note() string { return "导入 Excel「" + p.File + "」" }

// cellRef locates a field's cell in the workbook.
type cellRef struct {
	sheet string
	cell  string
	col   *column
}

func (c cellRef) String() string { return c.sheet + "!" + c.cell }

// planner merges an import into a county file.
type planner struct {
	imp   *Import
	plan  *Plan
	cells map[string]cellRef // owner + "\x00" + path → cell
	errs  Errors
}

func ownerSchool(id string) string { return "school:" + id }

const ownerCounty = "county"

func ownerFinance(year int) string { return "finance:" + strconv.Itoa(year) }

const ownerSurvey = "survey"

// Plan merges the workbook into cur (the school year as saved; its Year
// is the year imported into), validates the result with county.Validate
// and lists the changes. Problems come back as Errors naming the cells.
// cur is not modified.
func (imp *Import) Plan(cur *county.File) (*Plan, error) {
	pl := &planner{imp: imp, cells: map[string]cellRef{},
		plan: &Plan{File: imp.Name, Year: cur.Year, Notes: slices.Clone(imp.Notes)}}
	after := *cur
	after.Format = county.Format
	after.Schools = slices.Clone(cur.Schools)
	pl.plan.After = &after
	pl.schools(cur, &after)
	if imp.county {
		pl.county(cur, &after)
	}
	if len(pl.errs) == 0 {
		pl.validate(cur, &after)
	}
	if len(pl.errs) > 0 {
		return nil, pl.errs
	}
	return pl.plan, nil
}

// clone deep-copies a model value (pointers and all) through JSON, which
// keeps nil apart from zero and empty lists apart from absent ones.
func clone[T any](v *T) *T {
	b, err := json.Marshal(v)
	if err != nil {
		panic("xlsx: county model does not marshal: " + err.Error())
	}
	var out T
	if err := json.Unmarshal(b, &out); err != nil {
		panic("xlsx: county model does not unmarshal: " + err.Error())
	}
	return &out
}

func (pl *planner) schools(cur, after *county.File) {
	index := map[string]int{}
	for i, s := range cur.Schools {
		index[s.ID] = i
	}
	for _, sr := range pl.imp.schools {
		i, exists := index[sr.id]
		var s *county.School
		switch {
		case exists:
			s = clone(&cur.Schools[i])
		case sr.basic == nil:
			first := sr.parts[0]
			pl.errs = append(pl.errs, CellError{Sheet: first.sheet.name, Cell: first.keyAt, Field: hdrID, Value: sr.id,
				Message: fmt.Sprintf("在「%s」表和数据库中都没有这所学校，请先在「%s」表中填写它", sheets[0].name, sheets[0].name)})
			continue
		default:
			s = &county.School{}
		}
		recs := sr.parts
		if sr.basic != nil {
			recs = append([]*record{sr.basic}, recs...)
		}
		for _, rec := range recs {
			pl.apply(s, rec, ownerSchool(sr.id))
		}
		if exists {
			after.Schools[i] = *s
			pl.diff(&cur.Schools[i], s, recs, sr.id, s.Name)
			continue
		}
		index[sr.id] = len(after.Schools)
		after.Schools = append(after.Schools, *s)
		pl.plan.NewSchools = append(pl.plan.NewSchools, SchoolRef{s.ID, s.Name})
		pl.plan.Schools = append(pl.plan.Schools, *s)
	}
}

// apply sets the values of one row into root (a school, profile or finance
// year) and files the cells of its fields under owner.
func (pl *planner) apply(root any, rec *record, owner string) {
	for _, c := range rec.cols {
		if c.path == "name" && rec.sheet != &sheets[0] && rec.sheet.scope == scopeSchool {
			continue // the name in the other sheets is there to read, not to import
		}
		v := keepPrecision(get(root, c.path), rec.vals[c.path])
		set(root, c.path, nil)
		if v != nil {
			set(root, c.path, v)
		}
		pl.cells[owner+"\x00"+c.path] = cellRef{rec.sheet.name, rec.cells[c.path], c}
	}
	for _, c := range rec.cols {
		pruneGroup(root, c.path)
	}
}

// diff lists the changed values of the columns a school's rows cover.
func (pl *planner) diff(old, now any, recs []*record, id, name string) {
	changed := false
	for _, rec := range recs {
		for _, c := range rec.cols {
			if c.path == "name" && rec.sheet != &sheets[0] && rec.sheet.scope == scopeSchool {
				continue
			}
			a, b := get(old, c.path), get(now, c.path)
			if equal(a, b) {
				continue
			}
			changed = true
			pl.plan.Changes = append(pl.plan.Changes, Change{SchoolID: id, SchoolName: name, Cell: rec.sheet.name + "!" + rec.cells[c.path],
				Field: c.short(), Path: c.path, Old: c.display(a), New: c.display(b)})
		}
	}
	if changed && id != "" {
		pl.plan.Schools = append(pl.plan.Schools, *now.(*county.School))
	}
}

// county merges the county sheets: facts, survey and finance years.
func (pl *planner) county(cur, after *county.File) {
	p := clone(&cur.County)
	changes := len(pl.plan.Changes)
	for _, rec := range pl.imp.facts {
		pl.apply(p, rec, ownerCounty)
	}
	pl.diff(&cur.County, p, pl.imp.facts, "", "")
	pl.survey(cur, p)
	pl.finance(cur, p)
	after.County = *p
	if len(pl.plan.Changes) > changes {
		pl.plan.County = p
	}
}

func (pl *planner) survey(cur *county.File, p *county.Profile) {
	if len(pl.imp.survey) > 0 && p.Survey == nil {
		p.Survey = county.Survey{}
	}
	for _, rec := range pl.imp.survey {
		group := rec.key
		sh := rec.sheet
		resp, sat := rec.vals["0"], rec.vals["1"]
		pl.cells[ownerSurvey+"\x00"+group] = cellRef{sh.name, rec.cells["1"], &sh.cols[2]}
		old := cur.County.Survey[group]
		switch {
		case resp == nil && sat == nil:
			delete(p.Survey, group)
		case resp == nil || sat == nil:
			c := &sh.cols[1]
			if resp != nil {
				c = &sh.cols[2]
			}
			pl.errs = append(pl.errs, CellError{Sheet: sh.name, Cell: rec.cells[c.path], Field: c.short(),
				Message: fmt.Sprintf("未填写（「%s」的调查人数和满意人数要同时填写）", group)})
			continue
		default:
			p.Survey[group] = []int{resp.(int), sat.(int)}
		}
		if now := p.Survey[group]; !slices.Equal(old, now) {
			pl.plan.Changes = append(pl.plan.Changes, Change{Cell: sh.name + "!" + rec.keyAt, Field: "满意度调查「" + group + "」",
				Path: "survey." + group, Old: surveyText(old), New: surveyText(now)})
		}
	}
}

func surveyText(v []int) string {
	if len(v) != 2 {
		return "未填报"
	}
	return fmt.Sprintf("调查 %d 人、满意 %d 人", v[0], v[1])
}

func (pl *planner) finance(cur *county.File, p *county.Profile) {
	for _, rec := range pl.imp.finance {
		year := rec.vals["year"].(int)
		i := slices.IndexFunc(p.Finance, func(fy county.FinanceYear) bool { return fy.Year == year })
		var fy county.FinanceYear
		if i >= 0 {
			fy = p.Finance[i]
		}
		pl.apply(&fy, rec, ownerFinance(year))
		if i < 0 {
			p.Finance = append(p.Finance, fy)
			pl.plan.Changes = append(pl.plan.Changes, Change{Cell: rec.sheet.name + "!" + rec.keyAt, Field: "教育经费",
				Path: "finance", Old: "无", New: fmt.Sprintf("新增 %d 年度", year)})
			continue
		}
		p.Finance[i] = fy
		var old county.FinanceYear
		for _, o := range cur.County.Finance {
			if o.Year == year {
				old = o
			}
		}
		before := len(pl.plan.Changes)
		pl.diff(&old, &fy, []*record{rec}, "", "")
		for k := before; k < len(pl.plan.Changes); k++ {
			pl.plan.Changes[k].Field = strconv.Itoa(year) + " 年" + pl.plan.Changes[k].Field
		}
	}
	slices.SortStableFunc(p.Finance, func(a, b county.FinanceYear) int { return a.Year - b.Year })
}

var listIndex = regexp.MustCompile(`\[\d+\]`)
var financeIndex = regexp.MustCompile(`^county\.finance\[(\d+)\]\.(.+)$`)

// validate runs county.Validate on the merged year. A problem in a cell of
// the workbook blocks the import, named by that cell; a problem elsewhere
// blocks it only when the import introduces it.
func (pl *planner) validate(cur, after *county.File) {
	old := map[string]bool{}
	for _, p := range county.Validate(cur) {
		old[p.String()] = true
	}
	for _, p := range county.Validate(after) {
		ref, ok := pl.locate(p, after)
		value := strings.TrimSuffix(strings.TrimPrefix(p.Value, "「"), "」")
		row, inBook := pl.cells[ownerSchool(p.SchoolID)+"\x00id"]
		switch {
		case ok:
			pl.errs = append(pl.errs, CellError{Sheet: ref.sheet, Cell: ref.cell, Field: ref.col.short(), Value: value, Message: p.Message})
		case p.SchoolID != "" && inBook:
			// The school is in the workbook but the field's column is not:
			// point at the school's row.
			pl.errs = append(pl.errs, CellError{Sheet: row.sheet, Cell: row.cell, Field: hdrID, Value: p.SchoolID,
				Message: fmt.Sprintf("学校「%s」的%s：%s（工作簿中没有这一列）", p.SchoolName, p.Label(), p.Message)})
		case p.Field == "schools" && len(after.Schools) == 0:
			// a year being built may have no school yet
		case !old[p.String()]:
			pl.errs = append(pl.errs, CellError{Message: p.String()})
		}
	}
}

// locate finds the cell of a validation problem.
func (pl *planner) locate(p county.Problem, after *county.File) (cellRef, bool) {
	if p.SchoolID != "" {
		owner := ownerSchool(p.SchoolID) + "\x00"
		field := listIndex.ReplaceAllString(p.Field, "")
		if r, ok := pl.cells[owner+field]; ok {
			return r, true
		}
		// students (none entered), a teacher group…: the group's first cell.
		for _, sh := range sheets {
			for k := range sh.cols {
				if strings.HasPrefix(sh.cols[k].path, field+".") {
					if r, ok := pl.cells[owner+sh.cols[k].path]; ok {
						return r, true
					}
				}
			}
		}
		return cellRef{}, false
	}
	if m := financeIndex.FindStringSubmatch(p.Field); m != nil {
		i, _ := strconv.Atoi(m[1])
		if i < len(after.County.Finance) {
			r, ok := pl.cells[ownerFinance(after.County.Finance[i].Year)+"\x00"+m[2]]
			return r, ok
		}
		return cellRef{}, false
	}
	if g, ok := strings.CutPrefix(p.Field, "county.survey."); ok {
		r, ok := pl.cells[ownerSurvey+"\x00"+g]
		return r, ok
	}
	if f, ok := strings.CutPrefix(p.Field, "county."); ok {
		r, ok := pl.cells[ownerCounty+"\x00"+f]
		return r, ok
	}
	return cellRef{}, false
}

// keepPrecision returns the saved value when the cell holds it as Excel
// stores numbers (15 significant digits, cut rather than rounded by some
// writers), so that sending a pre-filled
// sheet back neither shows nor saves a change nobody made.
func keepPrecision(old, now any) any {
	switch n := now.(type) {
	case float64:
		if o, ok := old.(float64); ok && sameIn15(o, n) {
			return o
		}
	case []float64:
		if o, ok := old.([]float64); ok && len(o) == len(n) {
			for i := range n {
				if !sameIn15(o[i], n[i]) {
					return now
				}
			}
			return o
		}
	}
	return now
}

func sameIn15(a, b float64) bool { return math.Abs(a-b) <= 1e-14*math.Max(math.Abs(a), math.Abs(b)) }
