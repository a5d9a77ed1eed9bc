package data

import (
	"os"
	"testing"

	"junheng/app/county"
)

// BenchmarkOpenReadOnly is the cost of the full inspection every open runs
// (hash, header, schema, integrity check) on a 200-school file.
func BenchmarkOpenReadOnly(b *testing.B) {
	s := storeWith(b, county.Generate(200, 1))
	path := s.Path()
	s.Close()
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	for b.Loop() {
		s, err := Open(path, OpenOptions{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkHashFile is the part of the open that proves a refused file
// unchanged.
func BenchmarkHashFile(b *testing.B) {
	s := storeWith(b, county.Generate(200, 1))
	path := s.Path()
	s.Close()
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	for b.Loop() {
		if _, err := hashFile(path); err != nil {
			b.Fatal(err)
		}
	}
}
