package emissions_test

import (
	"math"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
)

func TestEnergyE15(t *testing.T) {
	lib, err := factors.Builtin("AR6")
	if err != nil {
		t.Fatal(err)
	}
	wb := xlsx(t,
		sheet{"Energy", [][]any{header,
			{2024, "Main", "P", "fr.natural-gas.pcs", 1000000, "kWh PCS"},
			{2024, "Main", "P", "fr.electricity.grid", 2000000, "kWh"},
			{2024, "Main", "P", "fr.diesel.road", 10000, "L"},
			{2024, "Main", "P", "fr.material.steel.primary", 10, "t"},
		}},
		sheet{"Instruments", [][]any{{"Year", "Site", "Instrument", "Quantity", "Unit", "Factor"}, {2024, "Main", "GO hydro", 500, "MWh", 0}}},
	)
	in, inv := run(t, emissions.Options{Library: lib}, map[string][]byte{"a.xlsx": wb})
	gas, _, _ := lib.Lookup("fr.natural-gas.pcs", 2024)
	diesel, _, _ := lib.Lookup("fr.diesel.road", 2024)
	mix := []emissions.Mix{{Year: 2024, FossilPct: 4, NuclearPct: 68, RenewablePct: 28, Source: "test"}}
	es := emissions.Energy(inv, emissions.EnergyOptions{Library: lib, ElectricityMix: mix, Revenue: map[int]float64{2024: 50e6}}, &in.Problems)
	if len(es) != 1 {
		t.Fatalf("years %+v", es)
	}
	e := es[0]
	wantGas := 1000 / gas.PCSPerPCI // PCS converted to PCI
	checks := []struct {
		name      string
		got, want float64
	}{
		{"gas", e.GasMWh, wantGas},
		{"oil", e.OilMWh, 10000 * diesel.EnergyMWh},
		{"renewable by instruments", e.RenewableByInstrumentsMWh, 500},
		{"purchased fossil", e.PurchasedFossilMWh, 1500 * 0.04},
		{"nuclear", e.NuclearMWh, 1500 * 0.68},
		{"purchased renewable", e.PurchasedRenewableMWh, 500 + 1500*0.28},
		{"total", e.TotalMWh, wantGas + 10000*diesel.EnergyMWh + 2000},
		{"shares", *e.FossilSharePct + *e.NuclearSharePct + *e.RenewableSharePct, 100},
		{"intensity", *e.IntensityMWhPerMEUR, e.TotalMWh / 50},
	}
	for _, c := range checks {
		if math.Abs(c.got-c.want) > 1e-9*math.Max(1, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if math.Abs(wantGas-899.581589958) > 1e-6 || math.Abs(10000*diesel.EnergyMWh-97.5988088793) > 1e-6 {
		t.Errorf("gas %v MWh PCI, diesel %v MWh: the library's energy contents changed", wantGas, 10000*diesel.EnergyMWh)
	}

}

// Without energy.electricity_mix, grid electricity follows the published generation mix of its
// site's country and year (owid-electricity-carbon-intensity-mix/electricity-prod-source-stacked.csv,
// TWh): line 2164, France 2023: other renewables 0.6, bioenergy 9.5, solar 23.26, wind 48.61,
// hydro 53.19, nuclear 335.65, oil 9.71, gas 31.43, coal 2.16; line 2344, Germany 2023: 0.21,
// 46.02, 61.56, 137.29, 19.48, nuclear 8.75, oil 20.13, gas 76, coal 135.35. A site whose
// country is unknown has its electricity of unknown origin and the year's shares blank.
func TestEnergyDefaultMix(t *testing.T) {
	lib, err := factors.Builtin("AR6")
	if err != nil {
		t.Fatal(err)
	}
	lib, err = lib.WithCustom([]factors.Factor{{ID: "test.supplier", Name: "supplier", Value: 0.1, Unit: "kWh", Scope: 2, Kind: factors.KindEmission,
		Source: "test", EnergyMWh: 0.001, EnergyClass: factors.EnergyElectric}})
	if err != nil {
		t.Fatal(err)
	}
	fr := [3]float64{9.71 + 31.43 + 2.16, 335.65, 0.6 + 9.5 + 23.26 + 48.61 + 53.19}
	de := [3]float64{20.13 + 76 + 135.35, 8.75, 0.21 + 46.02 + 61.56 + 137.29 + 19.48}
	tests := []struct {
		name, factor string
		year         int
		opts         emissions.EnergyOptions
		twh          [3]float64 // fossil, nuclear, renewable; zero: unknown origin
		source       string     // in the year's mix sources, or in the warning when unknown
	}{
		{"French site 2023, from its grid factor", "fr.electricity.grid", 2023, emissions.EnergyOptions{}, fr, "France 2023 (electricity-prod-source-stacked.csv line 2164"},
		{"French site 2024, latest mix", "fr.electricity.grid", 2024, emissions.EnergyOptions{}, fr, "no generation mix published for 2024, the latest (2023) is used"},
		{"config sites wins", "fr.electricity.grid", 2023, emissions.EnergyOptions{SiteCountries: map[string]string{"main": "DE"}}, de, "DE, published generation mix: OWID/Ember generation mix, Germany 2023"},
		{"organisation's country", "test.supplier", 2023, emissions.EnergyOptions{Country: "FR"}, fr, "FR, published generation mix: OWID/Ember generation mix, France 2023"},
		{"unknown country", "test.supplier", 2023, emissions.EnergyOptions{}, [3]float64{}, "its country is unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wb := xlsx(t, sheet{"Energy", [][]any{header, {tt.year, "Main", "P", tt.factor, 1000000, "kWh"}}})
			in, inv := run(t, emissions.Options{Library: lib}, map[string][]byte{"a.xlsx": wb})
			opts := tt.opts
			opts.Library = lib
			e := emissions.Energy(inv, opts, &in.Problems)[0]
			total := tt.twh[0] + tt.twh[1] + tt.twh[2]
			if total == 0 {
				if e.UnknownOriginMWh != 1000 || e.PurchasedFossilMWh != 0 || e.FossilSharePct != nil || e.NuclearSharePct != nil || e.RenewableSharePct != nil || e.TotalMWh != 1000 {
					t.Errorf("unknown origin %v MWh, fossil %v, shares %v %v %v, total %v: want 1000 MWh of unknown origin and blank shares",
						e.UnknownOriginMWh, e.PurchasedFossilMWh, e.FossilSharePct, e.NuclearSharePct, e.RenewableSharePct, e.TotalMWh)
				}
				if !strings.Contains(problemText(in), tt.source) {
					t.Errorf("problems %q, want %q", problemText(in), tt.source)
				}
				return
			}
			for i, c := range []struct {
				got *float64
				mwh float64
			}{{e.FossilSharePct, e.PurchasedFossilMWh}, {e.NuclearSharePct, e.NuclearMWh}, {e.RenewableSharePct, e.PurchasedRenewableMWh}} {
				want := tt.twh[i] / total * 100
				if c.got == nil || math.Abs(*c.got-want) > 1e-9 || math.Abs(c.mwh-want*10) > 1e-9 {
					t.Errorf("class %d: share %v, %v MWh; want %v %% of 1000 MWh", i, c.got, c.mwh, want)
				}
			}
			if len(e.MixSources) != 1 || !strings.Contains(e.MixSources[0], tt.source) || !strings.Contains(e.MixSources[0], "Our World in Data") {
				t.Errorf("mix sources %q, want one containing %q and the attribution", e.MixSources, tt.source)
			}
			if strings.Contains(problemText(in), "energy.electricity_mix") {
				t.Errorf("problems %q: a published default needs no warning", problemText(in))
			}
		})
	}
}

// US fuels per gallon count in E1-5 as oil (their energy content from the EPA Hub's heat
// content): 100 gallons of diesel and 50 of gasoline, nothing left out.
func TestEnergyE15USGallons(t *testing.T) {
	lib, err := factors.Builtin("AR5")
	if err != nil {
		t.Fatal(err)
	}
	wb := xlsx(t, sheet{"Energy", [][]any{header,
		{2024, "Plant", "P", "us.diesel", 100, "US gal"},
		{2024, "Plant", "P", "us.gasoline.mobile", 50, "US gal"},
	}})
	in, inv := run(t, emissions.Options{Library: lib}, map[string][]byte{"a.xlsx": wb})
	e := emissions.Energy(inv, emissions.EnergyOptions{Library: lib}, &in.Problems)[0]
	// 0.138 and 0.125 mmBtu HHV per gallon, 293.071 kWh per mmBtu, DESNZ gross/net ratios.
	want := 100*0.138*1055.056/3.6/1000/(0.26808/0.25199) + 50*0.125*1055.056/3.6/1000/(0.25431/0.24159)
	if math.Abs(e.OilMWh-want) > 1e-9*want || math.Abs(e.TotalMWh-want) > 1e-9*want || len(e.NotCounted) > 0 {
		t.Errorf("oil %v MWh, total %v, not counted %v; want %v MWh of oil and nothing left out", e.OilMWh, e.TotalMWh, e.NotCounted, want)
	}
}

// Energy intensity counts the energy of the activities in high climate impact sectors only
// (ESRS E1 §40–41): here pole MAKE's gas (1,000,000 kWh PCS / its PCS/PCI ratio, in MWh PCI)
// and not pole SCHOOL's 2,000 MWh of electricity; a listed pole no energy row has is warned
// about.
func TestEnergyIntensityHighImpact(t *testing.T) {
	lib, err := factors.Builtin("AR6")
	if err != nil {
		t.Fatal(err)
	}
	wb := xlsx(t, sheet{"Energy", [][]any{header,
		{2024, "Main", "MAKE", "fr.natural-gas.pcs", 1000000, "kWh PCS"},
		{2024, "Main", "SCHOOL", "fr.electricity.grid", 2000000, "kWh"},
	}})
	in, inv := run(t, emissions.Options{Library: lib}, map[string][]byte{"a.xlsx": wb})
	gas, _, _ := lib.Lookup("fr.natural-gas.pcs", 2024)
	opts := emissions.EnergyOptions{Library: lib, Revenue: map[int]float64{2024: 10e6}, HighImpact: emissions.HighImpact{Poles: []string{"make", "PAINT"}}}
	e := emissions.Energy(inv, opts, &in.Problems)[0]
	wantGas := 1000 / gas.PCSPerPCI
	near := func(got, want float64) bool { return math.Abs(got-want) <= 1e-9*math.Abs(want) }
	if !near(e.HighImpactMWh, wantGas) || !near(*e.IntensityMWhPerMEUR, wantGas/10) ||
		!near(e.TotalMWh, wantGas+2000) || e.HighImpactScope != "poles make, PAINT" {
		t.Errorf("high impact %v MWh (%q), intensity %v, total %v; want %v MWh, %v per M EUR, total %v",
			e.HighImpactMWh, e.HighImpactScope, *e.IntensityMWhPerMEUR, e.TotalMWh, wantGas, wantGas/10, wantGas+2000)
	}
	if got := problemText(in); !strings.Contains(got, `names pole "PAINT", which no energy row has`) || strings.Contains(got, `pole "make"`) {
		t.Errorf("problems %q: want a warning for PAINT only", got)
	}
	// Without a selection, every activity counts.
	in2, inv2 := run(t, emissions.Options{Library: lib}, map[string][]byte{"a.xlsx": wb})
	e2 := emissions.Energy(inv2, emissions.EnergyOptions{Library: lib, Revenue: map[int]float64{2024: 10e6}}, &in2.Problems)[0]
	if !near(e2.HighImpactMWh, e2.TotalMWh) || !near(*e2.IntensityMWhPerMEUR, e2.TotalMWh/10) || e2.HighImpactScope != "every activity" {
		t.Errorf("no selection: %v of %v MWh (%q), intensity %v", e2.HighImpactMWh, e2.TotalMWh, e2.HighImpactScope, *e2.IntensityMWhPerMEUR)
	}
}
