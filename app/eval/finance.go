package eval

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/app/standard"
)

// Finance series keys of 表Ⅴ, in table order. per_student_expenditure is
// computed: public_edu_expenditure (万元) × 10,000 / students.
var FinanceSeries = []string{
	"recurrent_revenue", "edu_appropriation", "public_edu_expenditure", "fiscal_expenditure", "students",
	"per_student_expenditure", "per_student_operating.primary", "per_student_operating.junior",
	"per_student_public_funds.primary", "per_student_public_funds.junior", "staff_avg_salary",
	"edu_surcharge_levied", "edu_surcharge_allocated",
}

// FinanceSeriesNames names each series in Chinese with its unit, as 表Ⅴ
// prints it: the field catalogue's own titles (one name for a field on the
// form, in the workbook and in the dossier), and for the one computed
// series its name.
var FinanceSeriesNames = financeSeriesNames()

func financeSeriesNames() map[string]string {
	names := map[string]string{"per_student_expenditure": "生均一般公共预算教育支出（元）"}
	for _, key := range FinanceSeries {
		if spec, ok := county.Spec("county.finance." + key); ok {
			names[key] = spec.Title()
		}
	}
	return names
}

// FinanceDecimals is how many decimals a series prints with: head counts
// are whole, money has two.
func FinanceDecimals(key string) int {
	if key == "students" {
		return 0
	}
	return 2
}

func financeValues(fy *county.FinanceYear) map[string]*float64 {
	v := map[string]*float64{
		"recurrent_revenue": copyOf(fy.RecurrentRevenue), "edu_appropriation": copyOf(fy.EduAppropriation),
		"public_edu_expenditure": copyOf(fy.PublicEduExpenditure), "fiscal_expenditure": copyOf(fy.FiscalExpenditure),
		"students":                      fromInt(fy.Students),
		"per_student_operating.primary": copyOf(fy.PerStudentOperating.Primary), "per_student_operating.junior": copyOf(fy.PerStudentOperating.Junior),
		"per_student_public_funds.primary": copyOf(fy.PerStudentPublicFunds.Primary), "per_student_public_funds.junior": copyOf(fy.PerStudentPublicFunds.Junior),
		"staff_avg_salary": copyOf(fy.StaffAvgSalary), "edu_surcharge_levied": copyOf(fy.EduSurchargeLevied),
		"edu_surcharge_allocated": copyOf(fy.EduSurchargeAllocated),
	}
	if fy.PublicEduExpenditure != nil && fy.Students != nil && *fy.Students > 0 {
		v["per_student_expenditure"] = ptr(*fy.PublicEduExpenditure * 10000 / float64(*fy.Students))
	} else {
		v["per_student_expenditure"] = nil
	}
	return v
}

// financeRows builds 表Ⅴ: values and growth over the previous calendar year.
func financeRows(list []county.FinanceYear) []FinanceRow {
	sorted := make([]county.FinanceYear, len(list))
	copy(sorted, list)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Year < sorted[j].Year })
	rows := make([]FinanceRow, len(sorted))
	byYear := map[int]map[string]*float64{}
	for i := range sorted {
		rows[i] = FinanceRow{Year: sorted[i].Year, Values: financeValues(&sorted[i]), Growth: map[string]*float64{}, Notes: map[string]string{}}
		byYear[sorted[i].Year] = rows[i].Values
	}
	for i := range rows {
		prev, hasPrev := byYear[rows[i].Year-1]
		for _, k := range FinanceSeries {
			cur := rows[i].Values[k]
			switch {
			case !hasPrev:
				rows[i].Notes[k] = "无上年数据"
			case cur == nil:
				rows[i].Notes[k] = "未填报"
			case prev[k] == nil:
				rows[i].Notes[k] = "上年未填报"
			case *prev[k] == 0:
				rows[i].Notes[k] = "上年为 0，无法计算增长率"
			default:
				rows[i].Growth[k] = ptr((*cur - *prev[k]) / *prev[k]) // a denormal base year saturates (ptr)
				continue
			}
			rows[i].Growth[k] = nil
		}
	}
	return rows
}

// growth words a rate for sentences: "−40.17%", "7.68%".
func growth(x float64) string { return strings.TrimPrefix(format.SignedPercent(x), "+") }

// financeItems computes F1–F6 from the rows. The first year listed is the
// base year; every later year is checked against the year before it, and a
// year whose previous year is missing is 无上年数据 (not a pass).
func (e itemEval) financeItems(rows []FinanceRow, out map[string]*ItemResult) {
	codes := []string{"F1", "F2", "F3", "F4", "F5", "F6"}
	if len(rows) < 2 {
		for _, c := range codes[:5] {
			out[c] = e.missing(c, "至少需要连续两个年度的经费数据")
		}
	} else {
		for _, c := range codes[:5] {
			out[c] = e.item(c)
		}
		for i, row := range rows[1:] {
			prev := rows[i]
			y := row.Year
			add := func(code string, ch Check) { out[code].Checks = append(out[code].Checks, ch) }
			add("F1", e.f1(row))
			add("F2", positiveGrowth(row, "per_student_operating.primary", "小学生均教育事业费"))
			add("F2", positiveGrowth(row, "per_student_operating.junior", "初中生均教育事业费"))
			add("F3", positiveGrowth(row, "staff_avg_salary", "教职工年平均工资"))
			add("F3", positiveGrowth(row, "per_student_public_funds.primary", "小学生均公用经费"))
			add("F3", positiveGrowth(row, "per_student_public_funds.junior", "初中生均公用经费"))
			add("F4", notDecreasing(y, prev, row, "public_edu_expenditure", "一般公共预算教育支出", 2, "万元"))
			add("F5", notDecreasing(y, prev, row, "per_student_expenditure", "生均一般公共预算教育支出", 2, "元"))
		}
	}
	f6 := e.item("F6")
	for _, row := range rows {
		f6.Checks = append(f6.Checks, surchargeCheck(row))
	}
	if len(rows) == 0 {
		f6 = e.missing("F6", "未填报教育费附加")
	}
	out["F6"] = f6
	for _, c := range codes {
		finishChecks(out[c])
	}
}

// finishChecks sets pass/missing of a funding item from its yearly checks.
func finishChecks(r *ItemResult) {
	if r.Missing {
		return
	}
	r.Pass = true
	var failed, missing int
	for _, ch := range r.Checks {
		switch {
		case ch.Missing:
			missing++
			r.Issues = append(r.Issues, ch.Text)
		case !ch.Pass:
			failed++
			r.Issues = append(r.Issues, ch.Text)
		}
	}
	r.Pass = failed == 0 && missing == 0
	r.Missing = missing > 0
	switch {
	case failed > 0:
		r.Detail = fmt.Sprintf("%d 项年度比较未达标", failed)
	case missing > 0:
		r.Detail = fmt.Sprintf("%d 项年度比较缺少数据", missing)
	default:
		r.Detail = fmt.Sprintf("%d 项年度比较全部达标", len(r.Checks))
	}
}

// unknownGrowth returns a missing check when the row has no growth for key.
func unknownGrowth(row FinanceRow, key, what, label string) (Check, bool) {
	if row.Growth[key] != nil {
		return Check{}, false
	}
	return Check{Year: row.Year, Label: label, Missing: true,
		Text: fmt.Sprintf("%d年%s增长率：%s", row.Year, what, row.Notes[key])}, true
}

// f1: g(义务教育拨款) > g(财政经常性收入), margin in percentage points.
func (e itemEval) f1(row FinanceRow) Check {
	for _, k := range []string{"edu_appropriation", "recurrent_revenue"} {
		if ch, bad := unknownGrowth(row, k, strings.TrimSuffix(FinanceSeriesNames[k], "（万元）"), ""); bad {
			return ch
		}
	}
	ga, gr := *row.Growth["edu_appropriation"], *row.Growth["recurrent_revenue"]
	margin := clamp((ga - gr) * 100)
	ch := Check{Year: row.Year, Margin: ptr(margin), Pass: !standard.AtMost(ga, gr)}
	rel := "高于"
	if !ch.Pass {
		rel = "未高于"
		if ga < gr {
			rel = "低于"
		}
	}
	ch.Text = fmt.Sprintf("%d年义务教育拨款增长 %s，%s财政经常性收入增长 %s（相差 %s 个百分点）",
		row.Year, growth(ga), rel, growth(gr), format.Number(math.Abs(margin), 2))
	return ch
}

// positiveGrowth: the series grew (strictly) over the previous year.
func positiveGrowth(row FinanceRow, key, what string) Check {
	if ch, bad := unknownGrowth(row, key, what, what); bad {
		return ch
	}
	g := *row.Growth[key]
	ch := Check{Year: row.Year, Label: what, Margin: ptr(g * 100), Pass: !standard.AtMost(g, 0)}
	verb := "增长"
	if !ch.Pass {
		verb = "未增长"
	}
	ch.Text = fmt.Sprintf("%d年%s%s（%s）", row.Year, what, verb, growth(g))
	return ch
}

// notDecreasing: value_t ≥ value_{t−1}; the margin is the difference.
func notDecreasing(year int, prev, row FinanceRow, key, what string, decimals int, unit string) Check {
	if ch, bad := unknownGrowth(row, key, what, ""); bad {
		return ch
	}
	cur, before := *row.Values[key], *prev.Values[key]
	ch := Check{Year: year, Margin: ptr(cur - before), Pass: standard.AtLeast(cur, before)}
	if ch.Pass {
		ch.Text = fmt.Sprintf("%d年%s %s %s，不低于上年 %s %s", year, what, format.Number(cur, decimals), unit, format.Number(before, decimals), unit)
	} else {
		ch.Text = fmt.Sprintf("%d年%s %s %s，比上年减少 %s %s", year, what, format.Number(cur, decimals), unit, format.Number(before-cur, decimals), unit)
	}
	return ch
}

// surchargeCheck: 教育费附加 allocated in full (allocated ≥ levied).
func surchargeCheck(row FinanceRow) Check {
	lev, alloc := row.Values["edu_surcharge_levied"], row.Values["edu_surcharge_allocated"]
	if lev == nil || alloc == nil {
		return Check{Year: row.Year, Missing: true, Text: fmt.Sprintf("%d年教育费附加征收或拨付额未填报", row.Year)}
	}
	ch := Check{Year: row.Year, Margin: ptr(*alloc - *lev), Pass: standard.AtLeast(*alloc, *lev)}
	if ch.Pass {
		ch.Text = fmt.Sprintf("%d年征收教育费附加 %s 万元，拨付 %s 万元，足额拨付", row.Year, format.Number(*lev, 2), format.Number(*alloc, 2))
	} else {
		ch.Text = fmt.Sprintf("%d年征收教育费附加 %s 万元，仅拨付 %s 万元，少拨 %s 万元", row.Year, format.Number(*lev, 2), format.Number(*alloc, 2), format.Number(*lev-*alloc, 2))
	}
	return ch
}
