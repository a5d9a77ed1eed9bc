package evidence

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand"
	"runtime"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"
)

// Colours painted in corners of test photos; far apart so that JPEG
// loss never confuses them.
var (
	red   = color.RGBA{230, 20, 20, 255}
	green = color.RGBA{20, 210, 20, 255}
	blue  = color.RGBA{20, 20, 230, 255}
	grey  = color.RGBA{128, 128, 128, 255}
)

// cornerPhoto is a w×h grey image with a red top-left, green top-right
// and blue bottom-left block of side s (as stored, before any EXIF turn).
func cornerPhoto(w, h, s int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := grey
			switch {
			case x < s && y < s:
				c = red
			case x >= w-s && y < s:
				c = green
			case x < s && y >= h-s:
				c = blue
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func encodeJPEG(t testing.TB, img image.Image, q int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: q}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// encodePNG writes img fast (large test images would take seconds at
// the default level; the level changes nothing read back).
func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// exifSegment builds an APP1 segment the way a camera writes it: a TIFF
// structure whose IFD0 holds Orientation and a pointer to the Exif IFD,
// which holds DateTimeOriginal ("2024:05:06 10:11:12"). Written here
// from the EXIF 2.3 layout, independently of the parser.
func exifSegment(order binary.ByteOrder, orientation int, taken string) []byte {
	var t bytes.Buffer
	w := func(v any) { _ = binary.Write(&t, order, v) }
	if order == binary.LittleEndian {
		t.WriteString("II")
	} else {
		t.WriteString("MM")
	}
	w(uint16(42))
	w(uint32(8)) // IFD0 right after the header
	// IFD0: 2 entries (2 + 24 bytes) and the next-IFD offset (4): 30 bytes.
	const exifIFD = 8 + 30
	w(uint16(2))
	w(uint16(0x0112)) // Orientation, SHORT, 1 value, left-justified
	w(uint16(3))
	w(uint32(1))
	w(uint16(orientation))
	w(uint16(0))
	w(uint16(0x8769)) // ExifIFDPointer, LONG
	w(uint16(4))
	w(uint32(1))
	w(uint32(exifIFD))
	w(uint32(0))
	// Exif IFD: 1 entry, its string right after (2 + 12 + 4 bytes).
	const dateAt = exifIFD + 18
	w(uint16(1))
	w(uint16(0x9003)) // DateTimeOriginal, ASCII, 20 bytes with the NUL
	w(uint16(2))
	w(uint32(len(taken) + 1))
	w(uint32(dateAt))
	w(uint32(0))
	t.WriteString(taken + "\x00")

	payload := append([]byte("Exif\x00\x00"), t.Bytes()...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	return append(seg, payload...)
}

// withSegment inserts a segment right after a JPEG's SOI marker.
func withSegment(jpg, seg []byte) []byte {
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

// near reports whether two colours are within tol on every channel.
func near(c color.Color, want color.RGBA, tol int) bool {
	r, g, b, _ := c.RGBA()
	d := func(a uint32, b uint8) bool { return abs(int(a>>8)-int(b)) <= tol }
	return d(r, want.R) && d(g, want.G) && d(b, want.B)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func decodeStored(t *testing.T, p *Prepared) image.Image {
	t.Helper()
	img, _, err := image.Decode(bytes.NewReader(p.Data))
	if err != nil {
		t.Fatalf("stored %s does not decode: %v", p.Name, err)
	}
	if b := img.Bounds(); b.Dx() != p.Width || b.Dy() != p.Height {
		t.Fatalf("stored image is %v, Prepared says %d×%d", b, p.Width, p.Height)
	}
	return img
}

func checkThumb(t *testing.T, p *Prepared) {
	t.Helper()
	th, err := jpeg.Decode(bytes.NewReader(p.Thumb))
	if err != nil {
		t.Fatalf("thumbnail does not decode as JPEG: %v", err)
	}
	b := th.Bounds()
	if max(b.Dx(), b.Dy()) != ThumbSide {
		t.Errorf("thumbnail is %v, want %d px on the long side", b, ThumbSide)
	}
	// Same shape as the stored photo, within a pixel of rounding.
	if abs(b.Dx()*p.Height-b.Dy()*p.Width) > max(p.Width, p.Height) {
		t.Errorf("thumbnail %v has not the shape of the photo %d×%d", b, p.Width, p.Height)
	}
}

func checkHash(t *testing.T, p *Prepared) {
	t.Helper()
	sum := sha256.Sum256(p.Data)
	if p.Hash != hex.EncodeToString(sum[:]) {
		t.Errorf("Hash %s is not the SHA-256 of the stored bytes", p.Hash)
	}
}

// The test: a 6000×4000 phone photo lying on its side with EXIF
// Orientation 6 is stored upright, 1333×2000, the stored top-left corner
// at the visual top right (EXIF: row 0 is the visual right side, column 0
// the visual top), with the date it was taken.
func TestPreparePhotoLargeRotated(t *testing.T) {
	src := cornerPhoto(6000, 4000, 600)
	raw := withSegment(encodeJPEG(t, src, 90), exifSegment(binary.BigEndian, 6, "2024:05:06 10:11:12"))
	p, err := Prepare("/home/clerk/DCIM/IMG_2041.JPG", raw)
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != KindPhoto || p.Mime != "image/jpeg" || p.Name != "IMG_2041.JPG" || p.Ext != ".jpg" {
		t.Errorf("got %s %s %q %q, want a JPEG photo IMG_2041.JPG", p.Kind, p.Mime, p.Name, p.Ext)
	}
	if p.Width != 1333 || p.Height != 2000 {
		t.Errorf("stored %d×%d, want upright 1333×2000", p.Width, p.Height)
	}
	if !p.Reduced || p.OriginalSize != int64(len(raw)) || len(p.Data) >= len(raw) {
		t.Errorf("Reduced %v, %d bytes stored of %d (OriginalSize %d)", p.Reduced, len(p.Data), len(raw), p.OriginalSize)
	}
	if p.Taken != "2024-05-06" {
		t.Errorf("Taken %q, want 2024-05-06", p.Taken)
	}
	img := decodeStored(t, p)
	m := 50 // inside the 200-px corner blocks the 600 px become
	corners := map[string]struct {
		x, y int
		want color.RGBA
	}{
		"top right (stored top left)":     {p.Width - m, m, red},
		"bottom right (stored top right)": {p.Width - m, p.Height - m, green},
		"top left (stored bottom left)":   {m, m, blue},
		"bottom left (stored plain)":      {m, p.Height - m, grey},
	}
	for name, c := range corners {
		if got := img.At(c.x, c.y); !near(got, c.want, 40) {
			t.Errorf("%s at (%d,%d) is %v, want %v", name, c.x, c.y, got, c.want)
		}
	}
	checkThumb(t, p)
	checkHash(t, p)
}

// exifSides is EXIF 2.3's table for Orientation: which visual side the
// stored row 0 and column 0 are. Corners are found from it, not from the
// code's formulas.
var exifSides = map[int][2]string{
	1: {"top", "left"}, 2: {"top", "right"}, 3: {"bottom", "right"}, 4: {"bottom", "left"},
	5: {"left", "top"}, 6: {"right", "top"}, 7: {"right", "bottom"}, 8: {"left", "bottom"},
}

var opposite = map[string]string{"top": "bottom", "bottom": "top", "left": "right", "right": "left"}

// cornerAt is the pixel m inside the corner where two sides meet.
func cornerAt(a, b string, w, h, m int) (int, int) {
	x, y := -1, -1
	for _, s := range []string{a, b} {
		switch s {
		case "left":
			x = m
		case "right":
			x = w - 1 - m
		case "top":
			y = m
		case "bottom":
			y = h - 1 - m
		}
	}
	return x, y
}

// Every orientation, both TIFF byte orders, on small photos (kept at
// their size, so only the turn changes them).
func TestPrepareAllOrientations(t *testing.T) {
	const w, h, s = 96, 48, 16
	plain := encodeJPEG(t, cornerPhoto(w, h, s), 95)
	for o := 1; o <= 8; o++ {
		for _, order := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
			t.Run(fmt.Sprintf("%d-%v", o, order), func(t *testing.T) {
				p, err := Prepare("x.jpg", withSegment(plain, exifSegment(order, o, "2023:11:30 08:00:00")))
				if err != nil {
					t.Fatal(err)
				}
				wantW, wantH := w, h
				if o >= 5 {
					wantW, wantH = h, w
				}
				if p.Width != wantW || p.Height != wantH {
					t.Fatalf("stored %d×%d, want %d×%d", p.Width, p.Height, wantW, wantH)
				}
				if p.Taken != "2023-11-30" {
					t.Errorf("Taken %q", p.Taken)
				}
				img := decodeStored(t, p)
				row0, col0 := exifSides[o][0], exifSides[o][1]
				for _, c := range []struct {
					name   string
					a, b   string
					colour color.RGBA
				}{
					{"stored top left", row0, col0, red},
					{"stored top right", row0, opposite[col0], green},
					{"stored bottom left", opposite[row0], col0, blue},
					{"stored bottom right", opposite[row0], opposite[col0], grey},
				} {
					x, y := cornerAt(c.a, c.b, wantW, wantH, s/2)
					if got := img.At(x, y); !near(got, c.colour, 40) {
						t.Errorf("%s should be at the %s %s (%d,%d): found %v, want %v", c.name, c.a, c.b, x, y, got, c.colour)
					}
				}
			})
		}
	}
}

// A small upright JPEG keeps its image data byte for byte; its EXIF
// (which on a phone holds the GPS position), the bytes a phone appends
// after the image (a "motion photo" video) and comments go.
func TestPrepareSmallJPEGKeptWithoutMetadata(t *testing.T) {
	plain := encodeJPEG(t, cornerPhoto(800, 600, 40), 88)
	note := "GPS 31.2,121.4"
	com := append([]byte{0xFF, 0xFE, 0, byte(2 + len(note))}, note...)
	raw := withSegment(withSegment(plain, com), exifSegment(binary.LittleEndian, 1, "2022:09:01 12:00:00"))
	raw = append(raw, "\x00\x00\x00\x18ftypmp42 motion photo video"...)
	p, err := Prepare("small.jpeg", raw)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(p.Data, plain) {
		t.Errorf("stored %d bytes, want the %d bytes of the image without EXIF, comment and trailer", len(p.Data), len(plain))
	}
	if p.Reduced || !p.Stripped || p.Taken != "2022-09-01" || p.Width != 800 || p.Height != 600 || p.Ext != ".jpeg" {
		t.Errorf("Reduced %v Stripped %v Taken %q %d×%d %q", p.Reduced, p.Stripped, p.Taken, p.Width, p.Height, p.Ext)
	}
	checkThumb(t, p)
	checkHash(t, p)

	// Without any metadata the file is stored exactly as chosen.
	p, err = Prepare("plain.jpg", plain)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(p.Data, plain) || p.Stripped || p.Reduced {
		t.Errorf("a JPEG without metadata changed (Stripped %v Reduced %v)", p.Stripped, p.Reduced)
	}
}

// screenshot is white with 1-px black strokes, horizontal and vertical,
// like the letters of a system's table; it returns where they are.
func screenshot(w, h int) (img *image.RGBA, rows, cols []int) {
	img = image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	black := color.RGBA{0, 0, 0, 255}
	for y := 17; y < h; y += 23 {
		rows = append(rows, y)
		for x := 0; x < w; x++ {
			if x%97 < 60 { // words: strokes with gaps
				img.SetRGBA(x, y, black)
			}
		}
	}
	for x := 11; x < w; x += 31 {
		cols = append(cols, x)
		for y := 0; y < h; y++ {
			if y%89 < 50 {
				img.SetRGBA(x, y, black)
			}
		}
	}
	return img, rows, cols
}

// Screenshots are kept byte for byte, a 1920×1080 one and also a
// 2560×1440 one: reducing it would grey its 1-px strokes.
func TestPreparePNGScreenshotKept(t *testing.T) {
	for _, size := range [][2]int{{1920, 1080}, {2560, 1440}, {1080, 2400}} {
		img, _, _ := screenshot(size[0], size[1])
		raw := encodePNG(t, img)
		p, err := Prepare("截图.png", raw)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(p.Data, raw) || p.Reduced || p.Kind != KindPhoto || p.Mime != "image/png" || p.Width != size[0] || p.Height != size[1] {
			t.Errorf("%v: identical %v, Reduced %v, %s %s %d×%d", size, bytes.Equal(p.Data, raw), p.Reduced, p.Kind, p.Mime, p.Width, p.Height)
		}
		checkThumb(t, p)
		checkHash(t, p)
	}
}

// A photo saved as PNG (noisy: more than a byte a pixel) is reduced like
// any photo, and stays PNG; its colours stay.
func TestPreparePNGPhotoScaled(t *testing.T) {
	const w, h = 2560, 1440
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewSource(5))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = uint8(150+r.Intn(60)), uint8(60+r.Intn(60)), uint8(r.Intn(60)), 255
	}
	p, err := Prepare("相机.png", encodePNG(t, img))
	if err != nil {
		t.Fatal(err)
	}
	if p.Mime != "image/png" || p.Width != 2000 || p.Height != 1125 || !p.Reduced || !bytes.HasPrefix(p.Data, magicPNG) {
		t.Fatalf("got %s %d×%d Reduced %v, want PNG 2000×1125", p.Mime, p.Width, p.Height, p.Reduced)
	}
	out := decodeStored(t, p)
	var sum [3]int
	for y := 0; y < p.Height; y++ {
		for x := 0; x < p.Width; x++ {
			c := color.RGBAModel.Convert(out.At(x, y)).(color.RGBA)
			sum[0], sum[1], sum[2] = sum[0]+int(c.R), sum[1]+int(c.G), sum[2]+int(c.B)
		}
	}
	n := p.Width * p.Height
	if m := [3]int{sum[0] / n, sum[1] / n, sum[2] / n}; abs(m[0]-180) > 3 || abs(m[1]-90) > 3 || abs(m[2]-30) > 3 {
		t.Errorf("mean colour became %v, want about [180 90 30]", m)
	}
	checkThumb(t, p)
}

// A screenshot of more than 16 megapixels (6000×4000) is reduced to 16,
// still PNG, and its strokes stay visible: along every drawn line the
// darkest stored pixel near it is below 150 of 255 (a stroke can fall
// between two stored pixels and share itself), the page stays white.
func TestPrepareHugeScreenshotScaled(t *testing.T) {
	const w, h = 6000, 4000
	img, rows, cols := screenshot(w, h)
	p, err := Prepare("大屏截图.png", encodePNG(t, img))
	if err != nil {
		t.Fatal(err)
	}
	if p.Mime != "image/png" || !p.Reduced || p.Width*p.Height > 4096*4096 || p.Width*p.Height < 4000*4000 || abs(p.Width*h-p.Height*w) > w {
		t.Fatalf("got %s %d×%d Reduced %v, want a PNG of 16 megapixels in the shape 3:2", p.Mime, p.Width, p.Height, p.Reduced)
	}
	out := decodeStored(t, p)
	gray := func(x, y int) int { r, _, _, _ := out.At(x, y).RGBA(); return int(r >> 8) }
	darkest := func(x0, x1, y0, y1 int) int {
		d := 255
		for y := max(y0, 0); y <= min(y1, p.Height-1); y++ {
			for x := max(x0, 0); x <= min(x1, p.Width-1); x++ {
				d = min(d, gray(x, y))
			}
		}
		return d
	}
	k := float64(p.Width) / w
	worst := 0
	for _, y := range rows {
		sy := int((float64(y) + 0.5) * k)
		for x := 25; x < 55; x += 7 { // inside the first word, clear of the columns
			worst = max(worst, darkest(int(float64(x)*k), int(float64(x)*k), sy-1, sy+1))
		}
	}
	for _, x := range cols {
		sx := int((float64(x) + 0.5) * k)
		for y := 22; y < 45; y += 5 {
			worst = max(worst, darkest(sx-1, sx+1, int(float64(y)*k), int(float64(y)*k)))
		}
	}
	if worst >= 150 {
		t.Errorf("a 1-px stroke became pale: darkest pixel near it is %d of 255", worst)
	}
	if g := gray(int(70*k), int(5*k)); g < 230 {
		t.Errorf("white background became %d", g)
	}
	t.Logf("%d×%d, palest stroke: %d of 255", p.Width, p.Height, worst)
}

// A long screenshot saved as JPEG (phones do) stays readable: reduced to
// 1000 px across, not to 2000 px long (which would be 309 px across).
func TestPrepareLongScreenshotJPEG(t *testing.T) {
	img, _, _ := screenshot(1080, 7000)
	p, err := Prepare("长截图.jpg", encodeJPEG(t, img, 90))
	if err != nil {
		t.Fatal(err)
	}
	if p.Width != 1000 || p.Height != 6481 || !p.Reduced {
		t.Errorf("stored %d×%d, want 1000×6481", p.Width, p.Height)
	}
	decodeStored(t, p)
	checkThumb(t, p)
}

// Stored sizes of common pictures, worked out by hand.
func TestPhotoSize(t *testing.T) {
	for _, c := range [][4]int{
		{6000, 4000, 2000, 1333}, // 24 MP camera
		{4000, 3000, 2000, 1500}, // 12 MP phone
		{3024, 4032, 1500, 2000}, // iPhone, upright
		{1920, 1080, 1920, 1080}, // small enough
		{1080, 7000, 1000, 6481}, // long screenshot: 1000 across
		{12000, 3000, 4000, 1000},
		{3000, 1000, 3000, 1000}, // panorama no higher than 1000: kept
		{20000, 20000, 2000, 2000},
		{1, 50000, 1, 50000}, // a 1-px line is not made thinner
	} {
		if w, h := photoSize(c[0], c[1]); w != c[2] || h != c[3] {
			t.Errorf("%d×%d stored as %d×%d, want %d×%d", c[0], c[1], w, h, c[2], c[3])
		}
	}
}

func refusal(t *testing.T, err error, name string, words ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s was not refused", name)
	}
	msg := err.Error()
	if !strings.Contains(msg, "「"+name+"」") {
		t.Errorf("refusal %q does not name %s", msg, name)
	}
	for _, w := range words {
		if !strings.Contains(msg, w) {
			t.Errorf("refusal %q does not say %q", msg, w)
		}
	}
	// No library English: only the file name, JPG/PNG/PDF/MB and formats.
	rest := strings.NewReplacer(name, "", "JPG", "", "PNG", "", "PDF", "", "MB", "", "WebP", "", "HEIC", "").Replace(msg)
	if strings.ContainsAny(rest, "abcdefghijklmnopqrstuvwxyz") {
		t.Errorf("refusal %q has English in it", msg)
	}
}

func TestPrepareTruncatedJPEGRefused(t *testing.T) {
	raw := encodeJPEG(t, cornerPhoto(640, 480, 20), 90)
	_, err := Prepare("照片 1.jpg", raw[:len(raw)/2])
	refusal(t, err, "照片 1.jpg", "无法读取", "损坏")
}

// pngHeader is the signature and IHDR of a w×h RGBA PNG, IEND after it:
// a few dozen bytes that claim any size.
func pngHeader(w, h uint32) []byte {
	chunk := func(typ string, data []byte) []byte {
		out := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
		body := append([]byte(typ), data...)
		out = append(out, body...)
		return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(body))
	}
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 6, 0, 0, 0)
	out := append([]byte{}, magicPNG...)
	out = append(out, chunk("IHDR", ihdr)...)
	return append(out, chunk("IEND", nil)...)
}

// A 60000×60000 PNG header (14 GB once decoded) is refused from the
// header alone: attaching it allocates next to nothing.
func TestPrepareHugePNGRefusedWithoutAllocating(t *testing.T) {
	raw := pngHeader(60000, 60000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Prepare("bomb.png", raw)
	runtime.ReadMemStats(&after)
	refusal(t, err, "bomb.png", "60000×60000", "1 亿像素", "缩小")
	if d := after.TotalAlloc - before.TotalAlloc; d > 1<<20 {
		t.Errorf("refusing allocated %d bytes", d)
	}
}

// A header that decodes but data that do not: refused, not stored.
func TestPrepareBrokenPNGRefused(t *testing.T) {
	_, err := Prepare("x.png", pngHeader(100, 100))
	refusal(t, err, "x.png", "无法读取")
}

func TestPrepareEmptyAndTooLargeRefused(t *testing.T) {
	_, err := Prepare("a/空.pdf", nil)
	refusal(t, err, "空.pdf", "空的")
	_, err = Prepare("录像.mp4", make([]byte, MaxFileBytes+1))
	refusal(t, err, "录像.mp4", "上限", "50 MB")
}

// A file named as a photo or a PDF that is something else is kept byte
// for byte as the other file it is, and the clerk is told, in Chinese,
// what it really is when known.
func TestPrepareMisnamedKeptAsOther(t *testing.T) {
	webp := append([]byte("RIFF\x24\x00\x00\x00WEBPVP8 "), make([]byte, 40)...)
	for _, c := range []struct {
		name  string
		raw   []byte
		kind  Kind
		words []string
	}{
		{"微信图片_2024.jpg", webp, KindOther, []string{"WebP", "其他文件", "另存为"}},
		{"报告.pdf", []byte("这不是 PDF，只是文字。"), KindOther, []string{"文本文件", "其他文件"}},
	} {
		p, err := Prepare(c.name, c.raw)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if p.Kind != c.kind || !bytes.Equal(p.Data, c.raw) || p.Thumb != nil {
			t.Errorf("%s: kept as %s, identical %v", c.name, p.Kind, bytes.Equal(p.Data, c.raw))
		}
		refusal(t, errors.New(p.Notice), c.name, c.words...)
	}
	// A PDF is a PDF whatever its name says, and gets its extension.
	p, err := Prepare("scan.png", pdfDoc(t, 2))
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != KindPDF || p.Pages != 2 || p.Name != "scan.pdf" || p.Ext != ".pdf" || p.Notice != "" {
		t.Errorf("PDF named scan.png: %s %d pages %q %q notice %q", p.Kind, p.Pages, p.Name, p.Ext, p.Notice)
	}
	p, err = Prepare("正常.jpg", encodeJPEG(t, cornerPhoto(64, 48, 8), 80))
	if err != nil {
		t.Fatal(err)
	}
	if p.Notice != "" {
		t.Errorf("a real JPEG has notice %q", p.Notice)
	}
}

// A PNG named ".jpg" is stored as the PNG it is, under a ".png" name.
func TestPreparePNGNamedJPG(t *testing.T) {
	img, _, _ := screenshot(300, 200)
	raw := encodePNG(t, img)
	p, err := Prepare("会议.jpg", raw)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "会议.png" || p.Ext != ".png" || p.Mime != "image/png" || !bytes.Equal(p.Data, raw) {
		t.Errorf("got %q %q %s, identical %v", p.Name, p.Ext, p.Mime, bytes.Equal(p.Data, raw))
	}
}

// pdfDoc is a PDF of n pages written by gofpdf (as the dossier does).
func pdfDoc(t testing.TB, n int) []byte {
	t.Helper()
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetFont("Helvetica", "", 12)
	for i := 1; i <= n; i++ {
		pdf.AddPage()
		pdf.Cell(40, 10, fmt.Sprintf("page %d", i))
	}
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestPreparePDFPages(t *testing.T) {
	for _, n := range []int{1, 3, 12} {
		raw := pdfDoc(t, n)
		p, err := Prepare("通知.pdf", raw)
		if err != nil {
			t.Fatal(err)
		}
		if p.Kind != KindPDF || p.Mime != "application/pdf" || p.Pages != n || !bytes.Equal(p.Data, raw) || p.Thumb != nil {
			t.Errorf("%d pages: got %s %s %d pages, identical %v", n, p.Kind, p.Mime, p.Pages, bytes.Equal(p.Data, raw))
		}
		checkHash(t, p)
	}
}

// objStmPDF is a PDF 1.5 whose page tree sits in a compressed object
// stream (as Word and WPS write): a root /Pages of /Count 5 over two
// intermediate nodes, and five /Page objects.
func objStmPDF(t *testing.T) []byte {
	objs := []string{
		"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 5 >>",
		"<< /Type /Pages /Parent 2 0 R /Kids [5 0 R 6 0 R 7 0 R] /Count 3 >>",
		"<< /Type /Pages /Parent 2 0 R /Kids [8 0 R 9 0 R] /Count 2 >>",
	}
	for i := 0; i < 5; i++ {
		objs = append(objs, "<< /Group << /Type /Group /S /Transparency >> /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] >>")
	}
	var head, body strings.Builder
	for i, o := range objs {
		fmt.Fprintf(&head, "%d %d ", i+2, body.Len())
		body.WriteString(o + "\n")
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write([]byte(head.String() + body.String()))
	zw.Close()
	var f bytes.Buffer
	f.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
	fmt.Fprintf(&f, "10 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n", len(objs), head.Len(), z.Len())
	f.Write(z.Bytes())
	f.WriteString("\nendstream\nendobj\nstartxref\n0\n%%EOF\n")
	return f.Bytes()
}

func TestPreparePDFPagesInObjectStream(t *testing.T) {
	p, err := Prepare("word.pdf", objStmPDF(t))
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != KindPDF || p.Pages != 5 {
		t.Errorf("got %s with %d pages, want a PDF of 5", p.Kind, p.Pages)
	}
}

func zipOf(t *testing.T, names ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("<x/>"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Office files are told by content: a DOCX by its word/ entries whatever
// it is called, an XLSX by xl/; an OLE file (DOC, XLS, WPS, ET, or an
// encrypted DOCX) by its extension. All kept byte for byte.
func TestPrepareOfficeKinds(t *testing.T) {
	ole := append(append([]byte{}, magicOLE...), make([]byte, 504)...)
	cases := []struct {
		name string
		raw  []byte
		kind Kind
		mime string
	}{
		{"方案.docx", zipOf(t, "[Content_Types].xml", "word/document.xml"), KindDocument, mimeDOCX},
		{"方案（下载）", zipOf(t, "[Content_Types].xml", "word/document.xml"), KindDocument, mimeDOCX},
		{"台账.xlsx", zipOf(t, "[Content_Types].xml", "xl/workbook.xml"), KindSheet, mimeXLSX},
		{"照片包.zip", zipOf(t, "a.jpg", "b.jpg"), KindOther, "application/zip"},
		{"旧方案.doc", ole, KindDocument, "application/msword"},
		{"旧方案.wps", ole, KindDocument, "application/vnd.ms-works"},
		{"加密.docx", ole, KindDocument, "application/msword"},
		{"旧台账.xls", ole, KindSheet, "application/vnd.ms-excel"},
		{"旧台账.et", ole, KindSheet, "application/vnd.ms-excel"},
		{"演示.ppt", ole, KindOther, "application/x-ole-storage"},
	}
	for _, c := range cases {
		p, err := Prepare(c.name, c.raw)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if p.Kind != c.kind || p.Mime != c.mime || !bytes.Equal(p.Data, c.raw) || p.Reduced || p.Thumb != nil {
			t.Errorf("%s: got %s %s, identical %v", c.name, p.Kind, p.Mime, bytes.Equal(p.Data, c.raw))
		}
	}
}

// Anything else is an opaque file, kept byte for byte.
func TestPrepareRandomBytesKept(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	raw := make([]byte, 100_000)
	r.Read(raw)
	raw[0] = 0x42 // not by chance a JPEG's 0xFF
	p, err := Prepare("录音.amr", raw)
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != KindOther || p.Mime != "application/octet-stream" || !bytes.Equal(p.Data, raw) || p.Name != "录音.amr" || p.Ext != ".amr" || p.OriginalSize != 100_000 {
		t.Errorf("got %s %s %q %q, identical %v", p.Kind, p.Mime, p.Name, p.Ext, bytes.Equal(p.Data, raw))
	}
	checkHash(t, p)
}

// EXIF readers meet every kind of damage: a truncated or lying block
// gives "upright, no date", never a panic or a wrong date.
func TestParseTIFFDamaged(t *testing.T) {
	good := exifSegment(binary.BigEndian, 6, "2024:05:06 10:11:12")[10:]
	if got := parseTIFF(good); got.orientation != 6 || got.taken != "2024-05-06" {
		t.Fatalf("good block read as %+v", got)
	}
	for n := 0; n < len(good); n++ {
		got := parseTIFF(good[:n])
		if got.orientation != 1 && got.orientation != 6 || got.taken != "" && got.taken != "2024-05-06" {
			t.Errorf("cut at %d: %+v", n, got)
		}
	}
	for _, bad := range []string{"0000:00:00 00:00:00", "2024:13:01 00:00:00", "2024:02:30 00:00:00", "garbage"} {
		if got := parseTIFF(exifSegment(binary.LittleEndian, 9, bad)[10:]); got.taken != "" || got.orientation != 1 {
			t.Errorf("%q, orientation 9 read as %+v", bad, got)
		}
	}
}

// FuzzPrepare: any bytes under any of the names that change the path
// taken never panic, and whatever is accepted is consistent.
func FuzzPrepare(f *testing.F) {
	small := encodeJPEG(f, cornerPhoto(40, 30, 8), 80)
	f.Add(small, uint8(0))
	f.Add(withSegment(small, exifSegment(binary.LittleEndian, 8, "2020:01:02 03:04:05")), uint8(0))
	f.Add(encodePNG(f, cornerPhoto(30, 20, 4)), uint8(1))
	f.Add(pdfDoc(f, 2), uint8(2))
	f.Add([]byte("%PDF-1.5\n1 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >> stream\nx\x9c"), uint8(2))
	f.Add(append(append([]byte{}, magicOLE...), 1, 2, 3), uint8(3))
	f.Add([]byte("PK\x03\x04broken"), uint8(3))
	names := []string{"f.jpg", "f.png", "f.pdf", "f.doc", "f"}
	f.Fuzz(func(t *testing.T, raw []byte, which uint8) {
		// Keep each run small: a header may honestly claim up to
		// MaxPhotoPixels, and decoding that is slow, not wrong.
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(raw)); err == nil && cfg.Width*cfg.Height > 1<<20 {
			t.Skip()
		}
		name := names[int(which)%len(names)]
		p, err := Prepare(name, raw)
		if err != nil {
			if strings.ContainsAny(strings.ReplaceAll(err.Error(), name, ""), "abcdefghijklmnopqrstuvwxyz") &&
				!strings.Contains(err.Error(), "JPG") && !strings.Contains(err.Error(), "PDF") {
				t.Errorf("English in %q", err)
			}
			return
		}
		sum := sha256.Sum256(p.Data)
		if p.Hash != hex.EncodeToString(sum[:]) || p.OriginalSize != int64(len(raw)) || p.Pages < 0 {
			t.Errorf("inconsistent %+v", p)
		}
		if p.Kind == KindPhoto {
			if p.Width < 1 || p.Height < 1 || max(p.Width, p.Height) > MaxPhotoSide || len(p.Thumb) == 0 {
				t.Errorf("photo %d×%d, thumb %d bytes", p.Width, p.Height, len(p.Thumb))
			}
		} else if !bytes.Equal(p.Data, raw) {
			t.Errorf("%s not kept byte for byte", p.Kind)
		}
	})
}
