package eval

import (
	"fmt"
	"strings"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/app/standard"
)

// itemEval builds item results against one catalogue.
type itemEval struct {
	std *standard.Standard
	f   *county.File
}

func (e itemEval) item(code string) *ItemResult {
	it := e.std.Item(code)
	return &ItemResult{Code: code, Name: it.Name}
}

func (e itemEval) missing(code, detail string) *ItemResult {
	r := e.item(code)
	r.Missing, r.Detail = true, detail
	return r
}

// yesNo decides an item from a clerk's yes/no fact with its evidence.
func (e itemEval) yesNo(code string, fact *county.YesNo) *ItemResult {
	if fact == nil || fact.OK == nil {
		return e.missing(code, "未填报（是/否）")
	}
	r := e.item(code)
	r.Pass, r.Evidence = *fact.OK, fact.Evidence
	r.Detail = map[bool]string{true: "是", false: "否"}[*fact.OK]
	return r
}

// ratio decides "num / den ≥ limit" from two county counts. It returns the
// rate (nil when missing) so callers can add conditions.
func (e itemEval) ratio(code string, num, den *int, limit float64, what string) (*ItemResult, *float64) {
	if num == nil || den == nil {
		return e.missing(code, "未填报"+what+"的人数"), nil
	}
	if *den == 0 {
		return e.missing(code, what+"的基数为 0，比例无法计算"), nil
	}
	rate := float64(*num) / float64(*den)
	r := e.item(code)
	r.Value = ptr(rate)
	r.Pass = standard.AtLeast(rate, limit)
	r.Detail = fmt.Sprintf("%s %s / %s = %s（标准 ≥ %s）", what, format.Int(*num), format.Int(*den), format.Percent(rate), format.Percent(limit))
	return r, r.Value
}

// failSchool records a failing school with its gaps as ONE entry: a school
// failing in two stages (or on two counts) is listed and counted once, its
// reasons joined. No gaps records nothing (the school met the item).
func (r *ItemResult) failSchool(s *county.School, gaps ...string) {
	if len(gaps) == 0 {
		return
	}
	r.Schools = append(r.Schools, s.ID)
	gap := gaps[0]
	if len(gaps) > 1 {
		gap = strings.Join(gaps, "；")
	}
	r.Issues = append(r.Issues, s.Name+"："+gap)
}

// finishSchools sets the verdict of a per-school item from the schools it
// decided (checked), those lacking data (missing) and the failing schools
// recorded by failSchool.
func (r *ItemResult) finishSchools(checked int, missing []string, what string) {
	failing := len(r.Schools)
	switch {
	case len(missing) > 0:
		r.Missing = true
		r.Detail = fmt.Sprintf("%d 所学校未填报%s：%s", len(missing), what, shortList(missing))
	case checked == 0:
		r.NotApplicable, r.Pass = true, true
		r.Detail = "县域内无适用学校"
	case failing == 0:
		r.Pass = true
		r.Detail = fmt.Sprintf("%d 所学校全部达标", checked)
	default:
		r.Detail = fmt.Sprintf("%d 所学校中 %d 所未达标", checked, failing)
	}
	if failing > 0 && r.Missing {
		r.Detail += fmt.Sprintf("；另有 %d 所未达标", failing)
	}
}

// compulsorySchool: 小学, 初中 and the combined schools, the "所有小学、初中"
// of G3–G5 and Q3–Q6. 教学点 are managed by their central school and
// 特殊教育学校 have their own standard.
func compulsorySchool(s *county.School) bool {
	switch s.Type {
	case county.TypePoint, county.TypeSpecial:
		return false
	}
	return true
}
