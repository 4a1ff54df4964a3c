package main

import (
	"encoding/json"
	"math"
	"testing"
)

// On the demo, each year's by_gwp sums to the total the Scope 2 method selects, and the
// configured set (the default, AR6) stays the document's gwp.
func TestDemoByGWPSumsToTotal(t *testing.T) {
	for _, gwp := range []string{"AR6"} {
		t.Run(gwp, func(t *testing.T) {
			r := footprint(t, t.TempDir(), "calc", "--json")
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			var doc struct {
				GWP    string `json:"gwp"`
				Method string `json:"scope2_method"`
				Years  []struct {
					Year          int                `json:"year"`
					TotalLocation float64            `json:"total_location"`
					TotalMarket   float64            `json:"total_market"`
					ByGWP         map[string]float64 `json:"by_gwp"`
				} `json:"years"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
				t.Fatal(err)
			}
			if doc.GWP != gwp || len(doc.Years) == 0 {
				t.Fatalf("gwp %q, %d years", doc.GWP, len(doc.Years))
			}
			for _, y := range doc.Years {
				total := y.TotalMarket
				if doc.Method == "location" {
					total = y.TotalLocation
				}
				sum := 0.0
				for _, v := range y.ByGWP {
					sum += v
				}
				if math.Abs(sum-total) > 1e-9*total || y.ByGWP[gwp] <= 0 {
					t.Errorf("%d: by_gwp %v sums to %v, total %v (want some tonnes on %s)", y.Year, y.ByGWP, sum, total, gwp)
				}
			}
		})
	}
}
