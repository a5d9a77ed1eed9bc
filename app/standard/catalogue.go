// Package standard is the catalogue of the evaluation standard: every item
// with its code, Chinese name, part, unit, comparison and limits, in one Go
// table. A provincial variant is a second table, not a code change: the
// evaluation reads every threshold from here.
package standard

import "fmt"

// Cmp is how a value is compared with its limit.
type Cmp int

const (
	None Cmp = iota // decided by yes/no facts, no numeric limit
	GE              // value ≥ limit
	LE              // value ≤ limit
	LT              // value < limit
)

// Symbol is the comparison as printed in tables.
func (c Cmp) Symbol() string {
	switch c {
	case GE:
		return "≥"
	case LE:
		return "≤"
	case LT:
		return "<"
	}
	return ""
}

// Part codes, in the order of the county verdict.
const (
	PartResource = "R" // 资源配置
	PartGov      = "G" // 政府保障程度
	PartQuality  = "Q" // 教育质量
	PartSurvey   = "S" // 社会认可度
	PartVeto     = "V" // 一票否决
	PartFinance  = "F" // 教育经费保障
	PartLegacy   = "B" // 基本均衡（2012），不计入结论
)

// PartNames names each part in Chinese.
var PartNames = map[string]string{
	PartResource: "资源配置", PartGov: "政府保障程度", PartQuality: "教育质量",
	PartSurvey: "社会认可度", PartVeto: "一票否决", PartFinance: "教育经费保障", PartLegacy: "基本均衡（2012）",
}

// Parts lists the parts that make the county verdict, in order.
var Parts = []string{PartResource, PartGov, PartQuality, PartSurvey, PartVeto, PartFinance}

// Item is one indicator of the standard.
type Item struct {
	Code string
	Name string // Chinese name as in the standard
	Part string
	Unit string // unit of the value compared ("人", "㎡", "元", "%"…), "" for yes/no
	Cmp  Cmp
	// Primary and Junior are the limits per stage; items without stages
	// use Primary only.
	Primary, Junior float64
	// Params holds further thresholds an item needs (G3's room areas…).
	Params map[string]float64
	// Resource names the resource a shortfall is counted in (R items):
	// what the school must add, with its unit.
	Resource     string
	ResourceUnit string
	// Requirement is the standard's wording, shown beside verdicts.
	Requirement string
}

// Limit returns the item's limit for a stage ("primary" or "junior").
func (it *Item) Limit(stage string) float64 {
	if stage == "junior" {
		return it.Junior
	}
	return it.Primary
}

// Param returns a named extra threshold; a missing one is a bug in the
// catalogue and panics, which the catalogue tests catch.
func (it *Item) Param(name string) float64 {
	v, ok := it.Params[name]
	if !ok {
		panic(fmt.Sprintf("standard: item %s has no parameter %q", it.Code, name))
	}
	return v
}

// Standard is a whole catalogue.
type Standard struct {
	Name  string
	Items []Item
	// CVLimit is the limit of the difference coefficient per stage.
	CVLimitPrimary, CVLimitJunior float64
	// PartPassMinMet and PartPassFloor are the 6-of-7 + 85% rule.
	PartPassMinMet int
	PartPassFloor  float64
	// Legacy composite limits (2012 基本均衡).
	LegacyLimitPrimary, LegacyLimitJunior float64

	byCode map[string]*Item
}

// Item returns the item with a code; an unknown code is a programming error.
func (s *Standard) Item(code string) *Item {
	if s.byCode == nil {
		s.byCode = make(map[string]*Item, len(s.Items))
		for i := range s.Items {
			s.byCode[s.Items[i].Code] = &s.Items[i]
		}
	}
	it, ok := s.byCode[code]
	if !ok {
		panic("standard: unknown item " + code)
	}
	return it
}

// CVLimit returns the difference-coefficient limit of a stage.
func (s *Standard) CVLimit(stage string) float64 {
	if stage == "junior" {
		return s.CVLimitJunior
	}
	return s.CVLimitPrimary
}

// LegacyLimit returns the 2012 composite limit of a stage.
func (s *Standard) LegacyLimit(stage string) float64 {
	if stage == "junior" {
		return s.LegacyLimitJunior
	}
	return s.LegacyLimitPrimary
}

// ByPart lists the items of one part, in catalogue order.
func (s *Standard) ByPart(part string) []*Item {
	var out []*Item
	for i := range s.Items {
		if s.Items[i].Part == part {
			out = append(out, &s.Items[i])
		}
	}
	return out
}

// ResourceCodes are the seven resource indicators, in order.
var ResourceCodes = []string{"R1", "R2", "R3", "R4", "R5", "R6", "R7"}

// LegacyCodes are the eight 2012 indicators, in order.
var LegacyCodes = []string{"B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8"}

// Planned returns a copy of the standard a plan is made to (plan.md §2):
// every R1–R7 limit raised by the margin m, every coefficient limit
// lowered by it, and with allSeven the 85 % exception dropped.
func (s *Standard) Planned(m float64, allSeven bool) *Standard {
	c := *s
	c.byCode = nil
	c.Items = make([]Item, len(s.Items))
	copy(c.Items, s.Items)
	for i := range c.Items {
		if c.Items[i].Part == PartResource {
			c.Items[i].Primary *= 1 + m
			c.Items[i].Junior *= 1 + m
		}
	}
	c.CVLimitPrimary *= 1 - m
	c.CVLimitJunior *= 1 - m
	if allSeven {
		c.PartPassMinMet = len(ResourceCodes)
	}
	return &c
}
