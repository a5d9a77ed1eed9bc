package data

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
	"slices"
	"testing"

	"junheng/app/evidence"
)

// Helpers of the 佐证材料 tests and benchmarks (evidence_*_test.go).

const evTestYear = "2024-2025" // the year of county.Generate

// evPhotoImage is a camera-like picture: a gradient that differs with
// seed, under fine noise of amplitude amp (0–255) and coarser noise of
// amplitude block in 2×2 px blocks, the detail that survives reducing a
// photo to 2,000 px. With amp 4, block 24 at 4000×3000 and quality 92 it
// is about 3.3 MB, and about 660 KB once evidence.Prepare reduced it, as a
// phone camera's photo of a classroom is. Two seeds never give the same
// picture.
func evPhotoImage(w, h int, seed uint64, amp, block int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	tint := uint8(seed * 37)
	bw := (w + 1) / 2
	coarse := make([]uint8, bw*((h+1)/2))
	for i := range coarse {
		coarse[i] = uint8(r.IntN(block + 1))
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			n := uint8(r.IntN(amp+1)) + coarse[(y/2)*bw+x/2]
			img.SetRGBA(x, y, color.RGBA{uint8(x*180/w) + n, uint8(y*180/h) + n, tint/2 + n, 255})
		}
	}
	return img
}

// evPhoto is evPhotoImage encoded as a JPEG.
func evPhoto(t testing.TB, w, h int, seed uint64, quality int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, evPhotoImage(w, h, seed, 48, 0), &jpeg.Options{Quality: quality}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// noise is n bytes no compressor shrinks (a file stored as it is).
func evNoise(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 1))
	out := make([]byte, n)
	for i := range out {
		out[i] = byte(r.Uint32())
	}
	return out
}

// pdfDoc is a small file the store keeps byte for byte.
func evPDF(text string) []byte {
	return []byte("%PDF-1.4\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
}

// prep prepares a file as the GUI and the CLI do before storing it.
func evPrep(t testing.TB, name string, raw []byte) *evidence.Prepared {
	t.Helper()
	p, err := evidence.Prepare(name, raw)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// addOf is one file to attach to item (of school).
func evAdd(item, school string, p *evidence.Prepared, m evidence.Meta) evidence.Add {
	return evidence.Add{Item: item, School: school, Meta: m, File: p}
}

// idOf is the ID the attachment of a will have.
func evID(a evidence.Add) string { return evidence.Key(a.Item, a.School, a.File.Hash) }

// save applies one edit and fails the test on error.
func evSave(t testing.TB, s *Store, e evidence.Edit) {
	t.Helper()
	if err := s.SaveEvidence(evTestYear, e); err != nil {
		t.Fatal(err)
	}
}

// attachments lists a store's attachments of the year by ID, failing the
// test if an ID is listed twice.
func evAttachments(t testing.TB, s *Store) map[string]evidence.Attachment {
	t.Helper()
	list, err := s.Attachments(evTestYear)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]evidence.Attachment{}
	for _, a := range list {
		if _, dup := out[a.ID]; dup {
			t.Errorf("%s lists attachment %s twice", s.Path(), a.ID)
		}
		out[a.ID] = a
	}
	return out
}

// ids is the sorted IDs of a listing, for messages that compare them.
func evIDs[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// stored is the size a prepared file takes in the data file.
func evStored(p *evidence.Prepared) int64 { return int64(len(p.Data)) }

// evBlobs is the hash and size of every file's bytes a store holds.
func evBlobs(t testing.TB, s *Store) map[string]int64 {
	t.Helper()
	rows, err := s.db.Query(`SELECT hash, size FROM blob`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var h string
		var n int64
		if err := rows.Scan(&h, &n); err != nil {
			t.Fatal(err)
		}
		if _, dup := out[h]; dup {
			t.Errorf("%s holds the bytes %s twice", s.Path(), h)
		}
		out[h] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
