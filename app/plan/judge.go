package plan

import (
	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/standard"
)

// Judge evaluates a county year with the engine under the planned
// standard and tells whether it is what a plan must reach (plan.md §3.1):
// every entering part of the schools planned passes §2.1, every R1–R7
// coefficient of both stages passes §2.2, and every planned school passes
// G3. Parts of schools left out of the plan (不纳入规划, 未填报) are not
// asked to pass; they are listed as unresolved instead.
func Judge(f *county.File, std *standard.Standard, o Options, skip map[string]bool) (Summary, *eval.Result) {
	ps := std.Planned(o.Margin, o.AllSeven)
	r := eval.Evaluate(f, ps, o.Rules)
	return summarize(r, skip), r
}

func summarize(r *eval.Result, skip map[string]bool) Summary {
	s := Summary{ResourcePass: true, G3Pass: true, CV: map[string]map[string]float64{}, CVPass: map[string]map[string]bool{}}
	for _, stage := range stages {
		st := r.Stages.Get(stage)
		s.CV[stage] = map[string]float64{}
		s.CVPass[stage] = map[string]bool{}
		if st == nil {
			continue
		}
		for _, sp := range st.Schools {
			if !sp.Pass {
				s.FailingParts++
				if !skip[sp.ID] && !mergedSkipped(sp, skip) {
					s.ResourcePass = false
				}
			}
		}
		for _, code := range standard.ResourceCodes {
			if cv := st.CV[code]; cv != nil {
				s.CV[stage][code] = *cv
			}
			s.CVPass[stage][code] = st.CVPass[code]
			if !st.CVPass[code] {
				s.ResourcePass = false
			}
		}
	}
	if g3 := r.Items["G3"]; g3 != nil {
		for _, id := range g3.Schools {
			s.G3Failing++
			if !skip[id] {
				s.G3Pass = false
			}
		}
	}
	return s
}

func mergedSkipped(sp eval.SchoolPart, skip map[string]bool) bool {
	for _, id := range sp.Merged {
		if skip[id] {
			return true
		}
	}
	return false
}

// Passes is what a plan's "after" must say.
func (s Summary) Passes() bool { return s.ResourcePass && s.G3Pass }
