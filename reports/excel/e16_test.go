package excel_test

import (
	"math"
	"strconv"
	"testing"

	"github.com/footprint/footprint/config"
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/reports/excel"
)

func TestAnnualTargetRate(t *testing.T) {
	tests := []struct {
		base, target      float64
		baseYear, tgtYear int
		want              float64
	}{
		{1000, 538, 2019, 2030, 0.042},    // SBTi 1.5 °C: 4.2 % of base a year over 11 years
		{1000, 700, 2019, 2030, 0.3 / 11}, // linear −30 % at 2030
		{1000, 1000, 2020, 2030, 0},       // no reduction
		{1000, 1100, 2020, 2030, -0.01},   // a target above the base is a negative reduction
		{500, 0, 2025, 2050, 0.04},        // to zero over 25 years
	}
	for _, tt := range tests {
		if got := excel.AnnualTargetRate(tt.base, tt.target, tt.baseYear, tt.tgtYear); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("AnnualTargetRate(%v, %v, %d, %d) = %v, want (1 − target/base)/(years) = %v", tt.base, tt.target, tt.baseYear, tt.tgtYear, got, tt.want)
		}
	}
}

// The E1-6 §50 split adds up to Scopes 1 and 2, the entities to the totals of both methods,
// whatever the consolidation approach; the intensity per net revenue is total ÷ revenue.
func TestExportE16Consolidation(t *testing.T) {
	for _, approach := range []string{emissions.ConsolidationOperational, emissions.ConsolidationEquity} {
		e := demoInventoryWith(t, func(c *config.Config) { c.Organisation.Consolidation = approach })
		b, _ := writeExportBytes(t, e)
		f := openWorkbook(t, b)
		s := readSheet(t, f, "ESRS E1-6")
		years := yearsOf(e)
		n := e.ReportingYear
		at := func(label string, col int) float64 {
			t.Helper()
			r := s.findRow(label)
			if r == 0 {
				t.Fatalf("%s: no row %q", approach, label)
			}
			return num(t, s.at(col, r), label)
		}
		const group = "the consolidated accounting group (the parent and subsidiaries)"
		const inv = "investees (associates, joint ventures, unconsolidated subsidiaries, joint arrangements)"
		for col, y := range map[int]int{2: e.Trajectory.BaseYear, 3: n - 1, 4: n} {
			t3 := years[y]
			for _, c := range []struct {
				what string
				want float64
			}{{"Gross Scope 1 GHG emissions from ", t3.Scope1},
				{"Gross location-based Scope 2 GHG emissions from ", t3.Scope2Location},
				{"Gross market-based Scope 2 GHG emissions from ", t3.Scope2Market}} {
				if got := at(c.what+group+" (tCO2eq)", col) + at(c.what+inv+" (tCO2eq)", col); math.Abs(got-c.want) > 1e-9*math.Max(1, c.want) {
					t.Errorf("%s %d: %sgroup + investees = %v, want %v", approach, y, c.what, got, c.want)
				}
			}
			// Intensity per net revenue: the totals of both methods over the revenue row.
			rev := at("Net revenue used to calculate GHG intensity (M EUR)", col)
			for _, m := range []struct {
				label string
				total float64
			}{{"Total GHG emissions (location-based) per net revenue (tCO2eq/M EUR)", t3.TotalLocation},
				{"Total GHG emissions (market-based) per net revenue (tCO2eq/M EUR)", t3.TotalMarket}} {
				if got := at(m.label, col); !closeRel(got, m.total/rev) {
					t.Errorf("%s %d: %s %v, want %v", approach, y, m.label, got, m.total/rev)
				}
			}
		}
		jv := 0.0
		for _, es := range e.Regulatory.Entities[n] {
			if es.Name == "Batteries Seconde Vie SAS" {
				jv = es.Gross.Scope1
			}
		}
		r := s.findRow("Gross Scope 1 GHG emissions from " + inv + " (tCO2eq)")
		switch approach {
		case emissions.ConsolidationEquity:
			// The JV counts at its 40 %: the investees' row holds it, and no row is left apart.
			if got := num(t, s.at(4, r), "investees"); !closeRel(got, 0.4*jv) || jv == 0 {
				t.Errorf("equity: investees' Scope 1 %v, want 40 %% of %v", got, jv)
			}
			if s.findRow("Investees not controlled, outside the consolidated totals above: gross Scope 1 (tCO2eq)") != 0 {
				t.Error("equity: a row of investees outside the totals")
			}
		default:
			if got := num(t, s.at(4, r), "investees"); got != 0 {
				t.Errorf("operational: investees' Scope 1 %v, want 0", got)
			}
			if got := at("Investees not controlled, outside the consolidated totals above: gross Scope 1 (tCO2eq)", 4); !closeRel(got, jv) || jv == 0 {
				t.Errorf("operational: JV apart %v, want its gross %v", got, jv)
			}
		}

		// The Entities sheet: each year's consolidated totals add up to the inventory's.
		ent := readSheet(t, f, "Entities")
		loc, mkt := map[int]float64{}, map[int]float64{}
		for _, row := range ent.rows[3:] {
			y, _ := strconv.Atoi(row[0])
			loc[y] += num(t, row[9], "entity total location")
			mkt[y] += num(t, row[10], "entity total market")
		}
		for y, t3 := range years {
			if math.Abs(loc[y]-t3.TotalLocation) > 1e-9*t3.TotalLocation || math.Abs(mkt[y]-t3.TotalMarket) > 1e-9*t3.TotalMarket {
				t.Errorf("%s %d: entities %v / %v, totals %v / %v", approach, y, loc[y], mkt[y], t3.TotalLocation, t3.TotalMarket)
			}
		}
	}
}
