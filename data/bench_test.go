package data

import (
	"path/filepath"
	"testing"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/standard"
)

// BenchmarkImport1000 imports a 1,000-school county JSON into a new file.
func BenchmarkImport1000(b *testing.B) {
	data := mustEncode(b, county.Generate(1000, 1))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		b.StopTimer()
		s := newStore(b, "bench.db")
		b.StartTimer()
		if _, err := s.ImportJSON(data); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkEvalFromDB loads a 1,000-school year from the file and evaluates it.
func BenchmarkEvalFromDB(b *testing.B) {
	s := storeWith(b, county.Generate(1000, 1))
	std := standard.National2017()
	for b.Loop() {
		f, err := s.LoadYear("2024-2025")
		if err != nil {
			b.Fatal(err)
		}
		if r := eval.Evaluate(f, std, eval.DefaultOptions()); r == nil {
			b.Fatal("no result")
		}
	}
}

// BenchmarkMerge1000 plans and applies the merge of two 1,000-school files
// exported from one another, each with 100 schools changed.
func BenchmarkMerge1000(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		a := storeWith(b, county.Generate(1000, 1))
		out := filepath.Join(b.TempDir(), "other.db")
		if _, err := a.ExportSchools(out, nil); err != nil {
			b.Fatal(err)
		}
		o, err := Open(out, OpenOptions{Settings: Settings{Office: "他处", User: "李四"}})
		if err != nil {
			b.Fatal(err)
		}
		for _, pair := range []struct {
			s     *Store
			first int
		}{{a, 0}, {o, 500}} {
			f, _ := pair.s.LoadYear("2024-2025")
			for i := pair.first; i < pair.first+100; i++ {
				f.Schools[i].Books = county.I(*f.Schools[i].Books + 1)
			}
			if err := pair.s.ImportFile(f, "bench"); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		p, err := a.PlanMerge(out)
		if err != nil {
			b.Fatal(err)
		}
		if len(p.Conflicts) != 0 || p.Changes != 100 {
			b.Fatalf("plan: %d conflicts, %d changes", len(p.Conflicts), p.Changes)
		}
		if err := a.ApplyMerge(p, nil); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		o.Close()
		a.Close()
		b.StartTimer()
	}
}

// BenchmarkSaveSchool1000 saves one changed school of a 1,000-school year:
// the GUI's every "保存" (the whole year is validated each time).
func BenchmarkSaveSchool1000(b *testing.B) {
	s := storeWith(b, county.Generate(1000, 1))
	f, _ := s.LoadYear("2024-2025")
	sc := f.Schools[10]
	for i := 0; b.Loop(); i++ {
		sc.Books = county.I(1000 + i)
		if err := s.SaveSchool("2024-2025", sc); err != nil {
			b.Fatal(err)
		}
	}
}
