package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
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
		"Gross Scope 1 GHG emissions (tCO2eq)":              doc.Years[0].Scope1,
		"Gross market-based Scope 2 GHG emissions (tCO2eq)": doc.Years[0].Scope2Market,
		"Total GHG emissions (market-based) (tCO2eq)":       doc.Years[0].TotalMarket,
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

// TestExportCountsAllProblems: the Problems sheet lists up to emissions.MaxPerCause problems
// of a cause and counts the rest in one line; the Summary gives the number of them all.
func TestExportCountsAllProblems(t *testing.T) {
	rows := [][]any{{2024, "Plant", "P", "fr.electricity.grid", 1000, "MWh"}}
	for i := 0; i < emissions.MaxPerCause+5; i++ {
		rows = append(rows, []any{2024, "Plant", "P", "no.such.factor", 1, "kWh"})
	}
	dir := site(t, "", rows...)
	if r := footprint(t, dir, "report", "--out", "o"); r.code != 0 || !strings.Contains(r.stdout, "1005 error(s)") {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "o", "footprint-2024.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	summary, err := f.GetRows("Summary", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, row := range summary {
		if len(row) > 1 {
			got[row[0]] = row[1]
		}
	}
	if got["Errors (Problems sheet)"] != "1005" || got["Rows rejected"] != "1005" {
		t.Errorf("Summary: errors %q, rows rejected %q", got["Errors (Problems sheet)"], got["Rows rejected"])
	}
	problems, err := f.GetRows("Problems")
	if err != nil {
		t.Fatal(err)
	}
	errs := 0
	for _, row := range problems[3:] {
		if row[0] == "error" {
			errs++
		}
	}
	if errs != emissions.MaxPerCause+1 {
		t.Errorf("%d errors listed, want %d and a line counting the rest", errs, emissions.MaxPerCause)
	}
}
