package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// restateConfig: a supplier's steel EPD whose 2022 vintage was revised in the edition
// published in 2025, which also brought a 2024 vintage.
const restateConfig = `factors:
  custom:
    - {id: Supplier.Steel, value: 2.0, unit: kg, scope: 3, category: 1, year: 2022, version: v1, published: 2023, source: Supplier EPD}
    - {id: Supplier.Steel, value: 1.5, unit: kg, scope: 3, category: 1, year: 2022, version: v2, published: 2025, source: Supplier EPD}
    - {id: Supplier.Steel, value: 1.2, unit: kg, scope: 3, category: 1, year: 2024, version: v2, published: 2025, source: Supplier EPD}
`

// TestRestate checks by hand: 1,000 kg a year. As reported, 2022 (reported in 2023) and 2023
// (reported in 2024) used the 2022 vintage's v1, 2.0 kg/kg: 2 t each; 2024 its own vintage,
// 1.2: 1.2 t. Restated, 2022 and 2023 take v2 of their own 2022 vintage, 1.5: 1.5 t each —
// never the 2024 vintage's 1.2.
func TestRestate(t *testing.T) {
	dir := site(t, restateConfig,
		[]any{2022, "Plant", "", "Supplier.Steel", 1000, "kg"},
		[]any{2023, "Plant", "", "Supplier.Steel", 1000, "kg"},
		[]any{2024, "Plant", "", "Supplier.Steel", 1000, "kg"})
	type restated struct {
		Year                             int
		AsReported, Restated, Difference float64
	}
	type doc struct {
		Years []struct {
			Year        int
			TotalMarket float64 `json:"total_market"`
		}
		Restated []struct {
			Year       int     `json:"year"`
			AsReported float64 `json:"as_reported"`
			Restated   float64 `json:"restated"`
			Difference float64 `json:"difference"`
		} `json:"restated"`
	}
	run := func(args ...string) doc {
		r := footprint(t, dir, append([]string{"calc", "--json"}, args...)...)
		if r.code != 0 {
			t.Fatalf("calc %v: exit %d: %s", args, r.code, r.stderr)
		}
		var d doc
		if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
			t.Fatal(err)
		}
		return d
	}
	totals := func(d doc) []float64 {
		var out []float64
		for _, y := range d.Years {
			out = append(out, y.TotalMarket)
		}
		return out
	}
	plain := run()
	if got := totals(plain); !nearAll(got, []float64{2, 2, 1.2}) || plain.Restated != nil {
		t.Errorf("as reported: totals %v, restated %v; want [2 2 1.2] and no restated field", got, plain.Restated)
	}
	re := run("--restate")
	if got := totals(re); !nearAll(got, []float64{1.5, 1.5, 1.2}) {
		t.Errorf("restated totals %v, want [1.5 1.5 1.2]", got)
	}
	want := []restated{{2022, 2, 1.5, -0.5}, {2023, 2, 1.5, -0.5}, {2024, 1.2, 1.2, 0}}
	if len(re.Restated) != len(want) {
		t.Fatalf("restated %+v, want %+v", re.Restated, want)
	}
	for i, w := range want {
		g := re.Restated[i]
		if g.Year != w.Year || !near(g.AsReported, w.AsReported) || !near(g.Restated, w.Restated) || !near(g.Difference, w.Difference) {
			t.Errorf("restated[%d] = %+v, want %+v", i, g, w)
		}
	}

	// report --restate: the export's Restatement sheet and the page's section hold them.
	out := filepath.Join(dir, "out")
	if r := footprint(t, dir, "report", "--restate", "--out", out); r.code != 0 {
		t.Fatalf("report --restate: %s", r.stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`id="chart-restatement"`, `"As reported"`, `"Restated"`, ">-0.5<"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("report.html lacks %s", want)
		}
	}
	f, err := excelize.OpenFile(filepath.Join(out, "footprint-2024.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Restatement", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, r := range rows {
		if len(r) == 4 && r[0] != "" && r[0][0] == '2' {
			got = append(got, r)
		}
	}
	if len(got) != 3 || got[0][1] != "2" || got[0][2] != "1.5" || got[0][3] != "-0.5" || got[2][3] != "0" {
		t.Errorf("Restatement sheet rows %q", got)
	}
	if r := footprint(t, dir, "report", "--out", filepath.Join(dir, "plain")); r.code != 0 {
		t.Fatal(r.stderr)
	} else if g, _ := excelize.OpenFile(filepath.Join(dir, "plain", "footprint-2024.xlsx")); g != nil {
		defer g.Close()
		if idx, _ := g.GetSheetIndex("Restatement"); idx >= 0 {
			t.Error("an export without --restate has a Restatement sheet")
		}
	}
}

// TestRestateBuiltin: the built-in library holds one version of each dataset, so restating
// the demo changes nothing, and says so year by year.
func TestRestateBuiltin(t *testing.T) {
	r := footprint(t, t.TempDir(), "calc", "--json", "--restate")
	var d struct {
		Years []struct {
			Year        int
			TotalMarket float64 `json:"total_market"`
		}
		Restated []struct {
			Year       int     `json:"year"`
			Difference float64 `json:"difference"`
		} `json:"restated"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Restated) != len(d.Years) || len(d.Years) == 0 {
		t.Fatalf("%d restated years for %d years", len(d.Restated), len(d.Years))
	}
	for i, y := range d.Years {
		if x := d.Restated[i]; x.Year != y.Year || x.Difference != 0 {
			t.Errorf("restated %+v for year %d (total %v)", x, y.Year, y.TotalMarket)
		}
	}
}

func nearAll(got, want []float64) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if !near(got[i], want[i]) {
			return false
		}
	}
	return true
}

// TestBrowserRestatement: the report's restatement chart is drawn and holds calc --json's
// figures (to a tenth of a tonne).
func TestBrowserRestatement(t *testing.T) {
	ctx := newBrowser(t)
	dir := site(t, restateConfig,
		[]any{2022, "Plant", "", "Supplier.Steel", 1000, "kg"},
		[]any{2023, "Plant", "", "Supplier.Steel", 1000, "kg"},
		[]any{2024, "Plant", "", "Supplier.Steel", 1000, "kg"})
	out := filepath.Join(dir, "out")
	if r := footprint(t, dir, "report", "--restate", "--out", out); r.code != 0 {
		t.Fatalf("report --restate: %s", r.stderr)
	}
	w, url := openReport(t, ctx, filepath.Join(out, "report.html"))
	c, ok := pageCharts(t, ctx)["chart-restatement"]
	if !ok || !c.Instance {
		t.Fatal("no echarts instance for chart-restatement")
	}
	years := c.categories(t, c.Option.XAxis)
	want := map[string][2]float64{"2022": {2, 1.5}, "2023": {2, 1.5}, "2024": {1.2, 1.2}}
	if len(years) != len(want) {
		t.Fatalf("years %v", years)
	}
	reported, restated := c.series(t, "As reported"), c.series(t, "Restated")
	for i, y := range years {
		sameFigure(t, "as reported "+y, reported[i], ptr(want[y][0]))
		sameFigure(t, "restated "+y, restated[i], ptr(want[y][1]))
	}
	w.check(t, url)
}

// TestRestateConfigMistakes: versions of one vintage need distinct publication years.
func TestRestateConfigMistakes(t *testing.T) {
	for _, tt := range []struct{ yaml, want string }{
		{`factors:
  custom:
    - {id: s, value: 2, unit: kg, scope: 3, category: 1, year: 2022, version: v1, published: 2023, source: EPD}
    - {id: s, value: 1, unit: kg, scope: 3, category: 1, year: 2022, version: v2, published: 2023, source: EPD}
`, "two vintages for year 2022"},
		{`factors:
  custom:
    - {id: s, value: 2, unit: kg, scope: 3, category: 1, year: 2022, published: 20231, source: EPD}
`, "published 20231"},
	} {
		dir := site(t, tt.yaml, []any{2022, "Plant", "", "s", 1, "kg"})
		r := footprint(t, dir, "calc", "--restate")
		if r.code != 1 || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("exit %d, stderr %q; want 1 and %q", r.code, r.stderr, tt.want)
		}
	}
}
