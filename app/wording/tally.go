// Package wording counts the verdict as the standard counts it and words
// the counts, once, for every output (the dossier, the text report, the
// screens, the workbook): 项 for items of the standard (不适用 counted
// apart), 所 for schools, 个 for 教学点, 处 for problems found at a school.
// A count of zero is never printed.
package wording

import (
	"strings"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/standard"
)

// PartTally is one part of the standard counted in its items.
type PartTally struct {
	Part, Name                 string
	Total, Pass, Fail, Missing int
	// NA are the codes of items that do not apply (counted apart).
	NA []string
	// Failing are the codes of the items that fail, in catalogue order.
	Failing []string
	// Problems are the gaps found at schools under this part (处).
	Problems int
}

// Tally is the whole verdict in the standard's units.
type Tally struct {
	Pass  bool
	Parts []PartTally
	// Problems at schools (处): gaps found at one school or 教学点, and
	// the schools (所) and 教学点 (个) they are found at.
	Problems, ProblemSchools, ProblemPoints int
	// MissingAtSchools are values a school did not report (处).
	MissingAtSchools int
}

var national = standard.National2017()

// Count tallies result r of county file f.
func Count(f *county.File, r *eval.Result) Tally {
	t := Tally{Pass: r.Verdict.Pass}
	for _, part := range standard.Parts {
		t.Parts = append(t.Parts, countPart(part, r))
	}
	types := map[string]string{}
	if f != nil {
		for i := range f.Schools {
			types[f.Schools[i].ID] = f.Schools[i].Type
		}
	}
	seen := map[string]bool{}
	for _, td := range r.Verdict.Todo {
		if td.SchoolID == "" {
			continue
		}
		if td.Missing {
			t.MissingAtSchools++
			continue
		}
		t.Problems++
		for i := range t.Parts {
			if t.Parts[i].Part == td.Part {
				t.Parts[i].Problems++
			}
		}
		if seen[td.SchoolID] {
			continue
		}
		seen[td.SchoolID] = true
		if types[td.SchoolID] == county.TypePoint {
			t.ProblemPoints++
		} else {
			t.ProblemSchools++
		}
	}
	return t
}

// Part is the tally of one part ("R", "G" …); the zero value if absent.
func (t Tally) Part(part string) PartTally {
	for _, p := range t.Parts {
		if p.Part == part {
			return p
		}
	}
	return PartTally{Part: part, Name: standard.PartNames[part]}
}

// Failing is the number of items of the standard that fail, every part.
func (t Tally) Failing() int {
	n := 0
	for _, p := range t.Parts {
		n += p.Fail
	}
	return n
}

// Missing is the number of items of the standard not reported.
func (t Tally) Missing() int {
	n := 0
	for _, p := range t.Parts {
		n += p.Missing
	}
	return n
}

func countPart(part string, r *eval.Result) PartTally {
	p := PartTally{Part: part, Name: standard.PartNames[part]}
	if part == standard.PartResource {
		for _, key := range []string{eval.Primary, eval.Junior} {
			st := r.Stages.Get(key)
			if st == nil {
				continue
			}
			for _, code := range standard.ResourceCodes {
				p.Total++
				switch {
				case st.CVPass[code]:
					p.Pass++
				case st.CV[code] == nil:
					p.Missing++
				default:
					p.Fail++
					p.Failing = append(p.Failing, eval.StageNames[key]+code)
				}
			}
		}
		return p
	}
	for _, code := range CountedItems(codesOf(part)) {
		p.Total++
		pass, missing, na := ItemState(r, code)
		switch {
		case missing:
			p.Missing++
		case na:
			p.NA = append(p.NA, code)
		case pass:
			p.Pass++
		default:
			p.Fail++
			p.Failing = append(p.Failing, code)
		}
	}
	return p
}

func codesOf(part string) []string {
	var out []string
	for _, it := range national.ByPart(part) {
		out = append(out, it.Code)
	}
	return out
}

// CountedItems are the items of a part as the standard counts them: G2's
// four parts G2.1–G2.4 are one item (G2), so 政府保障程度 has 15 items.
func CountedItems(codes []string) []string {
	var out []string
	for _, code := range codes {
		if strings.HasPrefix(code, "G2.") {
			if code == "G2.1" {
				out = append(out, "G2")
			}
			continue
		}
		out = append(out, code)
	}
	return out
}

// ItemState is an item's state for the counts: G2 without its own result
// is the conjunction of its four parts.
func ItemState(r *eval.Result, code string) (pass, missing, na bool) {
	it := r.Items[code]
	if it == nil && code == "G2" {
		pass = true
		for _, p := range []string{"G2.1", "G2.2", "G2.3", "G2.4"} {
			pr := r.Items[p]
			switch {
			case pr == nil || pr.Missing && !pr.Pass:
				missing = true
				pass = false
			case !pr.Pass:
				pass = false
			}
		}
		if !pass && !missing {
			return false, false, false
		}
		return pass, missing && !pass, false
	}
	switch {
	case it == nil || it.Missing && !it.Pass:
		return false, true, false
	case it.NotApplicable:
		return true, false, true
	}
	return it.Pass, false, false
}
