package archive

// The 照片页 and the pages of attached PDF documents, as one PDF to print
// and bind in 件号 order.

import (
	"bytes"
	"cmp"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io"
	"slices"

	"github.com/jung-kurt/gofpdf"

	"junheng/app/evidence"
)

// Source returns the stored bytes of an attachment by its hash (the
// store's AttachmentData).
type Source func(hash string) ([]byte, error)

// Printed says what PhotoPages put on paper.
type Printed struct {
	Pages    int      // pages written
	Photos   int      // photos placed
	Docs     int      // PDF attachments whose pages were imported
	Problems []string // one Chinese sentence per photo or PDF shown as a placeholder
}

// Photo page geometry, mm. The left margin is the binding edge.
const (
	photoLeft    = 25.0
	photoRight   = 15.0
	photoTop     = stampBottom + 2.5
	photoBottom  = 12.0
	photoGap     = 6.0  // between the two halves
	captionGap   = 2.5  // between a photo and its caption
	captionSize  = 10.5 // pt (五号)
	captionSmall = 9.0  // pt, when a caption is long
	captionMax   = 42.0 // mm: at most this much of a half is caption
	headerSize   = 8.0  // pt, the running title
)

// PhotoPages writes the 照片页 and the attached PDF documents' pages of
// files to w, in 件号 order (the order of the 卷内目录, so that the printout
// is bound as it comes): two photos to an A4 portrait page, each scaled to
// fit its half with its caption under it, and each page of a PDF
// attachment on a page of its own; every page carries its 件号 stamp.
// Consecutive photos of one 卷 share a page (the same pairing Boxes counts
// as one sheet). Other kinds of attachment are not printed. A photo or PDF
// that cannot be embedded gets a placeholder saying so and why, and is
// listed in Printed.Problems; the export goes on. data is called once per
// printed file, in order.
func PhotoPages(w io.Writer, title string, files []evidence.Filed, data Source) (*Printed, error) {
	files = sorted(files)
	s := newSheet(title + " 照片及文件页")
	out := &Printed{}
	imp := newImporter()
	for _, u := range units(files) {
		first := &files[u[0]]
		switch first.Kind {
		case evidence.KindPhoto:
			s.photoPage(title, files, u, data, out)
		case evidence.KindPDF:
			s.documentPages(title, first, data, imp, out)
		}
		if err := s.pdf.Error(); err != nil {
			return out, fmt.Errorf("生成照片及文件页时在件号 %s《%s》处出错，未写出。", first.Code(), first.DisplayTitle())
		}
	}
	if s.pdf.PageCount() == 0 {
		return out, fmt.Errorf("没有可打印的照片或 PDF 文件：照片及文件页未生成。")
	}
	out.Pages = s.pdf.PageCount()
	return out, s.output(w, "照片及文件页 PDF")
}

// sorted is files in 件号 order (卷, then 件), not changing the caller's slice.
func sorted(files []evidence.Filed) []evidence.Filed {
	out := slices.Clone(files)
	slices.SortStableFunc(out, func(a, b evidence.Filed) int {
		return cmp.Or(a.Volume-b.Volume, a.Piece-b.Piece)
	})
	return out
}

// units groups files (in 件号 order) into what is printed together: two
// consecutive photos of one 卷 share a page, every other file stands alone.
// Each unit is a list of indices into files.
func units(files []evidence.Filed) [][]int {
	var out [][]int
	for i := 0; i < len(files); i++ {
		if files[i].Kind == evidence.KindPhoto && i+1 < len(files) &&
			files[i+1].Kind == evidence.KindPhoto && files[i+1].Volume == files[i].Volume {
			out = append(out, []int{i, i + 1})
			i++
			continue
		}
		out = append(out, []int{i})
	}
	return out
}

// runningTitle prints the document's title small at the top left, clear
// of the stamp at the right.
func (s *sheet) runningTitle(title string, stampLeft float64) {
	s.font(false, headerSize)
	w := stampLeft - photoLeft - 5
	s.text(photoLeft, stampTop+1, w, lineH(headerSize), s.fit(title, w), "L")
}

// photoPage prints one page of one or two photos.
func (s *sheet) photoPage(title string, files []evidence.Filed, u []int, data Source, out *Printed) {
	s.pdf.AddPageFormat("P", gofpdf.SizeType{Wd: a4W, Ht: a4H})
	code := files[u[0]].Code()
	if len(u) == 2 {
		code += "、" + files[u[1]].Code()
	}
	s.runningTitle(title, s.stamp(code, ""))
	half := (a4H - photoTop - photoBottom - photoGap) / 2
	for k, i := range u {
		top := photoTop + float64(k)*(half+photoGap)
		s.photo(&files[i], top, half, data, out)
	}
}

// photo prints one photo and its caption in the half of a page starting
// at top, half mm high.
func (s *sheet) photo(f *evidence.Filed, top, half float64, data Source, out *Printed) {
	width := a4W - photoLeft - photoRight
	size := captionSize
	lines := s.caption(f, width, size)
	if float64(len(lines))*lineH(size) > captionMax {
		size = captionSmall
		lines = s.caption(f, width, size)
	}
	if n := int(captionMax / lineH(size)); len(lines) > n {
		// Cut visibly: the whole caption is in the 档案目录 and the file.
		lines = lines[:n]
		last := &lines[n-1]
		s.font(last.bold, size)
		last.text = s.fit(last.text+"……", width-last.indent)
	}
	capH := float64(len(lines)) * lineH(size)
	boxH := half - capH - captionGap
	imgBottom := top + boxH
	name, reason := s.registerPhoto(f, data)
	var iw, ih float64
	if reason == "" {
		info := s.pdf.GetImageInfo(name)
		if iw, ih = info.Width(), info.Height(); !(iw > 0 && ih > 0) {
			reason = "图片宽度或高度为 0"
		}
	}
	if reason == "" {
		scale := min(width/iw, boxH/ih)
		w, h := iw*scale, ih*scale
		x := photoLeft + (width-w)/2
		s.pdf.ImageOptions(name, x, top, w, h, false, gofpdf.ImageOptions{}, 0, "")
		imgBottom = top + h
		out.Photos++
	} else {
		msg := fmt.Sprintf("件号 %s《%s》为照片，无法嵌入（%s），请查阅电子文件 %s。", f.Code(), f.DisplayTitle(), reason, f.Path())
		out.Problems = append(out.Problems, msg)
		s.placeholder(photoLeft, top, width, boxH, msg)
	}
	y := imgBottom + captionGap
	for _, l := range lines {
		s.font(l.bold, size)
		s.text(photoLeft+l.indent, y, width-l.indent, lineH(size), l.text, "L")
		y += lineH(size)
	}
}

// captionLine is one line of a caption, indented under its label.
type captionLine struct {
	text   string
	indent float64
	bold   bool
}

// caption lays out the caption of a photo at size pt in width mm: 件号
// and date, 题名, the clerk's 说明 (时间、地点、人物、事件), and what it
// proves. An empty 说明 says so: the inspectors ask for one.
func (s *sheet) caption(f *evidence.Filed, width, size float64) []captionLine {
	s.font(false, size)
	date := f.Date
	if date == "" {
		date = "未填写"
	}
	note := f.Caption
	if oneLine(note) == "" {
		note = "（未填写时间、地点、人物、事件）"
	}
	proves := f.Item + " " + f.ItemName
	if f.SchoolName != "" {
		proves += "　" + f.SchoolName
	}
	out := []captionLine{{text: "件号：" + f.Code() + "　　日期：" + oneLine(date), bold: true}}
	for _, fl := range [][2]string{{"题名：", f.DisplayTitle()}, {"说明：", note}, {"指标：", proves}} {
		ind := s.measure(fl[0])
		for i, l := range s.wrap(oneLine(fl[1]), width-ind) {
			if i == 0 {
				out = append(out, captionLine{text: fl[0] + l})
				continue
			}
			out = append(out, captionLine{text: l, indent: ind})
		}
	}
	return out
}

// placeholder frames a message where a photo or page would be.
func (s *sheet) placeholder(x, y, w, h float64, msg string) {
	s.pdf.SetDrawColor(128, 128, 128)
	s.pdf.SetDashPattern([]float64{2, 1.5}, 0)
	s.pdf.Rect(x, y, w, h, "D")
	s.pdf.SetDashPattern(nil, 0)
	s.pdf.SetDrawColor(0, 0, 0)
	s.font(true, 12)
	ls := s.wrap(msg, w-16)
	lh := lineH(12)
	top := y + max(6, (h-float64(len(ls))*lh)/2)
	s.lines(x+8, top, w-16, lh, ls, "L")
}

// registerPhoto hands the photo's bytes to gofpdf under its hash and
// returns that name, or a Chinese reason when it cannot be shown. gofpdf
// refuses some valid images (16-bit or interlaced PNG): those are decoded
// and re-encoded once before giving up. The document's error is cleared
// after a refusal, so one bad photo does not spoil the rest.
func (s *sheet) registerPhoto(f *evidence.Filed, data Source) (string, string) {
	name := "photo-" + f.Hash
	if s.pdf.GetImageInfo(name) != nil {
		return name, ""
	}
	b, err := data(f.Hash)
	if err != nil {
		return "", "读取失败：" + err.Error()
	}
	typ := imageType(b)
	if typ == "" {
		return "", "文件内容不是 JPEG 或 PNG 图片"
	}
	if s.tryImage(name, typ, b) {
		return name, ""
	}
	b2, typ2, err := reencode(b)
	if err != nil {
		return "", "图片无法解码：" + err.Error()
	}
	if s.tryImage(name, typ2, b2) {
		return name, ""
	}
	return "", "PDF 库不支持该图片格式"
}

// tryImage registers b under name; false (and the document's error
// cleared) when gofpdf refuses it or fails on it.
func (s *sheet) tryImage(name, typ string, b []byte) (ok bool) {
	defer func() {
		if r := recover(); r != nil { // gofpdf's PNG reader indexes what a broken file claims
			s.pdf.ClearError()
			ok = false
		}
	}()
	s.pdf.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: typ}, bytes.NewReader(b))
	if s.pdf.Err() {
		s.pdf.ClearError()
		return false
	}
	return true
}

// imageType is "JPG" or "PNG" by the file's signature ("" otherwise): the
// content decides, never the name.
func imageType(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}):
		return "JPG"
	case bytes.HasPrefix(b, []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}):
		return "PNG"
	}
	return ""
}

// reencode decodes an image and writes it in a form gofpdf reads: an
// opaque image as JPEG, one with transparency as 8-bit RGBA PNG
// (non-interlaced), so its alpha becomes the PDF's soft mask.
func reencode(b []byte) ([]byte, string, error) {
	// Stored photos are at most MaxPhotoSide px; a header claiming far
	// more would have Decode allocate without limit.
	cfg, _, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return nil, "", err
	}
	if cfg.Width*cfg.Height > 4*evidence.MaxPhotoSide*evidence.MaxPhotoSide {
		return nil, "", fmt.Errorf("图片尺寸 %d×%d 像素过大", cfg.Width, cfg.Height)
	}
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, "", err
	}
	var buf bytes.Buffer
	if opaque(img) {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90})
		return buf.Bytes(), "JPG", err
	}
	rgba := image.NewNRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
	err = png.Encode(&buf, rgba)
	return buf.Bytes(), "PNG", err
}

func opaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}
