package factors

import (
	"math"
	"testing"
)

// Every built-in factor names its BEGES v5 poste, and every energy factor its E1-5 content.
func TestBuiltinBegesAndEnergy(t *testing.T) {
	if len(BegesPostes) != 22 || len(BegesCategories) != 6 {
		t.Fatalf("%d postes in %d categories, want 22 in 6", len(BegesPostes), len(BegesCategories))
	}
	for _, gwp := range []string{"AR5", "AR6"} {
		lib, err := Builtin(gwp)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range lib.All() {
			if !IsBegesPoste(f.BegesPoste) {
				t.Errorf("%s %s (%d): BEGES poste %q is not one of the 22", gwp, f.ID, f.Year, f.BegesPoste)
			}
			if f.Kind == KindEmission && f.Scope == 2 && f.EnergyMWh <= 0 {
				t.Errorf("%s (%d): Scope 2 factor without energy content", f.ID, f.Year)
			}
		}
	}
}

// The blends' AR6 GWPs are the mass-weighted sums of their components (Table 7.SM.7: HFC-32
// 771, HFC-125 3740, HFC-134a 1530, HFC-143a 5810), computed here by hand.
func TestBlendGWPByHand(t *testing.T) {
	lib, err := Builtin("AR6")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id   string
		want float64
	}{
		{"refrigerant.r-410a", 0.5*771 + 0.5*3740},                // 2255.5, ADEME 43632 publishes 2256
		{"refrigerant.r-404a", 0.44*3740 + 0.04*1530 + 0.52*5810}, // 4728
		{"refrigerant.r-407c", 0.23*771 + 0.25*3740 + 0.52*1530},  // 1907.93
		{"refrigerant.r-134a", 1530},
		{"refrigerant.r-32", 771},
		{"refrigerant.r-1234yf", 0.501},
		{"refrigerant.r-22", 1960},
	} {
		f, _, ok := lib.Lookup(c.id, 2024)
		if !ok {
			t.Fatalf("%s missing", c.id)
		}
		if math.Abs(f.Value-c.want) > 1e-9*c.want {
			t.Errorf("%s = %v, want %v", c.id, f.Value, c.want)
		}
	}
	if f, _, _ := lib.Lookup("refrigerant.r-22", 2024); !f.OutsideScopes {
		t.Error("R-22 (HCFC) must be outside the scopes")
	}
	if f, _, _ := lib.Lookup("refrigerant.r-410a", 2024); f.OutsideScopes || f.Gases == nil || f.Gases.HFC != f.Value {
		t.Errorf("R-410A: want a Kyoto HFC, got %+v", f.Gases)
	}
}

// The EPA fuels per US gallon hold their energy on net calorific value, computed here by
// hand from the published numbers: the Hub's heat content (Table 1, mmBtu HHV per gallon) ×
// 293.071 kWh per mmBtu, divided by DESNZ's gross/net ratio of the same fuel (its factor per
// kWh net CV over its factor per kWh gross CV).
func TestEPAFuelEnergyByHand(t *testing.T) {
	lib, err := Builtin("AR5")
	if err != nil {
		t.Fatal(err)
	}
	const kWhPerMMBtu = 1055.056 / 3.6
	for _, c := range []struct {
		id   string
		want float64
	}{
		{"us.diesel", 0.138 * kWhPerMMBtu / 1000 / (0.26808 / 0.25199)},          // Distillate No. 2; DESNZ mineral diesel
		{"us.diesel.mobile", 0.138 * kWhPerMMBtu / 1000 / (0.26808 / 0.25199)},   // the same fuel: 10.21 kg CO2 per gallon
		{"us.gasoline.mobile", 0.125 * kWhPerMMBtu / 1000 / (0.25431 / 0.24159)}, // Motor Gasoline; DESNZ mineral petrol
		{"us.propane", 0.091 * kWhPerMMBtu / 1000 / (0.23258 / 0.2141)},          // Propane; DESNZ propane
	} {
		f, _, ok := lib.Lookup(c.id, 2024)
		if !ok {
			t.Fatalf("%s missing", c.id)
		}
		if math.Abs(f.EnergyMWh-c.want) > 1e-9*c.want || f.EnergyClass != EnergyOil {
			t.Errorf("%s: %v MWh (%s) per US gallon, want %v (oil)", c.id, f.EnergyMWh, f.EnergyClass, c.want)
		}
	}
}
