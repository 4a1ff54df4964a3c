package emissions_test

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/analysis"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/workbook/workbooktest"
)

// analysisLibrary is the test library plus an avoided factor and a factor of one old vintage.
func analysisLibrary(t *testing.T) *factors.Library {
	t.Helper()
	lib, err := workbooktest.Library(t).WithCustom([]factors.Factor{
		{ID: "test.avoided.steel", Name: "avoided", Value: 1273, Unit: "t", Scope: 3, Category: 1, Kind: factors.KindAvoided, Source: "test"},
		{ID: "test.old", Name: "old", Value: 2, Unit: "kg", Scope: 3, Category: 1, Kind: factors.KindEmission, Year: 2019, Source: "test"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// An avoided row changes nothing of the inventory or the trajectory; avoided grows by exactly
// its quantity × factor: 2 t × 1273 kgCO2e/t = 2.546 t.
func TestAvoidedLeavesInventoryUnchanged(t *testing.T) {
	rows := [][]any{header,
		{2023, "Main", "P", "test.grid.electricity", 1000, "kWh"},
		{2024, "Main", "P", "test.grid.electricity", 2000, "kWh"},
		{2024, "Hub", "Q", "test.diesel", 100, "L"},
		{2024, "Main", "P", "test.steel", 3, "t"},
	}
	withAvoided := append(append([][]any{}, rows...),
		[]any{2024, "Main", "P", "test.avoided.steel", 2, "t"},
		[]any{2024, "Hub", "R", "test.avoided.steel", 2000, "kg"}) // a pole and a site of its own
	opts := emissions.Options{Library: analysisLibrary(t)}
	_, base := run(t, opts, map[string][]byte{"a.xlsx": xlsx(t, sheet{"S", rows})})
	_, with := run(t, opts, map[string][]byte{"a.xlsx": xlsx(t, sheet{"S", withAvoided})})

	for _, method := range []string{emissions.MethodMarket, emissions.MethodLocation} {
		a, b := emissions.Aggregate(base.Lines, method), emissions.Aggregate(with.Lines, method)
		if len(a) != len(b) {
			t.Fatalf("%s: %d years without avoided rows, %d with", method, len(a), len(b))
		}
		for i := range a {
			want := a[i].Avoided
			if a[i].Year == 2024 {
				want += 2 * 1273.0 / 1000 * 2
			}
			if math.Abs(b[i].Avoided-want) > 1e-12 {
				t.Errorf("%s %d: avoided %v, want %v", method, a[i].Year, b[i].Avoided, want)
			}
			b[i].Avoided = a[i].Avoided
			if !reflect.DeepEqual(a[i], b[i]) {
				t.Errorf("%s %d: totals changed by avoided rows:\nwithout %+v\nwith    %+v", method, a[i].Year, a[i], b[i])
			}
		}
	}
	p := plan.Plan{BaseYear: 2023, Targets: []plan.Target{{Name: "all", Scopes: []int{1, 2, 3}, Pathway: plan.PathwaySBTi15}},
		Levers: []plan.Lever{{Name: "l", Activities: []string{"test.*"}, ReductionPct: 50, StartYear: 2025, FullYear: 2026}}}
	var ps1, ps2 emissions.Problems
	t1, err1 := plan.Project(p, base.Lines, analysisLibrary(t), &ps1)
	t2, err2 := plan.Project(p, with.Lines, analysisLibrary(t), &ps2)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if !reflect.DeepEqual(t1, t2) {
		t.Errorf("trajectory changed by avoided rows:\n%+v\n%+v", t1, t2)
	}
	got := analysis.AvoidedByActivity(with.Lines)
	if len(got) != 1 || got[0].Year != 2024 || got[0].Quantity != 4 || math.Abs(got[0].TCO2e-5.092) > 1e-12 || got[0].FactorValue != 1273 || got[0].FactorUnit != "t" {
		t.Errorf("avoided by activity: %+v", got)
	}
}

func TestIntensities(t *testing.T) {
	years := []emissions.YearTotals{
		{Year: 2023, TotalMarket: 900, TotalLocation: 1000},
		{Year: 2024, TotalMarket: 450, TotalLocation: 500},
		{Year: 2025, TotalMarket: 300, TotalLocation: 330},
	}
	ds := []analysis.Denominator{
		{Name: "per_vehicle", Unit: "vehicle", Values: map[int]float64{2023: 30000, 2024: 45000}},
		{Name: "per_employee", Unit: "FTE", Values: map[int]float64{2024: 2000}},
	}
	got := analysis.Intensities(years, emissions.MethodMarket, ds)
	want := map[int]map[string]float64{
		2023: {"per_vehicle": 900.0 / 30000},
		2024: {"per_vehicle": 450.0 / 45000, "per_employee": 450.0 / 2000},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("market: %v, want %v (2025 has no denominator: no entry)", got, want)
	}
	if loc := analysis.Intensities(years, emissions.MethodLocation, ds); loc[2024]["per_vehicle"] != 500.0/45000 {
		t.Errorf("location 2024 per vehicle %v, want %v", loc[2024]["per_vehicle"], 500.0/45000)
	}
}

func TestIntensityPaths(t *testing.T) {
	years := []emissions.YearTotals{
		{Year: 2020, Scope1: 100, Scope2Market: 20, Scope2Location: 40, Scope3: 1000},
		{Year: 2022, Scope1: 90, Scope2Market: 10, Scope2Location: 40, Scope3: 900},
	}
	ds := []analysis.Denominator{{Name: "per_vehicle", Unit: "vehicle", Values: map[int]float64{2020: 10, 2022: 20}},
		{Name: "per_m2", Unit: "m2", Values: map[int]float64{2022: 5}}}
	ts := []analysis.IntensityTarget{
		{Name: "S1+2 per vehicle", Intensity: "per_vehicle", Scopes: []int{1, 2}, ReductionPct: 50},
		{Name: "no base", Intensity: "per_m2", Scopes: []int{1}, ReductionPct: 10},
	}
	var ps emissions.Problems
	paths := analysis.IntensityPaths(ts, ds, years, emissions.MethodMarket, 2020, 2030, &ps)
	if len(paths) != 1 {
		t.Fatalf("%d paths, want 1", len(paths))
	}
	p := paths[0]
	// base: (100 + 20) / 10 = 12 t per vehicle; 2025 is half-way: 12 × (1 − 0.5 × 5/10) = 9.
	if p.Base != 12 || len(p.Years) != 11 || p.Years[5].Target != 9 || p.Years[10].Target != 6 {
		t.Errorf("path %+v", p)
	}
	if a := p.Years[2].Actual; a == nil || *a != 5 { // (90 + 10) / 20
		t.Errorf("2022 actual %v, want 5", a)
	}
	if p.Years[1].Actual != nil {
		t.Errorf("2021 has no data: actual %v", *p.Years[1].Actual)
	}
	if ps.Warnings() != 1 || !strings.Contains(ps.List()[0].Message, "add {year: 2020") {
		t.Errorf("want one warning for the target without a base-year value: %v", ps.List())
	}
}

// A 2019 factor used for 2024 data is 5 years old: a warning with freshness_years 3, none with
// 5; one per factor and activity year, at the first row.
func TestFreshness(t *testing.T) {
	wb := xlsx(t, sheet{"Materials", [][]any{header,
		{2022, "Main", "P", "test.old", 1, "kg"},
		{2024, "Main", "P", "test.old", 1, "kg"},
		{2024, "Main", "P", "test.old", 2, "kg"},
		{2024, "Hub", "Q", "test.old", 3, "kg"},
		{2025, "Main", "P", "test.old", 1, "kg"},
	}})
	count := func(in *emissions.Input) (n int, first emissions.Problem) {
		for _, p := range in.Problems.List() {
			if p.Cause == "factor-freshness" {
				if n == 0 {
					first = p
				}
				n++
			}
		}
		return n, first
	}
	for _, tt := range []struct {
		years, want int
	}{{3, 2}, {5, 1}, {6, 0}, {0, 0}} {
		in, _ := run(t, emissions.Options{Library: analysisLibrary(t), FreshnessYears: tt.years}, map[string][]byte{"a.xlsx": wb})
		n, first := count(in)
		if n != tt.want {
			t.Errorf("freshness_years %d: %d warnings, want %d (2024 and 2025 with 3, 2025 only with 5): %v", tt.years, n, tt.want, in.Problems.List())
		}
		if tt.years == 3 && (first.File != "a.xlsx" || first.Sheet != "Materials" || first.Cell != "D3" || first.Severity != emissions.SeverityWarning ||
			!strings.Contains(first.Message, "factor test.old dates from 2019, 5 years before the 2024 activity data")) {
			t.Errorf("first warning %+v", first)
		}
	}
}

// A grid factor flagged lifecycle_in_scope2 is warned once per factor and year, at its first
// row, in every run that uses it; a split one is not.
func TestLifecycleInScope2Warned(t *testing.T) {
	lib, err := workbooktest.Library(t).WithCustom([]factors.Factor{
		{ID: "test.grid.lifecycle", Name: "lifecycle", Value: 0.4, Unit: "kWh", Scope: 2, Kind: factors.KindEmission, LifecycleInScope2: true, Source: "test"},
		{ID: "test.grid.split", Name: "split", Value: 0.3, Upstream: 0.1, Unit: "kWh", Scope: 2, Kind: factors.KindEmission, Source: "test",
			Boundary: "generation: the direct share of a lifecycle intensity, the rest in upstream"},
		{ID: "test.grid.own-lifecycle", Name: "own", Value: 0.4, Unit: "kWh", Scope: 2, Kind: factors.KindEmission, Source: "test", Boundary: "lifecycle emissions of generation"},
	})
	if err != nil {
		t.Fatal(err)
	}
	wb := xlsx(t, sheet{"Energy", [][]any{header,
		{2024, "Main", "P", "test.grid.split", 10, "kWh"},
		{2024, "Main", "P", "test.grid.lifecycle", 10, "kWh"},
		{2024, "Hub", "P", "test.grid.lifecycle", 20, "kWh"},
		{2025, "Main", "P", "test.grid.lifecycle", 30, "kWh"},
		{2025, "Main", "P", "test.grid.own-lifecycle", 30, "kWh"},
	}})
	in, _ := run(t, emissions.Options{Library: lib}, map[string][]byte{"a.xlsx": wb})
	var got, own []emissions.Problem
	for _, p := range in.Problems.List() {
		switch p.Cause {
		case "lifecycle-in-scope2":
			got = append(got, p)
		case "lifecycle-scope2":
			own = append(own, p)
		}
	}
	// A factor of one's own whose boundary says lifecycle, with no upstream split off, is
	// warned by its boundary; the split factor, whose boundary says lifecycle too, is not.
	if len(own) != 1 || !strings.Contains(own[0].Message, "test.grid.own-lifecycle") {
		t.Errorf("boundary warnings %v, want one for test.grid.own-lifecycle", own)
	}
	if len(got) != 2 {
		t.Fatalf("%d warnings, want 2 (2024 and 2025): %v", len(got), in.Problems.List())
	}
	if p := got[0]; p.Cell != "D3" || p.Severity != emissions.SeverityWarning || !strings.Contains(p.Message, "factor test.grid.lifecycle") || !strings.Contains(p.Message, "category 3") {
		t.Errorf("first warning %+v", p)
	}
}
