package archive

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"junheng/app/county"
	"junheng/app/evidence"
	"junheng/assets/demo"
)

// benchSource makes each attachment's bytes when asked, as the store reads
// a blob: a fresh buffer per call, nothing kept. Photos are incompressible
// (random, like JPEG data); one file in ten is a compressible .txt.
type benchSource struct {
	file  *county.File
	atts  []evidence.Attachment
	block []byte // photo bytes
	text  []byte // a compressible text file
	index map[string]int
}

func newBenchSource(n, size int) *benchSource {
	f := demo.File()
	s := &benchSource{file: f, block: make([]byte, size), text: make([]byte, size), index: map[string]int{}}
	line := []byte("2024年5月 设备使用记录 0123456789\n")
	for i := range s.text {
		s.text[i] = line[i%len(line)]
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range s.block {
		s.block[i] = byte(r.Uint32())
	}
	items := []string{"G3", "R5", "R7", "Q6", "R4"}
	for i := 0; i < n; i++ {
		h := fmt.Sprintf("%064x", i)
		ext, kind := ".jpg", evidence.KindPhoto
		if i%10 == 9 {
			ext, kind = ".txt", evidence.KindOther
		}
		school := f.Schools[i%len(f.Schools)].ID
		item := items[i%len(items)]
		s.atts = append(s.atts, evidence.Attachment{ID: evidence.Key(item, school, h), Year: f.Year, Item: item, School: school,
			Hash: h, Name: fmt.Sprintf("IMG_%04d%s", i, ext), Ext: ext, Kind: kind, Size: int64(size), Width: 2000, Height: 1500,
			Meta: evidence.Meta{Title: fmt.Sprintf("专用教室照片第%d张", i+1), Caption: "2024年5月，上课情况"}, Pos: i,
			AddedAt: time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Second)})
		s.index[h] = i
	}
	return s
}

func (s *benchSource) LoadYear(string) (*county.File, error)             { return s.file, nil }
func (s *benchSource) Attachments(string) ([]evidence.Attachment, error) { return s.atts, nil }
func (s *benchSource) AttachmentData(hash string) ([]byte, error) {
	i := s.index[hash]
	b := make([]byte, len(s.block))
	if i%10 == 9 {
		copy(b, s.text)
	} else {
		copy(b, s.block)
	}
	b[0], b[1] = byte(i), byte(i>>8) // every file its own bytes
	return b, nil
}

// BenchmarkArchiveExport exports 100 and 500 attachments of 600 KB. Beside
// MB/s and allocations it reports peak-heap-MB, the most heap in use at any
// moment of an export (sampled): it must stay the same for 500 files as
// for 100 — the archive is streamed, never held.
func BenchmarkArchiveExport(b *testing.B) {
	for _, n := range []int{100, 500} {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			src := newBenchSource(n, 600<<10)
			out := filepath.Join(b.TempDir(), "迎检档案.zip")
			b.SetBytes(int64(n) * int64(len(src.block)))
			b.ReportAllocs()
			runtime.GC()
			var base runtime.MemStats
			runtime.ReadMemStats(&base)
			var peak atomic.Uint64
			stop := make(chan struct{})
			done := make(chan struct{})
			go func() {
				defer close(done)
				var m runtime.MemStats
				for {
					select {
					case <-stop:
						return
					case <-time.After(20 * time.Millisecond):
					}
					runtime.ReadMemStats(&m)
					if m.HeapInuse > peak.Load() {
						peak.Store(m.HeapInuse)
					}
				}
			}()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := Export(src, src.file.Year, out, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			close(stop)
			<-done
			b.ReportMetric(float64(peak.Load()-min(peak.Load(), base.HeapInuse))/(1<<20), "peak-heap-MB")
			if st, err := os.Stat(out); err == nil {
				b.ReportMetric(float64(st.Size())/(1<<20), "zip-MB")
			}
		})
	}
}
