package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An ADEME release imported by the command: the factor file is written beside the config, is
// refused a second time without --force, and once config factors.files lists it, factors show
// and list name it and calc uses it. Hand-computed from base_carbone_v23.6_valid_subset.csv,
// element 12895 (Agglomérés de houille, kgCO2e/GJ PCI): poste Combustion 95.8 (Scope 1),
// poste Amont 8.46 (Scope 3 category 3); 10 GJ PCI give 0.958 tCO2e in Scope 1 and 0.0846 in
// Scope 3, on AR5 (ADEME's basis, so the split by gas recomputes to the published values).
func TestFactorsImportADEME(t *testing.T) {
	src, err := filepath.Abs("../../../shared/factor-sources/ademe-base-carbone-v23.6/base_carbone_v23.6_valid_subset.csv")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(src); err != nil {
		t.Skipf("factor sources not here: %v", err)
	}
	dir := site(t, "", []any{2024, "Plant", "Ops", "ademe.12895", 10, "GJ PCI"})
	r := footprint(t, dir, "factors", "import", "--ademe", src)
	if r.code != 0 || !strings.Contains(r.stdout, "of ademe V23.6 (published 2025) to factors/ademe-V23.6.yaml") ||
		!strings.Contains(r.stdout, "left out:\n  - ") || !strings.Contains(r.stdout, "- factors/ademe-V23.6.yaml") {
		t.Fatalf("exit %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	file := filepath.Join(dir, "factors", "ademe-V23.6.yaml")
	if _, err := os.Stat(file); err != nil {
		t.Fatal(err)
	}
	if r := footprint(t, dir, "factors", "import", "--ademe", src); r.code == 0 || !strings.Contains(r.stderr, "exists: give another --out, or --force") {
		t.Errorf("second import without --force: exit %d:\n%s", r.code, r.stderr)
	}
	if r := footprint(t, dir, "factors", "import", "--ademe", src, "--force"); r.code != 0 {
		t.Errorf("--force: exit %d:\n%s", r.code, r.stderr)
	}
	cfg := "inputs: [activities.xlsx]\nsite: Plant\nfactors:\n  gwp: AR5\n  files: [factors/ademe-V23.6.yaml]\n"
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"show", []string{"factors", "show", "ademe.12895"}, "\nfile         factors/ademe-V23.6.yaml"},
		{"list", []string{"factors", "list", "--search", "Agglomérés de houille"}, "ademe.12895"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := footprint(t, dir, tt.args...)
			if r.code != 0 || !strings.Contains(r.stdout, tt.want) {
				t.Errorf("exit %d, want %q in:\n%s%s", r.code, tt.want, r.stdout, r.stderr)
			}
		})
	}
	r = footprint(t, dir, "calc", "--json")
	var doc calcJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Years) != 1 {
		t.Fatalf("exit %d, %v:\n%s", r.code, err, r.stderr)
	}
	y := doc.Years[0]
	if math.Abs(y.Scope1-0.958) > 1e-9 || math.Abs(y.Scope3Categories["3"]-0.0846) > 1e-9 {
		t.Errorf("scope 1 %v (want 0.958), scope 3 categories %v (want 3: 0.0846)", y.Scope1, y.Scope3Categories)
	}
}
