package jsondoc

import (
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// BaseYear is `base_year`: the base year as reported and as recalculated for structural
// changes, over the trajectory's boundary.
type BaseYear struct {
	Year            int     `json:"year"`
	Reported        float64 `json:"reported"`
	Recalculated    float64 `json:"recalculated"`
	Applied         bool    `json:"recalculation_applied"`
	ChangePct       float64 `json:"change_pct"`
	SignificancePct float64 `json:"significance_pct"`
	Events          []Event `json:"events"`
}

// Event is a structural event of trajectory.base_year_policy, its treatment resolved.
type Event struct {
	Year       int      `json:"year"`
	Type       string   `json:"type"`
	Name       string   `json:"name,omitempty"`
	Activities []string `json:"activities,omitempty"`
	Poles      []string `json:"poles,omitempty"`
	Sites      []string `json:"sites,omitempty"`
	Treatment  string   `json:"treatment"`
}

// Reduction is `trajectory[].reduction`: the reduction from the base year as reported and
// its parts (positive: lower than the base year).
type Reduction struct {
	Total        float64 `json:"total"`
	Abatement    float64 `json:"abatement"`
	Factors      float64 `json:"factors"`
	Instruments  float64 `json:"instruments"`
	Discontinued float64 `json:"discontinued"`
}

// Claim is `trajectory[].claim` (docs/json.md#trajectoryclaim, contract for the
// first seven fields).
type Claim struct {
	OK             bool     `json:"ok"`
	Reasons        []string `json:"reasons"`
	Residual       *float64 `json:"residual"`      // null in a year without data
	ResidualHigh   *float64 `json:"residual_high"` // null in a year without data
	CreditsRetired float64  `json:"credits_retired"`
	CreditsPlanned float64  `json:"credits_planned"`
	RemovalsOwn    float64  `json:"removals_own"`
	ReasonCodes    []string `json:"reason_codes"`
	Projected      bool     `json:"projected"`
}

// ClaimBoundary is `claim_boundary`: what the claim covers, and the Scope 3 it leaves out.
type ClaimBoundary struct {
	Scopes           []int   `json:"scopes"`
	Scope3Categories []int   `json:"scope3_categories"`
	Scope2Method     string  `json:"scope2_method"`
	Description      string  `json:"description"`
	ExcludedYear     int     `json:"excluded_year"`
	ExcludedScope3   float64 `json:"excluded_scope3"`
	ExcludedShare    float64 `json:"excluded_share"`
	ExcludedSignif   bool    `json:"excluded_significant"`
}

// Ledger is `ledger`: the credits and own removals (ESRS E1-7), never netted into
// `years`.
type Ledger struct {
	Credits  []Credit  `json:"credits"`
	Removals []Removal `json:"removals"`
}

type Credit struct {
	Year                    int      `json:"year"`
	TCO2e                   float64  `json:"tco2e"`
	Name                    string   `json:"name"`
	Type                    string   `json:"type"`
	Status                  string   `json:"status"`
	Registry                string   `json:"registry,omitempty"`
	Serials                 string   `json:"serials,omitempty"`
	Standard                string   `json:"standard,omitempty"`
	Methodology             string   `json:"methodology,omitempty"`
	Country                 string   `json:"country,omitempty"`
	Vintage                 int      `json:"vintage,omitempty"`
	DurabilityYears         int      `json:"durability_years,omitempty"`
	CorrespondingAdjustment bool     `json:"corresponding_adjustment"`
	RetirementDate          string   `json:"retirement_date,omitempty"`
	PriceEUR                *float64 `json:"price_eur,omitempty"`
}

type Removal struct {
	Year            int     `json:"year"`
	TCO2e           float64 `json:"tco2e"`
	Name            string  `json:"name"`
	Method          string  `json:"method,omitempty"`
	DurabilityYears int     `json:"durability_years,omitempty"`
}

// setClaims adds the base year as reported and recalculated, each year's reduction split and
// claim, the claim's boundary and the ledger.
func (d *Document) setClaims(traj *plan.Trajectory, c reports.Claim) {
	if traj == nil {
		return
	}
	b := traj.Base
	by := &BaseYear{Year: b.Year, Reported: b.Reported, Recalculated: b.Recalculated, Applied: b.Applied,
		ChangePct: b.ChangePct, SignificancePct: b.SignificancePct, Events: []Event{}}
	for _, ev := range b.Events {
		by.Events = append(by.Events, Event{Year: ev.Year, Type: ev.Type, Name: ev.Name, Activities: ev.Activities,
			Poles: ev.Poles, Sites: ev.Sites, Treatment: ev.TreatmentOrDefault()})
	}
	d.BaseYear = by
	red := map[int]plan.Reduction{}
	for _, r := range c.Reductions {
		red[r.Year] = r
	}
	for i := range d.Trajectory {
		tj := &d.Trajectory[i]
		if i < len(traj.Years) && traj.Years[i].Year == tj.Year {
			tj.ActualReported = traj.Years[i].ActualReported
		}
		if r, ok := red[tj.Year]; ok {
			tj.Reduction = &Reduction{Total: r.Total, Abatement: r.Abatement, Factors: r.Factors, Instruments: r.Instruments, Discontinued: r.Discontinued}
		}
		if cy, ok := c.Check.Year(tj.Year); ok {
			cj := &Claim{OK: cy.OK, Reasons: []string{}, ReasonCodes: []string{}, Residual: cy.Residual, ResidualHigh: cy.ResidualHigh,
				CreditsRetired: cy.CreditsRetired, CreditsPlanned: cy.CreditsPlanned, RemovalsOwn: cy.RemovalsOwn, Projected: cy.Projected}
			for _, r := range cy.Reasons {
				cj.Reasons = append(cj.Reasons, reports.ClaimReasonText(lang.English, c.Check, cy, r))
				cj.ReasonCodes = append(cj.ReasonCodes, r.Code)
			}
			tj.Claim = cj
		}
	}
	if cc := c.Check; cc != nil {
		cats := cc.Boundary.Scope3Categories
		if cats == nil {
			cats = []int{}
		}
		d.ClaimBoundary = &ClaimBoundary{Scopes: cc.Boundary.Scopes, Scope3Categories: cats, Scope2Method: cc.Boundary.Scope2Method,
			Description: cc.Boundary.Describe(), ExcludedYear: cc.Excluded.Year, ExcludedScope3: cc.Excluded.TCO2e,
			ExcludedShare: cc.Excluded.Share, ExcludedSignif: cc.Excluded.Significant}
	}
	l := &Ledger{Credits: []Credit{}, Removals: []Removal{}}
	for _, cr := range c.Credits {
		l.Credits = append(l.Credits, Credit{Year: cr.Year, TCO2e: cr.TCO2e, Name: cr.Name, Type: cr.Kind, Status: cr.StatusOrDefault(),
			Registry: cr.Registry, Serials: cr.Serials, Standard: cr.Standard, Methodology: cr.Methodology, Country: cr.Country,
			Vintage: cr.Vintage, DurabilityYears: cr.DurabilityYears, CorrespondingAdjustment: cr.CorrespondingAdjustment,
			RetirementDate: cr.RetirementDate, PriceEUR: cr.PriceEUR})
	}
	for _, r := range c.Removals {
		l.Removals = append(l.Removals, Removal{Year: r.Year, TCO2e: r.TCO2e, Name: r.Name, Method: r.Method, DurabilityYears: r.DurabilityYears})
	}
	d.Ledger = l
}
