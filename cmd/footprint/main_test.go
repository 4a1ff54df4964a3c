package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/footprint/footprint/internal/golden"
	"github.com/xuri/excelize/v2"
)

// binary is the footprint command built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "footprint-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "footprint")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type runResult struct {
	code           int
	stdout, stderr string
}

// footprint runs the binary in dir with a clean FOOTPRINT_* environment.
func footprint(t *testing.T, dir string, args ...string) runResult {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "FOOTPRINT_") {
			cmd.Env = append(cmd.Env, e)
		}
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return runResult{code, stdout.String(), stderr.String()}
}

// writeWorkbook writes an .xlsx of sheets (name, rows) into dir.
func writeWorkbook(t *testing.T, path string, sheets map[string][][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	first := true
	for name, rows := range sheets {
		if first {
			f.SetSheetName("Sheet1", name)
			first = false
		} else {
			f.NewSheet(name)
		}
		for i, row := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

var header = []any{"Year", "Site", "Pole", "Activity", "Quantity", "Unit", "Scope", "Category", "Method", "Comment"}

// site makes a folder with a config and a workbook of the given rows.
func site(t *testing.T, configYAML string, rows ...[]any) string {
	t.Helper()
	dir := t.TempDir()
	writeWorkbook(t, filepath.Join(dir, "activities.xlsx"), map[string][][]any{
		"Energy":      append([][]any{header}, rows...),
		"Instruments": {{"Year", "Site", "Instrument", "Quantity", "Unit", "Factor"}, {2024, "Plant", "GO hydro", 600000, "kWh", 0}},
	})
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("inputs: [activities.xlsx]\nsite: Plant\n"+configYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

type calcJSON struct {
	Unit          string `json:"unit"`
	GWP           string `json:"gwp"`
	ReportingYear int    `json:"reporting_year"`
	Years         []struct {
		Year             int
		Scope1           float64            `json:"scope1"`
		Scope2Location   float64            `json:"scope2_location"`
		Scope2Market     float64            `json:"scope2_market"`
		Scope3           float64            `json:"scope3"`
		Scope3Categories map[string]float64 `json:"scope3_categories"`
		TotalLocation    float64            `json:"total_location"`
		Avoided          float64            `json:"avoided"`
		TotalMarket      float64            `json:"total_market"`
		ByPole           map[string]float64 `json:"by_pole"`
		BySite           map[string]float64 `json:"by_site"`
		ByActivity       map[string]float64 `json:"by_activity"`
	} `json:"years"`
	Trajectory []any `json:"trajectory"`
	Rows       struct{ Read, Used, Rejected int }
	Problems   []struct{ Severity, File, Sheet, Cell, Message string }
}

func TestCalcJSONEndToEnd(t *testing.T) {
	dir := site(t, `factors:
  custom:
    - {id: Test.Electricity.Grid, value: 0.20, unit: kWh, scope: 2, source: textbook}
scope2:
  residual_mix:
    - {year: 2024, value: 0.45, source: textbook residual mix}
`,
		[]any{2024, "Plant", "RE-TROFIT", "test.electricity.grid", 1000, "MWh"},
		[]any{2024, nil, "RE-CYCLE", "fr.natural-gas.pcs", 100000, "kWh PCS"},
		[]any{2024, "Plant", "RE-CYCLE", "fr.natural-gass.pcs", 5, "kWh"},
	)
	r := footprint(t, dir, "calc", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	var doc calcJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if doc.Unit != "tCO2e" || doc.GWP != "AR6" || doc.ReportingYear != 2024 || len(doc.Years) != 1 || doc.Trajectory == nil {
		t.Fatalf("doc %+v", doc)
	}
	y := doc.Years[0]
	// 100,000 kWh PCS of French natural gas: combustion 0.181 → 18.1 t Scope 1, upstream 0.0344 → 3.44 t cat. 3.
	if !closeTo(y.Scope2Location, 200) || !closeTo(y.Scope2Market, 180) || !closeTo(y.Scope1, 18.1) || !closeTo(y.Scope3Categories["3"], 3.44) {
		t.Errorf("years[0] = %+v", y)
	}
	if !closeTo(y.TotalMarket, 180+18.1+3.44) || !closeTo(y.ByPole["RE-CYCLE"], 18.1+3.44) || !closeTo(y.BySite["Plant"], y.TotalMarket) {
		t.Errorf("totals %+v", y)
	}
	if doc.Rows.Read != 3 || doc.Rows.Used != 2 || doc.Rows.Rejected != 1 {
		t.Errorf("rows %+v", doc.Rows)
	}
	p := doc.Problems[0]
	if p.Severity != "error" || p.File != "activities.xlsx" || p.Sheet != "Energy" || p.Cell != "D4" || !strings.Contains(p.Message, `did you mean "fr.natural-gas.pcs"`) {
		t.Errorf("problem %+v", p)
	}
	if r := footprint(t, dir, "calc", "--strict"); r.code != 1 || !strings.Contains(r.stderr, "--strict: 1 row(s) rejected") {
		t.Errorf("--strict: exit %d stderr %s", r.code, r.stderr)
	}
}

func closeTo(a, b float64) bool {
	d := a - b
	return d < 1e-9*(1+abs(b)) && -d < 1e-9*(1+abs(b))
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func TestExitCodes(t *testing.T) {
	good := site(t, "", []any{2024, "Plant", "P", "fr.natural-gas.pcs", 10, "MWh PCS"})
	bad := site(t, "", []any{2024, "Plant", "P", "fr.natural-gas.pcs", "lots", "MWh"})
	noQty := t.TempDir()
	writeWorkbook(t, filepath.Join(noQty, "a.xlsx"), map[string][][]any{"Energy": {{"Year", "Activity", "Unit"}, {2024, "fr.natural-gas.pcs", "kWh"}}})
	tests := []struct {
		name     string
		dir      string
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{"calc ok", good, []string{"calc"}, 0, "Total market", ""},
		{"calc with a rejected row", bad, []string{"calc"}, 0, "1 rejected", "sheet Energy, cell E2: Quantity: text \"lots\""},
		{"validate ok", good, []string{"validate"}, 0, "OK", ""},
		{"validate with a rejected row", bad, []string{"validate"}, 1, "cell E2", ""},
		{"missing column", noQty, []string{"calc", "--input", "a.xlsx"}, 1, "", "lacks the required column(s) Quantity"},
		{"missing input", good, []string{"calc", "--input", "nope.xlsx"}, 1, "", "nope.xlsx: cannot open: no such file"},
		{"missing config", good, []string{"calc", "--config", "nope.yaml"}, 1, "", "config nope.yaml: no such file"},
		{"unknown command", good, []string{"frobnicate"}, 2, "", "unknown command"},
		{"unknown flag", good, []string{"calc", "--frob"}, 2, "", "unknown flag"},
		{"factors show", good, []string{"factors", "show", "fr.electricity.grid"}, 0, "ADEME", ""},
		{"factors show unknown", good, []string{"factors", "show", "fr.electricty.grid"}, 1, "", `did you mean "fr.electricity.grid"`},
		{"factors list search", good, []string{"factors", "list", "--search", "natural gas"}, 0, "fr.natural-gas.pcs", ""},
		{"factors list search French, no accents", good, []string{"factors", "list", "--search", "electricite"}, 0, "fr.electricity.grid", ""},
		{"factors list search tag", good, []string{"factors", "list", "--search", "domicile-travail"}, 0, "fr.travel.bus.large-city", ""},
		{"factors list search nothing", good, []string{"factors", "list", "--search", "electricty"}, 0, "", `no factor matches "electricty"; did you mean "electricity"`},
	}
	for _, tt := range tests {
		r := footprint(t, tt.dir, tt.args...)
		if r.code != tt.code || !strings.Contains(r.stdout, tt.inStdout) || !strings.Contains(r.stderr, tt.inStderr) {
			t.Errorf("%s: exit %d (want %d)\nstdout: %s\nstderr: %s", tt.name, r.code, tt.code, r.stdout, r.stderr)
		}
	}
}

func TestEnvAndFlagOverrides(t *testing.T) {
	dir := site(t, "reporting_year: 2023\n",
		[]any{2023, "Plant", "P", "fr.natural-gas.pcs", 10, "MWh PCS"},
		[]any{2024, "Plant", "P", "fr.natural-gas.pcs", 20, "MWh PCS"})
	year := func(args ...string) int {
		var doc calcJSON
		r := footprint(t, dir, append([]string{"calc", "--json"}, args...)...)
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatalf("%v: %s %s", err, r.stdout, r.stderr)
		}
		return doc.ReportingYear
	}
	if y := year(); y != 2023 {
		t.Errorf("config: %d", y)
	}
	if y := year("--year", "2024"); y != 2024 {
		t.Errorf("flag: %d", y)
	}
	var out, errb bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errb, LookupEnv: func(k string) (string, bool) {
		if k == "FOOTPRINT_REPORTING_YEAR" {
			return "2024", true
		}
		return "", false
	}}
	if code := Main([]string{"calc", "--json", "--config", filepath.Join(dir, "config.yaml")}, env); code != 0 || !strings.Contains(out.String(), `"reporting_year": 2024`) {
		t.Errorf("env override: exit %d %s %s", code, out.String(), errb.String())
	}
}

func TestFactorsListJSON(t *testing.T) {
	r := footprint(t, t.TempDir(), "factors", "list", "--json")
	var fs []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &fs); err != nil || r.code != 0 {
		t.Fatalf("exit %d err %v", r.code, err)
	}
	if len(fs) < 80 {
		t.Errorf("%d factors", len(fs))
	}
	for _, key := range []string{"id", "name", "value", "unit", "scope", "category", "upstream", "year", "source", "region", "uncertainty_pct"} {
		if _, ok := fs[0][key]; !ok {
			t.Errorf("factor object lacks %q: %v", key, fs[0])
		}
	}
}

// The demo, run from a folder without config.yaml, is the built-in demo; its JSON is golden.
func TestDemoGolden(t *testing.T) {
	r := footprint(t, t.TempDir(), "calc", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	golden.Check(t, filepath.Join("testdata", "demo-calc.json"), []byte(r.stdout))
	// The repository's config.yaml points at the same demo: same numbers.
	if r2 := footprint(t, "../..", "calc", "--json"); r2.stdout != r.stdout {
		t.Errorf("repository config gives other numbers than the built-in demo:\n%s", golden.Diff([]byte(r.stdout), []byte(r2.stdout)))
	}
	var doc calcJSON
	json.Unmarshal([]byte(r.stdout), &doc)
	if doc.Rows.Rejected != 0 || len(doc.Years) != 7 || len(doc.Trajectory) != 2030-2019+1 {
		t.Errorf("demo: rows %+v, %d years, %d trajectory entries", doc.Rows, len(doc.Years), len(doc.Trajectory))
	}
}

// Every line of `calc --lines` carries its provenance, and the lines add up to the JSON totals.
func TestLinesAddUpToTotals(t *testing.T) {
	dir := t.TempDir()
	r := footprint(t, dir, "calc", "--lines")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	num := func(rec []string, name string) float64 {
		v, err := strconv.ParseFloat(rec[col[name]], 64)
		if err != nil {
			t.Fatalf("%s = %q: %v", name, rec[col[name]], err)
		}
		return v
	}
	market := map[int]float64{}
	location := map[int]float64{}
	avoided := map[int]float64{}
	for _, rec := range recs[1:] {
		year := int(num(rec, "year"))
		tco2e := num(rec, "tco2e")
		// The row's own emissions are converted × factor; the inventory counts its entity's
		// consolidation share of them (an investee not controlled: 0).
		gross := num(rec, "gross_tco2e")
		if want := num(rec, "quantity_in_factor_unit") * num(rec, "factor_value_kgco2e") / 1000; !closeTo(gross, want) {
			t.Errorf("line %v: gross_tco2e %v ≠ converted × factor / 1000 = %v", rec, gross, want)
		}
		if want := gross * num(rec, "consolidation_share"); !closeTo(tco2e, want) {
			t.Errorf("line %v: tco2e %v ≠ gross × consolidation share = %v", rec, tco2e, want)
		}
		if rec[col["file"]] == "" || rec[col["row"]] == "" || rec[col["source"]] == "" {
			t.Errorf("line without provenance: %v", rec)
		}
		if rec[col["part"]] == "avoided" {
			avoided[year] += tco2e // reported apart, in no total
			continue
		}
		if rec[col["part"]] == "outside" {
			continue // a gas outside the Kyoto basket: in no total
		}
		if m := rec[col["method"]]; m != "location" {
			market[year] += tco2e
		}
		if m := rec[col["method"]]; m != "market" {
			location[year] += tco2e
		}
	}
	var doc calcJSON
	if err := json.Unmarshal([]byte(footprint(t, dir, "calc", "--json").stdout), &doc); err != nil {
		t.Fatal(err)
	}
	for _, y := range doc.Years {
		if !closeTo(market[y.Year], y.TotalMarket) || !closeTo(location[y.Year], y.TotalLocation) {
			t.Errorf("%d: lines add up to %v market / %v location, JSON says %v / %v", y.Year, market[y.Year], location[y.Year], y.TotalMarket, y.TotalLocation)
		}
		if !closeTo(avoided[y.Year], y.Avoided) {
			t.Errorf("%d: avoided lines add up to %v, JSON says %v", y.Year, avoided[y.Year], y.Avoided)
		}
	}
}
