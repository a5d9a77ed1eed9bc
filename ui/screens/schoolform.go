package screens

import (
	"junheng/app/county"
	w "junheng/ui/widgets"
)

type sch = county.School

// teacherField is a count of the teachers of one stage.
func teacherField(stage, name, hint string, get func(*county.TeacherCounts) **int) *w.Field[sch] {
	return w.Int[sch]("teachers."+stage+"."+name, "人", hint, func(s *sch) **int {
		t := &s.Teachers.Primary
		if stage == "junior" {
			t = &s.Teachers.Junior
		}
		if *t == nil {
			*t = &county.TeacherCounts{}
		}
		return get(*t)
	})
}

func teacherFields(stage string) []*w.Field[sch] {
	degree := "小学：专科及以上学历的专任教师"
	if stage == "junior" {
		degree = "初中：本科及以上学历的专任教师"
	}
	return []*w.Field[sch]{
		teacherField(stage, "full_time", "只计专任教师，按所教学段填写", func(t *county.TeacherCounts) **int { return &t.FullTime }),
		teacherField(stage, "certified", "持有教师资格证的专任教师（G12）", func(t *county.TeacherCounts) **int { return &t.Certified }),
		teacherField(stage, "above_degree", degree+"（R1）", func(t *county.TeacherCounts) **int { return &t.AboveDegree }),
		teacherField(stage, "backbone", "县级及以上教育行政部门认定的骨干教师（R2）", func(t *county.TeacherCounts) **int { return &t.Backbone }),
		teacherField(stage, "pe", "体育专任教师（R3）", func(t *county.TeacherCounts) **int { return &t.PE }),
		teacherField(stage, "music", "音乐专任教师（R3）", func(t *county.TeacherCounts) **int { return &t.Music }),
		teacherField(stage, "art", "美术专任教师（R3）", func(t *county.TeacherCounts) **int { return &t.Art }),
		teacherField(stage, "mid_title", "中级及以上专业技术职务（仅用于基本均衡 B8）", func(t *county.TeacherCounts) **int { return &t.MidTitle }),
	}
}

// newSchoolForm lays out every input of a school in the order of the
// school's paper form (学校基本情况表).
func newSchoolForm() *w.Form[sch] {
	f := &w.Form[sch]{}
	f.Section("基本信息")
	f.Add(
		w.Text[sch]("id", "", "全国中小学校标识码（10 位）", false, func(s *sch) *string { return &s.ID }),
		w.Text[sch]("name", "", "", false, func(s *sch) *string { return &s.Name }),
		w.Choice[sch]("type", "九年一贯制、十二年一贯制、完全中学的设施按学段折算", county.SchoolTypes, func(s *sch) *string { return &s.Type }),
		w.Choice[sch]("location", "城区、镇区公办非寄宿学校参加就近入学统计（G13）", county.Locations, func(s *sch) *string { return &s.Location }),
		w.Bool[sch]("private", "", "民办学校默认参加资源配置计算（可在设置中排除）", func(s *sch) **bool { return &s.Private }),
		w.Bool[sch]("boarding", "", "寄宿制学校不参加就近入学统计", func(s *sch) **bool { return &s.Boarding }),
		w.OptText[sch]("parent_id", "教学点必填：所属中心校的学校标识码", func(s *sch) **string { return &s.ParentID }),
	)
	f.Section("学生与班级")
	f.Add(
		w.Int[sch]("students.primary", "人", "", func(s *sch) **int { return &s.Students.Primary }),
		w.Int[sch]("students.junior", "人", "", func(s *sch) **int { return &s.Students.Junior }),
		w.Int[sch]("students.senior", "人", "仅完全中学、十二年一贯制：用于设施按学段折算", func(s *sch) **int { return &s.Students.Senior }),
		w.Int[sch]("classes.primary", "个", "", func(s *sch) **int { return &s.Classes.Primary }),
		w.Int[sch]("classes.junior", "个", "", func(s *sch) **int { return &s.Classes.Junior }),
		w.Int[sch]("largest_class.primary", "人", "人数最多的班级的学生数（G5：不超过 45）", func(s *sch) **int { return &s.LargestClass.Primary }),
		w.Int[sch]("largest_class.junior", "人", "人数最多的班级的学生数（G5：不超过 50）", func(s *sch) **int { return &s.LargestClass.Junior }),
	)
	f.Section("小学专任教师")
	f.Add(teacherFields("primary")...)
	f.Section("初中专任教师")
	f.Add(teacherFields("junior")...)
	f.Section("校舍与装备")
	f.Add(
		w.Float[sch]("area_teaching_aux", "㎡", "教学及辅助用房总面积，含室内体育用房（R4 计算时扣除）", func(s *sch) **float64 { return &s.AreaTeachingAux }),
		w.Float[sch]("area_indoor_sports", "㎡", "风雨操场、体育馆等（计入 R5 体育运动场馆）", func(s *sch) **float64 { return &s.AreaIndoorSports }),
		w.Float[sch]("area_sports_ground", "㎡", "室外田径场、球场等运动场地", func(s *sch) **float64 { return &s.AreaSportsGround }),
		w.Float[sch]("equipment_value", "元", "教学仪器设备资产账面值，单位为元（不是万元）", func(s *sch) **float64 { return &s.EquipmentValue }),
		w.Int[sch]("multimedia_rooms", "间", "接入网络的多媒体教室（R7）", func(s *sch) **int { return &s.MultimediaRooms }),
		w.Int[sch]("computers", "台", "仅用于基本均衡 B4", func(s *sch) **int { return &s.Computers }),
		w.Int[sch]("books", "册", "仅用于基本均衡 B5", func(s *sch) **int { return &s.Books }),
		w.FloatList[sch]("music_rooms", "㎡", "每间音乐专用教室的面积，用顿号分隔，如「98、96」（G3：每间不小于 96）", func(s *sch) *[]float64 { return &s.MusicRooms }),
		w.FloatList[sch]("art_rooms", "㎡", "每间美术专用教室的面积，用顿号分隔（G3：每间不小于 90）", func(s *sch) *[]float64 { return &s.ArtRooms }),
	)
	f.Section("经费")
	f.Add(
		w.Float[sch]("public_funds_allocated", "元", "本年度实际核拨的公用经费（G6、G7）", func(s *sch) **float64 { return &s.PublicFundsAllocated }),
		w.Float[sch]("public_funds_budget", "元", "学校年度公用经费预算总额（Q4）", func(s *sch) **float64 { return &s.PublicFundsBudget }),
		w.Float[sch]("training_funds", "元", "安排的教师培训经费（Q4：不低于预算的 5%）", func(s *sch) **float64 { return &s.TrainingFunds }),
	)
	f.Section("招生")
	f.Add(
		w.Int[sch]("entrants.primary", "人", "", func(s *sch) **int { return &s.Entrants.Primary }),
		w.Int[sch]("entrants_nearby.primary", "人", "按划片就近入学的新生（G13：100%）", func(s *sch) **int { return &s.EntrantsNearby.Primary }),
		w.Int[sch]("entrants.junior", "人", "", func(s *sch) **int { return &s.Entrants.Junior }),
		w.Int[sch]("entrants_nearby.junior", "人", "按划片就近入学的新生（G13：95% 以上）", func(s *sch) **int { return &s.EntrantsNearby.Junior }),
	)
	f.Section("管理与质量")
	f.Add(
		w.Bool[sch]("charter", "", "学校章程经核准（Q3）", func(s *sch) **bool { return &s.Charter }),
		w.Bool[sch]("informatized", "", "学校管理与教学实现信息化（Q3）", func(s *sch) **bool { return &s.Informatized }),
		w.OptChoice[sch]("moral_rating", "德育工作、校园文化建设水平（Q6：良好以上）", county.MoralRatings, func(s *sch) **string { return &s.MoralRating }),
	)
	return f
}

// tidySchool drops the teacher blocks the form created but left empty.
func tidySchool(s *sch) {
	for _, t := range []**county.TeacherCounts{&s.Teachers.Primary, &s.Teachers.Junior} {
		c := *t
		if c != nil && c.FullTime == nil && c.Certified == nil && c.AboveDegree == nil && c.Backbone == nil &&
			c.PE == nil && c.Music == nil && c.Art == nil && c.MidTitle == nil {
			*t = nil
		}
	}
}
