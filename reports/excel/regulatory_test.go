package excel_test

import (
	"math"
	"strconv"
	"testing"
)

// The BEGES sheet's 22 postes add up to the location-based total of E1-6, and the E1-5
// shares to 100 %, in the demo export read back.
func TestExportRegulatorySheets(t *testing.T) {
	e := demoInventory(t)
	b, _ := writeExportBytes(t, e)
	f := openWorkbook(t, b)
	beges := readSheet(t, f, "BEGES")
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%q is not a number", s)
		}
		return v
	}
	sums := map[string]float64{}
	totals := map[string]float64{}
	for _, r := range beges.rows[3:] {
		if len(r) < 14 {
			continue
		}
		switch {
		case len(r[2]) == 3: // a poste "1.1"
			sums[r[0]] += num(r[13])
		case r[1] == "Total":
			totals[r[0]] = num(r[13])
		}
	}
	if len(totals) != 2 {
		t.Fatalf("BEGES totals for %v, want the reporting and base years", totals)
	}
	for _, y := range e.Years {
		key := strconv.Itoa(y.Year)
		tot, ok := totals[key]
		if !ok {
			continue
		}
		if math.Abs(tot-y.TotalLocation) > 1e-6*y.TotalLocation || math.Abs(sums[key]-tot) > 1e-6*tot {
			t.Errorf("%d: BEGES total %v, postes %v, inventory location-based %v", y.Year, tot, sums[key], y.TotalLocation)
		}
	}
	e15 := readSheet(t, f, "ESRS E1-5")
	rows := map[string][]string{}
	for _, r := range e15.rows {
		if len(r) > 0 {
			rows[r[0]] = r
		}
	}
	fossil, nuclear, renewable := rows["Share of fossil sources in total energy consumption (%)"],
		rows["Share of consumption from nuclear sources in total energy consumption (%)"], rows["Share of renewable sources in total energy consumption (%)"]
	if fossil == nil || nuclear == nil || renewable == nil {
		t.Fatalf("E1-5 share rows missing: %v", e15.rows)
	}
	for c := 2; c < 2+len(e.EnergyTables.Energy); c++ {
		if s := num(fossil[c]) + num(nuclear[c]) + num(renewable[c]); math.Abs(s-1) > 1e-9 {
			t.Errorf("E1-5 column %d: shares add up to %v", c, s)
		}
	}
	if reg := readSheet(t, f, "Refrigerants"); len(reg.rows) != 3+len(e.EnergyTables.Refrigerants) {
		t.Errorf("Refrigerants sheet: %d rows for %d register rows", len(reg.rows), len(e.EnergyTables.Refrigerants))
	}
}
