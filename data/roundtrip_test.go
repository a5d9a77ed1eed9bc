package data

import (
	"bytes"
	"reflect"
	"testing"

	"junheng/app/county"
	"junheng/assets/demo"
)

// The database must give back exactly the county file it was given: the
// JSON a clerk exports is the JSON that was imported.
func TestRoundTripDemo(t *testing.T) {
	want, err := county.Decode(demo.JSON)
	if err != nil {
		t.Fatal(err)
	}
	checkRoundTrip(t, demo.JSON, want)
}

func TestRoundTripGenerated(t *testing.T) {
	for _, n := range []int{1, 12, 300} {
		f := county.Generate(n, int64(n))
		checkRoundTrip(t, mustEncode(t, f), f)
	}
}

func checkRoundTrip(t *testing.T, input []byte, want *county.File) {
	t.Helper()
	s := newStore(t, "rt.db")
	year, err := s.ImportJSON(input)
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.ExportJSON(year)
	if err != nil {
		t.Fatal(err)
	}
	if exp := mustEncode(t, want); !bytes.Equal(out, exp) {
		t.Fatalf("exported JSON differs from the imported file:\n%s", firstDiff(exp, out))
	}
	got, err := county.Decode(out)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(normalizeFile(got), normalizeFile(want)) {
		t.Fatal("decoded export differs from the input")
	}
	// Importing the same file again changes nothing: no audit noise.
	before, _ := s.History(Filter{})
	if _, err := s.ImportJSON(input); err != nil {
		t.Fatal(err)
	}
	after, _ := s.History(Filter{})
	if len(after) != len(before) {
		t.Fatalf("re-importing an identical file recorded %d changes", len(after)-len(before))
	}
}

// normalizeFile maps an empty survey to nil: both encode the same.
func normalizeFile(f *county.File) *county.File {
	if len(f.County.Survey) == 0 {
		f.County.Survey = nil
	}
	return f
}

func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-200)
	return "want …" + string(a[lo:min(len(a), i+200)]) + "\n got …" + string(b[lo:min(len(b), i+200)])
}
