package html

import (
	"slices"
	"strconv"
	"testing"

	"github.com/footprint/footprint/pipeline"
	"github.com/footprint/footprint/reports"
)

// gapYearsReport computes the site of reports/testdata/gap-years: data for 2019 and 2025
// only, a trajectory from 2019 to 2030, credits.
func gapYearsReport(t *testing.T) reports.Report {
	t.Helper()
	res, err := pipeline.Run(pipeline.Options{ConfigPath: "../testdata/gap-years/config.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(res.Close)
	return reports.New(res)
}

// tableOf is the table of the page whose caption is caption.
func tableOf(t *testing.T, r reports.Report, caption string) *htmlTable {
	t.Helper()
	for _, s := range newView(r).Sections {
		for _, b := range s.Blocks {
			if b.Table != nil && b.Table.Caption == caption {
				return b.Table
			}
		}
	}
	t.Fatalf("no table %q", caption)
	return nil
}

// The years 2020–2024 have no data: the claim table says so and shows no residual, and the
// claim and reductions charts keep their place on the axis, empty (echarts' "-"), never a bar
// or a point at 0.
func TestClaimGapYears(t *testing.T) {
	r := gapYearsReport(t)
	tb := tableOf(t, r, "Claim check per year, tCO2e")
	col := map[string]int{}
	for i, h := range tb.Head {
		col[h] = i
	}
	opts := chartOptions(t, render(t, r))
	series := func(name string) []any { return seriesOf(t, opts, ChartClaim, name) }
	residual, high := series("Residual gross emissions in the boundary"), series("Residual, 95 % upper bound")
	abatement := seriesOf(t, opts, ChartReductions, "Abatement and growth")
	if len(tb.Rows) != 12 || len(residual) != 12 || len(high) != 12 || len(abatement) != 12 {
		t.Fatalf("%d rows, %d, %d and %d chart points; want 2019–2030", len(tb.Rows), len(residual), len(high), len(abatement))
	}
	for i, row := range tb.Rows {
		year := 2019 + i
		t.Run(strconv.Itoa(year), func(t *testing.T) {
			cell := func(h string) string { return row.Cells[col[h]].Text }
			if got := cell("Year"); got != strconv.Itoa(year) {
				t.Fatalf("row %d is %s", i, got)
			}
			if year < 2020 || year > 2024 {
				if cell("Verdict") == "no data" || cell("Residual") == emDash || residual[i] == echartsNone || high[i] == echartsNone || abatement[i] == echartsNone {
					t.Errorf("verdict %q, residual %q, charts %v/%v/%v: a year with data or a projection has a residual and a reduction", cell("Verdict"), cell("Residual"), residual[i], high[i], abatement[i])
				}
				return
			}
			if got := cell("Verdict"); got != "no data" {
				t.Errorf("verdict %q, want no data", got)
			}
			if got := cell("Reasons"); got != "no data for the year" {
				t.Errorf("reasons %q, want only: no data for the year", got)
			}
			if cell("Residual") != emDash || cell("Upper bound (95 %)") != emDash {
				t.Errorf("residual %q, upper bound %q; want %s", cell("Residual"), cell("Upper bound (95 %)"), emDash)
			}
			if residual[i] != echartsNone || high[i] != echartsNone || abatement[i] != echartsNone {
				t.Errorf("chart residual %v, upper bound %v, abatement %v; want %q (no value), not 0", residual[i], high[i], abatement[i], echartsNone)
			}
		})
	}
}

// seriesOf is the data of the series name of chart id, each item's value.
func seriesOf(t *testing.T, opts map[string]map[string]any, id, name string) []any {
	t.Helper()
	for _, s := range opts[id]["series"].([]any) {
		s := s.(map[string]any)
		if s["name"] == name {
			var out []any
			for _, d := range s["data"].([]any) {
				if m, ok := d.(map[string]any); ok {
					d = m["value"]
				}
				out = append(out, d)
			}
			return out
		}
	}
	t.Fatalf("%s has no series %q", id, name)
	return nil
}

// A reporting year without data (--year 2022) has no claim to hold, and no residual of 0 t.
func TestClaimCardGapYear(t *testing.T) {
	r := gapYearsReport(t)
	r.ReportingYear = 2022
	c, ok := claimCard(r, r.ReportingYear, reports.Tonnes)
	if !ok {
		t.Fatal("no claim card for 2022")
	}
	if c.Value != "no claim" || !slices.Contains(c.Notes, "no activity data for 2022: its residual is unknown") {
		t.Errorf("card %q, notes %q; want no claim, and the residual unknown", c.Value, c.Notes)
	}
}
