package evidence

import (
	"image"
	"math"

	"image/draw"
)

// Photos are reduced by area averaging (each stored pixel is the mean of
// the source pixels it covers) on the decoded planes themselves: for a
// JPEG the Y, Cb and Cr planes, so no colour conversion happens before
// re-encoding. Measured on a 2-core machine (BenchmarkReduce), a
// 4000×3000 photo takes 60–70 ms and 5 MB this way against 0.5–0.7 s
// and 200 MB of scratch memory with draw.CatmullRom, or ~100 ms with
// draw.ApproxBiLinear, which blends the 4 nearest source pixels however
// many a stored pixel covers (9 at 3:1) and so aliases fine texture (a
// brick wall, a fence, text on a board). On a 1-px stroke the two differ
// little: reduced 2560→2000 px the darkest pixel of a stroke falling
// between two is 155 of 255 averaged, 143 with CatmullRom, which is why
// screenshots are not reduced at all below 16 megapixels (isScreenshot).

// plane is one 8-bit image plane of c interleaved channels.
type plane struct {
	pix    []byte
	w, h   int
	stride int
	c      int
}

func newPlane(w, h, c int) plane {
	return plane{pix: make([]byte, w*h*c), w: w, h: h, stride: w * c, c: c}
}

// span is the source pixels one stored pixel covers and their weights.
type span struct {
	first int
	w     []float32
}

// areaSpans maps n source pixels onto m ≤ n stored ones.
func areaSpans(n, m int) []span {
	scale := float64(n) / float64(m)
	out := make([]span, m)
	for i := range out {
		a, b := float64(i)*scale, float64(i+1)*scale
		first := int(a)
		last := min(int(math.Ceil(b)), n)
		sp := span{first: first}
		for j := first; j < last; j++ {
			cover := math.Min(b, float64(j+1)) - math.Max(a, float64(j))
			sp.w = append(sp.w, float32(cover/scale))
		}
		out[i] = sp
	}
	return out
}

// resample reduces p to w×h (each at most p's) by area averaging.
func (p plane) resample(w, h int) plane {
	out := newPlane(w, h, p.c)
	xs, ys := areaSpans(p.w, w), areaSpans(p.h, h)
	row := make([]float32, w*p.c) // one source row, reduced in width
	acc := make([]float32, w*p.c)
	for dy, sy := range ys {
		clear(acc)
		for k, wy := range sy.w {
			src := p.pix[(sy.first+k)*p.stride:]
			p.reduceRow(row, src, xs)
			for i, v := range row {
				acc[i] += wy * v
			}
		}
		dst := out.pix[dy*out.stride:]
		for i, v := range acc {
			dst[i] = uint8(min(max(v+0.5, 0), 255))
		}
	}
	return out
}

// reduceRow averages one source row into row by the spans xs.
func (p plane) reduceRow(row []float32, src []byte, xs []span) {
	c := p.c
	for dx, sx := range xs {
		for ch := 0; ch < c; ch++ {
			var s float32
			at := sx.first*c + ch
			for _, wx := range sx.w {
				s += wx * float32(src[at])
				at += c
			}
			row[dx*c+ch] = s
		}
	}
}

// orient turns p as EXIF orientation o says (1–8, TIFF 6.0 / EXIF 2.3):
// the stored row 0 and column 0 become the visual sides named there.
func (p plane) orient(o int) plane {
	if o < 2 || o > 8 {
		return p
	}
	w, h := p.w, p.h
	if o >= 5 {
		w, h = h, w
	}
	out := newPlane(w, h, p.c)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var sx, sy int
			switch o {
			case 2: // mirrored left to right
				sx, sy = p.w-1-x, y
			case 3: // upside down
				sx, sy = p.w-1-x, p.h-1-y
			case 4: // mirrored top to bottom
				sx, sy = x, p.h-1-y
			case 5: // transposed
				sx, sy = y, x
			case 6: // needs a quarter turn clockwise
				sx, sy = y, p.h-1-x
			case 7: // transverse
				sx, sy = p.w-1-y, p.h-1-x
			case 8: // needs a quarter turn anticlockwise
				sx, sy = p.w-1-y, x
			}
			copy(out.pix[y*out.stride+x*p.c:][:p.c], p.pix[sy*p.stride+sx*p.c:][:p.c])
		}
	}
	return out
}

// reduce returns img at w×h (at most its size) turned upright by EXIF
// orientation o; w×h are the sizes before turning. A JPEG's YCbCr stays
// YCbCr (always 4:2:0, so that quarter turns keep a valid layout), gray
// stays gray, anything else becomes RGBA.
func reduce(img image.Image, w, h, o int) image.Image {
	switch m := img.(type) {
	case *image.YCbCr:
		if cw, ch, ok := chromaSize(m); ok {
			y := plane{m.Y, m.Rect.Dx(), m.Rect.Dy(), m.YStride, 1}.resample(w, h).orient(o)
			cb := plane{m.Cb, cw, ch, m.CStride, 1}.resample((w+1)/2, (h+1)/2).orient(o)
			cr := plane{m.Cr, cw, ch, m.CStride, 1}.resample((w+1)/2, (h+1)/2).orient(o)
			return &image.YCbCr{Y: y.pix, Cb: cb.pix, Cr: cr.pix, YStride: y.stride, CStride: cb.stride,
				SubsampleRatio: image.YCbCrSubsampleRatio420, Rect: image.Rect(0, 0, y.w, y.h)}
		}
	case *image.Gray:
		if m.Rect.Min == (image.Point{}) {
			g := plane{m.Pix, m.Rect.Dx(), m.Rect.Dy(), m.Stride, 1}.resample(w, h).orient(o)
			return &image.Gray{Pix: g.pix, Stride: g.stride, Rect: image.Rect(0, 0, g.w, g.h)}
		}
	}
	rgba := toRGBA(img)
	r := plane{rgba.Pix, rgba.Rect.Dx(), rgba.Rect.Dy(), rgba.Stride, 4}.resample(w, h).orient(o)
	return &image.RGBA{Pix: r.pix, Stride: r.stride, Rect: image.Rect(0, 0, r.w, r.h)}
}

// chromaSize is the size of a YCbCr image's chroma planes; ok is false
// for an image not at the origin (never so for a decoded file).
func chromaSize(m *image.YCbCr) (cw, ch int, ok bool) {
	if m.Rect.Min != (image.Point{}) {
		return 0, 0, false
	}
	w, h := m.Rect.Dx(), m.Rect.Dy()
	switch m.SubsampleRatio {
	case image.YCbCrSubsampleRatio444:
		return w, h, true
	case image.YCbCrSubsampleRatio422:
		return (w + 1) / 2, h, true
	case image.YCbCrSubsampleRatio420:
		return (w + 1) / 2, (h + 1) / 2, true
	case image.YCbCrSubsampleRatio440:
		return w, (h + 1) / 2, true
	case image.YCbCrSubsampleRatio411:
		return (w + 3) / 4, h, true
	case image.YCbCrSubsampleRatio410:
		return (w + 3) / 4, (h + 1) / 2, true
	}
	return 0, 0, false
}

// toRGBA is img as premultiplied RGBA at the origin (averaging
// premultiplied values keeps transparent edges from darkening).
func toRGBA(img image.Image) *image.RGBA {
	if m, ok := img.(*image.RGBA); ok && m.Rect.Min == (image.Point{}) {
		return m
	}
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(out, out.Rect, img, b.Min, draw.Src)
	return out
}

// Bounds on a stored photo besides MaxPhotoSide.
const (
	// minShortSide keeps a long screenshot (a chat or a notice scrolled
	// through, 1080×8000) or a panorama readable: reducing its long side
	// to 2000 px would leave it 270 px wide. The short side is reduced
	// to no less than this, and the long side may then pass MaxPhotoSide.
	minShortSide = 1000
	// maxStoredPixels bounds what minShortSide and kept screenshots allow.
	maxStoredPixels = 4096 * 4096
)

// photoSize is the stored size of a w×h photo: the long side at most
// MaxPhotoSide, unless that made the short side less than minShortSide,
// and never more than maxStoredPixels; never larger than it was.
func photoSize(w, h int) (int, int) {
	long, short := float64(max(w, h)), float64(min(w, h))
	s := math.Min(1, MaxPhotoSide/long)
	if short*s < minShortSide {
		s = math.Min(1, minShortSide/short)
	}
	return scaleBy(w, h, math.Min(s, math.Sqrt(maxStoredPixels/(long*short))))
}

// scaleBy is w×h times s ≤ 1, each side at least 1 px.
func scaleBy(w, h int, s float64) (int, int) {
	if s >= 1 {
		return w, h
	}
	return max(1, int(math.Round(float64(w)*s))), max(1, int(math.Round(float64(h)*s)))
}

// fit is w×h scaled so that the long side is at most side (never up).
func fit(w, h, side int) (int, int) {
	return scaleBy(w, h, float64(side)/float64(max(w, h)))
}
