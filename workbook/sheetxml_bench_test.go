package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/xuri/excelize/v2"
)

// The fast sheet reader against excelize's Rows on a generated workbook of 100,000 activity
// rows over three sheets of 7 columns (Year, Site, Activity, Quantity, Unit, Scope, Comment),
// strings shared as Excel writes them:
//
//	go test ./workbook -run '^$' -bench 'SheetRows|ReadWorkbook(Fast|Excelize)' -benchmem

var benchBook = sync.OnceValue(func() []byte { return benchWorkbook(100_000) })

func benchWorkbook(rows int) []byte {
	r := rand.New(rand.NewPCG(7, 7))
	sst := []string{"<t>Year</t>", "<t>Site</t>", "<t>Activity</t>", "<t>Quantity</t>", "<t>Unit</t>", "<t>Scope</t>", "<t>Comment</t>"}
	ids := []string{"fr.electricity.grid", "fr.gas.natural", "fr.diesel.road", "materials.steel.primary"}
	units := []string{"kWh", "kWh PCS", "L", "t"}
	sites := []string{"Main", "Nord", "Usine 2"}
	for _, s := range append(append(ids, units...), sites...) {
		sst = append(sst, "<t>"+s+"</t>")
	}
	comments := len(sst)
	for i := range 2000 {
		sst = append(sst, fmt.Sprintf("<t>invoice %06d</t>", i))
	}
	var sheets []rawSheet
	for s, name := range []string{"Energy", "Logistics", "Materials"} {
		var b strings.Builder
		b.WriteString(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c></row>`)
		n := rows / 3
		if s == 0 {
			n += rows % 3
		}
		for i := range n {
			row := i + 2
			k := r.IntN(len(ids))
			fmt.Fprintf(&b, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="s"><v>%d</v></c><c r="C%d" t="s"><v>%d</v></c><c r="D%d"><v>%g</v></c><c r="E%d" t="s"><v>%d</v></c><c r="F%d"><v>%d</v></c><c r="G%d" t="s"><v>%d</v></c></row>`,
				row, row, 2020+r.IntN(6), row, 7+len(ids)+len(units)+r.IntN(len(sites)), row, 7+k, row, float64(r.IntN(1_000_000))/100, row, 7+len(ids)+k, row, 1+r.IntN(3), row, comments+r.IntN(2000))
		}
		sheets = append(sheets, rawSheet{name: name, data: b.String()})
	}
	var tb testing.TB = &testing.B{}
	return rawWorkbook(tb, false, sst, sheets)
}

func benchOpen(b *testing.B) (*excelize.File, *zip.Reader, *packageInfo) {
	data := benchBook()
	info, err := inspectPackage(bytes.NewReader(data), int64(len(data)), false)
	if err != nil {
		b.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: unzipSizeLimit, UnzipXMLSizeLimit: unzipXMLSizeLimit})
	if err != nil {
		b.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		b.Fatal(err)
	}
	return f, zr, info
}

func benchmarkSheetRows(b *testing.B, slow bool) {
	f, zr, info := benchOpen(b)
	defer f.Close()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		sr := &sheetRows{f: f, zr: zr, slow: slow}
		cells := 0
		for _, sheet := range f.GetSheetList() {
			rs, err := sr.open(sheet, info.sheets[sheet].part)
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
			if fr, ok := rs.(*fastRows); ok && fr.ex != nil {
				b.Fatal("handed over to excelize")
			}
			rs.Close()
		}
		if cells != 7*100_003 {
			b.Fatalf("%d cells", cells)
		}
	}
}

// Rows and Columns over every sheet, shared strings included (read once per iteration).
func BenchmarkSheetRowsFast(b *testing.B)     { benchmarkSheetRows(b, false) }
func BenchmarkSheetRowsExcelize(b *testing.B) { benchmarkSheetRows(b, true) }

func benchmarkReadWorkbook(b *testing.B, slow bool) {
	data := benchBook()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		in := &emissions.Input{}
		Read(in, "bench.xlsx", bytes.NewReader(data), Options{excelizeRows: slow})
		if in.RowsRead != 100_000 {
			b.Fatalf("read %d rows: %s", in.RowsRead, problemText(in))
		}
	}
}

// The whole loader: package check, excelize's open, the sheets read, the rows parsed.
func BenchmarkReadWorkbookFast(b *testing.B)     { benchmarkReadWorkbook(b, false) }
func BenchmarkReadWorkbookExcelize(b *testing.B) { benchmarkReadWorkbook(b, true) }
