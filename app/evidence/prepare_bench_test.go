package evidence

import (
	"bytes"
	"image"
	"image/jpeg"
	"math/rand"
	"sync"
	"testing"

	"golang.org/x/image/draw"
)

// benchPhoto is a 4000×3000 photo-like JPEG of about 3 MB (what a 12 MP
// phone camera writes): smooth gradients, edges and sensor-like noise,
// encoded at quality 92. Made once.
var benchPhoto = sync.OnceValue(func() []byte {
	const w, h = 4000, 3000
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	r := rand.New(rand.NewSource(7))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			v := (x*200/w + y*55/h) + r.Intn(20)
			if (x/250+y/250)%2 == 0 { // edges, like window frames and desks
				v = v/2 + 40
			}
			img.Y[y*img.YStride+x] = uint8(min(v, 255))
		}
	}
	for cy := 0; cy < h/2; cy++ {
		for cx := 0; cx < w/2; cx++ {
			i := cy*img.CStride + cx
			img.Cb[i] = uint8(110 + cx*30/(w/2) + r.Intn(3))
			img.Cr[i] = uint8(140 - cy*30/(h/2) + r.Intn(3))
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 92}); err != nil {
		panic(err)
	}
	return b.Bytes()
})

// BenchmarkPreparePhoto3MB is attaching one phone photo: decode, reduce
// to 2000 px, re-encode, thumbnail, hash.
func BenchmarkPreparePhoto3MB(b *testing.B) {
	raw := benchPhoto()
	b.SetBytes(int64(len(raw)))
	var stored int
	for b.Loop() {
		p, err := Prepare("IMG_0001.jpg", raw)
		if err != nil {
			b.Fatal(err)
		}
		stored = len(p.Data) + len(p.Thumb)
	}
	b.ReportMetric(float64(len(raw)), "chosen-bytes")
	b.ReportMetric(float64(stored), "stored-bytes/op")
}

// BenchmarkReduce compares ways of taking the decoded 3 MB photo to
// 2000×1500: the area averaging Prepare uses against x/image/draw's
// CatmullRom and ApproxBiLinear (the reason for the choice is in shrink.go).
func BenchmarkReduce(b *testing.B) {
	src, err := jpeg.Decode(bytes.NewReader(benchPhoto()))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("area", func(b *testing.B) {
		for b.Loop() {
			reduce(src, 2000, 1500, 1)
		}
	})
	for name, q := range map[string]draw.Interpolator{"catmullrom": draw.CatmullRom, "approxbilinear": draw.ApproxBiLinear} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				dst := image.NewRGBA(image.Rect(0, 0, 2000, 1500))
				q.Scale(dst, dst.Rect, src, src.Bounds(), draw.Src, nil)
			}
		})
	}
}
