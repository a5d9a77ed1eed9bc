package county

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"junheng/app/format"
)

// planningPath is the path of the planning block in the county file.
const planningPath = "county.planning"

// ValidatePlanning checks a planning block (plan.md §2) by the one rule
// set of the 达标规划's options: unit costs only of known levers, each
// finite, ≥ 0 and within MaxUnitCost; levers switched off known; the
// margin 0–0.2; the cap on new teachers a whole number ≥ 0; excluded
// schools valid ids and, when isSchool is not nil, schools of the file.
// Validate calls it for the file's block and app/plan's CheckPlanning for
// options from anywhere else, so every way options arrive meets the same
// rules. Each problem names the field and the value and says what to do.
func ValidatePlanning(p *Planning, isSchool func(id string) bool) Problems {
	if p == nil {
		return nil
	}
	var ps Problems
	add := func(field, value, format string, args ...any) {
		ps = append(ps, Problem{Field: planningPath + "." + field, Value: value, Message: fmt.Sprintf(format, args...)})
	}
	keys := make([]string, 0, len(p.Costs))
	for k := range p.Costs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !IsPlanningLever(k) {
			add("costs."+k, "", "没有这项措施：单价只能填 %s，请改正或删除这一项", leverChoices())
			continue
		}
		spec := specIndex[planningPath+".costs."+k]
		if msg := spec.CheckNumber(p.Costs[k]); msg != "" {
			add("costs."+k, finiteText(p.Costs[k]), "%s，请填写以元计的单价", msg)
		}
	}
	for i, k := range p.Off {
		if !IsPlanningLever(k) {
			add(fmt.Sprintf("off[%d]", i), shortQuote(k), "没有这项措施：只能是 %s，请改正或删除这一项", leverChoices())
		}
	}
	if p.MaxNewTeachers != nil {
		if msg := specIndex[planningPath+".max_new_teachers"].CheckNumber(float64(*p.MaxNewTeachers)); msg != "" {
			add("max_new_teachers", itoa(p.MaxNewTeachers), "%s，请填写全县可用的教师编制数（0 或正整数），不限则不填", msg)
		}
	}
	if p.Margin != nil {
		if msg := specIndex[planningPath+".margin"].CheckNumber(*p.Margin); msg != "" {
			add("margin", finiteText(*p.Margin), "预留余量应在 0 到 0.2 之间（即 0%%–20%%），如 0.05，请改正")
		}
	}
	seen := map[string]bool{}
	for i, id := range p.ExcludedSchools {
		field := fmt.Sprintf("excluded_schools[%d]", i)
		switch {
		case CheckID(id, IDMaxLen) != "":
			add(field, shortQuote(id), "%s，请填写学校标识码", CheckID(id, IDMaxLen))
		case seen[id]:
			add(field, shortQuote(id), "这所学校已列过一次，请删除重复的一项")
		case isSchool != nil && !isSchool(id):
			add(field, shortQuote(id), "本学年没有这个标识码的学校，请改为要撤并的学校的标识码或删除这一项")
		}
		seen[id] = true
	}
	return ps
}

// leverChoices lists the lever keys with their Chinese names.
func leverChoices() string {
	names := make([]string, len(PlanningLevers))
	for i, k := range PlanningLevers {
		names[i] = k + "（" + PlanningLeverLabels[k] + "）"
	}
	return strings.Join(names, "、")
}

// finiteText prints a value of a message; NaN and ±Inf, which no clerk
// typed, are named instead of printed.
func finiteText(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "（无效数值）"
	}
	return format.Entered(x)
}
