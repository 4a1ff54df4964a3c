package workbook

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/xuri/excelize/v2"
)

// The sheet scan finds formula cells without a cached value, wherever the XML puts them, and
// merged ranges; it takes no other cell for one.
func TestScanSheet(t *testing.T) {
	tests := []struct {
		name, xml  string
		uncomputed []cellPos
		merged     []string
	}{
		{"cached value", `<row r="2"><c r="E2"><f>1+1</f><v>2</v></c></row>`, nil, nil},
		{"no value", `<row r="2"><c r="E2"><f>1+1</f></c></row>`, []cellPos{{2, 5}}, nil},
		{"empty cached string", `<row r="2"><c r="E2" t="str"><f>A1</f><v></v></c></row>`, nil, nil},
		{"shared formula child", `<row r="3"><c r="B3"><f t="shared" si="0"/></c></row>`, []cellPos{{3, 2}}, nil},
		{"inline string", `<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>`, nil, nil},
		{"self-closing cell", `<row r="2"><c r="A2" s="1"/><c r="B2"><f>1</f></c></row>`, []cellPos{{2, 2}}, nil},
		{"no r attributes", `<row><c><v>1</v></c></row><row><c/><c><f>1</f></c></row>`, []cellPos{{2, 2}}, nil},
		{"prefixed tags", `<x:row r="4"><x:c r="C4"><x:f>1</x:f></x:c></x:row>`, []cellPos{{4, 3}}, nil},
		{"text that looks like an attribute", `<row r="2"><c r="A2" t="inlineStr"><is><t> r="Z9" </t></is></c><c r="B2"><f>1</f></c></row>`, []cellPos{{2, 2}}, nil},
		{"merged", `<row r="1"/></sheetData><mergeCells count="2"><mergeCell ref="A2:A4"/><mergeCell ref="C1:D1"/></mergeCells><sheetData>`, nil, []string{"A2:A4", "C1:D1"}},
	}
	for _, tt := range tests {
		s := &sheetScan{}
		if err := s.read(strings.NewReader(`<worksheet><sheetData>` + tt.xml + `</sheetData></worksheet>`)); err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var got []cellPos
		for row, cols := range s.uncomputed {
			for _, c := range cols {
				got = append(got, cellPos{row, c})
			}
		}
		if !slices.Equal(got, tt.uncomputed) {
			t.Errorf("%s: uncomputed %v, want %v", tt.name, got, tt.uncomputed)
		}
		var merged []string
		for _, m := range s.merged {
			merged = append(merged, m.ref)
		}
		if !slices.Equal(merged, tt.merged) {
			t.Errorf("%s: merged %v, want %v", tt.name, merged, tt.merged)
		}
	}
}

// bigWorkbook is a canonical activity workbook of n rows, written by excelize's StreamWriter.
func bigWorkbook(tb testing.TB, n int) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	if err := sw.SetRow("A1", header); err != nil {
		tb.Fatal(err)
	}
	for i := 2; i <= n+1; i++ {
		row := []any{2019 + i%7, "Plant", "RE-CYCLE", "fr.natural-gas.pcs", i, "kWh PCS", nil, nil, nil, fmt.Sprintf("meter %d", i)}
		if err := sw.SetRow(fmt.Sprintf("A%d", i), row); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// The package check on 200,000 rows, to set against reading them with excelize
// (BenchmarkReadWorkbook200k): the check is the price of not trusting the package.
func BenchmarkInspectPackage200k(b *testing.B) {
	data := bigWorkbook(b, 200000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if _, err := inspectPackage(bytes.NewReader(data), int64(len(data)), false); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadWorkbook200k(b *testing.B) {
	data := bigWorkbook(b, 200000)
	b.ResetTimer()
	for range b.N {
		in := &emissions.Input{}
		Read(in, "big.xlsx", bytes.NewReader(data), Options{})
		if in.RowsRead != 200000 || in.Problems.Errors() != 0 {
			b.Fatalf("read %d rows, %d errors", in.RowsRead, in.Problems.Errors())
		}
	}
}

// The scan knows which cells are dates from styles.xml, built-in formats and custom codes
// alike, so a date-typed Year never makes the loader load a whole sheet.
func TestScanDateCells(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	custom := "yyyy"
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	yearStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
	numStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 2})
	for cell, style := range map[string]int{"A2": dateStyle, "A3": yearStyle, "A4": numStyle} {
		f.SetCellValue("Sheet1", cell, 45000)
		f.SetCellStyle("Sheet1", cell, cell, style)
	}
	f.SetCellValue("Sheet1", "A5", 45000)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	info, err := inspectPackage(bytes.NewReader(buf.Bytes()), int64(buf.Len()), false)
	if err != nil {
		t.Fatal(err)
	}
	s := info.sheets["Sheet1"]
	for row, want := range map[int]bool{2: true, 3: true, 4: false, 5: false} {
		if d, known := s.isDate(cellPos{row, 1}); d != want || !known {
			t.Errorf("A%d: date %v (known %v), want %v", row, d, known, want)
		}
	}
}

// Date-typed years on 200,000 rows: the allocations show whether a whole sheet was loaded.
func BenchmarkReadWorkbookDates200k(b *testing.B) {
	f := excelize.NewFile()
	sw, _ := f.NewStreamWriter("Sheet1")
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	sw.SetRow("A1", []any{"Year", "Activity", "Quantity", "Unit"})
	for i := 2; i <= 200001; i++ {
		sw.SetRow(fmt.Sprintf("A%d", i), []any{excelize.Cell{StyleID: style, Value: 45000 + i%365}, "fr.natural-gas.pcs", i, "kWh PCS"})
	}
	sw.Flush()
	var buf bytes.Buffer
	f.Write(&buf)
	f.Close()
	b.ResetTimer()
	for range b.N {
		in := &emissions.Input{}
		Read(in, "dates.xlsx", bytes.NewReader(buf.Bytes()), Options{})
		if in.RowsRead != 200000 || in.Problems.Errors() != 0 {
			b.Fatalf("read %d rows, problems %v", in.RowsRead, in.Problems.List()[:1])
		}
	}
}

// FuzzScanSheet: the sheet scan never panics on arbitrary XML, and whatever it remembers is
// within a sheet's bounds.
func FuzzScanSheet(f *testing.F) {
	f.Add([]byte(`<worksheet><sheetData><row r="2"><c r="E2"><f>1+1</f></c><c s="1" r="F2"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A2:A4"/></mergeCells></worksheet>`))
	f.Add([]byte(`<row><c><f/></c></row><x:c r="XFD1048576"><x:f>1</x:f></x:c>&amp;&#38;&#x26;&nbsp;`))
	f.Add([]byte(`<!DOCTYPE x [<!ENTITY a "b">]><c r='A1'>`))
	f.Add([]byte(`<row r="-5"><c><f>1</f></c></row>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := &sheetScan{styles: dateStyles{1: true}, datesKnown: true}
		_ = s.read(bytes.NewReader(data))
		for row, cols := range s.uncomputed {
			for _, c := range cols {
				if row < 0 || row > excelize.TotalRows+1 || c < 0 || c > excelize.MaxColumns+1 {
					t.Fatalf("uncomputed cell at row %d, column %d", row, c)
				}
			}
		}
	})
}

// A Quantity formatted as a date (Excel turns a typed 1.5 into 1 May in a French workbook) is
// its serial number, not a quantity: every reader rejects it, naming the cell.
func TestDateQuantityRejected(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Energy")
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetSheetRow("Energy", "A1", &[]any{"Year", "Site", "Pole", "Activity", "Quantity", "Unit"})
	f.SetSheetRow("Energy", "A2", &[]any{2024, "Main", "P", "test.steel", 45413, "t"})
	f.SetCellStyle("Energy", "E2", "E2", dateStyle)
	f.SetSheetRow("Energy", "A3", &[]any{2024, "Main", "P", "test.steel", 2, "t"})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	for name, opts := range map[string]Options{"fast": {}, "checked": {checkedOnly: true}} {
		t.Run(name, func(t *testing.T) {
			in := &emissions.Input{}
			Read(in, "w.xlsx", bytes.NewReader(buf.Bytes()), opts)
			ps := in.Problems.List()
			if len(ps) != 1 || ps[0].Cell != "E2" || !strings.Contains(ps[0].Message, "formatted as a date") {
				t.Fatalf("problems %v, want E2 formatted as a date", ps)
			}
			if len(in.Activities) != 1 || in.Activities[0].Quantity != 2 {
				t.Errorf("activities %+v, want the row of 2 t only", in.Activities)
			}
		})
	}
}
