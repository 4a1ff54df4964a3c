package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/xuri/excelize/v2"
)

// The fast sheet reader must give what excelize's Rows gives, row by row and cell by cell:
// these tests read workbooks with both and compare.

// sheetDump is what a reader gives for one sheet: each row's cells (and hidden flag), each
// Columns error, and the final error.
type sheetDump struct {
	rows    []string
	openErr string
}

func dumpRows(rs rowSource, err error) sheetDump {
	if err != nil {
		return sheetDump{openErr: err.Error()}
	}
	var d sheetDump
	n := 0
	for rs.Next() {
		n++
		cells, err := rs.Columns()
		if cells == nil && err == nil && !rs.Hidden() {
			continue // a gap: only its number shows, in the next row's
		}
		line := fmt.Sprintf("%d hidden=%v %q", n, rs.Hidden(), cells)
		if err != nil {
			line += " error: " + err.Error()
		}
		d.rows = append(d.rows, line)
	}
	d.rows = append(d.rows, fmt.Sprintf("%d rows", n))
	if err := rs.Error(); err != nil {
		d.rows = append(d.rows, "error: "+err.Error())
	}
	if err := rs.Close(); err != nil {
		d.rows = append(d.rows, "close: "+err.Error())
	}
	return d
}

// differ reads every sheet of a workbook with both readers and reports the first difference;
// it returns how many sheets the fast reader read without handing over to excelize.
func differ(t testing.TB, data []byte) (fast, sheets int) {
	t.Helper()
	info, err := inspectPackage(bytes.NewReader(data), int64(len(data)), false)
	if err != nil {
		return 0, 0 // the loader refuses it before reading a sheet
	}
	open := func() *excelize.File {
		f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: unzipSizeLimit, UnzipXMLSizeLimit: unzipXMLSizeLimit})
		if err != nil {
			return nil
		}
		return f
	}
	fx, ff := open(), open()
	if fx == nil || ff == nil {
		return 0, 0
	}
	defer fx.Close()
	defer ff.Close()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	fastRowsOf := &sheetRows{f: ff, zr: zr}
	for _, sheet := range fx.GetSheetList() {
		part := ""
		if s := info.sheets[sheet]; s != nil {
			part = s.part
		}
		want := dumpRows(openExcelizeRows(fx, sheet))
		rs, err := fastRowsOf.open(sheet, part)
		got := dumpRows(rs, err)
		fr, isFast := rs.(*fastRows)
		isFast = isFast && fr.ex == nil
		sheets++
		if isFast {
			fast++
		}
		if got.openErr != want.openErr {
			t.Fatalf("sheet %q: open error %q, excelize %q", sheet, got.openErr, want.openErr)
		}
		if i := firstDiff(got.rows, want.rows); i >= 0 {
			t.Fatalf("sheet %q (fast %v), line %d:\n got  %s\n want %s", sheet, isFast, i, at(got.rows, i), at(want.rows, i))
		}
	}
	return fast, sheets
}

func firstDiff(a, b []string) int {
	for i := range max(len(a), len(b)) {
		if at(a, i) != at(b, i) {
			return i
		}
	}
	return -1
}

func at(s []string, i int) string {
	if i < len(s) {
		return short(s[i])
	}
	return "(none)"
}

// Every workbook of the broken-input corpus.
func TestSheetReaderDifferentialBrokenCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "broken", "*.xlsx"))
	if len(files) < 30 {
		t.Fatalf("%d files", len(files))
	}
	fast := 0
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			n, _ := differ(t, data)
			fast += n
		})
	}
	if fast == 0 {
		t.Error("the fast reader read no sheet of the corpus itself")
	}
}

// Every input of the FuzzReadWorkbook corpus.
func TestSheetReaderDifferentialFuzzCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "fuzz", "FuzzReadWorkbook", "*"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		b, ok := fuzzBytes(data)
		if !ok {
			t.Fatalf("%s: not a []byte corpus entry", name)
		}
		t.Run(filepath.Base(name), func(t *testing.T) { differ(t, b) })
	}
}

// fuzzBytes reads a "go test fuzz v1" file of one []byte.
func fuzzBytes(file []byte) ([]byte, bool) {
	_, rest, ok := strings.Cut(string(file), "\n")
	rest = strings.TrimSpace(rest)
	if !ok || !strings.HasPrefix(rest, "[]byte(") || !strings.HasSuffix(rest, ")") {
		return nil, false
	}
	s, err := unquoteGo(rest[len("[]byte(") : len(rest)-1])
	return []byte(s), err == nil
}

func unquoteGo(s string) (string, error) { return strconv.Unquote(s) }

// FuzzSheetReaderDifferential: whatever the bytes, when excelize opens them as a workbook,
// both readers give the same rows.
func FuzzSheetReaderDifferential(f *testing.F) {
	for seed := range uint64(8) {
		f.Add(generateRaw(f, seed))
	}
	f.Add(workbook(f, sheet{"Energy", [][]any{header, {2024, "Main", "P", "test.steel", 1, "t"}}}))
	f.Fuzz(func(t *testing.T, data []byte) { differ(t, data) })
}

// FuzzSheetXMLDifferential fuzzes the sheet XML itself (the zip around it would hide it from
// the fuzzer): the bytes are the sheet data of a workbook with shared strings.
func FuzzSheetXMLDifferential(f *testing.F) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 8 {
		f.Add(rawRows(r, 4))
	}
	f.Add(`<row><c><f/></c></row><x:c r="XFD1048576"><x:f>1</x:f></x:c>&amp;&#38;&#x26;`)
	f.Add(`<row r="3"><c r="C3" t="inlineStr"><is><r><t>a</t></r><t>b</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>`)
	f.Add(`</sheetData><row r="1"><c><v>1</v></c></row><sheetData>`)
	sst := []string{sstItems[0], sstItems[8], sstItems[9], sstItems[12]}
	f.Fuzz(func(t *testing.T, data string) {
		differ(t, rawWorkbook(t, false, sst, []rawSheet{{name: "S", data: data}}))
	})
}

// Parts larger than unzipXMLSizeLimit, which excelize unpacks to temporary files: a sheet and
// a shared-strings table of a few huge strings each, so that both readers are quick.
func TestSheetReaderDifferentialBigParts(t *testing.T) {
	big := func(i int) string { return fmt.Sprintf("%d %s", i, strings.Repeat("abcdefgh ", 100_000)) }
	var sst []string
	for i := range 20 {
		sst = append(sst, "<t>"+big(i)+"</t>")
	}
	sst = append(sst, "<t>Year</t>")
	var rows strings.Builder
	for i := range 20 {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="s"><v>%d</v></c><c r="C%d" t="inlineStr"><is><t>%s</t></is></c><c r="D%d"><v>%d</v></c></row>`, i+1, i+1, i, i+1, big(i), i+1, i)
	}
	rows.WriteString(`<row r="30"><c r="B30" t="s"><v>20</v></c></row>`)
	data := rawWorkbook(t, false, sst, []rawSheet{{name: "Big", data: rows.String()}, {name: "Small", data: `<row><c t="s"><v>20</v></c></row>`}})
	if fast, sheets := differ(t, data); fast != sheets {
		t.Errorf("%d of %d sheets read fast", fast, sheets)
	}
}

// The loader reads the same activities, instruments and problems through either reader.
func TestReadWorkbookSameWithExcelizeRows(t *testing.T) {
	var books [][]byte
	files, _ := filepath.Glob(filepath.Join("testdata", "broken", "*.xlsx"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		books = append(books, data)
	}
	for seed := range uint64(20) {
		for _, data := range generate(t, seed, 1).files {
			books = append(books, data)
		}
		books = append(books, generateRaw(t, seed))
	}
	for i, data := range books {
		var fast, slow emissions.Input
		Read(&fast, "w.xlsx", bytes.NewReader(data), Options{DefaultSite: "Main"})
		Read(&slow, "w.xlsx", bytes.NewReader(data), Options{DefaultSite: "Main", excelizeRows: true})
		if a, b := fmt.Sprintf("%+v", fast), fmt.Sprintf("%+v", slow); a != b {
			t.Errorf("workbook %d:\n fast  %s\n excelize %s", i, short(a), short(b))
		}
	}
}
