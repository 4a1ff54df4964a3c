package main

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

const (
	epaFile  = "epa-ghg-emission-factors-hub-2025/ghg-emission-factors-hub-2025.xlsx"
	epaSheet = "Emission Factors Hub"
)

// epa is the sheet "Emission Factors Hub" of the EPA workbook, as raw cell text by Excel row
// (1-based) and column (0 = A). The workbook is small; reading it whole keeps lookups simple.
type epa struct {
	path string
	rows map[int][]string
	// gwpCH4 and gwpN2O are the GWPs the Hub states it uses (sheet rows 8 and 9), to express
	// its CH4 and N2O masses in CO2e.
	gwpCH4, gwpN2O float64
}

func loadEPA(dir string) (*epa, error) {
	path := filepath.Join(dir, epaFile)
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 32 << 20})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := f.Rows(epaSheet)
	if err != nil {
		return nil, fmt.Errorf("%s: sheet %q: %w", path, epaSheet, err)
	}
	e := &epa{path: path, rows: map[int][]string{}}
	for n := 1; rows.Next(); n++ {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("%s: sheet %q row %d: %w", path, epaSheet, n, err)
		}
		e.rows[n] = cols
	}
	if err := rows.Error(); err != nil {
		rows.Close()
		return nil, fmt.Errorf("%s: sheet %q: %w", path, epaSheet, err)
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("%s: sheet %q: %w", path, epaSheet, err)
	}
	if e.gwpCH4, err = e.labelled(8, "C", "CH4", "D"); err != nil {
		return nil, err
	}
	if e.gwpN2O, err = e.labelled(9, "C", "N2O", "D"); err != nil {
		return nil, err
	}
	return e, nil
}

// cell is the trimmed raw text of a cell, "" when empty.
func (e *epa) cell(row int, col string) string {
	i, err := excelize.ColumnNameToNumber(col)
	r := e.rows[row]
	if err != nil || i > len(r) {
		return ""
	}
	return strings.TrimSpace(r[i-1])
}

// expect fails unless the cell holds want (space-trimmed): it pins a row number in the table
// to the label the row had when the table was written.
func (e *epa) expect(row int, col, want string) error {
	if got := e.cell(row, col); got != want {
		return fmt.Errorf("%s: sheet %q cell %s%d is %q, want %q (has the layout changed?)", e.path, epaSheet, col, row, got, want)
	}
	return nil
}

// num parses a cell as a number.
func (e *epa) num(row int, col string) (float64, error) {
	s := e.cell(row, col)
	if s == "" {
		return 0, fmt.Errorf("%s: sheet %q cell %s%d is empty", e.path, epaSheet, col, row)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: sheet %q cell %s%d: %q is not a number", e.path, epaSheet, col, row, s)
	}
	return v, nil
}

// labelled is the number in valueCol of a row whose labelCol holds label.
func (e *epa) labelled(row int, labelCol, label, valueCol string) (float64, error) {
	if err := e.expect(row, labelCol, label); err != nil {
		return 0, err
	}
	return e.num(row, valueCol)
}
