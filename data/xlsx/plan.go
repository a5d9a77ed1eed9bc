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
	// Clear is a saved value cleared by 「清空」 in its cell.
	Clear bool
}

func (c Change) String() string {
	who := "县级数据"
	if c.SchoolID != "" {
		who = fmt.Sprintf("学校「%s」（%s）", c.SchoolName, c.SchoolID)
	}
	if c.Clear {
		return fmt.Sprintf("%s %s：%s → 清空为未填报（%s 填了「%s」）", who, c.Field, c.Old, c.Cell, ClearWord)
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
	// AddNewSchools confirms the new schools (--new-schools, the GUI's
	// checkbox): Apply refuses a plan with new schools without it, since a
	// mistyped id would otherwise add a second copy of a school.
	AddNewSchools bool
	// OtherCounty is set when the workbook is of another county than the
	// year's (see ErrOtherCounty); Apply refuses it unless
	// AcceptOtherCounty.
	OtherCounty       *ErrOtherCounty
	AcceptOtherCounty bool
	// Magnitudes are values MagnitudeFactor times off (see ErrMagnitude);
	// Apply refuses them unless AcceptMagnitude.
	Magnitudes      []string
	AcceptMagnitude bool
	// Counts sum the workbook up for the first line of a preview.
	Counts Counts
}

// Counts are what a preview says first.
type Counts struct {
	Schools    int // schools the workbook holds rows for
	Values     int // cells holding a value (ids and names aside)
	Unchanged  int // of those, equal to the saved value
	Changes    int // values changed (clearings included)
	Clearings  int // saved values cleared by 「清空」
	NewSchools int
	Empty      int // cells left empty: not provided, saved values kept
}

// Empty reports whether the import changes nothing.
func (p *Plan) Empty() bool { return len(p.NewSchools) == 0 && len(p.Changes) == 0 }

// Summary is the short first paragraph of a preview: counts, then what an
// empty plan means. "没有需要导入的修改" is said only when every value was
// read and equals the saved one.
func (p *Plan) Summary() string {
	c := p.Counts
	var b strings.Builder
	fmt.Fprintf(&b, "「%s」→ %s 学年：", p.File, p.Year)
	if c.Schools > 0 {
		fmt.Fprintf(&b, "%d 所学校，", c.Schools)
	}
	fmt.Fprintf(&b, "%d 个填写值。", c.Values)
	switch {
	case c.Values == 0 && len(p.NewSchools) == 0:
		b.WriteString("工作簿中没有填写任何数值（空格表示不修改），没有导入。")
	case p.Empty():
		fmt.Fprintf(&b, "填写的 %d 个值与数据库中的完全一致，没有需要导入的修改。", c.Values)
	default:
		fmt.Fprintf(&b, "将修改 %d 处（其中清空 %d 处）", c.Changes, c.Clearings)
		if c.NewSchools > 0 {
			fmt.Fprintf(&b, "，新增学校 %d 所", c.NewSchools)
		}
		fmt.Fprintf(&b, "；%d 个值与原值相同。", c.Unchanged)
	}
	if c.Empty > 0 {
		fmt.Fprintf(&b, "另有 %d 个空格，表示未提供，保持原值（要清空某项请填「%s」）。", c.Empty, ClearWord)
	}
	if len(p.NewSchools) > 0 && !p.AddNewSchools {
		fmt.Fprintf(&b, "\n新增学校需要确认：请核对下列 %d 所新学校确实是新学校（不是已有学校的标识码填错了），确认后再导入。", len(p.NewSchools))
	}
	return b.String()
}

// ErrNewSchoolsUnconfirmed is returned by Apply for a plan adding schools
// without AddNewSchools.
type ErrNewSchoolsUnconfirmed struct{ Schools []SchoolRef }

func (e ErrNewSchoolsUnconfirmed) Error() string {
	names := make([]string, len(e.Schools))
	for i, s := range e.Schools {
		names[i] = fmt.Sprintf("「%s」（%s）", s.Name, s.ID)
	}
	if len(names) > 5 {
		names = append(names[:5], fmt.Sprintf("等 %d 所", len(e.Schools)))
	}
	return fmt.Sprintf("工作簿中有数据库里没有的学校：%s。未导入任何数据。请核对它们的标识码；确是新学校时，勾选「添加新学校」（命令行加 --new-schools）后再导入。", strings.Join(names, "、"))
}

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
	// changed lists per owner the paths whose value the import changes.
	changed map[string][]string
	errs    Errors
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
	pl := &planner{imp: imp, cells: map[string]cellRef{}, changed: map[string][]string{},
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
	pl.plan.OtherCounty = pl.otherCounty(cur, &after)
	pl.plan.Magnitudes = pl.magnitudes(cur, &after)
	if len(pl.errs) > 0 {
		return nil, pl.errs
	}
	c := &pl.plan.Counts
	c.Values, c.Empty = imp.values, imp.empties
	c.Changes, c.NewSchools = len(pl.plan.Changes), len(pl.plan.NewSchools)
	for _, ch := range pl.plan.Changes {
		if ch.Clear {
			c.Clearings++
		}
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

// schoolLabel names a school in a message: 「城关一小」（4112810001）.
func schoolLabel(name, id string) string {
	if name == "" {
		return "（" + id + "）"
	}
	return "「" + name + "」（" + id + "）"
}

func (pl *planner) schools(cur, after *county.File) {
	index := map[string]int{}
	byName := map[string]int{}
	for i, s := range cur.Schools {
		index[s.ID] = i
		byName[normalize(s.Name)] = i
	}
	for _, sr := range pl.imp.schools {
		i, exists := index[sr.id]
		recs := sr.parts
		if sr.basic != nil {
			recs = append([]*record{sr.basic}, recs...)
		}
		var s *county.School
		switch {
		case exists:
			if !pl.namesMatch(recs, cur.Schools[i].Name, sr.id, "在数据库中") {
				continue
			}
			s = clone(&cur.Schools[i])
		case sr.basic == nil:
			first := sr.parts[0]
			pl.errs = append(pl.errs, CellError{Sheet: first.sheet.name, Cell: first.keyAt, Field: hdrID, Value: sr.id,
				Message: fmt.Sprintf("在「%s」表和数据库中都没有。请核对标识码；如果是新学校，请先在「%s」表中填写它的基本信息", sheets[0].name, sheets[0].name)})
			continue
		default:
			name := sr.basic.name
			if name == "" {
				pl.errs = append(pl.errs, CellError{School: schoolLabel("", sr.id), Sheet: sr.basic.sheet.name, Cell: sr.basic.keyAt, Field: hdrName,
					Message: "未填写。这个标识码在数据库中没有，是新学校，请填写它的学校名称"})
				continue
			}
			if j, dup := byName[normalize(name)]; dup {
				other := cur.Schools[j]
				pl.errs = append(pl.errs, CellError{School: schoolLabel(name, sr.id), Sheet: sr.basic.sheet.name, Cell: sr.basic.keyAt, Field: hdrID, Value: sr.id,
					Message: fmt.Sprintf("在数据库中没有，但数据库中已有同名学校「%s」，标识码为 %s。请核对标识码（是否多了字符、少了一位或填了别的学校的标识码）；两所学校确实同名时，请先在程序中修改其中一所的名称", other.Name, other.ID)})
				continue
			}
			if !pl.namesMatch(sr.parts, name, sr.id, "在「"+sheets[0].name+"」表"+sr.basic.nameAt+"中") {
				continue
			}
			s = &county.School{}
		}
		owner := ownerSchool(sr.id)
		for _, rec := range recs {
			pl.apply(s, rec, owner, !exists)
		}
		pl.plan.Counts.Schools++
		if exists {
			after.Schools[i] = *s
			pl.diff(&cur.Schools[i], s, recs, sr.id, s.Name, owner)
			continue
		}
		index[sr.id] = len(after.Schools)
		after.Schools = append(after.Schools, *s)
		pl.plan.NewSchools = append(pl.plan.NewSchools, SchoolRef{s.ID, s.Name})
		pl.plan.Schools = append(pl.plan.Schools, *s)
	}
}

// namesMatch checks the name typed beside an id on every sheet against
// the school's name (saved, or typed in 学校基本信息 for a new school): a
// row with another school's id must not overwrite that school.
func (pl *planner) namesMatch(recs []*record, want, id, where string) bool {
	ok := true
	for _, rec := range recs {
		if rec.name == "" || sameName(rec.name, want) {
			continue
		}
		pl.errs = append(pl.errs, CellError{School: schoolLabel(want, id), Sheet: rec.sheet.name, Cell: rec.nameAt, Field: hdrName, Value: rec.name,
			Message: fmt.Sprintf("与标识码不符：标识码 %s %s是「%s」，这一行写的是「%s」。请核对这一行的标识码和学校名称，改正填错的一个（如需更改学校名称，请在程序的学校信息中修改）", id, where, want, rec.name)})
		ok = false
	}
	return ok
}

// apply sets the values of one row into root (a school, profile or finance
// year) and files the cells of its fields under owner. An empty cell is not
// provided and leaves the value as it is; 「清空」 clears it. The name is
// taken only for a new school (for a saved one it was checked equal).
func (pl *planner) apply(root any, rec *record, owner string, isNew bool) {
	for _, c := range rec.cols {
		if c.path == "name" && rec.sheet.scope == scopeSchool && (!isNew || rec.sheet != &sheets[0]) {
			continue
		}
		pl.cells[owner+"\x00"+c.path] = cellRef{rec.sheet.name, rec.cells[c.path], c}
		v := rec.vals[c.path]
		switch {
		case v == nil:
			continue
		case isClear(v):
			set(root, c.path, nil)
			pruneGroup(root, c.path)
		default:
			set(root, c.path, keepPrecision(get(root, c.path), v))
		}
	}
}

// diff lists the changed values of the cells a school's (or the county's)
// rows fill, and counts the values equal to the saved ones.
func (pl *planner) diff(old, now any, recs []*record, id, name, owner string) {
	changed := false
	for _, rec := range recs {
		for _, c := range rec.cols {
			if !rec.sheet.isValueCol(c) {
				continue
			}
			if rec.vals[c.path] == nil {
				continue
			}
			a, b := get(old, c.path), get(now, c.path)
			if equal(a, b) {
				pl.plan.Counts.Unchanged++
				continue
			}
			changed = true
			ch := Change{SchoolID: id, SchoolName: name, Cell: rec.sheet.name + "!" + rec.cells[c.path],
				Field: c.short(), Path: c.path, Old: c.display(a), New: c.display(b), Clear: b == nil}
			pl.plan.Changes = append(pl.plan.Changes, ch)
			pl.changed[owner] = append(pl.changed[owner], c.path)
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
		pl.apply(p, rec, ownerCounty, false)
	}
	pl.diff(&cur.County, p, pl.imp.facts, "", "", ownerCounty)
	pl.survey(cur, p)
	pl.finance(cur, p)
	pl.rectification(cur, p, after.Schools)
	after.County = *p
	if len(pl.plan.Changes) > changes {
		pl.plan.County = p
	}
}

func (pl *planner) survey(cur *county.File, p *county.Profile) {
	for _, rec := range pl.imp.survey {
		group := rec.key
		sh := rec.sheet
		resp, sat := rec.vals["0"], rec.vals["1"]
		pl.cells[ownerSurvey+"\x00"+group] = cellRef{sh.name, rec.cells["1"], &sh.cols[2]}
		old := cur.County.Survey[group]
		if resp == nil && sat == nil {
			continue // not provided
		}
		read := 2 // the cells provided, each counted once as read
		if resp == nil || sat == nil {
			read = 1
		}
		clear := isClear(resp) && isClear(sat)
		if !clear && len(old) == 2 {
			// one count typed: the other keeps its saved value
			if resp == nil {
				resp = old[0]
			}
			if sat == nil {
				sat = old[1]
			}
		}
		switch {
		case clear:
			delete(p.Survey, group)
		case isClear(resp) || isClear(sat):
			c := &sh.cols[2]
			if isClear(resp) {
				c = &sh.cols[1]
			}
			pl.errs = append(pl.errs, CellError{Sheet: sh.name, Cell: rec.cells[c.path], Field: c.short(),
				Message: fmt.Sprintf("「%s」的调查人数和满意人数要一起清空：请在两格都填「%s」，或都填写数字", group, ClearWord)})
			continue
		case resp == nil || sat == nil:
			c := &sh.cols[1]
			if resp != nil {
				c = &sh.cols[2]
			}
			pl.errs = append(pl.errs, CellError{Sheet: sh.name, Cell: rec.cells[c.path], Field: c.short(),
				Message: fmt.Sprintf("未填写（「%s」还没有保存过调查结果，调查人数和满意人数要同时填写）", group)})
			continue
		default:
			if p.Survey == nil {
				p.Survey = county.Survey{}
			}
			p.Survey[group] = []int{resp.(int), sat.(int)}
		}
		now := p.Survey[group]
		if slices.Equal(old, now) {
			pl.plan.Counts.Unchanged += read
			continue
		}
		pl.plan.Changes = append(pl.plan.Changes, Change{Cell: sh.name + "!" + rec.keyAt, Field: "满意度调查「" + group + "」",
			Path: "survey." + group, Old: surveyText(old), New: surveyText(now), Clear: now == nil})
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
		if rec.filled() == 0 {
			continue // the year alone: nothing provided
		}
		i := slices.IndexFunc(p.Finance, func(fy county.FinanceYear) bool { return fy.Year == year })
		var fy county.FinanceYear
		if i >= 0 {
			fy = *clone(&p.Finance[i])
		}
		pl.apply(&fy, rec, ownerFinance(year), i < 0)
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
		pl.diff(&old, &fy, []*record{rec}, "", "", ownerFinance(year))
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
	changedCells := map[string]bool{}
	for _, c := range pl.plan.Changes {
		changedCells[c.Cell] = true
	}
	for _, p := range county.Validate(after) {
		ref, ok := pl.locate(p, after)
		value := strings.TrimSuffix(strings.TrimPrefix(p.Value, "「"), "」")
		owner := ownerSchool(p.SchoolID)
		row, inBook := pl.cells[owner+"\x00id"]
		who := ""
		if p.SchoolID != "" {
			who = schoolLabel(p.SchoolName, p.SchoolID)
		}
		switch {
		case ok && !old[p.String()]:
			// A problem the import brings in: pin it on the cell that
			// changed (students typed in H3 make the largest class of M3
			// too small: the clerk must look at H3 first).
			field := listIndex.ReplaceAllString(p.Field, "")
			msg := "：" + p.Message
			if p.SchoolID != "" && !slices.Contains(pl.changed[owner], field) {
				if cause, found := pl.cause(owner, field); found {
					msg = fmt.Sprintf("%s（%s!%s 的%s为 %s）。请核对这两格，改正填错的一格", msg, ref.sheet, ref.cell, ref.col.short(), value)
					ref, value = cause, ""
					if r := pl.rawAt(cause); r != "" {
						value = r
					}
				}
			}
			pl.errs = append(pl.errs, CellError{School: who, Sheet: ref.sheet, Cell: ref.cell, Field: ref.col.short(), Value: value, Message: msg})
		case ok && changedCells[ref.String()]:
			// saved wrong and typed wrong again
			pl.errs = append(pl.errs, CellError{School: who, Sheet: ref.sheet, Cell: ref.cell, Field: ref.col.short(), Value: value, Message: "：" + p.Message})
		case ok:
			// A problem the file already had, in a value the workbook does
			// not change: it does not block the import, but is said.
			pl.plan.Notes = append(pl.plan.Notes, fmt.Sprintf("数据库中原有的问题（本次导入未改动，请另行改正）：%s", p.String()))
		case p.SchoolID != "" && inBook && !old[p.String()]:
			// The school is in the workbook but the field's column is not:
			// point at the school's row.
			pl.errs = append(pl.errs, CellError{School: who, Sheet: row.sheet, Cell: row.cell, Field: p.Label(),
				Message: p.Message + "（工作簿中没有这一列：请在程序中补填，或在这张表加上这一列并填写）"})
		case p.Field == "schools" && len(after.Schools) == 0:
			// a year being built may have no school yet
		case !old[p.String()]:
			pl.errs = append(pl.errs, CellError{School: who, Message: p.String()})
		}
	}
}

// cause finds the changed cell of a school that a problem on field (whose
// own cell did not change) most likely comes from: a changed field of the
// same stage (students.primary for largest_class.primary) or group.
func (pl *planner) cause(owner, field string) (cellRef, bool) {
	stage := field[strings.LastIndexByte(field, '.')+1:]
	group, _, _ := strings.Cut(field, ".")
	for _, path := range pl.changed[owner] {
		g, _, _ := strings.Cut(path, ".")
		if strings.HasSuffix(path, "."+stage) && stage != field || g == group {
			if r, ok := pl.cells[owner+"\x00"+path]; ok {
				return r, true
			}
		}
	}
	return cellRef{}, false
}

// rawAt is the text typed in a cell of the workbook, "" when unknown.
func (pl *planner) rawAt(ref cellRef) string {
	for _, sr := range pl.imp.schools {
		for _, rec := range append([]*record{sr.basic}, sr.parts...) {
			if rec != nil && rec.sheet.name == ref.sheet && rec.cells[ref.col.path] == ref.cell {
				return rec.raw[ref.col.path]
			}
		}
	}
	return ""
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
	if r, ok := pl.locateLedger(p.Field, after); ok {
		return r, true
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
