package workbook

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/xuri/excelize/v2"
)

// writeAnnotatedExcelize reads a workbook from src and writes it to w with the annotation
// through excelize: on each activity sheet, the AnnotateHeaders after the last used column of
// the sheet (in place of a previous annotation's), and one row of figures, or of problems, per
// activity row. Every other cell, sheet, style, width, defined name and validation is left as
// excelize keeps it. It holds the whole workbook in memory (about 10 KB a row): it is the
// oracle of the streamed writer (annotate_stream.go) and what that writer falls back to for
// the sheets it does not rewrite itself.
func writeAnnotatedExcelize(src io.Reader, w io.Writer, sheets []emissions.ActivitySheet, results map[emissions.Place]*emissions.RowResult) error {
	f, err := excelize.OpenReader(src, excelize.Options{UnzipSizeLimit: unzipSizeLimit, UnzipXMLSizeLimit: unzipXMLSizeLimit})
	if err != nil {
		return err
	}
	defer f.Close()
	rows := map[string][]emissions.Place{}
	for p := range results {
		rows[p.Sheet] = append(rows[p.Sheet], p)
	}
	for _, s := range sheets {
		ps := rows[s.Sheet]
		sort.Slice(ps, func(i, j int) bool { return ps[i].Row < ps[j].Row })
		if err := annotateSheet(f, s, ps, results); err != nil {
			return fmt.Errorf("sheet %s: %w", s.Sheet, err)
		}
	}
	return f.Write(w)
}

func annotateSheet(f *excelize.File, s emissions.ActivitySheet, places []emissions.Place, results map[emissions.Place]*emissions.RowResult) error {
	if err := dropAnnotation(f, s); err != nil {
		return err
	}
	last, err := lastUsedColumn(f, s.Sheet)
	if err != nil {
		return err
	}
	first := last + 1
	headerStyle := 0
	if last > 0 {
		c, _ := excelize.CoordinatesToCellName(last, s.HeaderRow)
		if headerStyle, err = f.GetCellStyle(s.Sheet, c); err != nil {
			return err
		}
	}
	for i, h := range AnnotateHeaders {
		c, err := excelize.CoordinatesToCellName(first+i, s.HeaderRow)
		if err != nil {
			return err
		}
		if err := f.SetCellStr(s.Sheet, c, h); err != nil {
			return err
		}
		if headerStyle != 0 {
			if err := f.SetCellStyle(s.Sheet, c, c, headerStyle); err != nil {
				return err
			}
		}
	}
	from, _ := excelize.ColumnNumberToName(first)
	to, _ := excelize.ColumnNumberToName(first + len(AnnotateHeaders) - 1)
	if err := f.SetColWidth(s.Sheet, from, to, 16); err != nil {
		return err
	}
	for _, p := range places {
		if p.File != s.File || p.Row <= s.HeaderRow {
			continue
		}
		if err := annotateRow(f, s.Sheet, first, p.Row, results[p]); err != nil {
			return err
		}
	}
	return nil
}

// annotateRow writes one row's result from column first on.
func annotateRow(f *excelize.File, sheet string, first, row int, r *emissions.RowResult) error {
	for i, val := range rowValues(r) {
		v := val.any()
		if v == nil {
			continue
		}
		c, err := excelize.CoordinatesToCellName(first+i, row)
		if err != nil {
			return err
		}
		if s, ok := v.(string); ok {
			// Text stays text: SetCellStr never makes a formula of "=…".
			err = f.SetCellStr(sheet, c, s)
		} else {
			err = setNumber(f, sheet, c, v)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// dropAnnotation removes the columns of a previous annotation: the headers of AnnotateHeaders
// at the end of the header row (a column of the user's own named "Footprint notes" stays).
func dropAnnotation(f *excelize.File, s emissions.ActivitySheet) error {
	header, err := rowCells(f, s.Sheet, s.HeaderRow)
	if err != nil {
		return err
	}
	end := len(header)
	for end > 0 && strings.TrimSpace(header[end-1]) == "" {
		end--
	}
	start := end
	for start > 0 && isAnnotateHeader(header[start-1]) {
		start--
	}
	for col := end; col > start; col-- { // right to left: nothing after them moves
		name, _ := excelize.ColumnNumberToName(col)
		if err := f.RemoveCol(s.Sheet, name); err != nil {
			return err
		}
	}
	return nil
}

// rowCells returns the raw cells of one row (1-based).
func rowCells(f *excelize.File, sheet string, row int) ([]string, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for n := 1; rows.Next(); n++ {
		if n < row {
			continue
		}
		return rows.Columns(excelize.Options{RawCellValue: true})
	}
	return nil, rows.Error()
}

// lastUsedColumn is the 1-based number of the rightmost column holding a value in any row of
// the sheet (not its <dimension>, which many writers leave at A1); 0 for an empty sheet.
func lastUsedColumn(f *excelize.File, sheet string) (int, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	last := 0
	for rows.Next() {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return 0, err
		}
		for i := len(cells); i > last; i-- {
			if strings.TrimSpace(cells[i-1]) != "" {
				last = i
				break
			}
		}
	}
	return last, rows.Error()
}

// setNumber writes an int or a float at full precision.
func setNumber(f *excelize.File, sheet, cell string, v any) error {
	if x, ok := v.(float64); ok {
		return f.SetCellFloat(sheet, cell, x, -1, 64)
	}
	return f.SetCellValue(sheet, cell, v)
}
