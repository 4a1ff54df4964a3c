package config

import (
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
)

// Custom factors state their carrier or take electricity when they are Scope 2 per unit of
// energy, whatever their id; an avoided factor needs no scope; residual-mix entries keep their
// carrier, electricity when blank.
func TestCarriersAndAvoidedInConfig(t *testing.T) {
	p := writeConfig(t, `factors:
  custom:
    - {id: grid.supplier-x, value: 0.035, unit: kWh, scope: 2, source: supplier X}
    - {id: Network.Steam, value: 0.2, unit: MWh, scope: 2, carrier: steam, source: network}
    - {id: site.boiler.oil, value: 3.2, unit: L, scope: 1, carrier: fuel, source: s}
    - {id: supplier.steel, value: 0.7, unit: kg, scope: 3, category: 1, source: EPD}
    - {id: x, kind: avoided, value: 5000, unit: vehicle, source: supplier LCA}
scope2:
  residual_mix:
    - {year: 2024, value: 0.4, source: AIB}
    - {year: 2024, value: 0.1, source: network, carrier: steam, site: Plant}
`)
	c, err := Load(Options{Path: p, Env: noEnv})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"grid.supplier-x": factors.CarrierElectricity, "Network.Steam": factors.CarrierSteam,
		"site.boiler.oil": factors.CarrierFuel, "supplier.steel": "", "x": ""}
	got := c.CustomFactors()
	if len(got) != len(want) {
		t.Fatalf("custom factors %+v", got)
	}
	for _, f := range got {
		if f.Carrier != want[f.ID] {
			t.Errorf("%s: carrier %q, want %q", f.ID, f.Carrier, want[f.ID])
		}
		if f.ID == "x" && (f.Kind != factors.KindAvoided || f.Scope != 0 || f.Category != 0) {
			t.Errorf("avoided factor %+v", f)
		}
	}
	rm := c.ResidualMix()
	wantRM := []emissions.ResidualMix{{Year: 2024, Carrier: factors.CarrierElectricity, Value: 0.4, Source: "AIB"},
		{Year: 2024, Site: "Plant", Carrier: factors.CarrierSteam, Value: 0.1, Source: "network"}}
	if len(rm) != 2 || rm[0] != wantRM[0] || rm[1] != wantRM[1] {
		t.Errorf("residual mix %+v, want %+v", rm, wantRM)
	}
}
