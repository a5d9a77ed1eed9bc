package eval

import (
	"fmt"
	"math"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/app/standard"
)

// govItems computes G1–G15 (and G2 from its four parts).
func (e itemEval) govItems(out map[string]*ItemResult) {
	g := &e.f.County.Gov
	out["G1"] = e.yesNo("G1", g.G1)
	parts := []struct {
		code string
		fact *county.YesNo
	}{{"G2.1", g.G21}, {"G2.2", g.G22}, {"G2.3", g.G23}, {"G2.4", g.G24}}
	g2 := &ItemResult{Code: "G2", Name: "县域内城乡义务教育学校建设标准、教师编制标准、生均公用经费基准定额、基本装备配置标准统一", Pass: true}
	for _, p := range parts {
		r := e.yesNo(p.code, p.fact)
		out[p.code] = r
		g2.Pass = g2.Pass && r.Pass && !r.Missing
		if r.Missing {
			g2.Missing = true
			g2.Issues = append(g2.Issues, p.code+" 未填报")
		} else if !r.Pass {
			g2.Issues = append(g2.Issues, p.code+" 未达标")
		}
	}
	g2.Detail = "四项全部统一"
	if len(g2.Issues) > 0 {
		g2.Detail = fmt.Sprintf("%d 项未统一或未填报", len(g2.Issues))
	}
	out["G2"] = g2
	out["G3"] = e.g3()
	out["G4"] = e.g4()
	out["G5"] = e.g5()
	out["G6"] = e.g6()
	out["G7"] = e.g7()
	out["G8"] = e.g8()
	if g.G9 == nil {
		out["G9"] = e.missing("G9", "未填报培训完成人数")
	} else {
		out["G9"], _ = e.ratio("G9", g.G9.Completed360, g.G9.Teachers, e.std.Item("G9").Primary, "完成5年360学时培训教师")
		out["G9"].Evidence = g.G9.Evidence
	}
	out["G10"] = e.yesNo("G10", g.G10)
	out["G11"] = e.g11()
	out["G12"] = e.g12()
	out["G13"] = e.g13()
	out["G14"] = e.g14()
	out["G15"] = e.g15()
}

// g3: per 12 classes (rounded up) at least one music room of ≥ 96 ㎡ and one
// art room of ≥ 90 ㎡; smaller rooms do not count.
func (e itemEval) g3() *ItemResult {
	it := e.std.Item("G3")
	per, musicMin, artMin := it.Param("classes_per_room"), it.Param("music_area"), it.Param("art_area")
	return e.perSchool("G3", "班级数或专用教室", func(s *county.School) (schoolState, []string) {
		if !compulsorySchool(s) {
			return notApplicable, nil
		}
		if s.Classes.Primary == nil && s.Classes.Junior == nil || s.MusicRooms == nil || s.ArtRooms == nil {
			return notEntered, nil
		}
		// Counts add in float64: two counts near the int limit must not wrap.
		classes := float64(county.Val(s.Classes.Primary)) + float64(county.Val(s.Classes.Junior))
		need := math.Max(1, math.Ceil(classes/per))
		music, art := countAtLeast(s.MusicRooms, musicMin), countAtLeast(s.ArtRooms, artMin)
		if float64(music) >= need && float64(art) >= need {
			return checked, nil
		}
		// music and art count list entries: short numbers, %d is safe.
		return checked, []string{fmt.Sprintf("%s 个班需音乐、美术专用教室各 %s 间，达到面积要求的音乐教室 %d 间（≥%s㎡）、美术教室 %d 间（≥%s㎡）",
			format.Number(classes, 0), format.Number(need, 0), music, format.Number(musicMin, 0), art, format.Number(artMin, 0))}
	})
}

func countAtLeast(areas []float64, limit float64) int {
	n := 0
	for _, a := range areas {
		if standard.AtLeast(a, limit) {
			n++
		}
	}
	return n
}

// g4: school size ≤ 2000, combined schools' compulsory part ≤ 2500.
func (e itemEval) g4() *ItemResult {
	it := e.std.Item("G4")
	return e.perSchool("G4", "在校生数", func(s *county.School) (schoolState, []string) {
		if !compulsorySchool(s) {
			return notApplicable, nil
		}
		if s.Students.Primary == nil && s.Students.Junior == nil {
			return notEntered, nil
		}
		size := float64(county.Val(s.Students.Primary)) + float64(county.Val(s.Students.Junior))
		limit := it.Primary
		if s.Type == county.TypeNineYear || s.Type == county.TypeTwelveYear {
			limit = it.Param("combined")
		}
		if standard.AtMost(size, limit) {
			return checked, nil
		}
		return checked, []string{fmt.Sprintf("义务教育阶段在校生 %s 人，超过 %s 人", format.Number(size, 0), format.Number(limit, 0))}
	})
}

// stageInput pairs a school's two stages with their students, for checks
// made per stage (G5, G13).
type stageInput struct {
	stage    string
	students int
	a, b     *int // the stage's inputs of the check
}

// g5: the largest class of each stage ≤ 45 (小学) / 50 (初中).
func (e itemEval) g5() *ItemResult {
	it := e.std.Item("G5")
	return e.perSchool("G5", "最大班额", func(s *county.School) (schoolState, []string) {
		if s.Type == county.TypeSpecial {
			return notApplicable, nil
		}
		var gaps []string
		for _, st := range []stageInput{{Primary, county.Val(s.Students.Primary), s.LargestClass.Primary, nil},
			{Junior, county.Val(s.Students.Junior), s.LargestClass.Junior, nil}} {
			if st.students == 0 {
				continue
			}
			if st.a == nil {
				return notEntered, nil
			}
			if limit := it.Limit(st.stage); !standard.AtMost(float64(*st.a), limit) {
				gaps = append(gaps, fmt.Sprintf("%s最大班额 %s 人，超过 %s 人", StageNames[st.stage], format.Int(*st.a), format.Number(limit, 0)))
			}
		}
		return checked, gaps
	})
}

// g6: village schools and teaching points with fewer than 100 students get
// public funds for 100 students at the county norm of their stage.
func (e itemEval) g6() *ItemResult {
	floor := e.std.Item("G6").Param("students")
	norm := e.f.County.PublicFundsNorm
	return e.perSchool("G6", "公用经费或生均公用经费基准定额", func(s *county.School) (schoolState, []string) {
		p, j := county.Val(s.Students.Primary), county.Val(s.Students.Junior)
		size := float64(p) + float64(j)
		if s.Type == county.TypeSpecial || !(s.Location == "乡村" || s.Type == county.TypePoint) || size >= floor {
			return notApplicable, nil
		}
		stageNorm := norm.Primary
		if p == 0 && j > 0 {
			stageNorm = norm.Junior
		}
		if stageNorm == nil || s.PublicFundsAllocated == nil {
			return notEntered, nil
		}
		need := clamp(floor * *stageNorm)
		if standard.AtLeast(*s.PublicFundsAllocated, need) {
			return checked, nil
		}
		return checked, []string{fmt.Sprintf("在校生 %s 人，核拨公用经费 %s 元，应按 100 人核定 %s 元，差 %s 元",
			format.Number(size, 0), format.Number(*s.PublicFundsAllocated, 0), format.Number(need, 0), format.Number(math.Ceil(need-*s.PublicFundsAllocated), 0))}
	})
}

// g7: special schools' public funds per student ≥ 6000 元.
func (e itemEval) g7() *ItemResult {
	limit := e.std.Item("G7").Primary
	return e.perSchool("G7", "公用经费或在校生数", func(s *county.School) (schoolState, []string) {
		if s.Type != county.TypeSpecial {
			return notApplicable, nil
		}
		n := float64(county.Val(s.Students.Primary)) + float64(county.Val(s.Students.Junior)) + float64(county.Val(s.Students.Senior))
		if s.PublicFundsAllocated == nil || n == 0 {
			return notEntered, nil
		}
		per := *s.PublicFundsAllocated / n
		if standard.AtLeast(per, limit) {
			return checked, nil
		}
		return checked, []string{fmt.Sprintf("生均公用经费 %s 元，低于 %s 元", format.Number(per, 2), format.Number(limit, 0))}
	})
}

func (e itemEval) g8() *ItemResult {
	g := e.f.County.Gov.G8
	if g == nil || g.TeacherAvgPay == nil || g.CivilServantAvgPay == nil || g.PerformancePayFull == nil {
		return e.missing("G8", "未填报教师与公务员平均工资或绩效工资核定情况")
	}
	r := e.item("G8")
	r.Evidence = g.Evidence
	payOK := standard.AtLeast(*g.TeacherAvgPay, *g.CivilServantAvgPay)
	r.Pass = payOK && *g.PerformancePayFull
	r.Detail = fmt.Sprintf("教师年平均工资 %s 元，公务员 %s 元；绩效工资%s足额核定",
		format.Number(*g.TeacherAvgPay, 0), format.Number(*g.CivilServantAvgPay, 0), map[bool]string{true: "已", false: "未"}[*g.PerformancePayFull])
	if !payOK {
		r.Issues = append(r.Issues, fmt.Sprintf("教师平均工资低于公务员 %s 元", format.Number(*g.CivilServantAvgPay-*g.TeacherAvgPay, 0)))
	}
	if !*g.PerformancePayFull {
		r.Issues = append(r.Issues, "绩效工资总量未足额核定")
	}
	return r
}

func (e itemEval) g11() *ItemResult {
	g := e.f.County.Gov.G11
	it := e.std.Item("G11")
	if g == nil {
		return e.missing("G11", "未填报交流轮岗人数")
	}
	r, rate := e.ratio("G11", g.Rotated, g.Eligible, it.Primary, "交流轮岗教师")
	r.Evidence = g.Evidence
	if rate == nil {
		return r
	}
	if g.RotatedBackbone == nil {
		return e.missing("G11", "未填报交流轮岗骨干教师数")
	}
	backboneShare := 0.0
	if *g.Rotated > 0 {
		backboneShare = float64(*g.RotatedBackbone) / float64(*g.Rotated)
	}
	okBackbone := standard.AtLeast(backboneShare, it.Param("backbone_share"))
	r.Detail += fmt.Sprintf("；其中骨干教师 %s 人，占 %s（标准 ≥ %s）", format.Int(*g.RotatedBackbone), format.Percent(backboneShare), format.Percent(it.Param("backbone_share")))
	if !okBackbone {
		r.Issues = append(r.Issues, fmt.Sprintf("交流轮岗教师 %s 人中骨干教师 %s 人，占 %s，低于 %s", format.Int(*g.Rotated), format.Int(*g.RotatedBackbone),
			format.Percent(backboneShare), format.Percent(it.Param("backbone_share"))))
	}
	r.Pass = r.Pass && okBackbone
	return r
}

// g12: certified / full-time over every school and stage = 100 %.
func (e itemEval) g12() *ItemResult {
	limit := e.std.Item("G12").Primary
	r := e.item("G12")
	var full, cert float64
	var missing named
	for i := range e.f.Schools {
		s := &e.f.Schools[i]
		lacks := false
		var sf, sc float64 // float64: sums of counts near the int limit must not wrap
		for _, t := range []*county.TeacherCounts{s.Teachers.Primary, s.Teachers.Junior} {
			if t == nil {
				continue
			}
			if t.FullTime == nil || t.Certified == nil {
				lacks = true
				continue
			}
			sf += float64(*t.FullTime)
			sc += float64(*t.Certified)
		}
		if lacks {
			missing.add(s)
			continue
		}
		full, cert = full+sf, cert+sc
		if sc < sf {
			r.failSchool(s, format.Number(sf-sc, 0)+" 名专任教师未持教师资格证")
		}
	}
	switch {
	case len(missing.names) > 0:
		r.Missing = true
		r.Detail = missing.set.String() + "未填报专任教师或持证人数：" + missing.list()
	case full == 0:
		r.Missing = true
		r.Detail = "未填报任何专任教师"
	default:
		rate := cert / full
		r.Value = ptr(rate)
		r.Pass = standard.AtLeast(rate, limit)
		r.Detail = fmt.Sprintf("持证 %s / 专任教师 %s = %s", format.Number(cert, 0), format.Number(full, 0), format.Percent(rate))
	}
	return r
}

// g13: 城区 and 镇区 public non-boarding schools enrol nearby: 100 % (小学),
// ≥ 95 % (初中). A school with no entrants this year has nothing to check.
func (e itemEval) g13() *ItemResult {
	it := e.std.Item("G13")
	return e.perSchool("G13", "新生数或就近入学人数", func(s *county.School) (schoolState, []string) {
		if !compulsorySchool(s) || s.IsPrivate() || s.IsBoarding() || (s.Location != "城区" && s.Location != "镇区") {
			return notApplicable, nil
		}
		state := notApplicable // no entrants in any stage: nothing to check
		var gaps []string
		for _, st := range []stageInput{{Primary, county.Val(s.Students.Primary), s.Entrants.Primary, s.EntrantsNearby.Primary},
			{Junior, county.Val(s.Students.Junior), s.Entrants.Junior, s.EntrantsNearby.Junior}} {
			if st.students == 0 {
				continue
			}
			if st.a == nil || st.b == nil {
				return notEntered, nil
			}
			if *st.a == 0 {
				continue
			}
			state = checked
			rate := float64(*st.b) / float64(*st.a)
			if limit := it.Limit(st.stage); !standard.AtLeast(rate, limit) {
				gaps = append(gaps, fmt.Sprintf("%s就近入学 %s / %s = %s，低于 %s", StageNames[st.stage], format.Int(*st.b), format.Int(*st.a), format.Percent(rate), format.Percent(limit)))
			}
		}
		return state, gaps
	})
}

func (e itemEval) g14() *ItemResult {
	g := e.f.County.Gov.G14
	if g == nil {
		return e.missing("G14", "未填报优质高中招生名额分配情况")
	}
	return e.rateAndCondition("G14", g.QuotaAllocated, g.QuotaTotal, "分配到初中的招生名额", g.Evidence,
		condition{g.RuralTilt, "未填报是否向农村初中倾斜", "向农村初中倾斜", "名额分配未向农村初中倾斜"})
}

func (e itemEval) g15() *ItemResult {
	g := e.f.County.Gov.G15
	if g == nil {
		return e.missing("G15", "未填报留守儿童关爱体系与随迁子女就读情况")
	}
	return e.rateAndCondition("G15", g.MigrantInPublicOrFunded, g.MigrantEligible, "随迁子女在公办及政府购买服务学校就读", g.Evidence,
		condition{g.CareSystem, "未填报留守儿童关爱体系是否健全", "留守儿童关爱体系健全", "留守儿童关爱体系不健全"})
}

// condition is a yes/no fact an item needs besides its rate, with how it
// reads when absent, met and unmet.
type condition struct {
	ok              *bool
	absent, yes, no string
}

// rateAndCondition decides "num / den ≥ the item's limit, and the
// condition holds" (G14, G15).
func (e itemEval) rateAndCondition(code string, num, den *int, what, evidence string, c condition) *ItemResult {
	r, rate := e.ratio(code, num, den, e.std.Item(code).Primary, what)
	r.Evidence = evidence
	if rate == nil {
		return r
	}
	if c.ok == nil {
		return e.missing(code, c.absent)
	}
	if *c.ok {
		r.Detail += "；" + c.yes
	} else {
		r.Detail += "；" + c.no
		r.Issues = append(r.Issues, c.no)
	}
	r.Pass = r.Pass && *c.ok
	return r
}
