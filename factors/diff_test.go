package factors

import (
	"math"
	"reflect"
	"testing"
)

// Compare: by id (its Key) and year; one entry per changed field, a % change for quantities
// only; of several versions of a vintage, the latest published stands for it. Weigh moves
// activity × change / 1000 and ranks by the size of the move.
func TestCompare(t *testing.T) {
	f := func(id string, year int, value float64) Factor { return testFactor(id, year, value) }
	old := []Factor{f("grid", 2024, 0.2), f("gas", 0, 0.25), f("gone", 0, 1), f("same", 0, 3)}
	revised := f("grid", 2024, 0.3)
	revised.Published = 2026
	earlier := f("grid", 2024, 0.9)
	earlier.Published = 2025
	gas := f("GAS", 0, 0.2)
	gas.Unit, gas.DataYear = "MWh", 2025
	d := Compare(old, []Factor{earlier, revised, gas, f("same", 0, 3), f("new", 2025, 2)})
	type row struct {
		id       string
		year     int
		field    string
		old, new any
		pct      float64 // -1: none
	}
	want := []row{
		{"GAS", 0, "value", 0.25, 0.2, -20},
		{"GAS", 0, "unit", "kWh", "MWh", -1},
		{"GAS", 0, "data_year", 0, 2025, -1},
		{"grid", 2024, "value", 0.2, 0.3, 50},
	}
	var got []row
	for _, c := range d.Changed {
		r := row{c.ID, c.Year, c.Field, c.Old, c.New, -1}
		if c.ChangePct != nil {
			r.pct = math.Round(*c.ChangePct*1e9) / 1e9
		}
		got = append(got, r)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("changed:\n%+v\nwant\n%+v", got, want)
	}
	if len(d.Added) != 1 || d.Added[0].ID != "new" || len(d.Archived) != 1 || d.Archived[0].ID != "gone" {
		t.Errorf("added %v, archived %v", d.Added, d.Archived)
	}
	d.Weigh(map[VintageKey]Use{{"grid", 2024}: {Direct: 10000}, {"gas", 0}: {Direct: 100000}})
	var moved []any
	for _, c := range d.Changed {
		if c.TCO2eMoved == nil {
			moved = append(moved, c.Field)
		} else {
			moved = append(moved, math.Round(*c.TCO2eMoved*1e9)/1e9)
		}
	}
	// gas: 100000 × −0.05 / 1000 = −5 t; grid: 10000 × 0.1 / 1000 = 1 t
	if want := []any{-5.0, 1.0, "unit", "data_year"}; !reflect.DeepEqual(moved, want) {
		t.Errorf("weighed and ranked: %v, want %v", moved, want)
	}
}
