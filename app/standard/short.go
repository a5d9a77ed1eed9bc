package standard

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
