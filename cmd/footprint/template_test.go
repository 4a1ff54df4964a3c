package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/footprint/footprint/factors"
	"github.com/xuri/excelize/v2"
)

// TestTemplateRoundTrip: template → filled in (here by excelize, as a team would in Excel) →
// validate → calc gives the expected inventory.
func TestTemplateRoundTrip(t *testing.T) {
	dir := t.TempDir()
	config := `site: Plant
factors:
  custom:
    - {id: Supplier.Steel.LowCarbon, name: Low-carbon steel, value: 0.7, unit: kg, scope: 3, category: 1, source: EPD 1234}
`
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	r := footprint(t, dir, "template")
	if r.code != 0 || !strings.Contains(r.stdout, "activities-template.xlsx") {
		t.Fatalf("template: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	path := filepath.Join(dir, "activities-template.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range f.GetDefinedName() {
		found = found || d.Name == "Ids_Materials"
	}
	lists, _ := f.GetCols("Lists")
	if !found || len(lists) == 0 || !slices.Contains(lists[0], "Supplier.Steel.LowCarbon") {
		t.Fatalf("the custom factor is not offered (defined name %v)", found)
	}
	rows := map[string][][]any{
		"Energy": {
			{2024, "Plant", "RE-TROFIT", "fr.electricity.grid", 1000000, "kWh"},
			{2024, nil, "RE-CYCLE", "fr.natural-gas.pcs", 100, "MWh PCS"},
		},
		"Materials":   {{2024, "Plant", "RE-CYCLE", "Supplier.Steel.LowCarbon", 10, "t", nil, nil, nil, "=not a formula"}},
		"Instruments": {{2024, "Plant", "GO hydro", 600, "MWh", 0}},
	}
	for sheet, rs := range rows {
		for i, row := range rs {
			if err := f.SetSheetRow(sheet, "A"+strconv.Itoa(2+i), &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	r = footprint(t, dir, "validate", "--input", "activities-template.xlsx")
	if r.code != 0 || !strings.Contains(r.stdout, "rows: 3 read, 3 used, 0 rejected; 1 instrument.") {
		t.Fatalf("validate: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = footprint(t, dir, "calc", "--json", "--input", "activities-template.xlsx")
	if r.code != 0 {
		t.Fatalf("calc: exit %d\n%s", r.code, r.stderr)
	}
	var doc calcJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	lib, err := factors.Builtin("AR6")
	if err != nil {
		t.Fatal(err)
	}
	grid, _, _ := lib.Lookup("fr.electricity.grid", 2024)
	gas, _, _ := lib.Lookup("fr.natural-gas.pcs", 2024)
	if len(doc.Years) != 1 {
		t.Fatalf("years %+v", doc.Years)
	}
	y := doc.Years[0]
	// 1,000,000 kWh of grid electricity, 600,000 covered by a guarantee of origin at 0: the
	// market-based figure is the location-based factor on the 400,000 kWh left (no residual mix).
	want := map[string][2]float64{
		"scope1":          {y.Scope1, 100000 * gas.Value / 1000},
		"scope2 location": {y.Scope2Location, 1e6 * grid.Value / 1000},
		"scope2 market":   {y.Scope2Market, 4e5 * grid.Value / 1000},
		"category 1":      {y.Scope3Categories["1"], 10000 * 0.7 / 1000},
		"category 3":      {y.Scope3Categories["3"], 100000*gas.Upstream/1000 + 1e6*grid.Upstream/1000},
		"pole RE-CYCLE":   {y.ByPole["RE-CYCLE"], 100000*(gas.Value+gas.Upstream)/1000 + 7},
	}
	for k, v := range want {
		if !closeTo(v[0], v[1]) {
			t.Errorf("%s: %v, want %v", k, v[0], v[1])
		}
	}
}

// TestTemplateOffersPolesAndSites: the Pole and Site dropdowns offer what the configured
// inputs already use (the config's site first); without readable inputs, the template is
// still written, with the config's site alone.
func TestTemplateOffersPolesAndSites(t *testing.T) {
	dir := site(t, "", []any{2024, "Plant", "RE-TROFIT", "fr.electricity.grid", 10, "MWh"},
		[]any{2024, "Hub Nord", "RE-CYCLE", "fr.natural-gas.pcs", 1, "MWh PCS"}, []any{2024, nil, "RE-TROFIT", "nope", 1, "t"})
	if r := footprint(t, dir, "template", "--out", "t.xlsx"); r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	path := filepath.Join(dir, "t.xlsx")
	if p, s := templateList(t, path, "Poles"), templateList(t, path, "Sites"); !slices.Equal(p, []string{"RE-CYCLE", "RE-TROFIT"}) || !slices.Equal(s, []string{"Plant", "Hub Nord"}) {
		t.Errorf("poles %q, sites %q", p, s)
	}

	if err := os.Remove(filepath.Join(dir, "activities.xlsx")); err != nil {
		t.Fatal(err)
	}
	if r := footprint(t, dir, "template", "--out", "t.xlsx"); r.code != 0 {
		t.Fatalf("without inputs: exit %d\n%s", r.code, r.stderr)
	}
	if p, s := templateList(t, path, "Poles"), templateList(t, path, "Sites"); len(p) != 0 || !slices.Equal(s, []string{"Plant"}) {
		t.Errorf("without inputs: poles %q, sites %q", p, s)
	}
}

// templateList returns the values of a template's defined name on its Lists sheet.
func templateList(t *testing.T, path, name string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, d := range f.GetDefinedName() {
		if d.Name != name {
			continue
		}
		_, ref, _ := strings.Cut(strings.ReplaceAll(d.RefersTo, "$", ""), "!")
		from, _, _ := strings.Cut(ref, ":")
		col, _, _ := excelize.CellNameToCoordinates(from)
		cols, err := f.GetCols("Lists")
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, v := range cols[col-1][3:] {
			if v != "" {
				out = append(out, v)
			}
		}
		return out
	}
	t.Fatalf("no defined name %s", name)
	return nil
}

// TestTemplateOffersEntities: the Entity dropdown lists the config's organisation.entities,
// and a row filled with Entity, Quality and DataType from the dropdowns is used, its line
// carrying them.
func TestTemplateOffersEntities(t *testing.T) {
	dir := t.TempDir()
	config := `site: Plant
organisation:
  name: Flins group
  consolidation: equity
  entities:
    - {name: Flins Refactory SAS, control: true, equity_pct: 100}
    - {name: Battery Second Life JV, control: false, equity_pct: 40}
`
	must(t, os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(config), 0o644))
	if r := footprint(t, dir, "template", "--out", "t.xlsx"); r.code != 0 {
		t.Fatalf("template: exit %d\n%s", r.code, r.stderr)
	}
	path := filepath.Join(dir, "t.xlsx")
	if got := templateList(t, path, "Entities"); !slices.Equal(got, []string{"Flins Refactory SAS", "Battery Second Life JV"}) {
		t.Fatalf("Entities %q", got)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	header, err := f.GetRows("Materials")
	if err != nil {
		t.Fatal(err)
	}
	row := make([]any, len(header[0]))
	for i, h := range header[0] {
		row[i] = map[string]any{"Year": 2024, "Activity": "fr.material.steel.primary", "Quantity": 10, "Unit": "t",
			"Quality": "measured", "Entity": "Battery Second Life JV", "DataType": "secondary"}[h]
	}
	must(t, f.SetSheetRow("Materials", "A2", &row))
	must(t, f.Save())
	f.Close()

	// The lines' CSV has no quality column: reports' TestTemplateReadsBack checks Quality.
	r := footprint(t, dir, "calc", "--lines", "--input", "t.xlsx")
	if r.code != 0 {
		t.Fatalf("calc: exit %d\n%s", r.code, r.stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("lines %v: %s", err, r.stdout)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	found := false
	for _, rec := range recs[1:] {
		if rec[col["activity"]] != "fr.material.steel.primary" {
			continue
		}
		found = true
		if rec[col["entity"]] != "Battery Second Life JV" || rec[col["consolidation_share"]] != "0.4" || rec[col["data_type"]] != "secondary" {
			t.Errorf("steel line: entity %q, share %q, data type %q", rec[col["entity"]], rec[col["consolidation_share"]], rec[col["data_type"]])
		}
	}
	if !found {
		t.Errorf("no steel line in %s", r.stdout)
	}
}
