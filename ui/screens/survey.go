package screens

import (
	"junheng/app/county"
	w "junheng/ui/widgets"
)

// newSurvey is 社会认可度: respondents and satisfied per group.
func newSurvey(env *Env) *facts {
	f := &w.Form[prof]{}
	for _, g := range county.SurveyGroups {
		group := g
		path := "county.survey." + group
		f.Section(group)
		f.Add(
			w.Custom[prof](path+".respondents", "调查人数", "人", "",
				func(p *prof) string {
					if c, ok := p.Survey[group]; ok && len(c) == 2 {
						return itoaPlain(c[0])
					}
					return ""
				},
				func(p *prof, s string) string {
					n, msg := w.ParseInt(s)
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
			w.Custom[prof](path, "满意人数", "人", "回答「满意」或「比较满意」的人数",
				func(p *prof) string {
					if c, ok := p.Survey[group]; ok && len(c) == 2 {
						return itoaPlain(c[1])
					}
					return ""
				},
				func(p *prof, s string) string {
					n, msg := w.ParseInt(s)
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
	return newFacts(env, "社会认可度调查", f, []string{"S1"}, nil)
}
