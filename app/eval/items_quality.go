package eval

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/app/standard"
	"junheng/app/wording/counts"
)

// qualityItems computes Q1–Q9.
func (e itemEval) qualityItems(out map[string]*ItemResult) {
	q := &e.f.County.Quality
	if q.Q1 == nil {
		out["Q1"] = e.missing("Q1", "未填报初中三年巩固率的人数")
	} else {
		out["Q1"], _ = e.ratio("Q1", q.Q1.CohortRetained, q.Q1.CohortEntry, e.std.Item("Q1").Primary, "初中三年巩固")
		out["Q1"].Evidence = q.Q1.Evidence
	}
	if q.Q2 == nil {
		out["Q2"] = e.missing("Q2", "未填报残疾儿童少年入学人数")
	} else {
		out["Q2"], _ = e.ratio("Q2", q.Q2.Enrolled, q.Q2.Eligible, e.std.Item("Q2").Primary, "残疾儿童少年入学")
		out["Q2"].Evidence = q.Q2.Evidence
	}
	out["Q3"] = e.perSchool("Q3", "章程或信息化情况", func(s *county.School) (schoolState, []string) {
		if !compulsorySchool(s) {
			return notApplicable, nil
		}
		if s.Charter == nil || s.Informatized == nil {
			return notEntered, nil
		}
		var gaps []string
		if !*s.Charter {
			gaps = append(gaps, "无学校章程")
		}
		if !*s.Informatized {
			gaps = append(gaps, "未实现管理与教学信息化")
		}
		if len(gaps) == 0 {
			return checked, nil
		}
		return checked, []string{strings.Join(gaps, "，")}
	})
	limitQ4 := e.std.Item("Q4").Primary
	out["Q4"] = e.perSchool("Q4", "公用经费预算或培训经费", func(s *county.School) (schoolState, []string) {
		if !compulsorySchool(s) {
			return notApplicable, nil
		}
		if s.PublicFundsBudget == nil || s.TrainingFunds == nil {
			return notEntered, nil
		}
		need := limitQ4 * *s.PublicFundsBudget
		if standard.AtLeast(*s.TrainingFunds, need) {
			return checked, nil
		}
		share := 0.0
		if *s.PublicFundsBudget > 0 {
			share = *s.TrainingFunds / *s.PublicFundsBudget
		}
		return checked, []string{fmt.Sprintf("培训经费 %s 元，占公用经费预算 %s，应不低于 %s 元（%s），差 %s 元",
			format.Number(*s.TrainingFunds, 0), format.Percent(share), format.Number(need, 0), format.Percent(limitQ4),
			format.Number(math.Ceil(need-*s.TrainingFunds), 0))}
	})
	out["Q5"] = e.yesNo("Q5", q.Q5)
	good := county.MoralRatings[:2] // 优秀, 良好
	out["Q6"] = e.perSchool("Q6", "德育与校园文化评价", func(s *county.School) (schoolState, []string) {
		if !compulsorySchool(s) {
			return notApplicable, nil
		}
		if s.MoralRating == nil {
			return notEntered, nil
		}
		if slices.Contains(good, *s.MoralRating) {
			return checked, nil
		}
		return checked, []string{"德育与校园文化评价为「" + *s.MoralRating + "」，应达到良好以上"}
	})
	out["Q7"] = e.yesNo("Q7", q.Q7)
	out["Q8"] = e.yesNo("Q8", q.Q8)
	out["Q9"] = e.q9()
}

// schoolState is what a per-school check found for one school. The three
// states are exclusive by construction, so no input can bring a check into
// a combination the helper does not know (a school with no entrants this
// year once made G13 report "entered but not applicable" and panic).
type schoolState int

const (
	// notApplicable: the item does not concern the school (or there is
	// nothing to check this year); it is neither counted nor listed.
	notApplicable schoolState = iota
	// notEntered: the school's inputs of the item are 未填报.
	notEntered
	// checked: the school was decided; its gaps (none = met) follow.
	checked
)

// schoolCheck decides one school for a per-school item: its state and, when
// checked, its gaps, one sentence each (a combined school may fail in both
// stages).
type schoolCheck func(s *county.School) (schoolState, []string)

// perSchool decides an item that every school it applies to must meet. It
// is the one rule of every per-school item: each failing school is listed
// once in Schools with all its gaps in one Issues entry, and the detail
// counts schools, not gaps.
func (e itemEval) perSchool(code, what string, check schoolCheck) *ItemResult {
	r := e.item(code)
	var missing named
	var decided, failing counts.Set
	for i := range e.f.Schools {
		s := &e.f.Schools[i]
		state, gaps := check(s)
		switch state {
		case notEntered:
			missing.add(s)
		case checked:
			decided.Add(s.Type == county.TypePoint)
			if r.failSchool(s, gaps...) {
				failing.Add(s.Type == county.TypePoint)
			}
		}
	}
	r.finishSchools(decided, failing, missing, what)
	return r
}

func (e itemEval) q9() *ItemResult {
	q := e.f.County.Quality.Q9
	if q == nil || q.LevelIIIOrAbove == nil || q.DifferenceRate == nil {
		return e.missing("Q9", "未填报国家义务教育质量监测结果")
	}
	limit := e.std.Item("Q9").Primary
	r := e.item("Q9")
	r.Evidence = q.Evidence
	r.Value = ptr(*q.DifferenceRate)
	rateOK := standard.Meets(*q.DifferenceRate, limit, standard.LT)
	r.Pass = *q.LevelIIIOrAbove && rateOK
	r.Detail = fmt.Sprintf("学业水平%s达到Ⅲ级以上；校际差异率 %s（标准 < %s）",
		map[bool]string{true: "", false: "未"}[*q.LevelIIIOrAbove], format.Number(*q.DifferenceRate, 2), format.Number(limit, 2))
	if !*q.LevelIIIOrAbove {
		r.Issues = append(r.Issues, "相关科目学业水平未达到Ⅲ级以上")
	}
	if !rateOK {
		r.Issues = append(r.Issues, "校际差异率未低于 "+format.Number(limit, 2))
	}
	return r
}

// surveyItem computes S1 over every group surveyed.
func (e itemEval) surveyItem() *ItemResult {
	sv := e.f.County.Survey
	if len(sv) == 0 {
		return e.missing("S1", "未填报社会认可度调查")
	}
	limit := e.std.Item("S1").Primary
	var asked, satisfied float64 // float64: counts near the int limit must not wrap
	var parts, absent []string
	for _, g := range county.SurveyGroups {
		c, ok := sv[g]
		if !ok {
			absent = append(absent, g)
			continue
		}
		asked += float64(c[0])
		satisfied += float64(c[1])
		if c[0] > 0 {
			parts = append(parts, fmt.Sprintf("%s %s", g, format.Percent(float64(c[1])/float64(c[0]))))
		}
	}
	if asked == 0 {
		return e.missing("S1", "调查人数为 0")
	}
	r := e.item("S1")
	rate := satisfied / asked
	r.Value = ptr(rate)
	r.Pass = standard.AtLeast(rate, limit)
	r.Detail = fmt.Sprintf("满意 %s / 调查 %s = %s（标准 ≥ %s）；%s", format.Number(satisfied, 0), format.Number(asked, 0),
		format.Percent(rate), format.Percent(limit), strings.Join(parts, "，"))
	if len(absent) > 0 {
		r.Detail += "；未调查：" + strings.Join(absent, "、")
	}
	return r
}

// vetoItems computes V1–V7: an event that happened fails the county.
func (e itemEval) vetoItems(out map[string]*ItemResult) {
	for _, it := range e.std.ByPart(standard.PartVeto) {
		v := e.f.County.Veto.Get(it.Code)
		if v == nil {
			out[it.Code] = e.missing(it.Code, "未填报（是否存在）")
			continue
		}
		r := e.item(it.Code)
		r.Pass = !*v
		r.Detail = map[bool]string{true: "存在", false: "不存在"}[*v]
		out[it.Code] = r
	}
}
