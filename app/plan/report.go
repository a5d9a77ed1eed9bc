package plan

import (
	"sort"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/standard"
)

// Report is a plan laid out for a reader: the total and its parts, the
// actions grouped by school, the coefficients before and after, what the
// plan cannot fix, and the assumptions (unit costs and options). The text
// summary, the workbook and the PDF all print it, so they say the same.
type Report struct {
	Title      string // 「义马市达标规划测算」
	County     string
	Year       string
	Total      float64
	ByKind     []KindCost
	Schools    []SchoolActions
	CV         []CVRow
	Before     Summary
	After      Summary
	Unresolved []Unresolved // with the schools' names filled in
	Costs      []Assumption // one per lever: its unit cost
	Options    []Assumption // the options and rule switches
}

// KindCost is what one lever costs in the plan.
type KindCost struct {
	Key, Name string
	Cost      float64
	Count     int // actions of this kind
}

// SchoolActions are the actions of one school; a transfer stands with the
// school that receives the teacher.
type SchoolActions struct {
	ID, Name string
	Actions  []ActionLine
	Cost     float64
}

// ActionLine is one action as a reader sees it.
type ActionLine struct {
	Kind        string
	Text        string // Action.Describe
	Responsible string
	Cost        float64
}

// CVRow is one coefficient of one stage before and after the plan.
type CVRow struct {
	Stage, StageName, Code, Name string
	Before, After                *float64
	PassBefore, PassAfter        bool
}

// Assumption is one line of 测算假设: what, and its value as printed.
type Assumption struct {
	Label, Value string
}

// NewReport lays out a plan of the county year f.
func NewReport(p *Plan, f *county.File) Report {
	names := make(map[string]string, len(f.Schools))
	for _, s := range f.Schools {
		names[s.ID] = s.Name
	}
	r := Report{Title: format.Safe(p.County) + "达标规划测算", County: p.County, Year: p.Year,
		Total: p.TotalCost, Before: p.Before, After: p.After}
	r.ByKind = byKind(p)
	r.Schools = bySchool(p.Actions, names)
	r.CV = cvRows(p.Before, p.After)
	for _, u := range p.Unresolved {
		if u.Name == "" {
			u.Name = names[u.School]
		}
		r.Unresolved = append(r.Unresolved, u)
	}
	r.Costs, r.Options = assumptions(p, f, names)
	return r
}

func byKind(p *Plan) []KindCost {
	var out []KindCost
	count := map[string]int{}
	cost := map[string]float64{}
	for _, a := range p.Actions {
		count[a.Kind]++
		cost[a.Kind] += a.Cost
	}
	kinds := append(append([]string{}, county.PlanningLevers...), KindBuildMusic, KindBuildArt, KindEnlargeMusic, KindEnlargeArt)
	for _, k := range kinds {
		if count[k] > 0 {
			out = append(out, KindCost{Key: k, Name: LeverNames[k], Cost: cost[k], Count: count[k]})
		}
	}
	return out
}

func bySchool(actions []Action, names map[string]string) []SchoolActions {
	at := map[string]int{}
	var out []SchoolActions
	for _, a := range actions {
		id := a.School
		if a.Kind == KeyTransfer {
			id = a.To
		}
		i, ok := at[id]
		if !ok {
			i = len(out)
			at[id] = i
			out = append(out, SchoolActions{ID: id, Name: names[id]})
		}
		out[i].Actions = append(out[i].Actions, ActionLine{Kind: a.Kind, Text: a.Describe(names),
			Responsible: a.Responsible(names), Cost: a.Cost})
		out[i].Cost += a.Cost
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func cvRows(before, after Summary) []CVRow {
	var out []CVRow
	std := standard.National2017()
	for _, stage := range stages {
		for _, code := range standard.ResourceCodes {
			row := CVRow{Stage: stage, StageName: eval.StageNames[stage], Code: code, Name: std.Item(code).ShortName(),
				PassBefore: before.CVPass[stage][code], PassAfter: after.CVPass[stage][code]}
			if v, ok := before.CV[stage][code]; ok {
				row.Before = &v
			}
			if v, ok := after.CV[stage][code]; ok {
				row.After = &v
			}
			if row.Before != nil || row.After != nil {
				out = append(out, row)
			}
		}
	}
	return out
}

func assumptions(p *Plan, f *county.File, names map[string]string) (costs, opts []Assumption) {
	defaults := DefaultCosts(f)
	for _, k := range county.PlanningLevers {
		v, ok := p.Costs[k]
		if !ok {
			continue
		}
		note := "（默认）"
		if v != defaults[k] {
			note = "（本县设定）"
		} else if k == KeyHire && f.County.Gov.G8 != nil && f.County.Gov.G8.TeacherAvgPay != nil && *f.County.Gov.G8.TeacherAvgPay == v {
			note = "（取 G8 教师年平均工资）"
		}
		costs = append(costs, Assumption{LeverNames[k], format.Number(v, decimalsOf(v)) + " " + LeverUnits[k] + note})
	}
	costs = append(costs, Assumption{"音乐、美术专用教室", "按新建教学及辅助用房单价计；新建按最小面积（音乐 96 ㎡、美术 90 ㎡）"})
	o := p.Options
	off := map[string]bool{}
	for _, k := range o.Off {
		off[k] = true
	}
	offNames := "无（全部使用）"
	for _, k := range county.PlanningLevers {
		if off[k] {
			if offNames == "无（全部使用）" {
				offNames = LeverNames[k]
			} else {
				offNames += "、" + LeverNames[k]
			}
		}
	}
	opts = append(opts, Assumption{"不使用的措施", offNames})
	limit := "不限"
	if o.MaxNewTeachers != nil {
		limit = format.Int(*o.MaxNewTeachers) + " 人"
	}
	opts = append(opts, Assumption{"全县新增教师上限", limit},
		Assumption{"预留余量", format.Percent(o.Margin) + "（标准 × (1 + 余量)，差异系数上限 × (1 − 余量)）"},
		Assumption{"七项全部达标", yesNo(o.AllSeven)})
	excluded := "无"
	if len(o.ExcludedSchools) > 0 {
		excluded = ""
		for i, id := range o.ExcludedSchools {
			if i > 0 {
				excluded += "、"
			}
			if n := names[id]; n != "" {
				excluded += format.Safe(n) + "（" + format.Safe(id) + "）"
			} else {
				excluded += format.Safe(id)
			}
		}
	}
	opts = append(opts, Assumption{"不纳入规划的学校", excluded})
	rules := eval.Options{TeachingPointThreshold: o.Switches.TPThreshold, MergeTeachingPoints: o.Switches.TPMerge,
		ExcludePrivate: o.Switches.ExcludePrivate, IncludeSpecial: o.Switches.IncludeSpecial}
	for _, sw := range eval.Switches {
		if sw.Int != nil {
			opts = append(opts, Assumption{sw.Label, format.Int(*sw.Int(&rules))})
		} else {
			opts = append(opts, Assumption{sw.Label, yesNo(*sw.Bool(&rules))})
		}
	}
	return costs, opts
}

func decimalsOf(v float64) int {
	if v == float64(int64(v)) {
		return 0
	}
	return 2
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}
