package main

import (
	"encoding/json"
	"testing"

	"github.com/footprint/footprint/reports/jsondoc"
)

// calc --json on the demo: by_entity adds up to the total scope2_method selects, the entities'
// consolidated totals to both totals, and the investee not controlled is kept apart, gross.
func TestCalcJSONEntities(t *testing.T) {
	var doc jsondoc.Document
	if err := json.Unmarshal([]byte(footprint(t, t.TempDir(), "calc", "--json").stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Organisation == nil || doc.Organisation.Consolidation != "operational" {
		t.Fatalf("organisation %+v", doc.Organisation)
	}
	for _, y := range doc.Years {
		by, loc, mkt, jvGross := 0.0, 0.0, 0.0, 0.0
		for _, v := range y.ByEntity {
			by += v
		}
		for _, e := range y.Entities {
			loc += e.TotalLocation
			mkt += e.TotalMarket
			if !e.Control {
				if e.Share != 0 || e.TotalMarket != 0 {
					t.Errorf("%d: %s not controlled counts %v at share %v", y.Year, e.Name, e.TotalMarket, e.Share)
				}
				jvGross += e.Gross.Scope1
			}
		}
		if !closeTo(by, y.TotalMarket) || !closeTo(mkt, y.TotalMarket) || !closeTo(loc, y.TotalLocation) {
			t.Errorf("%d: by_entity %v, entities %v / %v; totals %v / %v", y.Year, by, loc, mkt, y.TotalLocation, y.TotalMarket)
		}
		if y.ESRS == nil || !closeTo(y.ESRS.InvesteesOutside.Scope1, jvGross) {
			t.Errorf("%d: esrs_e1_6 %+v, want the JV's gross Scope 1 %v apart", y.Year, y.ESRS, jvGross)
		}
		if y.Year >= 2023 && jvGross == 0 {
			t.Errorf("%d: the demo's joint venture has no gas", y.Year)
		}
	}
}
