package screens

import (
	"strconv"

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
	f.Section("申报材料文字部分")
	f.Add(
		w.Text[prof]("county.narrative.basic", "县域基本情况", "", true, func(p *prof) *string { return &p.Narrative.Basic }),
		w.Text[prof]("county.narrative.foundation", "推进优质均衡的基础", "", true, func(p *prof) *string { return &p.Narrative.Foundation }),
		w.Text[prof]("county.narrative.problems", "存在的问题", "", true, func(p *prof) *string { return &p.Narrative.Problems }),
		w.Text[prof]("county.narrative.measures", "下一步措施", "", true, func(p *prof) *string { return &p.Narrative.Measures }),
	)
	fin := newFinance(env)
	return newFacts(env, "县域概况", f, []string{"F1", "F2", "F3", "F4", "F5", "F6"}, fin)
}
