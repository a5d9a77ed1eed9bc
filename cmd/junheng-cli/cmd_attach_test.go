package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"junheng/app/evidence"
	"junheng/app/format"
	"junheng/assets/demo"
)

func init() {
	// The flag names of attach and attachments, which flags_test.go's
	// check of English words must let through like the other commands'.
	for _, w := range []string{"item", "title", "caption", "entry", "missing"} {
		allowedWords[w] = true
	}
}

// attachDB is a data file holding the demo county, imported by the
// bureau's clerk.
func attachDB(t *testing.T) (db, year string) {
	t.Helper()
	t.Setenv("JUNHENG_OFFICE", "督导室")
	t.Setenv("JUNHENG_USER", "王五")
	db = filepath.Join(t.TempDir(), "义马 2024.db")
	dbRun(t, "init", db)
	dbRun(t, "import-json", db, writeTemp(t, "demo.json", demo.JSON))
	return db, demo.File().Year
}

// photoJPEG is a camera-like JPEG of w×h px (a gradient with some texture,
// so that it does not compress to nothing).
func photoJPEG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			n := uint8((x*7 + y*13) % 31)
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 128 + n, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pdfBytes is a file that starts like a PDF; the store keeps it byte for
// byte.
var pdfBytes = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")

var pieceCode = regexp.MustCompile(`\b\d-\d{3}\b`)

// evPrepared is what the store keeps of a file (to compare what the
// commands print with it).
func evPrepared(t *testing.T, name string, raw []byte) *evidence.Prepared {
	t.Helper()
	p, err := evidence.Prepare(name, raw)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// checkListed finds the line of 件号 code in the listing of attachments
// and checks that it says each of wants.
func checkListed(t *testing.T, db, year, code string, wants []string) {
	t.Helper()
	list := dbRun(t, "attachments", db, "--year", year)
	for _, l := range strings.Split(list, "\n") {
		if strings.HasPrefix(l, code+" ") {
			for _, w := range wants {
				if !strings.Contains(l, w) {
					t.Errorf("the line of %s lacks %q: %q", code, w, l)
				}
			}
			return
		}
	}
	t.Errorf("attach printed 件号 %s; attachments does not list it:\n%s", code, list)
}

// attach → attachments: each attached file is listed once with the 件号
// attach printed, its item, school, title, 文号, date and kind; the gaps
// of the checklist count what is still missing; --json says the same;
// and the history names the office and user given on the command line.
func TestAttachThenAttachments(t *testing.T) {
	db, year := attachDB(t)
	school := demo.File().Schools[0]

	g8 := evidence.Defaults("G8")
	if len(g8) < 2 {
		t.Fatalf("test needs an item with two checklist entries; G8 has %d", len(g8))
	}
	doc := evPrepared(t, "工资测算.pdf", pdfBytes)
	out := dbRun(t, "attach", db, "--year", year, "--item", "G8", writeTemp(t, "工资测算.pdf", pdfBytes),
		"--title", "教师工资收入测算表", "--doc-no", "义教〔2024〕12号", "--date", "2024年9月1日", "--entry", g8[0].Name,
		"--office", "义马市教育局", "--user", "赵六")
	code := pieceCode.FindString(out)
	if code == "" || !strings.Contains(out, "G8") || !strings.Contains(out, "教师工资收入测算表") {
		t.Fatalf("attach of a county document says: %q", out)
	}
	countyWants := []string{"G8", "县级", "教师工资收入测算表", "义教〔2024〕12号", "2024-09-01", evidence.KindNames[doc.Kind], format.Bytes(int64(len(doc.Data))), g8[0].Name}
	checkListed(t, db, year, code, countyWants)

	photo := photoJPEG(t, 2400, 1600)
	pic := evPrepared(t, "音乐教室 照片.jpg", photo)
	out = dbRun(t, "attach", db, "--year", year, "--item", "G3", "--school", school.ID, writeTemp(t, "音乐教室 照片.jpg", photo),
		"--caption", "2024年9月 音乐教室全景")
	code = pieceCode.FindString(out)
	if code == "" || !strings.Contains(out, school.Name) || !strings.Contains(out, format.Bytes(int64(len(pic.Data)))) {
		t.Fatalf("attach of a school's photo says: %q", out)
	}
	if pic.Reduced {
		if want := fmt.Sprintf("已缩小为 %d×%d", pic.Width, pic.Height); !strings.Contains(out, want) {
			t.Errorf("a reduced photo does not say %q: %q", want, out)
		}
	}
	checkListed(t, db, year, code, []string{"G3", school.Name, "音乐教室 照片", evidence.KindNames[pic.Kind], format.Bytes(int64(len(pic.Data)))})

	// Both are listed, once each, in the order of their 件号; the county
	// document kept what was said of it (its 件号 may have moved: G3 files
	// before G8 in the 卷).
	list := dbRun(t, "attachments", db, "--year", year)
	codes := pieceCode.FindAllString(list, -1)
	if len(codes) != 2 || codes[0] >= codes[1] {
		t.Errorf("attachments lists 件号 %v for 2 attachments:\n%s", codes, list)
	}
	found := false
	for _, l := range strings.Split(list, "\n") {
		if pieceCode.MatchString(l) && strings.Contains(l, " G8 ") {
			found = true
			for _, w := range countyWants {
				if !strings.Contains(l, w) {
					t.Errorf("the county document's line %q lacks %q", l, w)
				}
			}
		}
	}
	if !found {
		t.Errorf("the county document is no longer listed:\n%s", list)
	}
	gap := evidence.ItemGap{Item: "G8", Count: len(g8) - 1}.Sentence()
	if !strings.Contains(list, gap) {
		t.Errorf("attachments does not say %q:\n%s", gap, list)
	}
	schoolCode := code

	// Attaching the same photo again adds nothing.
	out = dbRun(t, "attach", db, "--year", year, "--item", "G3", "--school", school.ID, writeTemp(t, "副本.jpg", photo))
	if !strings.Contains(out, "未重复添加") || pieceCode.MatchString(out) {
		t.Errorf("attaching the same photo again: %q", out)
	}

	var js listing
	if err := json.Unmarshal([]byte(dbRun(t, "attachments", db, "--year", year, "--json")), &js); err != nil {
		t.Fatal(err)
	}
	if js.Format != AttachmentsFormat || len(js.Attachments) != 2 || js.Attachments[0].Code != codes[0] || js.Attachments[1].Code != codes[1] {
		t.Errorf("attachments --json: %+v", js)
	}
	for _, a := range js.Attachments {
		if a.Code == schoolCode && (a.School != school.ID || a.Size != int64(len(pic.Data)) || a.Kind != string(pic.Kind) || a.Caption != "2024年9月 音乐教室全景") {
			t.Errorf("the photo in JSON: %+v", a)
		}
	}

	missing := dbRun(t, "attachments", db, "--year", year, "--missing")
	if pieceCode.MatchString(missing) || !strings.Contains(missing, "缺「"+g8[1].Name+"」") {
		t.Errorf("attachments --missing:\n%s", missing)
	}
	if hist := dbRun(t, "history", db, "--year", year); !strings.Contains(hist, "赵六") {
		t.Errorf("the history does not name the user given with --user:\n%s", hist)
	}
}

// Refusals are Chinese sentences naming what was wrong, exit 2 (the
// clerk's input), and leave the data file without a new attachment: an
// unknown item lists the valid codes, an unknown school names the id and
// the year, a bad file among good ones attaches none of them.
func TestAttachRefusals(t *testing.T) {
	db, year := attachDB(t)
	good := writeTemp(t, "通知.pdf", pdfBytes)
	for _, c := range []struct {
		name string
		args []string
		want []string
	}{
		{"unknown item", []string{"--item", "G99", good}, []string{"「G99」", "G1、", "Q9", "V7"}},
		{"no item", []string{good}, []string{"--item", "G1、"}},
		{"unknown school", []string{"--item", "G3", "--school", "9999999999", good}, []string{"「9999999999」", year}},
		{"missing file", []string{"--item", "G8", good, filepath.Join(t.TempDir(), "不存在的文件.pdf")}, []string{"不存在的文件.pdf", "未添加任何文件"}},
		{"empty file", []string{"--item", "G8", good, writeTemp(t, "空白.docx", nil)}, []string{"空白.docx", "未添加任何文件"}},
		{"folder", []string{"--item", "G8", t.TempDir()}, []string{"文件夹"}},
		{"bad date", []string{"--item", "G8", good, "--date", "2024-02-30"}, []string{"日期", "2024-02-30", "未添加任何文件"}},
		{"unknown entry", []string{"--item", "G8", good, "--entry", "会议纪要"}, []string{"「会议纪要」", evidence.Defaults("G8")[0].Name}},
		{"no file", []string{"--item", "G8"}, []string{"至少一个"}},
	} {
		args := append([]string{"attach", db, "--year", year}, c.args...)
		code, out, errOut := runCLI(args...)
		if code != exitInvalid {
			t.Errorf("%s: exit %d, want %d (%s)", c.name, code, exitInvalid, errOut)
		}
		for _, w := range c.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%s: the message does not name %q: %q", c.name, w, errOut)
			}
		}
		if pieceCode.MatchString(out) {
			t.Errorf("%s: a refused attach printed an attached file: %q", c.name, out)
		}
	}
	if code, _, errOut := runCLI("attach", db, "--year", "2031-2032", "--item", "G8", good); code != exitInvalid || !strings.Contains(errOut, "2031-2032") || !strings.Contains(errOut, year) {
		t.Errorf("a year the file does not hold: exit %d %q", code, errOut)
	}
	if code, _, errOut := runCLI("attach", db, "--item", "G8", good); code != exitInvalid || !strings.Contains(errOut, "--year") {
		t.Errorf("no --year: exit %d %q", code, errOut)
	}
	if list := dbRun(t, "attachments", db, "--year", year); pieceCode.MatchString(list) {
		t.Errorf("refused attaches left attachments behind:\n%s", list)
	}
	// A file that is not a data file is refused as such by every command.
	notes := writeTemp(t, "notes.db", []byte("会议纪要\n"))
	for _, args := range [][]string{{"attach", notes, "--year", year, "--item", "G8", good}, {"attachments", notes, "--year", year}} {
		if code, _, errOut := runCLI(args...); code != exitInvalid || !strings.Contains(errOut, "不是均衡评估助手的数据文件") {
			t.Errorf("%s of a non-data file: exit %d %q", args[0], code, errOut)
		}
	}
}

// archive writes a zip holding every attachment, byte for byte, named
// by its 件号 and title, with the 档案目录 at its root; it refuses a year
// without attachments, a missing -o and a box size counties do not use.
func TestArchiveCommand(t *testing.T) {
	db, year := attachDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "迎检档案.zip")
	if code, _, errOut := runCLI("archive", db, "--year", year, "-o", out); code != exitInvalid || !strings.Contains(errOut, year) || !strings.Contains(errOut, "没有任何佐证材料") {
		t.Errorf("archive of a year without attachments: exit %d %q", code, errOut)
	}
	if code, _, errOut := runCLI("archive", db, "--year", year); code != exitInvalid || !strings.Contains(errOut, "-o") {
		t.Errorf("archive without -o: exit %d %q", code, errOut)
	}
	if code, _, errOut := runCLI("archive", db, "--year", year, "-o", out, "--box", "7"); code != exitInvalid || !strings.Contains(errOut, "--box") {
		t.Errorf("archive --box 7: exit %d %q", code, errOut)
	}
	school := demo.File().Schools[1]
	raw := map[string][]byte{"音乐教室.jpg": photoJPEG(t, 800, 600), "工资测算.pdf": pdfBytes}
	dbRun(t, "attach", db, "--year", year, "--item", "G3", "--school", school.ID, writeTemp(t, "音乐教室.jpg", raw["音乐教室.jpg"]))
	dbRun(t, "attach", db, "--year", year, "--item", "G8", writeTemp(t, "工资测算.pdf", raw["工资测算.pdf"]), "--title", "教师工资收入测算表")
	stdout := dbRun(t, "archive", db, "--year", year, "-o", out, "--box", "3")
	if !strings.Contains(stdout, out) || !strings.Contains(stdout, "2 件") {
		t.Errorf("archive does not say what it wrote: %q", stdout)
	}
	var js listing
	if err := json.Unmarshal([]byte(dbRun(t, "attachments", db, "--year", year, "--json")), &js); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	byBase := map[string]*zip.File{}
	var names []string
	for _, zf := range zr.File {
		names = append(names, zf.Name)
		byBase[path.Base(zf.Name)] = zf
	}
	for _, root := range []string{"档案目录.xlsx", "档案目录.pdf"} {
		if zf := byBase[root]; zf == nil || zf.Name != root {
			t.Errorf("the zip lacks %s at its root: %v", root, names)
		}
	}
	for _, a := range js.Attachments {
		piece := a.Code[strings.Index(a.Code, "-")+1:]
		var found *zip.File
		for base, zf := range byBase {
			if strings.HasPrefix(base, piece+"-"+a.Title) {
				found = zf
			}
		}
		if found == nil {
			t.Errorf("the zip has no file named %s-%s…: %v", piece, a.Title, names)
			continue
		}
		rc, err := found.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if want := evPrepared(t, a.Name, raw[a.Name]).Data; !bytes.Equal(got, want) {
			t.Errorf("%s in the zip: %d bytes, not the %d stored", found.Name, len(got), len(want))
		}
	}
}
