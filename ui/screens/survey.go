package screens

import (
	"junheng/app/county"
	"junheng/ui/entry"
	w "junheng/ui/widgets"
)

// surveyCount is one count of a survey group: respondents (index 0) or
// satisfied (index 1). Label, unit, hint and bounds are the catalogue's
// for "county.survey.学生[0]" and the like, never the field's path; the
// satisfied count keeps the path "county.survey.学生" that the
// validation's messages name, so that they appear beside it.
func surveyCount(group string, idx int, load func(*prof) string, store func(*prof, string) string) *w.Field[prof] {
	path := "county.survey." + group
	specPath := path + "[" + itoaPlain(idx) + "]"
	own := specPath
	if idx == 1 {
		own = path
	}
	f := w.Custom[prof](own, "", "", "", load, store)
	if sp, ok := county.Spec(specPath); ok {
		f.Spec = &sp
		f.Label, f.Unit = sp.Label, sp.Unit
		if sp.Hint != "" {
			f.Hint = sp.Hint
		}
	}
	f.Check = func(s string) string { _, m := entry.ParseInt(specPath, s); return m }
	return f
}

// newSurvey is 社会认可度: respondents and satisfied per group, and how the
// survey was done (表Ⅵ).
func newSurvey(env *Env) *facts {
	f := &w.Form[prof]{}
	for _, g := range county.SurveyGroups {
		group := g
		f.Section(group)
		f.Add(
			surveyCount(group, 0,
				func(p *prof) string {
					if c, ok := p.Survey[group]; ok && len(c) == 2 {
						return itoaPlain(c[0])
					}
					return ""
				},
				func(p *prof, s string) string {
					n, msg := entry.ParseInt("county.survey."+group+"[0]", s)
					if msg != "" {
						return msg
					}
					if n == nil {
						delete(p.Survey, group)
						return ""
					}
					if p.Survey == nil {
						p.Survey = county.Survey{}
					}
					if c, ok := p.Survey[group]; ok && len(c) == 2 {
						c[0] = *n // the satisfied count stays as stored
					} else {
						p.Survey[group] = []int{*n, -1}
					}
					return ""
				}),
			surveyCount(group, 1,
				func(p *prof) string {
					if c, ok := p.Survey[group]; ok && len(c) == 2 {
						return itoaPlain(c[1])
					}
					return ""
				},
				func(p *prof, s string) string {
					n, msg := entry.ParseInt("county.survey."+group+"[1]", s)
					if msg != "" {
						return msg
					}
					c, ok := p.Survey[group]
					switch {
					case !ok && n != nil:
						return "请先填写调查人数"
					case ok && n == nil:
						return "请填写满意人数"
					case ok:
						c[1] = *n
					}
					return ""
				}),
		)
	}
	// The conduct block is allocated in the copy being saved only when
	// one of its fields was typed in.
	sc := func(p *prof) *county.SurveyConduct { return ensure(&p.SurveyConduct) }
	f.Section("调查组织情况")
	f.Add(
		w.Int[prof]("county.survey_conduct.issued", "", "", func(p *prof) **int { return &sc(p).Issued }),
		w.Int[prof]("county.survey_conduct.valid", "", "", func(p *prof) **int { return &sc(p).Valid }),
		w.Int[prof]("county.survey_conduct.visits", "", "", func(p *prof) **int { return &sc(p).Visits }),
		w.Int[prof]("county.survey_conduct.visits_satisfied", "", "", func(p *prof) **int { return &sc(p).VisitsSatisfied }),
		w.Text[prof]("county.survey_conduct.organizer", "", "", false, func(p *prof) *string { return &sc(p).Organizer }),
	)
	p := newFacts(env, "社会认可度调查", f, []string{"S1"}, nil)
	p.fieldOf = map[string]string{"S1": f.Fields[0].Path} // 整改清单 → the first count
	p.tidy = func(c *prof) {
		if s := c.SurveyConduct; s != nil && s.Issued == nil && s.Valid == nil && s.Visits == nil && s.VisitsSatisfied == nil && s.Organizer == "" {
			c.SurveyConduct = nil
		}
	}
	return p
}
