package standard

// National2017 is the national standard 教督〔2017〕6号 《县域义务教育优质均衡
// 发展督导评估内容及标准》, with the calculation rules of standard.md.
func National2017() *Standard {
	return &Standard{
		Name:               "县域义务教育优质均衡发展督导评估内容及标准（教督〔2017〕6号）",
		CVLimitPrimary:     0.50,
		CVLimitJunior:      0.45,
		PartPassMinMet:     6,
		PartPassFloor:      0.85,
		LegacyLimitPrimary: 0.65,
		LegacyLimitJunior:  0.55,
		Items: []Item{
			// 资源配置: per school part, per stage.
			{Code: "R1", Part: PartResource, Name: "每百名学生拥有高于规定学历教师数", Unit: "人", Cmp: GE, Primary: 4.2, Junior: 5.3,
				Resource: "名高于规定学历教师", ResourceUnit: "人", Requirement: "小学专科及以上、初中本科及以上学历的专任教师"},
			{Code: "R2", Part: PartResource, Name: "每百名学生拥有县级以上骨干教师数", Unit: "人", Cmp: GE, Primary: 1.0, Junior: 1.0,
				Resource: "名骨干教师", ResourceUnit: "人", Requirement: "县级及以上教育行政部门认定的骨干教师"},
			{Code: "R3", Part: PartResource, Name: "每百名学生拥有体育、艺术（美术、音乐）专任教师数", Unit: "人", Cmp: GE, Primary: 0.9, Junior: 0.9,
				Resource: "名体育、艺术专任教师", ResourceUnit: "人", Requirement: "体育、音乐、美术专任教师"},
			{Code: "R4", Part: PartResource, Name: "生均教学及辅助用房面积", Unit: "㎡", Cmp: GE, Primary: 4.5, Junior: 5.8,
				Resource: "㎡ 教学及辅助用房", ResourceUnit: "㎡", Requirement: "教学及辅助用房面积扣除室内体育用房面积"},
			{Code: "R5", Part: PartResource, Name: "生均体育运动场馆面积", Unit: "㎡", Cmp: GE, Primary: 7.5, Junior: 10.2,
				Resource: "㎡ 体育运动场馆", ResourceUnit: "㎡", Requirement: "室外运动场地面积与室内体育用房面积之和"},
			{Code: "R6", Part: PartResource, Name: "生均教学仪器设备值", Unit: "元", Cmp: GE, Primary: 2000, Junior: 2500,
				Resource: "元 教学仪器设备", ResourceUnit: "元", Requirement: "教学仪器设备资产值"},
			{Code: "R7", Part: PartResource, Name: "每百名学生拥有网络多媒体教室数", Unit: "间", Cmp: GE, Primary: 2.3, Junior: 2.4,
				Resource: "间网络多媒体教室", ResourceUnit: "间", Requirement: "接入网络的多媒体教室"},

			// 政府保障程度.
			{Code: "G1", Part: PartGov, Name: "县域内义务教育学校规划布局合理，符合国家规定要求"},
			{Code: "G2.1", Part: PartGov, Name: "县域内城乡义务教育学校建设标准统一"},
			{Code: "G2.2", Part: PartGov, Name: "县域内城乡义务教育学校教师编制标准统一"},
			{Code: "G2.3", Part: PartGov, Name: "县域内城乡义务教育学校生均公用经费基准定额统一"},
			{Code: "G2.4", Part: PartGov, Name: "县域内城乡义务教育学校基本装备配置标准统一"},
			{Code: "G3", Part: PartGov, Name: "所有小学、初中每12个班级配备音乐、美术专用教室1间以上；每间音乐专用教室面积不小于96平方米，每间美术专用教室面积不小于90平方米",
				Unit: "间", Cmp: GE, Params: map[string]float64{"classes_per_room": 12, "music_area": 96, "art_area": 90}},
			{Code: "G4", Part: PartGov, Name: "所有小学、初中规模不超过2000人，九年一贯制学校、十二年一贯制学校义务教育阶段规模不超过2500人",
				Unit: "人", Cmp: LE, Primary: 2000, Junior: 2000, Params: map[string]float64{"combined": 2500}},
			{Code: "G5", Part: PartGov, Name: "小学、初中所有班级学生数分别不超过45人、50人", Unit: "人", Cmp: LE, Primary: 45, Junior: 50},
			{Code: "G6", Part: PartGov, Name: "不足100名学生村小学和教学点按100名学生核定公用经费", Unit: "元", Cmp: GE,
				Params: map[string]float64{"students": 100}},
			{Code: "G7", Part: PartGov, Name: "特殊教育学校生均公用经费不低于6000元", Unit: "元", Cmp: GE, Primary: 6000},
			{Code: "G8", Part: PartGov, Name: "全县义务教育学校教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定足额核定教师绩效工资总量", Unit: "元", Cmp: GE},
			{Code: "G9", Part: PartGov, Name: "教师5年360学时培训完成率达到100%", Unit: "%", Cmp: GE, Primary: 1.0},
			{Code: "G10", Part: PartGov, Name: "县级教育行政部门在核定的教职工编制总额和岗位总量内，统筹分配各校教职工编制和岗位数量"},
			{Code: "G11", Part: PartGov, Name: "全县每年交流轮岗教师的比例不低于符合交流条件教师总数的10%；其中，骨干教师不低于交流轮岗教师总数的20%",
				Unit: "%", Cmp: GE, Primary: 0.10, Params: map[string]float64{"backbone_share": 0.20}},
			{Code: "G12", Part: PartGov, Name: "专任教师持有教师资格证上岗率达到100%", Unit: "%", Cmp: GE, Primary: 1.0},
			{Code: "G13", Part: PartGov, Name: "城区和镇区公办小学、初中（不含寄宿制学校）就近划片入学比例分别达到100%、95%以上",
				Unit: "%", Cmp: GE, Primary: 1.0, Junior: 0.95},
			{Code: "G14", Part: PartGov, Name: "优质高中招生名额分配比例不低于50%，并向农村初中倾斜", Unit: "%", Cmp: GE, Primary: 0.50},
			{Code: "G15", Part: PartGov, Name: "留守儿童关爱体系健全，全县符合条件的随迁子女在公办学校和政府购买服务的民办学校就读的比例不低于85%",
				Unit: "%", Cmp: GE, Primary: 0.85},

			// 教育质量.
			{Code: "Q1", Part: PartQuality, Name: "全县初中三年巩固率达到95%以上", Unit: "%", Cmp: GE, Primary: 0.95},
			{Code: "Q2", Part: PartQuality, Name: "全县残疾儿童少年入学率达到95%以上", Unit: "%", Cmp: GE, Primary: 0.95},
			{Code: "Q3", Part: PartQuality, Name: "所有学校制定章程，实现学校管理与教学信息化"},
			{Code: "Q4", Part: PartQuality, Name: "所有学校按照不低于学校年度公用经费预算总额的5%安排教师培训经费", Unit: "%", Cmp: GE, Primary: 0.05},
			{Code: "Q5", Part: PartQuality, Name: "教师能熟练运用信息化手段组织教学，设施设备利用率达到较高水平"},
			{Code: "Q6", Part: PartQuality, Name: "所有学校德育工作、校园文化建设水平达到良好以上"},
			{Code: "Q7", Part: PartQuality, Name: "课程开齐开足，教学秩序规范，综合实践活动有效开展"},
			{Code: "Q8", Part: PartQuality, Name: "无过重课业负担"},
			{Code: "Q9", Part: PartQuality, Name: "在国家义务教育质量监测中，相关科目学生学业水平达到Ⅲ级以上，且校际差异率低于0.15",
				Unit: "", Cmp: LT, Primary: 0.15},

			// 社会认可度.
			{Code: "S1", Part: PartSurvey, Name: "社会认可度调查（学生、家长、教师、校长、人大代表、政协委员及其他群众）", Unit: "%", Cmp: GE, Primary: 0.85},

			// 一票否决.
			{Code: "V1", Part: PartVeto, Name: "存在以考试方式招生"},
			{Code: "V2", Part: PartVeto, Name: "存在违规择校行为"},
			{Code: "V3", Part: PartVeto, Name: "存在重点学校或重点班"},
			{Code: "V4", Part: PartVeto, Name: "存在“有编不补”或长期聘用编外教师的情况"},
			{Code: "V5", Part: PartVeto, Name: "近三年发生重大安全责任事故"},
			{Code: "V6", Part: PartVeto, Name: "近三年发生严重违纪违规事件"},
			{Code: "V7", Part: PartVeto, Name: "有弄虚作假行为"},

			// 教育经费保障 (三个增长、两个只增不减).
			{Code: "F1", Part: PartFinance, Name: "义务教育财政拨款增长比例高于财政经常性收入增长比例", Unit: "%", Cmp: None},
			{Code: "F2", Part: PartFinance, Name: "按在校学生人数平均的义务教育费用（生均教育事业费）逐步增长", Unit: "%", Cmp: None},
			{Code: "F3", Part: PartFinance, Name: "教职工工资和学生人均公用经费逐步增长", Unit: "%", Cmp: None},
			{Code: "F4", Part: PartFinance, Name: "一般公共预算教育支出逐年只增不减", Unit: "万元", Cmp: GE},
			{Code: "F5", Part: PartFinance, Name: "按在校学生人数平均的一般公共预算教育支出逐年只增不减", Unit: "元", Cmp: GE},
			{Code: "F6", Part: PartFinance, Name: "教育费附加足额征收、足额拨付", Unit: "万元", Cmp: GE},

			// 基本均衡（2012）: per school part, same weighted coefficient.
			{Code: "B1", Part: PartLegacy, Name: "生均教学及辅助用房面积", Unit: "㎡"},
			{Code: "B2", Part: PartLegacy, Name: "生均体育运动场馆面积", Unit: "㎡"},
			{Code: "B3", Part: PartLegacy, Name: "生均教学仪器设备值", Unit: "元"},
			{Code: "B4", Part: PartLegacy, Name: "每百名学生拥有计算机台数", Unit: "台"},
			{Code: "B5", Part: PartLegacy, Name: "生均图书册数", Unit: "册"},
			{Code: "B6", Part: PartLegacy, Name: "师生比（每百名学生拥有专任教师数）", Unit: "人"},
			{Code: "B7", Part: PartLegacy, Name: "生均高于规定学历教师数（每百名学生）", Unit: "人"},
			{Code: "B8", Part: PartLegacy, Name: "生均中级及以上专业技术职务教师数（每百名学生）", Unit: "人"},
		},
	}
}
