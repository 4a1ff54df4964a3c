package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestReportWritesExport: `report` writes <out>/footprint-<year>.xlsx next to report.html,
// with the figures of `calc --json`, and leaves no temporary file behind.
func TestReportWritesExport(t *testing.T) {
	dir := site(t, "", []any{2024, "Plant", "P", "fr.natural-gas.pcs", 10, "MWh PCS"}, []any{2024, "Plant", "P", "fr.electricity.grid", 1000, "MWh"})
	r := footprint(t, dir, "report", "--out", "o")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	path := filepath.Join(dir, "o", "footprint-2024.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var doc calcJSON
	if err := json.Unmarshal([]byte(footprint(t, dir, "calc", "--json").stdout), &doc); err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("ESRS E1-6", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, row := range rows {
		if len(row) > 3 {
			got[row[0]] = row[3] // column D: the reporting year
		}
	}
	for label, want := range map[string]float64{
		"Gross Scope 1 GHG emissions (tCO2e)":              doc.Years[0].Scope1,
		"Gross market-based Scope 2 GHG emissions (tCO2e)": doc.Years[0].Scope2Market,
		"Total GHG emissions (market-based) (tCO2e)":       doc.Years[0].TotalMarket,
	} {
		v, err := strconv.ParseFloat(got[label], 64)
		if err != nil || !closeTo(v, want) {
			t.Errorf("%s: %q, want %v", label, got[label], want)
		}
	}
	left, _ := filepath.Glob(filepath.Join(dir, "o", ".*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if _, err := os.Stat(filepath.Join(dir, "o", "report.html")); err != nil {
		t.Error(err)
	}
}
