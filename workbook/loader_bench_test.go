package workbook

import (
	"bytes"
	"testing"

	"github.com/footprint/footprint/bench/synth"
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
)

// The hot paths of `footprint calc` on the synthetic workbooks of bench/run.sh (bench/synth):
// 100,000 rows over the sheets Energy, Logistics and Materials.
//
//	go test ./workbook -run '^$' -bench 'Synth|Calculate' -benchmem -count 3

func synthWorkbook(b *testing.B, opts synth.Options) []byte {
	b.Helper()
	var buf bytes.Buffer
	if err := synth.Write(&buf, opts); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func benchmarkReadSynth(b *testing.B, opts synth.Options) {
	data := synthWorkbook(b, opts)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		in := &emissions.Input{}
		Read(in, "synth.xlsx", bytes.NewReader(data), Options{})
		if in.RowsRead != opts.Rows || in.Problems.Errors() != 0 {
			b.Fatalf("read %d rows, %d errors", in.RowsRead, in.Problems.Errors())
		}
	}
}

// ReadWorkbook on 100,000 rows with shared strings, as Excel writes them.
func BenchmarkReadWorkbookSynth100k(b *testing.B) {
	benchmarkReadSynth(b, synth.Options{Rows: 100000, Seed: 1})
}

// ReadWorkbook on the same rows with inline strings, as excelize's StreamWriter writes them.
func BenchmarkReadWorkbookSynthInline100k(b *testing.B) {
	benchmarkReadSynth(b, synth.Options{Rows: 100000, Seed: 1, InlineStrings: true})
}

// Calculate on the 100,000 rows read (no residual mix: market-based Scope 2 falls back to
// the location-based factor, with one warning per site).
func BenchmarkCalculateSynth100k(b *testing.B) {
	data := synthWorkbook(b, synth.Options{Rows: 100000, Seed: 1})
	lib, err := factors.Builtin("AR6")
	if err != nil {
		b.Fatal(err)
	}
	in := &emissions.Input{}
	Read(in, "synth.xlsx", bytes.NewReader(data), Options{})
	if in.RowsRead != 100000 || in.Problems.Errors() != 0 {
		b.Fatalf("read %d rows, %d errors", in.RowsRead, in.Problems.Errors())
	}
	activities := in.Activities
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		// Calculate adds its problems to the input: a fresh one each time.
		run := &emissions.Input{Activities: activities, RowsRead: in.RowsRead}
		inv := emissions.Calculate(run, emissions.Options{Library: lib})
		if inv.Rows.Used != 100000 {
			b.Fatalf("%d rows used", inv.Rows.Used)
		}
	}
}

// The whole of `calc`'s reading and computing, as the command does it: each sheet read once
// (the fast path) and every row computed as it is read, without keeping the rows.
func BenchmarkReadAndCalculateSynth100k(b *testing.B) {
	benchmarkReadAndCalculate(b, Options{})
}

// The same, the workbook read the checked way (the package scanned first, then read), as a
// workbook the fast path hands back is.
func BenchmarkReadAndCalculateCheckedSynth100k(b *testing.B) {
	benchmarkReadAndCalculate(b, Options{checkedOnly: true})
}

func benchmarkReadAndCalculate(b *testing.B, opts Options) {
	data := synthWorkbook(b, synth.Options{Rows: 100000, Seed: 1})
	lib, err := factors.Builtin("AR6")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		c, err := emissions.NewCalculator(emissions.Options{Library: lib})
		if err != nil {
			b.Fatal(err)
		}
		in := &emissions.Input{Sink: c}
		Read(in, "synth.xlsx", bytes.NewReader(data), opts)
		inv, err := c.Finish(in)
		if err != nil || inv.Rows.Used != 100000 {
			b.Fatalf("%v: %+v", err, inv.Rows)
		}
	}
}
