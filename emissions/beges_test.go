package emissions_test

import (
	"math"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/disclose"
	"github.com/footprint/footprint/factors"
)

// The 22 postes add up to the location-based inventory, gas columns add up to each poste, and
// each row lands in the poste of its factor, scope and category.
func TestBegesSumsToInventory(t *testing.T) {
	lib, err := factors.Builtin("AR6")
	if err != nil {
		t.Fatal(err)
	}
	wb := xlsx(t,
		sheet{"Energy", [][]any{header,
			{2024, "Main", "P", "fr.natural-gas.pcs", 1000000, "kWh PCS"},
			{2024, "Main", "P", "fr.electricity.grid", 2000000, "kWh"},
			{2024, "Main", "P", "fr.diesel.road", 10000, "L"},
			{2024, "Main", "P", "fr.district-heat", 50000, "kWh"},
			{2024, "Main", "P", "fr.material.steel.primary", 10, "t"},
			{2024, "Main", "P", "fr.travel.car", 1000, "km", "", 7},
			{2024, "Main", "P", "fr.freight.road.artic-34-40t", 1000, "t.km"},
			{2024, "Main", "P", "supplier figure", 12, "tCO2e", 3, 9},
			{2023, "Main", "P", "fr.waste.ferrous", 3, "t"},
		}},
		sheet{"Refrigerants", [][]any{{"Year", "Equipment", "Gas", "Recharged", "Recovered"}, {2024, "C1", "R-410A", 3, 1}, {2024, "C2", "R-22", 1, 0}}},
	)
	_, inv := run(t, emissions.Options{Library: lib}, map[string][]byte{"a.xlsx": wb})
	bs := disclose.Beges(inv.Lines, inv.Outside, lib, 20)
	years := emissions.Aggregate(inv.Lines, emissions.MethodLocation)
	if len(bs) != len(years) {
		t.Fatalf("%d BEGES years, %d inventory years", len(bs), len(years))
	}
	for i, b := range bs {
		if math.Abs(b.Total-years[i].TotalLocation) > 1e-9*years[i].TotalLocation {
			t.Errorf("%d: BEGES %v, location-based inventory %v", b.Year, b.Total, years[i].TotalLocation)
		}
		sum := 0.0
		for _, p := range b.Postes {
			sum += p.Total
			gases := p.CO2 + p.CH4 + p.N2O + p.HFC + p.PFC + p.SF6 + p.NF3 + p.Other + p.Unsplit
			if p.Unsplit < -1e-9 {
				t.Errorf("%d poste %s: unsplit %v < 0: the gas split exceeds the poste", b.Year, p.Poste, p.Unsplit)
			}
			if math.Abs(gases-p.Total) > 1e-9*math.Max(1, p.Total) {
				t.Errorf("%d poste %s: gases %v, total %v", b.Year, p.Poste, gases, p.Total)
			}
		}
		if len(b.Postes) != 22 || math.Abs(sum-b.Total) > 1e-9*b.Total {
			t.Errorf("%d: %d postes summing to %v, total %v", b.Year, len(b.Postes), sum, b.Total)
		}
	}
	p := func(poste string) disclose.BegesPoste {
		for _, x := range bs[1].Postes {
			if x.Poste == poste {
				return x
			}
		}
		t.Fatalf("no poste %s", poste)
		return disclose.BegesPoste{}
	}
	for _, want := range []string{"1.1", "1.2", "1.4", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1"} {
		if p(want).Total <= 0 {
			t.Errorf("2024 poste %s is empty", want)
		}
	}
	if got := p("1.4"); math.Abs(got.HFC-2*2255.5/1000) > 1e-9 || got.UncertaintyPct <= 0 {
		t.Errorf("1.4: %+v, want 4.511 t of HFC with an uncertainty", got)
	}
	if math.Abs(bs[1].Outside-1.96) > 1e-9 {
		t.Errorf("outside the scopes %v, want R-22 1.96 t", bs[1].Outside)
	}
	if p("3.5").Total != 0 {
		t.Errorf("car km as commuting (category 7) must be 3.3, not 3.5")
	}
}
