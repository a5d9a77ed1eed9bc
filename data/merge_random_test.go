package data

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"junheng/app/county"
)

// Two offices edit at random (values, names, deletions, new schools) and
// merge back and forth for several rounds. Whatever they do, after A takes
// B's file (deciding conflicts at random) and B takes A's, the two files
// hold the same data, B's merge meets no conflict, and a further merge
// finds nothing: the lineage always gives a correct common base.
func TestRandomEditsConverge(t *testing.T) {
	conflicts, deletes := 0, 0
	for seed := uint64(1); seed <= 4; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			c, d := randomEditsConverge(t, seed)
			conflicts, deletes = conflicts+c, deletes+d
		})
	}
	// The random edits must have exercised what they are meant to test.
	if conflicts == 0 || deletes == 0 {
		t.Errorf("%d conflicts, %d deletion conflicts: the edits did not collide", conflicts, deletes)
	}
}

func randomEditsConverge(t *testing.T, seed uint64) (conflicts, deletes int) {
	a, b := twoOffices(t, 25)
	rng := rand.New(rand.NewPCG(seed, 2))
	next := 0
	for round := 0; round < 6; round++ {
		for _, s := range []*Store{a, b} {
			randomEdits(t, s, rng, &next)
		}
		p := plan(t, a, b)
		conflicts += len(p.Conflicts)
		for _, c := range p.Conflicts {
			if c.Field == deletedField {
				deletes++
			}
		}
		choices := make([]bool, len(p.Conflicts))
		for i := range choices {
			choices[i] = rng.IntN(2) == 0
		}
		if err := a.ApplyMerge(p, choices); err != nil {
			t.Fatalf("round %d: A takes B: %v", round, err)
		}
		back := plan(t, b, a)
		if len(back.Conflicts) > 0 {
			t.Fatalf("round %d: B meets conflicts already decided by A: %v", round, back.Conflicts)
		}
		if err := b.ApplyMerge(back, nil); err != nil {
			t.Fatalf("round %d: B takes A: %v", round, err)
		}
		// Display order is each file's own (merged schools come last), so
		// compare the schools by id.
		ja, jb := sortedJSON(t, a), sortedJSON(t, b)
		if string(ja) != string(jb) {
			t.Fatalf("round %d: files differ after merging both ways:\n%s", round, firstDiff(ja, jb))
		}
		for _, pr := range [][2]*Store{{a, b}, {b, a}} {
			if q := plan(t, pr[0], pr[1]); !q.Empty() {
				t.Fatalf("round %d: files in sync still plan %d changes, conflicts %v", round, q.Changes, q.Conflicts)
			}
		}
	}
	return conflicts, deletes
}

func randomEdits(t *testing.T, s *Store, rng *rand.Rand, next *int) {
	t.Helper()
	f, err := s.LoadYear("2024-2025")
	if err != nil {
		t.Fatal(err)
	}
	parents := map[string]bool{}
	for _, sc := range f.Schools {
		if sc.ParentID != nil {
			parents[*sc.ParentID] = true
		}
	}
	for k := 0; k < 6; k++ {
		i := rng.IntN(len(f.Schools))
		sc := f.Schools[i]
		switch rng.IntN(7) {
		case 6:
			p := f.County
			p.Narrative.Problems = fmt.Sprintf("问题清单第 %d 稿", rng.IntN(1000))
			if rng.IntN(2) == 0 {
				p.PopulationWan = county.F(float64(rng.IntN(900)) / 10)
			}
			if err := s.SaveCounty(f.Year, p); err != nil {
				t.Fatal(err)
			}
			f.County = p
			continue
		case 0, 1:
			if sc.Books != nil {
				sc.Books = county.I(*sc.Books + 1 + rng.IntN(50))
			}
		case 2:
			if sc.Computers != nil {
				sc.Computers = county.I(rng.IntN(500))
			}
		case 3:
			name := []rune(sc.Name) // cut by characters: a name cut inside a character is not UTF-8
			sc.Name = fmt.Sprintf("%s·%d", string(name[:min(len(name), 12)]), rng.IntN(100))
		case 4:
			if !parents[sc.ID] && len(f.Schools) > 10 {
				if err := s.DeleteSchool(f.Year, sc.ID); err != nil {
					t.Fatal(err)
				}
				f.Schools = slices.Delete(f.Schools, i, i+1)
				continue
			}
		case 5:
			*next++
			sc.ID = fmt.Sprintf("43%08d", *next)
			sc.Name = fmt.Sprintf("新建学校%d", *next)
			sc.ParentID = nil
			if sc.Type == county.TypePoint {
				sc.Type = county.TypePrimary
			}
		}
		if err := s.SaveSchool(f.Year, sc); err != nil {
			t.Fatal(err)
		}
		if j := slices.IndexFunc(f.Schools, func(x county.School) bool { return x.ID == sc.ID }); j >= 0 {
			f.Schools[j] = sc
		} else {
			f.Schools = append(f.Schools, sc)
		}
	}
}

func sortedJSON(t *testing.T, s *Store) []byte {
	t.Helper()
	f, err := s.LoadYear("2024-2025")
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(f.Schools, func(x, y county.School) int {
		if x.ID < y.ID {
			return -1
		}
		if x.ID > y.ID {
			return 1
		}
		return 0
	})
	return mustEncode(t, f)
}
