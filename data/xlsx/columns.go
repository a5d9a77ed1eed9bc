package xlsx

import "junheng/app/county"

// kind is how a cell is written and read.
type kind int

const (
	kText  kind = iota // free text
	kInt               // whole number ≥ 0
	kFloat             // number ≥ 0
	kBool              // 是 / 否
	kEnum              // one of column.enum
	kList              // numbers separated by 、 (room areas); 无 = none
)

// scope is what a row of a sheet stands for.
type scope int

const (
	scopeSchool  scope = iota // one row per school, keyed by 学校标识码
	scopeFacts                // one row per county fact, keyed by 项目
	scopeSurvey               // one row per survey group, keyed by 调查对象
	scopeFinance              // one row per calendar year, keyed by 年度
)

// column maps one header to one field. path is the JSON path inside a
// county.School (school sheets), county.Profile (fact sheets) or
// county.FinanceYear (finance sheet).
type column struct {
	path     string
	header   string // Chinese, with the unit
	kind     kind
	enum     []string
	decimals int    // shown decimals of kFloat
	example  string // value of the example row (school sheets) or hint (fact sheets)
	code     string // item code shown beside a fact (G8, Q1…)
	required bool   // the sheet cannot be imported without this column
	width    float64
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

func idCol() column {
	return column{path: "id", header: hdrID, kind: kText, required: true, example: exampleKey, width: 16}
}

func nameCol(required bool) column {
	return column{path: "name", header: hdrName, kind: kText, required: required, example: "示例小学（此行不导入）", width: 24}
}

func teacherCols(stage, stageName string) []column {
	above := "专科及以上"
	if stage == "junior" {
		above = "本科及以上"
	}
	p := "teachers." + stage + "."
	return []column{idCol(), nameCol(false),
		{path: p + "full_time", header: stageName + "专任教师数（人）", kind: kInt, example: "70"},
		{path: p + "certified", header: stageName + "持证专任教师数（人）", kind: kInt, example: "70"},
		{path: p + "above_degree", header: stageName + "高于规定学历（" + above + "）教师数（人）", kind: kInt, example: "62"},
		{path: p + "backbone", header: stageName + "县级以上骨干教师数（人）", kind: kInt, example: "14"},
		{path: p + "pe", header: stageName + "体育专任教师数（人）", kind: kInt, example: "5"},
		{path: p + "music", header: stageName + "音乐专任教师数（人）", kind: kInt, example: "4"},
		{path: p + "art", header: stageName + "美术专任教师数（人）", kind: kInt, example: "3"},
		{path: p + "mid_title", header: stageName + "中级及以上职称教师数（人）", kind: kInt, example: "30"},
	}
}

// yesNoFact is a G/Q fact decided by the clerk, with its evidence row.
func yesNoFact(code, name string) []column {
	return []column{
		{path: "gov." + code + ".ok", code: code, header: code + " " + name, kind: kBool, example: "是 / 否"},
		{path: "gov." + code + ".evidence", code: code, header: code + " 佐证材料", kind: kText, example: "文件名称、文号"},
	}
}

func qualityYesNo(code, name string) []column {
	return []column{
		{path: "quality." + code + ".ok", code: code, header: code + " " + name, kind: kBool, example: "是 / 否"},
		{path: "quality." + code + ".evidence", code: code, header: code + " 佐证材料", kind: kText, example: "文件名称、文号"},
	}
}

func concat(parts ...[]column) []column {
	var out []column
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// sheets is the one table of the workbook.
var sheets = []sheet{
	{name: "学校基本信息", scope: scopeSchool, note: "每所学校一行：标识码、名称、类型、城乡分类、在校生、班级、学校管理",
		cols: []column{idCol(), nameCol(true),
			{path: "type", header: "学校类型", kind: kEnum, enum: county.SchoolTypes, required: true, example: county.TypePrimary, width: 14},
			{path: "location", header: "城乡分类", kind: kEnum, enum: county.Locations, example: "城区"},
			{path: "private", header: "是否民办", kind: kBool, example: "否"},
			{path: "boarding", header: "是否寄宿制", kind: kBool, example: "否"},
			{path: "parent_id", header: "所属中心校标识码（教学点填写）", kind: kText, example: "", width: 18},
			{path: "students.primary", header: "小学在校生数（人）", kind: kInt, example: "1200"},
			{path: "students.junior", header: "初中在校生数（人）", kind: kInt, example: "0"},
			{path: "students.senior", header: "高中在校生数（人）", kind: kInt, example: "0"},
			{path: "classes.primary", header: "小学班级数（个）", kind: kInt, example: "24"},
			{path: "classes.junior", header: "初中班级数（个）", kind: kInt, example: "0"},
			{path: "largest_class.primary", header: "小学最大班额（人）", kind: kInt, example: "45"},
			{path: "largest_class.junior", header: "初中最大班额（人）", kind: kInt, example: "0"},
			{path: "charter", header: "是否有学校章程", kind: kBool, example: "是"},
			{path: "informatized", header: "是否实现信息化管理与教学", kind: kBool, example: "是"},
			{path: "moral_rating", header: "德育与校园文化评价", kind: kEnum, enum: county.MoralRatings, example: "良好"},
		}},
	{name: "小学教师", scope: scopeSchool, stage: "primary", note: "有小学学段的学校每校一行：按任教小学的专任教师统计",
		cols: teacherCols("primary", "小学")},
	{name: "初中教师", scope: scopeSchool, stage: "junior", note: "有初中学段的学校每校一行：按任教初中的专任教师统计",
		cols: teacherCols("junior", "初中")},
	{name: "校舍与装备", scope: scopeSchool, note: "每所学校一行：校舍面积、运动场地、仪器设备、多媒体教室、计算机、图书",
		cols: []column{idCol(), nameCol(false),
			{path: "area_teaching_aux", header: "教学及辅助用房面积（㎡）", kind: kFloat, decimals: 2, example: "6400"},
			{path: "area_indoor_sports", header: "其中：室内体育用房面积（㎡）", kind: kFloat, decimals: 2, example: "400"},
			{path: "area_sports_ground", header: "室外体育运动场地面积（㎡）", kind: kFloat, decimals: 2, example: "9000"},
			{path: "equipment_value", header: "教学仪器设备资产值（元）", kind: kFloat, decimals: 2, example: "2600000"},
			{path: "multimedia_rooms", header: "网络多媒体教室数（间）", kind: kInt, example: "30"},
			{path: "computers", header: "计算机台数（台）", kind: kInt, example: "150"},
			{path: "books", header: "图书册数（册）", kind: kInt, example: "36000"},
		}},
	{name: "功能教室", scope: scopeSchool, note: "每所学校一行：每间音乐、美术专用教室的面积，多间用顿号分隔（如 98、96），没有填「无」",
		cols: []column{idCol(), nameCol(false),
			{path: "music_rooms", header: "音乐专用教室面积（㎡，每间一个数，用顿号分隔）", kind: kList, example: "98、96", width: 30},
			{path: "art_rooms", header: "美术专用教室面积（㎡，每间一个数，用顿号分隔）", kind: kList, example: "92", width: 30},
		}},
	{name: "经费与招生", scope: scopeSchool, note: "每所学校一行：公用经费、培训经费、新生及就近划片入学新生",
		cols: []column{idCol(), nameCol(false),
			{path: "public_funds_allocated", header: "核拨公用经费（元）", kind: kFloat, decimals: 2, example: "780000"},
			{path: "public_funds_budget", header: "年度公用经费预算（元）", kind: kFloat, decimals: 2, example: "780000"},
			{path: "training_funds", header: "教师培训经费（元）", kind: kFloat, decimals: 2, example: "40000"},
			{path: "entrants.primary", header: "小学新生数（人）", kind: kInt, example: "200"},
			{path: "entrants_nearby.primary", header: "小学就近划片入学新生数（人）", kind: kInt, example: "200"},
			{path: "entrants.junior", header: "初中新生数（人）", kind: kInt, example: "0"},
			{path: "entrants_nearby.junior", header: "初中就近划片入学新生数（人）", kind: kInt, example: "0"},
		}},
	{name: "县级基本情况", scope: scopeFacts, county: true, note: "县（市、区）概况、公用经费基准定额和申报表文字（每项一行，填在「填写值」列）",
		cols: []column{
			{path: "name", header: "县（市、区）名称", kind: kText, example: ""},
			{path: "code", header: "行政区划代码", kind: kText, example: ""},
			{path: "province", header: "省", kind: kText, example: ""},
			{path: "city", header: "市", kind: kText, example: ""},
			{path: "population_wan", header: "人口总数（万人）", kind: kFloat, decimals: 2, example: "13.58"},
			{path: "townships", header: "乡镇数（个）", kind: kInt, example: "0"},
			{path: "subdistricts", header: "街道办事处数（个）", kind: kInt, example: "7"},
			{path: "target_year", header: "实现优质均衡的年份", kind: kInt, example: "2025"},
			{path: "public_funds_norm.primary", code: "G6", header: "小学生均公用经费基准定额（元）", kind: kFloat, decimals: 2, example: "650"},
			{path: "public_funds_norm.junior", code: "G6", header: "初中生均公用经费基准定额（元）", kind: kFloat, decimals: 2, example: "850"},
			{path: "narrative.basic", header: "申报表：基本情况", kind: kText, example: "文字"},
			{path: "narrative.foundation", header: "申报表：工作基础", kind: kText, example: "文字"},
			{path: "narrative.problems", header: "申报表：存在问题", kind: kText, example: "文字"},
			{path: "narrative.measures", header: "申报表：整改措施", kind: kText, example: "文字"},
		}},
	{name: "县级指标", scope: scopeFacts, county: true, note: "政府保障程度（G）、教育质量（Q）的县级数据和一票否决（V）事项（每项一行，填在「填写值」列）",
		cols: concat(
			yesNoFact("G1", "规划布局合理，符合国家规定要求"),
			yesNoFact("G2.1", "城乡统一的学校建设标准"),
			yesNoFact("G2.2", "城乡统一的教师编制标准"),
			yesNoFact("G2.3", "城乡统一的生均公用经费基准定额"),
			yesNoFact("G2.4", "城乡统一的基本装备配置标准"),
			[]column{
				{path: "gov.G8.teacher_avg_pay", code: "G8", header: "G8 教师年平均工资（元）", kind: kFloat, decimals: 2, example: "98000"},
				{path: "gov.G8.civil_servant_avg_pay", code: "G8", header: "G8 当地公务员年平均工资（元）", kind: kFloat, decimals: 2, example: "95000"},
				{path: "gov.G8.performance_pay_full", code: "G8", header: "G8 绩效工资全额核定", kind: kBool, example: "是 / 否"},
				{path: "gov.G8.evidence", code: "G8", header: "G8 佐证材料", kind: kText, example: "文件名称、文号"},
				{path: "gov.G9.teachers", code: "G9", header: "G9 应参训教师数（人）", kind: kInt, example: "1126"},
				{path: "gov.G9.completed_360h", code: "G9", header: "G9 五年内完成360学时教师数（人）", kind: kInt, example: "1126"},
				{path: "gov.G9.evidence", code: "G9", header: "G9 佐证材料", kind: kText, example: "文件名称、文号"},
			},
			yesNoFact("G10", "县域内教师编制、岗位统筹调配"),
			[]column{
				{path: "gov.G11.eligible", code: "G11", header: "G11 符合交流条件教师数（人）", kind: kInt, example: "300"},
				{path: "gov.G11.rotated", code: "G11", header: "G11 交流轮岗教师数（人）", kind: kInt, example: "35"},
				{path: "gov.G11.rotated_backbone", code: "G11", header: "G11 交流轮岗骨干教师数（人）", kind: kInt, example: "8"},
				{path: "gov.G11.evidence", code: "G11", header: "G11 佐证材料", kind: kText, example: "文件名称、文号"},
				{path: "gov.G14.quota_total", code: "G14", header: "G14 优质高中招生计划数（人）", kind: kInt, example: "504"},
				{path: "gov.G14.quota_allocated", code: "G14", header: "G14 分配到初中的指标数（人）", kind: kInt, example: "263"},
				{path: "gov.G14.rural_tilt", code: "G14", header: "G14 向农村学校倾斜", kind: kBool, example: "是 / 否"},
				{path: "gov.G14.evidence", code: "G14", header: "G14 佐证材料", kind: kText, example: "文件名称、文号"},
				{path: "gov.G15.care_system", code: "G15", header: "G15 建立留守儿童关爱体系", kind: kBool, example: "是 / 否"},
				{path: "gov.G15.migrant_eligible", code: "G15", header: "G15 符合条件的随迁子女数（人）", kind: kInt, example: "1312"},
				{path: "gov.G15.migrant_in_public_or_funded", code: "G15", header: "G15 在公办或政府购买服务民办学校就读的随迁子女数（人）", kind: kInt, example: "1216"},
				{path: "gov.G15.evidence", code: "G15", header: "G15 佐证材料", kind: kText, example: "文件名称、文号"},
				{path: "quality.Q1.cohort_entry", code: "Q1", header: "Q1 初中入学时学生数（人）", kind: kInt, example: "820"},
				{path: "quality.Q1.cohort_retained", code: "Q1", header: "Q1 三年后在校学生数（人）", kind: kInt, example: "801"},
				{path: "quality.Q1.evidence", code: "Q1", header: "Q1 佐证材料", kind: kText, example: "文件名称、文号"},
				{path: "quality.Q2.eligible", code: "Q2", header: "Q2 适龄残疾儿童数（人）", kind: kInt, example: "84"},
				{path: "quality.Q2.enrolled", code: "Q2", header: "Q2 入学残疾儿童数（人）", kind: kInt, example: "84"},
				{path: "quality.Q2.evidence", code: "Q2", header: "Q2 佐证材料", kind: kText, example: "文件名称、文号"},
			},
			qualityYesNo("Q5", "教师能熟练运用信息化手段组织教学"),
			qualityYesNo("Q7", "课程开齐开足，教学秩序规范"),
			qualityYesNo("Q8", "无过重课业负担"),
			[]column{
				{path: "quality.Q9.level_iii_or_above", code: "Q9", header: "Q9 质量监测达到Ⅲ级以上", kind: kBool, example: "是 / 否"},
				{path: "quality.Q9.difference_rate", code: "Q9", header: "Q9 校际差异率", kind: kFloat, decimals: 3, example: "0.12"},
				{path: "quality.Q9.evidence", code: "Q9", header: "Q9 佐证材料", kind: kText, example: "文件名称、文号"},
				{path: "veto.V1", code: "V1", header: "V1 以考试方式招生", kind: kBool, example: "发生填「是」，未发生填「否」"},
				{path: "veto.V2", code: "V2", header: "V2 违规择校", kind: kBool, example: "发生填「是」，未发生填「否」"},
				{path: "veto.V3", code: "V3", header: "V3 设置重点学校或重点班", kind: kBool, example: "发生填「是」，未发生填「否」"},
				{path: "veto.V4", code: "V4", header: "V4 「有编不补」或长期聘用编外教师", kind: kBool, example: "发生填「是」，未发生填「否」"},
				{path: "veto.V5", code: "V5", header: "V5 发生重大安全责任事故", kind: kBool, example: "发生填「是」，未发生填「否」"},
				{path: "veto.V6", code: "V6", header: "V6 发生严重违纪违规事件", kind: kBool, example: "发生填「是」，未发生填「否」"},
				{path: "veto.V7", code: "V7", header: "V7 弄虚作假", kind: kBool, example: "发生填「是」，未发生填「否」"},
			}),
	},
	{name: "满意度调查", scope: scopeSurvey, county: true, note: "社会认可度（S1）：每类调查对象一行，填写调查人数和满意人数",
		cols: []column{
			{path: "group", header: hdrGroup, kind: kEnum, enum: county.SurveyGroups, required: true, example: "学生", width: 14},
			{path: "0", header: "调查人数（人）", kind: kInt, required: true, example: "400"},
			{path: "1", header: "满意人数（人）", kind: kInt, required: true, example: "372"},
		}},
	{name: "教育经费", scope: scopeFinance, county: true, note: "表Ⅴ 义务教育经费情况：每个自然年度一行；金额单位万元，生均和工资单位元",
		cols: []column{
			{path: "year", header: hdrYear, kind: kInt, required: true, example: "2019", width: 10},
			{path: "recurrent_revenue", header: "财政经常性收入（万元）", kind: kFloat, decimals: 2, example: "168347"},
			{path: "edu_appropriation", header: "义务教育财政拨款（万元）", kind: kFloat, decimals: 2, example: "16448"},
			{path: "public_edu_expenditure", header: "一般公共预算教育支出（万元）", kind: kFloat, decimals: 2, example: "21000"},
			{path: "fiscal_expenditure", header: "一般公共预算支出（万元）", kind: kFloat, decimals: 2, example: "260000"},
			{path: "students", header: "义务教育在校生数（人）", kind: kInt, example: "10100"},
			{path: "per_student_operating.primary", header: "小学生均一般公共预算教育事业费（元）", kind: kFloat, decimals: 2, example: "9249"},
			{path: "per_student_operating.junior", header: "初中生均一般公共预算教育事业费（元）", kind: kFloat, decimals: 2, example: "19083"},
			{path: "per_student_public_funds.primary", header: "小学生均一般公共预算公用经费（元）", kind: kFloat, decimals: 2, example: "2337"},
			{path: "per_student_public_funds.junior", header: "初中生均一般公共预算公用经费（元）", kind: kFloat, decimals: 2, example: "5113"},
			{path: "staff_avg_salary", header: "教职工年平均工资（元）", kind: kFloat, decimals: 2, example: "86000"},
			{path: "edu_surcharge_levied", header: "教育费附加征收额（万元）", kind: kFloat, decimals: 2, example: "1969"},
			{path: "edu_surcharge_allocated", header: "教育费附加拨付额（万元）", kind: kFloat, decimals: 2, example: "1969"},
		}},
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
	}
	return hdrID
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
