package county

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"junheng/app/format"
)

// Validate checks what the types cannot: every value within the field
// catalogue's bounds and text rules (numbers not negative nor beyond what a
// real school or county has, names and ids without control characters,
// ids folded), required fields, known codes, impossible combinations (more
// certified than full-time teachers, students in no class…), duplicate ids
// and dangling teaching points. Every path that brings data in — Decode,
// the database's save functions, the Excel import, the GUI — calls it, so
// the rules hold whatever the data came from.
func Validate(f *File) Problems {
	v := validator{}
	refs := make([]schoolRef, len(f.Schools))
	for i, s := range f.Schools {
		refs[i] = schoolRef{s.ID, s.Name}
	}
	v.schools = refs
	v.checkValues(f)
	v.file(f)
	return v.problems.sorted()
}

type validator struct {
	schools  []schoolRef
	problems Problems
	path     []seg // where checkValues is
	// schools and county with a value outside the catalogue
	badSchool map[int]bool
	badCounty bool
}

func (v *validator) add(path, value, format string, args ...any) {
	v.problems = append(v.problems, problemAt(v.schools, path, value, fmt.Sprintf(format, args...)))
}

var yearPattern = regexp.MustCompile(`^(\d{4})-(\d{4})$`)

func (v *validator) file(f *File) {
	if f.Format != Format {
		v.add("format", quote(f.Format), "应为 %s", Format)
	}
	if m := yearPattern.FindStringSubmatch(f.Year); m == nil {
		v.add("year", quote(f.Year), "学年应写作「2024-2025」的形式")
	} else if a, _ := strconv.Atoi(m[1]); m[2] != fmt.Sprintf("%04d", a+1) {
		v.add("year", quote(f.Year), "学年的两个年份应相差 1")
	} else if a < MinYear || a >= MaxYear {
		v.add("year", quote(f.Year), "学年应在 %d 年到 %d 年之间", MinYear, MaxYear)
	}
	if strings.TrimSpace(f.County.Name) == "" {
		v.add("county.name", "", "县（市、区）名称不能为空")
	}
	v.county(&f.County)
	if len(f.Schools) == 0 {
		v.add("schools", "", "没有任何学校")
	}
	ids := map[string]int{}
	for i := range f.Schools {
		s := &f.Schools[i]
		p := fmt.Sprintf("schools[%d]", i)
		if s.ID == "" {
			v.add(p+".id", "", "学校标识码不能为空")
		} else if j, dup := ids[s.ID]; dup {
			v.add(p+".id", quote(s.ID), "与第 %d 所学校「%s」的标识码重复", j+1, f.Schools[j].Name)
		} else {
			ids[s.ID] = i
		}
	}
	for i := range f.Schools {
		v.school(f, ids, i)
	}
	v.dossier(&f.County, ids)
	v.problems = append(v.problems, ValidatePlanning(f.County.Planning, func(id string) bool { _, ok := ids[id]; return ok })...)
}

// dossier checks the optional facts of the application dossier.
func (v *validator) dossier(c *Profile, ids map[string]int) {
	if sc := c.SurveyConduct; sc != nil && !v.badCounty {
		v.notAbove("county.survey_conduct.valid", sc.Valid, sc.Issued, "发放问卷数")
		v.notAbove("county.survey_conduct.visits_satisfied", sc.VisitsSatisfied, sc.Visits, "实地走访人数")
	}
	for i, r := range c.Rectification {
		p := fmt.Sprintf("county.rectification[%d].", i)
		if r.Code == "" {
			v.add(p+"code", "", "整改事项应填写指标编号（如 R2、G5）")
		}
		if r.Status != "" && !slices.Contains(RectificationStatuses, r.Status) {
			v.add(p+"status", quote(r.Status), "整改状态应为：%s", strings.Join(RectificationStatuses, "、"))
		}
		if r.SchoolID != nil && *r.SchoolID != "" {
			if _, ok := ids[*r.SchoolID]; !ok {
				v.add(p+"school_id", quote(*r.SchoolID), "没有这个标识码的学校（县级事项不填学校）")
			}
		}
	}
}

func quote(s string) string { return "「" + s + "」" }

func itoa(p *int) string { return strconv.Itoa(*p) }

// notAbove records a problem when part > whole (both entered).
func (v *validator) notAbove(path string, part, whole *int, wholeName string) {
	if part != nil && whole != nil && *part > *whole {
		v.add(path, itoa(part), "不能多于%s（%d）", wholeName, *whole)
	}
}

func (v *validator) county(c *Profile) {
	g := &c.Gov
	if v.badCounty { // comparisons of absurd values only add noise
		g = &Gov{}
	}
	if g.G9 != nil {
		v.notAbove("county.gov.G9.completed_360h", g.G9.Completed360, g.G9.Teachers, "应参训教师数")
	}
	if g.G11 != nil {
		v.notAbove("county.gov.G11.rotated", g.G11.Rotated, g.G11.Eligible, "符合交流条件教师数")
		v.notAbove("county.gov.G11.rotated_backbone", g.G11.RotatedBackbone, g.G11.Rotated, "交流轮岗教师数")
	}
	if g.G14 != nil {
		v.notAbove("county.gov.G14.quota_allocated", g.G14.QuotaAllocated, g.G14.QuotaTotal, "优质高中招生计划数")
	}
	if g.G15 != nil {
		v.notAbove("county.gov.G15.migrant_in_public_or_funded", g.G15.MigrantInPublicOrFunded, g.G15.MigrantEligible, "符合条件的随迁子女数")
	}
	q := &c.Quality
	if v.badCounty {
		q = &Quality{}
	}
	if q.Q1 != nil {
		v.notAbove("county.quality.Q1.cohort_retained", q.Q1.CohortRetained, q.Q1.CohortEntry, "初中入学时学生数")
	}
	if q.Q2 != nil {
		v.notAbove("county.quality.Q2.enrolled", q.Q2.Enrolled, q.Q2.Eligible, "适龄残疾儿童数")
	}
	for _, group := range sortedSurvey(c.Survey) {
		counts := c.Survey[group]
		path := "county.survey." + group
		switch {
		case !slices.Contains(SurveyGroups, group):
			v.add(path, "", "未知的调查对象（应为：学生、家长、教师、校长、人大代表、政协委员、其他群众）")
		case len(counts) != 2:
			v.add(path, fmt.Sprint(counts), "应写作 [调查人数, 满意人数]")
		case counts[1] > counts[0] && !v.badCounty:
			v.add(path, fmt.Sprint(counts), "满意人数（%d）不能多于调查人数（%d）", counts[1], counts[0])
		}
	}
	years := map[int]bool{}
	for i, fy := range c.Finance {
		path := fmt.Sprintf("county.finance[%d]", i)
		if years[fy.Year] {
			v.add(path+".year", strconv.Itoa(fy.Year), "年度重复")
		}
		years[fy.Year] = true
	}
}

func sortedSurvey(s Survey) []string {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// stagesOf lists which of primary/junior/senior students a school type may have.
var stagesOf = map[string][3]bool{
	TypePrimary:    {true, false, false},
	TypePoint:      {true, false, false},
	TypeJunior:     {false, true, false},
	TypeNineYear:   {true, true, false},
	TypeTwelveYear: {true, true, true},
	TypeComplete:   {false, true, true},
	TypeSpecial:    {true, true, true},
}

func (v *validator) school(f *File, ids map[string]int, i int) {
	s := &f.Schools[i]
	p := fmt.Sprintf("schools[%d].", i)
	if strings.TrimSpace(s.Name) == "" {
		v.add(p+"name", "", "学校名称不能为空")
	}
	allowed, knownType := stagesOf[s.Type]
	if !knownType {
		v.add(p+"type", quote(s.Type), "未知的学校类型（应为：小学、初中、九年一贯制、十二年一贯制、完全中学、教学点、特殊教育学校）")
	}
	if s.Location != "" && !slices.Contains(Locations, s.Location) {
		v.add(p+"location", quote(s.Location), "城乡分类应为：城区、镇区、乡村")
	}
	if s.MoralRating != nil && !slices.Contains(MoralRatings, *s.MoralRating) {
		v.add(p+"moral_rating", quote(*s.MoralRating), "评价应为：优秀、良好、合格、不合格")
	}
	v.parent(f, ids, i)

	// Students must fit the school type.
	counts := [3]*int{s.Students.Primary, s.Students.Junior, s.Students.Senior}
	names := [3]string{"students.primary", "students.junior", "students.senior"}
	for k, c := range counts {
		if knownType && !allowed[k] && c != nil && *c > 0 {
			v.add(p+names[k], itoa(c), "%s不应有这一学段的学生", s.Type)
		}
	}
	// So must its staff (表Ⅰ 教职工数): none for a stage it does not teach.
	if s.Staff != nil {
		staff := [2]*int{s.Staff.Primary, s.Staff.Junior}
		for k, c := range staff {
			if knownType && !allowed[k] && c != nil && *c > 0 {
				v.add(p+[2]string{"staff.primary", "staff.junior"}[k], itoa(c), "%s没有这一学段，不应有这一学段的教职工", s.Type)
			}
		}
	}
	if !v.badSchool[i] { // comparisons of absurd values only add noise
		v.relations(p, s)
	}
	if s.Type == TypeSpecial {
		return
	}
	if s.Students.Primary == nil && s.Students.Junior == nil {
		v.add(p+"students", "", "未填写在校生数")
	}
}

// relations checks the numbers of a school against each other.
func (v *validator) relations(p string, s *School) {
	v.stageClasses(p, "primary", "小学", s.Students.Primary, s.Classes.Primary, s.LargestClass.Primary)
	v.stageClasses(p, "junior", "初中", s.Students.Junior, s.Classes.Junior, s.LargestClass.Junior)
	v.teachers(p+"teachers.primary", s.Teachers.Primary)
	v.teachers(p+"teachers.junior", s.Teachers.Junior)

	if s.AreaIndoorSports != nil && s.AreaTeachingAux != nil && *s.AreaIndoorSports > *s.AreaTeachingAux {
		v.add(p+"area_indoor_sports", format.Entered(*s.AreaIndoorSports), "室内体育用房属于教学及辅助用房，面积不能大于教学及辅助用房面积（%s ㎡）", format.Entered(*s.AreaTeachingAux))
	}
	if s.TrainingFunds != nil && s.PublicFundsBudget != nil && *s.TrainingFunds > *s.PublicFundsBudget {
		v.add(p+"training_funds", format.Entered(*s.TrainingFunds), "培训经费出自公用经费，不能多于年度公用经费预算（%s 元）", format.Entered(*s.PublicFundsBudget))
	}
	v.perPupil(p, s)
	v.notAbove(p+"entrants_nearby.primary", s.EntrantsNearby.Primary, s.Entrants.Primary, "小学新生数")
	v.notAbove(p+"entrants_nearby.junior", s.EntrantsNearby.Junior, s.Entrants.Junior, "初中新生数")
}

// parent checks the central school of a teaching point.
func (v *validator) parent(f *File, ids map[string]int, i int) {
	s := &f.Schools[i]
	path := fmt.Sprintf("schools[%d].parent_id", i)
	if s.ParentID == nil || *s.ParentID == "" {
		if s.Type == TypePoint {
			v.add(path, "", "教学点必须填写所属中心校")
		}
		return
	}
	j, ok := ids[*s.ParentID]
	switch {
	case !ok:
		v.add(path, quote(*s.ParentID), "所属中心校不存在")
	case j == i:
		v.add(path, quote(*s.ParentID), "学校不能隶属于自己")
	case f.Schools[j].Type == TypePoint:
		v.add(path, quote(*s.ParentID), "所属中心校「%s」本身是教学点", f.Schools[j].Name)
	}
}

// stageClasses checks that a stage's students fit in its classes.
func (v *validator) stageClasses(p, stage, stageName string, students, classes, largest *int) {
	if students == nil {
		return
	}
	n := *students
	if classes != nil {
		c := *classes
		switch {
		case n > 0 && c == 0:
			v.add(p+"classes."+stage, "0", "有 %d 名%s学生却没有班级", n, stageName)
		case c > n:
			v.add(p+"classes."+stage, itoa(classes), "班级数多于%s学生数（%d）", stageName, n)
		case largest != nil && c > 0 && float64(*largest)*float64(c) < float64(n):
			v.add(p+"largest_class."+stage, itoa(largest), "%d 个班、最大班额 %d，装不下 %d 名学生", c, *largest, n)
		}
	}
	if largest != nil && *largest > n {
		v.add(p+"largest_class."+stage, itoa(largest), "最大班额多于%s学生数（%d）", stageName, n)
	}
}

// teachers checks that no subset of the full-time teachers exceeds them.
func (v *validator) teachers(p string, t *TeacherCounts) {
	if t == nil {
		return
	}
	v.notAbove(p+".certified", t.Certified, t.FullTime, "专任教师数")
	v.notAbove(p+".above_degree", t.AboveDegree, t.FullTime, "专任教师数")
	v.notAbove(p+".backbone", t.Backbone, t.FullTime, "专任教师数")
	v.notAbove(p+".mid_title", t.MidTitle, t.FullTime, "专任教师数")
	if t.PE != nil && t.Music != nil && t.Art != nil && t.FullTime != nil {
		if sum := *t.PE + *t.Music + *t.Art; sum > *t.FullTime {
			v.add(p+".pe", strconv.Itoa(sum), "体育、音乐、美术专任教师合计 %d 人，多于专任教师数（%d）", sum, *t.FullTime)
		}
	}
}

// perPupil refuses a school amount whose catalogue bound per pupil it
// exceeds (PerPupilMax): 10^9 元 of public funds is within the bound of one
// school's money but absurd for 900 pupils.
func (v *validator) perPupil(p string, s *School) {
	if s.Students.Primary == nil && s.Students.Junior == nil && s.Students.Senior == nil {
		return // the size is not known: nothing to compare with
	}
	pupils := Val(s.Students.Primary) + Val(s.Students.Junior) + Val(s.Students.Senior)
	counted := max(pupils, MinPupilsForPerPupil)
	amounts := []struct {
		path  string
		value *float64
	}{
		{"equipment_value", s.EquipmentValue},
		{"public_funds_allocated", s.PublicFundsAllocated},
		{"public_funds_budget", s.PublicFundsBudget},
		{"training_funds", s.TrainingFunds},
	}
	for _, a := range amounts {
		spec, ok := Spec(a.path)
		if !ok || spec.PerPupilMax <= 0 || a.value == nil {
			continue
		}
		per := *a.value / float64(counted)
		if per <= spec.PerPupilMax {
			continue
		}
		size := fmt.Sprintf("全校 %d 名学生", pupils)
		if pupils < MinPupilsForPerPupil {
			size = fmt.Sprintf("全校 %d 名学生（不足 %d 人按 %d 人计）", pupils, MinPupilsForPerPupil, MinPupilsForPerPupil)
		}
		v.add(p+a.path, format.Entered(*a.value), "%s，每生 %s 元，超过每生 %s 元的上限；请核对单位是否为元（不是万元）、是否多输了零",
			size, format.Entered(math.Round(per)), format.Entered(spec.PerPupilMax))
	}
}
