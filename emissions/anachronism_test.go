package emissions_test

import (
	"math"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
)

// compute runs activities through a calculator on lib, as a workbook reader would give them.
func compute(t *testing.T, lib *factors.Library, opts emissions.Options, acts []emissions.Activity) (*emissions.Inventory, []emissions.Problem) {
	t.Helper()
	opts.Library = lib
	calc, err := emissions.NewCalculator(opts)
	if err != nil {
		t.Fatal(err)
	}
	in := &emissions.Input{RowsRead: len(acts)}
	calc.Begin(&in.Problems)
	for i := range acts {
		acts[i].Place = emissions.Place{File: "site.xlsx", Sheet: "Energy", Row: i + 2}
		acts[i].ActivityCell = emissions.CellRef{Col: 3, Row: i + 2}
		calc.Add(&acts[i])
	}
	if err := calc.Commit(); err != nil {
		t.Fatal(err)
	}
	inv, err := calc.Finish(in)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(inv.Close)
	return inv, in.Problems.List()
}

func builtinWith(t *testing.T, custom ...factors.Factor) *factors.Library {
	t.Helper()
	lib, err := factors.Builtin("AR6")
	if err != nil {
		t.Fatal(err)
	}
	if len(custom) > 0 {
		if lib, err = lib.WithCustom(custom); err != nil {
			t.Fatal(err)
		}
	}
	return lib
}

func ofCause(ps []emissions.Problem, cause string) []emissions.Problem {
	var out []emissions.Problem
	for _, p := range ps {
		if p.Cause == cause {
			out = append(out, p)
		}
	}
	return out
}

// A factor applied to an activity year before its data year is warned once per factor and
// year, at its first row, whatever freshness_years says; the earliest-vintage fallback that
// causes it says so in the same warning, not in a second one.
func TestAnachronismWarning(t *testing.T) {
	// Made-up test factors, not product data.
	later := factors.Factor{ID: "test.later", Name: "data of 2023", Value: 1, Unit: "kWh", Scope: 2, Kind: factors.KindEmission, Source: "test", DataYear: 2023}
	v2021 := factors.Factor{ID: "test.vintaged", Name: "vintage 2021", Value: 1, Unit: "kWh", Scope: 2, Kind: factors.KindEmission, Source: "test", Year: 2021, DataYear: 2021}
	v2023 := v2021
	v2023.Year, v2023.DataYear = 2023, 2023
	lib := builtinWith(t, later, v2021, v2023)
	row := func(year int, id string) emissions.Activity {
		return emissions.Activity{Year: year, Site: "S", ID: id, Quantity: 1, Unit: "kWh"}
	}
	tests := []struct {
		name      string
		freshness int
		acts      []emissions.Activity
		want      []string // the anachronism warnings' cells and texts, in order
		vintage   int      // "vintage" warnings expected
	}{
		{"once per factor and year, at the first row", 3,
			[]emissions.Activity{row(2019, "test.later"), row(2019, "test.later"), row(2020, "test.later"), row(2023, "test.later")},
			[]string{"D2 factor test.later rests on 2023 data, after the 2019 activity", "D4 factor test.later rests on 2023 data, after the 2020 activity"}, 0},
		{"on whatever freshness_years says", 0,
			[]emissions.Activity{row(2022, "test.later")}, []string{"D2 factor test.later rests on 2023 data, after the 2022 activity"}, 0},
		{"a vintage of the year is no anachronism", 3,
			[]emissions.Activity{row(2021, "test.vintaged"), row(2022, "test.vintaged"), row(2024, "test.vintaged")}, nil, 0},
		{"the earliest vintage, said in the same warning", 3,
			[]emissions.Activity{row(2019, "test.vintaged")},
			[]string{"D2 factor test.vintaged rests on 2021 data, after the 2019 activity it computes (it has no vintage for 2019 or earlier; its earliest, 2021, is used)"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ps := compute(t, lib, emissions.Options{FreshnessYears: tt.freshness}, tt.acts)
			got := ofCause(ps, emissions.CauseAnachronism)
			if len(got) != len(tt.want) {
				t.Fatalf("%d anachronism warnings, want %d: %v", len(got), len(tt.want), ps)
			}
			for i, p := range got {
				if s := p.Cell + " " + p.Message; !strings.HasPrefix(s, tt.want[i]) || p.Severity != emissions.SeverityWarning {
					t.Errorf("warning %d: %s %q, want it to start %q", i, p.Severity, s, tt.want[i])
				}
			}
			if n := len(ofCause(ps, "vintage")); n != tt.vintage {
				t.Errorf("%d vintage warnings, want %d", n, tt.vintage)
			}
		})
	}
}

// Anachronisms says which factors a year's total rests on although their data is for a later
// year, and how many tCO2e of that total each carries (by the method's Scope 2).
func TestAnachronisms(t *testing.T) {
	later := factors.Factor{ID: "test.later", Name: "data of 2023", Value: 2, Upstream: 1, Unit: "kWh", Scope: 2, Kind: factors.KindEmission, Source: "test", DataYear: 2023}
	ok := factors.Factor{ID: "test.ok", Name: "data of 2019", Value: 1, Unit: "kg", Scope: 3, Category: 1, Kind: factors.KindEmission, Source: "test", DataYear: 2019}
	lib := builtinWith(t, later, ok)
	inv, _ := compute(t, lib, emissions.Options{}, []emissions.Activity{
		{Year: 2019, Site: "S", ID: "test.later", Quantity: 1000, Unit: "kWh"}, // 2 t Scope 2 + 1 t category 3
		{Year: 2019, Site: "S", ID: "test.ok", Quantity: 7000, Unit: "kg"},     // 7 t
		{Year: 2024, Site: "S", ID: "test.later", Quantity: 1000, Unit: "kWh"},
	})
	for _, method := range []string{emissions.MethodLocation, emissions.MethodMarket} {
		got := emissions.Anachronisms(inv.Lines, lib, 2019, method)
		if len(got) != 1 || got[0].FactorID != "test.later" || got[0].DataYear != 2023 || math.Abs(got[0].TCO2e-3) > 1e-9 {
			t.Errorf("%s: %+v, want test.later (2023) with 3 t", method, got)
		}
	}
	if got := emissions.Anachronisms(inv.Lines, lib, 2024, emissions.MethodMarket); len(got) != 0 {
		t.Errorf("2024: %+v, want none", got)
	}
}
