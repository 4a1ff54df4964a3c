package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// freshSite is a folder with a config of a new site: no column aliases, no trajectory.
func freshSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("site: Plant\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// French headers are read with a fresh config, which names no alias, below a title: a
// commuting row's Catégorie 7 is not lost to the factor's category 6.
func TestFrenchHeadersWithoutAliases(t *testing.T) {
	dir := freshSite(t)
	writeWorkbook(t, filepath.Join(dir, "sites.xlsx"), map[string][][]any{"Déplacements": {
		{"Déplacements 2024 (enquête domicile-travail)"},
		{"Année", "Site", "Pôle", "Activité", "Quantité", "Unité", "Catégorie", "Commentaire"},
		{2024, "Plant", "P", "fr.travel.car", 25000, "km", 7, "domicile-travail"},
		{2024, "Plant", "P", "fr.travel.car", 1000, "km", nil, "missions"},
	}})
	r := footprint(t, dir, "calc", "--json", "--input", "sites.xlsx")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, short(r.stderr))
	}
	var doc calcJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Years) != 1 {
		t.Fatalf("years %+v", doc.Years)
	}
	cats := doc.Years[0].Scope3Categories
	if math.Abs(cats["7"]-6.4) > 1e-9 || math.Abs(cats["6"]-0.256) > 1e-9 {
		t.Errorf("categories %v, want 6.4 t in 7 and 0.256 t in 6", cats)
	}
	if doc.Rows.Used != 2 {
		t.Errorf("rows %+v, want 2 used", doc.Rows)
	}
}

// A sheet that looks like an activity sheet but lacks a required column, below a title, stops
// every command that reads it, naming the file, the sheet and the column.
func TestSheetWithoutQuantityStopsEveryCommand(t *testing.T) {
	dir := freshSite(t)
	writeWorkbook(t, filepath.Join(dir, "in.xlsx"), map[string][][]any{
		"Energy":    {header, {2024, "Plant", "P", "fr.natural-gas.pcs", 1000, "kWh PCS"}},
		"Logistics": {{"Freight 2024"}, {"Year", "Site", "Activity", "Unit"}, {2024, "Plant", "fr.freight.rail", "t.km"}},
	})
	for _, args := range [][]string{
		{"calc"}, {"calc", "--json"}, {"validate"}, {"report", "--out", "out"}, {"annotate", "--out", "copy.xlsx"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := footprint(t, dir, append(args, "--input", "in.xlsx")...)
			out := r.stdout + r.stderr
			if r.code != 1 {
				t.Errorf("exit %d, want 1\n%s", r.code, short(out))
			}
			for _, want := range []string{"in.xlsx", "Logistics", "A2", "lacks the required column(s) Quantity"} {
				if !strings.Contains(out, want) {
					t.Errorf("the output does not name %q:\n%s", want, short(out))
				}
			}
		})
	}
}
