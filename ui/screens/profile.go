package screens

import (
	"strconv"

	"junheng/app/county"

	w "junheng/ui/widgets"
)

func itoaPlain(n int) string { return strconv.Itoa(n) }

// newProfile is 县域概况: the county's description, the four narrative
// sections of the application and the yearly finance rows (表Ⅴ).
func newProfile(env *Env) *facts {
	f := &w.Form[prof]{}
	f.Section("基本情况")
	f.Add(
		w.Text[prof]("county.name", "", "", false, func(p *prof) *string { return &p.Name }),
		w.Text[prof]("county.code", "", "6 位行政区划代码", false, func(p *prof) *string { return &p.Code }),
		w.Text[prof]("county.province", "", "", false, func(p *prof) *string { return &p.Province }),
		w.Text[prof]("county.city", "", "", false, func(p *prof) *string { return &p.City }),
		w.Float[prof]("county.population_wan", "万人", "", func(p *prof) **float64 { return &p.PopulationWan }),
		w.Int[prof]("county.townships", "个", "", func(p *prof) **int { return &p.Townships }),
		w.Int[prof]("county.subdistricts", "个", "", func(p *prof) **int { return &p.Subdistricts }),
		w.Int[prof]("county.target_year", "年", "", func(p *prof) **int { return &p.TargetYear }),
	)
	// 表Ⅰ 基本情况: labels, units, hints and bounds are the catalogue's.
	f.Section("表Ⅰ 基本情况")
	f.Add(
		w.Float[prof]("county.area_km2", "", "", func(p *prof) **float64 { return &p.AreaKm2 }),
		w.Float[prof]("county.agricultural_population_wan", "", "", func(p *prof) **float64 { return &p.AgriculturalPopulationWan }),
		w.Int[prof]("county.villages", "", "", func(p *prof) **int { return &p.Villages }),
		w.Float[prof]("county.gdp_per_capita", "", "", func(p *prof) **float64 { return &p.GDPPerCapita }),
		w.Float[prof]("county.fiscal_revenue_per_capita", "", "", func(p *prof) **float64 { return &p.FiscalRevenuePerCapita }),
		w.Float[prof]("county.rural_income_per_capita", "", "", func(p *prof) **float64 { return &p.RuralIncomePerCapita }),
		w.Float[prof]("county.urban_income_per_capita", "", "", func(p *prof) **float64 { return &p.UrbanIncomePerCapita }),
	)
	// The application block is allocated in the copy being saved only
	// when one of its fields was typed in.
	app := func(p *prof) *county.Application { return ensure(&p.Application) }
	f.Section("申报信息")
	f.Add(
		w.Text[prof]("county.application.date", "", "", false, func(p *prof) *string { return &app(p).Date }),
		w.Text[prof]("county.application.applicant", "", "", false, func(p *prof) *string { return &app(p).Applicant }),
		w.Text[prof]("county.application.office", "", "", false, func(p *prof) *string { return &app(p).Office }),
		w.Text[prof]("county.application.contact", "", "", false, func(p *prof) *string { return &app(p).Contact }),
		w.Text[prof]("county.application.phone", "", "", false, func(p *prof) *string { return &app(p).Phone }),
		w.Text[prof]("county.application.doc_no", "", "", false, func(p *prof) *string { return &app(p).DocNo }),
		w.Text[prof]("county.application.signer", "", "", false, func(p *prof) *string { return &app(p).Signer }),
		w.Text[prof]("county.application.attachments", "", "", true, func(p *prof) *string { return &app(p).Attachments }),
	)
	f.Section("申报材料文字部分")
	f.Add(
		w.Text[prof]("county.narrative.request", "", "", true, func(p *prof) *string { return &p.Narrative.Request }),
		w.Text[prof]("county.narrative.basic", "县域基本情况", "", true, func(p *prof) *string { return &p.Narrative.Basic }),
		w.Text[prof]("county.narrative.foundation", "推进优质均衡的基础", "", true, func(p *prof) *string { return &p.Narrative.Foundation }),
		w.Text[prof]("county.narrative.problems", "存在的问题", "", true, func(p *prof) *string { return &p.Narrative.Problems }),
		w.Text[prof]("county.narrative.measures", "下一步措施", "", true, func(p *prof) *string { return &p.Narrative.Measures }),
	)
	fin := newFinance(env)
	p := newFacts(env, "县域概况", f, []string{"F1", "F2", "F3", "F4", "F5", "F6"}, fin)
	p.tidy = func(c *prof) {
		if c.Application != nil && *c.Application == (county.Application{}) {
			c.Application = nil
		}
	}
	return p
}
