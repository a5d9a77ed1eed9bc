package standard

import "strings"

// shortNames are a few characters per resource indicator, for table
// headers and chart labels where the standard's full name does not fit
// (R2 骨干教师 above a column; the full name goes in the tooltip).
var shortNames = map[string]string{
	"R1": "高学历教师", "R2": "骨干教师", "R3": "体艺教师", "R4": "教学用房",
	"R5": "体育场馆", "R6": "仪器设备", "R7": "多媒体教室",
}

// ShortName is the item's short name; the full name when it has none.
func (it *Item) ShortName() string {
	if s, ok := shortNames[it.Code]; ok {
		return s
	}
	return it.Name
}

// nameWords cut the resource indicators' names into the words a table
// header may break between ("|"), so that a narrow column never splits a
// word ("设/备值"). Joined they give the name exactly (tested); no word is
// longer than six characters, so a header set smaller always fits it.
var nameWords = map[string]string{
	"R1": "每百名学生|拥有|高于规定学历|教师数",
	"R2": "每百名学生|拥有|县级以上|骨干教师数",
	"R3": "每百名学生|拥有|体育、|艺术|（美术、|音乐）|专任教师数",
	"R4": "生均|教学及辅助|用房面积",
	"R5": "生均|体育运动|场馆面积",
	"R6": "生均|教学|仪器设备值",
	"R7": "每百名学生|拥有|网络多媒体|教室数",
}

// NameWords is the item's name cut into words for a line breaker; one word
// (the whole name) when it has no cut.
func (it *Item) NameWords() []string {
	if s, ok := nameWords[it.Code]; ok {
		return strings.Split(s, "|")
	}
	return []string{it.Name}
}
