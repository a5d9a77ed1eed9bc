package xlsx

import (
	"slices"

	"junheng/app/county"
	"junheng/data"
)

// PlanFor plans an import into a school year of a data file. A year the
// file does not hold yet is planned from empty (the workbook must then
// carry the county sheets to create it).
func PlanFor(s *data.Store, imp *Import, year string) (*Plan, error) {
	years, err := s.Years()
	if err != nil {
		return nil, err
	}
	cur := &county.File{Format: county.Format, Year: year}
	if slices.Contains(years, year) {
		if cur, err = s.LoadYear(year); err != nil {
			return nil, err
		}
	}
	return imp.Plan(cur)
}

// Apply saves a plan in one transaction, recorded in the audit trail as
// 导入 Excel「file name」. An empty plan writes nothing.
func Apply(s *data.Store, p *Plan) error {
	if p.Empty() {
		return nil
	}
	return s.ApplyImport(p.Year, p.Schools, p.County, p.Note())
}
