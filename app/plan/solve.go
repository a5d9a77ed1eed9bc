package plan

import (
	"junheng/app/county"
	"junheng/app/standard"
)

// solve is the solver; a first version returning the empty plan.
func solve(f *county.File, std *standard.Standard, o Options, progress Progress) (*Plan, error) {
	before, _ := Judge(f, std, o, nil)
	return &Plan{Format: Format, County: f.County.Name, Year: f.Year, Costs: o.Costs, Options: o.Doc(),
		Actions: []Action{}, ByKind: map[string]float64{}, Before: before, After: before, Unresolved: []Unresolved{}}, nil
}
