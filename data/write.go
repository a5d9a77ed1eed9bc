package data

import (
	"fmt"

	"junheng/app/county"
)

// Years lists the school years held, oldest first.
func (s *Store) Years() ([]string, error) {
	if err := s.opened(); err != nil {
		return nil, err
	}
	rows, err := s.db.Query(`SELECT year FROM year ORDER BY year`)
	if err != nil {
		return nil, dbErr(err)
	}
	defer rows.Close()
	var ys []string
	for rows.Next() {
		var y string
		if err := rows.Scan(&y); err != nil {
			return nil, dbErr(err)
		}
		ys = append(ys, y)
	}
	return ys, rows.Err()
}

// LoadYear returns the county file of a school year, schools in their
// stored order (the order of the imported JSON, new schools last).
func (s *Store) LoadYear(year string) (*county.File, error) {
	if err := s.opened(); err != nil {
		return nil, err
	}
	st, ok, err := loadState(s.db, year)
	if err != nil {
		return nil, dbErr(err)
	}
	if !ok {
		return nil, fmt.Errorf("文件中没有 %s 学年的数据", year)
	}
	return st.file()
}

// checkChange validates the year as it would be after a change, with the
// rules of county.Validate. Only problems the change introduces block it
// (a year being built may still lack schools), and they come back as
// county.Problems naming school, field and value.
func checkChange(before, after *county.File) error {
	old := map[string]bool{}
	for _, p := range county.Validate(before) {
		old[p.String()] = true
	}
	var fresh county.Problems
	for _, p := range county.Validate(after) {
		if p.Field == "schools" && len(after.Schools) == 0 {
			continue // an empty year is allowed while the clerk fills it
		}
		if !old[p.String()] {
			fresh = append(fresh, p)
		}
	}
	if len(fresh) > 0 {
		return fresh
	}
	return nil
}

// SaveSchool inserts or updates a school (by its id) in an existing year.
// The whole year is validated as it would be after the save; a problem
// returns county.Problems and saves nothing.
func (s *Store) SaveSchool(year string, sc county.School) error {
	return s.update("save", "保存学校「"+sc.Name+"」", Typed(), func(t *txn) error {
		st, ok, err := loadState(t.tx, year)
		if err != nil {
			return dbErr(err)
		}
		if !ok {
			return fmt.Errorf("文件中没有 %s 学年，请先建立该学年", year)
		}
		before, err := st.file()
		if err != nil {
			return err
		}
		after := *before
		after.Schools = nil
		pos, found := 0, false
		for _, x := range before.Schools {
			if x.ID == sc.ID {
				x, found = sc, true
			}
			after.Schools = append(after.Schools, x)
		}
		if !found {
			after.Schools = append(after.Schools, sc)
		}
		if err := checkChange(before, &after); err != nil {
			return err
		}
		if sc.ID == "" {
			return county.Problems{{SchoolName: sc.Name, Field: "id", Message: "学校标识码不能为空"}}
		}
		e := st.ents[entKey{kindSchool, sc.ID}]
		if e != nil && !e.deleted() {
			pos = e.pos
		} else {
			pos = nextPos(st, kindSchool)
		}
		e, err = t.entity(st, kindSchool, sc.ID, pos)
		if err != nil {
			return err
		}
		return t.put(e, flatten(sc, ""), false)
	})
}

func nextPos(st *yearState, kind string) int {
	n := 0
	for _, e := range st.ents {
		if e.kind == kind && e.pos >= n {
			n = e.pos + 1
		}
	}
	return n
}

// DeleteSchool removes a school from a year. The deletion is recorded in
// the audit trail (field _deleted) and its values stay in the file, so the
// change can be traced and merged; a school re-added with the same id comes
// back with the values it is saved with.
func (s *Store) DeleteSchool(year, id string) error {
	return s.update("delete", "删除学校「"+id+"」", Typed(), func(t *txn) error {
		st, ok, err := loadState(t.tx, year)
		if err != nil {
			return dbErr(err)
		}
		e := st.ents[entKey{kindSchool, id}]
		if !ok || e == nil || e.deleted() {
			return fmt.Errorf("%s 学年中没有标识码为「%s」的学校", year, id)
		}
		before, err := st.file()
		if err != nil {
			return err
		}
		after := *before
		after.Schools = nil
		for _, x := range before.Schools {
			if x.ID != id {
				after.Schools = append(after.Schools, x)
			}
		}
		if err := checkChange(before, &after); err != nil {
			return err
		}
		return t.put(e, fields{deletedField: int64(1)}, true)
	})
}

// SaveCounty replaces the county profile of a year, its finance rows
// included, creating the year when it does not exist yet.
func (s *Store) SaveCounty(year string, p county.Profile) error {
	return s.update("save", "保存县级数据", Typed(), func(t *txn) error {
		st, _, err := loadState(t.tx, year)
		if err != nil {
			return dbErr(err)
		}
		before, err := st.file()
		if err != nil {
			return err
		}
		after := *before
		after.County = p
		if err := checkChange(before, &after); err != nil {
			return err
		}
		if err := checkYear(year); err != nil {
			return err
		}
		return t.putProfile(st, p)
	})
}

// checkYear refuses a malformed school year before a year row is created.
func checkYear(year string) error {
	f := county.File{Format: county.Format, Year: year, County: county.Profile{Name: "-"}}
	for _, p := range county.Validate(&f) {
		if p.Field == "year" {
			return county.Problems{p}
		}
	}
	return nil
}

// putProfile stores the county entity and its finance rows, replacing
// them (finance rows p lacks are deleted).
func (t *txn) putProfile(st *yearState, p county.Profile) error {
	return t.putProfileMode(st, p, false)
}

// putProfileMode stores the county entity and its finance rows; with
// partial (an import that adds and updates) fields and finance rows p
// leaves out keep their saved values.
func (t *txn) putProfileMode(st *yearState, p county.Profile, partial bool) error {
	if err := t.ensureYear(st.year); err != nil {
		return err
	}
	c, err := t.entity(st, kindCounty, "", 0)
	if err != nil {
		return err
	}
	if err := t.put(c, flatten(p, "finance"), partial); err != nil {
		return err
	}
	keep := map[string]bool{}
	for i, fy := range p.Finance {
		key := financeKey(fy.Year)
		keep[key] = true
		pos := i
		if old := st.ents[entKey{kindFinance, key}]; partial && old != nil && !old.deleted() {
			pos = old.pos
		}
		e, err := t.entity(st, kindFinance, key, pos)
		if err != nil {
			return err
		}
		if err := t.put(e, flatten(fy, ""), partial && !e.deleted()); err != nil {
			return err
		}
	}
	if partial {
		return nil
	}
	return t.dropOthers(st, kindFinance, keep)
}

// dropOthers tombstones the live entities of a kind not in keep.
func (t *txn) dropOthers(st *yearState, kind string, keep map[string]bool) error {
	for _, e := range st.live(kind) {
		if !keep[e.key] {
			if err := t.put(e, fields{deletedField: int64(1)}, true); err != nil {
				return err
			}
		}
	}
	return nil
}

// putFile makes a year hold exactly f: changed values are written and
// audited, schools and finance rows missing from f are deleted.
func (t *txn) putFile(st *yearState, f *county.File) error {
	if err := t.putProfile(st, f.County); err != nil {
		return err
	}
	keep := map[string]bool{}
	for i, sc := range f.Schools {
		keep[sc.ID] = true
		e, err := t.entity(st, kindSchool, sc.ID, i)
		if err != nil {
			return err
		}
		if err := t.put(e, flatten(sc, ""), false); err != nil {
			return err
		}
	}
	return t.dropOthers(st, kindSchool, keep)
}

// CopyYear starts a new school year as a copy of another: every school and
// county fact is copied (with new row ids) and recorded as set by the copy.
func (s *Store) CopyYear(from, to string) error {
	if err := checkYear(to); err != nil {
		return err
	}
	return s.update("copy", "由 "+from+" 学年复制为 "+to+" 学年", Provenance{Kind: SourceCopied}, func(t *txn) error {
		src, ok, err := loadState(t.tx, from)
		if err != nil {
			return dbErr(err)
		}
		if !ok {
			return fmt.Errorf("文件中没有 %s 学年的数据", from)
		}
		dst, exists, err := loadState(t.tx, to)
		if err != nil {
			return dbErr(err)
		}
		if exists {
			return fmt.Errorf("%s 学年已存在，不能覆盖", to)
		}
		f, err := src.file()
		if err != nil {
			return err
		}
		f.Year = to
		return t.putFile(dst, f)
	})
}

// ExportJSON writes a school year as a county file (junheng-county/1). A
// year that does not pass county.Validate (a year still being filled) is
// refused with the problems, since the JSON is the exchange contract.
func (s *Store) ExportJSON(year string) ([]byte, error) {
	f, err := s.LoadYear(year)
	if err != nil {
		return nil, err
	}
	if ps := county.Validate(f); len(ps) > 0 {
		return nil, ps
	}
	return county.Encode(f)
}
