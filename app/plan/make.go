package plan

import (
	"junheng/app/county"
	"junheng/app/standard"
)

// Progress is told how far a plan has come (0–1); it may be nil.
type Progress func(fraction float64)

// Make plans a county year under the options. The answer is a plan whose
// actions, applied to a copy of f, pass Judge; or an *Infeasible error
// when no plan exists under the options; or another error for invalid
// options. f is not changed.
func Make(f *county.File, std *standard.Standard, o Options, progress Progress) (*Plan, error) {
	return solve(f, std, o, progress)
}
