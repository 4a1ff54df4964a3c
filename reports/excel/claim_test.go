package excel_test

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/footprint/footprint/config"
)

// ESRS E1-7 is never netted into E1-6: the demo's E1-6 sheet is the same, cell for cell, with its
// credits ledger and own removals and without them, and keeps the gross inventory; E1-7 lists
// them in the first export only.
func TestExportE16IgnoresCredits(t *testing.T) {
	with := demoInventory(t)
	without := demoInventoryWith(t, func(c *config.Config) {
		c.Trajectory.Neutrality.Credits, c.Trajectory.Neutrality.Removals = nil, nil
	})
	bw, _ := writeExportBytes(t, with)
	bo, _ := writeExportBytes(t, without)
	fw, fo := openWorkbook(t, bw), openWorkbook(t, bo)
	e16w, e16o := readSheet(t, fw, "ESRS E1-6"), readSheet(t, fo, "ESRS E1-6")
	if !reflect.DeepEqual(e16w.rows, e16o.rows) {
		for r := 1; r <= max(len(e16w.rows), len(e16o.rows)); r++ {
			for c := 1; c <= 20; c++ {
				if e16w.at(c, r) != e16o.at(c, r) {
					t.Errorf("E1-6 row %d col %d: %q with credits, %q without", r, c, e16w.at(c, r), e16o.at(c, r))
				}
			}
		}
	}
	label := "Total GHG emissions (market-based) (tCO2eq)"
	if r := e16w.findRow(label); r == 0 || !closeRel(num(t, e16w.at(4, r), label), yearsOf(with)[with.ReportingYear].TotalMarket) {
		t.Errorf("E1-6 %s: %q, want the gross inventory %v", label, e16w.at(4, r), yearsOf(with)[with.ReportingYear].TotalMarket)
	}

	// The demo's ledger for 2025: own removals 80 t (§56 a); 1,200 t retired on 2026-03-31
	// (after the reporting year: §59 b, on a row of its own); 3,000 t contracted and 5,000 t
	// planned (§59 b).
	e17 := readSheet(t, fw, "ESRS E1-7")
	want := map[string]float64{
		"Removals in own operations and value chain (E1-7 §56 a)":                       80,
		"Carbon credits cancelled after 2025, before this report (E1-7 §59 b)":          1200,
		"Carbon credits planned to be cancelled, under existing contracts (E1-7 §59 b)": 3000,
		"Carbon credits planned to be cancelled, not under contract (E1-7 §59 b)":       5000,
	}
	got := map[string]float64{}
	for r := 4; r <= len(e17.rows); r++ {
		got[e17.at(1, r)] += num(t, e17.at(6, r), "E1-7 tCO2e")
	}
	for k, w := range want {
		if math.Abs(got[k]-w) > 1e-9 {
			t.Errorf("E1-7 %s: %v t, want %v", k, got[k], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("E1-7 sections %v, want %v", got, want)
	}
	if e17o := readSheet(t, fo, "ESRS E1-7"); len(e17o.rows) != 3 {
		t.Errorf("E1-7 without a ledger: %d rows, want the title, note and header only", len(e17o.rows))
	}
}

// The Summary's table of contents is how an auditor finds a sheet: it names every sheet of the
// workbook, in the workbook's order, the claim sheets included.
func TestExportContentsListsEverySheet(t *testing.T) {
	b, _ := writeExportBytes(t, demoInventory(t))
	f := openWorkbook(t, b)
	s := readSheet(t, f, "Summary")
	r := s.findRow("Sheet")
	if r == 0 {
		t.Fatal("Summary: no Sheet/Contents table")
	}
	var listed []string
	for i := r + 1; i <= len(s.rows) && s.at(1, i) != ""; i++ {
		listed = append(listed, s.at(1, i))
	}
	if want := f.GetSheetList(); !reflect.DeepEqual(listed, want) {
		t.Errorf("Summary contents list %q,\nwant the workbook's sheets %q", listed, want)
	}
}

// A credit's vintage is a year: an auditor sorts and filters it as a number, so it is written
// as one; only a credit without a vintage shows "—".
func TestExportE17VintageIsANumber(t *testing.T) {
	b, _ := writeExportBytes(t, demoInventory(t))
	f := openWorkbook(t, b)
	if v, _ := f.GetCellValue("ESRS E1-7", "D3"); v != "Vintage" {
		t.Fatalf("ESRS E1-7 D3: %q, want the Vintage header", v)
	}
	years := 0
	// dumpCells gives each cell's type as the golden files do: n for a number, s for text.
	for _, line := range strings.Split(dumpCells(t, f), "\n") {
		ref, rest, ok := strings.Cut(line, "\t")
		if !ok || !strings.HasPrefix(ref, "ESRS E1-7!D") || ref == "ESRS E1-7!D3" {
			continue
		}
		switch {
		case strings.HasPrefix(rest, "n\t"):
			years++
		case rest != "s\t\"—\"":
			t.Errorf("%s: %s, want a year as a number or \"—\"", ref, rest)
		}
	}
	if years == 0 {
		t.Error("ESRS E1-7: no credit with a vintage in the demo; the test checks nothing")
	}
}
