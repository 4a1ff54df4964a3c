package config

import (
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
)

func TestOrganisationAndESRSConfigErrors(t *testing.T) {
	org := func(s string) string { return "organisation:\n  name: G\n" + s }
	tests := []struct{ name, yaml, want string }{
		{"unknown approach", org("  consolidation: control\n"), `organisation.consolidation: "control": want operational, financial or equity`},
		{"no approach", org("  entities: [{name: A, control: true}]\n"), "organisation.consolidation: missing"},
		{"no name", "organisation:\n  consolidation: equity\n  entities: [{name: A, control: true, equity_pct: 100}]\n", "organisation.name: missing"},
		{"equity above 100", org("  consolidation: equity\n  entities: [{name: A, control: true, equity_pct: 120}]\n"), "organisation.entities[0].equity_pct: 120: want a share from 0 to 100"},
		{"negative equity", org("  consolidation: operational\n  entities: [{name: A, control: true, equity_pct: -1}]\n"), "organisation.entities[0].equity_pct: -1"},
		{"equity needed", org("  consolidation: equity\n  entities: [{name: A, control: true}]\n"), "organisation.entities[0].equity_pct: missing"},
		{"names twice", org("  consolidation: operational\n  entities: [{name: A SA, control: true}, {name: a sa, control: false}]\n"), `organisation.entities[1].name: "a sa" is already the name of organisation.entities[0]`},
		{"control missing", org("  consolidation: operational\n  entities: [{name: A, control: true}, {name: B}]\n"), "organisation.entities[1].control: missing"},
		{"nobody controlled", org("  consolidation: financial\n  entities: [{name: A, control: false}]\n"), "organisation.entities: no entity has control: true"},
		{"entity without name", org("  consolidation: financial\n  entities: [{control: true}]\n"), "organisation.entities[0].name: missing"},
		{"category 16", "esrs:\n  scope3:\n    excluded: [{category: 16, reason: x}]\n", "esrs.scope3.excluded[0].category: 16: want a Scope 3 category from 1 to 15"},
		{"no reason", "esrs:\n  scope3:\n    excluded: [{category: 8}]\n", "esrs.scope3.excluded[0].reason: missing"},
		{"listed twice", "esrs:\n  scope3:\n    included: [{category: 1}]\n    excluded: [{category: 1, reason: x}]\n", "esrs.scope3.excluded[0].category: category 1 is already listed at esrs.scope3.included[0]"},
		{"bad glob", "esrs:\n  ets:\n    activities: [\"fr.[gas\"]\n", `esrs.ets.activities[0]: "fr.[gas" is not a valid glob`},
		{"milestone before target year", "trajectory:\n  targets:\n    - {name: S1, scopes: [1], pathway: sbti-1.5, milestones: [{year: 2030, reduction_pct: 90}]}\n", "trajectory.targets[0].milestones[0].year: 2030: want a year after the target year 2030"},
		{"milestone reduction", "trajectory:\n  targets:\n    - {name: S1, scopes: [1], pathway: sbti-1.5, milestones: [{year: 2050, reduction_pct: 110}]}\n", "trajectory.targets[0].milestones[0].reduction_pct: 110"},
		{"revenue without basis", "intensity:\n  - {name: rev, unit: M EUR, net_revenue: true, values: [{year: 2024, value: 1}]}\n", "intensity[0].basis: missing"},
		{"two revenues", "intensity:\n  - {name: a, unit: M EUR, net_revenue: true, basis: b, values: [{year: 2024, value: 1}]}\n  - {name: c, unit: M EUR, net_revenue: true, basis: b, values: [{year: 2024, value: 1}]}\n", "intensity[1].net_revenue: only one"},
		{"unknown key", org("  consolidation: operational\n  entities: [{name: A, control: true, share: 3}]\n"), "share"},
	}
	for _, tt := range tests {
		p := writeConfig(t, tt.yaml)
		_, err := Load(Options{Path: p, Env: noEnv})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestOrganisationModel(t *testing.T) {
	p := writeConfig(t, `organisation:
  name: Group
  consolidation: operational
  entities:
    - {name: " Parent ", registration: R1, control: true}
    - {name: JV, control: false, equity_pct: 40}
    - {name: Other, control: false}
`)
	c, err := Load(Options{Path: p, Env: noEnv})
	if err != nil {
		t.Fatal(err)
	}
	o := c.OrganisationModel()
	want := []emissions.Entity{{Name: "Parent", Registration: "R1", Control: true, EquityPct: 100}, {Name: "JV", EquityPct: 40}, {Name: "Other"}}
	if o == nil || o.Approach != emissions.ConsolidationOperational || len(o.Entities) != 3 {
		t.Fatalf("organisation %+v", o)
	}
	for i, e := range want {
		if o.Entities[i] != e {
			t.Errorf("entity %d: %+v, want %+v", i, o.Entities[i], e)
		}
	}
	if d := o.DefaultEntity(); d.Name != "Parent" {
		t.Errorf("default entity %q", d.Name)
	}
	// No organisation section: none, every row at 100 %.
	p = writeConfig(t, "site: X\n")
	if c, err = Load(Options{Path: p, Env: noEnv}); err != nil || c.OrganisationModel() != nil {
		t.Errorf("without organisation: %v, %+v", err, c.OrganisationModel())
	}
}
