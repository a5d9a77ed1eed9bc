package screens

import (
	"archive/zip"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ev "junheng/app/evidence"
	"junheng/assets/demo"
	"junheng/ui/session"
)

// On a data file holding the demo's 40 attachments, 打印材料 says how many
// there are and exports the 迎检档案: a zip with the 目录 at its root and
// every attachment under its 件号. The dossier written from the same page
// lists them in its 佐证材料目录 (filed gives it the same numbering).
func TestPrintPageExportsTheArchive(t *testing.T) {
	set := session.Settings{User: "张老师", Office: "督导室"}
	f := demo.File()
	d := newOnDB(t, "义马市.db", f, set)
	adds, err := demo.Evidence(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.s.SaveEvidence(ev.Edit{Add: adds}); err != nil {
		t.Fatal(err)
	}
	p := newPrint(d.env)
	d.win.SetContent(p.Object())
	p.Update()
	if !strings.Contains(p.arch.info.Text, "40件") || p.arch.export.Disabled() {
		t.Fatalf("archive part says %q (disabled=%v)", p.arch.info.Text, p.arch.export.Disabled())
	}
	out := filepath.Join(t.TempDir(), "迎检档案.zip")
	p.arch.spine.SetSelected(spineChoice(3))
	p.arch.write(out)
	deadline := time.Now().Add(2 * time.Minute)
	for !strings.Contains(d.status, "已导出") && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatalf("no archive (status %q): %v", d.status, err)
	}
	defer zr.Close()
	names := map[string]bool{}
	for _, e := range zr.File {
		names[e.Name] = true
	}
	fs, err := filed(d.s)
	if err != nil || len(fs) != 40 {
		t.Fatalf("filed %d, %v", len(fs), err)
	}
	for _, want := range []string{"档案目录.xlsx", "档案目录.pdf", "档案盒标签（3厘米盒脊）.pdf"} {
		if !names[want] {
			t.Errorf("the archive lacks %s", want)
		}
	}
	for _, fl := range fs {
		found := false
		for n := range names {
			if strings.HasSuffix(n, "/"+fl.FileName()) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s %s is not in the archive", fl.Code(), fl.DisplayTitle())
		}
	}
}
