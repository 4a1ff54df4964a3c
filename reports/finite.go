package reports

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/plan"
)

// NonFiniteError says which figure of a report is NaN or infinite: such a figure would draw a
// broken chart, so the report refuses it and names it.
type NonFiniteError struct {
	Where string // e.g. "year 2024 scope1", "trajectory 2030 plan"
	Value float64
}

func (e *NonFiniteError) Error() string {
	return fmt.Sprintf("reports: %s is %v: a report shows finite numbers only", e.Where, e.Value)
}

// checkFinite returns the first NaN or infinite figure of r, in a fixed order.
func checkFinite(r Report) error {
	c := finiteChecker{}
	c.years(r.Years)
	for _, pa := range r.PoleActivities {
		c.num(fmt.Sprintf("pole %q activity %q", pa.Pole, pa.Activity), pa.TCO2e)
	}
	c.trajectory(r.Trajectory)
	return c.err
}

// checkExportFinite returns the first NaN or infinite figure of the export's years and
// trajectory: excelize would write it as text, or as a number no reader accepts. The lines are
// checked as they are written (checkLineFinite).
func checkExportFinite(e Report) error {
	c := finiteChecker{}
	c.years(e.Years)
	c.trajectory(e.Trajectory)
	return c.err
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
	return &NonFiniteError{Value: v, Where: fmt.Sprintf("the %s line of %s, sheet %s, row %d (%s): %s",
		l.Part, l.Place.File, l.Place.Sheet, l.Place.Row, l.Activity, what)}
}

// isFinite is false for NaN and ±Inf: x - x is NaN for both.
func isFinite(x float64) bool { return x-x == 0 }

func (c *finiteChecker) years(years []emissions.YearTotals) {
	for _, y := range years {
		p := fmt.Sprintf("year %d ", y.Year)
		c.num(p+"scope1", y.Scope1)
		c.num(p+"scope2_location", y.Scope2Location)
		c.num(p+"scope2_market", y.Scope2Market)
		c.num(p+"scope3", y.Scope3)
		c.num(p+"total_location", y.TotalLocation)
		c.num(p+"total_market", y.TotalMarket)
		c.num(p+"biogenic_co2", y.BiogenicCO2)
		c.num(p+"avoided", y.Avoided)
		for _, k := range slices.Sorted(maps.Keys(y.Scope3Categories)) {
			c.num(fmt.Sprintf("%sscope 3 category %d", p, k), y.Scope3Categories[k])
		}
		c.strMap(p+"pole", y.ByPole)
		c.strMap(p+"site", y.BySite)
		c.strMap(p+"activity", y.ByActivity)
	}
}

func (c *finiteChecker) trajectory(tr *plan.Trajectory) {
	if tr == nil {
		return
	}
	c.num("trajectory credits needed", tr.CreditsNeeded)
	for _, y := range tr.Years {
		p := fmt.Sprintf("trajectory %d ", y.Year)
		c.ptr(p+"actual", y.Actual)
		c.ptr(p+"target", y.Target)
		for i, v := range y.Targets {
			c.ptr(fmt.Sprintf("%starget %d", p, i+1), v)
		}
		c.ptr(p+"bau", y.BAU)
		c.ptr(p+"plan", y.Plan)
		c.num(p+"credits", y.Credits)
		c.ptr(p+"net", y.Net)
		c.ptr(p+"gap", y.Gap)
		for s := 1; s <= 3; s++ {
			c.num(fmt.Sprintf("%sscope %d", p, s), y.ActualByScope[s])
		}
	}
	for _, l := range tr.Levers {
		p := fmt.Sprintf("lever %q ", l.Lever.Name)
		c.num(p+"reduction_pct", l.Lever.ReductionPct)
		c.ptr(p+"cost", l.Lever.CostEURPerTCO2)
		for _, y := range slices.Sorted(maps.Keys(l.Abatement)) {
			c.num(fmt.Sprintf("%sabatement %d", p, y), l.Abatement[y])
		}
	}
}

type finiteChecker struct{ err error }

func (c *finiteChecker) num(where string, v float64) {
	if c.err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
		c.err = &NonFiniteError{Where: where, Value: v}
	}
}

func (c *finiteChecker) ptr(where string, v *float64) {
	if v != nil {
		c.num(where, *v)
	}
}

func (c *finiteChecker) strMap(where string, m map[string]float64) {
	for _, k := range sortedKeys(m) {
		c.num(fmt.Sprintf("%s %q", where, k), m[k])
	}
}

// sortedKeys returns the keys of m in byte order, so that whatever reads a map does it the
// same way on every run.
func sortedKeys(m map[string]float64) []string { return slices.Sorted(maps.Keys(m)) }
