package reports

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

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
	return fmt.Sprintf("%s is %v: footprint shows finite numbers only; %s", e.Where, e.Value, e.cause())
}

// cause says which inputs a figure comes from, for the user to find the one that is out of
// range.
func (e *NonFiniteError) cause() string {
	switch {
	case strings.HasPrefix(e.Where, "trajectory"), strings.HasPrefix(e.Where, "lever"):
		return "check the numbers of the config's trajectory: trajectory.projection.growth_pct, the levers' reduction_pct and adds, the targets and the credits"
	case strings.HasPrefix(e.Where, "the ") && strings.Contains(e.Where, " line of "):
		return "check the row's Quantity and the value of the factor it names (factors.custom, when it is a custom factor)"
	}
	return "check the values of the custom factors (factors.custom) and the rows' quantities"
}

// CheckFinite returns the first NaN or infinite figure of years, poles and the trajectory,
// in that order: such a figure would draw a broken chart, or be written as text or as a number
// no reader accepts.
func CheckFinite(years []emissions.YearTotals, poles []PoleActivity, tr *plan.Trajectory) error {
	c := finiteChecker{}
	c.years(years)
	for _, pa := range poles {
		if !finite(pa.TCO2e) { // a name is formatted for the figure it names only
			c.num(fmt.Sprintf("pole %q activity %q", pa.Pole, pa.Activity), pa.TCO2e)
		}
	}
	c.trajectory(tr)
	return c.err
}

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

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func (c *finiteChecker) num(where string, v float64) {
	if c.err == nil && !finite(v) {
		c.err = &NonFiniteError{Where: where, Value: v}
	}
}

func (c *finiteChecker) ptr(where string, v *float64) {
	if v != nil {
		c.num(where, *v)
	}
}

// strMap sorts and names m's keys only when one of its figures is not finite: a map of many
// poles or sites is otherwise a sort and a formatted name per figure, for nothing.
func (c *finiteChecker) strMap(where string, m map[string]float64) {
	if c.err != nil || allFinite(m) {
		return
	}
	for _, k := range sortedKeys(m) {
		c.num(fmt.Sprintf("%s %q", where, k), m[k])
	}
}

func allFinite(m map[string]float64) bool {
	for _, v := range m {
		if !finite(v) {
			return false
		}
	}
	return true
}

// sortedKeys returns the keys of m in byte order, so that whatever reads a map does it the
// same way on every run.
func sortedKeys(m map[string]float64) []string { return slices.Sorted(maps.Keys(m)) }
