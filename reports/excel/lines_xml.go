package excel

import (
	"math"
	"strconv"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/internal/xlsxwrite"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
	"github.com/xuri/excelize/v2"
)

// The rows of the Lines sheets are written as XML by lineRows, not by excelize's StreamWriter:
// at a million lines the StreamWriter's per-cell work (interfaces, cell names, escaping
// through encoding/xml, regular expressions) is most of the export's time. lineRows writes
// what the StreamWriter writes for the same values — the same cells, types, styles and text —
// and a differential test holds it to that (TestLinesWriterMatchesStreamWriter), with one
// difference: a cell's reference (r="H5") is written only after a column left blank, as
// LargeXlsx and SpreadCheetah write them (the reference is optional, ECMA-376 Part 1,
// §18.3.1.4: a cell without one is the next of its row). Every row keeps its own. A reference
// differs on every row, so it breaks the repeats that deflate finds between consecutive
// rows: without them the sheet XML is a fifth smaller and deflates twice as fast, into a part
// a third of the size.

// lineRows appends the <row> elements of the Lines sheets.
type lineRows struct {
	cols  [lineColumns]lineCol
	words lineWords // the codes of the method, part and data type columns in the report's language
	lang  lang.Lang // the report's, for the source column
	row   []byte    // the current row number, in digits
	next  int       // the column of the row's next cell if none is left blank
}

// lineColumns is the number of columns of a Lines sheet (linesColumns).
const lineColumns = 26

// lineCol is one column: the start of its cell reference up to the row number (`<c r="H`),
// the rest of the opening tag for a number and for a text, and the last text written with its
// escaped form: consecutive lines repeat their file, sheet, site, source … (Comparing with the
// last text relies on strings being immutable: a LineSource must not give strings whose bytes
// it reuses.)
type lineCol struct {
	ref        string
	numTag     string // ` s="10">` or `>`
	strTag     string // ` t="inlineStr">` (with s= when the column has a style)
	last       string // a text column's last text
	lastBits   uint64 // a number column's last number
	lastEscape []byte // how the last one was written
	cached     bool
}

func newLineRows(cols []column, words lineWords, l lang.Lang) *lineRows {
	w := &lineRows{words: words, lang: l}
	for i := range w.cols {
		name, _ := excelize.ColumnNumberToName(i + 1) // 1 to 26: no error
		c := &w.cols[i]
		c.ref = `<c r="` + name
		style := ""
		if s := cols[i].style; s != 0 {
			style = ` s="` + strconv.Itoa(s) + `"`
		}
		c.numTag = style + `>`
		c.strTag = style + ` t="inlineStr">`
	}
	return w
}

// appendRow appends the row of line l at the 1-based sheet row r. Strings longer than a cell
// holds are cut as exporter.text cuts them (the warnings were given by the first pass).
func (w *lineRows) appendRow(b []byte, r int, l *emissions.Line) []byte {
	w.row = strconv.AppendInt(w.row[:0], int64(r), 10)
	b = append(b, `<row r="`...)
	b = append(b, w.row...)
	b = append(b, `">`...)
	w.next = 0
	b = w.str(b, 0, l.Place.File, true)
	b = w.str(b, 1, l.Place.Sheet, true)
	b = w.int(b, 2, l.Place.Row, true)
	b = w.int(b, 3, l.Year, true)
	b = w.str(b, 4, l.Site, false)
	b = w.str(b, 5, l.Pole, false)
	b = w.str(b, 6, l.Activity, true)
	b = w.float(b, 7, l.Quantity)
	b = w.str(b, 8, l.Unit, true)
	b = w.float(b, 9, l.Converted)
	b = w.str(b, 10, l.FactorUnit, false)
	b = w.str(b, 11, l.FactorID, false)
	b = w.int(b, 12, l.FactorYear, false)
	b = w.float(b, 13, l.FactorValue)
	b = w.str(b, 14, reports.SourceIn(w.lang, l.Source), false)
	b = w.int(b, 15, l.Scope, true)
	b = w.int(b, 16, l.Category, false)
	b = w.str(b, 17, w.words.of(l.Method), false)
	b = w.str(b, 18, w.words.of(string(l.Part)), true)
	b = w.float(b, 19, l.TCO2e)
	if l.BiogenicCO2 != 0 {
		b = w.float(b, 20, l.BiogenicCO2)
	}
	b = w.str(b, 21, l.Comment, false)
	b = w.str(b, 22, l.Entity, false)
	b = w.float(b, 23, l.Share)
	b = w.float(b, 24, l.Gross)
	b = w.str(b, 25, w.words.of(l.DataType), false)
	return append(b, `</row>`...)
}

// str appends a text cell; an empty string gives an empty text cell when always is set, as
// the StreamWriter writes "" (blankIfEmpty gives no cell instead).
func (w *lineRows) str(b []byte, i int, s string, always bool) []byte {
	if s == "" && !always {
		return b
	}
	c := &w.cols[i]
	b = w.open(b, i)
	b = append(b, c.strTag...)
	if !c.cached || s != c.last {
		c.last, c.cached = s, true
		c.lastEscape = xlsxwrite.AppendInlineText(c.lastEscape[:0], xlsxwrite.TruncateCell(s))
	}
	b = append(b, c.lastEscape...)
	return append(b, `</t></is></c>`...)
}

func (w *lineRows) int(b []byte, i, v int, always bool) []byte {
	if v == 0 && !always {
		return b
	}
	c := &w.cols[i]
	b = w.open(b, i)
	b = append(b, c.numTag...)
	b = append(b, `<v>`...)
	b = strconv.AppendInt(b, int64(v), 10)
	return append(b, `</v></c>`...)
}

// open appends the start of the cell of column i: `<c`, with its reference when the column
// before it was left blank.
func (w *lineRows) open(b []byte, i int) []byte {
	if i == w.next {
		b = append(b, `<c`...)
	} else {
		b = append(b, w.cols[i].ref...)
		b = append(b, w.row...)
		b = append(b, '"')
	}
	w.next = i + 1
	return b
}

// sameAs is the column written before i in the row that often holds the same number (the
// quantity for the quantity in the factor's unit, the tCO2e for the gross tCO2e), when it
// holds bits now.
func (w *lineRows) sameAs(i int, bits uint64) *lineCol {
	o := -1
	switch i {
	case 9:
		o = 7
	case 24:
		o = 19
	}
	if o < 0 || !w.cols[o].cached || w.cols[o].lastBits != bits {
		return nil
	}
	return &w.cols[o]
}

func (w *lineRows) float(b []byte, i int, v float64) []byte {
	c := &w.cols[i]
	b = w.open(b, i)
	b = append(b, c.numTag...)
	b = append(b, `<v>`...)
	// Factor values, units and many quantities repeat from line to line: format each once.
	if bits := math.Float64bits(v); !c.cached || bits != c.lastBits {
		c.lastBits, c.cached = bits, true
		if o := w.sameAs(i, bits); o != nil {
			c.lastEscape = append(c.lastEscape[:0], o.lastEscape...)
		} else {
			c.lastEscape = xlsxwrite.AppendCellFloat(c.lastEscape[:0], v)
		}
	}
	b = append(b, c.lastEscape...)
	return append(b, `</v></c>`...)
}
