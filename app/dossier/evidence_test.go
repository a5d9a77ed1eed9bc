package dossier

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"junheng/app/evidence"
	"junheng/assets/demo"
)

// pieceCode is a printed 件号.
var pieceCode = regexp.MustCompile(`\b[1-7]-\d{3}\b`)

// filedDemo files n attachments of the demo: county documents with 文号
// and photos of its schools, numbered as the 迎检档案 numbers them.
func filedDemo(n int) []evidence.Filed {
	f := demo.File()
	items := []string{"G3", "R5", "G8", "Q6", "V7", "G11"}
	var atts []evidence.Attachment
	for i := 0; i < n; i++ {
		item := items[i%len(items)]
		school := ""
		if item == "G3" || item == "R5" || item == "Q6" {
			school = f.Schools[i%len(f.Schools)].ID
		}
		sum := sha256.Sum256([]byte(fmt.Sprint(i)))
		h := hex.EncodeToString(sum[:])
		a := evidence.Attachment{ID: evidence.Key(item, school, h), Item: item, School: school, Hash: h, Name: fmt.Sprintf("f%d.pdf", i), Ext: ".pdf", Kind: evidence.KindPDF, Pos: i}
		a.Title = fmt.Sprintf("佐证材料第%d号", i+1)
		if school == "" {
			a.DocNo = fmt.Sprintf("义教〔2020〕%d号", i+1)
			a.Date = fmt.Sprintf("2020-%02d-01", 1+i%12)
		}
		atts = append(atts, a)
	}
	return evidence.Number(atts, evidence.SchoolRefs(f))
}

// The 佐证材料目录 lists every filed attachment with its 件号, 题名, 文号 and
// school, in archive order, and still the evidence lines typed into the
// county items; without files it reads as before.
func TestEvidenceListsFiledAttachments(t *testing.T) {
	files := filedDemo(45)
	opts := demoOptions()
	opts.Sections = []Section{Evidence}
	opts.Evidence = files
	plain := build(t, demo.File(), Options{Sections: []Section{Evidence}, Date: fixedDate})
	dd := build(t, demo.File(), opts)
	var all strings.Builder
	for i := range dd.pages {
		all.WriteString(dd.body(i))
	}
	text := all.String()
	at := 0
	pos := make([]int, len(files))
	for k, f := range files {
		i := strings.Index(text[at:], squeeze(f.Code()))
		if i < 0 {
			t.Fatalf("件号 %s missing or out of order", f.Code())
		}
		at += i
		pos[k] = at
	}
	for k, f := range files {
		row := text[pos[k]:]
		if k+1 < len(files) {
			row = text[pos[k]:pos[k+1]]
		}
		for _, want := range []string{f.DisplayTitle(), f.DocNo, f.Date} {
			if !strings.Contains(row, squeeze(want)) {
				t.Errorf("%s: row %q lacks %q", f.Code(), row, want)
			}
		}
		school := evidence.CountyLevel
		if f.School != "" {
			school = f.SchoolName
		}
		if !strings.Contains(row, squeeze(school)) {
			t.Errorf("%s: school %q missing", f.Code(), school)
		}
	}
	if !strings.Contains(text, "归档佐证材料45件") {
		t.Error("the sentence does not count the 45 files")
	}
	if len(dd.pages) < 2 {
		t.Errorf("45 files on %d page: the table should cross pages", len(dd.pages))
	}
	for i := 1; i < len(dd.pages); i++ {
		if pieceCode.MatchString(dd.body(i)) && !strings.Contains(dd.body(i), "卷/件号") {
			t.Errorf("page %d lists files without the header", i+1)
		}
	}
	lines := plain.body(0)
	if strings.Contains(lines, "迎检档案") {
		t.Error("without files the list speaks of the 迎检档案")
	}
	// The typed evidence lines are kept after the files.
	if lines != "" && strings.Contains(lines, "序号代码评估指标佐证材料") {
		if !strings.Contains(text, "序号代码评估指标佐证材料") || !strings.Contains(text, "二、评估指标填报的佐证材料说明") {
			t.Error("with files the typed evidence lines are gone")
		}
	}
	for _, ws := range bbox(t, dd.path) {
		for _, w := range ws {
			if w.x1 > w.pageW-marginX*mm+0.3 || w.x0 < marginX*mm-0.3 {
				t.Errorf("page %d: %q past the margin", w.page+1, w.text)
			}
		}
	}
}
