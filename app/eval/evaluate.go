package eval

import (
	"junheng/app/county"
	"junheng/app/standard"
)

// Evaluate computes the whole result of a valid county file (see
// county.Decode and county.Validate) under a standard and rule options.
func Evaluate(f *county.File, std *standard.Standard, opts Options) *Result {
	r := &Result{
		Format:   ResultFormat,
		Year:     f.Year,
		County:   f.County.Name,
		Standard: std.Name,
		Rules:    opts,
		Items:    map[string]*ItemResult{},
	}
	return r
}

// Run evaluates under the national standard and the default rules.
func Run(f *county.File) *Result {
	return Evaluate(f, standard.National2017(), DefaultOptions())
}
