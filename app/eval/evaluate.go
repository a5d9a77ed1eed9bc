package eval

import (
	"junheng/app/county"
	"junheng/app/standard"
)

// Evaluate computes the whole result of a valid county file (see
// county.Decode and county.Validate) under a standard and rule options.
// It never returns NaN or Inf: what cannot be computed is nil with a note.
func Evaluate(f *county.File, std *standard.Standard, opts Options) *Result {
	r := &Result{
		Format:   ResultFormat,
		Year:     f.Year,
		County:   f.County.Name,
		Standard: std.Name,
		Rules:    opts,
		Items:    map[string]*ItemResult{},
	}
	vb := newVerdict()
	for _, stage := range []string{Primary, Junior} {
		units, excluded := selectUnits(f, stage, opts)
		if len(units) == 0 {
			continue // 不适用
		}
		st := resourceStage(units, excluded, stage, std)
		if stage == Primary {
			r.Stages.Primary = st
			r.Legacy.Primary = legacyStage(units, stage, std)
		} else {
			r.Stages.Junior = st
			r.Legacy.Junior = legacyStage(units, stage, std)
		}
		vb.resource(stage, st)
	}

	ie := itemEval{std: std, f: f}
	ie.govItems(r.Items)
	ie.qualityItems(r.Items)
	r.Items["S1"] = ie.surveyItem()
	ie.vetoItems(r.Items)
	r.Finance = financeRows(f.County.Finance)
	ie.financeItems(r.Finance, r.Items)
	names := make(map[string]string, len(f.Schools))
	for _, s := range f.Schools {
		names[s.ID] = s.Name
	}
	for _, part := range []string{standard.PartGov, standard.PartQuality, standard.PartSurvey, standard.PartVeto, standard.PartFinance} {
		for _, it := range std.ByPart(part) {
			if it.Code == "G2.1" || it.Code == "G2.2" || it.Code == "G2.3" || it.Code == "G2.4" {
				continue // reported once, through G2
			}
			if it.Code == "G3" {
				vb.item(part, r.Items["G2"], names)
			}
			vb.item(part, r.Items[it.Code], names)
		}
	}
	r.Verdict = vb.v
	r.Verdict.Pass = len(r.Verdict.Todo) == 0
	return r
}

// resourceStage evaluates R1–R7 of one stage.
func resourceStage(units []*unit, excluded []Excluded, stage string, std *standard.Standard) *Stage {
	st := &Stage{Schools: stageSchools(units, std), Excluded: excluded, CVLimit: std.CVLimit(stage), Standard: map[string]float64{}}
	if st.Excluded == nil {
		st.Excluded = []Excluded{}
	}
	for _, code := range standard.ResourceCodes {
		st.Standard[code] = std.Item(code).Limit(stage)
	}
	st.Mean, st.CV, st.CVPass, st.CVNote = stageCoefficients(units, resourceIndicators, st.CVLimit)
	for _, sp := range st.Schools {
		st.Students = addCount(st.Students, sp.Students)
		if sp.Pass {
			st.Passing++
		}
	}
	return st
}

// Run evaluates under the national standard and the default rules.
func Run(f *county.File) *Result {
	return Evaluate(f, standard.National2017(), DefaultOptions())
}
