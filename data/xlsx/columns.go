package xlsx

import (
	"strings"

	"junheng/app/county"
)

// kind is how a cell is written and read.
type kind int

const (
	kText  kind = iota // free text
	kInt               // whole number ≥ 0
	kFloat             // number ≥ 0
	kBool              // 是 / 否
	kEnum              // one of column.enum
	kList              // numbers separated by 、 (room areas); 无 = none
	kDate              // a calendar date: text 2025-03-08, or a cell Excel keeps as a date
)

// scope is what a row of a sheet stands for.
type scope int

const (
	scopeSchool  scope = iota // one row per school, keyed by 学校标识码
	scopeFacts                // one row per county fact, keyed by 项目
	scopeSurvey               // one row per survey group, keyed by 调查对象
	scopeFinance              // one row per calendar year, keyed by 年度
	scopeRectify              // one row per to-do item of the 整改台账, keyed by 编号 and 学校标识码
)

// column places one field of the catalogue (app/county) in a sheet. Its
// label, unit, kind, options, bounds and hint all come from the catalogue
// (init below fills them in); the table only says where the field goes.
// path is the JSON path inside a county.School (school sheets), a
// county.Profile (fact sheets) or a county.FinanceYear (finance sheet).
type column struct {
	path string
	// legacy is the header an earlier template printed, still read so
	// that workbooks already sent to schools import.
	legacy   string
	example  string  // value of the example row (school sheets)
	required bool    // the sheet cannot be imported without this column
	width    float64 // at least this wide

	// From the catalogue.
	spec     county.FieldSpec
	header   string // label with unit: 小学在校生数（人）
	kind     kind
	enum     []string
	decimals int
	code     string // item code shown beside a fact (G8, Q1…)
}

// sheet is one worksheet of the template.
type sheet struct {
	name  string
	scope scope
	note  string // one line for the 说明 sheet
	// stage limits which schools a teacher sheet lists ("primary", "junior").
	stage string
	cols  []column
	// county sheets are left out of a one-school template.
	county bool
}

var yesNo = []string{"是", "否"}

// Key headers.
const (
	hdrID      = "学校标识码"
	hdrName    = "学校名称"
	hdrItem    = "项目"
	hdrValue   = "填写值"
	hdrCode    = "编号"
	hdrHint    = "填写说明"
	hdrGroup   = "调查对象"
	hdrYear    = "年度"
	exampleKey = "示例"
)

// col places a field; legacy is its header in earlier templates ("" when
// the same), example its example-row value.
func col(path, legacy, example string) column {
	return column{path: path, legacy: legacy, example: example}
}

func idCol() column {
	return column{path: "id", required: true, example: exampleKey, width: 16}
}

func nameCol(required bool) column {
	return column{path: "name", required: required, example: "示例小学（此行不导入）", width: 24}
}

func teacherCols(stage, stageName string) []column {
	above := "专科及以上"
	if stage == "junior" {
		above = "本科及以上"
	}
	p := "teachers." + stage + "."
	return []column{idCol(), nameCol(false),
		col(p+"full_time", "", "70"),
		col(p+"certified", "", "70"),
		col(p+"above_degree", stageName+"高于规定学历（"+above+"）教师数（人）", "62"),
		col(p+"backbone", "", "14"),
		col(p+"pe", "", "5"),
		col(p+"music", "", "4"),
		col(p+"art", "", "3"),
		col(p+"mid_title", "", "30"),
	}
}

// facts places county facts (paths inside county.Profile), in order.
func facts(paths ...string) []column {
	out := make([]column, len(paths))
	for i, p := range paths {
		out[i] = column{path: p}
	}
	return out
}

// yesNoFact is a G/Q fact decided by the clerk, with its evidence row.
func yesNoFact(group string) []string { return []string{group + ".ok", group + ".evidence"} }

// planningCosts are the paths of the levers' unit costs, in the catalogue's order.
func planningCosts() []string {
	out := make([]string, len(county.PlanningLevers))
	for i, k := range county.PlanningLevers {
		out[i] = "planning.costs." + k
	}
	return out
}

func concatPaths(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// sheets is the one table of the workbook.
var sheets = []sheet{
	{name: "学校基本信息", scope: scopeSchool, note: "每所学校一行：标识码、名称、类型、城乡分类、在校生、班级、教职工、学校管理",
		cols: []column{idCol(), nameCol(true),
			{path: "type", required: true, example: county.TypePrimary, width: 14},
			col("location", "", "城区"),
			col("private", "", "否"),
			col("boarding", "", "否"),
			{path: "parent_id", legacy: "所属中心校标识码（教学点填写）", width: 18},
			col("students.primary", "", "1200"),
			col("students.junior", "", "0"),
			col("students.senior", "", "0"),
			col("classes.primary", "", "24"),
			col("classes.junior", "", "0"),
			col("largest_class.primary", "", "45"),
			col("largest_class.junior", "", "0"),
			col("staff.primary", "", "80"),
			col("staff.junior", "", "0"),
			col("charter", "", "是"),
			col("informatized", "", "是"),
			col("moral_rating", "", "良好"),
		}},
	{name: "小学教师", scope: scopeSchool, stage: "primary", note: "有小学学段的学校每校一行：按任教小学的专任教师统计",
		cols: teacherCols("primary", "小学")},
	{name: "初中教师", scope: scopeSchool, stage: "junior", note: "有初中学段的学校每校一行：按任教初中的专任教师统计",
		cols: teacherCols("junior", "初中")},
	{name: "校舍与装备", scope: scopeSchool, note: "每所学校一行：校舍面积、运动场地、仪器设备、多媒体教室、计算机、图书",
		cols: []column{idCol(), nameCol(false),
			col("area_teaching_aux", "", "6400"),
			col("area_indoor_sports", "其中：室内体育用房面积（㎡）", "400"),
			col("area_sports_ground", "", "9000"),
			col("equipment_value", "", "2600000"),
			col("multimedia_rooms", "", "30"),
			col("computers", "", "150"),
			col("books", "", "36000"),
		}},
	{name: "功能教室", scope: scopeSchool, note: "每所学校一行：每间音乐、美术专用教室的面积，多间用顿号分隔（如 98、96），没有填「无」",
		cols: []column{idCol(), nameCol(false),
			{path: "music_rooms", legacy: "音乐专用教室面积（㎡，每间一个数，用顿号分隔）", example: "98、96", width: 30},
			{path: "art_rooms", legacy: "美术专用教室面积（㎡，每间一个数，用顿号分隔）", example: "92", width: 30},
		}},
	{name: "经费与招生", scope: scopeSchool, note: "每所学校一行：公用经费、培训经费、新生及就近划片入学新生",
		cols: []column{idCol(), nameCol(false),
			col("public_funds_allocated", "", "780000"),
			col("public_funds_budget", "", "780000"),
			col("training_funds", "", "40000"),
			col("entrants.primary", "", "200"),
			col("entrants_nearby.primary", "", "200"),
			col("entrants.junior", "", "0"),
			col("entrants_nearby.junior", "", "0"),
		}},
	{name: "县级基本情况", scope: scopeFacts, county: true, note: "县（市、区）概况（表Ⅰ）、公用经费基准定额、申报信息和申报表文字（每项一行，填在「填写值」列）",
		cols: facts("name", "code", "province", "city", "population_wan", "townships", "subdistricts", "target_year",
			"area_km2", "agricultural_population_wan", "villages", "gdp_per_capita", "fiscal_revenue_per_capita",
			"rural_income_per_capita", "urban_income_per_capita",
			"public_funds_norm.primary", "public_funds_norm.junior",
			"application.date", "application.applicant", "application.office", "application.contact", "application.phone",
			"application.doc_no", "application.signer", "application.attachments",
			"narrative.request", "narrative.basic", "narrative.foundation", "narrative.problems", "narrative.measures")},
	{name: "县级指标", scope: scopeFacts, county: true, note: "政府保障程度（G）、教育质量（Q）的县级数据、社会认可度调查的组织情况（S1）和一票否决（V）事项（每项一行，填在「填写值」列）",
		cols: facts(concatPaths(
			yesNoFact("gov.G1"), yesNoFact("gov.G2.1"), yesNoFact("gov.G2.2"), yesNoFact("gov.G2.3"), yesNoFact("gov.G2.4"),
			[]string{"gov.G8.teacher_avg_pay", "gov.G8.civil_servant_avg_pay", "gov.G8.performance_pay_full", "gov.G8.evidence",
				"gov.G9.teachers", "gov.G9.completed_360h", "gov.G9.evidence"},
			yesNoFact("gov.G10"),
			[]string{"gov.G11.eligible", "gov.G11.rotated", "gov.G11.rotated_backbone", "gov.G11.evidence",
				"gov.G14.quota_total", "gov.G14.quota_allocated", "gov.G14.rural_tilt", "gov.G14.evidence",
				"gov.G15.care_system", "gov.G15.migrant_eligible", "gov.G15.migrant_in_public_or_funded", "gov.G15.evidence",
				"quality.Q1.cohort_entry", "quality.Q1.cohort_retained", "quality.Q1.evidence",
				"quality.Q2.eligible", "quality.Q2.enrolled", "quality.Q2.evidence"},
			yesNoFact("quality.Q5"), yesNoFact("quality.Q7"), yesNoFact("quality.Q8"),
			[]string{"quality.Q9.level_iii_or_above", "quality.Q9.difference_rate", "quality.Q9.evidence",
				"survey_conduct.issued", "survey_conduct.valid", "survey_conduct.visits", "survey_conduct.visits_satisfied", "survey_conduct.organizer",
				"veto.V1", "veto.V2", "veto.V3", "veto.V4", "veto.V5", "veto.V6", "veto.V7"},
		)...)},
	{name: "满意度调查", scope: scopeSurvey, county: true, note: "社会认可度（S1）：每类调查对象一行，填写调查人数和满意人数",
		cols: []column{
			{path: "group", required: true, example: "学生", width: 14},
			{path: "0", required: true, example: "400"},
			{path: "1", required: true, example: "372"},
		}},
	{name: "教育经费", scope: scopeFinance, county: true, note: "表Ⅴ 义务教育经费情况：每个自然年度一行；金额单位万元，生均和工资单位元",
		cols: []column{
			{path: "year", required: true, example: "2019", width: 10},
			col("recurrent_revenue", "", "168347"),
			col("edu_appropriation", "", "16448"),
			col("public_edu_expenditure", "", "21000"),
			col("fiscal_expenditure", "", "260000"),
			col("students", "", "10100"),
			col("per_student_operating.primary", "", "9249"),
			col("per_student_operating.junior", "", "19083"),
			col("per_student_public_funds.primary", "", "2337"),
			col("per_student_public_funds.junior", "", "5113"),
			col("staff_avg_salary", "", "86000"),
			col("edu_surcharge_levied", "", "1969"),
			col("edu_surcharge_allocated", "", "1969"),
		}},
	{name: SheetLedger, scope: scopeRectify, county: true, note: "整改台账：每个整改事项一行，以指标编号和学校标识码对应（县级事项不填学校），填写整改措施、责任单位、完成时限和状态",
		cols: []column{
			{path: "code", required: true, example: exampleKey, width: 10},
			{path: "school_id", required: true, example: "1234567890", width: 16},
			{path: "name", example: "示例小学（此行不导入）", width: 24},
			{path: "measure", example: "2025年秋季招聘并认定骨干教师3名", width: 40},
			{path: "unit", example: "县教育局人事股", width: 20},
			{path: "deadline", example: "2025-08-31", width: 14},
			{path: "status", example: "进行中", width: 10},
		}},
	{name: SheetPlanning, scope: scopeFacts, county: true, note: "达标规划测算用的单价和选项（每项一行，填在「填写值」列；不填的单价用默认值）",
		cols: facts(concatPaths(planningCosts(),
			[]string{"planning.off", "planning.max_new_teachers", "planning.margin", "planning.all_seven", "planning.excluded_schools"})...)},
}

// SheetLedger is the 整改台账 sheet of the county workbook.
const SheetLedger = "整改台账"

// SheetPlanning is the 达标规划 sheet of the county workbook: unit costs and options.
const SheetPlanning = "达标规划设置"

// catalogPath is the catalogue path of a column of a sheet.
func catalogPath(sh *sheet, c *column) string {
	switch sh.scope {
	case scopeRectify:
		if c.path == "name" {
			return "name" // the school's name, checked against its id
		}
		return "county.rectification." + c.path
	case scopeFacts:
		return "county." + c.path
	case scopeFinance:
		return "county.finance." + c.path
	case scopeSurvey:
		return map[string]string{"group": "county.survey", "0": "county.survey.respondents", "1": "county.survey.satisfied"}[c.path]
	}
	return c.path
}

// init takes every column's label, unit, kind, options and decimals from
// the catalogue. A column the catalogue does not know is a programming
// error caught by every test.
func init() {
	for i := range sheets {
		sh := &sheets[i]
		for k := range sh.cols {
			c := &sh.cols[k]
			spec, ok := county.Spec(catalogPath(sh, c))
			if !ok {
				panic("xlsx: the catalogue has no field " + catalogPath(sh, c))
			}
			c.spec, c.header, c.enum, c.decimals = spec, spec.Title(), spec.Options, spec.Decimals
			switch spec.Kind {
			case county.KindInt:
				c.kind = kInt
			case county.KindFloat:
				c.kind = kFloat
			case county.KindBool:
				c.kind = kBool
			case county.KindEnum:
				c.kind = kEnum
			case county.KindList:
				c.kind = kList
			case county.KindDate:
				c.kind = kDate
			default:
				c.kind = kText
			}
			if sh.scope == scopeSurvey && c.path == "group" {
				c.header = hdrGroup
			}
			if h, ok := rectifyHeaders[c.path]; ok && sh.scope == scopeRectify {
				// the ledger's own headers; the catalogue's label is read too
				c.header, c.legacy = h, spec.Title()
			}
			if sh.scope == scopeFacts && !strings.ContainsAny(spec.Item, "、–") {
				c.code = spec.Item
			}
		}
	}
}

// keyHeader is the header that identifies the rows of a sheet.
func (s *sheet) keyHeader() string {
	switch s.scope {
	case scopeFacts:
		return hdrItem
	case scopeSurvey:
		return hdrGroup
	case scopeFinance:
		return hdrYear
	case scopeRectify:
		return hdrCode
	}
	return hdrID
}

// rectifyHeaders are the headers of the 整改台账 where they differ from
// the catalogue's labels (整改指标编号 is 编号 beside the school's id).
var rectifyHeaders = map[string]string{"code": hdrCode, "school_id": hdrID, "status": "状态"}

// isKeyCol reports whether a column identifies its row rather than holding
// a value: the key, the name beside a school id, the school of a to-do item.
func (s *sheet) isKeyCol(c *column) bool {
	return c == &s.cols[0] || c.path == "name" || s.scope == scopeRectify && c.path == "school_id"
}

// isValueCol reports whether a cell of the column is one of the import's
// values: counted as read (Counts.Values), then as changed or unchanged.
// Every column is, but the keys and name of a keyed sheet (a county fact
// sheet has one value per row and no keys). The reader's count and the
// planner's comparison both ask this, so no cell is read but not compared.
func (s *sheet) isValueCol(c *column) bool {
	return s.scope == scopeFacts || !s.isKeyCol(c)
}

// sheetByName finds a sheet of the table.
func sheetByName(name string) *sheet {
	for i := range sheets {
		if sheets[i].name == name {
			return &sheets[i]
		}
	}
	return nil
}
