package session

import (
	"bytes"
	"encoding/json"
	"fmt"
	"junheng/app/county"
	"junheng/ui/entry"
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
	b, ok := s.Store.(BatchSaver)
	if !ok {
		return fmt.Errorf("此文件不支持一次保存多所学校")
	}
	if err := b.SaveSchools(s.Year, schools, note); err != nil {
		return fmt.Errorf("保存失败，未作任何修改：%w", err)
	}
	nf := *s.File
	nf.Schools = entry.ReplaceSchools(s.File.Schools, schools)
	s.File = &nf
	s.Version++
	s.notify()
	s.Recompute()
	return nil
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
