package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"junheng/app/county"
	"junheng/assets/demo"
	"junheng/data"
)

// FuzzReadWorkbook: no input makes the importer panic; it either refuses
// the file with messages or plans a year that passes county.Validate (no
// problem the demo county does not already have).
func FuzzReadWorkbook(f *testing.F) {
	d := demo.File()
	var blank, filled, one bytes.Buffer
	WriteTemplate(&blank, nil, "")
	WriteTemplate(&filled, d, "")
	WriteTemplate(&one, d, d.Schools[0].ID)
	f.Add(blank.Bytes())
	f.Add(filled.Bytes())
	f.Add(one.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add(storedZip(f, one.Bytes()))
	known := map[string]bool{}
	for _, p := range county.Validate(d) {
		known[p.String()] = true
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		imp, err := ReadWorkbook(bytes.NewReader(b), "模糊.xlsx")
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("refusal without cell errors: %T %v", err, err)
			}
			for _, e := range es {
				if e.Message == "" {
					t.Fatalf("error without message: %+v", e)
				}
			}
			return
		}
		p, err := imp.Plan(demo.File())
		if err != nil {
			return
		}
		for _, pr := range county.Validate(p.After) {
			if !known[pr.String()] {
				t.Fatalf("plan accepted an invalid year: %s", pr)
			}
		}
	})
}

// storedZip rewrites an xlsx uncompressed and without checksums, so that
// byte mutations reach the XML instead of failing the inflate or the CRC.
func storedZip(t testing.TB, b []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Store,
			CompressedSize64: uint64(len(body)), UncompressedSize64: uint64(len(body))})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadWorkbook(bytes.NewReader(out.Bytes()), "seed.xlsx"); err != nil {
		t.Fatalf("stored seed does not read: %v", err)
	}
	return out.Bytes()
}

// FuzzImportCell types anything into any cell of a valid pre-filled
// workbook (headers included): the importer never panics, and what it
// accepts is a valid year. Zip-level mutations rarely reach the cell
// parsers; this reaches every one of them.
func FuzzImportCell(f *testing.F) {
	d := demo.File()
	book := bytes.NewBuffer(fullBookOf(f, d)) // school and county sheets
	known := map[string]bool{}
	for _, p := range county.Validate(d) {
		known[p.String()] = true
	}
	f.Add(uint8(1), uint8(3), uint8(8), "一千")
	f.Add(uint8(2), uint8(1), uint8(3), "学校类型")
	f.Add(uint8(8), uint8(3), uint8(1), "1989")
	f.Add(uint8(7), uint8(2), uint8(1), "示例")
	f.Add(uint8(5), uint8(4), uint8(3), "98、-1、1e308")
	f.Fuzz(func(t *testing.T, sheet, row, col uint8, text string) {
		x, err := excelize.OpenReader(bytes.NewReader(book.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		names := x.GetSheetList()
		name := names[int(sheet)%len(names)]
		x.SetCellValue(name, cellAt(int(col)%30+1, int(row)%60+1), text)
		var out bytes.Buffer
		if _, err := x.WriteTo(&out); err != nil {
			t.Skip()
		}
		imp, err := ReadWorkbook(&out, "模糊.xlsx")
		if err != nil {
			return
		}
		p, err := imp.Plan(demo.File())
		if err != nil {
			return
		}
		for _, pr := range county.Validate(p.After) {
			if !known[pr.String()] {
				t.Fatalf("plan accepted an invalid year: %s", pr)
			}
		}
	})
}

// benchmarkBook is a pre-filled workbook of n schools.
func benchmarkBook(b *testing.B, n int) (*county.File, []byte) {
	f := county.Generate(n, 1)
	return f, fullBookOf(b, f) // school and county sheets: the year can be created
}

// Read, check and plan a 1,000-school workbook against an empty year.
func BenchmarkImport1000Plan(b *testing.B) {
	f, book := benchmarkBook(b, 1000)
	b.SetBytes(int64(len(book)))
	for b.Loop() {
		imp, err := ReadWorkbook(bytes.NewReader(book), "全县.xlsx")
		if err != nil {
			b.Fatal(err)
		}
		p, err := imp.Plan(&county.File{Format: county.Format, Year: f.Year})
		if err != nil || len(p.NewSchools) != 1000 {
			b.Fatalf("%v %v", p, err)
		}
	}
}

// The whole import of a 1,000-school workbook into a new data file: read,
// check, plan and save in one transaction.
func BenchmarkImport1000Store(b *testing.B) {
	f, book := benchmarkBook(b, 1000)
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		s, err := data.Create(filepath.Join(dir, fmt.Sprintf("县%d.db", i)), data.Settings{Office: "基准"})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		p, err := importInto(s, book, "全县.xlsx", f.Year)
		if err != nil || len(p.NewSchools) != 1000 {
			b.Fatalf("%v", err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// Preview and apply of a pre-filled 1,000-school workbook into the
// county it came from, with every school's book count changed (the
// workbooks alternate, so that every import changes 1,000 values).
func BenchmarkImport1000Update(b *testing.B) {
	f := county.Generate(1000, 1)
	s, err := data.Create(filepath.Join(b.TempDir(), "县.db"), data.Settings{Office: "基准", User: "基准"})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := s.ImportFile(f, "基准准备"); err != nil {
		b.Fatal(err)
	}
	saved, err := s.LoadYear(f.Year)
	if err != nil {
		b.Fatal(err)
	}
	original := templateOf(b, saved, "")
	x := openBook(b, original)
	const sheet = "校舍与装备"
	col := headerIndex(b, x, sheet, "图书册数（册）")
	rows, _ := x.GetRows(sheet, excelize.Options{RawCellValue: true})
	changed := 0
	for i := firstDataRow - 1; i < len(rows); i++ {
		if col-1 < len(rows[i]) && rows[i][col-1] != "" {
			n, _ := strconv.Atoi(rows[i][col-1])
			x.SetCellValue(sheet, cellAt(col, i+1), n+1)
			changed++
		}
	}
	books := [][]byte{saveBook(b, x), original}
	i := 0
	for b.Loop() {
		imp, err := ReadWorkbook(bytes.NewReader(books[i%2]), "全县.xlsx")
		if err != nil {
			b.Fatal(err)
		}
		p, err := PlanFor(s, imp, f.Year)
		if err != nil {
			b.Fatal(err)
		}
		if len(p.Changes) != changed || changed < 900 {
			b.Fatalf("%d changes, want %d (≥ 900)", len(p.Changes), changed)
		}
		if err := Apply(s, p); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
