package config

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad feeds arbitrary bytes as config.yaml: Load returns a config or an error, never
// panics, and a config it returns passes its own checks.
func FuzzLoad(f *testing.F) {
	repo, err := os.ReadFile("../config.yaml")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range [][]byte{repo, []byte(""), []byte("inputs: [a.xlsx]\n"), []byte("factors:\n  custom:\n    - {id: A.b, value: 1, unit: kg, scope: 3, category: 1, source: s}\n"),
		[]byte("trajectory: {base_year: 2019, targets: [{name: x, scopes: [1], pathway: sbti-1.5}]}"), []byte("reporting_year: !!binary AAAA"), []byte("a: &a [*a]")} {
		f.Add(s)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "config.yaml")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := Load(Options{Path: p, Env: noEnv})
		if err != nil {
			return
		}
		if errs := c.validate(p, data); len(errs) > 0 {
			t.Fatalf("Load accepted a config that fails validation: %v", errs)
		}
		_ = c.Plan()
		_ = c.CustomFactors()
		_ = c.ResidualMix()
	})
}
