package reports

import (
	"reflect"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
)

func TestPoleActivities(t *testing.T) {
	lines := []emissions.Line{
		{Year: 2024, Pole: "A", Activity: "gas", Scope: 1, TCO2e: 10},
		{Year: 2024, Pole: "A", Activity: "gas", Scope: 3, Category: 3, TCO2e: 2},
		{Year: 2024, Pole: "A", Activity: "grid", Scope: 2, Method: emissions.MethodLocation, TCO2e: 5},
		{Year: 2024, Pole: "A", Activity: "grid", Scope: 2, Method: emissions.MethodMarket, TCO2e: 1},
		{Year: 2024, Pole: "", Activity: "steel", Scope: 3, Category: 1, TCO2e: 7},
		{Year: 2024, Pole: "B", Activity: "reconditioned", Part: emissions.PartAvoided, TCO2e: 100},
		{Year: 2023, Pole: "A", Activity: "gas", Scope: 1, TCO2e: 99},
	}
	tests := []struct {
		method string
		want   []PoleActivity
	}{
		{emissions.MethodMarket, []PoleActivity{{emissions.Unassigned, "steel", 7}, {"A", "gas", 12}, {"A", "grid", 1}}},
		{emissions.MethodLocation, []PoleActivity{{emissions.Unassigned, "steel", 7}, {"A", "gas", 12}, {"A", "grid", 5}}},
	}
	for _, tt := range tests {
		if got := PoleActivities(lines, 2024, tt.method); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.method, got, tt.want)
		}
	}
}

func TestFactorSources(t *testing.T) {
	lib, err := factors.Builtin("AR6")
	if err != nil {
		t.Fatal(err)
	}
	vs := lib.Vintages("fr.electricity.grid")
	if len(vs) < 2 {
		t.Fatalf("fr.electricity.grid has %d vintages", len(vs))
	}
	a, b := vs[0], vs[1]
	lines := []emissions.Line{
		{Year: 2024, FactorID: b.ID, FactorYear: b.Year, Source: b.Source},
		{Year: 2020, FactorID: a.ID, FactorYear: a.Year, Source: a.Source},
		{Year: 2022, FactorID: b.ID, FactorYear: b.Year, Source: b.Source},
		{Year: 2021, Source: "reported in the workbook"},
	}
	got := FactorSources(lines, lib)
	want := []FactorSource{
		{Source: "reported in the workbook", FirstYear: 2021, LastYear: 2021, Lines: 1},
		{FactorID: a.ID, Source: a.Source, Dataset: a.Dataset + " " + a.Version, License: a.License, FirstYear: 2020, LastYear: 2020, Lines: 1},
		{FactorID: b.ID, Source: b.Source, Dataset: b.Dataset + " " + b.Version, License: b.License, FirstYear: 2022, LastYear: 2024, Lines: 2},
	}
	if a.Source > b.Source {
		want[1], want[2] = want[2], want[1]
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if want[1].License == "" || want[1].Dataset == "" {
		t.Errorf("the library gives no licence or dataset for %s: %+v", a.ID, a)
	}
}
