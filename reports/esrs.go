package reports

import (
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/analysis"
	"github.com/footprint/footprint/emissions/disclose"
	"github.com/footprint/footprint/lang"
)

// Regulatory is what the ESRS E1-6 disclosure needs beyond the yearly totals (docs/regulatory.md): the organisation and each entity's share of the inventory, the figures E1-6 singles
// out, which Scope 3 categories are in the inventory and why, the net revenue and the
// targets' long-term milestones. The command fills it from config and the lines; the
// reports only show it.
type Regulatory struct {
	// Organisation is nil when config has none: the inventory is one reporting unit.
	Organisation *emissions.Organisation
	// Entities are each year's emissions per entity (emissions.EntityBreakdown).
	Entities map[int][]emissions.EntityTotals
	// Figures are the E1-6 figures per year (disclose.ESRSFigures).
	Figures map[int]*disclose.ESRSYear
	// ETSFlagged and CloudFlagged say whether config flags any site or activity: without,
	// the ETS share and the cloud sub-row are "not reported", not 0.
	ETSFlagged, CloudFlagged bool
	// Scope3Included and Scope3Excluded are the reasons config gives, by category.
	Scope3Included, Scope3Excluded map[int]string
	// NetRevenue is the intensity denominator that is the net revenue (ESRS E1-6 §53), with
	// its basis; nil when config marks none.
	NetRevenue   *analysis.Denominator
	RevenueBasis string
	// Milestones are each target's reductions in % by year after the target year (2050), in
	// the order of Report.Targets.
	Milestones []map[int]float64
}

// Scope3Coverage is the status of a Scope 3 category in a year (ESRS E1 AR 46): included
// (it has data, or config lists it as included), excluded (config gives the reason), or not
// reported (neither).
type Scope3Coverage struct {
	Category int    `json:"category"`
	Status   string `json:"status"` // included | excluded | not reported, in English (a code)
	Reason   string `json:"reason"` // in the language Coverage is given; config's own reasons as written
}

// CoverageStatusIn is a coverage status in language l, as the tables show it.
func CoverageStatusIn(l lang.Lang, status string) string {
	switch status {
	case "included":
		return l.T("included")
	case "excluded":
		return l.T("excluded")
	case "not reported":
		return l.T("not reported")
	}
	return status
}

// Coverage gives the status of the 15 categories for a year's totals, the reasons footprint
// words itself in l (the HTML report and the Excel export show them; the JSON document takes
// them in English).
func (r *Regulatory) Coverage(l lang.Lang, t *emissions.YearTotals) []Scope3Coverage {
	out := make([]Scope3Coverage, 0, 15)
	for c := 1; c <= 15; c++ {
		cv := Scope3Coverage{Category: c}
		_, data := t.Scope3Categories[c]
		reason, excluded := r.Scope3Excluded[c]
		switch {
		case data:
			cv.Status, cv.Reason = "included", r.Scope3Included[c]
			if cv.Reason == "" {
				cv.Reason = l.T("activity data in the inventory")
			}
			if excluded {
				cv.Reason = l.T("%s; config lists it as excluded (%s), but rows of the category are counted", cv.Reason, reason)
			}
		case excluded:
			cv.Status, cv.Reason = "excluded", reason
		default:
			if inc, ok := r.Scope3Included[c]; ok {
				cv.Status, cv.Reason = "included", l.T("%s (no emissions in the inputs this year)", inc)
			} else {
				cv.Status, cv.Reason = "not reported", l.T("no data and no reason in config esrs.scope3")
			}
		}
		out = append(out, cv)
	}
	return out
}

// ConsolidationSplit sums a year's entities into the consolidated accounting group (the
// controlled entities, E1-6 §50 (a)) and the investees (§50 (b)), consolidated, and the
// investees' gross emissions that a control approach leaves out of the inventory.
func ConsolidationSplit(es []emissions.EntityTotals) (group, investees, outside emissions.ScopeTotals) {
	for _, e := range es {
		if e.Control {
			addScopes(&group, e.Consolidated)
			continue
		}
		addScopes(&investees, e.Consolidated)
		if e.Share == 0 {
			addScopes(&outside, e.Gross)
		}
	}
	return
}

func addScopes(a *emissions.ScopeTotals, b emissions.ScopeTotals) {
	a.Scope1 += b.Scope1
	a.Scope2Location += b.Scope2Location
	a.Scope2Market += b.Scope2Market
	a.Scope3 += b.Scope3
}

// Fraction is part / whole, or nil when the whole is 0.
func Fraction(part, whole float64) *float64 {
	if whole == 0 {
		return nil
	}
	v := part / whole
	return &v
}

// Revenue is the net revenue of year y, if config gives it.
func (r *Regulatory) Revenue(y int) (float64, bool) {
	if r == nil || r.NetRevenue == nil {
		return 0, false
	}
	v, ok := r.NetRevenue.Values[y]
	return v, ok && v > 0
}

// HasInvestees reports whether the organisation lists an entity it does not control.
func (r *Regulatory) HasInvestees() bool {
	if r == nil || r.Organisation == nil {
		return false
	}
	for _, e := range r.Organisation.Entities {
		if !e.Control {
			return true
		}
	}
	return false
}
