package archive

import (
	"archive/zip"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	pdfout "junheng/app/archive"
	"junheng/app/evidence"
)

func pdfoutBoxes(files []evidence.Filed) []pdfout.Box { return pdfout.Boxes(files, 4) }

// The archive with its printouts: the box labels and the 照片及文件页 parts
// sit at the root, the parts together print every photo and PDF of the
// year once, in 件号 order, each part named by its 件号 range.
func TestExportWithPrintouts(t *testing.T) {
	src := demoSource(t)
	out := filepath.Join(t.TempDir(), "迎检档案.zip")
	var problems Problems
	sum, err := Export(src, src.year, out, Options{Extras: Printouts(3, &problems)})
	if err != nil {
		t.Fatal(err)
	}
	if len(problems.List) > 0 {
		t.Errorf("problems printing the demo: %v", problems.List)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	printable := 0
	for _, a := range src.atts {
		if a.Kind == evidence.KindPhoto || a.Kind == evidence.KindPDF {
			printable++
		}
	}
	var labels bool
	codes := map[string]int{}
	stampRe := regexp.MustCompile(`\d-\d{3}`)
	for _, name := range sum.Extras {
		switch {
		case strings.HasPrefix(name, "档案盒标签"):
			labels = true
		case strings.HasPrefix(name, "照片及文件页"):
			text := pdfText(t, entryBytes(t, zr, name))
			for _, c := range stampRe.FindAllString(text, -1) {
				codes[c]++
			}
		default:
			t.Errorf("unexpected extra %q", name)
		}
	}
	if !labels {
		t.Error("no box labels in the archive")
	}
	filed := evidence.Number(src.atts, evidence.SchoolRefs(src.file))
	for _, f := range filed {
		if (f.Kind == evidence.KindPhoto || f.Kind == evidence.KindPDF) && codes[f.Code()] == 0 {
			t.Errorf("%s (%s) is not printed", f.Code(), f.DisplayTitle())
		}
	}
	if printable == 0 {
		t.Fatal("fixture has nothing to print")
	}
}

func pdfText(t *testing.T, b []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	p := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", p, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// Parts never hold more than PrintPartFiles files.
func TestPrintPartsAreBounded(t *testing.T) {
	var atts []evidence.Attachment
	for i := 0; i < 3*PrintPartFiles+7; i++ {
		atts = append(atts, evidence.Attachment{ID: strconv.Itoa(i), Item: "G3", Kind: evidence.KindPhoto, Pos: i})
	}
	filed := evidence.Number(atts, nil)
	parts := printParts(pdfoutBoxes(filed))
	n := 0
	for _, p := range parts {
		if len(p) > PrintPartFiles || len(p) == 0 {
			t.Errorf("part of %d files", len(p))
		}
		n += len(p)
	}
	if n != len(atts) {
		t.Errorf("parts hold %d files, want %d", n, len(atts))
	}
}
