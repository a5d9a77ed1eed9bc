package entry

import "junheng/app/county"

type sch = county.School

// Section is a titled group of fields in the order of the paper form
// (学校基本情况表); the grid entry shows one section at a time.
type Section[T any] struct {
	Title  string
	Fields []*Field[T]
}

// Titles of the school sections the grid offers.
const (
	SecStudents  = "学生与班级"
	SecPrimaryT  = "小学教师"
	SecJuniorT   = "初中教师"
	SecBuildings = "校舍与装备"
	SecRooms     = "功能教室"
	SecFunds     = "经费与招生"
	SecManage    = "管理"
)

func teacherBlock(s *sch, stage string) **county.TeacherCounts {
	if stage == "junior" {
		return &s.Teachers.Junior
	}
	return &s.Teachers.Primary
}

// teacherField is a count of the teachers of one stage. Reading it never
// creates the teacher block (an empty block would make G12 未填报); only a
// typed value does.
func teacherField(stage, name, hint string, get func(*county.TeacherCounts) **int) *Field[sch] {
	return IntVia("teachers."+stage+"."+name, "人", hint,
		func(s *sch) *int {
			if t := *teacherBlock(s, stage); t != nil {
				return *get(t)
			}
			return nil
		},
		func(s *sch) **int {
			t := teacherBlock(s, stage)
			if *t == nil {
				*t = &county.TeacherCounts{}
			}
			return get(*t)
		})
}

func teacherFields(stage string) []*Field[sch] {
	degree := "小学：专科及以上学历的专任教师"
	if stage == "junior" {
		degree = "初中：本科及以上学历的专任教师"
	}
	return []*Field[sch]{
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

// staffField is the school's 教职工数 of one stage (表Ⅰ; label, hint and
// bounds from the catalogue). Reading it never creates the staff block;
// only a typed value does.
func staffField(stage string) *Field[sch] {
	of := func(c *county.StageCount) **int {
		if stage == "junior" {
			return &c.Junior
		}
		return &c.Primary
	}
	return IntVia("staff."+stage, "人", "",
		func(s *sch) *int {
			if s.Staff == nil {
				return nil
			}
			return *of(s.Staff)
		},
		func(s *sch) **int {
			if s.Staff == nil {
				s.Staff = &county.StageCount{}
			}
			return of(s.Staff)
		})
}

// SchoolBasics are the fields that say what a school is (not in the grid).
func SchoolBasics() Section[sch] {
	return Section[sch]{Title: "基本信息", Fields: []*Field[sch]{
		Text[sch]("id", "", "全国中小学校标识码（10 位）", false, func(s *sch) *string { return &s.ID }),
		Text[sch]("name", "", "", false, func(s *sch) *string { return &s.Name }),
		Choice[sch]("type", "九年一贯制、十二年一贯制、完全中学的设施按学段折算", county.SchoolTypes, func(s *sch) *string { return &s.Type }),
		Choice[sch]("location", "城区、镇区公办非寄宿学校参加就近入学统计（G13）", county.Locations, func(s *sch) *string { return &s.Location }),
		Bool[sch]("private", "", "民办学校默认参加资源配置计算（可在设置中排除）", func(s *sch) **bool { return &s.Private }),
		Bool[sch]("boarding", "", "寄宿制学校不参加就近入学统计", func(s *sch) **bool { return &s.Boarding }),
		OptText[sch]("parent_id", "教学点必填：所属中心校的学校标识码", func(s *sch) **string { return &s.ParentID }),
	}}
}

// SchoolSections are the sections of figures, each a page of the grid and
// a part of the one-school form, in the order of the paper form.
func SchoolSections() []Section[sch] {
	return []Section[sch]{
		{Title: SecStudents, Fields: []*Field[sch]{
			Int[sch]("students.primary", "人", "", func(s *sch) **int { return &s.Students.Primary }),
			Int[sch]("students.junior", "人", "", func(s *sch) **int { return &s.Students.Junior }),
			Int[sch]("students.senior", "人", "仅完全中学、十二年一贯制：用于设施按学段折算", func(s *sch) **int { return &s.Students.Senior }),
			Int[sch]("classes.primary", "个", "", func(s *sch) **int { return &s.Classes.Primary }),
			Int[sch]("classes.junior", "个", "", func(s *sch) **int { return &s.Classes.Junior }),
			Int[sch]("largest_class.primary", "人", "人数最多的班级的学生数（G5：不超过 45）", func(s *sch) **int { return &s.LargestClass.Primary }),
			Int[sch]("largest_class.junior", "人", "人数最多的班级的学生数（G5：不超过 50）", func(s *sch) **int { return &s.LargestClass.Junior }),
			staffField("primary"),
			staffField("junior"),
		}},
		{Title: SecPrimaryT, Fields: teacherFields("primary")},
		{Title: SecJuniorT, Fields: teacherFields("junior")},
		{Title: SecBuildings, Fields: []*Field[sch]{
			Float[sch]("area_teaching_aux", "㎡", "教学及辅助用房总面积，含室内体育用房（R4 计算时扣除）", func(s *sch) **float64 { return &s.AreaTeachingAux }),
			Float[sch]("area_indoor_sports", "㎡", "风雨操场、体育馆等（计入 R5 体育运动场馆）", func(s *sch) **float64 { return &s.AreaIndoorSports }),
			Float[sch]("area_sports_ground", "㎡", "室外田径场、球场等运动场地", func(s *sch) **float64 { return &s.AreaSportsGround }),
			Float[sch]("equipment_value", "元", "教学仪器设备资产账面值，单位为元（不是万元）", func(s *sch) **float64 { return &s.EquipmentValue }),
			Int[sch]("multimedia_rooms", "间", "接入网络的多媒体教室（R7）", func(s *sch) **int { return &s.MultimediaRooms }),
			Int[sch]("computers", "台", "仅用于基本均衡 B4", func(s *sch) **int { return &s.Computers }),
			Int[sch]("books", "册", "仅用于基本均衡 B5", func(s *sch) **int { return &s.Books }),
		}},
		{Title: SecRooms, Fields: []*Field[sch]{
			FloatList[sch]("music_rooms", "㎡", "每间音乐专用教室的面积，用顿号分隔，如「98、96」（G3：每间不小于 96）", func(s *sch) *[]float64 { return &s.MusicRooms }),
			FloatList[sch]("art_rooms", "㎡", "每间美术专用教室的面积，用顿号分隔（G3：每间不小于 90）", func(s *sch) *[]float64 { return &s.ArtRooms }),
		}},
		{Title: SecFunds, Fields: []*Field[sch]{
			Float[sch]("public_funds_allocated", "元", "本年度实际核拨的公用经费（G6、G7）", func(s *sch) **float64 { return &s.PublicFundsAllocated }),
			Float[sch]("public_funds_budget", "元", "学校年度公用经费预算总额（Q4）", func(s *sch) **float64 { return &s.PublicFundsBudget }),
			Float[sch]("training_funds", "元", "安排的教师培训经费（Q4：不低于预算的 5%）", func(s *sch) **float64 { return &s.TrainingFunds }),
			Int[sch]("entrants.primary", "人", "", func(s *sch) **int { return &s.Entrants.Primary }),
			Int[sch]("entrants_nearby.primary", "人", "按划片就近入学的新生（G13：100%）", func(s *sch) **int { return &s.EntrantsNearby.Primary }),
			Int[sch]("entrants.junior", "人", "", func(s *sch) **int { return &s.Entrants.Junior }),
			Int[sch]("entrants_nearby.junior", "人", "按划片就近入学的新生（G13：95% 以上）", func(s *sch) **int { return &s.EntrantsNearby.Junior }),
		}},
		{Title: SecManage, Fields: []*Field[sch]{
			Bool[sch]("charter", "", "学校章程经核准（Q3）", func(s *sch) **bool { return &s.Charter }),
			Bool[sch]("informatized", "", "学校管理与教学实现信息化（Q3）", func(s *sch) **bool { return &s.Informatized }),
			OptChoice[sch]("moral_rating", "德育工作、校园文化建设水平（Q6：良好以上）", county.MoralRatings, func(s *sch) **string { return &s.MoralRating }),
		}},
	}
}

// Applies tells whether a field belongs on the form or grid row of a
// school of a type (the catalogue's AppliesTo: a 小学 has no 初中 teachers).
// A school without a type yet shows everything.
func Applies[T any](f *Field[T], typ string) bool {
	return typ == "" || f.Spec == nil || f.Spec.AppliesTo(typ)
}
