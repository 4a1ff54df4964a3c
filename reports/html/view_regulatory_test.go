package html

import (
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/disclose"
	"github.com/footprint/footprint/factors"
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
