package excel_test

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/reports"
	"github.com/footprint/footprint/reports/excel"
	"github.com/xuri/excelize/v2"
)

// Export benchmarks at a million lines (README, "Excel export"):
//
//	go test ./reports -run '^$' -bench 'Export1M|StreamWriter1M' -benchtime 1x
//
// Both report the peak heap above what was in use before the write (the lines themselves are
// not counted): with the default GOGC, which lets garbage grow with the live heap (the million
// lines), and in one more run with GOGC=10, closer to the memory the write really holds; and
// the file size. BenchmarkStreamWriter1M is the baseline of docs/performance.md#the-excel-export-at-a-million-lines:
// excelize's StreamWriter alone writing the same cells, saved by excelize.

const benchLines = 1_000_000

// millionLines repeats the demo's lines, with new row numbers, up to n.
func millionLines(b *testing.B, n int) reports.Report {
	e := demoInventory(b)
	lines := make([]emissions.Line, 0, n)
	for i := 0; len(lines) < n; i++ {
		l := linesOf(e)[i%e.Lines.Len()]
		l.Place.Row = 2 + i
		lines = append(lines, l)
	}
	e.Lines = emissions.LineSlice(lines)
	return e
}

// peakHeap runs fn and returns the largest heap in use during it, above the heap in use
// before, in MiB, sampling every 5 ms. It reads runtime/metrics, not runtime.ReadMemStats:
// ReadMemStats stops the world, and every 5 ms that cost the parallel export a quarter of
// its time (1.6 s instead of 1.2 s at a million lines).
func peakHeap(fn func()) float64 {
	runtime.GC()
	base := heapInuse()
	peak := base
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			peak = max(peak, heapInuse())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return float64(peak-base) / (1 << 20)
}

// heapInuse is MemStats.HeapInuse: the heap's spans in use, objects and the free room in them.
func heapInuse() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64() + s[1].Value.Uint64()
}

func fileMiB(b *testing.B, path string) float64 {
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return float64(fi.Size()) / (1 << 20)
}

// measureWrite times write b.N times and reports its memory and the file it wrote.
func measureWrite(b *testing.B, path string, write func()) {
	// The GOGC=10 run goes first: excelize keeps some memory reachable after a save (about
	// 130 MiB after the baseline's), which would hide in the base of a later run.
	old := debug.SetGCPercent(10)
	tight := peakHeap(write)
	debug.SetGCPercent(old)
	var peak float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		peak = max(peak, peakHeap(write))
	}
	b.StopTimer()
	b.ReportMetric(peak, "peak-heap-MiB")
	b.ReportMetric(tight, "peak-heap-gogc10-MiB")
	b.ReportMetric(fileMiB(b, path), "file-MiB")
}

func BenchmarkExport1M(b *testing.B) {
	e := millionLines(b, benchLines)
	path := filepath.Join(b.TempDir(), "footprint.xlsx")
	measureWrite(b, path, func() {
		if _, err := excel.WriteFile(path, e, nil); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkStreamWriter1M writes the Lines sheet's cells with excelize's StreamWriter and saves
// the workbook with excelize (its own zip, assembled in memory, deflate level 6).
func BenchmarkStreamWriter1M(b *testing.B) {
	e := millionLines(b, benchLines)
	path := filepath.Join(b.TempDir(), "stream.xlsx")
	measureWrite(b, path, func() {
		f := excelize.NewFile()
		defer f.Close()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		row := make([]any, 22)
		for j, l := range linesOf(e) {
			row[0], row[1], row[2], row[3], row[4], row[5], row[6] = l.Place.File, l.Place.Sheet, l.Place.Row, l.Year, l.Site, l.Pole, l.Activity
			row[7], row[8], row[9], row[10], row[11], row[12], row[13] = l.Quantity, l.Unit, l.Converted, l.FactorUnit, l.FactorID, l.FactorYear, l.FactorValue
			row[14], row[15], row[16], row[17], row[18], row[19], row[20], row[21] = l.Source, l.Scope, l.Category, l.Method, string(l.Part), l.TCO2e, l.BiogenicCO2, l.Comment
			cell, _ := excelize.CoordinatesToCellName(1, j+2)
			if err := sw.SetRow(cell, row); err != nil {
				b.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			b.Fatal(err)
		}
		if err := f.SaveAs(path); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkExportDemo writes the demo's export (1,129 lines) to memory.
func BenchmarkExportDemo(b *testing.B) {
	e := demoInventory(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		if _, err := excel.Write(&buf, e); err != nil {
			b.Fatal(err)
		}
	}
}
