package excel

import (
	"bytes"
	stdflate "compress/flate"
	"hash/crc32"
	"io"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/internal/xlsxwrite"
	"github.com/footprint/footprint/lang"
	"github.com/klauspost/compress/flate"
)

// The parts of the export's time at a million lines (README, "Performance"):
//
//	go test ./reports -run '^$' -bench 'LinesXML|DeflateLines' -benchtime 3x
//
// BenchmarkLinesXML1M generates the rows' XML alone; BenchmarkDeflateLines compresses 1/10 of
// it (the rows of 100,000 lines) with the standard library on one core (what the export did
// before), klauspost/compress on one core, and xlsxwrite.ParallelDeflate on every core.

// benchLinesOf repeats lines, with new row numbers, up to n.
func benchLinesOf(lines []emissions.Line, n int) []emissions.Line {
	out := make([]emissions.Line, 0, n)
	for i := 0; len(out) < n; i++ {
		l := lines[i%len(lines)]
		l.Place.Row = 2 + i
		out = append(out, l)
	}
	return out
}

// benchLines are synthetic lines shaped like the demo's (its texts, repeated with variations),
// without computing the demo: the internal package cannot use the test helpers of reports_test.
func benchLines(n int) []emissions.Line {
	sources := []string{"ADEME Base Carbone V23.6, element 28332 (Electricité / 2019 - mix moyen / consommation)",
		"ADEME Base Carbone V23.6, element 14700 (Gazole routier)", "reported in the workbook"}
	activities := []string{"fr.electricity.grid", "diesel.road", "natural-gas", "steel.purchased", "freight.road.tkm"}
	var base []emissions.Line
	for i := range 997 {
		base = append(base, emissions.Line{
			Place: emissions.Place{File: "demo/footprint-demo.xlsx", Sheet: []string{"Energy", "Logistics", "Materials"}[i%3]},
			Year:  2019 + i%7, Site: []string{"Flins", "Hub Nord"}[i%2], Pole: []string{"ASSEMBLY", "PAINT", "RE-TROFIT", "LOGISTICS"}[i%4],
			Activity: activities[i%5], Quantity: float64(i) * 137.25, Unit: "kWh", Converted: float64(i) * 137.25 / 3,
			FactorUnit: "kWh", FactorID: activities[i%5], FactorYear: 2019 + i%6, FactorValue: 0.0418 + float64(i)/1e5,
			Source: sources[i%3], Scope: 1 + i%3, Category: i % 16, Method: []string{"", "location", "market"}[i%3],
			Part: emissions.PartDirect, TCO2e: float64(i) * 0.0057391, Comment: []string{"", "Q1 2019: HV supply, presses, body and paint shops"}[i%2],
		})
	}
	return benchLinesOf(base, n)
}

func benchColumns() []column {
	x := &exporter{st: exportStyles{integer: 5, number: 10, lineTonnes: 8}}
	return x.linesColumns()
}

func BenchmarkLinesXML1M(b *testing.B) {
	lines := benchLines(1_000_000)
	buf := make([]byte, 0, 8<<20)
	var total int64
	b.ResetTimer()
	for range b.N {
		w := newLineRows(benchColumns(), nil, lang.English)
		total = 0
		for i := range lines {
			buf = w.appendRow(buf, i+2, &lines[i])
			if len(buf) >= 4<<20 {
				total += int64(len(buf))
				buf = buf[:0]
			}
		}
		total += int64(len(buf))
		buf = buf[:0]
	}
	b.ReportMetric(float64(total)/(1<<20), "xml-MiB")
}

// linesXML is the rows of n lines.
func linesXML(n int) []byte {
	w := newLineRows(benchColumns(), nil, lang.English)
	var buf []byte
	for i, l := range benchLines(n) {
		buf = w.appendRow(buf, i+2, &l)
	}
	return buf
}

func BenchmarkDeflateLines(b *testing.B) {
	data := linesXML(100_000)
	for _, bm := range []struct {
		name     string
		compress func(dst io.Writer) error
	}{
		{"stdlib-bestspeed-1core", func(dst io.Writer) error {
			fw, _ := stdflate.NewWriter(dst, stdflate.BestSpeed)
			crc32.ChecksumIEEE(data)
			fw.Write(data)
			return fw.Close()
		}},
		{"klauspost-level1-1core", func(dst io.Writer) error {
			fw, _ := flate.NewWriter(dst, flate.BestSpeed)
			crc32.ChecksumIEEE(data)
			fw.Write(data)
			return fw.Close()
		}},
		{"klauspost-level1-parallel", func(dst io.Writer) error {
			pd := xlsxwrite.NewParallelDeflate(dst, xlsxwrite.DeflateChunkSize)
			for off := 0; off < len(data); off += 64 << 10 {
				pd.Write(data[off:min(off+64<<10, len(data))])
			}
			_, _, _, err := pd.Close()
			return err
		}},
	} {
		b.Run(bm.name, func(b *testing.B) {
			var out bytes.Buffer
			b.SetBytes(int64(len(data)))
			for range b.N {
				out.Reset()
				if err := bm.compress(&out); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(out.Len())/float64(len(data)), "ratio")
		})
	}
}
