package excel

import (
	"fmt"
	"strconv"

	"github.com/footprint/footprint/internal/xlsxwrite"
	"github.com/xuri/excelize/v2"
)

// exportStyles are the cell styles of the export.
type exportStyles struct {
	title, note, header, section int
	// noticeWarn and noticeBad are the Summary's notices (reports.Notice), by tone: wrapped,
	// bold, in the colour of their tone.
	noticeWarn, noticeBad int
	// number formats: years and row numbers, counts (thousands separated), tonnes (one
	// decimal), tonnes of a line (three decimals), shares, plain numbers (General), and bold
	// tonnes for totals
	integer, count, tonnes, lineTonnes, percent, number, totalTonnes, totalLabel int
}

func newExportStyles(f *excelize.File) (exportStyles, error) {
	var st exportStyles
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}
	custom := func(format string, bold bool) *excelize.Style {
		s := &excelize.Style{CustomNumFmt: &format}
		if bold {
			s.Font = &excelize.Font{Bold: true}
			s.Border = []excelize.Border{{Type: "top", Color: "000000", Style: 1}}
		}
		return s
	}
	notice := func(ink, paper string) *excelize.Style {
		return &excelize.Style{Font: &excelize.Font{Bold: true, Color: ink}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{paper}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}
	}
	defs := []struct {
		id    *int
		style *excelize.Style
	}{
		{&st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&st.note, &excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959"}}},
		{&st.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill,
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
			Border:    []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}}},
		{&st.noticeWarn, notice("8A4B00", "FFF4E0")},
		{&st.noticeBad, notice("9C0006", "FFE5E5")},
		{&st.section, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}}},
		{&st.integer, custom("0", false)},
		{&st.count, custom("#,##0", false)},
		{&st.tonnes, custom("#,##0.0", false)},
		{&st.lineTonnes, custom("#,##0.000", false)},
		{&st.percent, custom("0.0%", false)},
		{&st.number, custom("General", false)},
		{&st.totalTonnes, custom("#,##0.0", true)},
		{&st.totalLabel, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: []excelize.Border{{Type: "top", Color: "000000", Style: 1}}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(d.style)
		if err != nil {
			return st, err
		}
		*d.id = id
	}
	return st, nil
}

// column is one column of a table sheet: its header (units included), width and the style
// of its data cells.
type column struct {
	header string
	width  float64
	style  int
}

// table is a sheet holding one table: a title and a note on units in rows 1 and 2, the header
// in row 3 (or, with noTitle, the header alone in row 1), frozen, with an autofilter over the
// header and the rows.
type table struct {
	sheet, title, note string
	noTitle            bool
	// exact keeps every figure as computed, a figure that is zero up to rounding too: the
	// Lines sheets', each the figure of one input row (zeroNoise).
	exact bool
	cols  []column
	rows  int // data rows, known in advance for the autofilter's range
}

func (t table) headerRow() int {
	if t.noTitle {
		return 1
	}
	return 3
}

// cell is a value with its own style, for the few cells that differ from their column.
type cell = excelize.Cell

// stream writes a table sheet with excelize's StreamWriter, so its memory stays bounded
// whatever the number of rows. body calls add once per data row; add takes float64, int,
// string, cell or nil (a blank) values. Strings are truncated to Excel's limit with a warning.
func (x *exporter) stream(t table, body func(add func(vals ...any) error) error) error {
	t.sheet = x.sheet(t.sheet)
	sw, h, err := x.streamHead(t)
	if err != nil {
		return err
	}
	row := h
	add := func(vals ...any) error {
		row++
		for i, v := range vals {
			if i < len(t.cols) {
				if !t.exact {
					v = x.zeroNoise(v, t.cols[i].style)
				}
				vals[i] = x.fit(v, t.sheet, i+1, row)
			}
		}
		return sw.SetRow(rowRef(row), vals)
	}
	if err := body(add); err != nil {
		return err
	}
	if row != h+t.rows {
		return fmt.Errorf("%s: %d rows written, %d announced", t.sheet, row-h, t.rows)
	}
	return sw.Flush()
}

// streamHead starts a table sheet with the StreamWriter: the autofilter, dimension and page
// setup over the t.rows rows to come, the columns, the frozen panes, the title and note, and the header. It
// returns the writer and the header's row.
func (x *exporter) streamHead(t table) (*excelize.StreamWriter, int, error) {
	t.sheet = x.sheet(t.sheet)
	h := t.headerRow()
	last, err := excelize.ColumnNumberToName(len(t.cols))
	if err != nil {
		return nil, 0, err
	}
	// Set on the worksheet before streaming starts: the StreamWriter writes what the worksheet
	// holds around its rows (the autofilter, its defined name), and nothing may be mixed in
	// with normal calls afterwards.
	if err := x.f.AutoFilter(t.sheet, fmt.Sprintf("A%d:%s%d", h, last, h+t.rows), nil); err != nil {
		return nil, 0, err
	}
	// excelize leaves <dimension ref="A1">; readers that trust it (ExcelDataReader, some ETL
	// tools) would read one cell.
	if err := x.f.SetSheetDimension(t.sheet, fmt.Sprintf("A1:%s%d", last, h+t.rows)); err != nil {
		return nil, 0, err
	}
	widths := make([]float64, len(t.cols))
	for i, c := range t.cols {
		widths[i] = c.width
	}
	if err := x.setPrint(printSetup{sheet: t.sheet, widths: widths, lastRow: h + t.rows, titleRow: h}); err != nil {
		return nil, 0, err
	}
	sw, err := x.f.NewStreamWriter(t.sheet)
	if err != nil {
		return nil, 0, err
	}
	// excelize puts each column set first in the list, and Excel wants the list in column
	// order: set them last to first.
	for i := len(t.cols) - 1; i >= 0; i-- {
		c := t.cols[i]
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return nil, 0, err
		}
		if c.style != 0 {
			if err := sw.SetColStyle(i+1, i+1, c.style); err != nil {
				return nil, 0, err
			}
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: h, TopLeftCell: fmt.Sprintf("A%d", h+1), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: fmt.Sprintf("A%d", h+1), ActiveCell: fmt.Sprintf("A%d", h+1), Pane: "bottomLeft"}}}); err != nil {
		return nil, 0, err
	}
	if !t.noTitle {
		if err := sw.SetRow("A1", []any{cell{StyleID: x.st.title, Value: x.text(t.title, t.sheet, 1, 1)}}, excelize.RowOpts{Height: xlsxwrite.TitleHeight}); err != nil {
			return nil, 0, err
		}
		if err := sw.SetRow("A2", []any{cell{StyleID: x.st.note, Value: x.text(t.note, t.sheet, 1, 2)}}); err != nil {
			return nil, 0, err
		}
	}
	header := make([]any, len(t.cols))
	lines := 1
	for i, c := range t.cols {
		lines = max(lines, xlsxwrite.WrappedLines(c.header, c.width))
		// Headers hold user names too (targets, levers): excelize would cut them silently.
		header[i] = x.fit(cell{StyleID: x.st.header, Value: c.header}, t.sheet, i+1, h)
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", h), header, excelize.RowOpts{Height: xlsxwrite.RowHeight(lines)}); err != nil {
		return nil, 0, err
	}
	return sw, h, nil
}

// fit returns a cell value with its text, plain or styled, truncated to Excel's limit by
// text, which warns.
func (x *exporter) fit(v any, sheet string, col, row int) any {
	switch s := v.(type) {
	case string:
		if len(s) > xlsxwrite.MaxCellChars {
			return x.text(s, sheet, col, row)
		}
	case cell:
		if str, ok := s.Value.(string); ok && len(str) > xlsxwrite.MaxCellChars {
			s.Value = x.text(str, sheet, col, row)
			return s
		}
	}
	return v
}

// rowRef is the A1 name of the first cell of a row.
func rowRef(row int) string {
	return "A" + strconv.Itoa(row)
}

// optional is a figure that may be missing: nil gives a blank cell.
func optional(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

// blankIfEmpty gives a blank cell for an empty string.
func blankIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
