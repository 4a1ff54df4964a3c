package excel

import (
	"fmt"
	"math"

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

// roundingNoise is the size under which a computed figure is zero up to floating-point
// rounding: a difference of sums (a subtotal less its parts, an effect of LMDI) comes out as
// -3.55e-15 where it is 0. A milligram of CO2e (1e-9 t) is no figure of an inventory.
const roundingNoise = 1e-9

// zeroNoise writes a figure that is zero up to rounding as 0, for every number a sheet writes
// but those of the General format (quantities, factor values), which may be small on purpose
// and are kept as they are.
func (x *exporter) zeroNoise(v any, style int) any {
	switch n := v.(type) {
	case float64:
		if style != x.st.number && n != 0 && math.Abs(n) < roundingNoise {
			return 0.0
		}
	case cell:
		if f, ok := n.Value.(float64); ok && n.StyleID != x.st.number && f != 0 && math.Abs(f) < roundingNoise {
			n.Value = 0.0
			return n
		}
	}
	return v
}
