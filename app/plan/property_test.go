package plan

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/standard"
)

// The properties every plan must have (plan.md §3), checked on generated
// counties under every kind of option, by code that does not share the
// planner's: the actions are applied by the spec's effects as written
// here, the standard with its margin is built here, and the engine judges.

// specApply applies actions by plan.md §2's table, independently of Apply.
func specApply(t *testing.T, f *county.File, actions []Action) *county.File {
	t.Helper()
	raw, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	var c county.File
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatal(err)
	}
	find := func(id string) *county.School {
		for i := range c.Schools {
			if c.Schools[i].ID == id {
				return &c.Schools[i]
			}
		}
		t.Fatalf("action names school %q, not in the county", id)
		return nil
	}
	tc := func(s *county.School, stage string) *county.TeacherCounts {
		p := &s.Teachers.Primary
		if stage == "junior" {
			p = &s.Teachers.Junior
		} else if stage != "primary" {
			t.Fatalf("action with stage %q", stage)
		}
		if *p == nil {
			*p = &county.TeacherCounts{}
		}
		return *p
	}
	add := func(p **int, n int) {
		v := n
		if *p != nil {
			v += **p
		}
		*p = &v
	}
	addF := func(p **float64, a float64) {
		v := a
		if *p != nil {
			v += **p
		}
		*p = &v
	}
	subject := func(x *county.TeacherCounts, s string) **int {
		switch s {
		case "pe":
			return &x.PE
		case "music":
			return &x.Music
		case "art":
			return &x.Art
		case "backbone":
			return &x.Backbone
		}
		return nil
	}
	for _, a := range actions {
		switch a.Kind {
		case "hire":
			x := tc(find(a.School), a.Stage)
			add(&x.FullTime, a.Count)
			add(&x.Certified, a.Count)
			add(&x.AboveDegree, a.Count)
			if p := subject(x, a.Subject); p != nil {
				add(p, a.Count)
			}
		case "upgrade_degree":
			add(&tc(find(a.School), a.Stage).AboveDegree, a.Count)
		case "recognize_backbone":
			add(&tc(find(a.School), a.Stage).Backbone, a.Count)
		case "transfer":
			from, to := tc(find(a.From), a.Stage), tc(find(a.To), a.Stage)
			for _, pair := range [][2]**int{{&from.FullTime, &to.FullTime}, {&from.Certified, &to.Certified}, {&from.AboveDegree, &to.AboveDegree}} {
				add(pair[0], -a.Count)
				add(pair[1], a.Count)
			}
			if p := subject(from, a.Teacher); p != nil {
				add(p, -a.Count)
				add(subject(to, a.Teacher), a.Count)
			}
		case "build_rooms":
			addF(&find(a.School).AreaTeachingAux, float64(a.Area))
		case "build_sports_ground":
			addF(&find(a.School).AreaSportsGround, float64(a.Area))
		case "buy_equipment":
			addF(&find(a.School).EquipmentValue, float64(a.Value))
		case "add_multimedia_rooms":
			add(&find(a.School).MultimediaRooms, a.Count)
		case "build_music_room", "build_art_room":
			s := find(a.School)
			if a.Kind == "build_music_room" {
				s.MusicRooms = append(s.MusicRooms, float64(a.Area))
			} else {
				s.ArtRooms = append(s.ArtRooms, float64(a.Area))
			}
			addF(&s.AreaTeachingAux, float64(a.Area))
		case "enlarge_music_room", "enlarge_art_room":
			s := find(a.School)
			rooms := s.MusicRooms
			if a.Kind == "enlarge_art_room" {
				rooms = s.ArtRooms
			}
			rooms[*a.Room] += float64(a.Area)
			addF(&s.AreaTeachingAux, float64(a.Area))
		default:
			t.Fatalf("unknown action kind %q", a.Kind)
		}
	}
	return &c
}

// marginStandard builds the planned standard by hand.
func marginStandard(m float64, allSeven bool) *standard.Standard {
	s := standard.National2017()
	for i := range s.Items {
		if strings.HasPrefix(s.Items[i].Code, "R") {
			s.Items[i].Primary *= 1 + m
			s.Items[i].Junior *= 1 + m
		}
	}
	s.CVLimitPrimary *= 1 - m
	s.CVLimitJunior *= 1 - m
	if allSeven {
		s.PartPassMinMet = 7
	}
	return s
}

// failures lists what a year fails of what a plan must reach, leaving out
// the schools named in skip.
func failures(f *county.File, o Options, skip map[string]bool) []string {
	r := eval.Evaluate(f, marginStandard(o.Margin, o.AllSeven), o.Rules)
	var out []string
	for _, stage := range []string{"primary", "junior"} {
		st := r.Stages.Get(stage)
		if st == nil {
			continue
		}
		for _, sp := range st.Schools {
			if !sp.Pass && !skip[sp.ID] {
				out = append(out, fmt.Sprintf("%s %s 未达标", stage, sp.ID))
			}
		}
		for code, ok := range st.CVPass {
			if !ok {
				out = append(out, fmt.Sprintf("%s %s 差异系数", stage, code))
			}
		}
	}
	for _, id := range r.Items["G3"].Schools {
		if !skip[id] {
			out = append(out, "G3 "+id)
		}
	}
	return out
}

type scenario struct {
	name string
	f    *county.File
	edit func(o *Options)
}

func scenarios() []scenario {
	var out []scenario
	for i, n := range []int{6, 12, 25, 40} {
		seed := int64(100 + i)
		out = append(out,
			scenario{fmt.Sprintf("wide%d", n), wideCounty(n, seed), nil},
			scenario{fmt.Sprintf("generated%d", n), county.Generate(n, seed), nil},
		)
	}
	w := func(n int, seed int64) *county.File { return wideCounty(n, seed) }
	out = append(out,
		scenario{"margin", w(20, 7), func(o *Options) { o.Margin = 0.1 }},
		scenario{"all seven", w(20, 8), func(o *Options) { o.AllSeven = true }},
		scenario{"no transfers", w(20, 9), func(o *Options) { o.Off[KeyTransfer] = true }},
		scenario{"no hires", w(20, 10), func(o *Options) { o.Off[KeyHire] = true }},
		scenario{"cap", w(20, 11), func(o *Options) { o.MaxNewTeachers = 12 }},
		scenario{"dear transfers", w(20, 12), func(o *Options) { o.Costs[KeyTransfer] = 200000 }},
		scenario{"merge points", w(40, 13), func(o *Options) { o.Rules.MergeTeachingPoints = true }},
		scenario{"threshold 10", w(40, 14), func(o *Options) { o.Rules.TeachingPointThreshold = 10 }},
		scenario{"exclude private", w(40, 15), func(o *Options) { o.Rules.ExcludePrivate = true }},
		scenario{"include special", w(21, 16), func(o *Options) { o.Rules.IncludeSpecial = true }},
		scenario{"excluded school", w(20, 17), func(o *Options) { o.Excluded["4100000003"] = true }},
	)
	return out
}

func TestPlanProperties(t *testing.T) {
	for _, sc := range scenarios() {
		t.Run(sc.name, func(t *testing.T) {
			o, err := OptionsFor(sc.f, eval.DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			if sc.edit != nil {
				sc.edit(&o)
			}
			p, err := Make(sc.f, standard.National2017(), o, nil)
			var inf *Infeasible
			if errors.As(err, &inf) {
				if inf.Sentence == "" || !strings.ContainsAny(inf.Sentence, "校学") {
					t.Fatalf("infeasible without a sentence naming a school: %q", inf.Sentence)
				}
				t.Logf("no plan: %s", inf.Sentence)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkPlan(t, sc.f, o, p)
		})
	}
}

// checkPlan asserts plan.md §3 on a plan by the test's own means.
func checkPlan(t *testing.T, f *county.File, o Options, p *Plan) {
	t.Helper()
	skip := map[string]bool{}
	for id := range o.Excluded {
		skip[id] = true
	}
	for _, u := range p.Unresolved {
		skip[u.School] = true
	}
	// the schools whose inputs are not entered are not planned: the
	// coefficients are those of the rest
	f = withoutMissing(f, p)
	after := specApply(t, f, p.Actions)
	if fs := failures(after, o, skip); len(fs) > 0 {
		t.Fatalf("the plan applied by the spec's effects fails: %v", fs)
	}
	// every cost is quantity × unit cost; they add up to the total
	var sum float64
	for _, a := range p.Actions {
		if o.Excluded[a.School] || o.Excluded[a.From] || o.Excluded[a.To] {
			t.Errorf("action on a school left out of the plan: %+v", a)
		}
		var q float64
		switch a.Kind {
		case "build_rooms", "build_sports_ground", "build_music_room", "build_art_room", "enlarge_music_room", "enlarge_art_room":
			q = float64(a.Area)
		case "buy_equipment":
			q = float64(a.Value)
			if a.Value%100 != 0 {
				t.Errorf("equipment not in whole 100 元: %+v", a)
			}
		default:
			q = float64(a.Count)
		}
		if q <= 0 {
			t.Errorf("action with no quantity: %+v", a)
		}
		key := a.Kind
		if strings.HasSuffix(key, "_room") && key != "add_multimedia_rooms" {
			key = "build_rooms"
		}
		if want := q * o.Costs[key]; math.Abs(a.Cost-want) > 0.01 {
			t.Errorf("cost of %+v is %v, want %v × %v", a, a.Cost, q, o.Costs[key])
		}
		if o.Off[key] && key != "build_rooms" {
			t.Errorf("action of a lever switched off: %+v", a)
		}
		sum += a.Cost
	}
	if math.Abs(sum-p.TotalCost) > 0.01 {
		t.Errorf("actions add up to %v, total says %v", sum, p.TotalCost)
	}
	// transfers never take what a source lacks: no count goes negative or
	// past the full-time teachers
	for _, s := range after.Schools {
		for _, tc := range []*county.TeacherCounts{s.Teachers.Primary, s.Teachers.Junior} {
			if tc == nil {
				continue
			}
			ft := county.Val(tc.FullTime)
			for name, v := range map[string]*int{"full_time": tc.FullTime, "above_degree": tc.AboveDegree, "backbone": tc.Backbone, "pe": tc.PE, "music": tc.Music, "art": tc.Art} {
				if county.Val(v) < 0 {
					t.Errorf("%s: %s is %d after the plan", s.ID, name, county.Val(v))
				}
			}
			if county.Val(tc.AboveDegree) > ft || county.Val(tc.Backbone) > ft {
				t.Errorf("%s: more degree or backbone teachers than full-time after the plan", s.ID)
			}
		}
	}
	hires := 0
	for _, a := range p.Actions {
		if a.Kind == "hire" {
			hires += a.Count
		}
	}
	if o.MaxNewTeachers >= 0 && hires > o.MaxNewTeachers {
		t.Errorf("%d hires over a cap of %d", hires, o.MaxNewTeachers)
	}
	// nothing superfluous: without any one action the plan fails
	if len(p.Actions) <= 120 {
		for i := range p.Actions {
			rest := append(append([]Action(nil), p.Actions[:i]...), p.Actions[i+1:]...)
			if len(failures(specApply(t, f, rest), o, skip)) == 0 {
				t.Errorf("action %d (%+v) is superfluous: the plan passes without it", i, p.Actions[i])
			}
		}
	}
}

func TestPassingCountyGetsEmptyPlan(t *testing.T) {
	f := wideCounty(15, 21)
	o, _ := OptionsFor(f, eval.DefaultOptions())
	p, err := Make(f, standard.National2017(), o, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Actions) == 0 {
		t.Fatal("the wide county passes already: the test needs one that fails")
	}
	passing := specApply(t, f, p.Actions)
	again, err := Make(passing, standard.National2017(), o, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Actions) != 0 || again.TotalCost != 0 {
		t.Fatalf("a county that passes got %d actions costing %v", len(again.Actions), again.TotalCost)
	}
	if !again.Before.Passes() || !again.After.Passes() {
		t.Fatalf("before/after of a passing county: %+v %+v", again.Before, again.After)
	}
}

func TestInfeasibleOptionsNameTheSchool(t *testing.T) {
	f := wideCounty(12, 31)
	o, _ := OptionsFor(f, eval.DefaultOptions())
	o.Off[KeyHire], o.Off[KeyTransfer] = true, true
	o.AllSeven = true
	_, err := Make(f, standard.National2017(), o, nil)
	var inf *Infeasible
	if !errors.As(err, &inf) {
		t.Fatalf("no hires, no transfers, all seven: want no plan, got %v", err)
	}
	named := false
	for _, s := range f.Schools {
		if strings.Contains(inf.Sentence, s.Name) {
			named = true
		}
	}
	if !named && !strings.Contains(inf.Sentence, "差异系数") {
		t.Fatalf("the sentence names no school: %q", inf.Sentence)
	}
	if !strings.Contains(inf.Sentence, "不允许") {
		t.Fatalf("the sentence does not say which levers are off: %q", inf.Sentence)
	}
}

func TestInvalidOptionsRefused(t *testing.T) {
	f := wideCounty(6, 1)
	for name, edit := range map[string]func(*Options){
		"margin":         func(o *Options) { o.Margin = 0.5 },
		"negative cost":  func(o *Options) { o.Costs[KeyHire] = -1 },
		"NaN cost":       func(o *Options) { o.Costs[KeyRooms] = math.NaN() },
		"unknown school": func(o *Options) { o.Excluded["x"] = true },
	} {
		o, _ := OptionsFor(f, eval.DefaultOptions())
		edit(&o)
		_, err := Make(f, standard.National2017(), o, nil)
		var inf *Infeasible
		if err == nil || errors.As(err, &inf) {
			t.Errorf("%s: want a refusal, got %v", name, err)
			continue
		}
		if !strings.ContainsAny(err.Error(), "规划设置学校") {
			t.Errorf("%s: refusal not in Chinese: %q", name, err)
		}
	}
}

// withoutMissing drops the schools a plan lists as 未填报.
func withoutMissing(f *county.File, p *Plan) *county.File {
	drop := map[string]bool{}
	for _, u := range p.Unresolved {
		if u.Item == "未填报" {
			drop[u.School] = true
		}
	}
	c := *f
	c.Schools = nil
	for _, s := range f.Schools {
		if !drop[s.ID] {
			c.Schools = append(c.Schools, s)
		}
	}
	return &c
}

func TestMissingInputsListedAndTheRestPlanned(t *testing.T) {
	f := wideCounty(12, 41)
	var gone string
	for i := range f.Schools {
		if f.Schools[i].Type == county.TypePrimary {
			f.Schools[i].EquipmentValue = nil
			gone = f.Schools[i].ID
			break
		}
	}
	o, _ := OptionsFor(f, eval.DefaultOptions())
	p, err := Make(f, standard.National2017(), o, nil)
	if err != nil {
		t.Fatal(err)
	}
	listed := false
	for _, u := range p.Unresolved {
		if u.School == gone && u.Item == "未填报" && strings.Contains(u.Detail, county.FieldLabel("equipment_value")) {
			listed = true
		}
	}
	if !listed {
		t.Fatalf("the school without equipment value is not listed with the field: %+v", p.Unresolved)
	}
	for _, a := range p.Actions {
		for _, id := range a.Schools() {
			if id == gone {
				t.Fatalf("an action for a school whose inputs are missing: %+v", a)
			}
		}
	}
	if len(p.Actions) == 0 {
		t.Fatal("the rest of the county was not planned")
	}
	checkPlan(t, f, o, p)
}
