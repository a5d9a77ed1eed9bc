package main

import (
	"errors"

	"junheng/app/county"
	"junheng/data"
	"junheng/ui/session"
)

// dbOpener opens the SQLite data files of package data for the GUI.
type dbOpener struct{}

func opener() session.Opener { return dbOpener{} }

func dataSettings(s session.Settings) data.Settings {
	return data.Settings{Office: s.Office, User: s.User, BackupsKept: s.BackupsKept}
}

func (dbOpener) Open(path string, s session.Settings, mode session.OpenMode) (session.Store, error) {
	st, err := data.Open(path, data.OpenOptions{Settings: dataSettings(s),
		ReadOnly: mode == session.OpenReadOnly, TakeOver: mode == session.OpenTakeOver})
	var locked *data.LockedError
	if errors.As(err, &locked) {
		return nil, &session.LockedError{Message: locked.Error()}
	}
	if err != nil {
		return nil, err
	}
	return dbStore{st}, nil
}

func (dbOpener) Create(path string, s session.Settings) (session.Store, error) {
	st, err := data.Create(path, dataSettings(s))
	if err != nil {
		return nil, err
	}
	return dbStore{st}, nil
}

// dbStore adapts *data.Store to the GUI's interfaces where they differ.
type dbStore struct{ *data.Store }

func (s dbStore) ImportFile(f *county.File) error { return s.Store.ImportFile(f, "新建") }

func (s dbStore) ExportSchools(path string, ids []string) error {
	_, err := s.Store.ExportSchools(path, ids)
	return err
}

// SaveAs writes the whole file (every year, with its audit trail) to path.
func (s dbStore) SaveAs(path string) error { return s.ExportSchools(path, nil) }

func (s dbStore) History(year, schoolID, field string) ([]session.Change, error) {
	cs, err := s.Store.History(data.Filter{Year: year, SchoolID: schoolID, Field: field, Limit: 2000})
	if err != nil {
		return nil, err
	}
	out := make([]session.Change, len(cs))
	for i, c := range cs {
		out[i] = session.Change{When: c.When, User: c.User, Action: c.Action, School: c.SchoolName,
			Field: c.Field, Label: c.Label, Old: c.Old, New: c.New}
	}
	return out, nil
}

func (s dbStore) PlanMerge(path string) (*session.MergePlan, error) {
	p, err := s.Store.PlanMerge(path)
	if err != nil {
		return nil, err
	}
	out := &session.MergePlan{Handle: p, Unchanged: p.Counts[data.RowIdentical], Applied: p.Changes}
	for _, r := range p.Rows {
		if r.Status == data.RowNew {
			out.Added = append(out.Added, r.Year+" "+r.Name)
		}
	}
	for _, c := range p.Conflicts {
		out.Conflicts = append(out.Conflicts, session.Conflict{Year: c.Year, SchoolID: c.SchoolID, School: c.SchoolName,
			Field: c.Field, Label: c.Label, Ours: c.Ours, Theirs: c.Theirs, OursBy: c.OursBy, TheirsBy: c.TheirsBy})
	}
	return out, nil
}

func (s dbStore) ApplyMerge(p *session.MergePlan, takeTheirs []bool) error {
	return s.Store.ApplyMerge(p.Handle.(*data.MergePlan), takeTheirs)
}

var (
	_ session.Store         = dbStore{}
	_ session.Historian     = dbStore{}
	_ session.Merger        = dbStore{}
	_ session.Exporter      = dbStore{}
	_ session.Backuper      = dbStore{}
	_ session.Importer      = dbStore{}
	_ session.ReadOnlyStore = dbStore{}
)
