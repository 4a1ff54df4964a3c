package excel

import (
	"fmt"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/reports"
)

// checkExportFinite returns the first NaN or infinite figure of the export's years and
// trajectory: excelize would write it as text, or as a number no reader accepts. The lines are
// checked as they are written (checkLineFinite).
func checkExportFinite(e reports.Report) error {
	return reports.CheckFinite(e.Years, nil, e.Trajectory)
}

// checkLineFinite returns a NonFiniteError naming the line's input row if one of its numbers
// is NaN or infinite. It formats nothing for a good line: it runs on every line of the export.
func checkLineFinite(l *emissions.Line) error {
	what := ""
	var v float64
	switch {
	case !isFinite(l.Quantity):
		what, v = "quantity", l.Quantity
	case !isFinite(l.Converted):
		what, v = "quantity in the factor's unit", l.Converted
	case !isFinite(l.FactorValue):
		what, v = "factor value", l.FactorValue
	case !isFinite(l.TCO2e):
		what, v = "tCO2e", l.TCO2e
	case !isFinite(l.BiogenicCO2):
		what, v = "biogenic CO2", l.BiogenicCO2
	default:
		return nil
	}
	return &reports.NonFiniteError{Value: v, Where: fmt.Sprintf("the %s line of %s, sheet %s, row %d (%s): %s",
		l.Part, l.Place.File, l.Place.Sheet, l.Place.Row, l.Activity, what)}
}

// isFinite is false for NaN and ±Inf: x - x is NaN for both.
func isFinite(x float64) bool { return x-x == 0 }
