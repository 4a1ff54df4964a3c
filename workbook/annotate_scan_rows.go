package workbook

import (
	"bytes"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/internal/xlsxwrite"
	"github.com/xuri/excelize/v2"
)

// The first pass's reading of the rows: each cell's column and class, its content read only
// when it may move the last used column (or holds a formula).

// scanner reads the rows of the first pass.
type scanner struct {
	c    *sheetCutter
	p    *sheetPlan
	sst  *sharedStrings
	text []byte // an inline string's text
	v    []byte // a cell's <v>
	// cellFormula says the cell content just read has a formula
	cellFormula bool
}

// rows reads <sheetData> after its start tag.
func (sc *scanner) rows() error {
	c, p := sc.c, sc.p
	row := 0
	for {
		t, n, empty, more, err := nextRow(c, row)
		if err != nil {
			return err
		}
		if !more {
			if p.sawHeader && !p.headerSettled {
				p.settleHeader()
			}
			return nil
		}
		if t == nil {
			break
		}
		row = n
		p.lastRow = row
		if row == p.headerRow {
			p.sawHeader = true
			if v, ok, err := c.attrValue("s"); err != nil {
				return err
			} else if ok {
				p.headerRowS, _ = strconv.Atoi(string(v))
			}
		}
		if row > p.headerRow && !p.headerSettled {
			p.settleHeader()
		}
		if !empty {
			if err := sc.cells(row); err != nil {
				return err
			}
		}
	}
	if err := c.Err(); err != nil {
		return err
	}
	return io.ErrUnexpectedEOF
}

// rowNumber is the number of the row whose tag is the current token, after row prev.
func rowNumber(c *sheetCutter, prev int) (int, error) {
	v, ok, err := c.attrValue("r")
	if err != nil {
		return 0, err
	}
	if !ok {
		return prev + 1, nil
	}
	n, err := strconv.Atoi(string(v))
	if err != nil || n <= prev || n > excelize.TotalRows {
		return 0, notStreamed("row %q after row %d", v, prev)
	}
	return n, nil
}

// cellColumnAfter is the column of the cell whose tag is the current token, after column prev.
func cellColumnAfter(c *sheetCutter, prev int) (int, error) {
	v, ok, err := c.attrValue("r")
	if err != nil {
		return 0, err
	}
	if !ok {
		return prev + 1, nil
	}
	col := 0
	for _, b := range v {
		if b < 'A' || b > 'Z' {
			break
		}
		col = col*26 + int(b-'A'+1)
	}
	if col <= prev || col > excelize.MaxColumns {
		return 0, notStreamed("cell %q after column %d", v, prev)
	}
	return col, nil
}

// settleHeader finds the previous annotation from the header row: the AnnotateHeaders at its
// end, as dropAnnotation does, and accounts for the cells seen so far.
func (p *sheetPlan) settleHeader() {
	p.headerSettled = true
	end := len(p.headerCells)
	for end > 0 && p.headerCells[end-1] == cellBlank {
		end--
	}
	start := end
	for start > 0 && p.headerCells[start-1] == cellAnnotateHeader {
		start--
	}
	p.dropStart, p.dropEnd = start+1, end
	if !p.dropping() {
		p.dropStart, p.dropEnd = excelize.MaxColumns+1, excelize.MaxColumns // settled, none
	}
	for col, value := range p.aboveHeader {
		p.note(col, value)
	}
	for i, cl := range p.headerCells {
		if _, ok := p.headerStyles[i+1]; ok || cl != cellBlank {
			p.note(i+1, cl != cellBlank)
		}
	}
	p.aboveHeader = nil
}

// note takes a cell into account once the previous annotation is known.
func (p *sheetPlan) note(col int, value bool) {
	if p.inDrop(col) {
		return
	}
	col = p.shifted(col)
	p.maxCell = max(p.maxCell, col)
	if value {
		p.lastUsed = max(p.lastUsed, col)
	}
}

// nextRow reads up to the next row of <sheetData>: its start tag t and its number (row is the
// number of the row before it), and whether it is empty (<row …/>). more is false at the end
// of <sheetData>; t is nil, with more true, when the part ends first.
func nextRow(c *sheetCutter, row int) (t []byte, n int, empty, more bool, err error) {
	for c.next() {
		if !c.markup {
			continue
		}
		t = c.token()
		name, end, empty := tagName(t)
		if end && string(name) == "sheetData" {
			return nil, 0, false, false, nil
		}
		if end || string(name) != "row" {
			return nil, 0, false, false, notStreamed("<%s> in <sheetData>", name)
		}
		n, err := rowNumber(c, row)
		return t, n, empty, err == nil, err
	}
	return nil, 0, false, true, nil
}

// nextCell reads up to the next cell of a row: its start tag t and its column (col is the
// column of the cell before it), and whether it is empty (<c …/>). more is false at the row's
// end tag; t is nil, with more true, when the part ends first (the caller checks the cutter's
// error).
func nextCell(c *sheetCutter, col int) (t []byte, n int, empty, more bool, err error) {
	for c.next() {
		if !c.markup {
			continue
		}
		t = c.token()
		name, end, empty := tagName(t)
		if end && string(name) == "row" {
			return nil, 0, false, false, nil
		}
		if end || string(name) != "c" {
			return nil, 0, false, false, notStreamed("<%s> in a row", name)
		}
		n, err := cellColumnAfter(c, col)
		return t, n, empty, err == nil, err
	}
	return nil, 0, false, true, nil
}

// cells reads the cells of one row, up to its end tag.
func (sc *scanner) cells(row int) error {
	c, p := sc.c, sc.p
	col := 0
	for {
		t, n, empty, more, err := nextCell(c, col)
		if err != nil || !more {
			return err
		}
		if t == nil {
			break
		}
		col = n
		if row > p.headerRow && (p.inDrop(col) || p.shifted(col) <= p.lastUsed) {
			// Left of a value already seen, or to be dropped: what it holds changes
			// nothing, but for its formula, if it has one.
			if !empty {
				if !c.skipPast([]byte("</c>")) {
					break
				}
				if bytes.Contains(c.passed, []byte("<f")) {
					p.formula = true
					formulasIn(c.passed, p.refs)
				}
			}
			continue
		}
		tv, _, err := c.attrValue("t")
		if err != nil {
			return err
		}
		typ := typeNumber // quickrows.go's cell types: any t but "s" and "inlineStr" is the value as written
		switch string(tv) {
		case "s":
			typ = typeShared
		case "inlineStr":
			typ = typeInline
		}
		style := 0
		if v, ok, err := c.attrValue("s"); err != nil {
			return err
		} else if ok {
			if style, err = strconv.Atoi(string(v)); err != nil {
				return notStreamed("a cell style %q", v)
			}
		}
		class := cellBlank
		if !empty {
			if class, err = sc.content(typ); err != nil {
				return err
			}
			if sc.cellFormula {
				p.maxFormula = max(p.maxFormula, col)
			}
		}
		switch {
		case row < p.headerRow:
			p.aboveHeader[col] = p.aboveHeader[col] || class != cellBlank
		case row == p.headerRow:
			for len(p.headerCells) < col {
				p.headerCells = append(p.headerCells, cellBlank)
			}
			p.headerCells[col-1] = class
			p.headerStyles[col] = style
		default:
			p.note(col, class != cellBlank)
		}
	}
	if err := c.Err(); err != nil {
		return err
	}
	return io.ErrUnexpectedEOF
}

// content reads a cell's content up to its end tag and classifies its value as excelize's
// Rows gives it (RawCellValue).
func (sc *scanner) content(typ int) (cellClass, error) {
	c := sc.c
	var v []byte
	hasV := false
	inline := false
	sc.text = sc.text[:0]
	sc.cellFormula = false
	depth := 0   // inside <is>: the elements open
	inT := false // inside a <t> of the inline string
	skip := 0    // inside an <rPh>: its depth
	inF := false // inside a formula
	for c.next() {
		t := c.token()
		if !c.markup {
			if inF {
				sheetRefs(t, sc.p.refs)
			}
			if inT && skip == 0 {
				sc.text = append(sc.text, t...)
			} else if hasV && v == nil {
				sc.v = append(sc.v[:0], t...) // t goes when the window slides
				v = sc.v
			}
			continue
		}
		name, end, empty := tagName(t)
		switch {
		case end && string(name) == "c":
			return sc.classify(typ, v, hasV)
		case inline:
			if end {
				depth--
				if string(name) == "t" {
					inT = false
				}
				if skip > 0 && depth < skip {
					skip = 0
				}
				if depth == 0 {
					inline = false
				}
				continue
			}
			if empty {
				continue
			}
			depth++
			switch string(name) {
			case "t":
				inT = true
			case "rPh":
				if skip == 0 {
					skip = depth
				}
			}
		case end:
			if string(name) == "v" && v == nil && hasV {
				v = []byte{}
			}
			inF = false
		case string(name) == "v":
			if !empty {
				hasV = true
			}
		case string(name) == "f":
			sc.p.formula, sc.cellFormula = true, true
			inF = !empty
		case string(name) == "is":
			if !empty {
				inline, depth = true, 1
			}
		case bytes.IndexByte(name, ':') >= 0 || string(name) == "extLst":
			return 0, notStreamed("<%s> in a cell", name)
		}
	}
	if err := c.Err(); err != nil {
		return 0, err
	}
	return 0, io.ErrUnexpectedEOF
}

// classify gives the class of a cell's value.
func (sc *scanner) classify(typ int, v []byte, hasV bool) (cellClass, error) {
	switch typ {
	case typeShared:
		if !hasV {
			return cellBlank, nil
		}
		i, err := strconv.Atoi(string(bytes.TrimSpace(v)))
		if err != nil || sc.sst == nil {
			return 0, notStreamed("a shared string %q", v)
		}
		s, escaped, ok := sc.sst.item(i)
		if !ok {
			return 0, notStreamed("a shared string %d of %d", i, sc.sst.len())
		}
		if escaped {
			s = decodeEscapes(s)
		}
		return classOf(s), nil
	case typeInline:
		s, err := unescapeText(sc.text)
		if err != nil {
			return 0, err
		}
		return classOf(s), nil
	}
	if !hasV {
		return cellBlank, nil
	}
	s, err := unescapeText(v)
	if err != nil {
		return 0, err
	}
	return classOf(s), nil
}

// classOf classifies a cell's text.
func classOf(s []byte) cellClass {
	s = bytes.TrimSpace(s)
	switch {
	case len(s) == 0:
		return cellBlank
	case len(s) >= len(annotatePrefix) && bytes.EqualFold(s[:len(annotatePrefix)], []byte(annotatePrefix)) && isAnnotateHeader(string(s)):
		return cellAnnotateHeader
	}
	return cellValue
}

// decodeEscapes decodes the _xHHHH_ escapes of a string's text (excelize's reader decodes
// them): enough to tell a blank from a value, or an annotate header.
func decodeEscapes(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		if n := xlsxwrite.BstrLen(string(b[i:min(len(b), i+7)])); n > 0 {
			r, _ := strconv.ParseUint(string(b[i+2:i+6]), 16, 32)
			out = utf8.AppendRune(out, rune(r))
			i += n
			continue
		}
		out = append(out, b[i])
		i++
	}
	return out
}

// unescapeText decodes the character and entity references of XML text, then its _xHHHH_
// escapes.
func unescapeText(b []byte) ([]byte, error) {
	b, err := unescapeRefs(b)
	if err == nil && bytes.Contains(b, []byte("_x")) {
		b = decodeEscapes(b)
	}
	return b, err
}

// unescapeRefs decodes the character and entity references of XML text (xmltok.go).
func unescapeRefs(b []byte) ([]byte, error) {
	out, ok := unescape(nil, b)
	if !ok {
		return nil, notStreamed("text XML does not allow: %q", emissions.Clip(string(b)))
	}
	return out, nil
}
