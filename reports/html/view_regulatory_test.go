package html

import (
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/disclose"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

func TestRegulatorySection(t *testing.T) {
	r := sampleReport()
	if strings.Contains(render(t, r), `id="regulatory"`) {
		t.Fatal("a report without regulatory figures has the section")
	}
	postes := make([]disclose.BegesPoste, len(factors.BegesPostes))
	for i, p := range factors.BegesPostes {
		postes[i].Poste = p.Poste
	}
	postes[3].Total, postes[3].UncertaintyPct = 12.5, 14
	sixty, forty, zero := 60.0, 40.0, 0.0
	r.EnergyTables = reports.EnergyTables{
		Energy: []emissions.EnergyYear{{Year: r.ReportingYear, GasMWh: 600, PurchasedRenewableMWh: 400, TotalFossilMWh: 600, TotalRenewableMWh: 400,
			TotalMWh: 1000, FossilSharePct: &sixty, NuclearSharePct: &zero, RenewableSharePct: &forty, MixSources: []string{"energy.electricity_mix 2024: <b>supplier</b>"}}},
		Beges: []disclose.BegesYear{{Year: r.ReportingYear, Postes: postes, Total: 12.5, Outside: 1.96, UncertaintyPct: 14}},
	}
	page := render(t, r)
	for _, want := range []string{`id="regulatory"`, "Total energy consumption (MWh)", "1,000.0", "60.0 %", "Émissions directes fugitives", "12.5", "± 14 %",
		"not in the total: 2.0 tCO2e", "&lt;b&gt;supplier&lt;/b&gt;"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

// A share that rounds to 0.0 % but is not zero never reads as nothing.
func TestShareOf(t *testing.T) {
	for _, c := range []struct {
		v, total float64
		want     string
	}{{0.03, 100, "< 0.1 %"}, {-0.03, 100, "> −0.1 %"}, {0, 100, "0.0 %"}, {0.05, 100, "0.1 %"}, {12.34, 100, "12.3 %"}, {1, 0, emDash}} {
		if got := shareOf(c.v, c.total); got != c.want {
			t.Errorf("shareOf(%v, %v) = %q, want %q", c.v, c.total, got, c.want)
		}
	}
}

// In French the E1-5 table's rows are the export's French rows, and its notes are French, a
// licence's name (CC BY 4.0) left as written; the coverage, entities and problems too.
func TestRegulatorySectionFrench(t *testing.T) {
	r := sampleReport()
	r.Lang = lang.French
	r.EnergyTables = reports.EnergyTables{Energy: []emissions.EnergyYear{{Year: r.ReportingYear, PurchasedElectricityMWh: 1180, TotalMWh: 1180,
		HighImpactScope: "every activity",
		MixSources: []string{"grid electricity 2024, FR, no generation mix published for 2024, the latest (2023) is used: OWID/Ember generation mix, France 2023 " +
			"(electricity-prod-source-stacked.csv line 2164: fossil 43.3, nuclear 335.65, renewable 135.16 TWh); Our World in Data (CC BY 4.0)"}}}}
	r.Regulatory = &reports.Regulatory{Entities: map[int][]emissions.EntityTotals{r.ReportingYear: {{Name: emissions.Unassigned, Control: true, Share: 1}}}}
	page := render(t, r)
	for _, want := range []string{
		"(1) Consommation de combustibles provenant du charbon et des produits à base de charbon (MWh)",
		"dont électricité achetée (MWh)",
		"Mix\u202f: électricité du réseau 2024, FR, aucun mix de production publié pour 2024\u202f: le plus récent (2023) est utilisé",
		"fossile 43,3, nucléaire 335,65", "(CC BY 4.0)", "intensité énergétique\u202f: toutes les activités.",
		"<td>(sans affectation)</td>", "<td>incluse</td><td>données d’activité dans l’inventaire</td>",
		"<td>non déclaré</td><td>ni données ni motif dans la config esrs.scope3</td>",
		"<td>erreur</td>", "<td>avertissement</td>", "déclaré dans le classeur",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for _, bad := range []string{"Fuel consumption", "of which", "grid electricity", "every activity", "CC BY 4,0", "activity data", "(unassigned)", "<td>warning</td>"} {
		if strings.Contains(page, bad) {
			t.Errorf("the French page has %q", bad)
		}
	}
}
