package reports

import (
	"strconv"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/disclose"
)

// OrganisationJSON is `organisation` in calc --json.
type OrganisationJSON struct {
	Name          string `json:"name"`
	Consolidation string `json:"consolidation"`
}

// ScopesJSON are emissions by scope with their totals (AR 47), tCO2e.
type ScopesJSON struct {
	Scope1         float64 `json:"scope1"`
	Scope2Location float64 `json:"scope2_location"`
	Scope2Market   float64 `json:"scope2_market"`
	Scope3         float64 `json:"scope3"`
	TotalLocation  float64 `json:"total_location"`
	TotalMarket    float64 `json:"total_market"`
}

func scopesJSON(s emissions.ScopeTotals) ScopesJSON {
	return ScopesJSON{Scope1: s.Scope1, Scope2Location: s.Scope2Location, Scope2Market: s.Scope2Market, Scope3: s.Scope3,
		TotalLocation: s.TotalLocation(), TotalMarket: s.TotalMarket()}
}

// EntityJSON is one entity of `years[].entities`: what the inventory counts of it
// (consolidated, its gross × share) and its gross emissions.
type EntityJSON struct {
	Name         string  `json:"name"`
	Registration string  `json:"registration,omitempty"`
	Control      bool    `json:"control"`
	Share        float64 `json:"share"` // 0–1
	ScopesJSON
	Gross ScopesJSON `json:"gross"`
}

// ESRSYearJSON is `years[].esrs_e1_6`: the E1-6 figures beyond the scopes. Shares are
// fractions (0–1), null where they are not reported or have no base.
type ESRSYearJSON struct {
	// ConsolidatedGroup and Investees split the inventory (E1-6 §50); InvesteesOutside
	// are the gross emissions of investees a control approach leaves out of it.
	ConsolidatedGroup ScopesJSON            `json:"consolidated_group"`
	Investees         ScopesJSON            `json:"investees"`
	InvesteesOutside  ScopesJSON            `json:"investees_outside"`
	Scope1ETSShare    *float64              `json:"scope1_ets_share"`
	CloudComputing    *float64              `json:"cloud_computing"`
	BiogenicByScope   map[string]float64    `json:"biogenic_co2_by_scope"`
	Scope3ByDataType  map[string]float64    `json:"scope3_by_data_type"`
	Scope3Primary     *float64              `json:"scope3_primary_share"`
	Scope3Coverage    []Scope3Coverage      `json:"scope3_coverage"`
	PerNetRevenue     *RevenueIntensityJSON `json:"intensity_per_net_revenue"`
}

// RevenueIntensityJSON is the GHG intensity per net revenue (E1-6 §53), tCO2e per Unit.
type RevenueIntensityJSON struct {
	Unit       string  `json:"unit"`
	Basis      string  `json:"basis"`
	NetRevenue float64 `json:"net_revenue"`
	Location   float64 `json:"location"`
	Market     float64 `json:"market"`
}

// AddRegulatory puts the organisation, the entities and the E1-6 figures into the document.
// by_entity follows trajectory.scope2_method, like by_pole, and adds up to its total.
func (d *CalcDocument) AddRegulatory(r *Regulatory, years []emissions.YearTotals) {
	if r == nil {
		return
	}
	if o := r.Organisation; o != nil {
		d.Organisation = &OrganisationJSON{Name: o.Name, Consolidation: o.Approach}
	}
	byYear := map[int]*emissions.YearTotals{}
	for i := range years {
		byYear[years[i].Year] = &years[i]
	}
	for i := range d.Years {
		y := &d.Years[i]
		es := r.Entities[y.Year]
		for _, e := range es {
			y.ByEntity[e.Name] = e.Consolidated.Total(d.Scope2Method)
			y.Entities = append(y.Entities, EntityJSON{Name: e.Name, Registration: e.Registration, Control: e.Control, Share: e.Share,
				ScopesJSON: scopesJSON(e.Consolidated), Gross: scopesJSON(e.Gross)})
		}
		t := byYear[y.Year]
		if t == nil {
			continue
		}
		y.ESRS = r.yearJSON(t, es)
	}
}

func (r *Regulatory) yearJSON(t *emissions.YearTotals, es []emissions.EntityTotals) *ESRSYearJSON {
	group, inv, out := consolidationSplit(es)
	j := &ESRSYearJSON{ConsolidatedGroup: scopesJSON(group), Investees: scopesJSON(inv), InvesteesOutside: scopesJSON(out),
		BiogenicByScope: map[string]float64{}, Scope3ByDataType: map[string]float64{}, Scope3Coverage: r.Coverage(t)}
	f := r.Figures[t.Year]
	if f == nil {
		f = &disclose.ESRSYear{}
	}
	if r.ETSFlagged {
		j.Scope1ETSShare = fraction(f.Scope1ETS, t.Scope1)
	}
	if r.CloudFlagged {
		v := f.Cloud
		j.CloudComputing = &v
	}
	for s := 1; s <= 3; s++ {
		j.BiogenicByScope[strconv.Itoa(s)] = f.BiogenicByScope[s]
	}
	for k, v := range f.Scope3ByDataType {
		if k == "" {
			k = "not stated"
		}
		j.Scope3ByDataType[k] += v
	}
	j.Scope3Primary = fraction(f.Scope3ByDataType[emissions.DataPrimary], t.Scope3)
	if rev, ok := r.revenue(t.Year); ok {
		j.PerNetRevenue = &RevenueIntensityJSON{Unit: r.NetRevenue.Unit, Basis: r.RevenueBasis, NetRevenue: rev,
			Location: t.TotalLocation / rev, Market: t.TotalMarket / rev}
	}
	return j
}
