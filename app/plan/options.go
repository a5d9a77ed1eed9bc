package plan

import (
	"errors"
	"math"
	"sort"
	"strings"

	"junheng/app/county"
	"junheng/app/eval"
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
	if err := checkPlanning(p, f); err != nil {
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
func IsLever(key string) bool { return county.IsPlanningLever(key) }

// MaxMargin is the largest margin a plan takes.
const MaxMargin = county.MaxPlanningMargin

// CheckPlanning validates a planning block by the one rule set of
// county.ValidatePlanning: known lever keys, costs finite and ≥ 0, margin
// 0–0.2, cap a whole number ≥ 0, excluded schools valid ids (and, when f
// is not nil, schools of f). The error holds one Chinese sentence per
// problem, each naming the field and the value.
func CheckPlanning(p *county.Planning) error { return checkPlanning(p, nil) }

func checkPlanning(p *county.Planning, f *county.File) error {
	var isSchool func(string) bool
	if f != nil {
		ids := make(map[string]bool, len(f.Schools))
		for _, s := range f.Schools {
			ids[s.ID] = true
		}
		isSchool = func(id string) bool { return ids[id] }
	}
	ps := county.ValidatePlanning(p, isSchool)
	if len(ps) == 0 {
		return nil
	}
	lines := make([]string, len(ps))
	for i, pr := range ps {
		lines[i] = "规划设置：" + pr.String()
	}
	return errors.New(strings.Join(lines, "\n"))
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

// check validates options given in code or on the command line by the
// one rule set of the planning block.
func (o Options) check(f *county.File) error {
	margin, allSeven := o.Margin, o.AllSeven
	pl := &county.Planning{Costs: o.Costs, Margin: &margin, AllSeven: &allSeven}
	if o.MaxNewTeachers >= 0 {
		n := o.MaxNewTeachers
		pl.MaxNewTeachers = &n
	}
	for k, off := range o.Off {
		if off {
			pl.Off = append(pl.Off, k)
		}
	}
	for id, ex := range o.Excluded {
		if ex {
			pl.ExcludedSchools = append(pl.ExcludedSchools, id)
		}
	}
	sort.Strings(pl.Off)
	sort.Strings(pl.ExcludedSchools)
	return checkPlanning(pl, f)
}
