package data

import (
	"strings"
	"testing"

	"junheng/app/county"
)

// Issue 21 §6, as found: provenance slipped in merges. A value the other
// office imported from 「t3.xlsx」 read 「原由 千秋镇 李四 录入」; the
// conflict listing credited a merged value to whoever adopted it; a
// deletion against a change showed 「（未知）」 for the side that changed;
// and with --ours keeping a deletion, the history still recorded a merged
// change in the deleted school.
func TestProvenanceSurvivesMerges(t *testing.T) {
	bureau, town := twoOffices(t, 6)
	out := town.Path()
	years, err := bureau.Years()
	if err != nil {
		t.Fatal(err)
	}
	year := years[0]
	f, err := bureau.LoadYear(year)
	if err != nil {
		t.Fatal(err)
	}
	a, d := f.Schools[1], f.Schools[2]
	setBooks := func(s *Store, sc county.School, n int, source string) {
		t.Helper()
		g, err := s.LoadYear(year)
		if err != nil {
			t.Fatal(err)
		}
		for i := range g.Schools {
			if g.Schools[i].ID == sc.ID {
				g.Schools[i].Books = &n
			}
		}
		if _, err := s.Import(g, ImportOptions{Source: source}); err != nil {
			t.Fatal(err)
		}
	}
	merge := func(theirs bool) *MergePlan {
		t.Helper()
		p, err := bureau.PlanMergeWith(out, MergeOptions{})
		if err != nil {
			t.Fatal(err)
		}
		choices := make([]bool, len(p.Conflicts))
		for i := range choices {
			choices[i] = theirs
		}
		if err := bureau.ApplyMerge(p, choices); err != nil {
			t.Fatal(err)
		}
		return p
	}

	// The township imports a workbook; the bureau merges it.
	setBooks(town, a, 5555, "t3.xlsx")
	merge(false)
	hist, err := bureau.History(Filter{SchoolID: a.ID, Field: "books"})
	if err != nil || len(hist) == 0 || !strings.Contains(hist[0].String(), "导入「t3.xlsx」") || strings.Contains(hist[0].How(), "录入") {
		t.Errorf("a merged value the township imported: %v %v", hist, err)
	}

	// Both change it again: our side of the conflict is the merged value,
	// credited to who entered it, not to our clerk who adopted it.
	setBooks(town, a, 6666, "t4.xlsx")
	if err := bureau.DeleteSchool(year, d.ID); err != nil {
		t.Fatal(err)
	}
	setBooks(town, d, 7777, "t4.xlsx") // changed there, deleted here
	p, err := bureau.PlanMergeWith(out, MergeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var books, deletion *Conflict
	for i := range p.Conflicts {
		switch c := &p.Conflicts[i]; {
		case c.SchoolID == d.ID && strings.Contains(c.Label, "删除"):
			deletion = c
		case c.SchoolID == a.ID:
			books = c
		}
	}
	if books == nil || !strings.Contains(books.OursBy, "城关镇中心校 李四") || !strings.Contains(books.OursBy, "t3.xlsx") {
		t.Errorf("our merged side of a conflict: %+v", books)
	}
	if deletion == nil || strings.Contains(deletion.String(), "未知") || !strings.Contains(deletion.TheirsBy, "李四") || !strings.Contains(deletion.OursBy, testSettings.User) {
		t.Errorf("deletion against a change: %+v", deletion)
	}

	// Keeping our deletion: nothing recorded as changed in the school.
	choices := make([]bool, len(p.Conflicts))
	if err := bureau.ApplyMerge(p, choices); err != nil {
		t.Fatal(err)
	}
	hist, err = bureau.History(Filter{SchoolID: d.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range hist {
		if c.Source == SourceMerged {
			t.Errorf("a merged change recorded in the school we deleted: %s", c)
		}
	}
}
