package excel_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/internal/golden"
	"github.com/footprint/footprint/internal/xlsxtest"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
	"github.com/footprint/footprint/reports/excel"
	"github.com/xuri/excelize/v2"
)

// hostileTexts are texts a cell must keep as typed, or as excelize's StreamWriter keeps them:
// XML markup, spaces at the ends (xml:space), line breaks, control characters (not allowed in
// XML: U+FFFD), invalid UTF-8, the _xHHHH_ sequences readers take for escaped characters, and
// texts longer than a cell holds (cut, with a warning).
var hostileTexts = []string{
	"", " ", " lead", "trail ", "\ttab", "line\nbreak\n", "cr\r\nlf\r", `<&"'>`, "a<b>&amp;c", "]]>",
	"\x00\x01\x02\x1f\x7f", "é日本語🙂", "\xff\xfe invalid \xc3", "\uFFFD\uFFFE\uFFFF", "=SUM(A1)",
	"_x000D_", "a_x000d_b_X00ff_c", "_x005F_", "_x005F_x0041_", "_x005F_x005F_", "__x0041__", "_x00", "_x00G1_", "x_",
	"_x0041__x0042_", "__", "_x005F_x00", strings.Repeat("x", 40000), strings.Repeat("é", 20000),
	strings.Repeat("🙂", 17000), strings.Repeat("a", 32766) + "🙂",
}

// edgeNumbers are figures whose writing must read back as the StreamWriter's: zeros of both
// signs, the extremes of float64, numbers beyond Excel's 15 significant digits.
var edgeNumbers = []float64{0, math.Copysign(0, -1), 1, -1, 0.1 + 0.2, 1.0 / 3, -2.5e-7, 1e21, 1e-300, 5e-324,
	123456789012345678, 1234567890.12345678, 1e308, -1e308, math.MaxFloat64, -math.MaxFloat64, 999999999999999.9, 0.000123456789012345678}

// edgeLines are lines that put every hostile text and edge number in every column that holds
// one.
func edgeLines() []emissions.Line {
	var lines []emissions.Line
	n := max(len(hostileTexts), len(edgeNumbers))
	for i := range n {
		s := hostileTexts[i%len(hostileTexts)]
		t := hostileTexts[(i+7)%len(hostileTexts)]
		v := edgeNumbers[i%len(edgeNumbers)]
		w := edgeNumbers[(i+5)%len(edgeNumbers)]
		lines = append(lines, emissions.Line{
			Place: emissions.Place{File: s, Sheet: t, Row: i - 3}, Year: 2024 - i, Site: t, Pole: s, Activity: s,
			Quantity: v, Unit: t, Comment: s, Part: emissions.Part(t), Scope: i % 4, Category: i % 16, Method: s,
			Converted: w, FactorID: t, FactorYear: i % 3 * 2020, FactorValue: -v, FactorUnit: s, Source: t,
			TCO2e: w, BiogenicCO2: []float64{0, math.Copysign(0, -1), v}[i%3],
		})
	}
	return lines
}

// TestLinesWriterMatchesStreamWriter is the differential test of the Lines sheets' own writer
// against excelize's StreamWriter (the oracle): on the demo and on edge cases, with the Lines
// sheets full, one line over, or empty, every part of both workbooks is the same byte for byte
// (so the Lines sheets are too), every cell reads back the same (value, type, number format),
// and the warnings are the same.
func TestLinesWriterMatchesStreamWriter(t *testing.T) {
	demo := demoInventory(t)
	demoFR := demo
	demoFR.Lang = lang.French
	edge := edgeLines()
	minimal := func(lines []emissions.Line) reports.Report {
		return reports.Report{Site: "Plant", ReportingYear: 2024, GWP: "AR6", Lines: emissions.LineSlice(lines),
			Rows: emissions.Rows{Read: len(lines), Used: len(lines)}}
	}
	tests := []struct {
		name    string
		e       reports.Report
		perPage int
	}{
		{"demo", demo, 1_048_575},
		{"demo, sheets of 500", demo, 500},
		{"demo in French (method, part and data type translated)", demoFR, 1_048_575},
		{"edge", minimal(edge), 1_048_575},
		{"edge, sheets of 4", minimal(edge), 4},
		{"exactly one full sheet", minimal(edge[:7]), 7},
		{"one line over a sheet", minimal(edge[:8]), 7},
		{"exactly two full sheets", minimal(edge[:14]), 7},
		{"no lines", minimal(nil), 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func(n int) { excel.LinesPerSheet = n }(excel.LinesPerSheet)
			excel.LinesPerSheet = tt.perPage
			var ours, theirs bytes.Buffer
			warnings, err := excel.Write(&ours, tt.e)
			if err != nil {
				t.Fatal(err)
			}
			oracleWarnings, err := excel.WriteExportStreamWriter(&theirs, tt.e)
			if err != nil {
				t.Fatal(err)
			}
			got, want := zipParts(t, ours.Bytes()), zipParts(t, theirs.Bytes())
			if len(got) != len(want) {
				t.Errorf("%d parts, the oracle %d", len(got), len(want))
			}
			lineParts := 0
			for name, w := range want {
				g := got[name]
				if bytes.Equal(g, w) {
					continue
				}
				// A Lines sheet: the oracle's with the references lineRows leaves out.
				if w := dropContiguousRefs(t, w); !bytes.Equal(g, w) {
					t.Errorf("part %s: %d bytes, the oracle %d; first difference at %d", name, len(g), len(w), firstDiff(g, w))
				}
				lineParts++
			}
			if lines := tt.e.Lines.Len(); lines > 0 && lineParts == 0 {
				t.Errorf("no part differs from the oracle's by its references")
			}
			if g, w := dumpCells(t, openWorkbook(t, ours.Bytes())), dumpCells(t, openWorkbook(t, theirs.Bytes())); g != w {
				t.Errorf("cells differ from the oracle's (-oracle +ours):\n%s", golden.Diff([]byte(w), []byte(g)))
			}
			if len(warnings) != len(oracleWarnings) {
				t.Fatalf("%d warnings, the oracle %d", len(warnings), len(oracleWarnings))
			}
			for i := range warnings {
				if warnings[i] != oracleWarnings[i] {
					t.Errorf("warning %d: %+v, the oracle %+v", i, warnings[i], oracleWarnings[i])
				}
			}
			sheets := (tt.e.Lines.Len() + tt.perPage - 1) / tt.perPage
			n := 0
			for _, name := range openWorkbook(t, ours.Bytes()).GetSheetList() {
				if lines := tt.e.Lang.T("Lines"); name == lines || strings.HasPrefix(name, lines+" ") {
					n++
				}
			}
			if n != max(sheets, 1) {
				t.Errorf("%d Lines sheets, want %d", n, max(sheets, 1))
			}
		})
	}
}

// TestLinesWriterReadsBackAsTyped: whatever the oracle does, the texts of the Lines sheets
// read back as typed (cut to a cell's length), but for what XML cannot hold — control
// characters and invalid UTF-8 become U+FFFD — and the numbers as written to Excel's 15
// significant digits. Among them the _xHHHH_ sequences of a surrogate (_xD800_), which the
// oracle writes wrongly (it repeats the text before them) and lineRows escapes.
func TestLinesWriterReadsBackAsTyped(t *testing.T) {
	texts := append([]string{"_xD800_", "a_xDFFF_b_x0041_", "_x005F_xD800_"}, hostileTexts...)
	var lines []emissions.Line
	for i, s := range texts {
		lines = append(lines, emissions.Line{Place: emissions.Place{File: "f", Sheet: "s", Row: i}, Activity: s, Comment: s, Unit: "u",
			Part: emissions.PartDirect, Scope: 1, Quantity: float64(i) + 0.5})
	}
	e := reports.Report{Site: "Plant", ReportingYear: 2024, GWP: "AR6", Lines: emissions.LineSlice(lines)}
	b, _ := writeExportBytes(t, e)
	s := readSheet(t, openWorkbook(t, b), "Lines")
	for i, in := range texts {
		// strings.Map gives U+FFFD for each byte of invalid UTF-8, as encoding/xml does.
		want := strings.Map(func(r rune) rune {
			if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
				return 0xFFFD
			}
			return r
		}, in)
		if len([]rune(want)) > 16000 { // the long ones: a prefix
			if got := s.at(7, i+2); !strings.HasPrefix(want, got) || len(got) < 32000 {
				t.Errorf("line %d: %d bytes read back, not a prefix of the %d typed", i, len(got), len(want))
			}
			continue
		}
		if got := s.at(7, i+2); got != want {
			t.Errorf("line %d: activity %q reads back as %q", i, want, got)
		}
		if got := s.at(22, i+2); got != want {
			t.Errorf("line %d: comment %q reads back as %q", i, want, got)
		}
		if got, want := num(t, s.at(8, i+2), "quantity"), float64(i)+0.5; got != want {
			t.Errorf("line %d: quantity %v, want %v", i, got, want)
		}
	}
}

// TestLinesWriterSameBytesWhateverTheCores: the chunks deflated in parallel are cut by line
// count and text size, never by timing, so the workbook is the same with one core or several, and it is one valid deflate
// stream (the zip reader checks each part's CRC).
func TestLinesWriterSameBytesWhateverTheCores(t *testing.T) {
	e := demoInventory(t)
	lines := linesOf(e)
	many := make([]emissions.Line, 0, 20000) // about 20 MB of sheet XML: several chunks
	for i := 0; len(many) < cap(many); i++ {
		l := lines[i%len(lines)]
		l.Place.Row = i + 2
		many = append(many, l)
	}
	e.Lines = emissions.LineSlice(many)
	var first []byte
	for _, procs := range []int{1, 2, 5} {
		old := runtime.GOMAXPROCS(procs)
		b, _ := writeExportBytes(t, e)
		runtime.GOMAXPROCS(old)
		if first == nil {
			first = b
			parts := zipParts(t, b)
			if n := strings.Count(string(parts[linesPartName(t, b)]), "<row "); n != len(many)+1 {
				t.Fatalf("%d rows on the Lines sheet, want %d", n, len(many)+1)
			}
			continue
		}
		if !bytes.Equal(b, first) {
			t.Errorf("GOMAXPROCS=%d: the workbook differs from GOMAXPROCS=1's", procs)
		}
	}
}

// TestLinesWriterStreamFails: an error of the line source, on the first or the second pass,
// is the export's error, and no temporary file stays behind.
func TestLinesWriterStreamFails(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	e := demoInventory(t)
	lines := linesOf(e)
	for _, pass := range []int{1, 2} {
		e.Lines = &failingLines{LineSlice: lines, failOnPass: pass, failAt: 600}
		_, err := excel.Write(io.Discard, e)
		if !errors.Is(err, errDiskRead) {
			t.Errorf("pass %d: err = %v, want the source's error", pass, err)
		}
	}
	// A source that gives more lines on its second pass than it announced.
	e.Lines = &failingLines{LineSlice: lines, extraOnPass: 2}
	if _, err := excel.Write(io.Discard, e); err == nil || !strings.Contains(err.Error(), "announced") {
		t.Errorf("a source giving one line more: err = %v", err)
	}
	// NaN on the second pass only (the first pass refuses it before anything is written).
	e.Lines = &failingLines{LineSlice: lines, nanOnPass: 2}
	var nf *reports.NonFiniteError
	if _, err := excel.Write(io.Discard, e); !errors.As(err, &nf) {
		t.Errorf("NaN on the second pass: err = %v", err)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("left in the temporary folder: %v", left)
	}
}

var errDiskRead = errors.New("lines spool: read error")

type failingLines struct {
	emissions.LineSlice
	pass                                       int
	failOnPass, failAt, extraOnPass, nanOnPass int
}

func (f *failingLines) Each(yield func(*emissions.Line) error) error {
	f.pass++
	for i := range f.LineSlice {
		if f.pass == f.failOnPass && i == f.failAt {
			return errDiskRead
		}
		l := f.LineSlice[i]
		if f.pass == f.nanOnPass && i == 10 {
			l.TCO2e = math.NaN()
		}
		if err := yield(&l); err != nil {
			return err
		}
	}
	if f.pass == f.extraOnPass {
		return yield(&f.LineSlice[0])
	}
	return nil
}

// TestLinesWriterLibreOffice: LibreOffice opens the edge cases' workbook and reads the Lines
// sheets' texts as excelize does, and finds every cell, blank or not, in the same column.
func TestLinesWriterLibreOffice(t *testing.T) {
	soffice := xlsxtest.LibreOffice(t)
	defer func(n int) { excel.LinesPerSheet = n }(excel.LinesPerSheet)
	excel.LinesPerSheet = 20
	lines := edgeLines()
	e := reports.Report{Site: "Plant", ReportingYear: 2024, GWP: "AR6", Lines: emissions.LineSlice(lines)}
	xlsx := filepath.Join(t.TempDir(), "edge.xlsx")
	if _, err := excel.WriteFile(xlsx, e, nil); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	f := openWorkbook(t, b)
	compared := 0
	for k, sheet := range []string{"Lines", "Lines 2"} {
		ours := readSheet(t, f, sheet)
		recs := xlsxtest.ConvertSheet(t, soffice, xlsx, 5+k)
		if len(recs) != len(ours.rows) {
			t.Fatalf("%s: LibreOffice reads %d rows, excelize %d", sheet, len(recs), len(ours.rows))
		}
		for r, rec := range recs {
			for _, c := range []int{1, 2, 5, 6, 7, 9, 11, 12, 15, 18, 19, 22} { // the texts
				want := ours.at(c, r+1)
				got := ""
				if c <= len(rec) {
					got = rec[c-1]
				}
				// LibreOffice takes a carriage return, alone or before a newline, for a newline.
				if newlines(got) != newlines(want) {
					t.Errorf("%s row %d col %d: LibreOffice %.80q, excelize %.80q", sheet, r+1, c, got, want)
				}
				compared++
			}
			// Cells come without their reference after a filled one: every cell is in its
			// column, the blank ones too.
			for c := 1; c <= 26; c++ {
				got := ""
				if c <= len(rec) {
					got = rec[c-1]
				}
				if (got == "") != (ours.at(c, r+1) == "") {
					t.Errorf("%s row %d col %d: LibreOffice %.40q, excelize %.40q", sheet, r+1, c, got, ours.at(c, r+1))
				}
			}
		}
	}
	if compared < 12*len(lines) {
		t.Errorf("only %d texts compared", compared)
	}
}

// cellRef is the start of a cell with its reference, or of a row with its number.
var cellRef = regexp.MustCompile(`<c r="([A-Z]+)[0-9]+"|<row r="([0-9]+)"`)

// dropContiguousRefs removes from a Lines sheet's XML the references lineRows leaves out:
// those of the cells, below the header row (which excelize writes), that follow the cell
// before them in their row or start it in column A.
func dropContiguousRefs(t *testing.T, xml []byte) []byte {
	t.Helper()
	var out []byte
	last, next, header := 0, 1, true
	for _, m := range cellRef.FindAllSubmatchIndex(xml, -1) {
		if m[4] >= 0 { // a row
			next, header = 1, string(xml[m[4]:m[5]]) == "1"
			continue
		}
		col, err := excelize.ColumnNameToNumber(string(xml[m[2]:m[3]]))
		if err != nil {
			t.Fatal(err)
		}
		if col == next && !header {
			out = append(out, xml[last:m[0]]...)
			out = append(out, "<c"...)
			last = m[1]
		}
		next = col + 1
	}
	return append(out, xml[last:]...)
}

func newlines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

func zipParts(t testing.TB, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		c, err := io.ReadAll(rc) // also checks the CRC
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		m[zf.Name] = c
	}
	return m
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestLinesWriterLibreOfficeManyChunks: LibreOffice reads a Lines sheet deflated in several
// chunks (one deflate stream with sync flushes between them), to its last row.
func TestLinesWriterLibreOfficeManyChunks(t *testing.T) {
	soffice := xlsxtest.LibreOffice(t)
	e := demoInventory(t)
	lines := linesOf(e)
	many := make([]emissions.Line, 0, 13000) // about 13 MB of sheet XML: 4 chunks
	for i := 0; len(many) < cap(many); i++ {
		l := lines[i%len(lines)]
		l.Place.Row = i + 2
		many = append(many, l)
	}
	e.Lines = emissions.LineSlice(many)
	xlsx := filepath.Join(t.TempDir(), "many.xlsx")
	if _, err := excel.WriteFile(xlsx, e, nil); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(zipParts(t, b)[linesPartName(t, b)]); n < 3*(4<<20) {
		t.Fatalf("the Lines sheet is %d bytes: fewer than 4 chunks", n)
	}
	recs := xlsxtest.ConvertSheet(t, soffice, xlsx, xlsxtest.SheetNumber(t, openWorkbook(t, b), "Lines"))
	if len(recs) != len(many)+1 {
		t.Fatalf("LibreOffice reads %d rows, want %d", len(recs), len(many)+1)
	}
	for _, i := range []int{0, 4000, 8191, len(many) - 1} {
		rec, l := recs[i+1], many[i]
		if rec[2] != strconv.Itoa(l.Place.Row) || rec[6] != l.Activity || rec[14] != l.Source {
			t.Errorf("line %d: LibreOffice reads %q", i, rec[:15])
		}
		if got := xlsxtest.LONumber(t, rec[19]); !closeRel(got, l.TCO2e) {
			t.Errorf("line %d: tCO2e %v, want %v", i, got, l.TCO2e)
		}
	}
}

// linesPartName is the package part of the sheet Lines: excelize names a sheet's part after
// its id.
func linesPartName(t *testing.T, b []byte) string {
	t.Helper()
	for id, name := range openWorkbook(t, b).GetSheetMap() {
		if name == "Lines" {
			return fmt.Sprintf("xl/worksheets/sheet%d.xml", id)
		}
	}
	t.Fatal("no Lines sheet")
	return ""
}

// The export that tallies its factors from the row spool's digest, without a first pass over
// the lines, is byte for byte the export with that pass.
func TestExportDigestIsTheFirstPass(t *testing.T) {
	e := demoInventory(t)
	e.Lines = lastDemoInventory.AllLines()
	if !excel.DigestUsed(e) {
		t.Fatal("the demo's row lines have no usable digest")
	}
	digest, _ := writeExportBytes(t, e)
	var pass bytes.Buffer
	if _, err := excel.WriteExportNoDigest(&pass, e); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(digest, pass.Bytes()) {
		got, want := zipParts(t, digest), zipParts(t, pass.Bytes())
		for name, w := range want {
			if g := got[name]; !bytes.Equal(g, w) {
				t.Errorf("part %s differs from the export with a first pass; first difference at %d", name, firstDiff(g, w))
			}
		}
	}
}

// TestLinesWriterDestinationFails: whichever write to the destination fails, the export
// returns that error and leaves no deflate worker running. With one worker the rows' chunks
// wait for the destination, so the failing write can come while the last batch of a sheet is
// handed over.
func TestLinesWriterDestinationFails(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	e := demoInventory(t)
	lines := linesOf(e)
	many := make([]emissions.Line, 0, 5*4096+100) // five batches of rows, the last one short
	for i := 0; len(many) < cap(many); i++ {
		l := lines[i%len(lines)]
		l.Place.Row = i + 2
		many = append(many, l)
	}
	e.Lines = emissions.LineSlice(many)
	counted := &nthWriteFails{failAt: -1}
	if _, err := excel.Write(counted, e); err != nil {
		t.Fatal(err)
	}
	before := runtime.NumGoroutine()
	for at := range counted.writes {
		if _, err := excel.Write(&nthWriteFails{failAt: at}, e); !errors.Is(err, errDiskFull) {
			t.Errorf("write %d of %d fails: err = %v, want the destination's error", at, counted.writes, err)
		}
	}
	n := runtime.NumGoroutine()
	for deadline := time.Now().Add(2 * time.Second); n > before && time.Now().Before(deadline); n = runtime.NumGoroutine() {
		time.Sleep(10 * time.Millisecond)
	}
	if n > before {
		t.Errorf("%d goroutines left running after the failed exports (%d before)", n-before, before)
	}
}

var errDiskFull = errors.New("destination: no space left on device")

// nthWriteFails fails its write number failAt (from 0), and counts the writes.
type nthWriteFails struct {
	writes, failAt int
}

func (w *nthWriteFails) Write(b []byte) (int, error) {
	w.writes++
	if w.writes-1 == w.failAt {
		return 0, errDiskFull
	}
	return len(b), nil
}

// TestLinesWriterMemoryWithLongTexts: a batch of rows is cut by the size of its texts too, so
// lines with long comments (a cell holds up to 32,767 characters) keep the chunks in flight,
// and the heap, at a few MiB each, as short lines do.
func TestLinesWriterMemoryWithLongTexts(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	e := demoInventory(t)
	lines := linesOf(e)
	comment := strings.Repeat("Relevé du compteur, à vérifier. ", 500) // 16 kB, one string for every line
	many := make([]emissions.Line, 0, 3*4096)
	for i := 0; len(many) < cap(many); i++ {
		l := lines[i%len(lines)]
		l.Place.Row, l.Comment = i+2, comment
		many = append(many, l)
	}
	e.Lines = emissions.LineSlice(many)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	stop, peak := make(chan struct{}), make(chan uint64)
	go func() {
		var top uint64
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			top = max(top, ms.HeapInuse)
			select {
			case <-stop:
				peak <- top
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	_, err := excel.Write(io.Discard, e)
	close(stop)
	top := <-peak
	if err != nil {
		t.Fatal(err)
	}
	grown := int64(top) - int64(base)
	t.Logf("heap grew by %d MiB", grown>>20)
	if grown > 120<<20 {
		t.Errorf("the heap grew by %d MiB writing %d lines of 16 kB comments, want under 120 MiB", grown>>20, len(many))
	}
}
