package archive

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"

	"junheng/app/county"
	"junheng/app/evidence"
	"junheng/assets/demo"
)

// fakeSource is a data file in memory: the demo county and attachments
// whose bytes it keeps by hash. It counts reads and can fail or block one.
type fakeSource struct {
	year  string
	file  *county.File
	atts  []evidence.Attachment
	data  map[string][]byte
	reads atomic.Int64
	// failAt makes the failAt-th AttachmentData fail (0: never).
	failAt int64
	// onRead is called before every read with its number (from 1).
	onRead func(n int64)
}

func (s *fakeSource) LoadYear(year string) (*county.File, error) {
	if year != s.year {
		return nil, fmt.Errorf("文件中没有 %s 学年的数据", year)
	}
	return s.file, nil
}

func (s *fakeSource) Attachments(year string) ([]evidence.Attachment, error) {
	if year != s.year {
		return nil, fmt.Errorf("文件中没有 %s 学年的数据", year)
	}
	return s.atts, nil
}

func (s *fakeSource) AttachmentData(hash string) ([]byte, error) {
	n := s.reads.Add(1)
	if s.onRead != nil {
		s.onRead(n)
	}
	if s.failAt > 0 && n == s.failAt {
		return nil, errors.New("数据文件中的佐证材料已损坏（校验值不符）")
	}
	b, ok := s.data[hash]
	if !ok {
		return nil, fmt.Errorf("没有校验值为 %s 的佐证材料", hash)
	}
	return b, nil
}

// add attaches data to item (of school) the way the store would list it.
func (s *fakeSource) add(item, school, name string, kind evidence.Kind, data []byte, meta evidence.Meta) {
	sum := sha256.Sum256(data)
	h := hex.EncodeToString(sum[:])
	ext := ""
	if i := strings.LastIndex(name, "."); i >= 0 {
		ext = strings.ToLower(name[i:])
	}
	a := evidence.Attachment{ID: evidence.Key(item, school, h), Year: s.year, Item: item, School: school, Hash: h,
		Name: name, Ext: ext, Kind: kind, Size: int64(len(data)), Meta: meta, Pos: len(s.atts) + 1,
		AddedAt: time.Date(2021, 5, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(len(s.atts)) * time.Minute), AddedBy: "测试县教育局"}
	switch kind {
	case evidence.KindPhoto:
		if c, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
			a.Width, a.Height = c.Width, c.Height
		}
	case evidence.KindPDF:
		a.Pages = bytes.Count(data, []byte("/Type /Page\n"))
	}
	if s.data == nil {
		s.data = map[string][]byte{}
	}
	s.data[h] = data
	s.atts = append(s.atts, a)
}

// testJPEG is a small photo, different for every seed.
func testJPEG(t testing.TB, seed uint64, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(seed, 7))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x*3 + int(seed)), uint8(y * 5), uint8(r.IntN(256)), 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func testPNG(t testing.TB, seed uint64) []byte {
	img := image.NewGray(image.Rect(0, 0, 40, 30))
	for i := range img.Pix {
		img.Pix[i] = uint8(i*int(seed+1)) ^ 0x5a
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// testPDF is a PDF of pages pages, different for every seed.
func testPDF(t testing.TB, seed, pages int) []byte {
	p := gofpdf.New("P", "mm", "A4", "")
	p.SetFont("Helvetica", "", 12)
	for i := 0; i < pages; i++ {
		p.AddPage()
		p.Text(20, 20, fmt.Sprintf("document %d page %d", seed, i+1))
	}
	p.SetCreationDate(time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC))
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// testDOCX is a zip shaped like a Word document.
func testDOCX(t testing.TB) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>关于印发教师交流轮岗办法的通知</w:t></w:r></w:p></w:body></w:document>`,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// demoSource is the demo county with 40 attachments: photos of school
// rooms, PDF documents with 文号, a .docx, an opaque .bin, titles with
// characters Windows forbids, a title "CON", a title of 100 characters, and two files of the same
// title under the same item and school.
func demoSource(t testing.TB) *fakeSource {
	f := demo.File()
	s := &fakeSource{year: f.Year, file: f}
	sc := func(i int) string { return f.Schools[i].ID }
	// County documents.
	docs := []struct{ item, title, no string }{
		{"G1", "义务教育学校布局规划", "义政〔2019〕12号"},
		{"G2.1", "城乡统一的学校建设标准", "义教发〔2020〕3号"},
		{"G2.3", "生均公用经费基准定额文件", "义财教〔2020〕7号"},
		{"G6", "小规模学校公用经费核拨文件", ""},
		{"G8", "教师与公务员平均工资收入对比测算表", ""},
		{"G8", "教师绩效工资核定文件", "义人社〔2020〕21号"},
		{"G9", "教师培训学时统计表：2020年度？", ""},
		{"G13", "招生入学划片文件", "义教〔2020〕30号"},
		{"Q1", "初中三年巩固率统计表", ""},
		{"S1", "社会认可度调查报告", ""},
		{"V7", "材料真实性承诺书", ""},
		{"F4", "一般公共预算教育支出决算", "义财〔2021〕2号"},
	}
	for i, d := range docs {
		s.add(d.item, "", d.title+".pdf", evidence.KindPDF, testPDF(t, i, 1+i%3), evidence.Meta{Title: d.title, DocNo: d.no, Date: fmt.Sprintf("2020-%02d-15", 1+i%12)})
	}
	// Photos of schools' rooms.
	rooms := []struct{ item, title, caption string }{
		{"G3", "音乐专用教室", "2021年4月，音乐教室上课情况"},
		{"G3", "美术专用教室", "2021年4月，美术教室"},
		{"R5", "运动场全景", "学校田径运动场"},
		{"Q6", "校园文化建设", "走廊文化墙"},
	}
	for si := 0; si < 5; si++ {
		for ri, r := range rooms {
			seed := uint64(100 + si*10 + ri)
			s.add(r.item, sc(si), r.title+".jpg", evidence.KindPhoto, testJPEG(t, seed, 32+si, 24), evidence.Meta{Title: r.title, Caption: r.caption, Date: "2021-04-20"})
		}
	}
	// Same title, same item, same school, different files: 件号 keeps them apart.
	s.add("G3", sc(0), "IMG_0001.jpg", evidence.KindPhoto, testJPEG(t, 900, 20, 20), evidence.Meta{Title: "音乐专用教室"})
	// Names Windows refuses, a device name, a PNG screenshot.
	s.add("R7", sc(1), "screen.png", evidence.KindPhoto, testPNG(t, 1), evidence.Meta{Title: `网络教室 a/b:c*d?"e"<f>|g`})
	s.add("R7", sc(2), "CON.png", evidence.KindPhoto, testPNG(t, 2), evidence.Meta{Title: "CON"})
	s.add("Q3", sc(3), "章程.docx", evidence.KindDocument, testDOCX(t), evidence.Meta{Title: "学校章程：修订稿？"})
	s.add("Q5", sc(4), "设备使用记录.bin", evidence.KindOther, bytes.Repeat([]byte("设备使用记录 0123456789\n"), 200), evidence.Meta{})
	s.add("G11", "", "交流轮岗教师名单.pdf", evidence.KindPDF, testPDF(t, 77, 2), evidence.Meta{Title: "交流轮岗教师名单", Entry: "交流轮岗教师名单"})
	s.add("G15", "", "关爱活动.jpg", evidence.KindPhoto, testJPEG(t, 901, 48, 32), evidence.Meta{Title: "留守儿童关爱活动：" + strings.Repeat("县城关镇第一小学与各乡镇中心学校联合开展的关爱留守儿童主题活动", 3), Caption: "2021年3月，县城关镇"})
	s.add("R1", sc(0), "学历证书.pdf", evidence.KindPDF, testPDF(t, 78, 1), evidence.Meta{})
	if len(s.atts) != 40 {
		t.Fatalf("fixture holds %d attachments, want 40", len(s.atts))
	}
	return s
}
