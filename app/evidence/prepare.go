package evidence

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"math"
	"path/filepath"
	"slices"
	"strings"
)

// Prepared is a file made ready to store: photos reduced and turned
// upright, the kind read from the content, the hash of what is stored.
//
// For a photo and a PDF, Ext (and Name's extension) follow the content
// (see nameAs).
type Prepared struct {
	Name         string // base name as chosen
	Ext          string // lower case, with its dot
	Kind         Kind
	Mime         string
	Data         []byte // what is stored
	Thumb        []byte // JPEG thumbnail for photos (nil otherwise)
	Width        int
	Height       int
	Pages        int    // PDF pages (0 = unknown)
	Hash         string // SHA-256 hex of Data
	OriginalSize int64
	Reduced      bool   // the photo was scaled down or re-encoded
	Taken        string // photos: date taken from EXIF (YYYY-MM-DD), "" if none
	Stripped     bool   // a JPEG kept without re-encoding lost its metadata (EXIF, GPS position)
	Notice       string // Chinese, for the clerk: a decision worth knowing ("" = none), see misnamedNotice
}

// MaxPhotoPixels refuses images whose header claims more pixels: decoding
// one costs 1.5–8 bytes a pixel, and a file of a few kilobytes can claim
// 65535×65535 (a "decompression bomb"). 100 million is twice the largest
// common phone photo (48–50 MP) and needs at most ~800 MB while decoding.
const MaxPhotoPixels = 100_000_000

// Quality of stored photos and thumbnails (JPEG): 85 shows no visible
// loss at 2000 px; thumbnails are only looked at small.
const (
	photoQuality = 85
	thumbQuality = 80
)

// Prepare reads a file chosen by the clerk and decides from its content
// what it is (sniff) and how it is stored:
//   - a JPEG is reduced to MaxPhotoSide px on the long side and turned
//     upright by its EXIF orientation, then stored at quality 85; one that
//     is small enough and already upright is kept as it is, only without
//     its metadata (the GPS position of a phone photo does not travel);
//   - a PNG stays PNG, lossless: a screenshot (isScreenshot) is kept byte
//     for byte up to 16 megapixels, any other PNG up to MaxPhotoSide;
//     larger ones are scaled down;
//   - a long screenshot or a panorama keeps at least minShortSide px
//     across (see photoSize);
//   - every other file is kept byte for byte; a PDF's pages are counted.
//
// Refused, in Chinese naming the file: an empty file, one past
// MaxFileBytes, a JPEG or PNG that does not decode or claims more than
// MaxPhotoPixels. A file named as a photo (.jpg, .png) or a PDF that is
// something else is kept as the other file it is, with a Notice.
func Prepare(name string, raw []byte) (*Prepared, error) {
	base := filepath.Base(name)
	if len(raw) == 0 {
		return nil, fmt.Errorf("文件「%s」是空的（0 字节），未添加。", base)
	}
	if err := TooBig(base, int64(len(raw))); err != nil {
		return nil, err
	}
	ext := strings.ToLower(filepath.Ext(base))
	s := sniff(raw, ext)
	p := &Prepared{Name: base, Ext: ext, Kind: s.kind, Mime: s.mime, Data: raw, OriginalSize: int64(len(raw))}
	switch {
	case s.kind == KindPhoto:
		if err := preparePhoto(p, raw); err != nil {
			return nil, err
		}
	case s.kind == KindPDF:
		p.Pages = pdfPages(raw)
		nameAs(p, ".pdf")
	case photoExts[ext] || ext == ".pdf":
		p.Notice = misnamedNotice(base, ext, s)
	}
	sum := sha256.Sum256(p.Data)
	p.Hash = hex.EncodeToString(sum[:])
	return p, nil
}

// misnamedNotice is what the clerk is told of a file whose name says
// photo or PDF but whose content is not: it is kept, byte for byte, as
// the other file it is (the kind always follows the content), and the
// sentence says why it has no thumbnail and stays out of the photo pages
// and the archive PDF. Refusing it instead would block the clerk over a
// file that is still evidence (a WebP or HEIC saved as ".jpg", as chat
// tools and phones do), and nothing is lost: it is never run, only ever
// opened by the system's viewer on the clerk's click.
func misnamedNotice(base, ext string, s sniffed) string {
	what, into := "照片", "JPG 或 PNG"
	if ext == ".pdf" {
		what, into = "PDF 文件", "PDF"
	}
	return fmt.Sprintf("「%s」按扩展名应是%s，内容却是%s（不是 %s），已作为其他文件原样保存：没有缩略图，也不进照片页和档案 PDF。如需要，请用能打开它的软件另存为 %s 后重新添加。",
		base, spaced(what), spaced(s.format), into, into)
}

// spaced puts a space before words that start in Latin letters, as
// Chinese text sets them ("是 PDF 文件", "是视频").
func spaced(s string) string {
	if s != "" && s[0] < 0x80 {
		return " " + s
	}
	return s
}

// preparePhoto fills p for a JPEG or PNG: stored bytes, size, thumbnail,
// date taken.
func preparePhoto(p *Prepared, raw []byte) error {
	unreadable := fmt.Errorf("照片「%s」无法读取（文件可能已损坏，或是本程序不支持的格式），未添加。请用看图软件打开确认，另存为 JPG 后再添加。", p.Name)
	cfg, format, err := image.DecodeConfig(bytes.NewReader(raw))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return unreadable
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPhotoPixels {
		return fmt.Errorf("照片「%s」有 %d×%d 像素，超过 %g 亿像素的上限（读取它要占用过多内存），未添加。请先用看图软件缩小（例如长边 %d 像素）再添加。",
			p.Name, cfg.Width, cfg.Height, MaxPhotoPixels/1e8, MaxPhotoSide)
	}
	w, h := photoSize(cfg.Width, cfg.Height)
	if format == "png" && isScreenshot(len(raw), cfg.Width, cfg.Height) {
		w, h = scaleBy(cfg.Width, cfg.Height, math.Sqrt(maxStoredPixels/(float64(cfg.Width)*float64(cfg.Height))))
	}
	scaled := w != cfg.Width || h != cfg.Height
	var img image.Image
	if format == "jpeg" {
		info := jpegExif(raw)
		p.Taken = info.taken
		img, err = prepareJPEG(p, raw, w, h, scaled, info.orientation)
	} else {
		img, err = preparePNG(p, raw, w, h, scaled)
	}
	if err != nil {
		return unreadable
	}
	b := img.Bounds()
	p.Width, p.Height = b.Dx(), b.Dy()
	p.Thumb, err = thumbnail(img)
	if err != nil {
		return unreadable
	}
	if format == "jpeg" {
		nameAs(p, ".jpg", ".jpeg", ".jpe", ".jfif")
	} else {
		nameAs(p, ".png")
	}
	return nil
}

// nameAs gives a photo or a PDF the extension of its content (the first
// of exts) unless it has one of them: a PNG named "x.jpg" is stored as
// "x.png", a PDF saved without extension as "x.pdf", so that a copy
// exported or opened gets the program the system picks by extension.
func nameAs(p *Prepared, exts ...string) {
	if slices.Contains(exts, p.Ext) {
		return
	}
	p.Name = strings.TrimSuffix(p.Name, filepath.Ext(p.Name)) + exts[0]
	p.Ext = exts[0]
}

// prepareJPEG stores the JPEG upright within w×h. Kept without
// re-encoding (only its metadata stripped) when already small and
// upright: decoding and encoding again would lose a little for nothing.
// It returns the stored image, for the thumbnail.
func prepareJPEG(p *Prepared, raw []byte, w, h int, scaled bool, orientation int) (image.Image, error) {
	if !scaled && orientation == 1 {
		if out, ok := stripJPEGMetadata(raw); ok {
			if img, err := jpeg.Decode(bytes.NewReader(out)); err == nil {
				p.Data, p.Stripped = out, len(out) != len(raw)
				return img, nil
			}
		}
	}
	src, err := jpeg.Decode(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	img := reduce(src, w, h, orientation)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: photoQuality}); err != nil {
		return nil, err
	}
	p.Data, p.Reduced = buf.Bytes(), true
	return img, nil
}

// isScreenshot: a PNG of less than one byte a pixel is mostly flat
// colour: a screenshot, a chart, a scanned table, not a photo (which
// takes 1.5–3 bytes a pixel as PNG). Its text is strokes 1 px wide, and
// reducing it by any factor spreads a stroke over two pixels that no
// filter can keep dark (2560→2000 px with draw.CatmullRom: a black
// stroke becomes 143 of 255 where it falls between two pixels; an
// unsharp mask darkens it but pales strokes near a crossing, and Chinese
// characters are all crossings). So a screenshot is kept
// byte for byte up to maxStoredPixels (a 4K screen, a long scrolled
// capture), and only larger ones are reduced, to maxStoredPixels.
func isScreenshot(size, w, h int) bool { return int64(size) < int64(w)*int64(h) }

// preparePNG keeps a PNG byte for byte when it needs no reducing (its
// text stays as sharp as it was) and scales a larger one down, still PNG.
func preparePNG(p *Prepared, raw []byte, w, h int, scaled bool) (image.Image, error) {
	src, err := png.Decode(bytes.NewReader(raw))
	if err != nil || !scaled {
		return src, err
	}
	img := reduce(src, w, h, 1)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	p.Data, p.Reduced = buf.Bytes(), true
	return img, nil
}

// thumbnail is img reduced to ThumbSide px on the long side, on white
// where it is transparent, as a JPEG.
func thumbnail(img image.Image) ([]byte, error) {
	b := img.Bounds()
	w, h := fit(b.Dx(), b.Dy(), ThumbSide)
	t := reduce(img, w, h, 1)
	if m, ok := t.(*image.RGBA); ok {
		for i := 0; i+3 < len(m.Pix); i += 4 {
			white := 255 - m.Pix[i+3] // premultiplied: adding white below is c + (255-a)
			m.Pix[i] += white
			m.Pix[i+1] += white
			m.Pix[i+2] += white
			m.Pix[i+3] = 255
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, t, &jpeg.Options{Quality: thumbQuality}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
