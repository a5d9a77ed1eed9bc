package session

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"junheng/app/county"
)

// GridNote is how the audit trail names a save of the grid entry.
const GridNote = "批量录入"

// SaveSchools stores changed schools (each a whole record, replacing the
// one of the same id) in ONE audited transaction, then recomputes. The
// store validates the year as it would be and saves nothing on a problem.
func (s *Session) SaveSchools(schools []county.School, note string) error {
	if len(schools) == 0 {
		return nil
	}
	b, ok := s.Store.(BatchImporter)
	if !ok {
		return fmt.Errorf("此文件不支持一次保存多所学校")
	}
	if err := b.ApplyImport(s.Year, schools, nil, note); err != nil {
		return fmt.Errorf("保存失败，未作任何修改：%w", err)
	}
	s.File = withSchools(s.File, schools)
	s.Version++
	s.notify()
	s.Recompute()
	return nil
}

// withSchools is WithSchool for many schools at once (one copy of the list).
func withSchools(f *county.File, schools []county.School) *county.File {
	nf := *f
	nf.Schools = slices.Clone(f.Schools)
	at := make(map[string]int, len(nf.Schools))
	for i := range nf.Schools {
		at[nf.Schools[i].ID] = i
	}
	for _, sc := range schools {
		if i, ok := at[sc.ID]; ok {
			nf.Schools[i] = sc
		} else {
			at[sc.ID] = len(nf.Schools)
			nf.Schools = append(nf.Schools, sc)
		}
	}
	return &nf
}

// Refresh reads the year again from the store and, when it differs from
// what the session holds (another program saved into the same file), takes
// it, tells every page and recomputes. Saves call it first, so that a
// value changed underneath is seen before it is overwritten.
func (s *Session) Refresh() error {
	f, err := s.Store.LoadYear(s.Year)
	if err != nil {
		return fmt.Errorf("读取 %s 学年的数据失败：%w", s.Year, err)
	}
	a, err1 := json.Marshal(f)
	b, err2 := json.Marshal(s.File)
	if err1 == nil && err2 == nil && bytes.Equal(a, b) {
		return nil
	}
	s.File = f
	s.Version++
	s.notify()
	s.Recompute()
	return nil
}
