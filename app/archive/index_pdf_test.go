package archive

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"junheng/app/evidence"
)

func pdfTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed (apt-get install poppler-utils)", name)
	}
	b, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, b)
	}
	return string(b)
}

// writeIndex prints rows and returns the PDF's path.
func writeIndex(t *testing.T, rows []evidence.IndexRow) string {
	t.Helper()
	var b bytes.Buffer
	doc := IndexDoc{Title: "义马市 2024-2025 学年 迎检档案目录", County: "义马市", Year: "2024-2025",
		Date: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), Rows: rows}
	if err := WriteIndex(&b, doc); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "档案目录.pdf")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("ARCHIVE_OUT"); dir != "" {
		os.WriteFile(filepath.Join(dir, t.Name()+".pdf"), b.Bytes(), 0o644)
	}
	return p
}

func manyRows(n int) []evidence.IndexRow {
	var out []evidence.IndexRow
	for i := 0; i < n; i++ {
		v := 1 + i/40
		out = append(out, evidence.IndexRow{Volume: v, Code: fmt.Sprintf("%d-%03d", v, 1+i%40), VolumeName: "政府保障程度",
			Item: "G3 所有小学、初中每12个班级配备音乐、美术专用教室1间以上", School: "义马市第一小学",
			Title: fmt.Sprintf("音乐专用教室第%d张", i+1), DocNo: "义教〔2024〕12号", Date: "2024-05-01", Kind: "照片",
			Extent: "2000×1500 像素", Path: fmt.Sprintf("2 政府保障程度/G3 所有小学/义马市第一小学/%03d-音乐专用教室第%d张.jpg", 1+i%40, i+1),
			Note: "2024年5月，音乐课"})
	}
	return out
}

// The 档案目录 crosses pages with the header on each, numbered 第 X 页 共
// Y 页, on A4 landscape in the dossier's embedded fonts, and lists every
// 件号 and 题名.
func TestIndexPDF(t *testing.T) {
	rows := manyRows(90)
	p := writeIndex(t, rows)
	info := pdfTool(t, "pdfinfo", p)
	if !strings.Contains(info, "841.89 x 595.28") {
		t.Errorf("not A4 landscape:\n%s", info)
	}
	fonts := pdfTool(t, "pdffonts", p)
	if !strings.Contains(fonts, "NotoSerifSC") || strings.Count(fonts, " yes ") < 2 {
		t.Errorf("fonts not the embedded Noto faces:\n%s", fonts)
	}
	text := pdfTool(t, "pdftotext", "-layout", p, "-")
	pages := strings.Split(strings.TrimRight(text, "\f\n"), "\f")
	if len(pages) < 3 {
		t.Fatalf("90 rows on %d pages", len(pages))
	}
	for i, pg := range pages {
		flat := strings.Join(strings.Fields(pg), "")
		if !strings.Contains(flat, "卷号件号一级指标二级指标") {
			t.Errorf("page %d lacks the header row", i+1)
		}
		if want := fmt.Sprintf("第%d页共%d页", i+1, len(pages)); !strings.Contains(flat, want) {
			t.Errorf("page %d lacks %s", i+1, want)
		}
	}
	if !strings.Contains(strings.Join(strings.Fields(pages[0]), ""), "义马市2024-2025学年迎检档案目录") {
		t.Error("first page lacks the title")
	}
	raw := strings.Join(strings.Fields(pdfTool(t, "pdftotext", "-raw", p, "-")), "")
	for _, r := range rows {
		if !strings.Contains(raw, r.Code) || !strings.Contains(raw, r.Title) {
			t.Errorf("%s %s missing", r.Code, r.Title)
		}
	}
}

// No attachment: the 目录 says so on one page.
func TestIndexPDFEmpty(t *testing.T) {
	p := writeIndex(t, nil)
	text := strings.Join(strings.Fields(pdfTool(t, "pdftotext", p, "-")), "")
	if !strings.Contains(text, "尚无佐证材料") || !strings.Contains(text, "第1页共1页") {
		t.Errorf("empty 目录 reads %q", text)
	}
}
