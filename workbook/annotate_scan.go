package workbook

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"

	"github.com/footprint/footprint/emissions"
	"github.com/xuri/excelize/v2"
)

// The streamed writer reads each activity sheet's part twice. The first pass (scanSheet) finds
// what the annotation needs before its first byte is written — the previous annotation's
// columns, the last used column, the style of the header cells, the column widths — and
// whether the sheet holds anything the streamed copy would not give exactly as excelize does:
// then the whole workbook goes through excelize (annotateFallback).

// annotateFallback says why a workbook is annotated through excelize.
type annotateFallback struct{ reason string }

func (e *annotateFallback) Error() string { return "annotated through excelize: " + e.reason }

func notStreamed(format string, args ...any) error {
	return &annotateFallback{reason: fmt.Sprintf(format, args...)}
}

// cellClass is what a cell holds, as the annotation sees it: nothing (blank: no value, or
// white space), one of AnnotateHeaders, or another value.
type cellClass uint8

const (
	cellBlank cellClass = iota
	cellValue
	cellAnnotateHeader
)

// colEntry is one <col> of the sheet's <cols>.
type colEntry struct {
	min, max, style int
	raw             []byte
}

// sheetPlan is what the first pass found in one sheet.
type sheetPlan struct {
	sheet     emissions.ActivitySheet
	headerRow int
	// The previous annotation's columns, dropStart to dropEnd (1-based); none when
	// dropStart > dropEnd.
	dropStart, dropEnd int
	// first is the first column of the annotation: after the last used column.
	first       int
	headerStyle int
	// colStyles are the styles of the <col> over each of the annotation's columns.
	colStyles [annotateColumns]int
	// cols is the new <cols> element.
	cols []byte
	// dimension is the sheet's <dimension ref>, when it has one.
	dimension []byte
	lastRow   int

	// What the scan saw.
	headerCells   []cellClass // by column - 1
	headerStyles  map[int]int // the s of the header row's cells, by column
	headerRowS    int
	aboveHeader   map[int]bool // columns of cells above the header row: true if not blank
	sawHeader     bool
	headerSettled bool
	lastUsed      int // rightmost non-blank cell outside the previous annotation
	maxCell       int // rightmost cell of any kind outside the previous annotation
	formula       bool
	refs          map[string]bool // the sheets its formulas may refer to (sheetRefs)
	maxFormula    int             // rightmost formula cell read whole
	colEntries    []colEntry
	rightMerge    int // rightmost column of a merged range
	rightRef      int // rightmost column of a validation, conditional format, hyperlink or filter
	drawing       bool
	tableIDs      []string // the relationships of the sheet's tables
	extLst        bool
}

func (p *sheetPlan) dropping() bool { return p.dropStart <= p.dropEnd }

// merging says rows have cells (blank) from the annotation's first column on.
func (p *sheetPlan) merging() bool { return p.maxCell >= p.first }

func (p *sheetPlan) inDrop(col int) bool { return col >= p.dropStart && col <= p.dropEnd }

// shifted is where a column not dropped goes once the previous annotation is removed: the
// columns right of it move left, as excelize's RemoveCol moves them.
func (p *sheetPlan) shifted(col int) int {
	if p.dropping() && col > p.dropEnd {
		return col - (p.dropEnd - p.dropStart + 1)
	}
	return col
}

// unshifted is the column that goes to col.
func (p *sheetPlan) unshifted(col int) int {
	if p.dropping() && col >= p.dropStart {
		return col + (p.dropEnd - p.dropStart + 1)
	}
	return col
}

// keptCols are the <col> elements once the previous annotation's columns are removed one by
// one from the right, as excelize's RemoveCol adjusts them: one over a removed column alone
// goes, one over it and others shrinks, one right of it moves left.
func (p *sheetPlan) keptCols() []colEntry {
	kept := slices.Clone(p.colEntries)
	if !p.dropping() {
		return kept
	}
	for col := p.dropEnd; col >= p.dropStart; col-- {
		for i := 0; i < len(kept); i++ {
			e := &kept[i]
			if e.min == col && e.max == col {
				kept = slices.Delete(kept, i, i+1)
				i--
				continue
			}
			if e.min > col {
				e.min--
			}
			if e.max >= col {
				e.max--
			}
		}
	}
	for i := range kept {
		kept[i].raw = colTag(kept[i].raw, kept[i].min, kept[i].max)
	}
	return kept
}

// scanSheet reads a sheet's part for its plan.
func scanSheet(r io.Reader, s emissions.ActivitySheet, sst *sharedStrings) (*sheetPlan, error) {
	p := &sheetPlan{sheet: s, headerRow: s.HeaderRow, headerStyles: map[int]int{}, aboveHeader: map[int]bool{}, dropStart: 1, dropEnd: 0,
		refs: map[string]bool{}}
	c := newSheetCutter(r, nil)
	sc := &scanner{c: c, p: p, sst: sst}
	root := false
	for c.next() {
		if !c.markup {
			continue
		}
		t := c.token()
		name, end, empty := tagName(t)
		if end || len(name) > 0 && name[0] == '?' {
			continue
		}
		if !root {
			if string(name) != "worksheet" {
				return nil, notStreamed("the sheet's root element is <%s>", name)
			}
			root = true
			continue
		}
		var err error
		switch string(name) {
		case "dimension":
			p.dimension = append([]byte(nil), t...)
		case "col":
			err = p.addCol(t, empty)
		case "sheetData":
			if !empty {
				err = sc.rows()
			}
		case "mergeCell":
			p.rightMerge, err = rightOfRefs(t, "ref", p.rightMerge)
		case "conditionalFormatting", "dataValidation":
			p.rightRef, err = rightOfRefs(t, "sqref", p.rightRef)
		case "hyperlink", "autoFilter":
			p.rightRef, err = rightOfRefs(t, "ref", p.rightRef)
		case "drawing", "legacyDrawing", "legacyDrawingHF":
			p.drawing = true
		case "tablePart":
			attrs, ok := attrsOf(t, nil)
			for _, a := range attrs {
				if bytes.HasSuffix(a.name(t), []byte(":id")) {
					p.tableIDs = append(p.tableIDs, string(a.value(t)))
				}
			}
			if !ok {
				err = errNotStreamed
			}
		case "extLst":
			p.extLst = true
		}
		if err != nil {
			return nil, err
		}
	}
	if err := c.Err(); err != nil {
		return nil, err
	}
	return p, p.settle()
}

// addCol notes a <col>.
func (p *sheetPlan) addCol(t []byte, empty bool) error {
	var e colEntry
	for _, a := range []struct {
		name string
		v    *int
	}{{"min", &e.min}, {"max", &e.max}, {"style", &e.style}} {
		v, ok, err := attrValue(t, a.name)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if *a.v, err = strconv.Atoi(string(v)); err != nil {
			return notStreamed("a <col> with %s=%q", a.name, v)
		}
	}
	if e.min < 1 || e.max < e.min {
		return notStreamed("a <col> from %d to %d", e.min, e.max)
	}
	e.raw = append([]byte(nil), t...)
	if !empty { // a <col> has no content: its end tag follows
		e.raw = append(e.raw, "</col>"...)
	}
	p.colEntries = append(p.colEntries, e)
	return nil
}

// rightOfRefs is the rightmost column named by the references in attribute attr, or right if
// that is further.
func rightOfRefs(t []byte, attr string, right int) (int, error) {
	v, ok, err := attrValue(t, attr)
	if err != nil || !ok {
		return right, err
	}
	for _, ref := range bytes.Fields(v) {
		for _, cell := range bytes.Split(ref, []byte(":")) {
			col := 0
			for _, b := range cell {
				if b == '$' {
					continue
				}
				if b >= 'a' && b <= 'z' {
					b -= 'a' - 'A'
				}
				if b < 'A' || b > 'Z' {
					break
				}
				col = col*26 + int(b-'A'+1)
			}
			if col == 0 { // a whole row, or something not understood
				col = excelize.MaxColumns
			}
			right = max(right, col)
		}
	}
	return right, nil
}

// settle decides, once the sheet is read, where the annotation goes and whether the streamed
// copy can write it.
func (p *sheetPlan) settle() error {
	if !p.sawHeader {
		return notStreamed("sheet %s: no header row %d in the XML", p.sheet.Sheet, p.headerRow)
	}
	if !p.headerSettled {
		p.settleHeader()
	}
	if p.lastUsed == 0 {
		return notStreamed("sheet %s: no value", p.sheet.Sheet)
	}
	p.first = p.lastUsed + 1
	last := p.first + len(AnnotateHeaders) - 1
	switch {
	case last > excelize.MaxColumns:
		return notStreamed("sheet %s: no room for the annotation", p.sheet.Sheet)
	case p.maxFormula >= p.first:
		return notStreamed("sheet %s: formulas without a value where the annotation goes", p.sheet.Sheet)
	case p.rightMerge >= p.first:
		return notStreamed("sheet %s: merged cells where the annotation goes", p.sheet.Sheet)
	}
	if p.dropping() {
		// excelize removes the previous annotation column by column, moving what is right
		// of it and every reference to those columns: the streamed copy only drops cells.
		switch {
		case p.formula:
			return notStreamed("sheet %s: formulas, with a previous annotation to remove", p.sheet.Sheet)
		case p.rightRef >= p.dropStart:
			return notStreamed("sheet %s: validations, formats, links or filters over the previous annotation", p.sheet.Sheet)
		case p.drawing || p.extLst:
			return notStreamed("sheet %s: drawings, comments or extensions, with a previous annotation to remove", p.sheet.Sheet)
		}
	}
	kept := p.keptCols()
	// The header cells take the style of the last used column's header cell, as
	// excelize's GetCellStyle gives it: the cell's, else the row's, else the column's.
	p.headerStyle = p.headerStyles[p.unshifted(p.lastUsed)]
	if p.headerStyle == 0 {
		p.headerStyle = p.headerRowS
	}
	if p.headerStyle == 0 {
		for _, e := range kept {
			if e.min <= p.lastUsed && p.lastUsed <= e.max && e.style != 0 {
				p.headerStyle = e.style
				break
			}
		}
	}
	cols, err := p.newCols(kept, last)
	if err != nil {
		return err
	}
	p.cols = cols
	p.dimension = p.widenDimension()
	return nil
}

// newCols is the <cols> element with the annotation's columns 16 wide, as excelize's
// SetColWidth leaves it: a <col> over them is split, its part over them taking the new width
// but keeping its style and visibility (which the new cells then take, colStyles).
func (p *sheetPlan) newCols(kept []colEntry, last int) ([]byte, error) {
	type piece struct {
		min int
		tag []byte
	}
	var pieces []piece
	covered := make([]bool, last-p.first+1)
	for _, e := range kept {
		if e.max < p.first || e.min > last {
			pieces = append(pieces, piece{e.min, e.raw})
			continue
		}
		if e.min < p.first {
			pieces = append(pieces, piece{e.min, colTag(e.raw, e.min, p.first-1)})
		}
		lo, hi := max(e.min, p.first), min(e.max, last)
		for c := lo; c <= hi; c++ {
			if covered[c-p.first] {
				return nil, notStreamed("sheet %s: overlapping <col> elements", p.sheet.Sheet)
			}
			covered[c-p.first] = true
			p.colStyles[c-p.first] = e.style
		}
		tag := fmt.Appendf(nil, `<col min="%d" max="%d" width="16" customWidth="1"`, lo, hi)
		attrs, _ := attrsOf(e.raw, nil)
		for _, a := range attrs {
			switch string(a.name(e.raw)) {
			case "style", "hidden", "bestFit", "outlineLevel", "collapsed", "phonetic":
				tag = appendAttr(tag, e.raw, a)
			}
		}
		pieces = append(pieces, piece{lo, append(tag, "/>"...)})
		if e.max > last {
			pieces = append(pieces, piece{last + 1, colTag(e.raw, last+1, e.max)})
		}
	}
	for c := p.first; c <= last; c++ {
		if covered[c-p.first] {
			continue
		}
		end := c
		for end < last && !covered[end+1-p.first] {
			end++
		}
		pieces = append(pieces, piece{c, fmt.Appendf(nil, `<col min="%d" max="%d" width="16" customWidth="1"/>`, c, end)})
		c = end
	}
	sort.SliceStable(pieces, func(i, j int) bool { return pieces[i].min < pieces[j].min })
	b := []byte("<cols>")
	for _, pc := range pieces {
		b = append(b, pc.tag...)
	}
	return append(b, "</cols>"...), nil
}

// colTag is a <col> tag with its range changed.
func colTag(raw []byte, from, to int) []byte {
	tag := []byte("<col")
	attrs, _ := attrsOf(raw, nil)
	for _, a := range attrs {
		switch string(a.name(raw)) {
		case "min":
			tag = fmt.Appendf(tag, ` min="%d"`, from)
		case "max":
			tag = fmt.Appendf(tag, ` max="%d"`, to)
		default:
			tag = appendAttr(tag, raw, a)
		}
	}
	return append(tag, "/>"...)
}

// widenDimension is the <dimension> tag with its range taken to the annotation's last column,
// nil to leave the tag as it is.
func (p *sheetPlan) widenDimension() []byte {
	t := p.dimension
	if t == nil {
		return nil
	}
	v, ok, err := attrValue(t, "ref")
	if err != nil || !ok {
		return nil
	}
	from, to, _ := bytes.Cut(v, []byte(":"))
	if len(to) == 0 {
		to = from
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(string(from))
	c2, r2, err2 := excelize.CellNameToCoordinates(string(to))
	if err1 != nil || err2 != nil {
		return nil
	}
	if p.dropping() && c2 >= p.dropStart {
		c2 = max(p.dropStart-1, c2-(p.dropEnd-p.dropStart+1), 1)
	}
	ref, err := excelize.CoordinatesToCellName(min(c1, p.first), min(r1, p.headerRow))
	if err != nil {
		return nil
	}
	end, err := excelize.CoordinatesToCellName(max(c2, p.first+len(AnnotateHeaders)-1), max(r2, p.headerRow, p.lastRow))
	if err != nil {
		return nil
	}
	off := cap(t) - cap(v)
	out := append([]byte(nil), t[:off]...)
	out = append(out, ref+":"+end...)
	return append(out, t[off+len(v):]...)
}
