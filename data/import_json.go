package data

import (
	"fmt"

	"junheng/app/county"
)

// ImportOptions choose how a county file is imported.
type ImportOptions struct {
	// Source is the file the county was read from; its base name goes into
	// the history of every value the import sets.
	Source string
	// Replace makes the year hold exactly the file: schools and finance
	// rows the file lacks are deleted and fields it leaves out become 未填报.
	// Without it an import adds and updates only: a school missing from
	// the file, and a field it leaves out, keep their saved values.
	Replace bool
	// OtherCounty confirms importing a file of another county (its name or
	// code differs from the year's) into a year that already holds data.
	OtherCounty bool
}

// SchoolRef names a school in a plan.
type SchoolRef struct{ ID, Name string }

func (r SchoolRef) String() string { return fmt.Sprintf("「%s」（%s）", r.Name, r.ID) }

// ImportPlan is what importing a county file does (PlanImport) or did
// (Import).
type ImportPlan struct {
	Year, County string
	Added        []SchoolRef // schools new to the year
	Updated      []SchoolRef // schools with at least one changed value
	Unchanged    int         // schools of the file that equal the saved ones
	// Removed lists, with Replace, the schools of the year the file lacks:
	// they are deleted. Without Replace they are Kept and only counted.
	Removed []SchoolRef
	Kept    int
	Changes int // values that change (county, finance rows and schools)
	// OtherCounty is set when the file is of another county than the
	// year's saved data; Import refuses it unless confirmed.
	OtherCounty *OtherCountyError
}

// Empty reports whether the import changes nothing.
func (p *ImportPlan) Empty() bool { return p.Changes == 0 && len(p.Removed) == 0 }

// ImportJSON reads a county file (junheng-county/1, strictly decoded and
// validated) into its school year, adding and updating (see Import). It
// returns the school year.
func (s *Store) ImportJSON(data []byte) (string, error) {
	f, err := county.Decode(data)
	if err != nil {
		return "", err
	}
	return f.Year, s.ImportFile(f, "")
}

// ImportFile imports a county file already in memory, adding and updating;
// source is the file it was read from ("" when none).
func (s *Store) ImportFile(f *county.File, source string) error {
	_, err := s.Import(f, ImportOptions{Source: source})
	return err
}

// PlanImport says what Import would do, without writing: the preview of an
// import, and with Replace the list of the schools it would delete.
func (s *Store) PlanImport(f *county.File, o ImportOptions) (*ImportPlan, error) {
	if err := s.opened(); err != nil {
		return nil, err
	}
	if err := checkScale(len(f.Schools)); err != nil {
		return nil, err
	}
	if ps := county.Validate(f); len(ps) > 0 {
		return nil, ps
	}
	st, _, err := loadState(s.db, f.Year)
	if err != nil {
		return nil, dbErr(err)
	}
	return planImport(st, f, o), nil
}

// Import reads a county file (validated first) into its school year in one
// transaction, every changed value audited as imported from o.Source. A
// backup is taken first when the file holds data. A file of another county
// is refused with *OtherCountyError unless o.OtherCounty. It returns what
// was done.
func (s *Store) Import(f *county.File, o ImportOptions) (*ImportPlan, error) {
	if err := checkScale(len(f.Schools)); err != nil {
		return nil, err
	}
	if ps := county.Validate(f); len(ps) > 0 {
		return nil, ps
	}
	if err := s.writable(); err != nil {
		return nil, err
	}
	years, err := s.Years()
	if err != nil {
		return nil, err
	}
	if !o.OtherCounty { // refused before a backup is taken (checked again inside the write)
		ids, err := countyIDs(s.db)
		if err != nil {
			return nil, dbErr(err)
		}
		if e := otherCounty(o.Source, f.Year, ids[f.Year], CountyID{Name: f.County.Name, Code: f.County.Code}); e != nil {
			return nil, e
		}
	}
	if len(years) > 0 { // the file holds the clerk's work: back it up first
		if _, err := s.autoBackup("导入前"); err != nil {
			return nil, fmt.Errorf("导入前备份失败，未导入：%w", err)
		}
	}
	note := "导入"
	if o.Source != "" {
		note += "「" + baseName(o.Source) + "」"
	}
	if o.Replace {
		note += "（替换整个学年）"
	}
	var plan *ImportPlan
	err = s.update("import", note, ImportedFrom(o.Source), func(t *txn) error {
		st, existed, err := loadState(t.tx, f.Year)
		if err != nil {
			return dbErr(err)
		}
		plan = planImport(st, f, o)
		if plan.OtherCounty != nil && !o.OtherCounty {
			return plan.OtherCounty
		}
		if o.Replace || !existed {
			return t.putFile(st, f) // the year becomes f, which is valid
		}
		before, err := st.file()
		if err != nil {
			return err
		}
		if err := t.putProfileMode(st, f.County, true); err != nil {
			return err
		}
		next := nextPos(st, kindSchool)
		for _, sc := range f.Schools {
			pos := next
			if e := st.ents[entKey{kindSchool, sc.ID}]; e != nil && !e.deleted() {
				pos = e.pos
			} else {
				next++
			}
			e, err := t.entity(st, kindSchool, sc.ID, pos)
			if err != nil {
				return err
			}
			if err := t.put(e, flatten(sc, ""), !e.deleted()); err != nil {
				return err
			}
		}
		after, err := st.file()
		if err != nil {
			return err
		}
		return checkChange(before, after)
	})
	if err != nil {
		return nil, err
	}
	return plan, nil
}

// planImport compares a county file with a year as stored.
func planImport(st *yearState, f *county.File, o ImportOptions) *ImportPlan {
	p := &ImportPlan{Year: f.Year, County: f.County.Name}
	if c := st.ents[entKey{kindCounty, ""}]; c != nil {
		p.OtherCounty = otherCounty(o.Source, f.Year, countyOf(c), CountyID{Name: f.County.Name, Code: f.County.Code})
		p.Changes += countChanges(c, flatten(f.County, "finance"), !o.Replace)
	}
	for _, fy := range f.County.Finance {
		e := st.ents[entKey{kindFinance, financeKey(fy.Year)}]
		p.Changes += countChanges(e, flatten(fy, ""), !o.Replace)
	}
	inFile := make(map[string]bool, len(f.Schools))
	for _, sc := range f.Schools {
		inFile[sc.ID] = true
		e := st.ents[entKey{kindSchool, sc.ID}]
		n := countChanges(e, flatten(sc, ""), !o.Replace)
		p.Changes += n
		ref := SchoolRef{ID: sc.ID, Name: sc.Name}
		switch {
		case e == nil || e.deleted():
			p.Added = append(p.Added, ref)
		case n > 0:
			p.Updated = append(p.Updated, ref)
		default:
			p.Unchanged++
		}
	}
	for _, e := range st.live(kindSchool) {
		if inFile[e.key] {
			continue
		}
		if o.Replace {
			name, _ := e.vals["name"].(string)
			p.Removed = append(p.Removed, SchoolRef{ID: e.key, Name: name})
		} else {
			p.Kept++
		}
	}
	return p
}

// countChanges counts the values of want that differ from a stored row
// (nil: a new row); without partial, stored values want lacks count too.
func countChanges(e *entRow, want fields, partial bool) int {
	if e == nil || e.deleted() {
		n := 0
		for _, v := range want {
			if v != nil {
				n++
			}
		}
		return n
	}
	n := 0
	for f, v := range want {
		if old, had := e.vals[f]; had && sameValue(old, v) || !had && v == nil {
			continue
		}
		n++
	}
	if !partial {
		for f, v := range e.vals {
			if _, ok := want[f]; !ok && v != nil && f != deletedField {
				n++
			}
		}
	}
	return n
}
