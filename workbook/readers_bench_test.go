package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"sync"
	"testing"

	"github.com/footprint/footprint/bench/synth"
	"github.com/footprint/footprint/emissions"
	"github.com/xuri/excelize/v2"
)

// Each reader of a worksheet's XML on its own, over the sheets of bench/synth's workbook of
// 100,000 rows (text shared as Excel writes it, and inline in the -inline ones, as excelize's
// StreamWriter writes it), the rows read but neither parsed nor computed:
//
//	go test ./workbook -run '^$' -bench 'SheetXML' -benchmem -count 6
//
// quick: the quick reader (its goroutines unpacking and cutting); fast: the fast reader fed by
// the pipe, which runs the package check's scan on its goroutine; scan: the package check
// alone, every part scanned; checked: the fast reader over parts already checked, as the
// checked path reads them. Annotate as a whole is timed by BenchmarkAnnotate100k.
func BenchmarkSheetXML(b *testing.B) {
	for _, inline := range []bool{false, true} {
		var buf bytes.Buffer
		if err := synth.Write(&buf, synth.Options{Rows: 100_000, Seed: 1, InlineStrings: inline}); err != nil {
			b.Fatal(err)
		}
		data := buf.Bytes()
		suffix := ""
		if inline {
			suffix = "-inline"
		}
		for _, quick := range []bool{true, false} {
			name := "fast" + suffix
			if quick {
				name = "quick" + suffix
			}
			b.Run(name, func(b *testing.B) { benchmarkOneTier(b, data, quick) })
		}
		b.Run("scan"+suffix, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := inspectPackage(bytes.NewReader(data), int64(len(data)), false); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("checked"+suffix, func(b *testing.B) { benchmarkChecked(b, data) })
	}
}

// benchmarkOneTier reads every sheet with the quick or the fast reader, as readFast does.
func benchmarkOneTier(b *testing.B, data []byte, quick bool) {
	info, err := inspectPackage(bytes.NewReader(data), int64(len(data)), true)
	if err != nil {
		b.Fatal(err)
	}
	stub, err := stubSheets(info.zr)
	if err != nil {
		b.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(stub))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	b.ReportAllocs()
	for b.Loop() {
		info.freshScans()
		sr := &sheetRows{f: f, zr: info.zr, styles: info.styles, fast: true, quick: quick}
		cells := 0
		for _, s := range info.sheets {
			rs := sr.openFast(s.part, s)
			for rs.Next() {
				row, err := rs.Columns()
				if err != nil {
					b.Fatal(err)
				}
				cells += len(row)
			}
			rs.Close()
		}
		if sr.fallback || sr.quickFailed || cells < 100_000 {
			b.Fatalf("fell back (%v, quick %v), %d cells", sr.fallback, sr.quickFailed, cells)
		}
	}
}

// benchmarkChecked reads every sheet with the fast reader from the parts, as the checked path
// does once the package is scanned.
func benchmarkChecked(b *testing.B, data []byte) {
	info, err := inspectPackage(bytes.NewReader(data), int64(len(data)), false)
	if err != nil {
		b.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: unzipSizeLimit, UnzipXMLSizeLimit: unzipXMLSizeLimit})
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	b.ReportAllocs()
	for b.Loop() {
		sr := &sheetRows{f: f, zr: info.zr}
		cells := 0
		for name, s := range info.sheets {
			rs, err := sr.open(name, s.part)
			if err != nil {
				b.Fatal(err)
			}
			for rs.Next() {
				row, err := rs.Columns()
				if err != nil {
					b.Fatal(err)
				}
				cells += len(row)
			}
			if fr, ok := rs.(*fastRows); !ok || fr.ex != nil {
				b.Fatal("read by excelize")
			}
			rs.Close()
		}
		if cells < 100_000 {
			b.Fatalf("%d cells", cells)
		}
	}
}

// Each reader of a worksheet's XML on one goroutine, over the first sheet of bench/synth's
// workbook of 100,000 rows already unpacked (8 MiB of XML, a third of the rows): what the
// tokenizer and the reader on it cost, without the unpacking.
//
//	go test ./workbook -run '^$' -bench 'SheetXMLUnpacked' -benchmem -count 6
func BenchmarkSheetXMLUnpacked(b *testing.B) {
	sheet, sst := unpackedSynth(b)
	b.Run("quick", func(b *testing.B) {
		b.SetBytes(int64(len(sheet)))
		for b.Loop() {
			ch := make(chan *quickBatch, 4)
			var wg sync.WaitGroup
			wg.Go(func() {
				for range ch {
				}
			})
			c := &quickCutter{out: ch, sst: sst}
			c.z = newXMLTokenizer(bytes.NewReader(sheet), quickBuffer, maxValue)
			err := c.cut()
			close(ch)
			wg.Wait()
			if err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("fast", func(b *testing.B) {
		b.SetBytes(int64(len(sheet)))
		for b.Loop() {
			fr := newFastRows(bytes.NewReader(sheet), sst, nil)
			for fr.Next() {
				if _, err := fr.Columns(); err != nil {
					b.Fatal(err)
				}
			}
			if fr.ex != nil || fr.err != nil {
				b.Fatal("handed over")
			}
		}
	})
	b.Run("scan", func(b *testing.B) {
		b.SetBytes(int64(len(sheet)))
		for b.Loop() {
			s := &sheetScan{styles: dateStyles{}, datesKnown: true}
			if err := s.read(bytes.NewReader(sheet)); err != nil || s.lastRow < 30_000 {
				b.Fatal(err, s.lastRow)
			}
		}
	})
	b.Run("annotate-scan", func(b *testing.B) {
		b.SetBytes(int64(len(sheet)))
		for b.Loop() {
			if _, err := scanSheet(bytes.NewReader(sheet), emissions.ActivitySheet{File: "f", Sheet: "Energy", HeaderRow: 1}, sst); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("annotate-copy", func(b *testing.B) {
		b.SetBytes(int64(len(sheet)))
		for b.Loop() {
			c := newSheetCutter(bytes.NewReader(sheet), io.Discard)
			for c.next() {
			}
			c.flushTo(c.pos)
			if err := c.Err(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// unpackedSynth is the XML of the first sheet of bench/synth's 100,000 rows, and their shared
// strings.
func unpackedSynth(b *testing.B) ([]byte, *sharedStrings) {
	var buf bytes.Buffer
	if err := synth.Write(&buf, synth.Options{Rows: 100_000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		b.Fatal(err)
	}
	read := func(name string) []byte {
		rc, err := zr.Open(name)
		if err != nil {
			b.Fatal(err)
		}
		defer rc.Close()
		data, err := io.ReadAll(rc)
		if err != nil {
			b.Fatal(err)
		}
		return data
	}
	sst, err := readSharedStrings(bytes.NewReader(read("xl/sharedStrings.xml")))
	if err != nil {
		b.Fatal(err)
	}
	return read("xl/worksheets/sheet1.xml"), sst
}
