package xlsx

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"junheng/app/county"
)

// threeSchools are three new schools with every field of the school
// sheets entered: a nine-year school (both stages), a primary school and a
// junior school, ids and names of their own.
func threeSchools(t *testing.T) []county.School {
	t.Helper()
	f := county.Generate(60, 7)
	var out []county.School
	for _, typ := range []string{county.TypeNineYear, county.TypePrimary, county.TypeJunior} {
		i := slices.IndexFunc(f.Schools, func(s county.School) bool { return s.Type == typ })
		if i < 0 {
			t.Fatalf("generated county has no %s", typ)
		}
		s := f.Schools[i]
		s.ID, s.Name = "41999900"+string(rune('1'+len(out)))+"0", "往返测试"+typ
		s.ParentID = nil
		s.MusicRooms, s.ArtRooms = []float64{98.5, 96}, []float64{}
		s.Staff = &county.StageCount{}
		if (county.FieldSpec{Stage: "primary"}).AppliesTo(typ) {
			s.Staff.Primary = county.I(60 + len(out))
		}
		if (county.FieldSpec{Stage: "junior"}).AppliesTo(typ) {
			s.Staff.Junior = county.I(40 + len(out))
		}
		out = append(out, s)
	}
	// Every column of the school sheets holds a value for some school.
	for _, sh := range sheets {
		if sh.scope != scopeSchool {
			continue
		}
		for _, c := range sh.cols {
			if c.path == "parent_id" {
				continue // only a teaching point has one
			}
			if !slices.ContainsFunc(out, func(s county.School) bool { return listsSchool(&sh, &s) && get(&s, c.path) != nil }) {
				t.Errorf("no school fills %s!%s", sh.name, c.header)
			}
		}
	}
	return out
}

// fillSchools types the schools into a blank schools' template, one row
// each, numbers partly as text.
func fillSchools(t *testing.T, schools []county.School) []byte {
	t.Helper()
	x := openBook(t, templateOf(t, nil, ""))
	for _, sh := range sheets {
		if sh.scope != scopeSchool {
			continue
		}
		row := firstDataRow
		for i := range schools {
			s := &schools[i]
			if !listsSchool(&sh, s) {
				continue
			}
			for k := range sh.cols {
				c := &sh.cols[k]
				x.SetCellValue(sh.name, cellAt(headerIndex(t, x, sh.name, c.header), row), cellText(get(s, c.path), (i+k)%2 == 0))
			}
			row++
		}
	}
	return saveBook(t, x)
}

// roundTrip imports a filled workbook into the demo county and checks that
// export-json holds, school by school and field by field, what was typed,
// and that nothing else changed.
func roundTrip(t *testing.T, book []byte, schools []county.School) {
	t.Helper()
	s, before := demoStore(t)
	p, err := importInto(s, book, "三校.xlsx", before.Year)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.NewSchools) != 3 || len(p.Changes) != 0 {
		t.Fatalf("plan: %+v %v", p.NewSchools, p.Changes)
	}
	raw, err := s.ExportJSON(before.Year)
	if err != nil {
		t.Fatal(err)
	}
	got, err := county.Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	want := clone(before)
	want.Schools = append(want.Schools, schools...)
	sameValues(t, "export-json after the import", got, want)
}

func TestRoundTripThreeSchools(t *testing.T) {
	schools := threeSchools(t)
	roundTrip(t, fillSchools(t, schools), schools)
}

// The same after LibreOffice opened and saved the workbook (it rewrites
// every part: shared strings, styles, number cells, protections).
func TestRoundTripThreeSchoolsAfterLibreOffice(t *testing.T) {
	schools := threeSchools(t)
	roundTrip(t, resaved(t, "三校.xlsx", fillSchools(t, schools)), schools)
}

// resaved is book as LibreOffice writes it back after opening it (it
// rewrites every part: shared strings, styles, number cells, protections).
func resaved(t *testing.T, name string, book []byte) []byte {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice (libreoffice-calc-nogui) is needed in CI: scripts/setup-debian.sh installs it")
		}
		t.Skip("LibreOffice is not installed")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in", name)
	os.MkdirAll(filepath.Dir(in), 0o755)
	if err := os.WriteFile(in, book, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, in)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v %s", err, b)
	}
	back, err := os.ReadFile(filepath.Join(out, name))
	if err != nil {
		t.Fatal(err)
	}
	// It is LibreOffice's file now, not ours.
	x := openBook(t, back)
	if app, _ := x.GetAppProps(); app == nil || !strings.Contains(app.Application, "LibreOffice") {
		t.Fatalf("the workbook was not re-saved by LibreOffice: %+v", app)
	}
	x.Close()
	return back
}
