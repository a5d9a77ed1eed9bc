package dossier

import (
	"fmt"
	"strings"

	"junheng/app/county"
	"junheng/app/format"
)

// intText prints an optional count, 未填报 when nil.
func intText(p *int) string {
	if p == nil {
		return format.Missing
	}
	return format.Int(*p)
}

// valText prints an optional value with two decimals, 未填报 when nil.
func valText(p *float64) string { return format.Opt(p, format.ValueDecimals) }

// factText prints a county fact (an area, a population) without needless
// zero decimals: 112 平方公里, 13.58 万人.
func factText(p *float64) string { return format.OptTrimmed(p, format.ValueDecimals) }

// textOr prints s, or 未填报 when empty.
func textOr(s string) string {
	if strings.TrimSpace(s) == "" {
		return format.Missing
	}
	return s
}

// sum adds the entered counts and says how many are missing.
type sum struct {
	total, missing, n int
}

func (s *sum) add(p *int) {
	s.n++
	if p == nil {
		s.missing++
		return
	}
	s.total += *p
}

func (s sum) String() string {
	if s.n > 0 && s.missing == s.n {
		return format.Missing
	}
	if s.missing > 0 {
		return fmt.Sprintf("%s（%d所未填报）", format.Int(s.total), s.missing)
	}
	return format.Int(s.total)
}

// profile prints 表Ⅰ 基本情况: the county's facts, its schools and
// teaching points by type, and the stages.
func (c *ctx) profile() {
	d, cp := c.d, &c.f.County
	d.newPage(false, true)
	d.heading(c.chapterTitle(Profile), 0, 40)

	region := oneSpace(cp.Province + cp.City)
	kv := &table{cols: []col{{W: 32}, {W: 18}, {W: 32}, {W: 18}}, size: smallSize} // labels on one line
	label := func(s string) cell { return cell{Text: s, Shade: true, Bold: true} }
	sc := countSchools(c.f)
	kv.draw(d, [][]cell{
		{label("县（市、区）"), txt(textOr(cp.Name)), label("行政区划代码"), txt(textOr(cp.Code))},
		{label("所属省、市"), txt(textOr(region)), label("申报学年"), txt(c.f.Year)},
		{label("面积（平方公里）"), num(factText(cp.AreaKm2)), label("实现优质均衡年份"), num(yearText(cp.TargetYear))},
		{label("人口总数（万人）"), num(factText(cp.PopulationWan)), label("农业人口（万人）"), num(factText(cp.AgriculturalPopulationWan))},
		{label("乡镇数"), num(intText(cp.Townships)), label("街道办事处数"), num(intText(cp.Subdistricts))},
		{label("行政村数"), num(intText(cp.Villages)), label("年人均GDP（元）"), num(moneyText(cp.GDPPerCapita))},
		{label("人均地方一般公共预算收入（元）"), num(moneyText(cp.FiscalRevenuePerCapita)), label("农村居民人均可支配收入（元）"), num(moneyText(cp.RuralIncomePerCapita))},
		{label("城镇居民人均可支配收入（元）"), num(moneyText(cp.UrbanIncomePerCapita)), label("义务教育中小学校（所）"), num(format.Int(sc.schools))},
		{label("教学点（个）"), num(format.Int(sc.points)), label("其中50人及以上教学点（个）"), num(format.Int(sc.pointsOver50))},
	})
	d.paragraph(countSentence(sc), smallSize, false)

	d.heading("学校基本情况（按学校类型）", 1, 30)
	c.schoolTypeTable()
	d.heading("分学段学生与教师情况", 1, 30)
	c.stageTable()
	c.signature()
}

// moneyText prints a per-capita amount in whole 元.
func moneyText(p *float64) string { return format.Opt(p, 0) }

func yearText(p *int) string {
	if p == nil {
		return format.Missing
	}
	return fmt.Sprintf("%d年", *p)
}

// schoolTypeTable counts schools, classes, students, teachers and staff by
// type; the 中小学校 are totalled apart from the 教学点, as the standard
// and the narratives count them.
func (c *ctx) schoolTypeTable() {
	t := &table{size: 8, cols: []col{{W: 20, Align: "L"}, {W: 9, Align: "R"}, {W: 10, Align: "R"}, {W: 12, Align: "R"}, {W: 12, Align: "R"}, {W: 12, Align: "R"}, {W: 12, Align: "R"}, {W: 12, Align: "R"}},
		head: [][]cell{headRow("学校类型", "数量", "教学班数", "小学在校生", "初中在校生", "小学专任教师", "初中专任教师", "教职工数")}}
	var rows [][]cell
	var schools, points [6]sum
	ns, np := 0, 0
	for _, typ := range county.SchoolTypes {
		var s [6]sum
		count := 0
		for i := range c.f.Schools {
			sc := &c.f.Schools[i]
			if sc.Type != typ {
				continue
			}
			count++
			s[0].add(stagesOf(typ, "classes", sc.Classes.Primary, sc.Classes.Junior))
			s[1].add(ofStage(typ, "students.primary", sc.Students.Primary))
			s[2].add(ofStage(typ, "students.junior", sc.Students.Junior))
			s[3].add(ofStage(typ, "teachers.primary.full_time", fullTime(sc.Teachers.Primary)))
			s[4].add(ofStage(typ, "teachers.junior.full_time", fullTime(sc.Teachers.Junior)))
			var staff county.StageCount
			if sc.Staff != nil {
				staff = *sc.Staff
			}
			s[5].add(stagesOf(typ, "staff", staff.Primary, staff.Junior))
		}
		if count == 0 {
			continue
		}
		into, unit := &schools, "所"
		if typ == county.TypePoint {
			into, unit = &points, "个"
			np += count
		} else {
			ns += count
		}
		for i := range s {
			into[i].total += s[i].total
			into[i].missing += s[i].missing
			into[i].n += s[i].n
		}
		row := []cell{txt(typeWord(typ)), num(format.Int(count) + " " + unit)}
		for i := range s {
			row = append(row, num(s[i].String()))
		}
		rows = append(rows, row)
	}
	total := func(name string, n int, unit string, s [6]sum) []cell {
		row := []cell{{Text: name, Bold: true}, num(format.Int(n) + " " + unit)}
		for i := range s {
			row = append(row, num(s[i].String()))
		}
		return row
	}
	rows = append(rows, total("中小学校合计", ns, "所", schools))
	if np > 0 {
		rows = append(rows, total("教学点合计", np, "个", points))
	}
	t.draw(c.d, rows)
}

// ofStage is a school's count of a field for 表Ⅰ: a field the school's
// type does not have (a 小学's 初中在校生) counts as zero, not 未填报.
func ofStage(schoolType, path string, p *int) *int {
	if p == nil {
		if s, ok := county.Spec(path); ok && !s.AppliesTo(schoolType) {
			zero := 0
			return &zero
		}
	}
	return p
}

// stagesOf adds a school's primary and junior counts of a field
// ("classes", "staff"): nil, 未填报, only when no stage its type has
// was entered.
func stagesOf(schoolType, field string, primary, junior *int) *int {
	n, entered, applies := 0, false, false
	for _, st := range []struct {
		path string
		p    *int
	}{{field + ".primary", primary}, {field + ".junior", junior}} {
		if s, ok := county.Spec(st.path); !ok || s.AppliesTo(schoolType) {
			applies = true
		}
		if st.p != nil {
			n += *st.p
			entered = true
		}
	}
	if applies && !entered {
		return nil
	}
	return &n
}

// fullTime is a stage's full-time teachers; a school without teachers
// entered for a stage it has no students in counts as zero.
func fullTime(t *county.TeacherCounts) *int {
	if t == nil {
		zero := 0
		return &zero
	}
	return t.FullTime
}

// stageTable sums students, classes and teachers per stage.
func (c *ctx) stageTable() {
	t := &table{size: smallSize, cols: []col{{W: 14, Align: "L"}, {W: 18, Align: "R"}, {W: 18, Align: "R"}, {W: 18, Align: "R"}, {W: 18, Align: "R"}},
		head: [][]cell{headRow("学段", "有该学段的学校数", "在校生数", "班级数", "专任教师数")}}
	var rows [][]cell
	for _, st := range []string{"primary", "junior"} {
		var students, classes, teachers sum
		schools := 0
		for i := range c.f.Schools {
			sc := &c.f.Schools[i]
			sp, cl, tc := sc.Students.Primary, sc.Classes.Primary, sc.Teachers.Primary
			if st == "junior" {
				sp, cl, tc = sc.Students.Junior, sc.Classes.Junior, sc.Teachers.Junior
			}
			if sp == nil || *sp == 0 {
				continue
			}
			schools++
			students.add(sp)
			classes.add(cl)
			teachers.add(fullTime(tc))
		}
		name := "小学"
		if st == "junior" {
			name = "初中"
		}
		rows = append(rows, []cell{txt(name), num(format.Int(schools)), num(students.String()), num(classes.String()), num(teachers.String())})
	}
	t.draw(c.d, rows)
}
