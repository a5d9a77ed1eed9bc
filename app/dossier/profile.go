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

// profile prints 申报表: the county's facts, its schools by type and stage,
// and the four narrative sections.
func (c *ctx) profile() {
	d, cp := c.d, &c.f.County
	d.newPage(false, true)
	d.heading(c.chapterTitle("县域义务教育优质均衡发展申报表"), 0, 40)

	region := strings.TrimSpace(cp.Province + cp.City)
	kv := &table{cols: []col{{W: 22}, {W: 28}, {W: 22}, {W: 28}}, size: textSize}
	label := func(s string) cell { return cell{Text: s, Shade: true, Bold: true} }
	kv.draw(d, [][]cell{
		{label("县（市、区）"), txt(textOr(cp.Name)), label("行政区划代码"), txt(textOr(cp.Code))},
		{label("所属省、市"), txt(textOr(region)), label("申报学年"), txt(c.f.Year)},
		{label("人口总数（万人）"), num(valText(cp.PopulationWan)), label("乡镇数"), num(intText(cp.Townships))},
		{label("街道办事处数"), num(intText(cp.Subdistricts)), label("实现优质均衡年份"), num(yearText(cp.TargetYear))},
	})

	d.heading("学校基本情况", 1, 30)
	c.schoolTypeTable()
	d.heading("分学段学生与教师情况", 1, 30)
	c.stageTable()
	c.signature() // the form ends here; the narrative sections follow it

	for _, n := range []struct{ title, text string }{
		{"县域义务教育基本情况", cp.Narrative.Basic},
		{"工作基础", cp.Narrative.Foundation},
		{"存在的问题和原因分析", cp.Narrative.Problems},
		{"保障措施", cp.Narrative.Measures},
	} {
		d.heading(n.title, 1, 3*lineH(textSize))
		d.paragraph(textOr(n.text), textSize, true)
	}
}

func yearText(p *int) string {
	if p == nil {
		return format.Missing
	}
	return fmt.Sprintf("%d年", *p)
}

// schoolTypeTable counts schools, students and teachers by school type.
func (c *ctx) schoolTypeTable() {
	t := &table{size: smallSize, cols: []col{{W: 20, Align: "L"}, {W: 10, Align: "R"}, {W: 17, Align: "R"}, {W: 17, Align: "R"}, {W: 17, Align: "R"}, {W: 17, Align: "R"}},
		head: [][]cell{headRow("学校类型", "学校数", "小学在校生数", "初中在校生数", "小学专任教师数", "初中专任教师数")}}
	var rows [][]cell
	var all [4]sum
	n := 0
	for _, typ := range county.SchoolTypes {
		var s [4]sum
		count := 0
		for i := range c.f.Schools {
			sc := &c.f.Schools[i]
			if sc.Type != typ {
				continue
			}
			count++
			s[0].add(sc.Students.Primary)
			s[1].add(sc.Students.Junior)
			s[2].add(fullTime(sc.Teachers.Primary))
			s[3].add(fullTime(sc.Teachers.Junior))
		}
		if count == 0 {
			continue
		}
		n += count
		for i := range all {
			all[i].total += s[i].total
			all[i].missing += s[i].missing
			all[i].n += s[i].n
		}
		rows = append(rows, []cell{txt(typ), num(format.Int(count)), num(s[0].String()), num(s[1].String()), num(s[2].String()), num(s[3].String())})
	}
	rows = append(rows, []cell{{Text: "合计", Bold: true}, num(format.Int(n)), num(all[0].String()), num(all[1].String()), num(all[2].String()), num(all[3].String())})
	t.draw(c.d, rows)
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
