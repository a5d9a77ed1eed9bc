package county

// The field catalogue: every field of the county file, once. Labels follow
// the paper forms of the application (申报表、学校基本情况表); hints quote
// the requirement of the standard (standard.md) that the field serves.

// Field builders keep the table readable.

func count(path, label, unit string, max float64, item, hint string) FieldSpec {
	return FieldSpec{Path: path, Label: label, Unit: unit, Kind: KindInt, Max: max, Item: item, Hint: hint}
}

func amount(path, label, unit string, max float64, decimals int, item, hint string) FieldSpec {
	return FieldSpec{Path: path, Label: label, Unit: unit, Kind: KindFloat, Max: max, Decimals: decimals, Item: item, Hint: hint}
}

// salary is an amount that is never 0: a yearly pay of 0 元 is a form
// left blank, and G8 would pass comparing 0 with 0.
func salary(s FieldSpec) FieldSpec {
	s.Min = 1
	return s
}

func yesNo(path, label, item, hint string) FieldSpec {
	return FieldSpec{Path: path, Label: label, Kind: KindBool, Options: []string{"是", "否"}, Item: item, Hint: hint}
}

func text(path, label string, maxLen int, item, hint string) FieldSpec {
	return FieldSpec{Path: path, Label: label, Kind: KindText, MaxLen: maxLen, Item: item, Hint: hint}
}

func name(path, label, hint string) FieldSpec {
	return FieldSpec{Path: path, Label: label, Kind: KindName, MaxLen: NameMaxLen, Hint: hint}
}

func staged(s FieldSpec, stage string) FieldSpec { s.Stage = stage; return s }

// perPupil adds a per-pupil bound to a school amount.
func perPupil(s FieldSpec, max float64) FieldSpec { s.PerPupilMax = max; return s }

// evidenceHint is the hint of every 佐证材料 field.
const evidenceHint = "文件名称、文号或情况说明"

// fileFields are the top-level fields of the file.
var fileFields = []FieldSpec{
	{Path: "format", Label: "文件格式", Kind: KindEnum, Options: []string{Format}},
	{Path: "year", Label: "学年", Kind: KindEnum, Hint: "写作「2024-2025」的形式"}, // checked by Validate
	{Path: "schools", Label: "学校列表", Kind: KindText},
}

var stageLabel = map[string]string{"primary": "小学", "junior": "初中"}

// teacherSpecs are the eight teacher counts of one stage.
func teacherSpecs(stage string) []FieldSpec {
	st := stageLabel[stage]
	degree, r1 := "专科及以上", "4.2"
	if stage == "junior" {
		degree, r1 = "本科及以上", "5.3"
	}
	r2, r3 := "1.0", "0.9"
	p := "teachers." + stage + "."
	mk := func(field, label, item, hint string) FieldSpec {
		return staged(count(p+field, st+label, "人", MaxTeachersPerStage, item, hint), stage)
	}
	return []FieldSpec{
		mk("full_time", "专任教师数", "R1–R3、G12", "只计专任教师，按所教学段填写"),
		mk("certified", "持证专任教师数", "G12", "持有教师资格证的专任教师（G12：100% 持证上岗）"),
		mk("above_degree", "高于规定学历教师数", "R1", st+"："+degree+"学历的专任教师（R1：每百名学生不少于 "+r1+" 人）"),
		mk("backbone", "县级以上骨干教师数", "R2", "县级及以上教育行政部门认定的骨干教师（R2：每百名学生不少于 "+r2+" 人）"),
		mk("pe", "体育专任教师数", "R3", "体育专任教师（R3：体育、音乐、美术专任教师每百名学生不少于 "+r3+" 人）"),
		mk("music", "音乐专任教师数", "R3", "音乐专任教师（R3）"),
		mk("art", "美术专任教师数", "R3", "美术专任教师（R3）"),
		mk("mid_title", "中级及以上职称教师数", "B8", "中级及以上专业技术职务（仅用于基本均衡 B8）"),
	}
}

var schoolFields = concatSpecs(
	[]FieldSpec{
		{Path: "id", Label: "学校标识码", Kind: KindID, MaxLen: IDMaxLen, Hint: "全国中小学校标识码（10 位）"},
		name("name", "学校名称", "与学校公章一致的全称"),
		{Path: "type", Label: "学校类型", Kind: KindEnum, Options: SchoolTypes, Hint: "九年一贯制、十二年一贯制、完全中学的设施按学段折算"},
		{Path: "location", Label: "城乡分类", Kind: KindEnum, Options: Locations, Item: "G13", Hint: "城区、镇区公办非寄宿学校参加就近入学统计（G13）"},
		yesNo("private", "是否民办", "", "民办学校默认参加资源配置计算（可在设置中排除）"),
		yesNo("boarding", "是否寄宿制", "G13", "寄宿制学校不参加就近入学统计（G13）"),
		{Path: "parent_id", Label: "所属中心校", Kind: KindID, MaxLen: IDMaxLen, Types: []string{TypePoint},
			Hint: "教学点必填：所属中心校的学校标识码"},
		staged(count("students.primary", "小学在校生数", "人", MaxStudentsPerStage, "R1–R7、G4", "小学学段在校学生（G4：小学规模不超过 2000 人）"), "primary"),
		staged(count("students.junior", "初中在校生数", "人", MaxStudentsPerStage, "R1–R7、G4", "初中学段在校学生（G4：初中规模不超过 2000 人，九年一贯制义务教育部分不超过 2500 人）"), "junior"),
		{Path: "students.senior", Label: "高中在校生数", Unit: "人", Kind: KindInt, Max: MaxStudentsPerStage, Stage: "senior",
			Types: []string{TypeTwelveYear, TypeComplete, TypeSpecial}, Hint: "仅完全中学、十二年一贯制：用于设施按学段折算"},
		staged(count("classes.primary", "小学班级数", "个", MaxClassesPerStage, "G3", "小学教学班数（G3：每 12 个班至少 1 间音乐、1 间美术专用教室）"), "primary"),
		staged(count("classes.junior", "初中班级数", "个", MaxClassesPerStage, "G3", "初中教学班数（G3：每 12 个班至少 1 间音乐、1 间美术专用教室）"), "junior"),
		staged(count("largest_class.primary", "小学最大班额", "人", MaxClassSize, "G5", "人数最多的班级的学生数（G5：不超过 45）"), "primary"),
		staged(count("largest_class.junior", "初中最大班额", "人", MaxClassSize, "G5", "人数最多的班级的学生数（G5：不超过 50）"), "junior"),
	},
	teacherSpecs("primary"),
	teacherSpecs("junior"),
	[]FieldSpec{
		amount("area_teaching_aux", "教学及辅助用房面积", "㎡", MaxSchoolArea, 2, "R4", "教学及辅助用房总面积，含室内体育用房（R4 计算时扣除）；R4 生均：小学≥4.5㎡/生，初中≥5.8㎡/生"),
		amount("area_indoor_sports", "室内体育用房面积", "㎡", MaxSchoolArea, 2, "R4、R5", "风雨操场、体育馆等，属于教学及辅助用房，计入 R5 体育运动场馆"),
		amount("area_sports_ground", "室外体育运动场地面积", "㎡", MaxSchoolArea, 2, "R5", "室外田径场、球场等运动场地；R5 生均体育运动场馆：小学≥7.5㎡/生，初中≥10.2㎡/生"),
		perPupil(amount("equipment_value", "教学仪器设备资产值", "元", MaxSchoolMoney, 2, "R6", "账面值，单位为元（不是万元）；R6 生均：小学≥2000 元，初中≥2500 元"), MaxPerPupilEquipment),
		count("multimedia_rooms", "网络多媒体教室数", "间", MaxMultimediaRooms, "R7", "接入网络的多媒体教室（R7：每百名学生小学≥2.3 间，初中≥2.4 间）"),
		count("computers", "计算机台数", "台", MaxDevices, "B4", "仅用于基本均衡 B4"),
		count("books", "图书册数", "册", MaxBooks, "B5", "仅用于基本均衡 B5"),
		{Path: "music_rooms", Label: "音乐专用教室面积", Unit: "㎡", Kind: KindList, Min: MinRoomArea, Max: MaxRoomArea, MaxLen: MaxRooms, Decimals: 2,
			Item: "G3", Hint: "每间音乐专用教室的面积，用顿号分隔，如「98、96」；没有填「无」（G3：每间不小于 96㎡）"},
		{Path: "art_rooms", Label: "美术专用教室面积", Unit: "㎡", Kind: KindList, Min: MinRoomArea, Max: MaxRoomArea, MaxLen: MaxRooms, Decimals: 2,
			Item: "G3", Hint: "每间美术专用教室的面积，用顿号分隔，如「92」；没有填「无」（G3：每间不小于 90㎡）"},
		perPupil(amount("public_funds_allocated", "核拨公用经费", "元", MaxSchoolMoney, 2, "G6、G7", "本年度实际核拨的公用经费（G6：不足 100 人的村小、教学点按 100 人核定；G7：特殊教育学校生均不低于 6000 元）"), MaxPerPupilFunds),
		perPupil(amount("public_funds_budget", "年度公用经费预算", "元", MaxSchoolMoney, 2, "Q4", "学校年度公用经费预算总额（Q4）"), MaxPerPupilFunds),
		perPupil(amount("training_funds", "教师培训经费", "元", MaxSchoolMoney, 2, "Q4", "安排的教师培训经费（Q4：不低于年度公用经费预算的 5%）"), MaxPerPupilFunds),
		staged(count("entrants.primary", "小学新生数", "人", MaxStudentsPerStage, "G13", "本学年小学一年级新生"), "primary"),
		staged(count("entrants_nearby.primary", "小学就近划片入学新生数", "人", MaxStudentsPerStage, "G13", "按划片就近入学的新生（G13：城区、镇区公办学校 100%）"), "primary"),
		staged(count("entrants.junior", "初中新生数", "人", MaxStudentsPerStage, "G13", "本学年初中一年级新生"), "junior"),
		staged(count("entrants_nearby.junior", "初中就近划片入学新生数", "人", MaxStudentsPerStage, "G13", "按划片就近入学的新生（G13：城区、镇区公办学校 95% 以上）"), "junior"),
		yesNo("charter", "是否有学校章程", "Q3", "学校章程经核准（Q3）"),
		yesNo("informatized", "是否实现信息化管理与教学", "Q3", "学校管理与教学实现信息化（Q3）"),
		{Path: "moral_rating", Label: "德育与校园文化评价", Kind: KindEnum, Options: MoralRatings, Item: "Q6", Hint: "德育工作、校园文化建设水平（Q6：良好以上）"},
		// 表Ⅰ: staff per stage (exchange.md, optional).
		staged(count("staff.primary", "小学教职工数", "人", MaxTeachersPerStage, "", "学校小学学段教职工总数（表Ⅰ）"), "primary"),
		staged(count("staff.junior", "初中教职工数", "人", MaxTeachersPerStage, "", "学校初中学段教职工总数（表Ⅰ）"), "junior"),
	},
)

// yesNoFact is a county fact decided by the clerk, with its evidence.
func yesNoFact(path, code, label, hint string) []FieldSpec {
	return []FieldSpec{
		yesNo(path+".ok", code+" "+label, code, hint),
		text(path+".evidence", code+" 佐证材料", TextMaxLen, code, evidenceHint),
	}
}

func evidence(path, code string) FieldSpec {
	return text(path+".evidence", code+" 佐证材料", TextMaxLen, code, evidenceHint)
}

func veto(code, label string) FieldSpec {
	return yesNo("county.veto."+code, code+" "+label, code, "发生填「是」，未发生填「否」；任何一项为「是」即不能通过评估")
}

func finance(field, label, unit string, max float64, item, hint string) FieldSpec {
	return amount("county.finance."+field, label, unit, max, 2, item, hint)
}

var countyFields = concatSpecs(
	[]FieldSpec{
		name("county.name", "县（市、区）名称", "如「义马市」"),
		{Path: "county.code", Label: "行政区划代码", Kind: KindID, MaxLen: 12, Hint: "6 位行政区划代码"},
		name("county.province", "省", ""),
		name("county.city", "市", ""),
		amount("county.population_wan", "人口总数", "万人", MaxPopulationWan, 2, "", "县域常住人口（表Ⅰ）"),
		amount("county.agricultural_population_wan", "农业人口", "万人", MaxPopulationWan, 2, "", "表Ⅰ"),
		amount("county.area_km2", "土地面积", "km²", MaxAreaKm2, 2, "", "表Ⅰ"),
		count("county.townships", "乡镇数", "个", MaxDivisions, "", ""),
		count("county.subdistricts", "街道办事处数", "个", MaxDivisions, "", ""),
		count("county.villages", "行政村数", "个", MaxDivisions, "", "表Ⅰ"),
		amount("county.gdp_per_capita", "人均地区生产总值", "元", MaxPerCapitaMoney, 2, "", "表Ⅰ"),
		amount("county.fiscal_revenue_per_capita", "人均地方一般公共预算收入", "元", MaxPerCapitaMoney, 2, "", "表Ⅰ"),
		amount("county.rural_income_per_capita", "农村居民人均可支配收入", "元", MaxPerCapitaMoney, 2, "", "表Ⅰ"),
		amount("county.urban_income_per_capita", "城镇居民人均可支配收入", "元", MaxPerCapitaMoney, 2, "", "表Ⅰ"),
		{Path: "county.target_year", Label: "实现优质均衡的年份", Kind: KindInt, Min: 2000, Max: MaxYear, Hint: "如 2025"},
		{Path: "county.application.date", Label: "申报日期", Kind: KindDate, Hint: "印在申报材料封面和落款处，如 2025-03-08；不填则用学年的最后一天"},
		name("county.application.applicant", "申报单位", "如「义马市人民政府」"),
		name("county.application.office", "承办单位", "如「义马市教育体育局」"),
		name("county.application.contact", "联系人", ""),
		{Path: "county.application.phone", Label: "联系电话", Kind: KindText, MaxLen: 40, Hint: "如 0398-5812345"},
		{Path: "county.application.doc_no", Label: "发文字号", Kind: KindText, MaxLen: 40, Hint: "请示的发文字号，如「义政文〔2025〕12号」"},
		name("county.application.signer", "签发人", "签发请示的县级人民政府负责人"),
		{Path: "county.application.attachments", Label: "附件", Kind: KindText, MaxLen: 2000, Hint: "随请示报送的附件名称，一行一件"},
		text("county.narrative.request", "申报表：申请报告", NarrativeMaxLn, "", "县人民政府申请报告的正文；不填则由程序按数据生成"),
		text("county.narrative.basic", "申报表：基本情况", NarrativeMaxLn, "", "申报表文字"),
		text("county.narrative.foundation", "申报表：工作基础", NarrativeMaxLn, "", "申报表文字"),
		text("county.narrative.problems", "申报表：存在问题", NarrativeMaxLn, "", "申报表文字"),
		text("county.narrative.measures", "申报表：整改措施", NarrativeMaxLn, "", "申报表文字"),
		amount("county.public_funds_norm.primary", "小学生均公用经费基准定额", "元/生", MaxPerCapitaMoney, 2, "G6", "村小、教学点不足 100 人按 100 人核定（G6）"),
		amount("county.public_funds_norm.junior", "初中生均公用经费基准定额", "元/生", MaxPerCapitaMoney, 2, "G6", "村小、教学点不足 100 人按 100 人核定（G6）"),
	},
	yesNoFact("county.gov.G1", "G1", "规划布局合理，符合国家规定要求", "县域义务教育学校布局规划经批准并落实"),
	yesNoFact("county.gov.G2.1", "G2.1", "城乡统一的学校建设标准", ""),
	yesNoFact("county.gov.G2.2", "G2.2", "城乡统一的教师编制标准", ""),
	yesNoFact("county.gov.G2.3", "G2.3", "城乡统一的生均公用经费基准定额", ""),
	yesNoFact("county.gov.G2.4", "G2.4", "城乡统一的基本装备配置标准", ""),
	[]FieldSpec{
		salary(amount("county.gov.G8.teacher_avg_pay", "G8 教师年平均工资", "元", MaxPerCapitaMoney, 2, "G8", "义务教育学校教师年平均工资收入（G8：不低于当地公务员）")),
		salary(amount("county.gov.G8.civil_servant_avg_pay", "G8 当地公务员年平均工资", "元", MaxPerCapitaMoney, 2, "G8", "当地公务员年平均工资收入")),
		yesNo("county.gov.G8.performance_pay_full", "G8 绩效工资全额核定", "G8", ""),
		evidence("county.gov.G8", "G8"),
		count("county.gov.G9.teachers", "G9 应参训教师数", "人", MaxCountyCount, "G9", "五年周期内应参加培训的教师"),
		count("county.gov.G9.completed_360h", "G9 五年内完成360学时教师数", "人", MaxCountyCount, "G9", "五年内完成 360 学时培训的教师（G9：100%）"),
		evidence("county.gov.G9", "G9"),
	},
	yesNoFact("county.gov.G10", "G10", "县域内教师编制、岗位统筹调配", "在核定的编制总额和岗位总量内统筹分配"),
	[]FieldSpec{
		count("county.gov.G11.eligible", "G11 符合交流条件教师数", "人", MaxCountyCount, "G11", ""),
		count("county.gov.G11.rotated", "G11 交流轮岗教师数", "人", MaxCountyCount, "G11", "G11：不低于符合交流条件教师的 10%"),
		count("county.gov.G11.rotated_backbone", "G11 交流轮岗骨干教师数", "人", MaxCountyCount, "G11", "G11：不低于交流轮岗教师的 20%"),
		evidence("county.gov.G11", "G11"),
		count("county.gov.G14.quota_total", "G14 优质高中招生计划数", "人", MaxCountyCount, "G14", ""),
		count("county.gov.G14.quota_allocated", "G14 分配到初中的指标数", "人", MaxCountyCount, "G14", "G14：不低于招生计划的 50%"),
		yesNo("county.gov.G14.rural_tilt", "G14 向农村学校倾斜", "G14", ""),
		evidence("county.gov.G14", "G14"),
		yesNo("county.gov.G15.care_system", "G15 建立留守儿童关爱体系", "G15", ""),
		count("county.gov.G15.migrant_eligible", "G15 符合条件的随迁子女数", "人", MaxCountyCount, "G15", ""),
		count("county.gov.G15.migrant_in_public_or_funded", "G15 在公办或政府购买服务民办学校就读的随迁子女数", "人", MaxCountyCount, "G15", "G15：不低于 85%"),
		evidence("county.gov.G15", "G15"),
		count("county.quality.Q1.cohort_entry", "Q1 初中入学时学生数", "人", MaxCountyCount, "Q1", "三年前初一入学时的学生数"),
		count("county.quality.Q1.cohort_retained", "Q1 三年后在校学生数", "人", MaxCountyCount, "Q1", "该届学生现仍在校人数（Q1：巩固率 95% 以上）"),
		evidence("county.quality.Q1", "Q1"),
		count("county.quality.Q2.eligible", "Q2 适龄残疾儿童数", "人", MaxCountyCount, "Q2", ""),
		count("county.quality.Q2.enrolled", "Q2 入学残疾儿童数", "人", MaxCountyCount, "Q2", "含随班就读、送教上门（Q2：95% 以上）"),
		evidence("county.quality.Q2", "Q2"),
	},
	yesNoFact("county.quality.Q5", "Q5", "教师能熟练运用信息化手段组织教学", "设施设备利用率高"),
	yesNoFact("county.quality.Q7", "Q7", "课程开齐开足，教学秩序规范", "综合实践活动有效开展"),
	yesNoFact("county.quality.Q8", "Q8", "无过重课业负担", ""),
	[]FieldSpec{
		yesNo("county.quality.Q9.level_iii_or_above", "Q9 质量监测达到Ⅲ级以上", "Q9", "国家义务教育质量监测：学业水平达到Ⅲ级以上"),
		{Path: "county.quality.Q9.difference_rate", Label: "Q9 校际差异率", Kind: KindFloat, Max: 1, Decimals: 3, Item: "Q9",
			Hint: "小数，如 0.12（Q9：低于 0.15）"},
		evidence("county.quality.Q9", "Q9"),
		{Path: "county.survey", Label: "满意度调查", Kind: KindEnum, Options: SurveyGroups, Item: "S1",
			Hint: "调查对象：学生、家长、教师、校长、人大代表、政协委员、其他群众"},
		count("county.survey.respondents", "调查人数", "人", MaxCountyCount, "S1", "参加满意度调查的人数"),
		count("county.survey.satisfied", "满意人数", "人", MaxCountyCount, "S1", "S1：满意人数合计占调查人数合计不低于 85%"),
		count("county.survey_conduct.issued", "发放问卷数", "份", MaxCountyCount, "S1", "满意度调查发放的问卷"),
		count("county.survey_conduct.valid", "有效问卷数", "份", MaxCountyCount, "S1", ""),
		count("county.survey_conduct.visits", "实地走访人数", "人", MaxCountyCount, "S1", ""),
		count("county.survey_conduct.visits_satisfied", "走访满意人数", "人", MaxCountyCount, "S1", ""),
		name("county.survey_conduct.organizer", "调查组织单位", "如「三门峡市教育评估中心」"),
		veto("V1", "以考试方式招生"),
		veto("V2", "违规择校"),
		veto("V3", "设置重点学校或重点班"),
		veto("V4", "「有编不补」或长期聘用编外教师"),
		veto("V5", "发生重大安全责任事故"),
		veto("V6", "发生严重违纪违规事件"),
		veto("V7", "弄虚作假"),
		{Path: "county.finance.year", Label: "年度", Kind: KindInt, Min: MinYear, Max: MaxYear, Hint: "自然年度，如 2024"},
		finance("recurrent_revenue", "财政经常性收入", "万元", MaxCountyMoneyWan, "F1", "F1：义务教育财政拨款的增长高于财政经常性收入的增长"),
		finance("edu_appropriation", "义务教育财政拨款", "万元", MaxCountyMoneyWan, "F1", "F1"),
		finance("public_edu_expenditure", "一般公共预算教育支出", "万元", MaxCountyMoneyWan, "F4、F5", "F4：逐年只增不减"),
		finance("fiscal_expenditure", "一般公共预算支出", "万元", MaxCountyMoneyWan, "", ""),
		count("county.finance.students", "义务教育在校生数", "人", MaxCountyCount, "F5", "F5：按在校生平均的一般公共预算教育支出逐年只增不减"),
		staged(finance("per_student_operating.primary", "小学生均一般公共预算教育事业费", "元", MaxPerCapitaMoney, "F2", "F2：逐年增长"), "primary"),
		staged(finance("per_student_operating.junior", "初中生均一般公共预算教育事业费", "元", MaxPerCapitaMoney, "F2", "F2：逐年增长"), "junior"),
		staged(finance("per_student_public_funds.primary", "小学生均一般公共预算公用经费", "元", MaxPerCapitaMoney, "F3", "F3：逐年增长"), "primary"),
		staged(finance("per_student_public_funds.junior", "初中生均一般公共预算公用经费", "元", MaxPerCapitaMoney, "F3", "F3：逐年增长"), "junior"),
		finance("staff_avg_salary", "教职工年平均工资", "元", MaxPerCapitaMoney, "F3", "F3：逐年增长"),
		finance("edu_surcharge_levied", "教育费附加征收额", "万元", MaxCountyMoneyWan, "F6", ""),
		finance("edu_surcharge_allocated", "教育费附加拨付额", "万元", MaxCountyMoneyWan, "F6", "F6：足额征收、足额拨付"),
		{Path: "county.rectification.code", Label: "整改指标编号", Kind: KindText, MaxLen: 10, Hint: "如 R2、G5"},
		{Path: "county.rectification.school_id", Label: "整改学校标识码", Kind: KindID, MaxLen: IDMaxLen, Hint: "县级事项不填"},
		text("county.rectification.measure", "整改措施", TextMaxLen, "", ""),
		name("county.rectification.unit", "责任单位", ""),
		{Path: "county.rectification.deadline", Label: "完成时限", Kind: KindDate, Hint: "如 2025-08-31"},
		{Path: "county.rectification.status", Label: "整改状态", Kind: KindEnum, Options: RectificationStatuses},
	},
	planningSpecs(),
)

// planningSpecs are the fields of the 达标规划's block (plan.md §2): one
// unit cost per lever, then the options.
func planningSpecs() []FieldSpec {
	out := []FieldSpec{{Path: "county.planning.costs", Label: "规划单价", Kind: KindEnum, Options: PlanningLevers,
		Hint: "达标规划测算用的单价，只填要改的项目，其余用默认值"}}
	for _, k := range PlanningLevers {
		out = append(out, amount("county.planning.costs."+k, "规划单价："+PlanningLeverLabels[k], PlanningLeverUnits[k], MaxUnitCost, 2, "",
			"达标规划测算用的单价；不填用默认值"))
	}
	return append(out,
		FieldSpec{Path: "county.planning.off", Label: "规划不使用的措施", Kind: KindText, MaxLen: 200,
			Hint: "不使用的措施，用顿号分隔，如「交流轮岗、新增专任教师」；不填为全部使用"},
		count("county.planning.max_new_teachers", "规划新增教师上限", "人", MaxCountyCount, "", "全县可用的教师编制数；不填为不限"),
		FieldSpec{Path: "county.planning.margin", Label: "规划预留余量", Kind: KindFloat, Max: MaxPlanningMargin, Decimals: 3,
			Hint: "0 到 0.2 之间的小数，如 0.05 表示按标准的 105% 规划（为生源增长留余地）"},
		yesNo("county.planning.all_seven", "规划七项全部达标", "", "填「是」则每校七项指标全部达标，不用 85% 的例外"),
		FieldSpec{Path: "county.planning.excluded_schools", Label: "不纳入规划的学校", Kind: KindText, MaxLen: TextMaxLen,
			Hint: "拟撤并的学校标识码，用顿号分隔；这些学校不安排措施"},
	)
}

// RectificationStatuses are the states of a to-do item of the 整改台账.
var RectificationStatuses = []string{"未开始", "进行中", "已完成"}

func concatSpecs(parts ...[]FieldSpec) []FieldSpec {
	var out []FieldSpec
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// examples are typical values (those of exchange.md's sample school and
// county), as a template's example row or a placeholder shows them.
var examples = map[string]string{
	"students.primary": "1200", "students.junior": "0", "students.senior": "0",
	"classes.primary": "24", "classes.junior": "0", "largest_class.primary": "45", "largest_class.junior": "0",
	"teachers.primary.full_time": "70", "teachers.primary.certified": "70", "teachers.primary.above_degree": "62",
	"teachers.primary.backbone": "14", "teachers.primary.pe": "5", "teachers.primary.music": "4",
	"teachers.primary.art": "3", "teachers.primary.mid_title": "30",
	"teachers.junior.full_time": "70", "teachers.junior.certified": "70", "teachers.junior.above_degree": "62",
	"teachers.junior.backbone": "14", "teachers.junior.pe": "5", "teachers.junior.music": "4",
	"teachers.junior.art": "3", "teachers.junior.mid_title": "30",
	"area_teaching_aux": "6400", "area_indoor_sports": "400", "area_sports_ground": "9000",
	"equipment_value": "2600000", "multimedia_rooms": "30", "computers": "150", "books": "36000",
	"music_rooms": "98、96", "art_rooms": "92",
	"public_funds_allocated": "780000", "public_funds_budget": "780000", "training_funds": "40000",
	"entrants.primary": "200", "entrants_nearby.primary": "200", "entrants.junior": "0", "entrants_nearby.junior": "0",
	"staff.primary": "80", "staff.junior": "0",
	"county.population_wan": "13.58", "county.townships": "0", "county.subdistricts": "7", "county.target_year": "2025",
	"county.public_funds_norm.primary": "650", "county.public_funds_norm.junior": "850",
	"county.gov.G8.teacher_avg_pay": "98000", "county.gov.G8.civil_servant_avg_pay": "95000",
	"county.gov.G9.teachers": "1126", "county.gov.G9.completed_360h": "1126",
	"county.gov.G11.eligible": "300", "county.gov.G11.rotated": "35", "county.gov.G11.rotated_backbone": "8",
	"county.gov.G14.quota_total": "504", "county.gov.G14.quota_allocated": "263",
	"county.gov.G15.migrant_eligible": "1312", "county.gov.G15.migrant_in_public_or_funded": "1216",
	"county.quality.Q1.cohort_entry": "820", "county.quality.Q1.cohort_retained": "801",
	"county.quality.Q2.eligible": "84", "county.quality.Q2.enrolled": "84", "county.quality.Q9.difference_rate": "0.12",
	"county.survey.respondents": "400", "county.survey.satisfied": "372",
	"county.finance.year": "2019", "county.finance.recurrent_revenue": "168347", "county.finance.edu_appropriation": "16448",
	"county.finance.public_edu_expenditure": "21000", "county.finance.fiscal_expenditure": "260000",
	"county.finance.students": "10100", "county.finance.per_student_operating.primary": "9249",
	"county.finance.per_student_operating.junior": "19083", "county.finance.per_student_public_funds.primary": "2337",
	"county.finance.per_student_public_funds.junior": "5113", "county.finance.staff_avg_salary": "86000",
	"county.finance.edu_surcharge_levied": "1969", "county.finance.edu_surcharge_allocated": "1969",
	"county.area_km2": "112", "county.agricultural_population_wan": "2.1", "county.villages": "37",
	"county.gdp_per_capita": "98000", "county.fiscal_revenue_per_capita": "6900",
	"county.rural_income_per_capita": "21000", "county.urban_income_per_capita": "38000",
	"county.survey_conduct.issued": "1500", "county.survey_conduct.valid": "1429",
	"county.survey_conduct.visits": "120", "county.survey_conduct.visits_satisfied": "110",
	"county.application.date": "2025-03-08", "county.rectification.deadline": "2025-08-31",
}
