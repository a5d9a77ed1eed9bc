package data

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"junheng/app/county"
)

// twoOffices returns a bureau file holding a generated county and a second
// office's file exported from it, as on a USB stick.
func twoOffices(t *testing.T, n int) (bureau, school *Store) {
	t.Helper()
	bureau = storeWith(t, county.Generate(n, 7))
	out := filepath.Join(t.TempDir(), "乡镇中心校.db")
	if _, err := bureau.ExportSchools(out, nil); err != nil {
		t.Fatal(err)
	}
	school, err := Open(out, OpenOptions{Settings: Settings{Office: "城关镇中心校", User: "李四"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { school.Close() })
	return bureau, school
}

// editSchool changes one school of a store through SaveSchool.
func editSchool(t *testing.T, s *Store, i int, edit func(sc *county.School)) county.School {
	t.Helper()
	f, err := s.LoadYear("2024-2025")
	if err != nil {
		t.Fatal(err)
	}
	sc := f.Schools[i]
	edit(&sc)
	if err := s.SaveSchool("2024-2025", sc); err != nil {
		t.Fatal(err)
	}
	return sc
}

func plan(t *testing.T, s *Store, other *Store) *MergePlan {
	t.Helper()
	p, err := s.PlanMerge(other.Path())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func rowStatus(p *MergePlan, key string) RowStatus {
	for _, r := range p.Rows {
		if r.Kind == kindSchool && r.Key == key {
			return r.Status
		}
	}
	return ""
}

func TestMergeDifferentSchoolsCleanly(t *testing.T) {
	bureau, school := twoOffices(t, 30)
	a := editSchool(t, bureau, 1, func(sc *county.School) { sc.Books = county.I(*sc.Books + 100) })
	b := editSchool(t, school, 2, func(sc *county.School) { sc.Computers = county.I(*sc.Computers + 7); sc.Name += "（新校区）" })

	p := plan(t, bureau, school)
	if len(p.Conflicts) != 0 {
		t.Fatalf("changes in different schools reported as conflicts: %v", p.Conflicts)
	}
	if got := rowStatus(p, a.ID); got != RowChangedHere {
		t.Errorf("school changed here: status %q", got)
	}
	if got := rowStatus(p, b.ID); got != RowChangedThere {
		t.Errorf("school changed there: status %q", got)
	}
	if p.Counts[RowIdentical] != 29 { // 28 schools and the county profile
		t.Errorf("identical rows = %d, want 29", p.Counts[RowIdentical])
	}
	if err := bureau.ApplyMerge(p, nil); err != nil {
		t.Fatal(err)
	}
	f, _ := bureau.LoadYear("2024-2025")
	if *f.Schools[1].Books != *a.Books || *f.Schools[2].Computers != *b.Computers || f.Schools[2].Name != b.Name {
		t.Fatal("merged file lacks one side's change")
	}
	// The inspector sees who made the merged change: the other office's
	// user first entered it, the bureau's clerk adopted it.
	h, err := bureau.History(Filter{SchoolID: b.ID, Field: "computers"})
	if err != nil {
		t.Fatal(err)
	}
	if len(h) == 0 || h[0].Source != SourceMerged || h[0].First == nil || h[0].First.User != "李四" || h[0].User != "张三" {
		t.Errorf("history of the merged field does not name the other office's user: %v", h)
	}
	// Merging again finds nothing new; the school merges back cleanly too.
	if p2 := plan(t, bureau, school); !p2.Empty() {
		t.Errorf("second merge is not empty: %d changes, %d conflicts", p2.Changes, len(p2.Conflicts))
	}
	back := plan(t, school, bureau)
	if len(back.Conflicts) != 0 || rowStatus(back, a.ID) != RowChangedThere {
		t.Fatalf("merging back: conflicts %v, status %q", back.Conflicts, rowStatus(back, a.ID))
	}
	if err := school.ApplyMerge(back, nil); err != nil {
		t.Fatal(err)
	}
	ja, _ := bureau.ExportJSON("2024-2025")
	jb, _ := school.ExportJSON("2024-2025")
	if string(ja) != string(jb) {
		t.Fatal("after merging both ways the two files differ")
	}
	if p3 := plan(t, bureau, school); !p3.Empty() {
		t.Errorf("files in sync still plan %d changes, %d conflicts", p3.Changes, len(p3.Conflicts))
	}
}

func TestMergeSameFieldIsAConflict(t *testing.T) {
	bureau, school := twoOffices(t, 12)
	ours := editSchool(t, bureau, 3, func(sc *county.School) { sc.Books = county.I(11111) })
	editSchool(t, school, 3, func(sc *county.School) { sc.Books = county.I(22222) })
	editSchool(t, school, 4, func(sc *county.School) { sc.Computers = county.I(*sc.Computers + 1) })

	p := plan(t, bureau, school)
	if len(p.Conflicts) != 1 {
		t.Fatalf("conflicts = %v, want one", p.Conflicts)
	}
	c := p.Conflicts[0]
	if c.SchoolID != ours.ID || c.Field != "books" || c.Ours != "11111" || c.Theirs != "22222" {
		t.Fatalf("conflict = %+v", c)
	}
	if !strings.Contains(c.String(), "图书") || !strings.Contains(c.TheirsBy, "李四") {
		t.Errorf("conflict line does not name the field or the other user: %s", c)
	}
	// Nothing is applied while the conflict is undecided, not even the
	// non-conflicting change.
	sum := fileSum(t, bureau.Path())
	if err := bureau.ApplyMerge(p, nil); err == nil {
		t.Fatal("merge with an undecided conflict was applied")
	}
	if fileSum(t, bureau.Path()) != sum {
		t.Fatal("refused merge changed the file")
	}
	if err := bureau.ApplyMerge(p, []bool{true}); err != nil {
		t.Fatal(err)
	}
	f, _ := bureau.LoadYear("2024-2025")
	if *f.Schools[3].Books != 22222 {
		t.Errorf("conflict decided for theirs: books = %d", *f.Schools[3].Books)
	}
	if p2 := plan(t, bureau, school); !p2.Empty() {
		t.Errorf("a decided conflict comes back: %v", p2.Conflicts)
	}
}

func TestMergeConflictKeptOursDoesNotReturn(t *testing.T) {
	bureau, school := twoOffices(t, 12)
	editSchool(t, bureau, 4, func(sc *county.School) { sc.Location = "乡村" }) // generated: 镇区
	editSchool(t, school, 4, func(sc *county.School) { sc.Location = "城区" })
	p := plan(t, bureau, school)
	if len(p.Conflicts) != 1 {
		t.Fatalf("conflicts = %v", p.Conflicts)
	}
	if err := bureau.ApplyMerge(p, []bool{false}); err != nil {
		t.Fatal(err)
	}
	f, _ := bureau.LoadYear("2024-2025")
	if f.Schools[4].Location != "乡村" {
		t.Errorf("kept ours, got %q", f.Schools[4].Location)
	}
	if p2 := plan(t, bureau, school); !p2.Empty() {
		t.Errorf("conflict decided for us comes back: %v", p2.Conflicts)
	}
	// The other office, merging our file, takes our decision without a conflict.
	back := plan(t, school, bureau)
	if len(back.Conflicts) != 0 {
		t.Fatalf("other side sees conflicts again: %v", back.Conflicts)
	}
}

func TestMergeDeleteAgainstEditIsAConflict(t *testing.T) {
	bureau, school := twoOffices(t, 12)
	victim := editSchool(t, bureau, 6, func(sc *county.School) { sc.Books = county.I(*sc.Books + 1) })
	if err := school.DeleteSchool("2024-2025", victim.ID); err != nil {
		t.Fatal(err)
	}
	p := plan(t, bureau, school)
	if len(p.Conflicts) != 1 || p.Conflicts[0].SchoolID != victim.ID || p.Conflicts[0].Field != deletedField {
		t.Fatalf("conflicts = %v", p.Conflicts)
	}
	if err := bureau.ApplyMerge(p, []bool{true}); err != nil {
		t.Fatal(err)
	}
	f, _ := bureau.LoadYear("2024-2025")
	for _, sc := range f.Schools {
		if sc.ID == victim.ID {
			t.Fatal("deletion chosen but the school is still there")
		}
	}
}

func TestMergeAddsNewSchoolsAndYears(t *testing.T) {
	bureau, school := twoOffices(t, 12)
	f, _ := school.LoadYear("2024-2025")
	extra := f.Schools[0]
	extra.ID, extra.Name = "4199999999", "新建实验小学"
	if err := school.SaveSchool("2024-2025", extra); err != nil {
		t.Fatal(err)
	}
	if err := school.CopyYear("2024-2025", "2025-2026"); err != nil {
		t.Fatal(err)
	}
	p := plan(t, bureau, school)
	if rowStatus(p, extra.ID) != RowNew {
		t.Fatalf("new school status %q", rowStatus(p, extra.ID))
	}
	if err := bureau.ApplyMerge(p, nil); err != nil {
		t.Fatal(err)
	}
	years, _ := bureau.Years()
	if len(years) != 2 {
		t.Fatalf("years after merge = %v", years)
	}
	for _, y := range years {
		ja, err := bureau.ExportJSON(y)
		if err != nil {
			t.Fatal(err)
		}
		jb, _ := school.ExportJSON(y)
		if string(ja) != string(jb) {
			t.Errorf("%s differs after merge", y)
		}
	}
}

// A merge that fails half-way leaves the file byte for byte as it was.
func TestMergeFailingHalfWayLeavesFileAsBefore(t *testing.T) {
	bureau, school := twoOffices(t, 20)
	for i := 0; i < 10; i++ {
		editSchool(t, school, i, func(sc *county.School) { sc.Books = county.I(*sc.Books + 3) })
	}
	before, _ := bureau.ExportJSON("2024-2025")
	sum := fileSum(t, bureau.Path())
	p := plan(t, bureau, school)
	if len(p.ops) < 10 {
		t.Fatalf("plan has %d ops", len(p.ops))
	}
	boom := errors.New("磁盘已满（模拟）")
	testHookMergeOp = func(i int) error {
		if i == len(p.ops)/2 {
			return boom
		}
		return nil
	}
	defer func() { testHookMergeOp = nil }()
	if err := bureau.ApplyMerge(p, nil); !errors.Is(err, boom) {
		t.Fatalf("merge error = %v", err)
	}
	if fileSum(t, bureau.Path()) != sum {
		t.Fatal("failed merge changed the file")
	}
	after, _ := bureau.ExportJSON("2024-2025")
	if string(after) != string(before) {
		t.Fatal("failed merge changed the data")
	}
}

// Two sides may each make a valid change whose combination is invalid: the
// merge is refused as a whole.
func TestMergeThatWouldBreakValidationIsRolledBack(t *testing.T) {
	bureau, school := twoOffices(t, 12)
	var aux, indoor float64
	// Here: the indoor sports hall grows to the whole teaching area (valid).
	editSchool(t, bureau, 0, func(sc *county.School) {
		aux, indoor = *sc.AreaTeachingAux, *sc.AreaIndoorSports
		sc.AreaIndoorSports = county.F(aux)
	})
	// There: the teaching area shrinks, still above the old hall (valid).
	editSchool(t, school, 0, func(sc *county.School) { sc.AreaTeachingAux = county.F(indoor + 1) })
	sum := fileSum(t, bureau.Path())
	before, _ := bureau.ExportJSON("2024-2025")
	p := plan(t, bureau, school)
	if len(p.Conflicts) != 0 {
		t.Fatalf("different fields reported as conflicts: %v", p.Conflicts)
	}
	err := bureau.ApplyMerge(p, nil)
	var inv *MergeInvalidError
	if !errors.As(err, &inv) {
		t.Fatalf("invalid merge error = %v", err)
	}
	if !strings.Contains(err.Error(), "室内体育用房") {
		t.Errorf("message does not name the field: %v", err)
	}
	if fileSum(t, bureau.Path()) != sum {
		t.Fatal("rolled back merge changed the file")
	}
	after, _ := bureau.ExportJSON("2024-2025")
	if string(after) != string(before) {
		t.Fatal("rolled back merge changed the data")
	}
}
