package datasets

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// EPASheet is the Hub's sheet of factors.
const EPASheet = "Emission Factors Hub"

// EPA is the sheet "Emission Factors Hub" of the EPA workbook, as raw cell text by Excel row
// (1-based) and column (0 = A). The workbook is small; reading it whole keeps lookups simple.
type EPA struct {
	Path string
	Rows map[int][]string
	// GWPCH4 and GWPN2O are the GWPs the Hub states it uses (sheet rows 8 and 9), to express
	// its CH4 and N2O masses in CO2e.
	GWPCH4, GWPN2O float64
}

// LoadEPA reads the sheet "Emission Factors Hub" of the Hub's workbook.
func LoadEPA(path string) (*EPA, error) {
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 32 << 20})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := f.Rows(EPASheet)
	if err != nil {
		return nil, fmt.Errorf("%s: sheet %q: %w", path, EPASheet, err)
	}
	e := &EPA{Path: path, Rows: map[int][]string{}}
	for n := 1; rows.Next(); n++ {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("%s: sheet %q row %d: %w", path, EPASheet, n, err)
		}
		e.Rows[n] = cols
	}
	if err := rows.Error(); err != nil {
		rows.Close()
		return nil, fmt.Errorf("%s: sheet %q: %w", path, EPASheet, err)
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("%s: sheet %q: %w", path, EPASheet, err)
	}
	if e.GWPCH4, err = e.Labelled(8, "C", "CH4", "D"); err != nil {
		return nil, err
	}
	if e.GWPN2O, err = e.Labelled(9, "C", "N2O", "D"); err != nil {
		return nil, err
	}
	return e, nil
}

// Cell is the trimmed raw text of a Cell, "" when empty.
func (e *EPA) Cell(row int, col string) string {
	i, err := excelize.ColumnNameToNumber(col)
	r := e.Rows[row]
	if err != nil || i > len(r) {
		return ""
	}
	return strings.TrimSpace(r[i-1])
}

// Expect fails unless the cell holds want (space-trimmed): it pins a row number in the table
// to the label the row had when the table was written.
func (e *EPA) Expect(row int, col, want string) error {
	if got := e.Cell(row, col); got != want {
		return fmt.Errorf("%s: sheet %q cell %s%d is %q, want %q (has the layout changed?)", e.Path, EPASheet, col, row, got, want)
	}
	return nil
}

// Num parses a cell as a number.
func (e *EPA) Num(row int, col string) (float64, error) {
	s := e.Cell(row, col)
	if s == "" {
		return 0, fmt.Errorf("%s: sheet %q cell %s%d is empty", e.Path, EPASheet, col, row)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: sheet %q cell %s%d: %q is not a number", e.Path, EPASheet, col, row, s)
	}
	return v, nil
}

// Labelled is the number in valueCol of a row whose labelCol holds label.
func (e *EPA) Labelled(row int, labelCol, label, valueCol string) (float64, error) {
	if err := e.Expect(row, labelCol, label); err != nil {
		return 0, err
	}
	return e.Num(row, valueCol)
}
