package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func noEnv(string) (string, bool) { return "", false }

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key", "inputs: [a.xlsx]\noutptu:\n  dir: x\n", "line 2: field outptu not found in type config.Config; outptu is not a key of footprint's configuration: the top level takes inputs, site, country, sites, reporting_year, output, columns, factors, scope2, trajectory"},
		{"unknown nested key", "factors:\n  gwp: AR6\n  customs: []\n", "line 3: field customs not found in type config.FactorsConfig; factors.customs is not a key of footprint's configuration: factors takes gwp, custom"},
		{"wrong type", "reporting_year: last\n", "line 1: cannot unmarshal !!str `last` into int; reporting_year wants a whole number"},
		{"two wrong values on a line", "trajectory:\n  targets:\n    - {name: A, scopes: [1], pathway: linear, reduction_pct: x, nope: 1}\n",
			"line 3: cannot unmarshal !!str `x` into float64; trajectory.targets[0].reduction_pct wants a number"},
		{"an unknown key on a line of several", "trajectory:\n  targets:\n    - {name: A, scopes: [1], pathway: linear, reduction_pct: 5, nope: 1}\n",
			"line 3: field nope not found in type config.TargetConf; trajectory.targets[0].nope is not a key of footprint's configuration: trajectory.targets[0] takes name, scopes, pathway, reduction_pct"},
		{"a map for a list", "factors:\n  custom:\n    steel: {value: 1}\n", "line 3: cannot unmarshal !!map into []config.CustomFactor; factors.custom wants a list"},
		{"a value for a section", "output: out\n", "output wants keys below it (key: value), not a single value"},
		{"bad gwp", "factors: {gwp: AR4}\n", `factors.gwp: "AR4": want AR5 or AR6`},
		{"bad year", "reporting_year: 1800\n", "reporting_year: 1800 is outside"},
		{"bad method", "trajectory: {scope2_method: both}\n", "trajectory.scope2_method"},
		{"custom without value", "factors:\n  custom:\n    - {id: a, unit: kg, scope: 1, source: s}\n", "factors.custom[0]: factor \"a\": value is missing"},
		{"custom negative", "factors:\n  custom:\n    - {id: a, value: -1, unit: kg, scope: 1, source: s}\n", "negative"},
		{"custom gwp", "factors:\n  custom:\n    - {id: a, value: 1, unit: kg, scope: 1, source: s, gwp: AR7}\n", `factors.custom[0].gwp: "AR7" (factor "a"): want AR4, AR5 or AR6`},
		{"custom without source", "factors:\n  custom:\n    - {id: a, value: 1, unit: kg, scope: 1}\n", "source is missing"},
		{"custom ids differing in case", "factors:\n  custom:\n    - {id: Steel.A, value: 1, unit: kg, scope: 3, category: 1, source: s}\n    - {id: steel.a, value: 1, unit: kg, scope: 3, category: 1, source: s}\n",
			`factors.custom[1].id: "Steel.A" and "steel.a" differ only in case`},
		{"residual without source", "scope2:\n  residual_mix:\n    - {year: 2024, value: 0.4}\n", "scope2.residual_mix[0].source: missing"},
		{"residual carrier", "scope2:\n  residual_mix:\n    - {year: 2024, value: 0.4, source: s, carrier: fuel}\n", `scope2.residual_mix[0].carrier: "fuel": want electricity (the default), heat, steam or cooling`},
		{"residual twice", "scope2:\n  residual_mix:\n    - {year: 2024, value: 0.4, source: s}\n    - {year: 2024, value: 0.5, source: t, carrier: electricity}\n",
			`scope2.residual_mix[1]: a second entry for 2024, site "" and carrier electricity (the first is scope2.residual_mix[0])`},
		{"custom carrier", "factors:\n  custom:\n    - {id: a, value: 1, unit: kWh, scope: 2, source: s, carrier: power}\n", `factors.custom[0]: factor "a": carrier "power", want one of electricity, heat, steam, cooling, fuel`},
		{"custom heat per tonne", "factors:\n  custom:\n    - {id: a, value: 1, unit: t, scope: 2, source: s, carrier: heat}\n", "carrier heat needs a unit of energy"},
		{"avoided with a scope", "factors:\n  custom:\n    - {id: x, kind: avoided, value: 5000, unit: vehicle, scope: 3, category: 1, source: s}\n", "it takes no scope or category"},
		{"unknown column", "columns:\n  - {column: Quantiy, aliases: [Qté]}\n", `columns[0].column: "Quantiy" is not a canonical column`},
		{"target before base", "trajectory: {base_year: 2020, target_year: 2019}\n", "trajectory.target_year: 2019 is not after the base year 2020"},
		{"neutrality before base", "trajectory: {base_year: 2020, neutrality: {year: 2018}}\n", "trajectory.neutrality.year: 2018 is before the base year 2020"},
		{"overlapping targets", "trajectory:\n  targets:\n    - {name: A, scopes: [1, 2], pathway: sbti-1.5}\n    - {name: B, scopes: [2, 3], pathway: sbti-wb2}\n",
			`trajectory.targets[1].scopes: Scope 2 is already in target "A"`},
		{"unknown pathway", "trajectory:\n  targets:\n    - {name: A, scopes: [1], pathway: sbti-2}\n", `trajectory.targets[0].pathway: "sbti-2"`},
		{"linear without reduction", "trajectory:\n  targets:\n    - {name: A, scopes: [1], pathway: linear}\n", "trajectory.targets[0].reduction_pct"},
		{"lever over 100 %", "trajectory:\n  levers:\n    - {name: L, activities: [a], reduction_pct: 120, start_year: 2026, full_year: 2028}\n", "trajectory.levers[0].reduction_pct: 120"},
		{"lever ramp backwards", "trajectory:\n  levers:\n    - {name: L, activities: [a], reduction_pct: 20, start_year: 2028, full_year: 2026}\n", "trajectory.levers[0].full_year: 2026 is before start_year 2028"},
		{"lever unit", "trajectory:\n  levers:\n    - {name: L, activities: [a], reduction_pct: 20, start_year: 2026, full_year: 2026, adds: [{activity: b, per_unit_removed: 1, unit: tCO2e}]}\n", "trajectory.levers[0].adds[0].unit"},
		{"negative credit", "trajectory:\n  neutrality:\n    credits:\n      - {year: 2030, tco2e: -5, name: x}\n", "trajectory.neutrality.credits[0].tco2e: -5"},
		{"credit kind", "trajectory:\n  neutrality:\n    credits:\n      - {year: 2030, tco2e: 5, kind: offset}\n", `credits[0].kind: "offset"`},
	}
	for _, tt := range tests {
		p := writeConfig(t, tt.yaml)
		_, err := Load(Options{Path: p, Env: noEnv})
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: err = %v, want one naming %s and containing %q", tt.name, err, p, tt.want)
		}
	}
}

func TestMissingConfig(t *testing.T) {
	_, err := Load(Options{Path: filepath.Join(t.TempDir(), "nope.yaml"), Env: noEnv})
	if err == nil || !strings.Contains(err.Error(), "nope.yaml: no such file") {
		t.Errorf("err = %v", err)
	}
}

func TestCustomIDsKeepCaseAndDots(t *testing.T) {
	p := writeConfig(t, `factors:
  custom:
    - id: Supplier.Steel.LowCarbon
      value: 0.7
      unit: kg
      scope: 3
      category: 1
      year: 2024
      source: EPD 1234
    - id: Supplier.Steel.LowCarbon
      value: 0.6
      unit: kg
      scope: 3
      category: 1
      year: 2025
      source: EPD 1235
      gwp: ar6
`)
	c, err := Load(Options{Path: p, Env: noEnv})
	if err != nil {
		t.Fatal(err)
	}
	fs := c.CustomFactors()
	if len(fs) != 2 || fs[0].ID != "Supplier.Steel.LowCarbon" || fs[1].Year != 2025 || fs[1].Value != 0.6 || fs[0].GWP != "" || fs[1].GWP != "AR6" {
		t.Errorf("custom factors %+v", fs)
	}
}

func TestPrecedence(t *testing.T) {
	p := writeConfig(t, "inputs: [a.xlsx, sub/b.xlsx]\noutput: {dir: fromfile}\nreporting_year: 2022\nsite: Flins\n")
	env := map[string]string{"FOOTPRINT_OUTPUT_DIR": "fromenv", "FOOTPRINT_REPORTING_YEAR": "2023", "FOOTPRINT_SITE": "Env site"}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	c, err := Load(Options{Path: p, Env: lookup, Overrides: map[string]any{"reporting_year": 2024}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Output.Dir != "fromenv" || c.ReportingYear != 2024 || c.Site != "Env site" {
		t.Errorf("got output %q year %d site %q", c.Output.Dir, c.ReportingYear, c.Site)
	}
	dir := filepath.Dir(p)
	if got := c.InputPaths(); got[0] != filepath.Join(dir, "a.xlsx") || got[1] != filepath.Join(dir, "sub/b.xlsx") {
		t.Errorf("inputs %v", got)
	}
	env["FOOTPRINT_REPORTING_YEAR"] = "soon"
	if _, err := Load(Options{Path: p, Env: lookup}); err == nil || !strings.Contains(err.Error(), "reporting_year") {
		t.Errorf("bad env value: err = %v", err)
	}
}

func TestBuiltinAndDefaults(t *testing.T) {
	t.Chdir(t.TempDir()) // no config.yaml here
	c, err := Load(Options{Builtin: []byte("inputs: [demo.xlsx]\n"), Env: noEnv})
	if err != nil {
		t.Fatal(err)
	}
	if c.Path != "" || c.Inputs[0] != "demo.xlsx" || c.Factors.GWP != "AR6" || c.Output.Dir != "out" || c.Trajectory.Scope2Method != "market" {
		t.Errorf("got %+v", c)
	}
}

// The repository's own config.yaml loads cleanly.
func TestRepositoryConfig(t *testing.T) {
	c, err := Load(Options{Path: "../config.yaml", Env: noEnv})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Inputs) == 0 || len(c.Aliases()[`Quantity`]) == 0 {
		t.Errorf("got %+v", c)
	}
}

// A date written unquoted, as YAML users do, is the date as written, not a type error.
func TestUnquotedDate(t *testing.T) {
	p := writeConfig(t, `trajectory:
  neutrality:
    credits:
      - {year: 2025, tco2e: 10, type: removal, name: x, status: retired, retirement_date: 2026-03-31}
`)
	c, err := Load(Options{Path: p, Env: noEnv})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Trajectory.Neutrality.Credits[0].RetirementDate; got != "2026-03-31" {
		t.Errorf("retirement_date = %q, want 2026-03-31", got)
	}
}

// Without a config file, a run that names its own inputs takes the built-in defaults, never
// the demo; one that names none takes the demo, marked as such. The marker is the key, so a
// copy of the demo's file is the demo too.
func TestBuiltinConfigs(t *testing.T) {
	demo := []byte("demo: true\nsite: Demo site\ninputs: [demo.xlsx]\ntrajectory:\n  targets:\n    - {name: A, scopes: [1], pathway: sbti-1.5}\n")
	copied := writeConfig(t, string(demo))
	tests := []struct {
		name      string
		opts      Options
		env       map[string]string
		wantName  string
		wantDemo  bool
		wantSite  string
		wantTargs int
	}{
		{"no inputs: the demo", Options{}, nil, "built-in demo config", true, "Demo site", 1},
		{"own inputs: the defaults", Options{OwnInputs: true}, nil, "built-in defaults", false, "site", 0},
		{"FOOTPRINT_INPUTS: the defaults", Options{}, map[string]string{"FOOTPRINT_INPUTS": "a.xlsx"}, "built-in defaults", false, "site", 0},
		{"a copy of the demo's file stays the demo", Options{Path: copied, OwnInputs: true}, nil, copied, true, "Demo site", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir()) // no ./config.yaml
			opts := tt.opts
			opts.Builtin = demo
			opts.Env = func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok }
			c, err := Load(opts)
			if err != nil {
				t.Fatal(err)
			}
			if c.Name() != tt.wantName || c.Demo != tt.wantDemo || c.Site != tt.wantSite || len(c.Trajectory.Targets) != tt.wantTargs {
				t.Errorf("got %s, demo %v, site %q, %d target(s); want %s, demo %v, site %q, %d target(s)",
					c.Name(), c.Demo, c.Site, len(c.Trajectory.Targets), tt.wantName, tt.wantDemo, tt.wantSite, tt.wantTargs)
			}
			if !c.Demo && (c.Organisation.Name != "" || len(c.Intensity) > 0 || len(c.Energy.ElectricityMix) > 0 || len(c.Trajectory.Levers) > 0) {
				t.Errorf("the built-in defaults carry site settings: %+v", c)
			}
		})
	}
}

// The starter config `init` writes loads as it is, with no target and not as the demo.
func TestStarterLoads(t *testing.T) {
	c, err := Load(Options{Path: writeConfig(t, string(Starter)), Env: noEnv})
	if err != nil {
		t.Fatal(err)
	}
	if c.Demo || len(c.Trajectory.Targets) > 0 || len(c.Inputs) != 1 || c.Inputs[0] != "activities.xlsx" {
		t.Errorf("starter: demo %v, targets %d, inputs %v", c.Demo, len(c.Trajectory.Targets), c.Inputs)
	}
}

// The repository's config.yaml is the demo's, and says so.
func TestRepositoryConfigIsTheDemo(t *testing.T) {
	c, err := Load(Options{Path: "../config.yaml", Env: noEnv})
	if err != nil {
		t.Fatal(err)
	}
	if !c.Demo {
		t.Error("../config.yaml has no demo: true")
	}
}
