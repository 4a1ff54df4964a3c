package jsondoc_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/reports"
	"github.com/footprint/footprint/reports/jsondoc"
)

// docs/json.md's contract: a list the run has nothing for is [], never null, and the
// organisation is null without one; a year carries its totals under their documented names.
func TestNewEmptyAndOneYear(t *testing.T) {
	tests := []struct {
		name string
		r    reports.Report
		want map[string]string // top-level key → its JSON
	}{
		{"no data", reports.Report{GWP: "AR6", Scope2Method: emissions.MethodMarket},
			map[string]string{"years": "[]", "trajectory": "[]", "intensity_targets": "[]", "changes": "[]", "problems": "[]",
				"organisation": "null", "unit": `"tCO2e"`, "gwp": `"AR6"`, "scope2_method": `"market"`}},
		{"one year", reports.Report{GWP: "AR5", ReportingYear: 2024, Scope2Method: emissions.MethodLocation,
			Years: []emissions.YearTotals{{Year: 2024, Scope1: 1, Scope2Location: 2, Scope2Market: 3, TotalLocation: 3, TotalMarket: 4,
				Scope3Categories: map[int]float64{}}}},
			map[string]string{"reporting_year": "2024", "scope2_method": `"location"`, "trajectory": "[]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := jsondoc.New(tt.r).WriteJSON(&b); err != nil {
				t.Fatal(err)
			}
			var got map[string]json.RawMessage
			if err := json.Unmarshal(b.Bytes(), &got); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, b.String())
			}
			for k, want := range tt.want {
				var compact bytes.Buffer
				if err := json.Compact(&compact, got[k]); err != nil {
					t.Fatalf("%s: %v", k, err)
				}
				if compact.String() != want {
					t.Errorf("%s = %s, want %s", k, compact.String(), want)
				}
			}
			if len(tt.r.Years) == 1 {
				var years []map[string]any
				if err := json.Unmarshal(got["years"], &years); err != nil {
					t.Fatal(err)
				}
				if len(years) != 1 || years[0]["total_location"] != 3.0 || years[0]["scope2_market"] != 3.0 || years[0]["year"] != 2024.0 {
					t.Errorf("years = %v", years)
				}
			}
		})
	}
}
