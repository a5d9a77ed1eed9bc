package archive

import (
	"archive/zip"
	"os"
	"path/filepath"
	"testing"

	"junheng/app/evidence"
	"junheng/assets/demo"
	"junheng/data"
)

// TestExportFromDataFile attaches the 40 files of the demo fixture to a
// real data file (*data.Store, the Source the program uses) and exports
// it: the same checks as the fake source's archive.
func TestExportFromDataFile(t *testing.T) {
	fx := demoSource(t)
	st, err := data.Create(filepath.Join(t.TempDir(), "义马市.db"), data.Settings{Office: "义马市教育局", User: "张三"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.ImportFile(fx.file, "测试"); err != nil {
		t.Fatal(err)
	}
	var edit evidence.Edit
	for _, a := range fx.atts {
		p := &evidence.Prepared{Name: a.Name, Ext: a.Ext, Kind: a.Kind, Mime: "application/octet-stream", Data: fx.data[a.Hash],
			Width: a.Width, Height: a.Height, Pages: a.Pages, Hash: a.Hash, OriginalSize: a.Size}
		edit.Add = append(edit.Add, evidence.Add{Item: a.Item, School: a.School, Meta: a.Meta, File: p})
	}
	if err := st.SaveEvidence(fx.year, edit); err != nil {
		t.Fatal(err)
	}
	atts, err := st.Attachments(fx.year)
	if err != nil {
		t.Fatal(err)
	}
	if len(atts) != len(fx.atts) {
		t.Fatalf("the data file holds %d attachments, %d were attached", len(atts), len(fx.atts))
	}
	out := filepath.Join(t.TempDir(), "迎检档案.zip")
	sum, err := Export(st, fx.year, out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Files != len(atts) {
		t.Errorf("summary: %d files", sum.Files)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	checkArchive(t, out, zr, atts, fx.data, fx.file)
}

// TestExportDemoDataFile exports the demo county's own 40 佐证材料 (what
// a clerk sees on first start) from a real data file.
func TestExportDemoDataFile(t *testing.T) {
	f := demo.File()
	adds, err := demo.Evidence(f)
	if err != nil {
		t.Fatal(err)
	}
	st, err := data.Create(filepath.Join(t.TempDir(), "义马市.db"), data.Settings{Office: "义马市教育局", User: "张三"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.ImportFile(f, "测试"); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveEvidence(f.Year, evidence.Edit{Add: adds}); err != nil {
		t.Fatal(err)
	}
	blobs := map[string][]byte{}
	for _, a := range adds {
		blobs[a.File.Hash] = a.File.Data
	}
	atts, err := st.Attachments(f.Year)
	if err != nil {
		t.Fatal(err)
	}
	if len(atts) != 40 {
		t.Fatalf("the demo holds %d attachments, want 40", len(atts))
	}
	out := filepath.Join(t.TempDir(), "义马市迎检档案.zip")
	if _, err := Export(st, f.Year, out, Options{}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	checkArchive(t, out, zr, atts, blobs, f)
	if dir := os.Getenv("ARCHIVE_OUT"); dir != "" {
		b, _ := os.ReadFile(out)
		os.WriteFile(filepath.Join(dir, "demo.zip"), b, 0o644)
	}
}
