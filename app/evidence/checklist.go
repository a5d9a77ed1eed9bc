package evidence

import (
	"fmt"
	"slices"
	"strings"
)

// EntryStatus is what the clerk said of a checklist entry beyond the files
// attached to it.
type EntryStatus string

// Statuses a clerk may set; the empty status is decided by the files.
const (
	StatusAuto  EntryStatus = ""     // 已提供 when a file answers it, 缺 otherwise
	StatusNA    EntryStatus = "不适用"  // e.g. no 特殊教育学校 in the county
	StatusPaper EntryStatus = "纸质已备" // kept on paper only, in the 档案盒
)

// Entry is one piece of evidence inspectors ask for under an item.
type Entry struct {
	Name      string      `json:"name"`
	PerSchool bool        `json:"per_school,omitempty"` // every school needs its own
	Status    EntryStatus `json:"status,omitempty"`
}

// defaults are the checklists the program starts with: what the
// inspection manuals and county self-assessment reports list under each
// item. "*" marks an entry every school must give.
var defaults = map[string][]string{
	"R1":   {"*教师学历情况统计表", "*教师学历证书复印件"},
	"R2":   {"县级以上骨干教师认定文件", "*骨干教师名册"},
	"R3":   {"*体育、艺术专任教师名册"},
	"R4":   {"*教学及辅助用房面积测算表", "*校舍房产证或竣工验收资料"},
	"R5":   {"*体育运动场馆面积测算表", "*运动场馆照片"},
	"R6":   {"*教学仪器设备固定资产明细", "*仪器设备照片"},
	"R7":   {"*网络多媒体教室统计表", "*网络多媒体教室照片"},
	"G1":   {"义务教育学校布局规划文件", "规划批复或公布文件"},
	"G2.1": {"城乡统一的学校建设标准文件"},
	"G2.2": {"城乡统一的教职工编制标准文件"},
	"G2.3": {"生均公用经费基准定额文件"},
	"G2.4": {"学校基本装备配置标准文件"},
	"G3":   {"*音乐专用教室照片", "*美术专用教室照片", "*专用教室面积测量表"},
	"G4":   {"学校规模统计表"},
	"G5":   {"班额统计表"},
	"G6":   {"小规模学校公用经费核拨文件", "公用经费拨付凭证"},
	"G7":   {"特殊教育学校公用经费拨付文件"},
	"G8":   {"教师与公务员平均工资收入对比测算表", "教师绩效工资核定文件"},
	"G9":   {"教师培训学时统计表", "培训管理制度或文件"},
	"G10":  {"教职工编制和岗位分配文件"},
	"G11":  {"教师交流轮岗文件", "交流轮岗教师名单"},
	"G12":  {"教师资格持证情况统计表"},
	"G13":  {"招生入学划片文件", "就近入学比例统计表"},
	"G14":  {"优质高中招生名额分配文件", "名额分配情况统计表"},
	"G15":  {"留守儿童关爱工作文件", "随迁子女就读情况统计表"},
	"Q1":   {"初中三年巩固率统计表"},
	"Q2":   {"残疾儿童少年入学情况统计表"},
	"Q3":   {"*学校章程", "学校管理与教学信息化资料"},
	"Q4":   {"*学校年度公用经费预算及教师培训经费安排"},
	"Q5":   {"信息化教学应用资料", "设施设备使用记录"},
	"Q6":   {"德育工作资料", "*校园文化建设照片"},
	"Q7":   {"*课程表", "综合实践活动资料"},
	"Q8":   {"减轻学生课业负担文件", "作业管理资料"},
	"Q9":   {"国家义务教育质量监测结果报告"},
	"S1":   {"社会认可度调查报告", "调查问卷及统计表"},
	"V1":   {"招生工作文件及情况说明"},
	"V2":   {"规范招生、禁止择校情况说明"},
	"V3":   {"不设重点学校、重点班情况说明"},
	"V4":   {"教师编制使用情况说明"},
	"V5":   {"近三年学校安全工作情况说明"},
	"V6":   {"近三年无严重违纪违规事件情况说明"},
	"V7":   {"材料真实性承诺书"},
	"F1":   {"财政决算报表（义务教育拨款与经常性收入）"},
	"F2":   {"教育经费统计年报（生均教育事业费）"},
	"F3":   {"教职工工资与生均公用经费统计"},
	"F4":   {"一般公共预算教育支出决算"},
	"F5":   {"生均一般公共预算教育支出统计"},
	"F6":   {"教育费附加征收和拨付凭证"},
}

// Defaults is the checklist an item starts with (a fresh copy).
func Defaults(item string) []Entry {
	var out []Entry
	for _, s := range defaults[item] {
		e := Entry{Name: strings.TrimPrefix(s, "*"), PerSchool: strings.HasPrefix(s, "*")}
		out = append(out, e)
	}
	return out
}

// Checklists is the checklist of every item: the clerk's where one was
// saved (saved[item]), the defaults otherwise.
func Checklists(saved map[string][]Entry) map[string][]Entry {
	out := map[string][]Entry{}
	for _, it := range Items() {
		if s, ok := saved[it.Code]; ok {
			out[it.Code] = slices.Clone(s)
		} else {
			out[it.Code] = Defaults(it.Code)
		}
	}
	return out
}

// CheckEntries refuses a checklist the clerk edited into something that
// cannot be kept: an empty or over-long name, the same name twice, an
// unknown status.
func CheckEntries(item string, es []Entry) error {
	seen := map[string]bool{}
	for i, e := range es {
		n := strings.TrimSpace(e.Name)
		switch {
		case n == "":
			return fmt.Errorf("%s 佐证材料清单第 %d 项没有名称，请填写或删除该项。", item, i+1)
		case len([]rune(n)) > 60:
			return fmt.Errorf("%s 佐证材料清单第 %d 项「%s」超过 60 个字，请缩短。", item, i+1, n)
		case seen[n]:
			return fmt.Errorf("%s 佐证材料清单中「%s」出现了两次，请删除一项。", item, n)
		}
		switch e.Status {
		case StatusAuto, StatusNA, StatusPaper:
		default:
			return fmt.Errorf("%s 佐证材料清单「%s」的状态「%s」无法识别（可选：不适用、纸质已备，或留空由已添加的材料决定）。", item, n, e.Status)
		}
		seen[n] = true
	}
	return nil
}

// Gap is one checklist entry nothing answers yet.
type Gap struct {
	Item       string
	Entry      string
	School     string // "" for a county entry
	SchoolName string
}

// answered is what the attachments answer, read once: an item (of a
// school) holding any file, and an entry of it named by a file. Missing
// asks it for every entry of every school, so it must not walk the
// attachments each time.
type answered struct {
	any   map[[2]string]bool // item, school
	entry map[[3]string]bool // item, school, entry
}

func answersOf(atts []Attachment) answered {
	an := answered{any: map[[2]string]bool{}, entry: map[[3]string]bool{}}
	for _, a := range atts {
		an.any[[2]string{a.Item, a.School}] = true
		an.entry[[3]string{a.Item, a.School, a.Entry}] = true
	}
	return an
}

// answers reports whether entry e of item is answered for school. An item
// with a single entry is answered by any of its files.
func (an answered) answers(item string, single bool, e Entry, school string) bool {
	if single {
		return an.any[[2]string{item, school}]
	}
	return an.entry[[3]string{item, school, e.Name}]
}

// Missing lists what the checklists ask for and nothing answers: county
// entries once, per-school entries for every school in schools.
func Missing(lists map[string][]Entry, atts []Attachment, schools []SchoolRef) []Gap {
	an := answersOf(atts)
	var out []Gap
	for _, it := range Items() {
		es := lists[it.Code]
		single := len(es) == 1
		for _, e := range es {
			if e.Status != StatusAuto {
				continue
			}
			targets := []SchoolRef{{}}
			if e.PerSchool {
				targets = schools
			}
			for _, s := range targets {
				if !an.answers(it.Code, single, e, s.ID) {
					out = append(out, Gap{Item: it.Code, Entry: e.Name, School: s.ID, SchoolName: s.Name})
				}
			}
		}
	}
	return out
}

// ItemGap counts the gaps of one item.
type ItemGap struct {
	Item    string
	Count   int // entries missing (a per-school entry counts once per school)
	Schools int // schools with a gap
}

// Sentence is the line of the 首页 and the 整改清单: G8 缺 2 项佐证材料.
func (g ItemGap) Sentence() string {
	if g.Schools > 0 {
		return fmt.Sprintf("%s 缺 %d 项佐证材料（涉及 %d 所学校）", g.Item, g.Count, g.Schools)
	}
	return fmt.Sprintf("%s 缺 %d 项佐证材料", g.Item, g.Count)
}

// ByItem sums gaps per item, in the order of the standard.
func ByItem(gaps []Gap) []ItemGap {
	var out []ItemGap
	idx := map[string]int{}
	schools := map[string]map[string]bool{}
	for _, g := range gaps {
		i, ok := idx[g.Item]
		if !ok {
			i = len(out)
			idx[g.Item] = i
			out = append(out, ItemGap{Item: g.Item})
			schools[g.Item] = map[string]bool{}
		}
		out[i].Count++
		if g.School != "" && !schools[g.Item][g.School] {
			schools[g.Item][g.School] = true
			out[i].Schools++
		}
	}
	slices.SortStableFunc(out, func(a, b ItemGap) int { return itemRank(a.Item) - itemRank(b.Item) })
	return out
}
