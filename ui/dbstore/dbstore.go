// Package dbstore adapts the SQLite store of package data to the GUI's
// session interfaces (the method sets differ in small ways: export returns
// a manifest, merge plans are richer, history takes a filter).
package dbstore

import (
	"errors"
	"fmt"
	"slices"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/data"
	"junheng/ui/session"
)

// Opener opens the SQLite data files of package data for the GUI.
type Opener struct{}

func dataSettings(s session.Settings) data.Settings {
	return data.Settings{Office: s.Office, User: s.User, BackupsKept: s.BackupsKept}
}

func (Opener) Open(path string, s session.Settings, mode session.OpenMode) (session.Store, error) {
	st, err := data.Open(path, data.OpenOptions{Settings: dataSettings(s),
		ReadOnly: mode == session.OpenReadOnly, TakeOver: mode == session.OpenTakeOver})
	var locked *data.LockedError
	if errors.As(err, &locked) {
		return nil, &session.LockedError{Message: locked.Error()}
	}
	if err != nil {
		return nil, err
	}
	return Store{st}, nil
}

func (Opener) Create(path string, s session.Settings) (session.Store, error) {
	st, err := data.Create(path, dataSettings(s))
	if err != nil {
		return nil, err
	}
	return Store{st}, nil
}

// Store adapts *data.Store to the GUI's interfaces where they differ.
type Store struct{ *data.Store }

// Open opens a data file for editing (tests and tools).
func Open(path string, s session.Settings) (Store, error) {
	st, err := Opener{}.Open(path, s, session.OpenNormal)
	if err != nil {
		return Store{}, err
	}
	return st.(Store), nil
}

// UseSettings records the new 单位 and 使用人 with the next change.
func (s Store) UseSettings(set session.Settings) {
	s.Store.SetWho(set.Office, set.User, set.BackupsKept)
}

// ImportFrom imports f as brought in from source (a file's path or the
// demo's name), which the history names: 导入「乡镇.json」.
func (s Store) ImportFrom(f *county.File, source string) error { return s.Store.ImportFile(f, source) }

// ImportFile imports f with no source to name (tools and tests; the GUI
// always says where a county came from through ImportFrom).
func (s Store) ImportFile(f *county.File) error { return s.Store.ImportFile(f, "") }

// ExportSchools writes the export to path, replacing a file there: the
// GUI's save dialog asked before it hands over an existing file's name
// (the data layer still refuses a data file, its journal or lock note).
func (s Store) ExportSchools(path string, ids []string) error {
	_, err := s.Store.ExportSchoolsWith(path, ids, data.ExportOptions{Replace: true})
	return err
}

// SaveAs writes the whole file (every year, with its audit trail) to path.
func (s Store) SaveAs(path string) error { return s.ExportSchools(path, nil) }

func (s Store) History(year, schoolID, field string) ([]session.Change, error) {
	cs, err := s.Store.History(data.Filter{Year: year, SchoolID: schoolID, Field: field, Limit: 2000})
	if err != nil {
		return nil, err
	}
	out := make([]session.Change, len(cs))
	for i, c := range cs {
		// Action is the Chinese provenance: 录入, 导入「file」, 合并「file」（原由…）, 删除.
		out[i] = session.Change{When: c.When, Office: c.Office, User: c.User, Action: c.How(), School: c.SchoolName,
			Field: c.Field, Label: c.Label, Old: c.Old, New: c.New}
	}
	return out, nil
}

func (s Store) PlanMerge(path string, o session.MergeOptions) (*session.MergePlan, error) {
	p, err := s.Store.PlanMergeWith(path, data.MergeOptions{OtherCounty: o.OtherCounty})
	var other *data.OtherCountyError
	if errors.As(err, &other) {
		return nil, &session.OtherCountyError{File: path, Year: other.Year,
			Theirs: other.Theirs.String(), Ours: other.Ours.String(), Err: err}
	}
	if err != nil {
		return nil, err
	}
	out := &session.MergePlan{Handle: p, Unchanged: p.Counts[data.RowIdentical], Applied: p.Changes, Values: s.appliedValues(path, p)}
	files := map[string]int{} // new attachments per year: one line, not hundreds of names
	for _, r := range p.Rows {
		switch {
		case r.Status == data.RowNew && r.Kind == "evidence":
			files[r.Year]++
		case r.Status == data.RowNew:
			out.Added = append(out.Added, r.Year+" "+r.What())
		}
	}
	for year, n := range files {
		out.Added = append(out.Added, fmt.Sprintf("%s 佐证材料 %s", year, format.Count(n, "件")))
	}
	slices.Sort(out.Added[len(out.Added)-len(files):])
	for _, c := range p.Conflicts {
		school := c.SchoolName
		if c.Kind != "school" && c.Kind != "county" {
			school = c.Where() // 2023 年度经费, 佐证材料「题名」（G3）
		}
		out.Conflicts = append(out.Conflicts, session.Conflict{Year: c.Year, SchoolID: c.SchoolID, School: school,
			Field: c.Field, Label: c.Label, Ours: c.Ours, Theirs: c.Theirs, OursBy: c.OursBy, TheirsBy: c.TheirsBy})
	}
	return out, nil
}

func (s Store) ApplyMerge(p *session.MergePlan, takeTheirs []bool) error {
	return s.Store.ApplyMerge(p.Handle.(*data.MergePlan), takeTheirs)
}

var (
	_ session.Store         = Store{}
	_ session.Historian     = Store{}
	_ session.Merger        = Store{}
	_ session.Exporter      = Store{}
	_ session.Backuper      = Store{}
	_ session.Importer      = Store{}
	_ session.BatchImporter = Store{}
	_ session.BatchSaver    = Store{}
	_ session.ReadOnlyStore = Store{}
	_ session.SettingsTaker = Store{}
	_ session.Evidence      = Store{}
)
