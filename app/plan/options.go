package plan

import (
	"fmt"
	"math"
	"sort"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
)

// Defaults of the unit costs (plan.md §2), in 元 per person, m², 元 or room.
// hire defaults to the county's G8 teacher_avg_pay where entered.
var defaultCosts = map[string]float64{
	KeyHire: 100000, KeyUpgrade: 10000, KeyBackbone: 5000, KeyTransfer: 5000,
	KeyRooms: 3000, KeyGround: 300, KeyEquipment: 1, KeyMultimedia: 30000,
}

// Options are everything a plan is made under.
type Options struct {
	// Costs holds every lever's unit cost (DefaultCosts filled in).
	Costs map[string]float64
	// Off are the levers switched off.
	Off map[string]bool
	// MaxNewTeachers caps hires over the county; negative means no cap.
	MaxNewTeachers int
	// Margin m: standards × (1+m), coefficient limits × (1−m).
	Margin float64
	// AllSeven drops the 85 % exception.
	AllSeven bool
	// Excluded schools get no actions (不纳入规划).
	Excluded map[string]bool
	// Rules are the rule switches of the evaluation.
	Rules eval.Options
}

// DefaultCosts returns the default unit costs for a county: hire is the
// county's G8 teacher_avg_pay when it is entered and positive.
func DefaultCosts(f *county.File) map[string]float64 {
	c := make(map[string]float64, len(defaultCosts))
	for k, v := range defaultCosts {
		c[k] = v
	}
	if g8 := f.County.Gov.G8; g8 != nil && g8.TeacherAvgPay != nil && *g8.TeacherAvgPay > 0 && !math.IsInf(*g8.TeacherAvgPay, 0) {
		c[KeyHire] = *g8.TeacherAvgPay
	}
	return c
}

// OptionsFor reads the county's planning block (absent: every default)
// under the given rule switches.
func OptionsFor(f *county.File, rules eval.Options) (Options, error) {
	o := Options{Costs: DefaultCosts(f), Off: map[string]bool{}, MaxNewTeachers: -1, Excluded: map[string]bool{}, Rules: rules}
	p := f.County.Planning
	if p == nil {
		return o, nil
	}
	if err := CheckPlanning(p); err != nil {
		return o, err
	}
	for k, v := range p.Costs {
		o.Costs[k] = v
	}
	for _, k := range p.Off {
		o.Off[k] = true
	}
	if p.MaxNewTeachers != nil {
		o.MaxNewTeachers = *p.MaxNewTeachers
	}
	if p.Margin != nil {
		o.Margin = *p.Margin
	}
	if p.AllSeven != nil {
		o.AllSeven = *p.AllSeven
	}
	for _, id := range p.ExcludedSchools {
		o.Excluded[id] = true
	}
	return o, nil
}

// IsLever reports whether key is a lever of plan.md §2.
func IsLever(key string) bool {
	for _, k := range county.PlanningLevers {
		if k == key {
			return true
		}
	}
	return false
}

// MaxMargin is the largest margin a plan takes.
const MaxMargin = 0.2

// CheckPlanning validates a planning block: known lever keys, costs finite
// and ≥ 0, margin 0–0.2, cap a whole number ≥ 0. The error is one Chinese
// sentence naming the key and the value.
func CheckPlanning(p *county.Planning) error {
	keys := make([]string, 0, len(p.Costs))
	for k := range p.Costs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := p.Costs[k]
		if !IsLever(k) {
			return fmt.Errorf("规划设置的单价中有未知的项目「%s」：只能是 %s", format.Safe(k), leverList())
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > 1e12 {
			return fmt.Errorf("规划设置的单价「%s」为 %s，不是 0 到 1 万亿之间的数：请改为以元计的单价", LeverNames[k], format.Number(v, 2))
		}
	}
	for _, k := range p.Off {
		if !IsLever(k) {
			return fmt.Errorf("规划设置中不使用的措施「%s」未知：只能是 %s", format.Safe(k), leverList())
		}
	}
	if p.Margin != nil {
		m := *p.Margin
		if math.IsNaN(m) || m < 0 || m > MaxMargin {
			return fmt.Errorf("规划设置的预留余量为 %s，应在 0 到 0.2 之间（即 0%%–20%%）", format.Number(m, 4))
		}
	}
	if p.MaxNewTeachers != nil && *p.MaxNewTeachers < 0 {
		return fmt.Errorf("规划设置的新增教师上限为 %d，应为 0 或正整数", *p.MaxNewTeachers)
	}
	return nil
}

func leverList() string {
	s := ""
	for i, k := range county.PlanningLevers {
		if i > 0 {
			s += "、"
		}
		s += k + "（" + LeverNames[k] + "）"
	}
	return s
}

// Doc is the options as printed in a plan.
func (o Options) Doc() OptionsDoc {
	d := OptionsDoc{Transfer: !o.Off[KeyTransfer], Hire: !o.Off[KeyHire], Off: []string{}, Margin: o.Margin,
		AllSeven: o.AllSeven, ExcludedSchools: []string{},
		Switches: Switches{TPThreshold: o.Rules.TeachingPointThreshold, TPMerge: o.Rules.MergeTeachingPoints,
			ExcludePrivate: o.Rules.ExcludePrivate, IncludeSpecial: o.Rules.IncludeSpecial}}
	for _, k := range county.PlanningLevers {
		if o.Off[k] {
			d.Off = append(d.Off, k)
		}
	}
	if o.MaxNewTeachers >= 0 {
		n := o.MaxNewTeachers
		d.MaxNewTeachers = &n
	}
	for id := range o.Excluded {
		d.ExcludedSchools = append(d.ExcludedSchools, id)
	}
	sort.Strings(d.ExcludedSchools)
	return d
}
