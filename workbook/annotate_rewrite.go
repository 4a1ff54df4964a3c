package workbook

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/internal/xlsxwrite"
	"github.com/xuri/excelize/v2"
)

// The second pass over a sheet: every byte copied as it is, but the previous annotation's
// cells, and the annotation's cells at the end of each row that has a result.

// rewriteSheet copies a sheet's part with the annotation.
func rewriteSheet(src io.Reader, out io.Writer, p *sheetPlan, rows *rowResults) error {
	if err := rows.begin(p.sheet); err != nil {
		return err
	}
	c := newSheetCutter(src, out)
	w := newAnnotationCells(p)
	sawCols := false
	for c.next() {
		if !c.markup {
			continue
		}
		name, end, empty := tagName(c.token())
		if end {
			continue
		}
		switch string(name) {
		case "dimension":
			if p.dimension != nil {
				c.replace(p.dimension)
			}
		case "cols":
			// p.cols holds the <col> elements of every <cols> (a sheet may have several):
			// it takes the place of the first, the others go
			if sawCols {
				c.drop()
			} else {
				c.replace(p.cols)
			}
			sawCols = true
			if !empty {
				c.dropping = true
				for c.next() {
					if n, end, _ := tagName(c.token()); end && string(n) == "cols" {
						break
					}
				}
				c.dropping = false
			}
		case "sheetData":
			if !sawCols {
				c.insert(p.cols)
			}
			if empty {
				return notStreamed("sheet %s: no rows", p.sheet.Sheet)
			}
			if err := rewriteRows(c, p, rows, w); err != nil {
				return err
			}
		}
	}
	c.flushTo(c.pos)
	if err := c.Err(); err != nil {
		return err
	}
	return rows.end()
}

// rewriteRows copies <sheetData> after its start tag, row by row.
func rewriteRows(c *sheetCutter, p *sheetPlan, rows *rowResults, w *annotationCells) error {
	row := 0
	var held heldCells
	for {
		t, n, empty, more, err := nextRow(c, row)
		if err != nil || !more {
			return err
		}
		if t == nil {
			break
		}
		row = n
		var res *emissions.RowResult
		if row > p.headerRow {
			if res, err = rows.at(row); err != nil {
				return err
			}
		}
		rowStyle := 0
		if v, ok, err := c.attrValue("s"); err != nil {
			return err
		} else if ok {
			if rowStyle, err = strconv.Atoi(string(v)); err != nil {
				return notStreamed("row %d: style %q", row, v)
			}
		}
		held.reset()
		if !empty {
			if !p.dropping() && !p.merging() {
				if !c.skipPast([]byte("</row>")) {
					return c.Err()
				}
			} else if err := copyRowCells(c, p, row, &held); err != nil {
				return err
			}
		}
		var cells []byte
		switch {
		case row == p.headerRow:
			cells = w.headers(row, &held)
		case res != nil:
			cells = w.result(row, rowStyle, res, &held)
		default:
			cells = held.all()
		}
		switch {
		case len(cells) == 0:
		case empty:
			b := append([]byte(nil), bytes.TrimRight(t[:len(t)-1], "/ \t\r\n")...)
			b = append(b, '>')
			b = append(b, cells...)
			c.replace(append(b, "</row>"...))
		default:
			c.insert(cells)
		}
	}
	if err := c.Err(); err != nil {
		return err
	}
	return io.ErrUnexpectedEOF
}

// heldCells are the cells of a row at or right of the annotation's first column, held back
// to be merged with the annotation's: they are blank (annotate_scan.go), but may carry a style
// that excelize keeps for the value it writes there.
type heldCells struct {
	cols, styles []int
	ends         []int // of each cell's bytes in buf
	buf          []byte
}

func (h *heldCells) reset() {
	h.cols, h.styles, h.ends, h.buf = h.cols[:0], h.styles[:0], h.ends[:0], h.buf[:0]
}

// cell is the i-th cell's bytes.
func (h *heldCells) cell(i int) []byte {
	start := 0
	if i > 0 {
		start = h.ends[i-1]
	}
	return h.buf[start:h.ends[i]]
}

// all is every held cell's bytes.
func (h *heldCells) all() []byte { return h.buf }

// copyRowCells copies the cells of a row up to its end tag, but the previous annotation's, which
// it drops, and those from the annotation's first column on, which it holds.
func copyRowCells(c *sheetCutter, p *sheetPlan, row int, held *heldCells) error {
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
		to := p.shifted(col)
		drop, hold := p.inDrop(col), to >= p.first && !p.inDrop(col)
		_, hasRef, _ := c.attrValue("r")
		if !drop && (to != col || hold && !hasRef) {
			// right of the previous annotation: it moves left with its columns; or held,
			// to go among the new cells, which its column must not depend on
			ref, _ := excelize.CoordinatesToCellName(to, row)
			t = retag(t, ref)
			if !hold {
				c.replace(t)
			}
		}
		if hold {
			style := 0
			if v, ok, err := attrValue(t, "s"); err != nil {
				return err
			} else if ok {
				if style, err = strconv.Atoi(string(v)); err != nil {
					return notStreamed("a cell style %q", v)
				}
			}
			// by the column it goes to: cells merges them with the new cells there
			held.cols, held.styles = append(held.cols, to), append(held.styles, style)
			held.buf = append(held.buf, t...)
		}
		if drop || hold {
			c.drop()
			c.dropping = true
		}
		if !empty {
			if !c.skipPast([]byte("</c>")) {
				break
			}
			if hold {
				held.buf = append(append(held.buf, c.passed...), "</c>"...)
			}
		}
		if hold {
			held.ends = append(held.ends, len(held.buf))
		}
		c.dropping = false
	}
	if err := c.Err(); err != nil {
		return err
	}
	return io.ErrUnexpectedEOF
}

// retag is a cell's start tag with the reference ref.
func retag(t []byte, ref string) []byte {
	_, _, empty := tagName(t)
	b := []byte(`<c r="` + ref + `"`)
	attrs, _ := attrsOf(t, nil)
	for _, a := range attrs {
		if string(a.name(t)) != "r" {
			b = appendAttr(b, t, a)
		}
	}
	if empty {
		return append(b, "/>"...)
	}
	return append(b, '>')
}

// appendAttr appends attribute a of tag t as it was written (its quotes kept: a value may hold
// the other quote).
func appendAttr(b, t []byte, a attrSpan) []byte {
	b = append(b, ' ')
	b = append(b, a.name(t)...)
	b = append(b, '=', a.quote)
	b = append(b, a.value(t)...)
	return append(b, a.quote)
}

// annotationCells writes the cells of the annotation, as excelize's SetCellStr and
// SetCellFloat would leave them but for the text, inline rather than shared.
type annotationCells struct {
	p    *sheetPlan
	refs [annotateColumns][]byte // `<c r="H` for each column
	// the last text of each column, escaped: consecutive rows repeat their factor and source
	last         [annotateColumns]string
	escaped      [annotateColumns][]byte
	cached       [annotateColumns]bool
	headerValues [annotateColumns]annotateValue
	b            []byte
}

func newAnnotationCells(p *sheetPlan) *annotationCells {
	w := &annotationCells{p: p}
	for i, h := range AnnotateHeaders {
		name, _ := excelize.ColumnNumberToName(p.first + i)
		w.refs[i] = []byte(`<c r="` + name)
		w.headerValues[i] = annotateValue{kind: valueText, s: h}
	}
	return w
}

func (w *annotationCells) headers(row int, held *heldCells) []byte {
	return w.cells(row, w.p.headerStyle, &w.headerValues, held)
}

// result appends the cells of one row's result; style is the row's.
func (w *annotationCells) result(row, rowStyle int, r *emissions.RowResult, held *heldCells) []byte {
	vals := rowValues(r)
	return w.cells(row, rowStyle, &vals, held)
}

// cells writes a row's values, merged with its held cells. A cell's style is what excelize's
// setters leave: the style set (the header's), else the cell's own, else its row's, else its
// column's.
func (w *annotationCells) cells(row, style int, vals *[annotateColumns]annotateValue, held *heldCells) []byte {
	b := w.b[:0]
	j := 0
	for i := range vals {
		col := w.p.first + i
		for j < len(held.cols) && held.cols[j] < col {
			b = append(b, held.cell(j)...)
			j++
		}
		own := j < len(held.cols) && held.cols[j] == col
		v := &vals[i]
		if v.kind == valueNone {
			if own {
				b = append(b, held.cell(j)...)
				j++
			}
			continue
		}
		s := style
		if own {
			if s == 0 || row != w.p.headerRow {
				s = cmp.Or(held.styles[j], s)
			}
			j++
		}
		b = w.value(b, i, row, cmp.Or(s, w.p.colStyles[i]), v)
	}
	for ; j < len(held.cols); j++ {
		b = append(b, held.cell(j)...)
	}
	w.b = b
	return b
}

// value appends the cell of one value.
func (w *annotationCells) value(b []byte, i, row, style int, v *annotateValue) []byte {
	b = append(b, w.refs[i]...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	switch {
	case v.kind == valueInt:
		b = append(b, `><v>`...)
		b = strconv.AppendInt(b, int64(v.i), 10)
		return append(b, `</v></c>`...)
	case v.kind == valueFloat && !math.IsNaN(v.f) && !math.IsInf(v.f, 0):
		b = append(b, `><v>`...)
		b = xlsxwrite.AppendCellFloat(b, v.f)
		return append(b, `</v></c>`...)
	}
	text := v.s
	if v.kind == valueFloat {
		text = fmt.Sprint(v.f) // NaN and infinities: SetCellFloat writes them as text
	}
	b = append(b, ` t="inlineStr">`...)
	if !w.cached[i] || text != w.last[i] {
		w.last[i], w.cached[i] = text, true
		w.escaped[i] = xlsxwrite.AppendInlineText(w.escaped[i][:0], xlsxwrite.TruncateCell(text))
	}
	b = append(b, w.escaped[i]...)
	return append(b, `</t></is></c>`...)
}
