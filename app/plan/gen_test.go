package plan

import (
	"fmt"
	"math/rand/v2"

	"junheng/app/county"
)

// wideCounty generates a county of n schools with a wide spread between
// rich town schools and poor village ones, so that the coefficients bind:
// every kind of school, combined schools and teaching points included.
func wideCounty(n int, seed int64) *county.File {
	rng := rand.New(rand.NewPCG(uint64(seed), 99))
	f := county.Generate(n, seed)
	for i := range f.Schools {
		s := &f.Schools[i]
		if s.Type == county.TypeSpecial {
			continue
		}
		// rich (×1.3–1.9) or poor (×0.35–0.8)
		k := 0.35 + 0.45*rng.Float64()
		if rng.IntN(3) == 0 {
			k = 1.3 + 0.6*rng.Float64()
		}
		scaleF := func(p *float64) {
			if p != nil {
				v := float64(int(*p*k*(0.85+0.3*rng.Float64())*10)) / 10
				*p = v
			}
		}
		scaleI := func(p **int, lo int) {
			if *p != nil {
				v := max(lo, int(float64(**p)*k*(0.85+0.3*rng.Float64())))
				*p = &v
			}
		}
		scaleF(s.AreaTeachingAux)
		scaleF(s.AreaSportsGround)
		scaleF(s.EquipmentValue)
		scaleI(&s.MultimediaRooms, 0)
		for _, t := range []*county.TeacherCounts{s.Teachers.Primary, s.Teachers.Junior} {
			if t == nil {
				continue
			}
			scaleI(&t.AboveDegree, 0)
			scaleI(&t.Backbone, 0)
			scaleI(&t.PE, 0)
			if *t.AboveDegree > *t.FullTime {
				*t.AboveDegree = *t.FullTime
			}
			if *t.Backbone > *t.FullTime {
				*t.Backbone = *t.FullTime
			}
			if *t.PE+*t.Music+*t.Art > *t.FullTime {
				*t.PE = 0
			}
		}
		if s.AreaIndoorSports != nil && s.AreaTeachingAux != nil && *s.AreaIndoorSports > *s.AreaTeachingAux {
			v := *s.AreaTeachingAux / 2
			s.AreaIndoorSports = &v
		}
		s.Name = fmt.Sprintf("%s%d", []string{"城关", "东村", "西岭"}[i%3], i+1)
	}
	return f
}
