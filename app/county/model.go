package county

// The model: every optional number is a pointer; nil means 未填报 (not
// entered), which is different from zero. The evaluation never treats nil
// as a pass.

// Format is the value of the "format" field of a county file.
const Format = "junheng-county/1"

// File is one county in one school year.
type File struct {
	Format  string   `json:"format"`
	Year    string   `json:"year"`
	County  Profile  `json:"county"`
	Schools []School `json:"schools"`
}

// Profile is the county itself: its description and every county-level fact.
type Profile struct {
	Name          string   `json:"name"`
	Code          string   `json:"code,omitempty"`
	Province      string   `json:"province,omitempty"`
	City          string   `json:"city,omitempty"`
	PopulationWan *float64 `json:"population_wan,omitempty"`
	Townships     *int     `json:"townships,omitempty"`
	Subdistricts  *int     `json:"subdistricts,omitempty"`
	TargetYear    *int     `json:"target_year,omitempty"`
	// County facts of 表Ⅰ 基本情况 (optional): area, agricultural
	// population, administrative villages and the per-capita economy (元).
	AreaKm2                   *float64 `json:"area_km2,omitempty"`
	AgriculturalPopulationWan *float64 `json:"agricultural_population_wan,omitempty"`
	Villages                  *int     `json:"villages,omitempty"`
	GDPPerCapita              *float64 `json:"gdp_per_capita,omitempty"`
	FiscalRevenuePerCapita    *float64 `json:"fiscal_revenue_per_capita,omitempty"`
	RuralIncomePerCapita      *float64 `json:"rural_income_per_capita,omitempty"`
	UrbanIncomePerCapita      *float64 `json:"urban_income_per_capita,omitempty"`
	// Application is who applies, when, and whom to ask (cover, letter,
	// signature blocks); nil means not entered.
	Application     *Application  `json:"application,omitempty"`
	Narrative       Narrative     `json:"narrative"`
	PublicFundsNorm StageMoney    `json:"public_funds_norm"`
	Gov             Gov           `json:"gov"`
	Quality         Quality       `json:"quality"`
	Survey          Survey        `json:"survey,omitempty"`
	Veto            Veto          `json:"veto"`
	Finance         []FinanceYear `json:"finance,omitempty"`
	// SurveyConduct is how the 社会认可度 survey was done (表Ⅵ).
	SurveyConduct *SurveyConduct `json:"survey_conduct,omitempty"`
	// Rectification is the 整改台账: one entry per to-do item, keyed by
	// code and school.
	Rectification []Rectification `json:"rectification,omitempty"`
	// Planning holds the unit costs and options of the 达标规划 (plan.md §2).
	Planning *Planning `json:"planning,omitempty"`
}

// Application is the county government's application: the date printed on
// the dossier (YYYY-MM-DD; absent, the last day of the school year), the
// applicant (申请单位, the county government), the compiling office
// (编制单位) and the contact.
type Application struct {
	Date      string `json:"date,omitempty"`
	Applicant string `json:"applicant,omitempty"`
	Office    string `json:"office,omitempty"`
	Contact   string `json:"contact,omitempty"`
	Phone     string `json:"phone,omitempty"`
	// DocNo (发文字号, 义政文〔2025〕12号), Signer (签发人) and Attachments
	// (附件, one title a line) make the 请示 a 公文.
	DocNo       string `json:"doc_no,omitempty"`
	Signer      string `json:"signer,omitempty"`
	Attachments string `json:"attachments,omitempty"`
}

// SurveyConduct is how the satisfaction survey was carried out:
// questionnaires issued and valid, site visits and satisfied visits, and
// the organiser.
type SurveyConduct struct {
	Issued          *int   `json:"issued,omitempty"`
	Valid           *int   `json:"valid,omitempty"`
	Visits          *int   `json:"visits,omitempty"`
	VisitsSatisfied *int   `json:"visits_satisfied,omitempty"`
	Organizer       string `json:"organizer,omitempty"`
}

// Rectification is one line of the 整改台账: the to-do item (code, and the
// school; nil for a county item), the measure, the responsible unit, the
// deadline (YYYY-MM-DD) and the status.
type Rectification struct {
	Code     string  `json:"code"`
	SchoolID *string `json:"school_id"`
	Measure  string  `json:"measure,omitempty"`
	Unit     string  `json:"unit,omitempty"`
	Deadline string  `json:"deadline,omitempty"`
	Status   string  `json:"status,omitempty"`
}

// Narrative holds the four text sections of the application form (申报表).
type Narrative struct {
	// Request is the text of the county government's 申请报告; empty, the
	// dossier writes default wording from the data.
	Request    string `json:"request,omitempty"`
	Basic      string `json:"basic,omitempty"`
	Foundation string `json:"foundation,omitempty"`
	Problems   string `json:"problems,omitempty"`
	Measures   string `json:"measures,omitempty"`
}

// StageMoney is an amount per stage (元).
type StageMoney struct {
	Primary *float64 `json:"primary,omitempty"`
	Junior  *float64 `json:"junior,omitempty"`
}

// StageCount is a head count per stage.
type StageCount struct {
	Primary *int `json:"primary,omitempty"`
	Junior  *int `json:"junior,omitempty"`
}

// Students is the enrolment of a school; Senior serves only the split of
// 完全中学 and 十二年一贯制 facilities.
type Students struct {
	Primary *int `json:"primary,omitempty"`
	Junior  *int `json:"junior,omitempty"`
	Senior  *int `json:"senior,omitempty"`
}

// YesNo is a county fact decided by the clerk, with its evidence.
type YesNo struct {
	OK       *bool  `json:"ok,omitempty"`
	Evidence string `json:"evidence,omitempty"`
}

// Gov holds the county-level facts of 政府保障程度.
type Gov struct {
	G1  *YesNo `json:"G1,omitempty"`
	G21 *YesNo `json:"G2.1,omitempty"`
	G22 *YesNo `json:"G2.2,omitempty"`
	G23 *YesNo `json:"G2.3,omitempty"`
	G24 *YesNo `json:"G2.4,omitempty"`
	G8  *G8    `json:"G8,omitempty"`
	G9  *G9    `json:"G9,omitempty"`
	G10 *YesNo `json:"G10,omitempty"`
	G11 *G11   `json:"G11,omitempty"`
	G14 *G14   `json:"G14,omitempty"`
	G15 *G15   `json:"G15,omitempty"`
}

// G8 compares teachers' pay with civil servants'.
type G8 struct {
	TeacherAvgPay      *float64 `json:"teacher_avg_pay,omitempty"`
	CivilServantAvgPay *float64 `json:"civil_servant_avg_pay,omitempty"`
	PerformancePayFull *bool    `json:"performance_pay_full,omitempty"`
	Evidence           string   `json:"evidence,omitempty"`
}

// G9 is the 5-year 360-hour training completion.
type G9 struct {
	Teachers     *int   `json:"teachers,omitempty"`
	Completed360 *int   `json:"completed_360h,omitempty"`
	Evidence     string `json:"evidence,omitempty"`
}

// G11 is the yearly teacher rotation.
type G11 struct {
	Eligible        *int   `json:"eligible,omitempty"`
	Rotated         *int   `json:"rotated,omitempty"`
	RotatedBackbone *int   `json:"rotated_backbone,omitempty"`
	Evidence        string `json:"evidence,omitempty"`
}

// G14 is the allocation of quality high-school places to junior schools.
type G14 struct {
	QuotaTotal     *int   `json:"quota_total,omitempty"`
	QuotaAllocated *int   `json:"quota_allocated,omitempty"`
	RuralTilt      *bool  `json:"rural_tilt,omitempty"`
	Evidence       string `json:"evidence,omitempty"`
}

// G15 is the care of left-behind children and schooling of migrant children.
type G15 struct {
	CareSystem              *bool  `json:"care_system,omitempty"`
	MigrantEligible         *int   `json:"migrant_eligible,omitempty"`
	MigrantInPublicOrFunded *int   `json:"migrant_in_public_or_funded,omitempty"`
	Evidence                string `json:"evidence,omitempty"`
}

// Quality holds the county-level facts of 教育质量.
type Quality struct {
	Q1 *Q1    `json:"Q1,omitempty"`
	Q2 *Q2    `json:"Q2,omitempty"`
	Q5 *YesNo `json:"Q5,omitempty"`
	Q7 *YesNo `json:"Q7,omitempty"`
	Q8 *YesNo `json:"Q8,omitempty"`
	Q9 *Q9    `json:"Q9,omitempty"`
}

// Q1 is the junior 3-year retention.
type Q1 struct {
	CohortEntry    *int   `json:"cohort_entry,omitempty"`
	CohortRetained *int   `json:"cohort_retained,omitempty"`
	Evidence       string `json:"evidence,omitempty"`
}

// Q2 is the enrolment of disabled children.
type Q2 struct {
	Eligible *int   `json:"eligible,omitempty"`
	Enrolled *int   `json:"enrolled,omitempty"`
	Evidence string `json:"evidence,omitempty"`
}

// Q9 is the national quality monitoring.
type Q9 struct {
	LevelIIIOrAbove *bool    `json:"level_iii_or_above,omitempty"`
	DifferenceRate  *float64 `json:"difference_rate,omitempty"`
	Evidence        string   `json:"evidence,omitempty"`
}

// SurveyGroups are the respondent groups of the satisfaction survey, in the
// order of the standard.
var SurveyGroups = []string{"学生", "家长", "教师", "校长", "人大代表", "政协委员", "其他群众"}

// Survey maps a group to [respondents, satisfied].
type Survey map[string][]int

// Veto holds V1–V7; true means the event happened (the county fails).
type Veto struct {
	V1 *bool `json:"V1,omitempty"`
	V2 *bool `json:"V2,omitempty"`
	V3 *bool `json:"V3,omitempty"`
	V4 *bool `json:"V4,omitempty"`
	V5 *bool `json:"V5,omitempty"`
	V6 *bool `json:"V6,omitempty"`
	V7 *bool `json:"V7,omitempty"`
}

// Get returns the veto flag by code (V1…V7).
func (v *Veto) Get(code string) *bool {
	switch code {
	case "V1":
		return v.V1
	case "V2":
		return v.V2
	case "V3":
		return v.V3
	case "V4":
		return v.V4
	case "V5":
		return v.V5
	case "V6":
		return v.V6
	case "V7":
		return v.V7
	}
	return nil
}

// FinanceYear is one calendar year of education funding (表Ⅴ). Amounts in
// 万元 except the per-student figures and the salary, in 元.
type FinanceYear struct {
	Year                  int        `json:"year"`
	RecurrentRevenue      *float64   `json:"recurrent_revenue,omitempty"`
	EduAppropriation      *float64   `json:"edu_appropriation,omitempty"`
	PublicEduExpenditure  *float64   `json:"public_edu_expenditure,omitempty"`
	FiscalExpenditure     *float64   `json:"fiscal_expenditure,omitempty"`
	Students              *int       `json:"students,omitempty"`
	PerStudentOperating   StageMoney `json:"per_student_operating"`
	PerStudentPublicFunds StageMoney `json:"per_student_public_funds"`
	StaffAvgSalary        *float64   `json:"staff_avg_salary,omitempty"`
	EduSurchargeLevied    *float64   `json:"edu_surcharge_levied,omitempty"`
	EduSurchargeAllocated *float64   `json:"edu_surcharge_allocated,omitempty"`
}

// School types.
const (
	TypePrimary    = "小学"
	TypeJunior     = "初中"
	TypeNineYear   = "九年一贯制"
	TypeTwelveYear = "十二年一贯制"
	TypeComplete   = "完全中学"
	TypePoint      = "教学点"
	TypeSpecial    = "特殊教育学校"
)

// SchoolTypes lists every valid school type.
var SchoolTypes = []string{TypePrimary, TypeJunior, TypeNineYear, TypeTwelveYear, TypeComplete, TypePoint, TypeSpecial}

// Locations lists every valid location.
var Locations = []string{"城区", "镇区", "乡村"}

// MoralRatings lists the ratings of Q6, best first.
var MoralRatings = []string{"优秀", "良好", "合格", "不合格"}

// TeacherCounts are the full-time teachers (专任教师) teaching one stage.
type TeacherCounts struct {
	FullTime    *int `json:"full_time,omitempty"`
	Certified   *int `json:"certified,omitempty"`
	AboveDegree *int `json:"above_degree,omitempty"`
	Backbone    *int `json:"backbone,omitempty"`
	PE          *int `json:"pe,omitempty"`
	Music       *int `json:"music,omitempty"`
	Art         *int `json:"art,omitempty"`
	MidTitle    *int `json:"mid_title,omitempty"`
}

// Teachers per stage; nil means the school has no teachers entered for it.
type Teachers struct {
	Primary *TeacherCounts `json:"primary"`
	Junior  *TeacherCounts `json:"junior"`
}

// School is one school with every input of every school-level indicator.
type School struct {
	ID                   string     `json:"id"`
	Name                 string     `json:"name"`
	Type                 string     `json:"type"`
	Location             string     `json:"location,omitempty"`
	Private              *bool      `json:"private,omitempty"`
	Boarding             *bool      `json:"boarding,omitempty"`
	ParentID             *string    `json:"parent_id"`
	Students             Students   `json:"students"`
	Classes              StageCount `json:"classes"`
	LargestClass         StageCount `json:"largest_class"`
	Teachers             Teachers   `json:"teachers"`
	AreaTeachingAux      *float64   `json:"area_teaching_aux,omitempty"`
	AreaIndoorSports     *float64   `json:"area_indoor_sports,omitempty"`
	AreaSportsGround     *float64   `json:"area_sports_ground,omitempty"`
	EquipmentValue       *float64   `json:"equipment_value,omitempty"`
	MultimediaRooms      *int       `json:"multimedia_rooms,omitempty"`
	Computers            *int       `json:"computers,omitempty"`
	Books                *int       `json:"books,omitempty"`
	MusicRooms           []float64  `json:"music_rooms"`
	ArtRooms             []float64  `json:"art_rooms"`
	PublicFundsAllocated *float64   `json:"public_funds_allocated,omitempty"`
	PublicFundsBudget    *float64   `json:"public_funds_budget,omitempty"`
	TrainingFunds        *float64   `json:"training_funds,omitempty"`
	Entrants             StageCount `json:"entrants"`
	EntrantsNearby       StageCount `json:"entrants_nearby"`
	Charter              *bool      `json:"charter,omitempty"`
	Informatized         *bool      `json:"informatized,omitempty"`
	MoralRating          *string    `json:"moral_rating,omitempty"`
	// Staff is the school's 教职工数 per stage (表Ⅰ); nil = not entered.
	Staff *StageCount `json:"staff,omitempty"`
}

// IsPrivate reports whether the school is 民办; absent means public.
func (s *School) IsPrivate() bool { return s.Private != nil && *s.Private }

// IsBoarding reports whether the school is a boarding school; absent means not.
func (s *School) IsBoarding() bool { return s.Boarding != nil && *s.Boarding }

// Helpers to build values in code and tests.

// F returns a pointer to v.
func F(v float64) *float64 { return &v }

// I returns a pointer to v.
func I(v int) *int { return &v }

// B returns a pointer to v.
func B(v bool) *bool { return &v }

// S returns a pointer to v.
func S(v string) *string { return &v }

// Val returns *p, or 0 when p is nil; callers check for nil first where
// nil means 未填报.
func Val[T int | float64](p *T) T {
	if p == nil {
		return 0
	}
	return *p
}

// Copy is a copy of a school that can be changed through its blocks
// without changing s: the teacher blocks, the 教职工数 block and the room
// lists are copied (a nil list stays nil). Scalar pointers are shared:
// whoever changes a value replaces its pointer, never writes through it.
func (s School) Copy() School {
	out := s
	for _, t := range []**TeacherCounts{&out.Teachers.Primary, &out.Teachers.Junior} {
		if *t != nil {
			c := **t
			*t = &c
		}
	}
	if s.Staff != nil {
		st := *s.Staff
		out.Staff = &st
	}
	if s.MusicRooms != nil {
		out.MusicRooms = append([]float64{}, s.MusicRooms...)
	}
	if s.ArtRooms != nil {
		out.ArtRooms = append([]float64{}, s.ArtRooms...)
	}
	return out
}
