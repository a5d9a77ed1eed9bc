package plan

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/standard"
)

// problem is one planning task: the year reduced to the schools planned,
// with the G3 rooms already built, and what the engine says of it.
type problem struct {
	o       Options
	std     *standard.Standard // the standard as entered
	ps      *standard.Standard // the planned standard (margin, all seven)
	work    *county.File       // the schools planned (未填报 ones dropped)
	g3      []Action
	withG3  *county.File
	r       *eval.Result // of withG3 under ps
	skip    map[string]bool
	initial map[string][2]int // exemption per school and stage
}

// solve makes the plan (see Make).
func solve(f *county.File, std *standard.Standard, o Options, progress Progress) (*Plan, error) {
	say := func(x float64) {
		if progress != nil {
			progress(x)
		}
	}
	if err := o.check(f); err != nil {
		return nil, err
	}
	say(0)
	before, whole := Judge(f, std, o, nil)
	pr, unresolved := prepare(f, whole, std, o)
	say(0.1)
	m, err := pr.best(say)
	if err != nil {
		return nil, err
	}
	say(0.8)
	actions := append(append([]Action(nil), pr.g3...), m.actions()...)
	after, ok := pr.judge(actions)
	for _, t := range []float64{1e-7, 1e-5} {
		if ok {
			break
		}
		// The model passed what the engine does not (a boundary case of
		// rounding): plan again a hair inside every limit.
		m2, err := pr.run(pr.initial, t)
		if err != nil {
			return nil, err
		}
		actions = append(append([]Action(nil), pr.g3...), m2.actions()...)
		after, ok = pr.judge(actions)
	}
	if !ok {
		return nil, fmt.Errorf("未能找到通过测算校验的方案（程序内部错误），请将数据文件发给开发人员")
	}
	say(0.9)
	actions, after = pr.prune(actions, after)
	sortActions(actions)
	p := &Plan{Format: Format, County: f.County.Name, Year: f.Year, Costs: o.Costs, Options: o.Doc(),
		Actions: actions, ByKind: map[string]float64{}, Before: before, After: after, Unresolved: unresolved}
	for _, k := range county.PlanningLevers {
		p.ByKind[k] = 0 // every lever listed, 0 where unused
	}
	var cents int64
	for _, a := range actions {
		c := int64(math.Round(a.Cost * 100))
		cents += c
		p.ByKind[a.Lever()] = float64(int64(math.Round(p.ByKind[a.Lever()]*100))+c) / 100
	}
	p.TotalCost = float64(cents) / 100
	say(1)
	return p, nil
}

// prepare drops the schools whose inputs are not entered (listing them),
// builds the G3 rooms and evaluates the rest.
// whole is the engine's result of f under the planned standard.
func prepare(f *county.File, whole *eval.Result, std *standard.Standard, o Options) (*problem, []Unresolved) {
	pr := &problem{o: o, std: std, ps: std.Planned(o.Margin, o.AllSeven), skip: map[string]bool{}}
	var unresolved []Unresolved
	work := Clone(f)
	names := map[string]string{}
	for _, s := range f.Schools {
		names[s.ID] = s.Name
	}
	r := whole // work is f until a school is dropped
	for round := 0; round < 4; round++ {
		if round > 0 {
			r = eval.Evaluate(work, pr.ps, o.Rules)
		}
		drop := map[string]bool{}
		for _, stage := range stages {
			st := r.Stages.Get(stage)
			if st == nil {
				continue
			}
			for _, sp := range st.Schools {
				if len(sp.Missing) == 0 {
					continue
				}
				drop[sp.ID] = true
				unresolved = append(unresolved, Unresolved{Item: "未填报", School: sp.ID, Name: sp.Name,
					Detail: fmt.Sprintf("%s资源配置指标 %s 的数据未填报（%s），本校不纳入测算，请补填后重新测算",
						eval.StageNames[stage], strings.Join(sp.Missing, "、"), missingFields(work, sp.ID, stage))})
				for _, id := range sp.Merged {
					drop[id] = true
				}
			}
		}
		if len(drop) == 0 {
			break
		}
		kept := work.Schools[:0:0]
		for _, s := range work.Schools {
			if !drop[s.ID] {
				kept = append(kept, s)
			}
		}
		work.Schools = kept
	}
	pr.work = work
	for id := range o.Excluded {
		pr.skip[id] = true
	}
	for i := range work.Schools {
		s := &work.Schools[i]
		if o.Excluded[s.ID] {
			continue
		}
		if s.Type != county.TypePoint && s.Type != county.TypeSpecial &&
			(s.Classes.Primary == nil && s.Classes.Junior == nil || s.MusicRooms == nil || s.ArtRooms == nil) {
			// the engine counts G3 of such a school as 未填报, not failed
			unresolved = append(unresolved, Unresolved{Item: "G3", School: s.ID, Name: s.Name, Detail: "班级数或音乐、美术专用教室未填报，无法测算专用教室"})
			continue
		}
		pr.g3 = append(pr.g3, g3Actions(s, std, o.Costs[KeyRooms])...)
	}
	pr.withG3 = Apply(work, pr.g3)
	pr.r = eval.Evaluate(pr.withG3, pr.ps, o.Rules)
	// merged teaching points are planned through their school
	for _, stage := range stages {
		if st := pr.r.Stages.Get(stage); st != nil {
			for _, sp := range st.Schools {
				for _, id := range sp.Merged {
					pr.skip[id] = true
				}
			}
		}
	}
	unresolved = append(unresolved, listed(f, whole, std, o, names)...)
	m := newModel(pr.withG3, pr.ps, pr.r, o)
	pr.initial = m.initialExemptions()
	return pr, unresolved
}

// listed are the items the plan names but cannot fix by adding resources:
// G4 school size, G5 class size (with the classes a school would need),
// and the failing parts of schools left out of the plan.
func listed(f *county.File, r *eval.Result, std *standard.Standard, o Options, names map[string]string) []Unresolved {
	var out []Unresolved
	if g4 := r.Items["G4"]; g4 != nil {
		for i, id := range g4.Schools {
			out = append(out, Unresolved{Item: "G4", School: id, Name: names[id], Detail: issue(g4, i) + "，需调整学校布局或分流学生"})
		}
	}
	g5 := std.Item("G5")
	for _, s := range f.Schools {
		for _, st := range []struct {
			name              string
			students, classes *int
			largest           *int
			limit             float64
		}{
			{"小学", s.Students.Primary, s.Classes.Primary, s.LargestClass.Primary, g5.Primary},
			{"初中", s.Students.Junior, s.Classes.Junior, s.LargestClass.Junior, g5.Junior},
		} {
			if st.largest == nil || st.students == nil || st.classes == nil || standard.AtMost(float64(*st.largest), st.limit) {
				continue
			}
			need := int(math.Ceil(float64(*st.students)/st.limit)) - *st.classes
			detail := fmt.Sprintf("%s最大班额 %d 人，超过 %s 人", st.name, *st.largest, format.Number(st.limit, 0))
			if need > 0 {
				detail += fmt.Sprintf("；按 %d 名学生计需增加 %d 个班", *st.students, need)
			} else {
				detail += "；班级数已够，需均衡分班"
			}
			out = append(out, Unresolved{Item: "G5", School: s.ID, Name: s.Name, Detail: detail})
		}
	}
	for _, stage := range stages {
		st := r.Stages.Get(stage)
		if st == nil {
			continue
		}
		for _, sp := range st.Schools {
			if o.Excluded[sp.ID] && !sp.Pass {
				out = append(out, Unresolved{Item: "资源配置", School: sp.ID, Name: sp.Name,
					Detail: eval.StageNames[stage] + "资源配置未达标，已标为不纳入规划（撤并），不安排措施"})
			}
		}
	}
	return out
}

func issue(it *eval.ItemResult, i int) string {
	if i < len(it.Issues) {
		return it.Issues[i]
	}
	return "未达标"
}

// judge applies actions to the planned schools and asks the engine.
func (pr *problem) judge(actions []Action) (Summary, bool) {
	s, _ := Judge(Apply(pr.work, actions), pr.std, pr.o, pr.skip)
	return s, s.Passes()
}

// run plans from the given exemptions: teachers to their floors, the
// facilities, the teacher coefficients, then every purchase trimmed to
// what is still needed.
func (pr *problem) run(ex map[string][2]int, tighten float64) (*model, error) {
	// A part that cannot reach an indicator under the options may still
	// pass by leaving that one at 85 %: try that before saying no plan.
	for tries := 0; ; tries++ {
		m, err := pr.runOnce(ex, tighten)
		var inf *Infeasible
		if err == nil || !errors.As(err, &inf) || inf.ind < 0 || pr.ps.PartPassMinMet >= nInd || tries > 50 {
			return m, err
		}
		e, ok := ex[inf.school]
		if !ok || e[inf.stage] == inf.ind {
			return m, err
		}
		next := map[string][2]int{}
		for k, v := range ex {
			next[k] = v
		}
		e[inf.stage] = inf.ind
		next[inf.school] = e
		ex = next
		pr.initial = ex
	}
}

func (pr *problem) runOnce(ex map[string][2]int, tighten float64) (*model, error) {
	m := newModel(pr.withG3, pr.ps, pr.r, pr.o)
	m.tighten = tighten
	for id, e := range ex {
		c := m.byID[id]
		for si := 0; si < 2; si++ {
			if c != nil && c.parts[si] != nil {
				c.parts[si].exempt = e[si]
			}
		}
	}
	for si := 0; si < 2; si++ {
		if err := m.teacherFloors(si); err != nil {
			return nil, err
		}
	}
	if err := m.facilities(); err != nil {
		return nil, err
	}
	for si := 0; si < 2; si++ {
		if err := m.teacherCV(si); err != nil {
			return nil, err
		}
	}
	m.trim()
	return m, nil
}

// best runs the plan from the initial exemptions, then tries, school part
// by school part, another indicator to leave at 85 %, keeping any change
// that lowers the total (counties small enough to afford it).
func (pr *problem) best(say func(float64)) (*model, error) {
	m, err := pr.run(pr.initial, 0)
	if err != nil {
		return nil, err
	}
	cost := m.cost()
	ex := map[string][2]int{}
	for id, e := range pr.initial {
		ex[id] = e
	}
	cands := m.exemptCandidates()
	if len(cands) == 0 || len(m.schools) > 300 {
		return m, nil
	}
	deadline := time.Now().Add(4 * time.Second)
	for pass := 0; pass < 4; pass++ {
		improved := false
		for i, c := range cands {
			say(0.1 + 0.7*float64(pass*len(cands)+i)/float64(4*len(cands)))
			if time.Now().After(deadline) {
				return m, nil
			}
			cur := ex[c.id]
			for _, alt := range c.options {
				if alt == cur[c.si] {
					continue
				}
				try := map[string][2]int{}
				for k, v := range ex {
					try[k] = v
				}
				e := cur
				e[c.si] = alt
				try[c.id] = e
				m2, err := pr.run(try, 0)
				if err != nil {
					continue
				}
				if c2 := m2.cost(); c2 < cost-0.5 {
					m, cost, ex = m2, c2, try
					cur = e
					improved = true
				}
			}
		}
		if !improved {
			break
		}
	}
	pr.initial = ex
	return m, nil
}

// prune drops, most expensive first, every action without which the plan
// still passes the engine (plan.md §3.3), where the county is small
// enough to ask the engine once per action.
func (pr *problem) prune(actions []Action, after Summary) ([]Action, Summary) {
	if len(actions) > 400 || len(pr.work.Schools) > 400 {
		return actions, after
	}
	order := make([]int, len(actions))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return actions[order[a]].Cost > actions[order[b]].Cost })
	dropped := make([]bool, len(actions))
	for _, i := range order {
		dropped[i] = true
		var rest []Action
		for j, a := range actions {
			if !dropped[j] {
				rest = append(rest, a)
			}
		}
		if s, ok := pr.judge(rest); ok {
			after = s
			continue
		}
		dropped[i] = false
	}
	var out []Action
	for j, a := range actions {
		if !dropped[j] {
			out = append(out, a)
		}
	}
	return out, after
}

var kindOrder = map[string]int{KeyHire: 0, KeyUpgrade: 1, KeyBackbone: 2, KeyTransfer: 3, KeyRooms: 4, KeyGround: 5,
	KeyEquipment: 6, KeyMultimedia: 7, KindBuildMusic: 8, KindBuildArt: 9, KindEnlargeMusic: 10, KindEnlargeArt: 11}

// sortActions orders by school (a transfer by the school it goes to), then
// kind, stage, subject.
func sortActions(a []Action) {
	school := func(x Action) string {
		if x.Kind == KeyTransfer {
			return x.To
		}
		return x.School
	}
	sort.SliceStable(a, func(i, j int) bool {
		x, y := a[i], a[j]
		if school(x) != school(y) {
			return school(x) < school(y)
		}
		if kindOrder[x.Kind] != kindOrder[y.Kind] {
			return kindOrder[x.Kind] < kindOrder[y.Kind]
		}
		if x.Stage != y.Stage {
			return x.Stage > y.Stage // primary before junior
		}
		if x.Subject != y.Subject {
			return x.Subject < y.Subject
		}
		return x.From < y.From
	})
}

// missingFields names the R1–R7 inputs of a school's stage that are not
// entered, by the catalogue's labels.
func missingFields(f *county.File, id, stage string) string {
	var s *county.School
	for i := range f.Schools {
		if f.Schools[i].ID == id {
			s = &f.Schools[i]
		}
	}
	if s == nil {
		return ""
	}
	t := s.Teachers.Primary
	if stage == eval.Junior {
		t = s.Teachers.Junior
	}
	var out []string
	add := func(path string, missing bool) {
		if missing {
			if l := county.FieldLabel(path); l != "" {
				out = append(out, l)
			} else {
				out = append(out, path)
			}
		}
	}
	tp := "teachers." + stage + "."
	if t == nil {
		add(tp+"full_time", true)
	} else {
		add(tp+"full_time", t.FullTime == nil)
		add(tp+"above_degree", t.AboveDegree == nil)
		add(tp+"backbone", t.Backbone == nil)
		add(tp+"pe", t.PE == nil)
		add(tp+"music", t.Music == nil)
		add(tp+"art", t.Art == nil)
	}
	add("area_teaching_aux", s.AreaTeachingAux == nil)
	add("area_indoor_sports", s.AreaIndoorSports == nil)
	add("area_sports_ground", s.AreaSportsGround == nil)
	add("equipment_value", s.EquipmentValue == nil)
	add("multimedia_rooms", s.MultimediaRooms == nil)
	if len(out) == 0 {
		return "所并入的教学点数据不全"
	}
	return strings.Join(out, "、")
}
