package county

import (
	"strings"
	"unicode"
)

// Planning is the optional `planning` block of the county JSON
// (plan.md §2): the county's unit costs and the options of the 达标规划.
// Costs override only the levers they name; nil and empty mean the
// defaults of app/plan.
type Planning struct {
	// Costs maps a lever key (hire, upgrade_degree, …) to its unit cost in 元.
	Costs map[string]float64 `json:"costs,omitempty"`
	// Off lists the levers switched off.
	Off []string `json:"off,omitempty"`
	// MaxNewTeachers caps the new teachers over the county (编制 available);
	// nil means no cap.
	MaxNewTeachers *int `json:"max_new_teachers,omitempty"`
	// Margin m plans to standard × (1 + m) and coefficient limit × (1 − m).
	Margin *float64 `json:"margin,omitempty"`
	// AllSeven drops the 85 % exception: every part meets all seven.
	AllSeven *bool `json:"all_seven,omitempty"`
	// ExcludedSchools are the schools marked 「不纳入规划」 (to close or merge).
	ExcludedSchools []string `json:"excluded_schools,omitempty"`
}

// PlanningLevers are the lever keys of plan.md §2, in the order they are
// offered; the G3 room actions are priced at build_rooms and cannot be
// switched off.
var PlanningLevers = []string{"hire", "upgrade_degree", "recognize_backbone", "transfer",
	"build_rooms", "build_sports_ground", "buy_equipment", "add_multimedia_rooms"}

// PlanningLeverLabels are the levers' Chinese names, as the catalogue, the
// Excel sheet and the messages print them.
var PlanningLeverLabels = map[string]string{
	"hire": "新增专任教师", "upgrade_degree": "学历提升", "recognize_backbone": "骨干教师培养认定",
	"transfer": "交流轮岗", "build_rooms": "新建教学及辅助用房", "build_sports_ground": "新建室外运动场地",
	"buy_equipment": "购置教学仪器设备", "add_multimedia_rooms": "配备网络多媒体教室",
}

// PlanningLeverUnits are what each lever's unit cost is counted per.
var PlanningLeverUnits = map[string]string{
	"hire": "元/人", "upgrade_degree": "元/人", "recognize_backbone": "元/人", "transfer": "元/人",
	"build_rooms": "元/㎡", "build_sports_ground": "元/㎡", "buy_equipment": "元/元", "add_multimedia_rooms": "元/间",
}

// Bounds of the planning options.
const (
	MaxUnitCost       = 1e12 // 元 per unit
	MaxPlanningMargin = 0.2  // 20 %
)

// IsPlanningLever reports whether key is a lever of plan.md §2.
func IsPlanningLever(key string) bool {
	_, ok := PlanningLeverLabels[key]
	return ok
}

// PlanningOffText shows the levers switched off as a clerk writes them:
// their Chinese names joined by 、 (a key without a name as it is).
func PlanningOffText(keys []string) string {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k
		if n, ok := PlanningLeverLabels[k]; ok {
			names[i] = n
		}
	}
	return strings.Join(names, "、")
}

// SplitPlanningList reads a list a clerk typed (ids, levers) separated by
// 、 , ， ; ； or blanks; for the levers (off) a Chinese name is read as
// its key. What is no lever is kept as typed, for ValidatePlanning to name.
func SplitPlanningList(text string, levers bool) []string {
	parts := strings.FieldsFunc(text, func(r rune) bool {
		return strings.ContainsRune("、,，;；", r) || unicode.IsSpace(r)
	})
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		if levers {
			for k, n := range PlanningLeverLabels {
				if p == n {
					p = k
				}
			}
		} else {
			p = CleanID(p)
		}
		out = append(out, p)
	}
	return out
}
