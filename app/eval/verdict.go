package eval

import (
	"fmt"

	"junheng/app/format"
	"junheng/app/standard"
)

// verdictBuilder collects the to-do list part by part.
type verdictBuilder struct {
	v     Verdict
	parts map[string]*PartVerdict
}

func newVerdict() *verdictBuilder {
	b := &verdictBuilder{parts: map[string]*PartVerdict{}}
	b.v.Failures, b.v.Missing, b.v.Todo = []string{}, []string{}, []Todo{}
	for _, p := range standard.Parts {
		b.v.Parts = append(b.v.Parts, PartVerdict{Part: p, Name: standard.PartNames[p], Pass: true})
	}
	for i := range b.v.Parts {
		b.parts[b.v.Parts[i].Part] = &b.v.Parts[i]
	}
	return b
}

func (b *verdictBuilder) add(t Todo) {
	pv := b.parts[t.Part]
	pv.Pass = false
	line := t.Part + "：" + t.Text
	if t.Missing {
		pv.Missing++
		b.v.Missing = append(b.v.Missing, line)
	} else {
		pv.Failures++
		b.v.Failures = append(b.v.Failures, line)
	}
	b.v.Todo = append(b.v.Todo, t)
}

// resource adds the failing school parts, missing inputs and failing
// coefficients of a stage.
func (b *verdictBuilder) resource(stage string, st *Stage) {
	if st == nil {
		return
	}
	sn := StageNames[stage]
	for _, sp := range st.Schools {
		for _, code := range sp.Missing {
			b.add(Todo{Part: standard.PartResource, Code: code, Stage: stage, SchoolID: sp.ID, School: sp.Name, Missing: true,
				Text: fmt.Sprintf("%s %s%s 未填报", sp.Name, sn, code)})
		}
		if sp.Pass || len(sp.Missing) > 0 && len(sp.Shortfalls) == 0 {
			continue
		}
		for _, sf := range sp.Shortfalls {
			b.add(Todo{Part: standard.PartResource, Code: sf.Code, Stage: stage, SchoolID: sp.ID, School: sp.Name,
				Text: fmt.Sprintf("%s %s%s 差 %s（现为 %s，达标值 %s，达 %s）", sp.Name, sn, sf.Code, sf.Need,
					format.Value(sf.Value), format.Value(sf.Standard), format.Percent(sf.Ratio))})
		}
	}
	for _, code := range standard.ResourceCodes {
		if st.CVPass[code] {
			continue
		}
		if st.CV[code] == nil {
			b.add(Todo{Part: standard.PartResource, Code: code, Stage: stage, Missing: st.Mean[code] == nil,
				Text: fmt.Sprintf("%s%s 差异系数：%s", sn, code, st.CVNote[code])})
			continue
		}
		b.add(Todo{Part: standard.PartResource, Code: code, Stage: stage,
			Text: fmt.Sprintf("%s%s 差异系数 %s，超过 %s", sn, code, format.CV(*st.CV[code]), format.Number(st.CVLimit, 2))})
	}
}

// item adds a failing or missing county item, one line per gap. Gaps of
// per-school items name their school (Schools[i] is the school of
// Issues[i]; see ItemResult), so the to-do list can group them by school.
func (b *verdictBuilder) item(part string, r *ItemResult, names map[string]string) {
	if r.Pass && !r.Missing {
		return
	}
	if len(r.Issues) == 0 {
		b.add(Todo{Part: part, Code: r.Code, Missing: r.Missing, Text: r.Code + " " + r.Detail})
		return
	}
	perSchool := len(r.Schools) == len(r.Issues)
	for i, is := range r.Issues {
		t := Todo{Part: part, Code: r.Code, Missing: r.Missing && !perSchool, Text: r.Code + " " + is}
		if perSchool {
			t.SchoolID, t.School = r.Schools[i], names[r.Schools[i]]
		}
		b.add(t)
	}
	if r.Missing && perSchool {
		b.add(Todo{Part: part, Code: r.Code, Missing: true, Text: r.Code + " " + r.Detail})
	}
}
