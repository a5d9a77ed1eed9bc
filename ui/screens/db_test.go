package screens

import (
	"path/filepath"
	"strconv"
	"testing"

	"junheng/app/county"
	"junheng/assets/demo"
	"junheng/ui/dbstore"
	"junheng/ui/session"
)

// The same form, with the real SQLite file behind it: the school typed in
// is in the database after the program closes it, and the audit trail
// names the user.
func TestEnterSchoolIntoTheDatabase(t *testing.T) {
	set := session.Settings{User: "张老师", Office: "督导室"}
	d := newOnDB(t, "义马市.db", demo.File(), set)
	path, created, s, win, env := d.path, d.st, d.s, d.win, d.env
	p := newSchools(env)
	win.SetContent(p.Object())
	p.Update()

	tapButton(t, p.Object(), "新增学校")
	typeInto(field(t, p, "id"), "4141289999")
	typeInto(field(t, p, "name"), "义马市新区小学")
	typeInto(field(t, p, "type"), county.TypePrimary)
	typeInto(field(t, p, "location"), "城区")
	typeInto(field(t, p, "students.primary"), "300")
	typeInto(field(t, p, "classes.primary"), "7")
	typeInto(field(t, p, "largest_class.primary"), "44")
	if !p.Save() {
		t.Fatalf("save refused: %s", p.msg.Text)
	}
	p.search.SetText("新区")
	if shown := p.Shown(); len(shown) != 1 || shown[0] != "义马市新区小学" {
		t.Fatalf("list shows %v", shown)
	}
	year := s.Year
	created.Close()

	again, err := dbstore.Open(path, set)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	f, err := again.LoadYear(year)
	if err != nil {
		t.Fatal(err)
	}
	var got *county.School
	for i := range f.Schools {
		if f.Schools[i].ID == "4141289999" {
			got = &f.Schools[i]
		}
	}
	if got == nil || got.Name != "义马市新区小学" || *got.Students.Primary != 300 {
		t.Fatalf("database holds %+v", got)
	}
	hist, err := again.History(year, "4141289999", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) == 0 || hist[0].User != "张老师" {
		t.Fatalf("audit trail %+v", hist)
	}
}

// County facts typed on 政府保障 reach the database, and copying the year
// brings them into the next school year.
func TestCountyFactsAndCopyYearWithTheDatabase(t *testing.T) {
	d := newOnDB(t, "义马市.db", demo.File(), session.Settings{User: "张老师"})
	st, s, win, env := d.st, d.s, d.win, d.env
	g := newGov(env)
	win.SetContent(g.Object())
	g.Update()
	typeInto(g.form.Field("county.gov.G9.completed_360h"), "980")
	typeInto(g.form.Field("county.gov.G9.evidence"), "培训台账（2020）")
	if !g.Save() {
		t.Fatalf("save refused: %s", g.msg.Text)
	}
	first := s.Year
	next, err := s.CopyLastYear()
	if err != nil {
		t.Fatal(err)
	}
	if s.Year != next {
		t.Fatalf("session on %s after copying to %s", s.Year, next)
	}
	for _, y := range []string{first, next} {
		f, err := st.LoadYear(y)
		if err != nil {
			t.Fatal(err)
		}
		g9 := f.County.Gov.G9
		if g9 == nil || g9.Completed360 == nil || *g9.Completed360 != 980 || g9.Evidence != "培训台账（2020）" {
			t.Fatalf("%s: G9 in the database = %+v", y, g9)
		}
	}
}

// An Excel import confirmed on 学校档案 reaches the SQLite file in one
// audited write, and the page shows the imported value.
func TestImportExcelIntoTheDatabase(t *testing.T) {
	d := newOnDB(t, "义马市.db", demo.File(), session.Settings{User: "张老师", Office: "督导室"})
	created, s, win, env := d.st, d.s, d.win, d.env
	p := newSchools(env)
	win.SetContent(p.Object())
	p.Update()
	s.Recompute()

	sc := s.File.Schools[0]
	dir := t.TempDir()
	x := template(t, p, dir)
	// A number corrected (a school is not renamed through Excel: the
	// name beside an id must be its saved name).
	newStudents := *sc.Students.Primary - 7
	x.SetCellValue(basicSheet, cellOf(t, x, basicSheet, sc.ID, "小学在校生数（人）"), newStudents)
	book := filepath.Join(dir, "回收.xlsx")
	saveBook(t, x, book)

	p.ImportExcel(book)
	tapButton(t, win.Canvas().Overlays().Top(), "确认导入")
	if got := *s.School(sc.ID).Students.Primary; got != newStudents {
		t.Fatalf("session holds %d pupils after the import, want %d", got, newStudents)
	}
	f, err := created.LoadYear(s.Year)
	if err != nil {
		t.Fatal(err)
	}
	for _, got := range f.Schools {
		if got.ID == sc.ID && *got.Students.Primary != newStudents {
			t.Fatalf("database holds %d pupils", *got.Students.Primary)
		}
	}
	hist, err := created.History(s.Year, sc.ID, "students.primary")
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) == 0 || hist[0].New != strconv.Itoa(newStudents) || hist[0].User != "张老师" {
		t.Fatalf("audit trail %+v", hist)
	}
}
