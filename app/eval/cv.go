package eval

import (
	"math"
	"strings"

	"junheng/app/county"
	"junheng/app/standard"
	"junheng/app/wording/counts"
)

// weighted is the enrolment-weighted mean and difference coefficient of one
// indicator over the entering units (standard.md §2.2, population form):
//
//	X̄ = Σ P_i·X_i / P,  S = sqrt(Σ (P_i/P)·(X_i − X̄)²),  CV = S / X̄
type weighted struct {
	mean, cv *float64
	note     string // why cv is nil
}

// coefficient computes X̄ and CV; values[i] not ok means schools[i] lacks data.
func coefficient(values []opt, students []int, schools []*county.School) weighted {
	var missing named
	var total float64
	for i, v := range values {
		if !v.ok {
			missing.add(schools[i])
			continue
		}
		total += float64(students[i])
	}
	if len(missing.names) > 0 {
		return weighted{note: missing.set.String() + "未填报（" + missing.list() + "），无法计算"}
	}
	if total == 0 {
		return weighted{note: "没有参与计算的学生"}
	}
	// Σ (P_i/P)·X_i rather than Σ P_i·X_i / P, and the spread relative to
	// the mean: the same formula, but no partial sum or square can leave the
	// float64 range, so areas at the float limit give a number, not Inf.
	var mean float64
	for i, v := range values {
		mean += float64(students[i]) / total * v.v
	}
	mean = clamp(mean)
	if mean == 0 {
		return weighted{mean: ptr(0), note: "县域均值为 0，差异系数无法计算，按未达标处理"}
	}
	var relVariance float64
	for i, v := range values {
		d := v.v/mean - 1
		relVariance += float64(students[i]) / total * d * d
	}
	cv := math.Sqrt(relVariance)
	if !finite(cv) {
		return weighted{mean: ptr(mean), note: "差异系数无法计算"}
	}
	return weighted{mean: ptr(mean), cv: ptr(cv)}
}

// shortList names at most three of a set of schools, then counts them
// all: 「甲、乙、丙 等 5 所」, 「甲、乙、丙 等 4 所学校、1 个教学点」.
func shortList(names []string, set counts.Set) string {
	if len(names) <= 3 {
		return strings.Join(names, "、")
	}
	return strings.Join(names[:3], "、") + " 等 " + set.Some(set)
}

// stageCoefficients fills Mean, CV, CVPass and CVNote of a stage for the
// given indicators.
func stageCoefficients(units []*unit, inds []indicator, limit float64) (means, cvs map[string]*float64, pass map[string]bool, notes map[string]string) {
	means, cvs, pass, notes = map[string]*float64{}, map[string]*float64{}, map[string]bool{}, map[string]string{}
	students := make([]int, len(units))
	schools := make([]*county.School, len(units))
	for i, u := range units {
		students[i], schools[i] = u.students, u.school
	}
	values := make([]opt, len(units))
	for _, ind := range inds {
		for i, u := range units {
			values[i] = ind.value(u)
		}
		w := coefficient(values, students, schools)
		means[ind.code], cvs[ind.code] = w.mean, w.cv
		pass[ind.code] = w.cv != nil && standard.AtMost(*w.cv, limit)
		if w.note != "" {
			notes[ind.code] = w.note
		}
	}
	return
}
