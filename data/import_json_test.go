package data

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/assets/demo"
)

// oneSchool is the demo county file cut to its school i, with a changed
// value, as a clerk sends back one school's data.
func oneSchool(i int) *county.File {
	f := demo.File()
	sc := f.Schools[i]
	sc.Books = county.I(*sc.Books + 7)
	f.Schools = []county.School{sc}
	// a one-school file gives no 整改台账 (the demo's names other schools):
	// an absent list keeps the stored one
	f.County.Rectification = nil
	return f
}

// Issue 11 §4, as found: import-json of a file holding 1 school deleted the
// other 18 of the demo. An import adds and updates: the other 18 keep
// every value, the one school takes the file's.
func TestImportOfOneSchoolKeepsTheOthers(t *testing.T) {
	s := storeWith(t, demo.File())
	before, err := s.LoadYear(demo.File().Year)
	if err != nil {
		t.Fatal(err)
	}
	if len(before.Schools) != 19 {
		t.Fatalf("demo has %d schools, want 19", len(before.Schools))
	}
	one := oneSchool(4)
	done, err := s.Import(one, ImportOptions{Source: "/tmp/一校.json"})
	if err != nil {
		t.Fatal(err)
	}
	if len(done.Removed) != 0 || done.Kept != 18 || done.Changes != 1 || len(done.Updated) != 1 {
		t.Errorf("import plan = %+v; want 1 change, 18 schools kept, none removed", done)
	}
	after, err := s.LoadYear(one.Year)
	if err != nil {
		t.Fatal(err)
	}
	want := *before
	want.Schools = append([]county.School(nil), before.Schools...)
	want.Schools[4] = one.Schools[0]
	if !reflect.DeepEqual(after, &want) {
		for i := range want.Schools {
			if i < len(after.Schools) && !reflect.DeepEqual(after.Schools[i], want.Schools[i]) {
				t.Errorf("school %d (%s) differs after the import", i, want.Schools[i].Name)
			}
		}
		t.Fatalf("year after a 1-school import differs from the year with that school updated (%d schools, want 19)", len(after.Schools))
	}
}

// A field the file leaves out is "not provided": it keeps its saved value
// unless the import replaces the year.
func TestImportLeavesOutNothingItWasNotGiven(t *testing.T) {
	s := storeWith(t, demo.File())
	f := oneSchool(2)
	saved := *f.Schools[0].Computers
	f.Schools[0].Computers = nil
	if err := s.ImportFile(f, "缺一项.json"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.LoadYear(f.Year)
	if got.Schools[2].Computers == nil || *got.Schools[2].Computers != saved {
		t.Errorf("a field absent from the file was cleared: %v, want %d", got.Schools[2].Computers, saved)
	}
}

// --replace: the plan lists the schools that would go, by name and id, and
// nothing is removed until Import is called with Replace.
func TestReplaceListsWhatItRemovesAndRemovesOnlyThen(t *testing.T) {
	s := storeWith(t, demo.File())
	full := demo.File()
	one := oneSchool(0)
	p, err := s.PlanImport(one, ImportOptions{Replace: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Removed) != 18 {
		t.Fatalf("replace plan removes %d schools, want 18", len(p.Removed))
	}
	for i, r := range p.Removed {
		if sc := full.Schools[i+1]; r.ID != sc.ID || r.Name != sc.Name {
			t.Errorf("removed[%d] = %v, want %s（%s）", i, r, sc.Name, sc.ID)
		}
	}
	if f, _ := s.LoadYear(one.Year); len(f.Schools) != 19 {
		t.Fatal("planning a replace changed the file")
	}
	if _, err := s.Import(one, ImportOptions{Replace: true}); err != nil {
		t.Fatal(err)
	}
	if f, _ := s.LoadYear(one.Year); len(f.Schools) != 1 || f.Schools[0].ID != one.Schools[0].ID {
		t.Fatalf("after replace: %d schools", len(f.Schools))
	}
}

// Another county's file (another name, or another code) is refused, for an
// import and for a merge, with an error the GUI detects; the file's bytes
// are unchanged. Confirmed, it goes through.
func TestOtherCountyIsRefusedUnlessConfirmed(t *testing.T) {
	s := storeWith(t, demo.File())
	s.Close()
	path := s.Path()
	sum := fileSum(t, path)
	s, err := Open(path, OpenOptions{Settings: testSettings})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	for name, edit := range map[string]func(p *county.Profile){
		"name": func(p *county.Profile) { p.Name = "渑池县" },
		"code": func(p *county.Profile) { p.Code = "411222" },
	} {
		other := county.Generate(19, 5)
		other.Year = demo.File().Year
		other.County.Name, other.County.Code = demo.File().County.Name, demo.File().County.Code
		edit(&other.County)
		if other.County.Code == demo.File().County.Code && name == "code" {
			t.Fatal("demo has no code to differ from")
		}
		o := newStore(t, "other-"+name+".db")
		if err := o.ImportFile(other, "他县.json"); err != nil {
			t.Fatal(err)
		}
		o.Close()
		_, err := s.PlanMerge(o.Path())
		var oc *OtherCountyError
		if !errors.As(err, &oc) {
			t.Fatalf("%s: merge of another county: err = %v, want *OtherCountyError", name, err)
		}
		if oc.Ours.Name != demo.File().County.Name || !containsAll(err.Error(), oc.Ours.Name, other.County.Name) {
			t.Errorf("%s: message does not name both counties: %s", name, err)
		}
		if _, err := s.Import(other, ImportOptions{Source: "他县.json"}); !errors.As(err, &oc) {
			t.Errorf("%s: import of another county: err = %v", name, err)
		}
	}
	s.Close()
	if fileSum(t, path) != sum {
		t.Fatal("refusing another county's file changed the data file")
	}
	s, err = Open(path, OpenOptions{Settings: testSettings})
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "confirmed.db")
	o, _ := Create(other, testSettings)
	g := county.Generate(3, 9)
	g.Year = demo.File().Year
	if err := o.ImportFile(g, "x"); err != nil {
		t.Fatal(err)
	}
	o.Close()
	p, err := s.PlanMergeWith(other, MergeOptions{OtherCounty: true})
	if err != nil {
		t.Fatal(err)
	}
	if p.Counts[RowNew] != 3 {
		t.Errorf("confirmed merge adds %d schools, want 3", p.Counts[RowNew])
	}
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// Beyond MaxSchools an import is refused, naming the limit, before
// anything is written or validated.
func TestImportBeyondMaximumIsRefused(t *testing.T) {
	s := newStore(t, "big.db")
	f := county.Generate(1, 1)
	many := make([]county.School, MaxSchools+1)
	for i := range many {
		many[i] = f.Schools[0]
	}
	f.Schools = many
	_, err := s.Import(f, ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), strconv.Itoa(MaxSchools)) {
		t.Fatalf("import of %d schools: err = %v", len(many), err)
	}
	if _, err := s.PlanImport(f, ImportOptions{}); err == nil {
		t.Error("plan of too many schools not refused")
	}
	big := filepath.Join(t.TempDir(), "省.json")
	if err := os.WriteFile(big, nil, 0o644); err != nil || os.Truncate(big, MaxJSONBytes+1) != nil {
		t.Fatal(err)
	}
	if _, err := ReadCountyJSON(big, nil); err == nil || !strings.Contains(err.Error(), "省.json") {
		t.Errorf("size refusal = %v", err)
	}
	if years, _ := s.Years(); len(years) != 0 {
		t.Error("refused import wrote a year")
	}
}
