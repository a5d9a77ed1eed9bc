package data

import (
	"runtime"
	"sync"
	"testing"
	"time"

	"junheng/app/county"
)

// peakHeap samples the heap while fn runs and returns the largest
// HeapInuse seen, in bytes (the GC runs as usual: this is what the
// program holds, not what it allocates over time).
func peakHeap(fn func()) uint64 {
	runtime.GC()
	var peak uint64
	var mu sync.Mutex
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&m)
			mu.Lock()
			peak = max(peak, m.HeapInuse)
			mu.Unlock()
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return peak
}

// BenchmarkImport20000 imports a 20,000-school county (a whole province)
// from its JSON text into a new file and reports the peak heap: §9 of
// issue 11 asks for under 1 GB.
func BenchmarkImport20000(b *testing.B) {
	data := mustEncode(b, county.Generate(20000, 1))
	b.SetBytes(int64(len(data)))
	var peak uint64
	for b.Loop() {
		b.StopTimer()
		s := newStore(b, "province.db")
		b.StartTimer()
		p := peakHeap(func() {
			if _, err := s.ImportJSON(data); err != nil {
				b.Fatal(err)
			}
		})
		peak = max(peak, p)
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// BenchmarkReimport20000 imports the same 20,000-school county again into
// the file that holds it (the update path: every school compared with
// its saved values) and reports the peak heap.
func BenchmarkReimport20000(b *testing.B) {
	data := mustEncode(b, county.Generate(20000, 1))
	s := newStore(b, "province.db")
	if _, err := s.ImportJSON(data); err != nil {
		b.Fatal(err)
	}
	var peak uint64
	for b.Loop() {
		p := peakHeap(func() {
			if _, err := s.ImportJSON(data); err != nil {
				b.Fatal(err)
			}
		})
		peak = max(peak, p)
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
