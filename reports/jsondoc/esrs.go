package jsondoc

import (
	"strconv"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/disclose"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// Organisation is `organisation` in calc --json.
type Organisation struct {
	Name          string `json:"name"`
	Consolidation string `json:"consolidation"`
}

// Scopes are emissions by scope with their totals (AR 47), tCO2e.
type Scopes struct {
	Scope1         float64 `json:"scope1"`
	Scope2Location float64 `json:"scope2_location"`
	Scope2Market   float64 `json:"scope2_market"`
	Scope3         float64 `json:"scope3"`
	TotalLocation  float64 `json:"total_location"`
	TotalMarket    float64 `json:"total_market"`
}

func scopesOf(s emissions.ScopeTotals) Scopes {
	return Scopes{Scope1: s.Scope1, Scope2Location: s.Scope2Location, Scope2Market: s.Scope2Market, Scope3: s.Scope3,
		TotalLocation: s.TotalLocation(), TotalMarket: s.TotalMarket()}
}

// Entity is one entity of `years[].entities`: what the inventory counts of it
// (consolidated, its gross × share) and its gross emissions.
type Entity struct {
	Name         string  `json:"name"`
	Registration string  `json:"registration,omitempty"`
	Control      bool    `json:"control"`
	Share        float64 `json:"share"` // 0–1
	Scopes
	Gross Scopes `json:"gross"`
}

// ESRSYear is `years[].esrs_e1_6`: the E1-6 figures beyond the scopes. Shares are
// fractions (0–1), null where they are not reported or have no base.
type ESRSYear struct {
	// ConsolidatedGroup and Investees split the inventory (E1-6 §50); InvesteesOutside
	// are the gross emissions of investees a control approach leaves out of it.
	ConsolidatedGroup Scopes                   `json:"consolidated_group"`
	Investees         Scopes                   `json:"investees"`
	InvesteesOutside  Scopes                   `json:"investees_outside"`
	Scope1ETSShare    *float64                 `json:"scope1_ets_share"`
	CloudComputing    *float64                 `json:"cloud_computing"`
	BiogenicByScope   map[string]float64       `json:"biogenic_co2_by_scope"`
	Scope3ByDataType  map[string]float64       `json:"scope3_by_data_type"`
	Scope3Primary     *float64                 `json:"scope3_primary_share"`
	Scope3Coverage    []reports.Scope3Coverage `json:"scope3_coverage"`
	PerNetRevenue     *RevenueIntensity        `json:"intensity_per_net_revenue"`
}

// RevenueIntensity is the GHG intensity per net revenue (E1-6 §53), tCO2e per Unit.
type RevenueIntensity struct {
	Unit       string  `json:"unit"`
	Basis      string  `json:"basis"`
	NetRevenue float64 `json:"net_revenue"`
	Location   float64 `json:"location"`
	Market     float64 `json:"market"`
}

// addRegulatory puts the organisation, the entities and the E1-6 figures into the document.
// by_entity follows trajectory.scope2_method, like by_pole, and adds up to its total.
func (d *Document) addRegulatory(r *reports.Regulatory, years []emissions.YearTotals) {
	if r == nil {
		return
	}
	if o := r.Organisation; o != nil {
		d.Organisation = &Organisation{Name: o.Name, Consolidation: o.Approach}
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
			y.Entities = append(y.Entities, Entity{Name: e.Name, Registration: e.Registration, Control: e.Control, Share: e.Share,
				Scopes: scopesOf(e.Consolidated), Gross: scopesOf(e.Gross)})
		}
		t := byYear[y.Year]
		if t == nil {
			continue
		}
		y.ESRS = esrsYear(r, t, es)
	}
}

// esrsYear is a year's E1-6 figures beyond the scopes.
func esrsYear(r *reports.Regulatory, t *emissions.YearTotals, es []emissions.EntityTotals) *ESRSYear {
	group, inv, out := reports.ConsolidationSplit(es)
	j := &ESRSYear{ConsolidatedGroup: scopesOf(group), Investees: scopesOf(inv), InvesteesOutside: scopesOf(out),
		BiogenicByScope: map[string]float64{}, Scope3ByDataType: map[string]float64{}, Scope3Coverage: r.Coverage(lang.English, t)}
	f := r.Figures[t.Year]
	if f == nil {
		f = &disclose.ESRSYear{}
	}
	if r.ETSFlagged {
		j.Scope1ETSShare = reports.Fraction(f.Scope1ETS, t.Scope1)
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
	j.Scope3Primary = reports.Fraction(f.Scope3ByDataType[emissions.DataPrimary], t.Scope3)
	if rev, ok := r.Revenue(t.Year); ok {
		j.PerNetRevenue = &RevenueIntensity{Unit: r.NetRevenue.Unit, Basis: r.RevenueBasis, NetRevenue: rev,
			Location: t.TotalLocation / rev, Market: t.TotalMarket / rev}
	}
	return j
}
