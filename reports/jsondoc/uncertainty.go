package jsondoc

import (
	"strconv"

	"github.com/footprint/footprint/emissions/analysis"
	"github.com/footprint/footprint/emissions/plan"
)

// UncertaintyDetail is `years[].uncertainty_detail`: how the interval was drawn and the
// intervals of the year's scopes and poles, for the same total as `uncertainty`.
type UncertaintyDetail struct {
	Iterations int     `json:"iterations"`
	DefaultPct float64 `json:"default_pct"`
	// DefaultShare is the share of the total whose factors take uncertainty_default_pct;
	// QualityShare the share whose activity data has a Quality.
	DefaultShare float64                      `json:"default_share"`
	QualityShare float64                      `json:"quality_share"`
	ByScope      map[string]analysis.Interval `json:"by_scope"`
	ByPole       map[string]analysis.Interval `json:"by_pole"`
	// OtherPoles are the poles beyond the year's analysis.PoleIntervals largest, which have no
	// interval of their own in ByPole: one interval for their sum. Absent when every pole
	// has its own.
	OtherPoles *OtherPoles `json:"other_poles,omitempty"`
}

// OtherPoles is `years[].uncertainty_detail.other_poles`.
type OtherPoles struct {
	Count int     `json:"count"`
	TCO2e float64 `json:"tco2e"`
	Low   float64 `json:"low"`
	High  float64 `json:"high"`
}

// Change is one entry of `changes` (docs/json.md#changes, contract for the first seven fields).
type Change struct {
	From           int     `json:"from"`
	To             int     `json:"to"`
	TotalFrom      float64 `json:"total_from"`
	TotalTo        float64 `json:"total_to"`
	ActivityEffect float64 `json:"activity_effect"`
	FactorEffect   float64 `json:"factor_effect"`
	Other          float64 `json:"other"`
	// Discontinued is the change of the activities that a closure, divestment or outsourcing
	// of the base-year policy ended (docs/methodology.md#what-changed-additive-lmdi); the four parts add up to total_to − total_from.
	Discontinued float64 `json:"discontinued"`
	// BaseToReporting marks the base year vs the reporting year.
	BaseToReporting bool             `json:"base_to_reporting"`
	ByActivity      []ActivityChange `json:"by_activity"`
}

// ActivityChange is one activity's part of a change.
type ActivityChange struct {
	Activity       string  `json:"activity"`
	From           float64 `json:"from"`
	To             float64 `json:"to"`
	ActivityEffect float64 `json:"activity_effect"`
	FactorEffect   float64 `json:"factor_effect"`
	Other          float64 `json:"other"`
	Discontinued   float64 `json:"discontinued"`
}

// setAnalysis adds the uncertainty of each year and the decomposition of changes.
func (d *Document) setAnalysis(u *analysis.Uncertainty, changes []plan.Change) {
	if u != nil {
		for i := range d.Years {
			yu, _ := u.Year(d.Years[i].Year) // a year with no emissions has a zero interval
			iv := yu.Interval
			det := &UncertaintyDetail{Iterations: u.Iterations, DefaultPct: u.DefaultPct,
				DefaultShare: yu.DefaultShare, QualityShare: yu.QualityShare,
				ByScope: map[string]analysis.Interval{}, ByPole: map[string]analysis.Interval{}}
			for s, v := range yu.ByScope {
				det.ByScope[strconv.Itoa(s)] = v
			}
			for p, v := range yu.ByPole {
				det.ByPole[p] = v
			}
			if op := yu.OtherPoles; op.Count > 0 {
				det.OtherPoles = &OtherPoles{Count: op.Count, TCO2e: op.TCO2e, Low: op.Interval.Low, High: op.Interval.High}
			}
			d.Years[i].Uncertainty, d.Years[i].UncertaintyDetail = &iv, det
		}
	}
	for _, c := range changes {
		cj := Change{From: c.From, To: c.To, TotalFrom: c.TotalFrom, TotalTo: c.TotalTo,
			ActivityEffect: c.ActivityEffect, FactorEffect: c.FactorEffect, Other: c.Other, Discontinued: c.Discontinued,
			BaseToReporting: c.BaseToReporting, ByActivity: make([]ActivityChange, 0, len(c.ByActivity))}
		for _, a := range c.ByActivity {
			cj.ByActivity = append(cj.ByActivity, ActivityChange{Activity: a.Activity, From: a.From, To: a.To,
				ActivityEffect: a.ActivityEffect, FactorEffect: a.FactorEffect, Other: a.Other, Discontinued: a.Discontinued})
		}
		d.Changes = append(d.Changes, cj)
	}
}
