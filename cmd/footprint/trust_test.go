package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A workbook given twice, however its path is spelt, is refused with both entries named: read
// twice, every figure would be doubled.
func TestSameInputTwiceRefused(t *testing.T) {
	dir := site(t, "", []any{2024, "Plant", "P", "fr.natural-gas.pcs", 1000, "kWh PCS"})
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "activities.xlsx"), filepath.Join(dir, "sub", "link.xlsx")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "twice.yaml"), "inputs: [activities.xlsx, sub/../activities.xlsx]\nsite: Plant\n")
	runs := []struct {
		name string
		args []string
		want []string
	}{
		{"--input twice", []string{"calc", "--input", "activities.xlsx", "--input", "activities.xlsx"}, []string{"--input", `"activities.xlsx" (entry 1)`, `"activities.xlsx" (entry 2)`}},
		{"--input two spellings", []string{"report", "--input", "activities.xlsx", "--input", filepath.Join(dir, "activities.xlsx")}, []string{`"activities.xlsx" (entry 1)`, filepath.Join(dir, "activities.xlsx")}},
		{"a link to it", []string{"validate", "--input", "activities.xlsx", "--input", "sub/link.xlsx"}, []string{`"sub/link.xlsx" (entry 2)`}},
		{"config inputs", []string{"calc", "--config", "twice.yaml"}, []string{"twice.yaml: inputs", `"sub/../activities.xlsx" (entry 2)`}},
	}
	for _, r := range runs {
		t.Run(r.name, func(t *testing.T) {
			res := footprint(t, dir, r.args...)
			if res.code != 1 {
				t.Errorf("exit %d, want 1:\n%s", res.code, short(res.stdout+res.stderr))
			}
			for _, w := range append(r.want, "same file") {
				if !strings.Contains(res.stderr, w) {
					t.Errorf("the error lacks %s:\n%s", w, short(res.stderr))
				}
			}
		})
	}
	if res := footprint(t, dir, "calc", "--input", "activities.xlsx"); res.code != 0 {
		t.Errorf("once: exit %d:\n%s", res.code, short(res.stderr))
	}
}
