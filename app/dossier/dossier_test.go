package dossier

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/assets/demo"
)

// fixedDate makes the output reproducible.
var fixedDate = time.Date(2025, 3, 8, 0, 0, 0, 0, time.UTC)

func demoOptions() Options {
	return Options{Sections: AllSections, Office: "义马市教育局", Date: fixedDate, Head: "张三", Preparer: "李四", Phone: "0398-5812345"}
}

// writeDemo renders the demo dossier to a temporary file.
func writeDemo(t testing.TB, opts Options) (string, *county.File, *eval.Result) {
	t.Helper()
	f := demo.File()
	r := eval.Run(f)
	var buf bytes.Buffer
	if err := Write(&buf, f, r, opts); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "demo.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("DOSSIER_OUT"); dir != "" {
		os.WriteFile(filepath.Join(dir, "demo.pdf"), buf.Bytes(), 0o644)
	}
	return path, f, r
}

func TestWriteDemo(t *testing.T) {
	writeDemo(t, demoOptions())
}
