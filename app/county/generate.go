package county

import (
	"fmt"
	"math/rand/v2"
)

// Generate builds a valid county of n schools (n ≥ 1) with every input
// filled, deterministic for a seed. It serves benchmarks and property tests
// of every package; values scatter around the standard so that most schools
// pass and some miss an indicator.
func Generate(n int, seed int64) *File {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x6a756e68656e67))
	f := &File{Format: Format, Year: "2024-2025", County: generatedProfile()}
	around := func(x float64) float64 { return x * (0.8 + 0.6*rng.Float64()) } // 80%–140%
	var firstPrimary string
	for i := 0; i < n; i++ {
		typ := TypePrimary
		switch k := i % 20; {
		case k < 13:
		case k < 17:
			typ = TypeJunior
		case k == 17:
			typ = TypeNineYear
		case k == 18:
			if firstPrimary != "" {
				typ = TypePoint
			}
		case k == 19:
			typ = TypeComplete
		}
		if i == n-1 && n > 10 {
			typ = TypeSpecial
		}
		s := School{ID: fmt.Sprintf("41%08d", i+1), Name: fmt.Sprintf("第%d学校", i+1), Type: typ,
			Location: Locations[i%3], Private: B(i%37 == 5), Boarding: B(i%11 == 3)}
		if typ == TypePrimary && firstPrimary == "" {
			firstPrimary = s.ID
		}
		var p, j, sen int
		switch typ {
		case TypePrimary:
			p = 300 + rng.IntN(1400)
		case TypePoint:
			p = 10 + rng.IntN(80)
			s.ParentID = S(firstPrimary)
		case TypeJunior:
			j = 300 + rng.IntN(1400)
		case TypeNineYear:
			p, j = 400+rng.IntN(1000), 200+rng.IntN(700)
		case TypeComplete:
			j, sen = 400+rng.IntN(900), 300+rng.IntN(900)
		case TypeSpecial:
			p, j = 40+rng.IntN(60), 20+rng.IntN(30)
		}
		s.Students = Students{Primary: I(p), Junior: I(j), Senior: I(sen)}
		if typ == TypeSpecial {
			s.PublicFundsAllocated = F(float64(p+j) * around(6500))
			f.Schools = append(f.Schools, s)
			continue
		}
		cp, cj := classesFor(p, 42), classesFor(j, 48)
		s.Classes = StageCount{Primary: I(cp), Junior: I(cj)}
		s.LargestClass = StageCount{Primary: I(largest(p, cp)), Junior: I(largest(j, cj))}
		if p > 0 {
			s.Teachers.Primary = teachersFor(rng, p, 4.2, around)
		}
		if j > 0 {
			s.Teachers.Junior = teachersFor(rng, j, 5.3, around)
		}
		all := float64(p + j + sen)
		comp := float64(p) + float64(j)
		indoor := around(0.6) * all
		s.AreaTeachingAux = F(round1(around(5.2)*all + indoor))
		s.AreaIndoorSports = F(round1(indoor))
		s.AreaSportsGround = F(round1(around(9.0)*all - indoor))
		s.EquipmentValue = F(float64(int(around(2400) * all)))
		s.MultimediaRooms = I(int(around(2.6)*all/100) + 1)
		s.Computers = I(int(around(15) * all / 100))
		s.Books = I(int(around(30) * all))
		rooms := (cp+cj+11)/12 + rng.IntN(2)
		for r := 0; r < rooms; r++ {
			s.MusicRooms = append(s.MusicRooms, float64(94+rng.IntN(24)))
			s.ArtRooms = append(s.ArtRooms, float64(88+rng.IntN(24)))
		}
		budget := comp * 800
		s.PublicFundsAllocated = F(budget)
		s.PublicFundsBudget = F(budget)
		s.TrainingFunds = F(float64(int(budget * (0.045 + 0.03*rng.Float64()))))
		s.Entrants = StageCount{Primary: I(p / 6), Junior: I(j / 3)}
		s.EntrantsNearby = StageCount{Primary: I(p / 6), Junior: I(j/3 - rng.IntN(1+j/60))}
		s.Charter, s.Informatized = B(true), B(rng.IntN(40) != 0)
		s.MoralRating = S(MoralRatings[rng.IntN(2)])
		f.Schools = append(f.Schools, s)
	}
	return f
}

func classesFor(students, size int) int {
	if students == 0 {
		return 0
	}
	return (students + size - 1) / size
}

func largest(students, classes int) int {
	if classes == 0 {
		return 0
	}
	return (students + classes - 1) / classes
}

func round1(x float64) float64 { return float64(int(x*10)) / 10 }

func teachersFor(rng *rand.Rand, students int, aboveRate float64, around func(float64) float64) *TeacherCounts {
	full := students/14 + 1
	above := min(full, int(around(aboveRate)*float64(students)/100)+1)
	backbone := min(full, int(around(1.2)*float64(students)/100))
	art := max(1, int(around(1.1)*float64(students)/100))
	pe, music := art/2+1, art/4+1
	artOnly := max(0, art-pe-music)
	if pe+music+artOnly > full {
		pe, music, artOnly = 0, 0, 0
	}
	return &TeacherCounts{FullTime: I(full), Certified: I(full - rng.IntN(12)/11), AboveDegree: I(above),
		Backbone: I(backbone), PE: I(pe), Music: I(music), Art: I(artOnly), MidTitle: I(full / 2)}
}

func generatedProfile() Profile {
	yes := func() *YesNo { return &YesNo{OK: B(true), Evidence: "见附件"} }
	return Profile{
		Name: "生成县", Code: "419999", Province: "河南省", City: "测试市",
		PopulationWan: F(50), Townships: I(10), Subdistricts: I(3), TargetYear: I(2025),
		PublicFundsNorm: StageMoney{Primary: F(650), Junior: F(850)},
		Gov: Gov{G1: yes(), G21: yes(), G22: yes(), G23: yes(), G24: yes(), G10: yes(),
			G8:  &G8{TeacherAvgPay: F(98000), CivilServantAvgPay: F(95000), PerformancePayFull: B(true)},
			G9:  &G9{Teachers: I(5000), Completed360: I(5000)},
			G11: &G11{Eligible: I(600), Rotated: I(70), RotatedBackbone: I(16)},
			G14: &G14{QuotaTotal: I(3000), QuotaAllocated: I(1600), RuralTilt: B(true)},
			G15: &G15{CareSystem: B(true), MigrantEligible: I(3000), MigrantInPublicOrFunded: I(2800)}},
		Quality: Quality{Q1: &Q1{CohortEntry: I(4000), CohortRetained: I(3900)}, Q2: &Q2{Eligible: I(200), Enrolled: I(196)},
			Q5: yes(), Q7: yes(), Q8: yes(), Q9: &Q9{LevelIIIOrAbove: B(true), DifferenceRate: F(0.12)}},
		Survey: Survey{"学生": {400, 372}, "家长": {600, 540}, "教师": {200, 188}, "校长": {30, 29},
			"人大代表": {20, 18}, "政协委员": {20, 18}, "其他群众": {100, 86}},
		Veto: Veto{V1: B(false), V2: B(false), V3: B(false), V4: B(false), V5: B(false), V6: B(false), V7: B(false)},
	}
}
