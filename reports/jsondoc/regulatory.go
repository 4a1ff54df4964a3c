package jsondoc

import "github.com/footprint/footprint/reports"

// Beges is a year's BEGES v5 in `calc --json`: per poste ("1.1" … "6.1") its total and
// gases in tCO2e, biogenic CO2 in tCO2 and the uncertainty in %; the total of the 22 postes
// (= the location-based total).
type Beges struct {
	Total  float64               `json:"total"`
	Postes map[string]BegesPoste `json:"postes"`
}

type BegesPoste struct {
	Total          float64 `json:"total"`
	CO2            float64 `json:"co2"`
	CH4            float64 `json:"ch4"`
	N2O            float64 `json:"n2o"`
	HFC            float64 `json:"hfc"`
	PFC            float64 `json:"pfc"`
	SF6            float64 `json:"sf6"`
	NF3            float64 `json:"nf3"`
	Other          float64 `json:"other_gases"`
	Unsplit        float64 `json:"unsplit"`
	BiogenicCO2    float64 `json:"biogenic_co2"`
	UncertaintyPct float64 `json:"uncertainty_pct"`
}

// addEnergyTables puts the E1-5 table (`years[].energy`), the BEGES postes (`years[].beges`) and
// the emissions of gases outside the Kyoto basket (`years[].outside_scopes`, tCO2e, never in a
// total) into the document.
func (d *Document) addEnergyTables(r reports.EnergyTables) {
	for i := range d.Years {
		y := &d.Years[i]
		y.Energy = r.EnergyOf(y.Year)
		if b := r.BegesOf(y.Year); b != nil {
			bj := &Beges{Total: b.Total, Postes: map[string]BegesPoste{}}
			for _, p := range b.Postes {
				bj.Postes[p.Poste] = BegesPoste{Total: p.Total, CO2: p.CO2, CH4: p.CH4, N2O: p.N2O, HFC: p.HFC, PFC: p.PFC, SF6: p.SF6,
					NF3: p.NF3, Other: p.Other, Unsplit: p.Unsplit, BiogenicCO2: p.BiogenicCO2, UncertaintyPct: p.UncertaintyPct}
			}
			y.Beges = bj
			if b.Outside > 0 {
				v := b.Outside
				y.OutsideScopes = &v
			}
		}
	}
}
