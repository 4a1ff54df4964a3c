package reports

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/xuri/excelize/v2"
)

// AnnotateHeaders are the columns annotate appends to each activity sheet (SPEC §9). Each
// starts with "footprint " so that no header alias can take it for an input column, and a
// workbook annotated again gets its old annotation replaced, not doubled.
var AnnotateHeaders = []string{
	"footprint tCO2e",           // location-based: direct + upstream
	"footprint tCO2e market",    // market-based: direct + upstream
	"footprint avoided tCO2e",   // avoided-emissions rows only, never in a total
	"footprint scope",           // scope of the direct part
	"footprint category",        // Scope 3 category of the direct part
	"footprint factor id",       // factor id (blank for already-computed rows)
	"footprint factor value",    // kgCO2e per factor unit, direct part
	"footprint factor upstream", // kgCO2e per factor unit to Scope 3 category 3
	"footprint factor unit",     // kgCO2e/<unit>
	"footprint source",          // the factor's source
	"footprint problem",         // the errors that rejected the row
}

const annotatePrefix = "footprint "

// Annotation is what annotate writes into one workbook: its activity sheets (with their
// header rows) and the result of each row, by place.
type Annotation struct {
	Sheets  []emissions.ActivitySheet
	Results map[emissions.Place]*emissions.RowResult
}

// AnnotatedRows counts the rows an annotation writes.
func (a Annotation) AnnotatedRows() (used, rejected int) {
	for _, s := range a.Sheets {
		for p, r := range a.Results {
			if p.File != s.File || p.Sheet != s.Sheet || p.Row <= s.HeaderRow {
				continue
			}
			if r.Main != nil {
				used++
			} else if len(r.Errors) > 0 {
				rejected++
			}
		}
	}
	return used, rejected
}

// WriteAnnotatedFile writes to out a copy of the workbook at in with the annotation's
// columns, atomically. out must not be in: the user's own file is never overwritten.
func WriteAnnotatedFile(in, out string, a Annotation) error {
	if same, err := samePath(in, out); err != nil {
		return err
	} else if same {
		return fmt.Errorf("--out %s is the input workbook: annotate writes a copy, never over the original", out)
	}
	src, err := os.Open(in)
	if err != nil {
		return err
	}
	defer src.Close()
	return writeAtomic(out, func(w io.Writer) error { return WriteAnnotated(src, w, a) })
}

// samePath reports whether two paths name one file (the same path, or a link to it).
func samePath(a, b string) (bool, error) {
	ia, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false, nil // out does not exist yet
	}
	return os.SameFile(ia, ib), nil
}

// WriteAnnotated reads a workbook from src and writes it to w with the annotation: on each
// activity sheet, the AnnotateHeaders after the last used column of the sheet (in place of a
// previous annotation's), and one row of figures, or of problems, per activity row. Every
// other cell, sheet, style, width, defined name and validation is left as excelize keeps it.
func WriteAnnotated(src io.Reader, w io.Writer, a Annotation) error {
	f, err := excelize.OpenReader(src, excelize.Options{UnzipSizeLimit: emissions.UnzipSizeLimit, UnzipXMLSizeLimit: emissions.UnzipXMLSizeLimit})
	if err != nil {
		return err
	}
	defer f.Close()
	rows := map[string][]emissions.Place{}
	for p := range a.Results {
		rows[p.Sheet] = append(rows[p.Sheet], p)
	}
	for _, s := range a.Sheets {
		ps := rows[s.Sheet]
		sort.Slice(ps, func(i, j int) bool { return ps[i].Row < ps[j].Row })
		if err := annotateSheet(f, s, ps, a.Results); err != nil {
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
	vals := make([]any, len(AnnotateHeaders))
	if m := r.Main; m != nil {
		if m.Part == emissions.PartAvoided {
			vals[2] = r.Avoided
		} else {
			vals[0], vals[1], vals[3] = r.Location, r.Market, m.Scope
			if m.Category > 0 {
				vals[4] = m.Category
			}
		}
		if m.FactorID != "" {
			vals[5] = m.FactorID
		}
		vals[6] = m.FactorValue
		if r.Upstream > 0 {
			vals[7] = r.Upstream
		}
		vals[8] = "kgCO2e/" + m.FactorUnit
		vals[9] = m.Source
	}
	if len(r.Errors) > 0 {
		vals[10] = strings.Join(r.Errors, "; ")
	}
	for i, v := range vals {
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

// isAnnotateHeader reports whether a header is one annotate writes.
func isAnnotateHeader(h string) bool {
	for _, a := range AnnotateHeaders {
		if strings.EqualFold(strings.TrimSpace(h), a) {
			return true
		}
	}
	return false
}
