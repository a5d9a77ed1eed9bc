package eval

import (
	"fmt"

	"junheng/app/county"
)

// unit is one school part entering one stage's resource evaluation, with
// its inputs resolved: teachers of its stage and facilities already
// multiplied by its share (standard.md §2.3). An opt without ok is 未填报.
type unit struct {
	school   *county.School
	stage    string
	students int
	share    float64 // share of the school's facilities
	merged   []string

	// Teacher counts of the stage (R1–R3, B6–B8).
	fullTime, aboveDegree, backbone, peArt, midTitle opt
	// Facilities of the part after the split (R4–R7, B1–B5).
	netRooms, sports, equipment, multimedia, computers, books opt
}

// stageStudents returns a school's students in a stage (0 when absent).
func stageStudents(s *county.School, stage string) int {
	if stage == Junior {
		return county.Val(s.Students.Junior)
	}
	return county.Val(s.Students.Primary)
}

// facilityWeights are the enrolment weights of standard.md §2.3 by school
// type: primary, junior and senior students. A stage's share of a school's
// facilities is its weighted students over the school's weighted total, so
// the shares of one school never add up to more than 1 whatever its type:
// 九年一贯制 A/(A+1.1B) and 1.1B/(A+1.1B), 十二年一贯制 over A+1.1B+1.32C,
// 完全中学 B/(B+1.2C), a special school teaching both stages like a
// 九年一贯制, a single-stage school 1 for its stage.
var facilityWeights = map[string][3]float64{
	county.TypePrimary:    {1, 0, 0},
	county.TypePoint:      {1, 0, 0},
	county.TypeJunior:     {0, 1, 0},
	county.TypeNineYear:   {1, 1.1, 0},
	county.TypeTwelveYear: {1, 1.1, 1.32},
	county.TypeComplete:   {0, 1, 1.2},
	county.TypeSpecial:    {1, 1.1, 0},
}

// shareOf is the school's share of facilities given to a stage (0 when the
// school has no weighted students at all).
func shareOf(s *county.School, stage string) float64 {
	w, ok := facilityWeights[s.Type]
	if !ok {
		return 0
	}
	// float64 before weighting: counts near the int limit must not wrap.
	weighted := [3]float64{w[0] * float64(county.Val(s.Students.Primary)),
		w[1] * float64(county.Val(s.Students.Junior)), w[2] * float64(county.Val(s.Students.Senior))}
	total := weighted[0] + weighted[1] + weighted[2]
	if total == 0 {
		return 0
	}
	part := weighted[0]
	if stage == Junior {
		part = weighted[1]
	}
	return part / total
}

func fromInt(p *int) *float64 {
	if p == nil {
		return nil
	}
	return ptr(float64(*p))
}

// opt is an input that may be 未填报 (ok false). A value type, so that
// resolving a thousand schools allocates nothing per input.
type opt struct {
	v  float64
	ok bool
}

func optInt(p *int) opt {
	if p == nil {
		return opt{}
	}
	return opt{float64(*p), true}
}

func optFloat(p *float64) opt {
	if p == nil {
		return opt{}
	}
	return opt{*p, true}
}

// plus returns a + b, unknown when either is: a total of which a part is
// unknown is unknown. Like minus and times it saturates (see clamp): two
// areas at the float limit add up to a finite figure.
func (a opt) plus(b opt) opt { return opt{clamp(a.v + b.v), a.ok && b.ok} }

func (a opt) minus(b opt) opt { return opt{clamp(a.v - b.v), a.ok && b.ok} }

func (a opt) times(k float64) opt { return opt{clamp(a.v * k), a.ok} }

// newUnit resolves a school's inputs for one stage.
func newUnit(s *county.School, stage string) *unit {
	u := &unit{school: s, stage: stage, students: stageStudents(s, stage), share: shareOf(s, stage)}
	t := s.Teachers.Primary
	if stage == Junior {
		t = s.Teachers.Junior
	}
	if t != nil {
		u.fullTime, u.aboveDegree, u.backbone, u.midTitle = optInt(t.FullTime), optInt(t.AboveDegree), optInt(t.Backbone), optInt(t.MidTitle)
		u.peArt = optInt(t.PE).plus(optInt(t.Music)).plus(optInt(t.Art))
	}
	u.netRooms = optFloat(s.AreaTeachingAux).minus(optFloat(s.AreaIndoorSports)).times(u.share)
	u.sports = optFloat(s.AreaSportsGround).plus(optFloat(s.AreaIndoorSports)).times(u.share)
	u.equipment = optFloat(s.EquipmentValue).times(u.share)
	u.multimedia = optInt(s.MultimediaRooms).times(u.share)
	u.computers = optInt(s.Computers).times(u.share)
	u.books = optInt(s.Books).times(u.share)
	return u
}

// absorb adds a teaching point's students and resources to its central
// school's part (rule switch "merge into the parent school").
func (u *unit) absorb(p *unit) {
	u.students = addCount(u.students, p.students)
	u.merged = append(u.merged, p.school.ID)
	for _, f := range []struct{ dst, src *opt }{
		{&u.fullTime, &p.fullTime}, {&u.aboveDegree, &p.aboveDegree}, {&u.backbone, &p.backbone},
		{&u.peArt, &p.peArt}, {&u.midTitle, &p.midTitle}, {&u.netRooms, &p.netRooms}, {&u.sports, &p.sports},
		{&u.equipment, &p.equipment}, {&u.multimedia, &p.multimedia}, {&u.computers, &p.computers}, {&u.books, &p.books},
	} {
		*f.dst = f.dst.plus(*f.src)
	}
}

// typeHasStage tells which stages a school type contributes to R1–R7.
func typeHasStage(typ, stage string) bool {
	switch typ {
	case county.TypePrimary, county.TypePoint:
		return stage == Primary
	case county.TypeJunior, county.TypeComplete:
		return stage == Junior
	case county.TypeNineYear, county.TypeTwelveYear, county.TypeSpecial:
		return true
	}
	return false
}

// selectUnits decides which schools enter a stage and why the others do not.
func selectUnits(f *county.File, stage string, opts Options) ([]*unit, []Excluded) {
	var units []*unit
	var excluded []Excluded
	byID := map[string]*unit{}
	var points []*unit
	leaveOut := func(s *county.School, reason string) {
		excluded = append(excluded, Excluded{ID: s.ID, Name: s.Name, Reason: reason})
	}
	for i := range f.Schools {
		s := &f.Schools[i]
		if !typeHasStage(s.Type, stage) {
			continue
		}
		p := stageStudents(s, stage)
		switch {
		case s.Type == county.TypeSpecial && !opts.IncludeSpecial:
			if p > 0 {
				leaveOut(s, "特殊教育学校不参与资源配置指标（仅计入政府保障第7项）")
			}
			continue
		case s.IsPrivate() && opts.ExcludePrivate:
			leaveOut(s, "民办学校（按设置不参与计算）")
			continue
		case p == 0:
			if s.Type != county.TypeSpecial {
				leaveOut(s, fmt.Sprintf("%s在校生为0", StageNames[stage]))
			}
			continue
		}
		u := newUnit(s, stage)
		if s.Type == county.TypePoint && p < opts.TeachingPointThreshold {
			points = append(points, u)
			continue
		}
		units = append(units, u)
		byID[s.ID] = u
	}
	for _, p := range points {
		s := p.school
		parent := byID[""]
		if s.ParentID != nil {
			parent = byID[*s.ParentID]
		}
		switch {
		case opts.MergeTeachingPoints && parent != nil:
			parent.absorb(p)
		case opts.MergeTeachingPoints:
			leaveOut(s, fmt.Sprintf("教学点不足%d人，所属中心校不参与本学段计算", opts.TeachingPointThreshold))
		default:
			leaveOut(s, fmt.Sprintf("教学点不足%d人", opts.TeachingPointThreshold))
		}
	}
	return units, excluded
}
