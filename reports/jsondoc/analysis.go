package jsondoc

import "github.com/footprint/footprint/reports"

// IntensityTarget is one intensity target of `intensity_targets`: tCO2e per unit of the
// denominator over the target's scopes, its path and the actuals (null where a year has no data
// or no denominator).
type IntensityTarget struct {
	Name         string                `json:"name"`
	Intensity    string                `json:"intensity"`
	Unit         string                `json:"unit"`
	Scopes       []int                 `json:"scopes"`
	ReductionPct float64               `json:"reduction_pct"`
	BaseYear     int                   `json:"base_year"`
	Base         float64               `json:"base"`
	Years        []IntensityTargetYear `json:"years"`
}

type IntensityTargetYear struct {
	Year   int      `json:"year"`
	Target float64  `json:"target"`
	Actual *float64 `json:"actual"`
}

// addAnalysis puts the figures of docs/json.md#years into the document: per year the intensities (only
// the denominators the year has a value for) and the avoided emissions per activity, and the
// intensity targets' paths.
func (d *Document) addAnalysis(a reports.Analysis) {
	for i := range d.Years {
		y := &d.Years[i]
		y.Intensity = map[string]float64{}
		for name, v := range a.Intensities[y.Year] {
			y.Intensity[name] = v
		}
		y.AvoidedByActivity = map[string]float64{}
		for _, v := range a.Avoided {
			if v.Year == y.Year {
				y.AvoidedByActivity[v.Activity] += v.TCO2e
			}
		}
	}
	if a.Restatement != nil {
		d.Restated = make([]Restated, 0, len(a.Restatement))
		for _, r := range a.Restatement {
			d.Restated = append(d.Restated, Restated{Year: r.Year, AsReported: r.AsReported, Restated: r.Restated, Difference: r.Difference})
		}
	}
	d.IntensityTargets = []IntensityTarget{}
	for _, p := range a.IntensityPaths {
		t := IntensityTarget{Name: p.Target.Name, Intensity: p.Target.Intensity, Unit: p.Unit, Scopes: p.Target.Scopes,
			ReductionPct: p.Target.ReductionPct, BaseYear: p.BaseYear, Base: p.Base}
		for _, y := range p.Years {
			t.Years = append(t.Years, IntensityTargetYear{Year: y.Year, Target: y.Target, Actual: y.Actual})
		}
		d.IntensityTargets = append(d.IntensityTargets, t)
	}
}
