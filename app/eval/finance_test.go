package eval

import (
	"math"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/assets/demo"
)

func financeYear(year int, revenue, appropriation float64) county.FinanceYear {
	return county.FinanceYear{Year: year, RecurrentRevenue: county.F(revenue), EduAppropriation: county.F(appropriation),
		PublicEduExpenditure: county.F(1000), Students: county.I(100),
		PerStudentOperating:   county.StageMoney{Primary: county.F(100), Junior: county.F(200)},
		PerStudentPublicFunds: county.StageMoney{Primary: county.F(10), Junior: county.F(20)},
		StaffAvgSalary:        county.F(1000), EduSurchargeLevied: county.F(50), EduSurchargeAllocated: county.F(50)}
}

func withFinance(rows ...county.FinanceYear) *Result {
	f := countyOf(school("A", "小学", 500, 0, 0))
	f.County.Finance = rows
	return Run(f)
}

// Growth rates from the seed's own 义马 figures (seed 000):
// recurrent revenue 153122 → 168347 → 188246 万元 is +9.94 %, +11.82 %;
// compulsory-education appropriation 14720 → 16448 → 33400 is +11.74 %, +103.06 %.
func TestGrowthFromSeedFigures(t *testing.T) {
	r := Run(demo.File())
	byYear := map[int]FinanceRow{}
	for _, row := range r.Finance {
		byYear[row.Year] = row
	}
	approx(t, "2019 revenue growth", *byYear[2019].Growth["recurrent_revenue"], (168347.0-153122)/153122, 1e-12)
	if got := math.Round(*byYear[2019].Growth["recurrent_revenue"] * 10000); got != 994 {
		t.Errorf("2019 revenue growth rounds to %.0f basis points, want 994 (+9.94%%)", got)
	}
	approx(t, "2020 appropriation growth", *byYear[2020].Growth["edu_appropriation"], (33400.0-16448)/16448, 1e-12)
	if got := math.Round(*byYear[2020].Growth["edu_appropriation"] * 10000); got != 10306 {
		t.Errorf("2020 appropriation growth rounds to %.0f bp, want 10306 (+103.06%%)", got)
	}
	// The seed claims appropriation grew faster than revenue; its own 2018
	// figures say otherwise (−40.17 % against +7.68 %): F1 must fail for 2018.
	f1 := r.Items["F1"]
	if f1.Pass {
		t.Fatal("F1 must fail: 2018 appropriation fell while revenue grew")
	}
	var y2018 *Check
	for i := range f1.Checks {
		if f1.Checks[i].Year == 2018 {
			y2018 = &f1.Checks[i]
		}
	}
	if y2018 == nil || y2018.Pass || !strings.Contains(y2018.Text, "−40.17%") || !strings.Contains(y2018.Text, "7.68%") {
		t.Errorf("2018 F1 check: %+v", y2018)
	}
	if byYear[2017].Growth["recurrent_revenue"] != nil || byYear[2017].Notes["recurrent_revenue"] != "无上年数据" {
		t.Error("the base year has no growth: 无上年数据")
	}
}

// Each check on both sides of its boundary: equal growth is not "higher".
func TestFinanceBoundaries(t *testing.T) {
	// F1: revenue +10 %; appropriation +10 % (equal: fails) or +10.01 % (passes).
	for _, c := range []struct {
		next float64
		pass bool
	}{{110, false}, {110.01, true}} {
		r := withFinance(financeYear(2019, 1000, 100), financeYear(2020, 1100, c.next))
		if ch := r.Items["F1"].Checks[0]; ch.Pass != c.pass {
			t.Errorf("F1 appropriation 100 → %v against revenue +10%%: pass %v, want %v (%s)", c.next, ch.Pass, c.pass, ch.Text)
		}
	}
	// F2: per-student operating spending must grow: flat fails, +1 passes.
	a, b := financeYear(2019, 1000, 100), financeYear(2020, 1100, 120)
	b.PerStudentOperating = county.StageMoney{Primary: county.F(100), Junior: county.F(201)}
	r := withFinance(a, b)
	if r.Items["F2"].Pass || r.Items["F2"].Checks[0].Pass || !r.Items["F2"].Checks[1].Pass {
		t.Errorf("F2: flat primary fails, growing junior passes: %+v", r.Items["F2"].Checks)
	}
	// F4/F5: expenditure equal to last year passes (只增不减), one less fails.
	for _, c := range []struct {
		exp  float64
		pass bool
	}{{1000, true}, {999, false}} {
		b := financeYear(2020, 1100, 120)
		b.PublicEduExpenditure = county.F(c.exp)
		b.PerStudentOperating = county.StageMoney{Primary: county.F(101), Junior: county.F(201)}
		r := withFinance(financeYear(2019, 1000, 100), b)
		if r.Items["F4"].Pass != c.pass || r.Items["F5"].Pass != c.pass {
			t.Errorf("expenditure 1000 → %v: F4 %v F5 %v, want %v", c.exp, r.Items["F4"].Pass, r.Items["F5"].Pass, c.pass)
		}
	}
	// F6: allocated must equal levied.
	b = financeYear(2020, 1100, 120)
	b.EduSurchargeAllocated = county.F(49.99)
	if r := withFinance(financeYear(2019, 1000, 100), b); r.Items["F6"].Pass {
		t.Error("F6: 49.99 allocated of 50 levied must fail")
	}
}

func TestFinanceMissingAndZeroBase(t *testing.T) {
	// 2018 and 2020 without 2019: 2020 has 无上年数据, not a pass.
	r := withFinance(financeYear(2018, 1000, 100), financeYear(2020, 1200, 130))
	f1 := r.Items["F1"]
	if f1.Pass || !f1.Missing || !strings.Contains(f1.Checks[0].Text, "无上年数据") {
		t.Errorf("gap year: %+v", f1)
	}
	// A zero base: no division by zero, a clear message.
	r = withFinance(financeYear(2019, 0, 100), financeYear(2020, 1000, 130))
	ch := r.Items["F1"].Checks[0]
	if ch.Pass || !ch.Missing || !strings.Contains(ch.Text, "上年为 0") {
		t.Errorf("zero base: %+v", ch)
	}
	if s := string(mustJSON(t, r)); strings.Contains(s, "Inf") {
		t.Error("Inf in result")
	}
	// A single year cannot be checked.
	if it := withFinance(financeYear(2020, 1, 1)).Items["F1"]; it.Pass || !it.Missing {
		t.Error("one year only: F1 is missing")
	}
}

// Every row of 表Ⅴ has a Chinese name with its unit, the same words the
// form and the workbook use for the field.
func TestEveryFinanceSeriesIsNamed(t *testing.T) {
	for _, key := range FinanceSeries {
		name := FinanceSeriesNames[key]
		if name == "" || !strings.Contains(name, "（") {
			t.Errorf("series %s has no name with a unit: %q", key, name)
		}
		if spec, ok := county.Spec("county.finance." + key); ok && spec.Label != "" && !strings.HasPrefix(name, spec.Label) {
			t.Errorf("表Ⅴ names %s %q, the form calls it %q", key, name, spec.Label)
		}
	}
}
