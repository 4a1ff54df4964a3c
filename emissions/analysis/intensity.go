package analysis

import (
	"fmt"
	"math"

	"github.com/footprint/footprint/emissions"
)

// Denominator is a per-year measure of activity that emissions are divided by (vehicles
// reconditioned, staff, revenue): config intensity (docs/configuration.md#intensity). Values holds only the years
// given; each value is positive.
type Denominator struct {
	Name   string
	Unit   string
	Values map[int]float64
}

// Intensities gives, per year, the total that method selects (market by default) in tCO2e per
// unit of each denominator that has a value for the year. A year without a value has no entry
// for that denominator: never 0, never infinite.
func Intensities(years []emissions.YearTotals, method string, ds []Denominator) map[int]map[string]float64 {
	out := map[int]map[string]float64{}
	for _, y := range years {
		total := y.Total(method)
		for _, d := range ds {
			v, ok := d.Values[y.Year]
			if !ok || !(v > 0) {
				continue
			}
			if out[y.Year] == nil {
				out[y.Year] = map[string]float64{}
			}
			out[y.Year][d.Name] = total / v
		}
	}
	return out
}

// IntensityTarget is a target on an intensity rather than on absolute emissions: the
// emissions of Scopes per unit of the denominator named Intensity fall linearly by
// ReductionPct from the trajectory's base year to its target year. It sits next to the
// absolute targets (config trajectory.targets with `intensity:`) but is not part of the
// trajectory's boundary, target sum or gap.
type IntensityTarget struct {
	Name         string
	Intensity    string // a Denominator's Name
	Scopes       []int
	ReductionPct float64
}

// IntensityPath is an intensity target's course: its base-year intensity, then per year from
// the base year to the target year the target and, where the year has data and a denominator,
// the actual intensity, both in tCO2e per Unit over the target's scopes.
type IntensityPath struct {
	Target     IntensityTarget
	Unit       string
	BaseYear   int
	TargetYear int
	Base       float64
	Years      []IntensityPathYear
}

type IntensityPathYear struct {
	Year   int
	Target float64
	Actual *float64
}

// IntensityPaths computes each intensity target's path over baseYear..targetYear. A target
// whose denominator has no value for the base year (or whose base year has no data) gets no
// path and a warning in ps naming the key to fill.
func IntensityPaths(ts []IntensityTarget, ds []Denominator, years []emissions.YearTotals, method string, baseYear, targetYear int, ps *emissions.Problems) []IntensityPath {
	byName := map[string]Denominator{}
	for _, d := range ds {
		byName[d.Name] = d
	}
	totals := map[int]emissions.YearTotals{}
	for _, y := range years {
		totals[y.Year] = y
	}
	var out []IntensityPath
	for i, tg := range ts {
		d := byName[tg.Intensity]
		actual := func(y int) (float64, bool) {
			yt, ok := totals[y]
			v, has := d.Values[y]
			if !ok || !has || !(v > 0) {
				return 0, false
			}
			return scopesTotal(yt, tg.Scopes, method) / v, true
		}
		base, ok := actual(baseYear)
		if !ok {
			ps.Add(emissions.Problem{Severity: emissions.SeverityWarning, Cause: "intensity-target-base",
				Message: fmt.Sprintf("trajectory.targets[%d] %q: the intensity %s has no value (or the inventory no data) for the base year %d, so the target has no path; add {year: %d, value: …} to intensity %s",
					i, tg.Name, tg.Intensity, baseYear, baseYear, tg.Intensity)})
			continue
		}
		p := IntensityPath{Target: tg, Unit: d.Unit, BaseYear: baseYear, TargetYear: targetYear, Base: base}
		for y := baseYear; y <= targetYear; y++ {
			cut := tg.ReductionPct / 100 * float64(y-baseYear) / float64(targetYear-baseYear)
			py := IntensityPathYear{Year: y, Target: base * math.Max(0, 1-cut)}
			if v, ok := actual(y); ok {
				py.Actual = &v
			}
			p.Years = append(p.Years, py)
		}
		out = append(out, p)
	}
	return out
}

// scopesTotal is the emissions of the given scopes, Scope 2 by method.
func scopesTotal(y emissions.YearTotals, scopes []int, method string) float64 {
	total := 0.0
	for _, s := range scopes {
		switch s {
		case 1:
			total += y.Scope1
		case 2:
			if method == emissions.MethodLocation {
				total += y.Scope2Location
			} else {
				total += y.Scope2Market
			}
		case 3:
			total += y.Scope3
		}
	}
	return total
}
