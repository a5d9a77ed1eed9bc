package plan

import (
	"junheng/app/county"
	"junheng/app/eval"
)

// Apply returns a copy of the year with every action applied by the
// effects of plan.md §2; f is not changed. Facility actions act on the
// whole school, teachers on the stage named. Every action of a plan names
// schools of f (Make only makes such plans); an unknown school is skipped.
func Apply(f *county.File, actions []Action) *county.File {
	c := Clone(f)
	idx := make(map[string]int, len(c.Schools))
	for i := range c.Schools {
		idx[c.Schools[i].ID] = i
	}
	school := func(id string) *county.School {
		if i, ok := idx[id]; ok {
			return &c.Schools[i]
		}
		return nil
	}
	for _, a := range actions {
		switch a.Kind {
		case KeyHire:
			if s := school(a.School); s != nil {
				t := teachers(s, a.Stage)
				addAll(a.Count, &t.FullTime, &t.Certified, &t.AboveDegree)
				if p := subjectField(t, a.Subject); p != nil {
					addAll(a.Count, p)
				}
			}
		case KeyUpgrade:
			if s := school(a.School); s != nil {
				addAll(a.Count, &teachers(s, a.Stage).AboveDegree)
			}
		case KeyBackbone:
			if s := school(a.School); s != nil {
				addAll(a.Count, &teachers(s, a.Stage).Backbone)
			}
		case KeyTransfer:
			from, to := school(a.From), school(a.To)
			if from == nil || to == nil {
				continue
			}
			tf, tt := teachers(from, a.Stage), teachers(to, a.Stage)
			addAll(-a.Count, &tf.FullTime, &tf.Certified, &tf.AboveDegree)
			addAll(a.Count, &tt.FullTime, &tt.Certified, &tt.AboveDegree)
			if a.Teacher == TeacherBackbone {
				addAll(-a.Count, &tf.Backbone)
				addAll(a.Count, &tt.Backbone)
			} else if p := subjectField(tf, a.Teacher); p != nil {
				addAll(-a.Count, p)
				addAll(a.Count, subjectField(tt, a.Teacher))
			}
		case KeyRooms:
			if s := school(a.School); s != nil {
				addArea(&s.AreaTeachingAux, float64(a.Area))
			}
		case KeyGround:
			if s := school(a.School); s != nil {
				addArea(&s.AreaSportsGround, float64(a.Area))
			}
		case KeyEquipment:
			if s := school(a.School); s != nil {
				addArea(&s.EquipmentValue, float64(a.Value))
			}
		case KeyMultimedia:
			if s := school(a.School); s != nil {
				addAll(a.Count, &s.MultimediaRooms)
			}
		case KindBuildMusic, KindBuildArt, KindEnlargeMusic, KindEnlargeArt:
			if s := school(a.School); s != nil {
				applyRoom(s, a)
			}
		}
	}
	return c
}

func applyRoom(s *county.School, a Action) {
	rooms := &s.MusicRooms
	if a.Kind == KindBuildArt || a.Kind == KindEnlargeArt {
		rooms = &s.ArtRooms
	}
	switch a.Kind {
	case KindBuildMusic, KindBuildArt:
		*rooms = append(*rooms, float64(a.Area))
	default:
		if a.Room == nil || *a.Room < 0 || *a.Room >= len(*rooms) {
			return
		}
		(*rooms)[*a.Room] += float64(a.Area)
	}
	addArea(&s.AreaTeachingAux, float64(a.Area))
}

// teachers returns the school's counts of a stage, creating them.
func teachers(s *county.School, stage string) *county.TeacherCounts {
	p := &s.Teachers.Primary
	if stage == eval.Junior {
		p = &s.Teachers.Junior
	}
	if *p == nil {
		*p = &county.TeacherCounts{}
	}
	return *p
}

func subjectField(t *county.TeacherCounts, subject string) **int {
	switch subject {
	case SubjectPE:
		return &t.PE
	case SubjectMusic:
		return &t.Music
	case SubjectArt:
		return &t.Art
	}
	return nil
}

func addAll(n int, ps ...**int) {
	for _, p := range ps {
		v := n
		if *p != nil {
			v += **p
		}
		*p = &v
	}
}

func addArea(p **float64, a float64) {
	v := a
	if *p != nil {
		v += **p
	}
	*p = &v
}

// Clone copies a county year deeply enough that applying actions to the
// copy never changes the original: every school is copied by
// county.School.Copy (Apply replaces scalar pointers, never writes
// through them).
func Clone(f *county.File) *county.File {
	c := *f
	c.Schools = make([]county.School, len(f.Schools))
	for i := range f.Schools {
		c.Schools[i] = f.Schools[i].Copy()
	}
	return &c
}
