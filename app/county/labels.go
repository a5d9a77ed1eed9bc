package county

import (
	"regexp"
	"strings"
)

// fieldLabels names every field of the county file in Chinese, keyed by its
// JSON path with list indexes removed (schools[3].students.primary →
// students.primary for a school field).
var fieldLabels = map[string]string{
	"format": "文件格式", "year": "学年", "schools": "学校列表",
	"county.name": "县（市、区）名称", "county.code": "行政区划代码",
	"county.province": "省", "county.city": "市",
	"county.population_wan": "人口总数（万人）", "county.townships": "乡镇数",
	"county.subdistricts": "街道办事处数", "county.target_year": "实现优质均衡的年份",
	"county.public_funds_norm.primary":    "小学生均公用经费基准定额（元）",
	"county.public_funds_norm.junior":     "初中生均公用经费基准定额（元）",
	"county.gov.G8.teacher_avg_pay":       "教师年平均工资（元）",
	"county.gov.G8.civil_servant_avg_pay": "公务员年平均工资（元）",
	"county.gov.G9.teachers":              "应参训教师数", "county.gov.G9.completed_360h": "完成360学时教师数",
	"county.gov.G11.eligible": "符合交流条件教师数", "county.gov.G11.rotated": "交流轮岗教师数",
	"county.gov.G11.rotated_backbone": "交流轮岗骨干教师数",
	"county.gov.G14.quota_total":      "优质高中招生计划数", "county.gov.G14.quota_allocated": "分配到初中的指标数",
	"county.gov.G15.migrant_eligible":            "符合条件的随迁子女数",
	"county.gov.G15.migrant_in_public_or_funded": "在公办或政府购买服务民办学校就读的随迁子女数",
	"county.quality.Q1.cohort_entry":             "初中入学时学生数", "county.quality.Q1.cohort_retained": "三年后在校学生数",
	"county.quality.Q2.eligible": "适龄残疾儿童数", "county.quality.Q2.enrolled": "入学残疾儿童数",
	"county.quality.Q9.difference_rate": "校际差异率",
	"county.survey":                     "满意度调查",
	"county.finance.year":               "年度", "county.finance.recurrent_revenue": "财政经常性收入（万元）",
	"county.finance.edu_appropriation":       "义务教育财政拨款（万元）",
	"county.finance.public_edu_expenditure":  "一般公共预算教育支出（万元）",
	"county.finance.fiscal_expenditure":      "一般公共预算支出（万元）",
	"county.finance.students":                "义务教育在校生数",
	"county.finance.staff_avg_salary":        "教职工年平均工资（元）",
	"county.finance.edu_surcharge_levied":    "教育费附加征收额（万元）",
	"county.finance.edu_surcharge_allocated": "教育费附加拨付额（万元）",

	"id": "学校标识码", "name": "学校名称", "type": "学校类型", "location": "城乡分类",
	"private": "是否民办", "boarding": "是否寄宿制", "parent_id": "所属中心校",
	"students.primary": "小学在校生数", "students.junior": "初中在校生数", "students.senior": "高中在校生数",
	"classes.primary": "小学班级数", "classes.junior": "初中班级数",
	"largest_class.primary": "小学最大班额", "largest_class.junior": "初中最大班额",
	"area_teaching_aux":  "教学及辅助用房面积（㎡）",
	"area_indoor_sports": "室内体育用房面积（㎡）",
	"area_sports_ground": "室外体育运动场地面积（㎡）",
	"equipment_value":    "教学仪器设备资产值（元）",
	"multimedia_rooms":   "网络多媒体教室数（间）",
	"computers":          "计算机台数", "books": "图书册数",
	"music_rooms": "音乐专用教室面积（㎡）", "art_rooms": "美术专用教室面积（㎡）",
	"public_funds_allocated": "核拨公用经费（元）", "public_funds_budget": "年度公用经费预算（元）",
	"training_funds":   "教师培训经费（元）",
	"entrants.primary": "小学新生数", "entrants.junior": "初中新生数",
	"entrants_nearby.primary": "小学就近划片入学新生数", "entrants_nearby.junior": "初中就近划片入学新生数",
	"charter": "是否有学校章程", "informatized": "是否实现信息化管理与教学", "moral_rating": "德育与校园文化评价",
}

var stageNames = map[string]string{"primary": "小学", "junior": "初中"}

var teacherLabels = map[string]string{
	"full_time": "专任教师数", "certified": "持证专任教师数", "above_degree": "高于规定学历教师数",
	"backbone": "县级以上骨干教师数", "pe": "体育专任教师数", "music": "音乐专任教师数",
	"art": "美术专任教师数", "mid_title": "中级及以上职称教师数",
}

var indexes = regexp.MustCompile(`\[\d+\]`)

// FieldLabel returns the Chinese name of a field path, or "" when unknown.
func FieldLabel(path string) string {
	p := indexes.ReplaceAllString(path, "")
	if l, ok := fieldLabels[p]; ok {
		return l
	}
	parts := strings.Split(p, ".")
	// teachers.<stage>.<count>
	if len(parts) == 3 && parts[0] == "teachers" {
		if st, ok := stageNames[parts[1]]; ok {
			if tl, ok := teacherLabels[parts[2]]; ok {
				return st + tl
			}
		}
	}
	// county.finance.per_student_operating.primary and the like
	if len(parts) == 4 && parts[1] == "finance" {
		st := stageNames[parts[3]]
		switch parts[2] {
		case "per_student_operating":
			return st + "生均一般公共预算教育事业费（元）"
		case "per_student_public_funds":
			return st + "生均一般公共预算公用经费（元）"
		}
	}
	if len(parts) == 3 && parts[1] == "survey" {
		return "满意度调查「" + parts[2] + "」"
	}
	if len(parts) >= 3 && (parts[1] == "gov" || parts[1] == "quality" || parts[1] == "veto") {
		return parts[2] // the item code is the clerk's name for it
	}
	if len(parts) == 3 && parts[1] == "veto" {
		return parts[2]
	}
	return ""
}
