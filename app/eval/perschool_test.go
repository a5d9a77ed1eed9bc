package eval

import (
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"junheng/app/county"
)

// Issue 16: a 九年一贯制 whose largest class is over the limit in both
// stages was listed twice in G5 and counted twice in its detail.
func TestCombinedSchoolFailingBothStagesListedOnce(t *testing.T) {
	n := school("N", county.TypeNineYear, 470, 520, 0)
	n.LargestClass = county.StageCount{Primary: county.I(47), Junior: county.I(52)}
	ok := school("A", county.TypePrimary, 400, 0, 0)
	ok.LargestClass.Primary = county.I(40)
	r := Run(countyOf(n, ok))
	g5 := r.Items["G5"]
	if !slices.Equal(g5.Schools, []string{"N"}) || len(g5.Issues) != 1 {
		t.Fatalf("G5 lists the school once: schools %v, issues %q", g5.Schools, g5.Issues)
	}
	if !strings.Contains(g5.Issues[0], "小学最大班额 47 人") || !strings.Contains(g5.Issues[0], "初中最大班额 52 人") {
		t.Errorf("both reasons are kept under the one entry: %q", g5.Issues[0])
	}
	if want := "2 所学校中 1 所未达标"; g5.Detail != want {
		t.Errorf("detail %q, want %q", g5.Detail, want)
	}
	var lines int
	for _, td := range r.Verdict.Todo {
		if td.Code == "G5" {
			lines++
			if td.SchoolID != "N" || !strings.Contains(td.Text, "47") || !strings.Contains(td.Text, "52") {
				t.Errorf("to-do line %+v", td)
			}
		}
	}
	if lines != 1 {
		t.Errorf("the to-do list has %d G5 lines for one school, want 1", lines)
	}
}

var failingCount = regexp.MustCompile(`(?:所学校中|另有) (\d+) 所未达标`)

// Over generated counties (with combined schools failing in both stages,
// 十二年一贯制 and special schools teaching both stages added), for every
// item: no school is listed twice, every failing count in the detail equals
// len(Schools), every to-do line names a school at most once per item; and
// for every school its stage shares of facilities add up to at most 1.
func TestPerSchoolItemsCountSchoolsOnce(t *testing.T) {
	for seed := int64(1); seed <= 12; seed++ {
		f := county.Generate(40+int(seed)*37, seed)
		rng := rand.New(rand.NewPCG(uint64(seed), 7))
		for i := range f.Schools {
			s := &f.Schools[i]
			switch {
			case s.Type == county.TypeNineYear && rng.IntN(2) == 0:
				// Over the limit in both stages (and on both counts of G13).
				s.LargestClass = county.StageCount{Primary: county.I(46 + rng.IntN(5)), Junior: county.I(51 + rng.IntN(5))}
				s.EntrantsNearby = county.StageCount{Primary: county.I(0), Junior: county.I(0)}
			case s.Type == county.TypeComplete && rng.IntN(2) == 0:
				s.Type = county.TypeTwelveYear
				s.Students.Primary = county.I(300 + rng.IntN(900))
				s.Teachers.Primary = s.Teachers.Junior
			case s.Type == county.TypeSpecial:
				s.Students.Senior = county.I(rng.IntN(30))
			}
		}
		for _, opts := range []Options{DefaultOptions(), {TeachingPointThreshold: 50, IncludeSpecial: true, MergeTeachingPoints: true}} {
			r := Evaluate(f, national, opts)
			for code, it := range r.Items {
				seen := map[string]bool{}
				for _, id := range it.Schools {
					if seen[id] {
						t.Errorf("seed %d %s: school %s listed twice", seed, code, id)
					}
					seen[id] = true
				}
				for _, m := range failingCount.FindAllStringSubmatch(it.Detail, -1) {
					if n, _ := strconv.Atoi(m[1]); n != len(it.Schools) {
						t.Errorf("seed %d %s: detail %q counts %d, schools %d", seed, code, it.Detail, n, len(it.Schools))
					}
				}
				if len(it.Schools) > 0 && len(it.Schools) != len(it.Issues) {
					t.Errorf("seed %d %s: %d schools, %d issues", seed, code, len(it.Schools), len(it.Issues))
				}
			}
			lines := map[string]bool{}
			for _, td := range r.Verdict.Todo {
				if td.SchoolID == "" || td.Part == "R" {
					continue // resource lines are per indicator and stage
				}
				key := td.Code + "/" + td.SchoolID + "/" + strconv.FormatBool(td.Missing)
				if lines[key] {
					t.Errorf("seed %d: two to-do lines for %s", seed, key)
				}
				lines[key] = true
			}
			shares := map[string]float64{}
			for _, st := range []*Stage{r.Stages.Primary, r.Stages.Junior} {
				for _, sp := range st.Schools {
					shares[sp.ID] += sp.Share
				}
			}
			for id, sum := range shares {
				if sum > 1+1e-15 { // a few units of rounding of a/(a+b) + b/(a+b)
					t.Errorf("seed %d: school %s's stage shares add up to %.17g", seed, id, sum)
				}
			}
		}
	}
	// The failing case must actually occur, or the test proves nothing.
	f := county.Generate(400, 3)
	for i := range f.Schools {
		if f.Schools[i].Type == county.TypeNineYear {
			f.Schools[i].LargestClass = county.StageCount{Primary: county.I(47), Junior: county.I(52)}
		}
	}
	if g5 := Run(f).Items["G5"]; len(g5.Schools) == 0 || !strings.Contains(g5.Issues[0], "；") {
		t.Errorf("generated 九年一贯制 schools failing in both stages were not found: %+v", g5)
	}
}

// The shares of every school type that can teach two stages come from one
// rule and never add up to more than 1, for any counts.
func TestFacilitySharesNeverExceedOne(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	counts := func() int {
		switch rng.IntN(4) {
		case 0:
			return 0
		case 1:
			return rng.IntN(3000)
		case 2:
			return 1 << (40 + rng.IntN(22))
		}
		return math.MaxInt - rng.IntN(10)
	}
	for _, typ := range county.SchoolTypes {
		for i := 0; i < 2000; i++ {
			s := county.School{Type: typ, Students: county.Students{Primary: county.I(counts()), Junior: county.I(counts()), Senior: county.I(counts())}}
			p, j := shareOf(&s, Primary), shareOf(&s, Junior)
			if p < 0 || j < 0 || p > 1 || j > 1 || p+j > 1+1e-15 || math.IsNaN(p+j) {
				t.Fatalf("%s %+v: shares %.17g + %.17g", typ, s.Students, p, j)
			}
		}
	}
	// A single-stage school keeps all of its facilities for its stage.
	one := county.School{Type: county.TypePrimary, Students: county.Students{Primary: county.I(500)}}
	if shareOf(&one, Primary) != 1 {
		t.Errorf("a 小学 keeps its whole facilities: %v", shareOf(&one, Primary))
	}
}

// Issue 16: with special schools included, a special school teaching 60
// primary and 40 junior pupils in 2,000 ㎡ got all 2,000 ㎡ in each stage
// (R4 33.33 and 50.00). Its facilities split like a 九年一贯制's.
func TestSpecialSchoolSharesFacilities(t *testing.T) {
	const area, a, b = 2000.0, 60.0, 40.0
	sp := school("SP", county.TypeSpecial, int(a), int(b), 0)
	sp.AreaTeachingAux, sp.AreaIndoorSports = county.F(area), county.F(0)
	opts := DefaultOptions()
	opts.IncludeSpecial = true
	r := Evaluate(countyOf(sp, school("P", county.TypePrimary, 600, 0, 0)), national, opts)
	primary, junior := find(t, r.Stages.Primary, "SP"), find(t, r.Stages.Junior, "SP")
	approx(t, "primary R4", *primary.Values["R4"], area*a/(a+1.1*b)/a, 1e-12)
	approx(t, "junior R4", *junior.Values["R4"], area*(1.1*b)/(a+1.1*b)/b, 1e-12)
	approx(t, "shares", primary.Share+junior.Share, 1, 1e-15)
	// Left out by default, as before.
	if st := Run(countyOf(sp, school("P", county.TypePrimary, 600, 0, 0))).Stages.Junior; st != nil {
		t.Errorf("special schools stay out of R1–R7 by default: %+v", st.Schools)
	}
}
