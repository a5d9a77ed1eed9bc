package archive

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"junheng/app/evidence"
)

// ---- test material: photos, PDFs, filed attachments ----

// pgJPEG is a w×h photo-like JPEG: gradients and noise, so that its size
// is that of a real photo rather than of a flat colour.
func pgJPEG(t testing.TB, w, h int, seed uint64, noise int) []byte {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 7))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			n := 0
			if noise > 0 {
				n = r.IntN(noise)
			}
			img.Pix[img.PixOffset(x, y)+0] = uint8((x*255/w + n) % 256)
			img.Pix[img.PixOffset(x, y)+1] = uint8((y*255/h + n) % 256)
			img.Pix[img.PixOffset(x, y)+2] = uint8((int(seed)*40 + n) % 256)
			img.Pix[img.PixOffset(x, y)+3] = 255
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pgPNGAlpha is a PNG with a transparent half (a screenshot with a cut-out).
func pgPNGAlpha(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			a := uint8(255)
			if x > w/2 {
				a = 0
			}
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), 200, a})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pgPDF is a PDF with one page per text (ASCII, so pdftotext finds it
// whatever the fonts), landscape pages where asked.
func pgPDF(t testing.TB, texts []string, landscape map[int]bool) []byte {
	t.Helper()
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetFont("Helvetica", "", 14)
	for i, s := range texts {
		o := "P"
		if landscape[i] {
			o = "L"
		}
		pdf.AddPageFormat(o, gofpdf.SizeType{Wd: 210, Ht: 297})
		pdf.Text(30, 60, s)
		pdf.Rect(20, 20, 50, 20, "D")
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func pgHash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// pgStore holds attachment bytes by hash, as the data file does.
type pgStore map[string][]byte

func (s pgStore) get(hash string) ([]byte, error) {
	if b, ok := s[hash]; ok {
		return b, nil
	}
	return nil, fmt.Errorf("找不到 %s", hash[:8])
}

// add files b as the next 件 of volume vol.
func (s pgStore) add(files []evidence.Filed, vol int, kind evidence.Kind, title string, b []byte, pages int) []evidence.Filed {
	h := pgHash(append(b, byte(len(files)))) // one hash per 件, even for equal bytes
	s[h] = b
	piece := 1
	for _, f := range files {
		if f.Volume == vol {
			piece++
		}
	}
	ext := map[evidence.Kind]string{evidence.KindPhoto: ".jpg", evidence.KindPDF: ".pdf"}[kind]
	return append(files, evidence.Filed{
		Attachment: evidence.Attachment{Item: "G3", Hash: h, Name: title + ext, Ext: ext, Kind: kind, Pages: pages,
			AddedBy: "县教体局基教股", Meta: evidence.Meta{Title: title, Date: "2024-05-12", DocNo: "某教发〔2024〕12号",
				Caption: fmt.Sprintf("2024年5月12日，第一小学音乐教室，音乐教师王某某与四年级学生，器乐课（%s）", title)}},
		Volume: vol, VolumeName: "资源配置", Piece: piece, ItemName: "音乐专用教室", SchoolName: "第一小学",
	})
}

// ---- running the poppler tools ----

func pgTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed (poppler-utils)", name)
	}
}

func pgRun(t testing.TB, name string, args ...string) string {
	t.Helper()
	pgTool(t, name)
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func pgWrite(t testing.TB, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func pgPages(t testing.TB, path string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(pgRun(t, "pdfinfo", path))
	if m == nil {
		t.Fatal("pdfinfo: no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// pgPageText is the text of page n (from 1), white space removed, so that
// a wrapped line reads as one.
func pgPageText(t testing.TB, path string, n int) string {
	t.Helper()
	s := pgRun(t, "pdftotext", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-enc", "UTF-8", path, "-")
	return strings.Join(strings.Fields(s), "")
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// pgWord is one word of pdftotext -bbox, in mm.
type pgWord struct {
	page           int
	pw, ph         float64
	x0, y0, x1, y1 float64
	text           string
}

var (
	bboxPage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

func pgWords(t testing.TB, path string) []pgWord {
	t.Helper()
	out := pgRun(t, "pdftotext", "-bbox", "-enc", "UTF-8", path, "-")
	var ws []pgWord
	page := 0
	var pw, ph float64
	f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v * 25.4 / 72 }
	for _, line := range strings.Split(out, "\n") {
		if m := bboxPage.FindStringSubmatch(line); m != nil {
			page++
			pw, ph = f(m[1]), f(m[2])
			continue
		}
		if m := bboxWord.FindStringSubmatch(line); m != nil {
			ws = append(ws, pgWord{page, pw, ph, f(m[1]), f(m[2]), f(m[3]), f(m[4]), m[5]})
		}
	}
	return ws
}

// ---- the tests ----

// photoSet is 5 photos (landscape, portrait, square, a PNG with alpha) and
// 2 PDFs of 3 and 2 pages, all of 卷 1.
func photoSet(t testing.TB) ([]evidence.Filed, pgStore) {
	st := pgStore{}
	var files []evidence.Filed
	files = st.add(files, 1, evidence.KindPhoto, "音乐教室全景", pgJPEG(t, 2000, 1333, 1, 40), 0)
	files = st.add(files, 1, evidence.KindPhoto, "钢琴与器乐柜", pgJPEG(t, 1333, 2000, 2, 40), 0)
	files = st.add(files, 1, evidence.KindPhoto, "学生器乐课", pgJPEG(t, 800, 600, 3, 40), 0)
	files = st.add(files, 1, evidence.KindPhoto, "教室门牌", pgJPEG(t, 600, 900, 4, 40), 0)
	files = st.add(files, 1, evidence.KindPhoto, "功能室使用登记表截图", pgPNGAlpha(t, 640, 480), 0)
	files = st.add(files, 1, evidence.KindPDF, "关于配齐音乐教室的通知", pgPDF(t, []string{"DOCSIX page one", "DOCSIX page two", "DOCSIX page three"}, nil), 3)
	files = st.add(files, 1, evidence.KindPDF, "音乐器材清单", pgPDF(t, []string{"DOCSEVEN page one", "DOCSEVEN page two"}, map[int]bool{0: true, 1: true}), 2)
	return files, st
}

func TestPhotoPages(t *testing.T) {
	pgTool(t, "pdfimages")
	files, st := photoSet(t)
	var buf bytes.Buffer
	got, err := PhotoPages(&buf, "某某县迎检档案", files, st.get)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Problems) != 0 || got.Photos != 5 || got.Docs != 2 {
		t.Fatalf("printed %+v", got)
	}
	path := pgWrite(t, buf.Bytes())
	if n := pgPages(t, path); n != 3+3+2 || got.Pages != n {
		t.Fatalf("pages: pdfinfo %d, Printed %d, want 3 photo pages + 5 document pages", n, got.Pages)
	}
	// pdfimages lists each photo once as an image (the PNG's alpha as an
	// extra smask) and nothing else.
	list := pgRun(t, "pdfimages", "-list", path)
	images := map[int]int{}
	for _, l := range strings.Split(list, "\n")[2:] {
		f := strings.Fields(l)
		if len(f) > 3 && f[2] == "image" {
			p, _ := strconv.Atoi(f[0])
			images[p]++
		}
	}
	if images[1] != 2 || images[2] != 2 || images[3] != 1 || len(images) != 3 {
		t.Fatalf("images per page %v, want 2, 2, 1 on pages 1–3:\n%s", images, list)
	}
	if !strings.Contains(list, "smask") {
		t.Errorf("the PNG's transparency is lost (no smask):\n%s", list)
	}
	// Each photo page names its photos' 件号, titles and captions.
	for p := 1; p <= 3; p++ {
		text := pgPageText(t, path, p)
		for i := 2 * (p - 1); i < min(2*p, 5); i++ {
			f := &files[i]
			for _, want := range []string{"件号：" + f.Code(), f.Title, squeeze(f.Caption), "2024-05-12"} {
				if !strings.Contains(text, want) {
					t.Errorf("photo page %d lacks %q:\n%s", p, want, text)
				}
			}
			if strings.Count(text, f.Code()) < 2 {
				t.Errorf("photo page %d: %s is not both stamped and captioned", p, f.Code())
			}
		}
	}
	// Imported pages keep their text and carry their 件号 and page stamp.
	for p, want := range map[int][2]string{4: {"DOCSIXpageone", "1-006第1/3页"}, 6: {"DOCSIXpagethree", "1-006第3/3页"},
		7: {"DOCSEVENpageone", "1-007第1/2页"}, 8: {"DOCSEVENpagetwo", "1-007第2/2页"}} {
		text := pgPageText(t, path, p)
		if !strings.Contains(text, want[0]) || !strings.Contains(text, want[1]) {
			t.Errorf("page %d: want %q and %q in %q", p, want[0], want[1], text)
		}
	}
	// The landscape pages of the second PDF are printed on landscape pages.
	for _, w := range pgWords(t, path) {
		if w.page >= 7 && w.pw < w.ph {
			t.Fatalf("page %d (a landscape original) is portrait: %.0f×%.0f", w.page, w.pw, w.ph)
		}
	}
	pgInside(t, path, func(w pgWord) bool { return w.page <= 3 }, photoLeft, stampRight, stampTop, photoBottom)
	pgInside(t, path, func(w pgWord) bool { return w.page > 3 }, docLeft, stampRight, stampTop, docBottom)
	pgRender(t, path, 8)
}

// pgInside fails for any word of the pages chosen that is outside the
// margins (mm from the left, right, top and bottom edges).
func pgInside(t *testing.T, path string, on func(pgWord) bool, left, right, top, bottom float64) {
	t.Helper()
	const slack = 0.5
	n := 0
	for _, w := range pgWords(t, path) {
		if !on(w) {
			continue
		}
		n++
		if w.x0 < left-slack || w.x1 > w.pw-right+slack || w.y0 < top-slack || w.y1 > w.ph-bottom+slack {
			t.Errorf("page %d: %q at x %.1f–%.1f, y %.1f–%.1f mm is outside the margins", w.page, w.text, w.x0, w.x1, w.y0, w.y1)
		}
	}
	if n == 0 {
		t.Fatal("no words to check")
	}
}

// pgRender renders every page at 40 dpi and checks that there are pages
// pages; KEEP_RENDER=dir keeps the PNGs there to look at.
func pgRender(t *testing.T, path string, pages int) {
	t.Helper()
	dir := t.TempDir()
	if d := os.Getenv("KEEP_RENDER"); d != "" {
		dir = d
		os.MkdirAll(dir, 0o755)
	}
	prefix := filepath.Join(dir, strings.TrimSuffix(filepath.Base(t.Name()), "/"))
	if os.Getenv("KEEP_RENDER") != "" {
		if b, err := os.ReadFile(path); err == nil {
			os.WriteFile(prefix+".pdf", b, 0o644)
		}
	}
	pgRun(t, "pdftoppm", "-r", "40", "-png", path, prefix)
	pngs, _ := filepath.Glob(prefix + "-*.png")
	if len(pngs) != pages {
		t.Fatalf("pdftoppm rendered %d pages, want %d", len(pngs), pages)
	}
	for _, p := range pngs {
		if fi, err := os.Stat(p); err != nil || fi.Size() < 500 {
			t.Errorf("%s: rendering failed or empty (%v)", p, err)
		}
	}
}

func TestPhotoPagesPairsWithinAVolume(t *testing.T) {
	st := pgStore{}
	var files []evidence.Filed
	files = st.add(files, 1, evidence.KindPhoto, "甲", pgJPEG(t, 300, 200, 1, 0), 0)
	files = st.add(files, 2, evidence.KindPhoto, "乙", pgJPEG(t, 300, 200, 2, 0), 0)
	files = st.add(files, 2, evidence.KindDocument, "丙", []byte("docx"), 0)
	files = st.add(files, 2, evidence.KindPhoto, "丁", pgJPEG(t, 300, 200, 3, 0), 0)
	files = st.add(files, 2, evidence.KindPhoto, "戊", pgJPEG(t, 300, 200, 4, 0), 0)
	var buf bytes.Buffer
	got, err := PhotoPages(&buf, "某某县迎检档案", files, st.get)
	if err != nil {
		t.Fatal(err)
	}
	// 甲 alone (卷 1), 乙 alone (the document after it is bound between),
	// 丁 and 戊 together: three pages, the document not printed.
	if got.Pages != 3 || got.Photos != 4 {
		t.Fatalf("printed %+v, want 3 pages of 4 photos", got)
	}
	path := pgWrite(t, buf.Bytes())
	if text := pgPageText(t, path, 3); !strings.Contains(text, "丁") || !strings.Contains(text, "戊") {
		t.Fatalf("page 3 should hold 丁 and 戊: %s", text)
	}
}

func TestPhotoPagesBadPhoto(t *testing.T) {
	st := pgStore{}
	var files []evidence.Filed
	files = st.add(files, 1, evidence.KindPhoto, "坏照片", []byte("\xFF\xD8\xFF garbage"), 0)
	files = st.add(files, 1, evidence.KindPhoto, "好照片", pgJPEG(t, 300, 200, 1, 0), 0)
	files = append(files, files[1])
	files[2].Piece, files[2].Hash = 3, strings.Repeat("0", 64) // not in the store
	good := pgPNGAlpha(t, 64, 48)
	files = st.add(files, 1, evidence.KindPhoto, "截断的PNG", good[:len(good)/2], 0)
	files = st.add(files, 1, evidence.KindPhoto, "PNG文件头后为乱码", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\xff\xff\xff\xff\x00\x00\x00\x01\x08\x06"), make([]byte, 100)...), 0)
	var buf bytes.Buffer
	got, err := PhotoPages(&buf, "某某县迎检档案", files, st.get)
	if err != nil {
		t.Fatal(err)
	}
	if got.Photos != 1 || len(got.Problems) != 4 {
		t.Fatalf("printed %+v, want the good photo and four problems", got)
	}
	path := pgWrite(t, buf.Bytes())
	text := pgPageText(t, path, 1)
	if !strings.Contains(text, "件号1-001《坏照片》为照片，无法嵌入") {
		t.Fatalf("no placeholder for the broken photo: %s", text)
	}
	for _, p := range got.Problems[1:] {
		if !strings.Contains(p, "无法嵌入") {
			t.Errorf("problem %q", p)
		}
	}
}

func TestPhotoPagesLongCaption(t *testing.T) {
	st := pgStore{}
	var files []evidence.Filed
	files = st.add(files, 1, evidence.KindPhoto, strings.Repeat("很长的题名", 12), pgJPEG(t, 1333, 2000, 1, 0), 0)
	files = st.add(files, 1, evidence.KindPhoto, "短题名", pgJPEG(t, 2000, 1333, 2, 0), 0)
	files[0].Caption = strings.Repeat("时间、地点、人物、事件都写得很详细的说明文字。", 6)
	var buf bytes.Buffer
	if _, err := PhotoPages(&buf, "某某县迎检档案", files, st.get); err != nil {
		t.Fatal(err)
	}
	path := pgWrite(t, buf.Bytes())
	text := pgPageText(t, path, 1)
	// The title wraps whole (no character lost at a break).
	if !strings.Contains(text, files[0].Title) {
		t.Errorf("the long title lost characters: %s", text)
	}
	pgInside(t, path, func(pgWord) bool { return true }, photoLeft, stampRight, stampTop, photoBottom)
	pgRender(t, path, 1)
}

func BenchmarkPhotoPages(b *testing.B) {
	st := pgStore{}
	var files []evidence.Filed
	distinct := make([][]byte, 4)
	for i := range distinct {
		distinct[i] = pgJPEG(b, 2000, 1333, uint64(i+1), 16)
	}
	size := 0
	for i := 0; i < 100; i++ {
		// 100 different files (gofpdf stores equal images once): four
		// encoded photos, each made unique by a JPEG comment.
		base := distinct[i%len(distinct)]
		com := fmt.Sprintf("photo %03d", i)
		photo := append([]byte{0xFF, 0xD8, 0xFF, 0xFE, 0, byte(len(com) + 2)}, com...)
		photo = append(photo, base[2:]...)
		size += len(photo)
		files = st.add(files, 1, evidence.KindPhoto, fmt.Sprintf("照片%d", i+1), photo, 0)
	}
	b.ReportAllocs()
	b.ResetTimer()
	out := 0
	for b.Loop() {
		var buf bytes.Buffer
		if _, err := PhotoPages(&buf, "某某县迎检档案", files, st.get); err != nil {
			b.Fatal(err)
		}
		out = buf.Len()
	}
	b.ReportMetric(float64(size)/100/1000, "KB/photo")
	b.ReportMetric(float64(out)/1e6, "MB/pdf")
}
