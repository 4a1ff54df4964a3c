package main

import (
	"os"
	"path/filepath"
	"testing"
)

// A mistake in the configuration is told in the run's language: in French with --lang fr
// (even when the file cannot be decoded, so its own language is unknown) or with the file's
// language: fr, and in English, word for word as before, otherwise. French puts a narrow
// no-break space before a colon and a semicolon.
func TestConfigErrorsInFrench(t *testing.T) {
	const keys = "inputs, site, country, sites, reporting_year, output, columns, factors, scope2, trajectory, intensity, freshness_years, quality, uncertainty_default_pct, organisation, esrs, energy, revenue, language, demo"
	tests := []struct {
		name    string
		config  string
		english string
		french  string
	}{
		{"unknown key", "outptu:\n  dir: x\n",
			"config.yaml: line 1: field outptu not found in type config.Config; outptu is not a key of footprint's configuration: the top level takes " + keys,
			"config.yaml\u202f: ligne 1\u202f: clé inconnue outptu\u202f; outptu n’est pas une clé de la configuration de footprint\u202f: le premier niveau accepte " + keys},
		{"wrong type", "reporting_year: last\n",
			"config.yaml: line 1: cannot unmarshal !!str `last` into int; reporting_year wants a whole number",
			"config.yaml\u202f: ligne 1\u202f: impossible de lire !!str `last` comme int\u202f; reporting_year attend un nombre entier"},
		{"out of range", "trajectory:\n  projection:\n    growth_pct: 1e300\n",
			"config.yaml: line 3: trajectory.projection.growth_pct: 1e+300 is out of range: want a change of activity per year in % above -100 to 100",
			"config.yaml\u202f: ligne 3\u202f: trajectory.projection.growth_pct\u202f: 1e+300 est hors limites\u202f: il faut une variation d’activité par an en % au-dessus de -100 jusqu’à 100"},
		{"bad pathway", "trajectory:\n  targets:\n    - name: t\n      scopes: [1]\n      pathway: sbti\n      reduction_pct: 42\n",
			`config.yaml: trajectory.targets[0].pathway: "sbti": want linear, sbti-1.5 or sbti-wb2`,
			"config.yaml\u202f: trajectory.targets[0].pathway\u202f: \"sbti\"\u202f: il faut linear, sbti-1.5 ou sbti-wb2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(tt.config), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, run := range []struct {
				args []string
				want string
			}{
				{nil, tt.english},
				{[]string{"--lang", "en"}, tt.english},
				{[]string{"--lang", "fr"}, tt.french},
			} {
				r := footprint(t, dir, append([]string{"validate", "--config", "config.yaml"}, run.args...)...)
				if want := "footprint: " + run.want + "\n"; r.code != exitProblems || r.stderr != want {
					t.Errorf("validate %v: exit %d (want %d)\nstderr: %q\nwant:   %q", run.args, r.code, exitProblems, r.stderr, want)
				}
			}
		})
	}
	// The file's own language, once it is decoded, is the messages' language too.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("language: fr\nfactors:\n  gwp: AR9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := footprint(t, dir, "validate", "--config", "config.yaml")
	if want := "footprint: config.yaml\u202f: factors.gwp\u202f: \"AR9\"\u202f: il faut AR5 ou AR6\n"; r.stderr != want {
		t.Errorf("language: fr: stderr %q, want %q", r.stderr, want)
	}
	r = footprint(t, dir, "validate", "--config", "config.yaml", "--lang", "en")
	if want := "footprint: config.yaml: factors.gwp: \"AR9\": want AR5 or AR6\n"; r.stderr != want {
		t.Errorf("--lang en over language: fr: stderr %q, want %q", r.stderr, want)
	}
}
