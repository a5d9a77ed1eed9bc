package archive

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The same attachments give the same archive, byte for byte: a clerk can
// tell by its checksum whether the archive sent is the one on disk.
func TestExportIsReproducible(t *testing.T) {
	src := demoSource(t)
	var got [][]byte
	for i := 0; i < 2; i++ {
		out := filepath.Join(t.TempDir(), "迎检档案.zip")
		if _, err := Export(src, src.year, out, Options{}); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, b)
	}
	if !bytes.Equal(got[0], got[1]) {
		t.Error("two exports of the same attachments differ")
	}
}
