// Package fakestore is an in-memory session.Store for the GUI tests: it
// keeps each year's county file, records deletes and changes, and plays
// back a prepared merge plan.
package fakestore

import (
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"

	"junheng/app/county"
	"junheng/app/evidence"
	"junheng/ui/session"
)

// Store is an in-memory store. The zero value is not usable: use New.
type Store struct {
	mu      sync.Mutex
	years   map[string]*county.File
	Changes []session.Change
	Deleted []string // ids of deleted schools
	Holder  string

	// Plan is returned by PlanMerge; Applied records the choices of ApplyMerge.
	Plan    *session.MergePlan
	Applied []bool
	// Theirs maps "schoolID/field" to a school as imported, used by
	// ApplyMerge to apply a conflict decided for theirs.
	Theirs map[string]county.School
	// OtherCounty, when set, is PlanMerge's refusal until the clerk
	// confirms (MergeOptions.OtherCounty).
	OtherCounty *session.OtherCountyError

	// Edits records every SaveEvidence; EvidenceErr, when set, is its
	// refusal; ThumbCalls counts Thumbnail.
	Edits       []evidence.Edit
	EvidenceErr error
	ThumbCalls  int
	evidence    *evidenceState
}

// New returns a store holding f (which may be nil).
func New(f *county.File) *Store {
	s := &Store{years: map[string]*county.File{}}
	if f != nil {
		s.years[f.Year] = clone(f)
	}
	return s
}

func clone(f *county.File) *county.File {
	nf := *f
	nf.Schools = slices.Clone(f.Schools)
	nf.County.Finance = slices.Clone(f.County.Finance)
	return &nf
}

var _ session.Store = (*Store)(nil)

func (s *Store) Path() string   { return "" }
func (s *Store) HeldBy() string { return s.Holder }
func (s *Store) Close() error   { return nil }

func (s *Store) Years() ([]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ys []string
	for y := range s.years {
		ys = append(ys, y)
	}
	sort.Strings(ys)
	return ys, nil
}

func (s *Store) LoadYear(year string) (*county.File, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.years[year]
	if !ok {
		return nil, fmt.Errorf("没有 %s 学年", year)
	}
	return clone(f), nil
}

// School returns a stored school, or nil.
func (s *Store) School(year, id string) *county.School {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.years[year]
	if f == nil {
		return nil
	}
	for i := range f.Schools {
		if f.Schools[i].ID == id {
			sc := f.Schools[i]
			return &sc
		}
	}
	return nil
}

func (s *Store) SaveSchool(year string, sc county.School) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.years[year]
	if !ok {
		return fmt.Errorf("没有 %s 学年", year)
	}
	s.Changes = append(s.Changes, session.Change{When: time.Now(), School: sc.Name, Field: "*", New: "保存"})
	for i := range f.Schools {
		if f.Schools[i].ID == sc.ID {
			f.Schools[i] = sc
			return nil
		}
	}
	f.Schools = append(f.Schools, sc)
	return nil
}

func (s *Store) DeleteSchool(year, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.years[year]
	if !ok {
		return fmt.Errorf("没有 %s 学年", year)
	}
	f.Schools = slices.DeleteFunc(f.Schools, func(x county.School) bool { return x.ID == id })
	s.Deleted = append(s.Deleted, id)
	return nil
}

func (s *Store) SaveCounty(year string, p county.Profile) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.years[year]
	if !ok {
		f = &county.File{Format: county.Format, Year: year}
		s.years[year] = f
	}
	f.County = p
	return nil
}

func (s *Store) CopyYear(from, to string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.years[from]
	if !ok {
		return fmt.Errorf("没有 %s 学年", from)
	}
	if _, dup := s.years[to]; dup {
		return fmt.Errorf("%s 学年已存在", to)
	}
	nf := clone(f)
	nf.Year = to
	s.years[to] = nf
	return nil
}

// History returns the recorded changes.
func (s *Store) History(year, schoolID, field string) ([]session.Change, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.Changes), nil
}

// PlanMerge returns the prepared plan, or OtherCounty unless confirmed.
func (s *Store) PlanMerge(path string, o session.MergeOptions) (*session.MergePlan, error) {
	if s.OtherCounty != nil && !o.OtherCounty {
		return nil, s.OtherCounty
	}
	if s.Plan == nil {
		return nil, fmt.Errorf("无法读取 %s", path)
	}
	return s.Plan, nil
}

// ApplyMerge records the choices and, for each conflict decided for theirs,
// stores the imported school of Theirs.
func (s *Store) ApplyMerge(plan *session.MergePlan, takeTheirs []bool) error {
	s.Applied = slices.Clone(takeTheirs)
	for i, c := range plan.Conflicts {
		if takeTheirs[i] {
			if sc, ok := s.Theirs[c.SchoolID+"/"+c.Field]; ok {
				if err := s.SaveSchool(c.Year, sc); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// ApplyImport saves imported schools (replaced by id or appended) and,
// when profile is not nil, the county facts, all at once, and records one
// change per school whose action names the workbook, as data.Store's
// history does (导入 Excel「source」). It creates the year when profile is
// given and the year is missing.
func (s *Store) ApplyImport(year string, schools []county.School, profile *county.Profile, source string) error {
	note := "导入 Excel「" + source + "」"
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.years[year]
	if !ok {
		if profile == nil {
			return fmt.Errorf("没有 %s 学年", year)
		}
		f = &county.File{Format: county.Format, Year: year}
		s.years[year] = f
	}
	for _, sc := range schools {
		if sc.ID == "" {
			return fmt.Errorf("学校「%s」没有标识码", sc.Name)
		}
	}
	if profile != nil {
		f.County = *profile
		s.Changes = append(s.Changes, session.Change{When: time.Now(), Action: note, Field: "county", New: "导入"})
	}
	for _, sc := range schools {
		s.Changes = append(s.Changes, session.Change{When: time.Now(), Action: note, School: sc.Name, Field: "*", New: "导入"})
		if i := slices.IndexFunc(f.Schools, func(x county.School) bool { return x.ID == sc.ID }); i >= 0 {
			f.Schools[i] = sc
		} else {
			f.Schools = append(f.Schools, sc)
		}
	}
	return nil
}

var _ session.BatchImporter = (*Store)(nil)

// SaveSchools saves typed schools (replaced by id or appended) all at
// once and records one change per school with note as its action.
func (s *Store) SaveSchools(year string, schools []county.School, note string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.years[year]
	if !ok {
		return fmt.Errorf("没有 %s 学年", year)
	}
	for _, sc := range schools {
		if sc.ID == "" {
			return fmt.Errorf("学校「%s」没有标识码", sc.Name)
		}
	}
	for _, sc := range schools {
		s.Changes = append(s.Changes, session.Change{When: time.Now(), Action: note, School: sc.Name, Field: "*", New: "录入"})
		if i := slices.IndexFunc(f.Schools, func(x county.School) bool { return x.ID == sc.ID }); i >= 0 {
			f.Schools[i] = sc
		} else {
			f.Schools = append(f.Schools, sc)
		}
	}
	return nil
}

var _ session.BatchSaver = (*Store)(nil)
