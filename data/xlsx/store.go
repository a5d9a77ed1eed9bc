package xlsx

import (
	"fmt"
	"slices"

	"junheng/app/county"
)

// YearLoader is the part of a data file planning needs (*data.Store, or a
// GUI session's store).
type YearLoader interface {
	Years() ([]string, error)
	LoadYear(year string) (*county.File, error)
}

// Importer saves a plan in one audited transaction (*data.Store).
type Importer interface {
	// source is the workbook's file name: the history records every change
	// as imported from it (data.Store.ApplyImport).
	ApplyImport(year string, schools []county.School, profile *county.Profile, source string) error
}

// PlanFor plans an import into a school year of a data file. A year the
// file does not hold yet is planned from empty (the workbook must then
// carry the county sheets to create it).
func PlanFor(s YearLoader, imp *Import, year string) (*Plan, error) {
	years, err := s.Years()
	if err != nil {
		return nil, err
	}
	cur := &county.File{Format: county.Format, Year: year}
	switch {
	case slices.Contains(years, year):
		if cur, err = s.LoadYear(year); err != nil {
			return nil, err
		}
	case !imp.county:
		return nil, fmt.Errorf("数据文件中没有 %s 学年。请先建立该学年，或导入含县级数据（「县级基本情况」等表）的工作簿。", year)
	}
	return imp.Plan(cur)
}

// Apply saves a plan in one transaction, recorded in the audit trail as
// 导入 Excel「file name」. An empty plan writes nothing.
//
// A plan adding schools is refused unless p.AddNewSchools confirms them
// (ErrNewSchoolsUnconfirmed): nothing is written then.
func Apply(s Importer, p *Plan) error {
	if p.Empty() {
		return nil
	}
	if p.OtherCounty != nil && !p.AcceptOtherCounty {
		return p.OtherCounty
	}
	if len(p.Magnitudes) > 0 && !p.AcceptMagnitude {
		return &ErrMagnitude{File: p.File, Cases: p.Magnitudes}
	}
	if len(p.NewSchools) > 0 && !p.AddNewSchools {
		return ErrNewSchoolsUnconfirmed{Schools: p.NewSchools}
	}
	return s.ApplyImport(p.Year, p.Schools, p.County, p.File)
}
