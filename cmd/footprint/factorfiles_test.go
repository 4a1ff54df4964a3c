package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/footprint/footprint/config"
	"github.com/footprint/footprint/factors"
)

// writeFactorFile writes fs as a factor file at path.
func writeFactorFile(t *testing.T, path string, fs []factors.Factor) {
	t.Helper()
	var buf bytes.Buffer
	if err := config.WriteFactorFile(&buf, fs); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// builtinVintages are the built-in factors on a GWP set whose id starts with prefix, of one year.
func builtinVintages(t *testing.T, gwp, prefix string, year int) []factors.Factor {
	t.Helper()
	lib, err := factors.Builtin(gwp)
	if err != nil {
		t.Fatal(err)
	}
	var out []factors.Factor
	for _, f := range lib.All() {
		if strings.HasPrefix(f.ID, prefix) && f.Year == year {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no built-in %s* vintage of %d", prefix, year)
	}
	return out
}

// A factor file's factors are listed and shown with the file they come from, beside the
// built-in vintages of their id, which they never remove.
func TestFactorFilesListAndShow(t *testing.T) {
	dir := t.TempDir()
	f := factors.Factor{ID: "uk.electricity.grid", Name: "UK grid, supplier's own release", Value: 0.15, Unit: "kWh", Scope: 2,
		Kind: factors.KindEmission, Year: 2026, Source: "test release", Published: 2026}
	writeFactorFile(t, filepath.Join(dir, "release.yaml"), []factors.Factor{f})
	os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("factors:\n  files: [release.yaml]\n"), 0o644)
	file := "release.yaml" // as the config names it, from the config's folder

	r := footprint(t, dir, "factors", "list", "--json", "--search", "uk.electricity.grid")
	var fs []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &fs); err != nil || r.code != 0 {
		t.Fatalf("exit %d, %v: %s", r.code, err, r.stderr)
	}
	files := map[float64]any{}
	for _, x := range fs {
		if x["id"] == "uk.electricity.grid" {
			files[x["year"].(float64)] = x["file"]
		}
	}
	if files[2026] != file || files[2025] != nil || len(files) < 7 {
		t.Errorf("uk.electricity.grid vintages and their files: %v", files)
	}
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"table", []string{"factors", "list", "--search", "uk.electricity.grid"}, "(file " + file + ")"},
		{"show", []string{"factors", "show", "uk.electricity.grid"}, "\nfile         " + file},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := footprint(t, dir, tt.args...)
			if r.code != 0 || !strings.Contains(r.stdout, tt.want) {
				t.Errorf("exit %d, want %q in:\n%s%s", r.code, tt.want, r.stdout, r.stderr)
			}
		})
	}
}

// An identical id, year and published in two factor files is a configuration error naming both.
func TestFactorFilesSameVersionTwice(t *testing.T) {
	dir := t.TempDir()
	f := factors.Factor{ID: "supplier.steel", Value: 1.9, Unit: "t", Scope: 3, Category: 1, Kind: factors.KindEmission, Year: 2025, Source: "s", Published: 2025}
	writeFactorFile(t, filepath.Join(dir, "a.yaml"), []factors.Factor{f})
	writeFactorFile(t, filepath.Join(dir, "b.yaml"), []factors.Factor{f})
	os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("factors:\n  files: [a.yaml, b.yaml]\n"), 0o644)
	r := footprint(t, dir, "factors", "list")
	want := `factor "supplier.steel", year 2025, published 2025 is given twice: in a.yaml and in b.yaml`
	if r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant %q", r.code, r.stderr, want)
	}
}

// The diff across two DESNZ years: the built-in uk.* vintages of 2024 and of 2025, each written
// as year-less factors so that they compare as one vintage. UK grid electricity, DESNZ flat
// files row 7_400_4000_5_1 (Scope 2, Electricity generated, Electricity: UK, kWh): 0.20705
// kgCO2e in 2024 (ghg-conversion-factors-2024-flat-file_factors-by-category.csv), 0.177 in
// 2025 (…-2025-…): a change of (0.177 − 0.20705) / 0.20705 = −14.5134 %. Both sets rest on
// AR5; the diff compares on the configured GWP set, here AR5, so the values are as published.
func TestFactorsDiffDESNZYears(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("factors:\n  gwp: AR5\n"), 0o644)
	for _, year := range []int{2024, 2025} {
		fs := builtinVintages(t, "AR5", "uk.", year)
		for i := range fs {
			fs[i].Year = 0
		}
		writeFactorFile(t, filepath.Join(dir, "desnz-"+strconv.Itoa(year)+".yaml"), fs)
	}
	r := footprint(t, dir, "factors", "diff", "desnz-2024.yaml", "desnz-2025.yaml", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var doc struct {
		Changed  []map[string]any `json:"changed"`
		Added    []map[string]any `json:"added"`
		Archived []map[string]any `json:"archived"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	var grid map[string]any
	for _, c := range doc.Changed {
		if len(c) != 6 {
			t.Fatalf("a changed entry has keys %v, want id, year, field, old, new, change_pct", c)
		}
		if c["id"] == "uk.electricity.grid" && c["field"] == "value" {
			grid = c
		}
		if c["field"] == "data_year" && c["change_pct"] != nil {
			t.Errorf("data_year has a %% change: %v", c)
		}
	}
	if grid == nil {
		t.Fatalf("no change of uk.electricity.grid's value in %s", r.stdout)
	}
	if grid["old"] != 0.20705 || grid["new"] != 0.177 || grid["year"] != 0.0 || math.Abs(grid["change_pct"].(float64)-(-14.5134)) > 1e-4 {
		t.Errorf("uk.electricity.grid: %v, want 0.20705 → 0.177, −14.5134 %%", grid)
	}
	if doc.Added == nil || doc.Archived == nil {
		t.Errorf("added and archived must be lists: %s", r.stdout)
	}
	table := footprint(t, dir, "factors", "diff", "desnz-2024.yaml", "desnz-2025.yaml")
	if table.code != 0 || !regexp.MustCompile(`uk\.electricity\.grid\s+all\s+value\s+0\.20705\s+0\.177\s+-14\.51 %`).MatchString(table.stdout) {
		t.Errorf("table: exit %d\n%s", table.code, table.stdout)
	}
	same := footprint(t, dir, "factors", "diff", "desnz-2025.yaml", "desnz-2025.yaml", "--json")
	if same.code != 0 || !strings.Contains(same.stdout, `"changed": []`) {
		t.Errorf("a file against itself: exit %d\n%s", same.code, same.stdout)
	}
}

// --used-by weighs each change by the tCO2e it moves in the workbooks' inventory: a file
// that raises the demo's natural gas factor by 10 % moves 10 % of the tCO2e of its direct
// lines, as calc --lines gives them.
func TestFactorsDiffUsedBy(t *testing.T) {
	root, _ := filepath.Abs("../..")
	gas := builtinVintages(t, "AR6", "fr.natural-gas.pcs", 2022)
	gas[0].Value *= 1.1 // a hypothetical revision, for the test
	file := filepath.Join(t.TempDir(), "revised.yaml")
	writeFactorFile(t, file, gas)

	lines := footprint(t, root, "calc", "--lines")
	recs, err := csv.NewReader(strings.NewReader(lines.stdout)).ReadAll()
	if err != nil || lines.code != 0 {
		t.Fatalf("calc --lines: exit %d, %v", lines.code, err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	var direct float64
	for _, rec := range recs[1:] {
		if rec[col["factor_id"]] == "fr.natural-gas.pcs" && rec[col["factor_year"]] == "2022" && rec[col["part"]] == "direct" {
			v, _ := strconv.ParseFloat(rec[col["tco2e"]], 64)
			direct += v
		}
	}
	if direct == 0 {
		t.Fatal("the demo has no direct line of fr.natural-gas.pcs 2022")
	}
	r := footprint(t, root, "factors", "diff", "builtin", file, "--json", "--used-by", "demo/footprint-demo.xlsx")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var doc struct {
		Changed []struct {
			ID         string   `json:"id"`
			Year       int      `json:"year"`
			Field      string   `json:"field"`
			TCO2eMoved *float64 `json:"tco2e_moved"`
		} `json:"changed"`
	}
	json.Unmarshal([]byte(r.stdout), &doc)
	if len(doc.Changed) == 0 || doc.Changed[0].ID != "fr.natural-gas.pcs" || doc.Changed[0].Field != "value" || doc.Changed[0].TCO2eMoved == nil {
		t.Fatalf("first change: %s", r.stdout)
	}
	if got, want := *doc.Changed[0].TCO2eMoved, direct*0.1; math.Abs(got-want) > 1e-6*want {
		t.Errorf("tco2e_moved %v, want %v (10 %% of the lines' %v tCO2e)", got, want, direct)
	}
}
