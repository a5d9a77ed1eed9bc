package screens

import (
	"junheng/app/county"
	w "junheng/ui/widgets"
)

// govCodes are the items of 政府保障程度 in the standard's order.
var govCodes = []string{"G1", "G2.1", "G2.2", "G2.3", "G2.4", "G3", "G4", "G5", "G6", "G7", "G8", "G9", "G10", "G11", "G12", "G13", "G14", "G15"}

// newGov is 政府保障: the county facts of G1–G15 with evidence, and every
// G item's verdict (the school-level ones come from the school files).
func newGov(env *Env) *facts {
	f := &w.Form[prof]{}
	gov := func(p *prof) *county.Gov { return &p.Gov }
	f.Section("G1 规划布局")
	f.Add(yesNo("county.gov.G1", "规划布局合理", "县域义务教育学校布局规划经批准并落实", func(p *prof) **county.YesNo { return &gov(p).G1 })...)
	f.Section("G2 城乡统一")
	f.Add(yesNo("county.gov.G2.1", "建设标准统一", "", func(p *prof) **county.YesNo { return &gov(p).G21 })...)
	f.Add(yesNo("county.gov.G2.2", "教师编制标准统一", "", func(p *prof) **county.YesNo { return &gov(p).G22 })...)
	f.Add(yesNo("county.gov.G2.3", "生均公用经费基准定额统一", "", func(p *prof) **county.YesNo { return &gov(p).G23 })...)
	f.Add(yesNo("county.gov.G2.4", "基本装备配置标准统一", "", func(p *prof) **county.YesNo { return &gov(p).G24 })...)
	f.Section("G6 公用经费基准定额")
	f.Add(
		w.Float[prof]("county.public_funds_norm.primary", "元/生", "村小、教学点不足 100 人按 100 人核定（G6）", func(p *prof) **float64 { return &p.PublicFundsNorm.Primary }),
		w.Float[prof]("county.public_funds_norm.junior", "元/生", "", func(p *prof) **float64 { return &p.PublicFundsNorm.Junior }),
	)
	g8 := func(p *prof) *county.G8 { return ensure(&p.Gov.G8) }
	f.Section("G8 教师工资")
	f.Add(
		w.Float[prof]("county.gov.G8.teacher_avg_pay", "元", "义务教育学校教师年平均工资收入", func(p *prof) **float64 { return &g8(p).TeacherAvgPay }),
		w.Float[prof]("county.gov.G8.civil_servant_avg_pay", "元", "当地公务员年平均工资收入", func(p *prof) **float64 { return &g8(p).CivilServantAvgPay }),
		w.Bool[prof]("county.gov.G8.performance_pay_full", "绩效工资足额核定", "", func(p *prof) **bool { return &g8(p).PerformancePayFull }),
		evidence("county.gov.G8", func(p *prof) *string { return &g8(p).Evidence }),
	)
	g9 := func(p *prof) *county.G9 { return ensure(&p.Gov.G9) }
	f.Section("G9 教师培训")
	f.Add(
		w.Int[prof]("county.gov.G9.teachers", "人", "五年周期内应参加培训的教师", func(p *prof) **int { return &g9(p).Teachers }),
		w.Int[prof]("county.gov.G9.completed_360h", "人", "完成 360 学时的教师（要求 100%）", func(p *prof) **int { return &g9(p).Completed360 }),
		evidence("county.gov.G9", func(p *prof) *string { return &g9(p).Evidence }),
	)
	f.Section("G10 编制统筹")
	f.Add(yesNo("county.gov.G10", "县级统筹分配编制和岗位", "在核定的编制总额和岗位总量内统筹分配", func(p *prof) **county.YesNo { return &gov(p).G10 })...)
	g11 := func(p *prof) *county.G11 { return ensure(&p.Gov.G11) }
	f.Section("G11 交流轮岗")
	f.Add(
		w.Int[prof]("county.gov.G11.eligible", "人", "", func(p *prof) **int { return &g11(p).Eligible }),
		w.Int[prof]("county.gov.G11.rotated", "人", "不低于符合条件教师的 10%", func(p *prof) **int { return &g11(p).Rotated }),
		w.Int[prof]("county.gov.G11.rotated_backbone", "人", "不低于交流轮岗教师的 20%", func(p *prof) **int { return &g11(p).RotatedBackbone }),
		evidence("county.gov.G11", func(p *prof) *string { return &g11(p).Evidence }),
	)
	g14 := func(p *prof) *county.G14 { return ensure(&p.Gov.G14) }
	f.Section("G14 优质高中指标分配")
	f.Add(
		w.Int[prof]("county.gov.G14.quota_total", "人", "", func(p *prof) **int { return &g14(p).QuotaTotal }),
		w.Int[prof]("county.gov.G14.quota_allocated", "人", "不低于 50%", func(p *prof) **int { return &g14(p).QuotaAllocated }),
		w.Bool[prof]("county.gov.G14.rural_tilt", "向农村初中倾斜", "", func(p *prof) **bool { return &g14(p).RuralTilt }),
		evidence("county.gov.G14", func(p *prof) *string { return &g14(p).Evidence }),
	)
	g15 := func(p *prof) *county.G15 { return ensure(&p.Gov.G15) }
	f.Section("G15 留守儿童与随迁子女")
	f.Add(
		w.Bool[prof]("county.gov.G15.care_system", "留守儿童关爱体系健全", "", func(p *prof) **bool { return &g15(p).CareSystem }),
		w.Int[prof]("county.gov.G15.migrant_eligible", "人", "", func(p *prof) **int { return &g15(p).MigrantEligible }),
		w.Int[prof]("county.gov.G15.migrant_in_public_or_funded", "人", "不低于 85%", func(p *prof) **int { return &g15(p).MigrantInPublicOrFunded }),
		evidence("county.gov.G15", func(p *prof) *string { return &g15(p).Evidence }),
	)
	p := newFacts(env, "政府保障程度（G3–G7、G12、G13 由学校档案计算）", f, govCodes, nil)
	p.fieldOf = map[string]string{"G6": "county.public_funds_norm.primary"}
	return p
}

// newQuality is 教育质量: the county facts of Q1–Q9.
func newQuality(env *Env) *facts {
	f := &w.Form[prof]{}
	q := func(p *prof) *county.Quality { return &p.Quality }
	q1 := func(p *prof) *county.Q1 { return ensure(&p.Quality.Q1) }
	f.Section("Q1 初中三年巩固率")
	f.Add(
		w.Int[prof]("county.quality.Q1.cohort_entry", "人", "三年前初一入学时的学生数", func(p *prof) **int { return &q1(p).CohortEntry }),
		w.Int[prof]("county.quality.Q1.cohort_retained", "人", "该届学生现仍在校人数（要求 95% 以上）", func(p *prof) **int { return &q1(p).CohortRetained }),
		evidence("county.quality.Q1", func(p *prof) *string { return &q1(p).Evidence }),
	)
	q2 := func(p *prof) *county.Q2 { return ensure(&p.Quality.Q2) }
	f.Section("Q2 残疾儿童少年入学率")
	f.Add(
		w.Int[prof]("county.quality.Q2.eligible", "人", "", func(p *prof) **int { return &q2(p).Eligible }),
		w.Int[prof]("county.quality.Q2.enrolled", "人", "含随班就读、送教上门（要求 95% 以上）", func(p *prof) **int { return &q2(p).Enrolled }),
		evidence("county.quality.Q2", func(p *prof) *string { return &q2(p).Evidence }),
	)
	f.Section("Q5 信息化教学")
	f.Add(yesNo("county.quality.Q5", "熟练运用信息化手段，设施设备利用率高", "", func(p *prof) **county.YesNo { return &q(p).Q5 })...)
	f.Section("Q7 课程与教学")
	f.Add(yesNo("county.quality.Q7", "课程开齐开足，教学秩序规范", "综合实践活动有效开展", func(p *prof) **county.YesNo { return &q(p).Q7 })...)
	f.Section("Q8 课业负担")
	f.Add(yesNo("county.quality.Q8", "无过重课业负担", "", func(p *prof) **county.YesNo { return &q(p).Q8 })...)
	q9 := func(p *prof) *county.Q9 { return ensure(&p.Quality.Q9) }
	f.Section("Q9 国家义务教育质量监测")
	f.Add(
		w.Bool[prof]("county.quality.Q9.level_iii_or_above", "学业水平达到Ⅲ级以上", "", func(p *prof) **bool { return &q9(p).LevelIIIOrAbove }),
		w.Float[prof]("county.quality.Q9.difference_rate", "", "小数，如 0.12（要求低于 0.15）", func(p *prof) **float64 { return &q9(p).DifferenceRate }),
		evidence("county.quality.Q9", func(p *prof) *string { return &q9(p).Evidence }),
	)
	codes := []string{"Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9"}
	return newFacts(env, "教育质量（Q3、Q4、Q6 由学校档案计算）", f, codes, nil)
}

// newVeto is 一票否决: V1–V7.
func newVeto(env *Env) *facts {
	f := &w.Form[prof]{}
	f.Section("以下情况是否存在（选「否」表示没有发生；任何一项为「是」即不能通过评估）")
	vetoes := []struct{ code, label string }{
		{"V1", "以考试方式招生"}, {"V2", "违规择校"}, {"V3", "设置重点学校或重点班"},
		{"V4", "“有编不补”或长期聘用编外教师"}, {"V5", "近三年发生重大安全责任事故"},
		{"V6", "近三年发生严重违纪违规事件"}, {"V7", "弄虚作假"},
	}
	for _, v := range vetoes {
		code := v.code
		f.Add(w.Bool[prof]("county.veto."+code, code+" "+v.label, "", func(p *prof) **bool { return vetoField(&p.Veto, code) }))
	}
	codes := []string{"V1", "V2", "V3", "V4", "V5", "V6", "V7"}
	return newFacts(env, "一票否决", f, codes, nil)
}

func vetoField(v *county.Veto, code string) **bool {
	switch code {
	case "V1":
		return &v.V1
	case "V2":
		return &v.V2
	case "V3":
		return &v.V3
	case "V4":
		return &v.V4
	case "V5":
		return &v.V5
	case "V6":
		return &v.V6
	}
	return &v.V7
}
