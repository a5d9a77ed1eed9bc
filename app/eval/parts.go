package eval

import (
	"fmt"

	"junheng/app/county"
)

// unit is one school part entering one stage's resource evaluation, with
// its inputs resolved: teachers of its stage and facilities already
// multiplied by its share (standard.md §2.3). Nil means 未填报.
type unit struct {
	school   *county.School
	stage    string
	students int
	share    float64 // share of the school's facilities
	merged   []string

	// Teacher counts of the stage (R1–R3, B6–B8).
	fullTime, aboveDegree, backbone, peArt, midTitle *float64
	// Facilities of the part after the split (R4–R7, B1–B5).
	netRooms, sports, equipment, multimedia, computers, books *float64
}

// stageStudents returns a school's students in a stage (0 when absent).
func stageStudents(s *county.School, stage string) int {
	if stage == Junior {
		return county.Val(s.Students.Junior)
	}
	return county.Val(s.Students.Primary)
}

// shareOf is the school's share of facilities given to a stage, weighted
// by enrolment as in standard.md §2.3 (九年一贯制 1.1, senior 1.2 or 1.32).
func shareOf(s *county.School, stage string) float64 {
	a := float64(county.Val(s.Students.Primary))
	b := float64(county.Val(s.Students.Junior))
	c := float64(county.Val(s.Students.Senior))
	var prim, jun float64
	switch s.Type {
	case county.TypeNineYear:
		prim, jun = a, 1.1*b
	case county.TypeTwelveYear:
		prim, jun = a, 1.1*b
		if total := a + 1.1*b + 1.32*c; total > 0 {
			if stage == Junior {
				return jun / total
			}
			return prim / total
		}
		return 0
	case county.TypeComplete:
		if stage != Junior || b == 0 {
			return 0
		}
		return b / (b + 1.2*c)
	default:
		return 1
	}
	if prim+jun == 0 {
		return 0
	}
	if stage == Junior {
		return jun / (prim + jun)
	}
	return prim / (prim + jun)
}

// ptr returns a pointer to x.
func ptr(x float64) *float64 { return &x }

func fromInt(p *int) *float64 {
	if p == nil {
		return nil
	}
	return ptr(float64(*p))
}

// scaled returns x × k, nil when x is nil.
func scaled(x *float64, k float64) *float64 {
	if x == nil {
		return nil
	}
	return ptr(*x * k)
}

// sum returns a + b, nil when either is nil: a total of which a part is
// unknown is unknown.
func sum(a, b *float64) *float64 {
	if a == nil || b == nil {
		return nil
	}
	return ptr(*a + *b)
}

func diff(a, b *float64) *float64 {
	if a == nil || b == nil {
		return nil
	}
	return ptr(*a - *b)
}

// newUnit resolves a school's inputs for one stage.
func newUnit(s *county.School, stage string) *unit {
	u := &unit{school: s, stage: stage, students: stageStudents(s, stage), share: shareOf(s, stage)}
	t := s.Teachers.Primary
	if stage == Junior {
		t = s.Teachers.Junior
	}
	if t != nil {
		u.fullTime, u.aboveDegree, u.backbone, u.midTitle = fromInt(t.FullTime), fromInt(t.AboveDegree), fromInt(t.Backbone), fromInt(t.MidTitle)
		u.peArt = sum(sum(fromInt(t.PE), fromInt(t.Music)), fromInt(t.Art))
	}
	u.netRooms = scaled(diff(s.AreaTeachingAux, s.AreaIndoorSports), u.share)
	u.sports = scaled(sum(s.AreaSportsGround, s.AreaIndoorSports), u.share)
	u.equipment = scaled(s.EquipmentValue, u.share)
	u.multimedia = scaled(fromInt(s.MultimediaRooms), u.share)
	u.computers = scaled(fromInt(s.Computers), u.share)
	u.books = scaled(fromInt(s.Books), u.share)
	return u
}

// absorb adds a teaching point's students and resources to its central
// school's part (rule switch "merge into the parent school").
func (u *unit) absorb(p *unit) {
	u.students += p.students
	u.merged = append(u.merged, p.school.ID)
	for _, f := range []struct{ dst, src **float64 }{
		{&u.fullTime, &p.fullTime}, {&u.aboveDegree, &p.aboveDegree}, {&u.backbone, &p.backbone},
		{&u.peArt, &p.peArt}, {&u.midTitle, &p.midTitle}, {&u.netRooms, &p.netRooms}, {&u.sports, &p.sports},
		{&u.equipment, &p.equipment}, {&u.multimedia, &p.multimedia}, {&u.computers, &p.computers}, {&u.books, &p.books},
	} {
		*f.dst = sum(*f.dst, *f.src)
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
