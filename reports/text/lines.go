package text

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/reports"
)

// LinesHeader names the columns of WriteLinesCSV.
var LinesHeader = []string{"file", "sheet", "row", "year", "site", "pole", "activity", "quantity", "unit",
	"part", "scope", "category", "method", "quantity_in_factor_unit", "factor_id", "factor_year", "factor_value_kgco2e", "factor_unit", "source",
	"tco2e", "biogenic_co2_t", "comment", "entity", "consolidation_share", "gross_tco2e", "data_type"}

// WriteLinesCSV writes every inventory line with its provenance, one CSV record each, so any
// figure can be traced to its input row and factor (and re-added in a spreadsheet).
func WriteLinesCSV(w io.Writer, lines emissions.LineSource) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(LinesHeader); err != nil {
		return err
	}
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	itoa := func(v int) string {
		if v == 0 {
			return ""
		}
		return strconv.Itoa(v)
	}
	err := lines.Each(func(l *emissions.Line) error {
		rec := []string{text(l.Place.File), text(l.Place.Sheet), strconv.Itoa(l.Place.Row), strconv.Itoa(l.Year),
			text(l.Site), text(l.Pole), text(l.Activity), num(l.Quantity), text(l.Unit),
			string(l.Part), strconv.Itoa(l.Scope), itoa(l.Category), text(l.Method), num(l.Converted), text(l.FactorID), itoa(l.FactorYear),
			num(l.FactorValue), text(l.FactorUnit), text(l.Source), num(l.TCO2e), num(l.BiogenicCO2), text(l.Comment),
			text(l.Entity), num(l.Share), num(l.Gross), text(l.DataType)}
		return cw.Write(rec)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// text keeps a user's string inert: its control characters escaped (reports.Printable) for the
// terminal the CSV may be printed on, and, as a leading =, +, -, @, tab or carriage return would
// start a formula when the CSV is opened in a spreadsheet, such text gets a leading apostrophe.
func text(s string) string {
	s = reports.Printable(s)
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
}
