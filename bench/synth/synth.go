// Package synth writes deterministic synthetic activity workbooks in the canonical layout
// (docs/user-guide.md#activity-sheets): sheets Energy, Logistics and Materials with the columns Year, Site, Pole,
// Activity, Quantity, Unit, Comment, strings in the shared-string table as Excel writes them.
// They feed the benchmarks (bench/run.sh, the Go benchmarks of the loader).
//
// excelize builds the package around the sheets (workbook, styles, relationships, the
// header row); the sheet rows and the shared strings are then streamed straight into the zip,
// since excelize's StreamWriter writes strings inline (t="str"), not shared as Excel does.
package synth

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
)

// Header is the canonical header row of every sheet.
var Header = []string{"Year", "Site", "Pole", "Activity", "Quantity", "Unit", "Comment"}

// Sheets are the workbook's activity sheets in order.
var Sheets = []string{"Energy", "Logistics", "Materials"}

type activity struct {
	id, unit string
	lo, hi   float64 // quantity range
	decimals int
}

// activities per sheet: real ids of the built-in library, with units they convert from.
var activities = [][]activity{
	{ // Energy
		{"fr.electricity.grid", "kWh", 500, 250000, 0},
		{"fr.electricity.grid", "MWh", 0.5, 250, 1},
		{"fr.natural-gas.pcs", "kWh PCS", 1000, 400000, 0},
		{"fr.natural-gas.pcs", "MWh PCS", 1, 400, 1},
		{"fr.diesel.off-road", "L", 50, 8000, 0},
		{"fr.propane", "L", 20, 3000, 0},
	},
	{ // Logistics
		{"fr.freight.road.artic-34-40t", "t.km", 100, 90000, 0},
		{"fr.freight.rail.electric", "t.km", 500, 200000, 0},
		{"fr.freight.sea.roro", "t.km", 1000, 500000, 0},
		{"fr.freight.road.van", "t.km", 5, 2000, 0},
		{"uk.freight.sea.car-carrier", "t.km", 1000, 300000, 0},
		{"fr.diesel.road", "L", 20, 5000, 0},
	},
	{ // Materials
		{"fr.material.steel.primary", "t", 0.5, 400, 1},
		{"fr.material.steel.recycled", "t", 0.1, 60, 1},
		{"fr.material.aluminium.primary", "t", 0.1, 40, 1},
		{"fr.material.aluminium.recycled", "kg", 50, 20000, 0},
		{"fr.material.plastic.primary", "t", 0.1, 90, 1},
		{"fr.material.copper.primary", "kg", 10, 5000, 0},
		{"fr.material.glass.primary", "t", 0.1, 30, 1},
		{"uk.material.tyres", "t", 0.1, 20, 1},
	},
}

var (
	sites    = []string{"Flins", "Flins", "Flins", "Hub Nord"}
	poles    = []string{"RE-FACTORY", "RE-TROFIT", "RE-ENERGY", "RE-CYCLE", "RE-START"}
	comments = []string{
		"supplier invoice", "sub-meter reading", "monthly statement", "carrier report",
		"purchase ledger extract", "fuel card export", "estimate from the budget", "",
	}
)

// Rows is the number of data rows per sheet for a workbook of n rows: n split over the sheets,
// the first ones taking the remainder.
func Rows(n, sheet int) int {
	r := n / len(Sheets)
	if sheet < n%len(Sheets) {
		r++
	}
	return r
}

// Options choose the workbook.
type Options struct {
	Rows int    // data rows in all, split over the three sheets (years 2019–2025)
	Seed uint64 // the same options give the same bytes
	// InlineStrings writes text cells inline (t="inlineStr"), as excelize's StreamWriter
	// does, instead of in the shared-string table as Excel does.
	InlineStrings bool
	// Poles and Sites, when positive, give the rows that many distinct poles or sites, named
	// "pole 1", "pole 2", … ("site 1", …) in turn over the rows of every sheet, instead of the
	// five poles and two sites of the demo. Every other cell stays what it is without them,
	// so a workbook of 20,000 poles and one of a single pole hold the same rows.
	Poles, Sites int
}

// Write writes the workbook of opts to w.
func Write(w io.Writer, opts Options) error {
	skeleton, err := buildSkeleton()
	if err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(skeleton), int64(len(skeleton)))
	if err != nil {
		return err
	}
	// The shared-string table: the header, the fixed vocabularies, then the comments that
	// carry a row's own reference, in first-use order as Excel numbers them.
	sst := &table{index: map[string]int{}}
	for _, h := range Header {
		sst.id(h)
	}
	sst.count = 0 // references are counted as the sheets are written
	bw := bufio.NewWriterSize(w, 1<<16)
	zw := zip.NewWriter(bw)
	for _, f := range zr.File {
		if f.Name == "xl/sharedStrings.xml" {
			continue
		}
		var sheet = -1
		for i := range Sheets {
			if f.Name == fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1) {
				sheet = i
			}
		}
		if sheet >= 0 {
			continue // written below
		}
		if err := copyPart(zw, f); err != nil {
			return err
		}
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x9e3779b97f4a7c15))
	first := 0 // the workbook's index of the sheet's first row
	for i := range Sheets {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), Method: zip.Deflate, Modified: modTime})
		if err != nil {
			return err
		}
		sw := sheetWriter{sst: sst, inline: opts.InlineStrings, poles: opts.Poles, sites: opts.Sites, first: first}
		if err := sw.write(fw, rng, i, Rows(opts.Rows, i)); err != nil {
			return err
		}
		first += Rows(opts.Rows, i)
	}
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: "xl/sharedStrings.xml", Method: zip.Deflate, Modified: modTime})
	if err != nil {
		return err
	}
	if err := sst.write(fw); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return bw.Flush()
}

var modTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// buildSkeleton is the workbook without its rows: three sheets with their header, through
// excelize's ordinary API so that the header strings are shared.
func buildSkeleton() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "footprint bench/synth", Created: "2026-01-01T00:00:00Z", Modified: "2026-01-01T00:00:00Z"}); err != nil {
		return nil, err
	}
	if err := f.SetSheetName("Sheet1", Sheets[0]); err != nil {
		return nil, err
	}
	for _, s := range Sheets[1:] {
		if _, err := f.NewSheet(s); err != nil {
			return nil, err
		}
	}
	for _, s := range Sheets {
		for c, h := range Header {
			cell, _ := excelize.CoordinatesToCellName(c+1, 1)
			if err := f.SetCellValue(s, cell, h); err != nil {
				return nil, err
			}
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func copyPart(zw *zip.Writer, f *zip.File) error {
	r, err := f.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: modTime})
	if err != nil {
		return err
	}
	_, err = io.Copy(w, r)
	return err
}

// table is the shared-string table.
type table struct {
	index map[string]int
	list  []string
	count int // references, Excel's count attribute
}

func (t *table) id(s string) int {
	t.count++
	if i, ok := t.index[s]; ok {
		return i
	}
	t.index[s] = len(t.list)
	t.list = append(t.list, s)
	return len(t.list) - 1
}

func (t *table) write(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, t.count, len(t.list))
	for _, s := range t.list {
		bw.WriteString("<si><t>")
		if err := xml.EscapeText(bw, []byte(s)); err != nil {
			return err
		}
		bw.WriteString("</t></si>")
	}
	bw.WriteString("</sst>")
	return bw.Flush()
}

const sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
	`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
	`<dimension ref="A1:G%d"/><sheetViews><sheetView workbookViewId="0"%s/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>`

type sheetWriter struct {
	sst          *table
	inline       bool
	poles, sites int // distinct names, 0 for the fixed lists
	first        int // the workbook's index of the sheet's first row
}

// name is the text of a Pole or Site cell: the fixed list's pick, or with n distinct names the
// row's turn among them.
func name(prefix string, n, row int, pick string) string {
	if n <= 0 {
		return pick
	}
	return prefix + strconv.Itoa(row%n+1)
}

// str appends a text cell.
func (sw sheetWriter) str(b []byte, col, row int, s string) []byte {
	if !sw.inline {
		return sharedCell(b, col, row, sw.sst.id(s))
	}
	b = cellRef(b, col, row)
	b = append(b, ` t="inlineStr"><is><t>`...)
	b = appendEscaped(b, s)
	return append(b, `</t></is></c>`...)
}

// write streams one sheet: the header, then rows years 2019–2025 in order.
func (sw sheetWriter) write(w io.Writer, rng *rand.Rand, sheet, rows int) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	selected := ""
	if sheet == 0 {
		selected = ` tabSelected="1"`
	}
	fmt.Fprintf(bw, sheetHead, rows+1, selected)
	var b []byte
	b = append(b, `<row r="1">`...)
	for c, h := range Header {
		b = sw.str(b, c, 1, h)
	}
	b = append(b, `</row>`...)
	acts := activities[sheet]
	for i := range rows {
		r := i + 2
		year := 2019 + i*7/max(rows, 1)
		a := acts[rng.IntN(len(acts))]
		q := a.lo + (a.hi-a.lo)*rng.Float64()
		p := math.Pow(10, float64(a.decimals))
		q = math.Round(q*p) / p
		comment := comments[rng.IntN(len(comments))]
		if i%4 == 3 {
			comment = fmt.Sprintf("ref %s-%07d", Sheets[sheet][:3], i)
		}
		b = append(b, `<row r="`...)
		b = strconv.AppendInt(b, int64(r), 10)
		b = append(b, `">`...)
		b = numberCell(b, 0, r, strconv.AppendInt(nil, int64(year), 10))
		b = sw.str(b, 1, r, name("site ", sw.sites, sw.first+i, sites[rng.IntN(len(sites))]))
		b = sw.str(b, 2, r, name("pole ", sw.poles, sw.first+i, poles[rng.IntN(len(poles))]))
		b = sw.str(b, 3, r, a.id)
		b = numberCell(b, 4, r, strconv.AppendFloat(nil, q, 'f', -1, 64))
		b = sw.str(b, 5, r, a.unit)
		if comment != "" {
			b = sw.str(b, 6, r, comment)
		}
		b = append(b, `</row>`...)
		if len(b) > 1<<15 {
			if _, err := bw.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	b = append(b, `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`...)
	if _, err := bw.Write(b); err != nil {
		return err
	}
	return bw.Flush()
}

func appendEscaped(b []byte, s string) []byte {
	var buf bytes.Buffer
	_ = xml.EscapeText(&buf, []byte(s))
	return append(b, buf.Bytes()...)
}

func cellRef(b []byte, col, row int) []byte {
	b = append(b, `<c r="`...)
	b = append(b, byte('A'+col))
	b = strconv.AppendInt(b, int64(row), 10)
	return append(b, '"')
}

func sharedCell(b []byte, col, row, id int) []byte {
	b = cellRef(b, col, row)
	b = append(b, ` t="s"><v>`...)
	b = strconv.AppendInt(b, int64(id), 10)
	return append(b, `</v></c>`...)
}

func numberCell(b []byte, col, row int, v []byte) []byte {
	b = cellRef(b, col, row)
	b = append(b, `><v>`...)
	b = append(b, v...)
	return append(b, `</v></c>`...)
}
