package reports

import (
	"bytes"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/footprint/footprint/emissions"
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
	cols [lineColumns]lineCol
	row  []byte // the current row number, in digits
	next int    // the column of the row's next cell if none is left blank
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

func newLineRows(cols []column) *lineRows {
	w := &lineRows{}
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
	b = w.str(b, 14, l.Source, false)
	b = w.int(b, 15, l.Scope, true)
	b = w.int(b, 16, l.Category, false)
	b = w.str(b, 17, l.Method, false)
	b = w.str(b, 18, string(l.Part), true)
	b = w.float(b, 19, l.TCO2e)
	if l.BiogenicCO2 != 0 {
		b = w.float(b, 20, l.BiogenicCO2)
	}
	b = w.str(b, 21, l.Comment, false)
	b = w.str(b, 22, l.Entity, false)
	b = w.float(b, 23, l.Share)
	b = w.float(b, 24, l.Gross)
	b = w.str(b, 25, l.DataType, false)
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
		c.lastEscape = appendInlineText(c.lastEscape[:0], truncateCell(s))
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
			c.lastEscape = appendCellFloat(c.lastEscape[:0], v)
		}
	}
	b = append(b, c.lastEscape...)
	return append(b, `</v></c>`...)
}

// appendCellFloat appends v as excelize writes a float64 cell: the shortest decimal that reads
// back as v, without exponent, cut (not rounded) to Excel's 15 significant digits. v is
// finite: the lines are checked before they are written.
func appendCellFloat(b []byte, v float64) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, v, 'f', -1, 64)
	if math.Abs(v) == math.MaxFloat64 {
		return b
	}
	const maxPrec = 15
	str := b[start:]
	decimal := bytes.IndexByte(str, '.')
	significant := 0
	for idx, ch := range str {
		if ch < '0' || ch > '9' || significant == 0 && ch == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return bytes.TrimSuffix(b[:start+idx], []byte("."))
		}
		if decimal < 0 {
			decimal = len(str)
		}
		for ; idx < decimal; idx++ {
			str[idx] = '0'
		}
		return b[:start+decimal]
	}
	return b
}

// truncateCell cuts s to what a cell holds (exporter.text, without the warning).
func truncateCell(s string) string {
	if len(s) <= maxCellChars {
		return s
	}
	if i := cellCut(s); i >= 0 {
		return s[:i]
	}
	return s
}

// textEscape marks the ASCII bytes that text cannot hold as they are: XML's markup characters
// and the control characters (tab and carriage return are written as character references,
// the others are not allowed in XML 1.0 and become U+FFFD, as encoding/xml writes them;
// newline stays). '_' starts the check for an _xHHHH_ sequence.
var textEscape = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = c != '\n'
	}
	for _, c := range `"&'<>_` {
		t[c] = true
	}
	return t
}()

// appendInlineText appends the inline text element of s up to its content: `<is><t>` (with
// xml:space="preserve" when s starts or ends with a space, tab or line break) and s escaped as
// excelize's StreamWriter escapes it: encoding/xml's EscapeText, newlines kept, then every
// _xHHHH_ sequence (which readers take for an escaped character) escaped as _x005F_xHHHH_.
func appendInlineText(b []byte, s string) []byte {
	b = append(b, `<is><t`...)
	if s != "" && (isSpaceByte(s[0]) || isSpaceByte(s[len(s)-1])) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !textEscape[c] {
				i++
				continue
			}
			var esc string
			switch c {
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\t':
				esc = "&#x9;"
			case '\r':
				esc = "&#xD;"
			case '_':
				n := bstrLen(s[i:])
				if n == 0 {
					i++
					continue
				}
				b = append(b, s[last:i]...)
				b = append(b, "_x005F"...)
				if s[i:i+n] == "_x005F_" {
					// excelize's rule: _x005F_ followed by xHHHH_ becomes _x005F_x005F_x005F_,
					// which its reader turns back into _x005F_ without taking the xHHHH_ after
					// it for a sequence of its own.
					if bstrLen(s[i+n-1:]) == 7 {
						b = append(b, "_x005F_x005F_"...)
					} else {
						b = append(b, "_x005F_"...)
					}
				} else {
					b = append(b, s[i:i+n]...)
				}
				i += n
				last = i
				continue
			default: // other control characters
				esc = "\uFFFD"
			}
			b = append(b, s[last:i]...)
			b = append(b, esc...)
			i++
			last = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
			b = append(b, s[last:i]...)
			b = append(b, "\uFFFD"...)
			i += n
			last = i
			continue
		}
		i += n
	}
	return append(b, s[last:]...)
}

// bstrLen is 7 if s starts with an _xHHHH_ sequence (H a hexadecimal digit), else 0.
func bstrLen(s string) int {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return 0
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return 0
		}
	}
	return 7
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
