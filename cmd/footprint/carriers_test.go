package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// End to end: a supplier's grid factor whose id does not name electricity is covered by the
// site's guarantee of origin (site: 600,000 kWh in 2024); a residual mix entered for 2024 is
// not applied to 2025; an avoided factor given without a scope is reported apart in calc
// --json, the report and the export.
//
// By hand, grid.supplier-x at 0.035 kgCO2e/kWh (a supplier figure; here ADEME Base Carbone
// V23.6 element 43642's 0.035) and the config's residual mix 0.45 kgCO2e/kWh for 2024:
//   - 2024: 1,200,000 kWh → location 42 t; market 600,000 kWh at 0 + 600,000 × 0.45 = 270 t;
//   - 2025: 100,000 kWh → 3.5 t in both methods, with a warning naming 2025, 2024 and electricity;
//   - 2024: 12 vehicles × 5,000 kgCO2e avoided = 60 t avoided, in no scope or total.
func TestCarriersEndToEnd(t *testing.T) {
	dir := site(t, `factors:
  custom:
    - {id: grid.supplier-x, value: 0.035, unit: kWh, scope: 2, source: supplier X disclosure}
    - {id: x, kind: avoided, value: 5000, unit: vehicle, source: supplier LCA of a reconditioned vehicle}
scope2:
  residual_mix:
    - {year: 2024, value: 0.45, source: residual mix of the supplier's country}
`,
		[]any{2024, "Plant", "P", "grid.supplier-x", 1200000, "kWh"},
		[]any{2025, "Plant", "P", "grid.supplier-x", 100000, "kWh"},
		[]any{2024, "Plant", "P", "x", 12, "vehicle"},
	)
	r := footprint(t, dir, "calc", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	var doc calcJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if len(doc.Years) != 2 {
		t.Fatalf("years %+v", doc.Years)
	}
	y24, y25 := doc.Years[0], doc.Years[1]
	if !closeTo(y24.Scope2Location, 42) || !closeTo(y24.Scope2Market, 270) || !closeTo(y24.Avoided, 60) || !closeTo(y24.TotalMarket, 270) || y24.ByActivity["x"] != 0 {
		t.Errorf("2024 %+v", y24)
	}
	if !closeTo(y25.Scope2Location, 3.5) || !closeTo(y25.Scope2Market, 3.5) {
		t.Errorf("2025 %+v", y25)
	}
	var warned bool
	for _, p := range doc.Problems {
		if strings.Contains(p.Message, "capped") {
			t.Errorf("problem %+v: the GO covers grid.supplier-x", p)
		}
		warned = warned || p.Severity == "warning" && strings.Contains(p.Message, `for electricity at site "Plant" in 2025`) && strings.Contains(p.Message, "entries are for 2024 only")
	}
	if !warned {
		t.Errorf("problems %+v, want the 2025 fallback named", doc.Problems)
	}
	// The terminal output says it first, before the figures.
	if r := footprint(t, dir, "calc"); r.code != 0 || !strings.Contains(r.stderr+r.stdout, "entries are for 2024 only") {
		t.Errorf("calc: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	r = footprint(t, dir, "factors", "list", "--json", "--search", "supplier")
	var fs []struct{ ID, Carrier string }
	if err := json.Unmarshal([]byte(r.stdout), &fs); err != nil || len(fs) == 0 {
		t.Fatalf("factors list: %v\n%s%s", err, r.stdout, r.stderr)
	}
	for _, f := range fs {
		if f.ID == "grid.supplier-x" && f.Carrier != "electricity" {
			t.Errorf("factors list: %+v, want carrier electricity", f)
		}
	}
	out := filepath.Join(dir, "out")
	if r := footprint(t, dir, "report", "--out", out); r.code != 0 {
		t.Fatalf("report: exit %d\n%s", r.code, r.stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil || !strings.Contains(string(page), "supplier LCA of a reconditioned vehicle") {
		t.Errorf("report.html: %v; want the avoided factor's source", err)
	}
	xl, err := excelize.OpenFile(filepath.Join(out, "footprint-2025.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer xl.Close()
	found := false
	for _, sh := range xl.GetSheetList() {
		rows, _ := xl.GetRows(sh)
		for _, row := range rows {
			found = found || strings.Contains(strings.Join(row, "|"), "supplier LCA of a reconditioned vehicle")
		}
	}
	if !found {
		t.Error("the export names the avoided factor nowhere")
	}
}
