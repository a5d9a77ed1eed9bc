package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/assets/demo"
	"junheng/data"
)

func TestPDFFromJSON(t *testing.T) {
	f, err := county.Decode(demo.JSON)
	if err != nil {
		t.Fatal(err)
	}
	f.County.Application.Office = "" // --office is the 编制单位 where the file gives none
	b, _ := county.Encode(f)
	in := writeTemp(t, "义马.json", b)
	out := filepath.Join(t.TempDir(), "申报材料.pdf")
	code, _, errOut := runCLI("pdf", in, "-o", out, "--sections", "封面,todo", "--office", "义马市教育局", "--date", "2025-03-08")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "材料自查发现") { // the demo's narrative contradicts its tables
		t.Errorf("pdf does not warn of the proofread findings: %q", errOut)
	}
	data, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	needPdftotext(t)
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	s := string(text)
	for _, want := range []string{"义马市教育局", "2025年3月8日", "整改清单"} {
		if !strings.Contains(s, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if strings.Contains(s, "资源配置指标图") {
		t.Error("--sections printed a section that was not asked for")
	}
}

func TestPDFUsageErrors(t *testing.T) {
	in := writeTemp(t, "demo.json", demo.JSON)
	out := filepath.Join(t.TempDir(), "x.pdf")
	for _, args := range [][]string{
		{"pdf", in}, // no -o
		{"pdf", in, "-o", out, "--sections", "封底"},     // unknown section
		{"pdf", in, "-o", out, "--date", "2025-13-40"}, // bad date
		{"pdf", filepath.Join(t.TempDir(), "none.json"), "-o", out},
	} {
		code, _, errOut := runCLI(args...)
		if code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 with a message", args[1:], code, errOut)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed run left a PDF behind")
	}
}

func TestPDFFromDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "义马.db")
	s, err := data.Create(db, data.Settings{Office: "义马市教育局"})
	if err != nil {
		t.Fatal(err)
	}
	f := demo.File()
	if err := s.ImportFile(f, "测试"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.pdf")
	if code, _, errOut := runCLI("pdf", db, "-o", out, "--sections", "profile"); code != 2 || !strings.Contains(errOut, "--year") {
		t.Errorf("without --year: exit %d, %q", code, errOut)
	}
	code, _, errOut := runCLI("pdf", db, "--year", f.Year, "-o", out, "--sections", "profile")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	needPdftotext(t)
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), f.County.Name) || !strings.Contains(string(text), "表Ⅰ") {
		t.Error("the PDF from the database does not show the county's 表Ⅰ 基本情况")
	}
}

// needPdftotext skips without poppler-utils, except in CI, which must have it.
func needPdftotext(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext not installed: CI must install poppler-utils")
		}
		t.Skip("pdftotext not installed")
	}
}

// From a data file, the dossier's 佐证材料目录 lists the year's attachments
// with the 件号 that `attachments` gives them.
func TestPDFFromDatabaseListsAttachments(t *testing.T) {
	db, year := attachDB(t)
	photo := writeTemp(t, "音乐教室.jpg", photoJPEG(t, 800, 600))
	sc := demo.File().Schools[0]
	if code, _, errOut := runCLI("attach", db, "--year", year, "--item", "G3", "--school", sc.ID, "--title", "实验小学音乐专用教室", photo); code != 0 {
		t.Fatalf("attach: exit %d: %s", code, errOut)
	}
	out := filepath.Join(t.TempDir(), "out.pdf")
	if code, _, errOut := runCLI("pdf", db, "--year", year, "-o", out, "--sections", "evidence"); code != 0 {
		t.Fatalf("pdf: exit %d: %s", code, errOut)
	}
	needPdftotext(t)
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	_, listing, _ := runCLI("attachments", db, "--year", year)
	if !strings.Contains(string(text), "实验小学音乐专用教室") || !strings.Contains(listing, "实验小学音乐专用教室") {
		t.Fatalf("the 佐证材料目录 does not list the attachment:\n%s", text)
	}
	codes := regexp.MustCompile(`(?m)^\d-\d{3}`).FindAllString(listing, -1)
	if len(codes) != 1 {
		t.Fatalf("the listing gives %d 件号, want 1:\n%s", len(codes), listing)
	}
	if !strings.Contains(string(text), codes[0]) {
		t.Errorf("件号 %s of the listing is not in the 佐证材料目录", codes[0])
	}
}
