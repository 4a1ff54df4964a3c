package config

import (
	"strings"
	"testing"
)

func TestEnergyConfigErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"shares not 100", "energy:\n  electricity_mix: [{year: 2024, fossil_pct: 4, nuclear_pct: 68, renewable_pct: 20, source: s}]\n", "energy.electricity_mix[0]: fossil_pct + nuclear_pct + renewable_pct = 92, want 100"},
		{"share missing", "energy:\n  heat_mix: [{year: 2024, fossil_pct: 100, nuclear_pct: 0, source: s}]\n", "energy.heat_mix[0].renewable_pct: missing"},
		{"no source", "energy:\n  electricity_mix: [{year: 2024, fossil_pct: 4, nuclear_pct: 68, renewable_pct: 28}]\n", "energy.electricity_mix[0].source: missing"},
		{"revenue zero", "revenue: [{year: 2024, value_eur: 0}]\n", "revenue[0].value_eur: 0: want a net revenue above 0"},
		{"revenue twice", "revenue: [{year: 2024, value_eur: 1}, {year: 2024, value_eur: 2}]\n", "revenue[1].year: 2024 is given twice"},
		{"unknown key", "energy:\n  electricity: []\n", "electricity"},
		{"bad poste", "factors:\n  custom:\n    - {id: x, value: 1, unit: kg, scope: 1, source: s, beges_poste: '7.1'}\n", `factors.custom[0].beges_poste: "7.1" is not one of the 22`},
		{"high impact without revenue", "energy:\n  high_climate_impact: {poles: [ASSEMBLY]}\n", "energy.high_climate_impact: it leaves some activities out of energy intensity (ESRS E1 §41): give `revenue`"},
		{"high impact twice", "energy:\n  high_climate_impact: {sites: [Flins, flins]}\nrevenue: [{year: 2024, value_eur: 1}]\n", `energy.high_climate_impact.sites[1]: "flins" is listed twice`},
		{"high impact blank", "energy:\n  high_climate_impact: {poles: [' ']}\nrevenue: [{year: 2024, value_eur: 1}]\n", "energy.high_climate_impact.poles[0]: blank"},
		{"energy without class", "factors:\n  custom:\n    - {id: pv, value: 0, unit: kWh, scope: 2, source: s, energy_mwh: 0.001}\n", "factors.custom[0].energy_mwh: give energy_mwh"},
	}
	for _, tt := range tests {
		p := writeConfig(t, tt.yaml)
		_, err := Load(Options{Path: p, Env: noEnv})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestEnergyConfig(t *testing.T) {
	p := writeConfig(t, `energy:
  electricity_mix:
    - {year: 2024, fossil_pct: 4, nuclear_pct: 68, renewable_pct: 28, source: "grid operator"}
    - {year: 2024, site: Lyon, fossil_pct: 0, nuclear_pct: 0, renewable_pct: 100, source: "supplier"}
  high_climate_impact: {poles: [" Assembly ", RE-CYCLE]}
revenue: [{year: 2024, value_eur: 5.0e7}]
factors:
  custom:
    - {id: Site.PV, value: 0, unit: kWh, scope: 2, source: "own meter", energy_mwh: 0.001, energy_class: self-renewable, beges_poste: "2.1"}
`)
	c, err := Load(Options{Path: p, Env: noEnv})
	if err != nil {
		t.Fatal(err)
	}
	o := c.EnergyOptions(nil)
	if len(o.ElectricityMix) != 2 || o.ElectricityMix[1].Site != "Lyon" || o.ElectricityMix[0].NuclearPct != 68 || o.Revenue[2024] != 5e7 ||
		o.HighImpact.String() != "poles Assembly, RE-CYCLE" {
		t.Errorf("options %+v", o)
	}
	fs := c.CustomFactors()
	if len(fs) != 1 || fs[0].ID != "Site.PV" || fs[0].EnergyClass != "self-renewable" || fs[0].BegesPoste != "2.1" {
		t.Errorf("custom %+v", fs)
	}
}

// Without `revenue`, energy intensity takes the net revenue of the intensity entry that ESRS
// E1-6 uses, converted to EUR by its unit.
func TestEnergyRevenueFromNetRevenue(t *testing.T) {
	for _, c := range []struct {
		unit  string
		want  float64
		found bool
	}{{"M EUR", 820e6, true}, {"k€", 820e3, true}, {"EUR", 820, true}, {"vehicles", 0, false}} {
		v := 820.0
		cfg := &Config{Intensity: []IntensityConf{{Name: "per_revenue", Unit: c.unit, NetRevenue: true, Values: []IntensityValue{{Year: 2025, Value: &v}}}}}
		got, ok := cfg.EnergyOptions(nil).Revenue[2025]
		if ok != c.found || got != c.want {
			t.Errorf("unit %q: revenue %v (%v), want %v (%v)", c.unit, got, ok, c.want, c.found)
		}
	}
}
