package entry

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/assets/demo"
)

func section(t testing.TB, title string) Section[county.School] {
	t.Helper()
	for _, s := range SchoolSections() {
		if s.Title == title {
			return s
		}
	}
	t.Fatalf("no section %s", title)
	return Section[county.School]{}
}

func TestParseBlockAsSpreadsheetsCopy(t *testing.T) {
	for _, c := range []struct {
		in   string
		want [][]string
	}{
		{"1\t2\r\n3\t4\r\n", [][]string{{"1", "2"}, {"3", "4"}}},
		{"1\t2\n3\t4", [][]string{{"1", "2"}, {"3", "4"}}},
		{"1\t\t3\r\n", [][]string{{"1", "", "3"}}},
		{"\"a\tb\"\t\"say \"\"hi\"\"\"\r\n\"two\r\nlines\"\t5\r\n", [][]string{{"a\tb", "say \"hi\""}, {"two\r\nlines", "5"}}},
		{"", nil},
		{"7", [][]string{{"7"}}},
	} {
		got := ParseBlock(c.in)
		if fmt.Sprint(got) != fmt.Sprint(c.want) || len(got) != len(c.want) {
			t.Errorf("ParseBlock(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// primaries are the first n schools of the demo that teach primary pupils.
func primaries(f *county.File) []int {
	var out []int
	for i, s := range f.Schools {
		if sp, _ := county.Spec("students.primary"); sp.AppliesTo(s.Type) {
			out = append(out, i)
		}
	}
	return out
}

// A block of 20 schools × 7 fields as Excel puts it on the clipboard, with
// a thousands separator, a full-width digit and one bad cell: the bad cell
// is refused with its reason, every other value is taken, and only the
// typed fields change in the records saved.
func TestPasteA20x7BlockFromASpreadsheet(t *testing.T) {
	f := county.Generate(40, 7)
	sec := section(t, SecBuildings)
	if len(sec.Fields) != 7 {
		t.Fatalf("校舍与装备 has %d fields", len(sec.Fields))
	}
	g := NewGrid(f.Schools, sec)
	var b strings.Builder
	for r := 0; r < 20; r++ {
		for c := 0; c < 7; c++ {
			if c > 0 {
				b.WriteString("\t")
			}
			// plausible figures: 教学及辅助用房, 其中室内体育, 运动场地,
			// 仪器设备值, 多媒体教室, 计算机, 图书
			v := fmt.Sprint([]int{5000 + r*10, 300 + r, 8000 + r, 2000000 + r*1000, 20 + r%5, 100 + r, 30000 + r*10}[c])
			switch {
			case r == 3 && c == 0:
				v = "12,345" // thousands separator
			case r == 4 && c == 4:
				v = "２４" // full-width digits
			case r == 5 && c == 6:
				v = "三千" // not a number
			}
			b.WriteString(v)
		}
		b.WriteString("\r\n")
	}
	res := g.Paste(0, 0, b.String())
	if res.Filled != 140 || res.Outside != 0 {
		t.Fatalf("paste = %+v", res)
	}
	probs := g.Problems()
	if len(probs) != 1 || probs[0].Row != 5 || probs[0].Col != 6 || probs[0].Msg == "" {
		t.Fatalf("problems = %+v, want only row 5 col 6", probs)
	}
	if !strings.Contains(probs[0].String(), f.Schools[5].Name) || !strings.Contains(probs[0].String(), "三千") {
		t.Errorf("problem names neither school nor value: %s", probs[0])
	}
	plan := g.Plan(f)
	if plan.Refused != 1 || len(plan.Schools) != 20 {
		t.Fatalf("plan: %d schools, refused %d", len(plan.Schools), plan.Refused)
	}
	// Values equal to what is stored are no changes, so count what differs.
	want := 0
	for r := 0; r < 20; r++ {
		for c := 0; c < 7; c++ {
			if g.Cell(r, c).Edited && g.Cell(r, c).Msg == "" {
				want++
			}
		}
	}
	if plan.Values != want || plan.Summary() != fmt.Sprintf("20所学校 %d项修改", want) {
		t.Fatalf("summary %q, want %d values", plan.Summary(), want)
	}
	byID := map[string]county.School{}
	for _, s := range plan.Schools {
		byID[s.ID] = s
	}
	s3, s4, s5 := byID[f.Schools[3].ID], byID[f.Schools[4].ID], byID[f.Schools[5].ID]
	if *s3.AreaTeachingAux != 12345 || *s4.MultimediaRooms != 24 {
		t.Fatalf("separator or full-width digit misread: %v %v", *s3.AreaTeachingAux, *s4.MultimediaRooms)
	}
	if s5.Books == nil && f.Schools[5].Books != nil || s5.Books != nil && f.Schools[5].Books != nil && *s5.Books != *f.Schools[5].Books {
		t.Fatal("the refused cell changed the record")
	}
	// Nothing outside the section changed.
	for _, s := range plan.Schools {
		var orig county.School
		for _, o := range f.Schools {
			if o.ID == s.ID {
				orig = o
			}
		}
		s.AreaTeachingAux, s.AreaIndoorSports, s.AreaSportsGround, s.EquipmentValue = orig.AreaTeachingAux, orig.AreaIndoorSports, orig.AreaSportsGround, orig.EquipmentValue
		s.MultimediaRooms, s.Computers, s.Books = orig.MultimediaRooms, orig.Computers, orig.Books
		a, _ := json.Marshal(s)
		o, _ := json.Marshal(orig)
		if string(a) != string(o) {
			t.Fatalf("fields outside 校舍与装备 changed for %s:\n%s\n%s", s.Name, a, o)
		}
	}
}

// Cells of a stage the school does not teach are greyed and skipped by a
// paste; an empty pasted cell changes nothing; clearing a cell takes it back.
func TestGridSkipsCellsThatDoNotApplyAndNeverClears(t *testing.T) {
	f := demo.File()
	sec := section(t, SecJuniorT)
	g := NewGrid(f.Schools, sec)
	row := -1
	for r, s := range f.Schools {
		if s.Type == county.TypePrimary && s.Teachers.Junior == nil {
			row = r
			break
		}
	}
	if row < 0 {
		t.Fatal("no primary school without junior teachers")
	}
	if !g.Cell(row, 0).Skip {
		t.Fatal("a 小学's 初中教师 cell is not greyed")
	}
	res := g.Paste(row, 0, "5\t4\r\n")
	if res.Skipped != 2 || res.Filled != 0 || g.Dirty() {
		t.Fatalf("paste onto a greyed row = %+v", res)
	}
	if g.Set(row, 0, "5") {
		t.Fatal("typing into a greyed cell was taken")
	}
	plan := g.Plan(f)
	if len(plan.Schools) != 0 {
		t.Fatal("a greyed cell produced a change")
	}

	g = NewGrid(f.Schools, section(t, SecStudents))
	was := g.Cell(0, 0).Text
	if was == "" {
		t.Fatal("first school has no pupil count")
	}
	g.Paste(0, 0, "\t\r\n")
	g.Set(0, 0, "")
	if g.Cell(0, 0).Text != was || g.Dirty() {
		t.Fatalf("an empty cell cleared the value: %+v", g.Cell(0, 0))
	}
	g.Set(0, 0, was) // typed as stored: no change
	if g.Dirty() {
		t.Fatal("the stored value typed again counts as a change")
	}
}

// Typed values survive a reload (a merge), and a value typed over one that
// changed underneath is reported with both values.
func TestGridReloadKeepsTypingAndReportsStaleValues(t *testing.T) {
	f := demo.File()
	g := NewGrid(f.Schools, section(t, SecStudents))
	n := *f.Schools[0].Students.Primary
	g.Set(0, 0, fmt.Sprint(n-10))
	g.Set(1, 3, "1") // classes.primary of school 1: not changed underneath
	merged := county.File(*f)
	merged.Schools = append([]county.School(nil), f.Schools...)
	merged.Schools[0] = Clone(f.Schools[0])
	merged.Schools[0].Students.Primary = county.I(n - 5)
	g.Reload(merged.Schools)
	if c := g.Cell(0, 0); c.Text != fmt.Sprint(n-10) || !c.Edited {
		t.Fatalf("typing lost on reload: %+v", c)
	}
	changed, stale := g.Changes(merged.Schools)
	if len(changed) != 2 || len(stale) != 1 || stale[0].Now != fmt.Sprint(n-5) || stale[0].Loaded != fmt.Sprint(n) || stale[0].Typed != fmt.Sprint(n-10) {
		t.Fatalf("changed %d, stale %+v", len(changed), stale)
	}
}

// A school whose typed values break a rule of the county check (more
// certified than full-time teachers) is held back with the cell marked;
// the other schools are saved.
func TestPlanHoldsBackASchoolBreakingARule(t *testing.T) {
	f := demo.File()
	g := NewGrid(f.Schools, section(t, SecPrimaryT))
	ps := primaries(f)
	a, b := ps[0], ps[1]
	full := *f.Schools[a].Teachers.Primary.FullTime
	g.Set(a, 1, fmt.Sprint(full+50)) // certified > full-time
	g.Set(b, 3, "1")                 // backbone
	plan := g.Plan(f)
	if len(plan.Schools) != 1 || plan.Schools[0].ID != f.Schools[b].ID {
		t.Fatalf("plan saves %d schools", len(plan.Schools))
	}
	if g.Cell(a, 1).Rule == "" || len(g.Problems()) != 1 {
		t.Fatalf("the rule's cell is not marked: %+v", g.Cell(a, 1))
	}
	g.Set(a, 1, fmt.Sprint(full))
	if g.Cell(a, 1).Problem() != "" {
		t.Fatal("fixing the value did not clear its message")
	}
}

// Reading a grid never touches the schools it was loaded from.
func TestGridLoadDoesNotTouchTheRecords(t *testing.T) {
	f := demo.File()
	before, _ := json.Marshal(f)
	for _, sec := range SchoolSections() {
		g := NewGrid(f.Schools, sec)
		g.Plan(f)
	}
	after, _ := json.Marshal(f)
	if string(before) != string(after) {
		t.Fatal("loading the grid changed the county")
	}
}

// The grid's copy of a school is deep for everything a field writes:
// storing every field into the copy leaves the original as it was.
func TestCopySchoolIsDeepForEveryField(t *testing.T) {
	f := demo.File()
	for _, s := range f.Schools {
		before, _ := json.Marshal(s)
		cp := copySchool(s)
		for _, sec := range SchoolSections() {
			for _, fl := range sec.Fields {
				text := "7"
				if fl.Choices != nil {
					text = fl.Choices[0]
				}
				fl.Store(&cp, text)
			}
		}
		if after, _ := json.Marshal(s); string(after) != string(before) {
			t.Fatalf("writing into the copy of %s changed it", s.Name)
		}
	}
}
