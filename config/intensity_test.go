package config

import (
	"reflect"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/analysis"
)

func TestIntensityConfigErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"zero denominator", "intensity:\n  - {name: per_vehicle, unit: vehicle, values: [{year: 2024, value: 0}]}\n", "intensity[0].values[0].value: 0: an intensity denominator must be a number above 0"},
		{"negative denominator", "intensity:\n  - {name: per_vehicle, unit: vehicle, values: [{year: 2023, value: 1}, {year: 2024, value: -5}]}\n", "intensity[0].values[1].value: -5"},
		{"missing value", "intensity:\n  - {name: per_vehicle, unit: vehicle, values: [{year: 2024}]}\n", "intensity[0].values[0].value: missing"},
		{"year twice", "intensity:\n  - {name: a, unit: u, values: [{year: 2024, value: 1}, {year: 2024, value: 2}]}\n", "intensity[0].values[1].year: 2024 is given twice"},
		{"no name", "intensity:\n  - {unit: u, values: [{year: 2024, value: 1}]}\n", "intensity[0].name: missing"},
		{"name twice", "intensity:\n  - {name: a, unit: u, values: [{year: 2024, value: 1}]}\n  - {name: a, unit: v, values: [{year: 2024, value: 1}]}\n", `intensity[1].name: "a" is already`},
		{"no unit", "intensity:\n  - {name: a, values: [{year: 2024, value: 1}]}\n", "intensity[0].unit: missing"},
		{"freshness zero", "freshness_years: 0\n", "freshness_years: 0: want a number of years ≥ 1"},
		{"unknown intensity target", "trajectory:\n  targets:\n    - {name: I, intensity: per_car, scopes: [1], reduction_pct: 20}\n", `trajectory.targets[0].intensity: "per_car" is not the name of an entry of intensity`},
		{"intensity target pathway", "intensity:\n  - {name: a, unit: u, values: [{year: 2024, value: 1}]}\ntrajectory:\n  targets:\n    - {name: I, intensity: a, scopes: [1], pathway: sbti-1.5, reduction_pct: 20}\n", `trajectory.targets[0].pathway: "sbti-1.5": an intensity target is linear`},
		{"intensity target reduction", "intensity:\n  - {name: a, unit: u, values: [{year: 2024, value: 1}]}\ntrajectory:\n  targets:\n    - {name: I, intensity: a, scopes: [1]}\n", "trajectory.targets[0].reduction_pct"},
	}
	for _, tt := range tests {
		p := writeConfig(t, tt.yaml)
		_, err := Load(Options{Path: p, Env: noEnv})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestIntensityConfig(t *testing.T) {
	p := writeConfig(t, `intensity:
  - name: per_vehicle
    unit: vehicle
    values: [{year: 2023, value: 30000}, {year: 2024, value: 45000}]
trajectory:
  targets:
    - {name: Scopes 1+2, scopes: [1, 2], pathway: sbti-1.5}
    - {name: Per vehicle, intensity: per_vehicle, scopes: [1, 2, 3], reduction_pct: 40}
`)
	c, err := Load(Options{Path: p, Env: noEnv})
	if err != nil {
		t.Fatal(err)
	}
	if c.FreshnessYears != emissions.DefaultFreshnessYears {
		t.Errorf("freshness_years default %d", c.FreshnessYears)
	}
	want := []analysis.Denominator{{Name: "per_vehicle", Unit: "vehicle", Values: map[int]float64{2023: 30000, 2024: 45000}}}
	if got := c.Denominators(); !reflect.DeepEqual(got, want) {
		t.Errorf("denominators %+v", got)
	}
	// The intensity target overlaps the absolute one's scopes and stays out of the plan.
	if plan := c.Plan(); len(plan.Targets) != 1 || plan.Targets[0].Name != "Scopes 1+2" {
		t.Errorf("plan targets %+v", plan.Targets)
	}
	if its := c.IntensityTargets(); len(its) != 1 || its[0].Intensity != "per_vehicle" || its[0].ReductionPct != 40 || len(its[0].Scopes) != 3 {
		t.Errorf("intensity targets %+v", its)
	}
	env := func(k string) (string, bool) { return "7", k == "FOOTPRINT_FRESHNESS_YEARS" }
	if c, err := Load(Options{Path: p, Env: env}); err != nil || c.FreshnessYears != 7 {
		t.Errorf("FOOTPRINT_FRESHNESS_YEARS: %v %v", c, err)
	}
}
