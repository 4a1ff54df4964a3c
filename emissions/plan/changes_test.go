package plan

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/footprint/footprint/emissions"
)

func changeLine(year int, activity string, qty, factor float64) emissions.Line {
	return emissions.Line{Year: year, Site: "S", Pole: "P", Activity: activity, Part: emissions.PartDirect, Scope: 1,
		FactorID: activity, FactorUnit: "kWh", Converted: qty, FactorValue: factor, TCO2e: qty * factor / 1000}
}

func TestChangesKnownParts(t *testing.T) {
	tests := []struct {
		name                  string
		lines                 []emissions.Line
		activity, factor, oth float64
	}{
		{"quantity doubles, same factor: all activity effect",
			[]emissions.Line{changeLine(2023, "gas", 1000, 0.2), changeLine(2024, "gas", 2000, 0.2)}, 0.2, 0, 0},
		{"factor changes, same quantity: all factor effect",
			[]emissions.Line{changeLine(2023, "grid", 1000, 0.1), changeLine(2024, "grid", 1000, 0.3)}, 0, 0.2, 0},
		{"a new activity: other",
			[]emissions.Line{changeLine(2023, "gas", 1000, 0.2), changeLine(2024, "gas", 1000, 0.2), changeLine(2024, "diesel", 500, 2)}, 0, 0, 1},
		{"a removed activity: other",
			[]emissions.Line{changeLine(2023, "gas", 1000, 0.2), changeLine(2023, "diesel", 500, 2), changeLine(2024, "gas", 1000, 0.2)}, 0, 0, -1},
		// Both at once: E = QF, Q ×2 and F ×2 from 1 t to 4 t: L = 3/ln 4, each effect L·ln 2 = 1.5.
		{"both double: half and half (LMDI)",
			[]emissions.Line{changeLine(2023, "gas", 1000, 1), changeLine(2024, "gas", 2000, 2)}, 1.5, 1.5, 0},
		// A zero factor in one year: the log-mean has no meaning, the change is other.
		{"zero emissions in the first year: other",
			[]emissions.Line{changeLine(2023, "gas", 1000, 0), changeLine(2024, "gas", 1000, 0.2)}, 0, 0, 0.2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := Changes(tt.lines, emissions.MethodMarket, BasePolicy{}, 2023, 2024)
			if len(cs) != 1 {
				t.Fatalf("%d changes, want 1 (2023 → 2024 once, not again as base → reporting)", len(cs))
			}
			c := cs[0]
			if c.From != 2023 || c.To != 2024 || !near(c.ActivityEffect, tt.activity) || !near(c.FactorEffect, tt.factor) || !near(c.Other, tt.oth) {
				t.Errorf("got %d→%d activity %v factor %v other %v; want %v %v %v", c.From, c.To, c.ActivityEffect, c.FactorEffect, c.Other, tt.activity, tt.factor, tt.oth)
			}
			sumsToChange(t, c)
		})
	}
}

func sumsToChange(t *testing.T, c Change) {
	t.Helper()
	change := c.TotalTo - c.TotalFrom
	parts := c.ActivityEffect + c.FactorEffect + c.Other + c.Discontinued
	if math.Abs(parts-change) > 1e-9*math.Max(1, math.Max(math.Abs(c.TotalFrom), math.Abs(c.TotalTo))) {
		t.Errorf("%d→%d: parts %v ≠ change %v", c.From, c.To, parts, change)
	}
	var a, f, o, dc, from, to float64
	for _, ac := range c.ByActivity {
		a, f, o, dc, from, to = a+ac.ActivityEffect, f+ac.FactorEffect, o+ac.Other, dc+ac.Discontinued, from+ac.From, to+ac.To
		if d := ac.ActivityEffect + ac.FactorEffect + ac.Other + ac.Discontinued - (ac.To - ac.From); math.Abs(d) > 1e-9*math.Max(1, math.Abs(ac.To)+math.Abs(ac.From)) {
			t.Errorf("%d→%d %s: parts off the change by %v", c.From, c.To, ac.Activity, d)
		}
	}
	if !near(a, c.ActivityEffect) || !near(f, c.FactorEffect) || !near(o, c.Other) || !near(dc, c.Discontinued) || !near(from, c.TotalFrom) || !near(to, c.TotalTo) {
		t.Errorf("%d→%d: the activities do not add up to the totals", c.From, c.To)
	}
}

// Pairs: consecutive years with data (a gap year is skipped), then base → reporting year.
func TestChangesPairs(t *testing.T) {
	lines := []emissions.Line{changeLine(2019, "gas", 1, 1), changeLine(2021, "gas", 2, 1), changeLine(2022, "gas", 3, 1), changeLine(2024, "gas", 4, 1)}
	cs := Changes(lines, emissions.MethodMarket, BasePolicy{}, 2019, 2024)
	want := [][2]int{{2019, 2021}, {2021, 2022}, {2022, 2024}, {2019, 2024}}
	if len(cs) != len(want) {
		t.Fatalf("%d changes, want %v", len(cs), want)
	}
	for i, w := range want {
		if cs[i].From != w[0] || cs[i].To != w[1] || cs[i].BaseToReporting != (i == 3) {
			t.Errorf("change %d: %d→%d (base %v), want %v", i, cs[i].From, cs[i].To, cs[i].BaseToReporting, w)
		}
	}
	if cs := Changes(lines, emissions.MethodMarket, BasePolicy{}, 2018, 2024); len(cs) != 3 {
		t.Errorf("a base year without data: %d changes, want the 3 consecutive pairs", len(cs))
	}
}

// The market-based mix of one activity (instruments, residual mix) is one element: a change
// of the mix is a factor effect, not a new activity. Location-based lines do not count.
func TestChangesMarketMix(t *testing.T) {
	loc := func(y int) emissions.Line {
		l := changeLine(y, "grid", 1000, 0.05)
		l.Scope, l.Method = 2, emissions.MethodLocation
		return l
	}
	mkt := func(y int, qty, f float64, id string) emissions.Line {
		l := changeLine(y, "grid", qty, f)
		l.Scope, l.Method, l.FactorID = 2, emissions.MethodMarket, id
		return l
	}
	lines := []emissions.Line{loc(2023), mkt(2023, 1000, 0.4, "residual-mix"), loc(2024), mkt(2024, 500, 0, "instruments"), mkt(2024, 500, 0.4, "residual-mix")}
	c := Changes(lines, emissions.MethodMarket, BasePolicy{}, 2023, 2024)[0]
	if !near(c.TotalFrom, 0.4) || !near(c.TotalTo, 0.2) || !near(c.FactorEffect, -0.2) || c.ActivityEffect != 0 || c.Other != 0 {
		t.Errorf("got %+v", c)
	}
}

// Property: over random inventories, the parts always add to the change, per activity and in
// total, and an inventory compared with itself scaled by k has only an activity effect.
func TestChangesSumProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	acts := []string{"a", "b", "c", "d", "e"}
	for trial := 0; trial < 500; trial++ {
		var lines []emissions.Line
		for y := 2020; y <= 2023; y++ {
			for _, a := range acts {
				if rng.IntN(4) == 0 {
					continue // absent this year: new or removed
				}
				qty := rng.Float64() * 1e6
				if rng.IntN(10) == 0 {
					qty = 0
				}
				f := rng.Float64() * 3
				if rng.IntN(10) == 0 {
					f = 0
				}
				l := changeLine(y, a, qty, f)
				l.Pole = []string{"P", "Q"}[rng.IntN(2)]
				lines = append(lines, l)
			}
		}
		// Random closures, divestments and outsourcings (any treatment) over activities, poles
		// or both: the parts, discontinued included, still add up.
		var pol BasePolicy
		for range rng.IntN(3) {
			ev := StructuralEvent{Year: 2020 + rng.IntN(4), Type: []string{EventClosure, EventDivestment, EventOutsourcing, EventAcquisition}[rng.IntN(4)],
				Treatment: []string{"", TreatmentOrganic, TreatmentRecalculate}[rng.IntN(3)]}
			if rng.IntN(2) == 0 {
				ev.Activities = []string{acts[rng.IntN(len(acts))]}
			}
			if rng.IntN(2) == 0 || ev.Activities == nil {
				ev.Poles = []string{"P"}
			}
			pol.Events = append(pol.Events, ev)
		}
		for _, p := range []BasePolicy{{}, pol} {
			for _, c := range Changes(lines, emissions.MethodMarket, p, 2020, 2023) {
				sumsToChange(t, c)
			}
		}
		if t.Failed() {
			t.Fatalf("trial %d: %+v", trial, lines)
		}
	}
	var lines []emissions.Line
	for _, a := range acts {
		k := 1 + rng.Float64()*3
		lines = append(lines, changeLine(2023, a, 100, 2), changeLine(2024, a, 100*k, 2))
	}
	c := Changes(lines, emissions.MethodMarket, BasePolicy{}, 2023, 2024)[0]
	if math.Abs(c.FactorEffect) > 1e-9 || c.Other != 0 || c.Discontinued != 0 || !near(c.ActivityEffect, c.TotalTo-c.TotalFrom) {
		t.Errorf("quantities scaled, factors kept: %+v", c)
	}
}

// Sites and poles do not make elements: an activity moving from one pole to another is a
// change of quantity, not a removal and an addition.
func TestChangesAcrossPoles(t *testing.T) {
	a, b := changeLine(2023, "gas", 1000, 0.2), changeLine(2024, "gas", 500, 0.2)
	b.Pole, b.Site = "Q", "T"
	c := Changes([]emissions.Line{a, b}, emissions.MethodMarket, BasePolicy{}, 2023, 2024)[0]
	if !near(c.ActivityEffect, -0.1) || c.Other != 0 {
		t.Errorf("got %+v", c)
	}
}

// A closure labels what it ends as discontinued, and only that (docs/methodology.md#what-changed-additive-lmdi: with organic
// treatment nothing is restated, the drop is labelled in every explanation of change).
// Assembly (pole A) burns 1000 kWh of gas at 0.2 kg/kWh = 0.2 t and 500 kWh of power at
// 0.1 = 0.05 t in 2022 and 2023, half of it in 2024 (closed in March), none in 2025; the
// retrofit pole (R) burns gas, 1000 kWh at 0.2 in 2022 and 2023, 1500 kWh in 2024 and 2025.
func TestChangesDiscontinued(t *testing.T) {
	at := func(y int, pole, act string, qty, f float64) emissions.Line {
		l := changeLine(y, act, qty, f)
		l.Pole = pole
		return l
	}
	var lines []emissions.Line
	for _, y := range []int{2022, 2023} {
		lines = append(lines, at(y, "A", "gas", 1000, 0.2), at(y, "A", "power", 500, 0.1), at(y, "R", "gas", 1000, 0.2))
	}
	lines = append(lines, at(2024, "A", "gas", 500, 0.2), at(2024, "A", "power", 250, 0.1), at(2024, "R", "gas", 1500, 0.2), at(2025, "R", "gas", 1500, 0.2))
	closure := func(treatment string) BasePolicy {
		return BasePolicy{Events: []StructuralEvent{{Year: 2024, Type: EventClosure, Poles: []string{"a"}, Activities: []string{"*"}, Treatment: treatment}}}
	}
	type parts struct{ act, fac, oth, disc float64 }
	tests := []struct {
		name string
		pol  BasePolicy
		want map[[2]int]parts
	}{
		// Gas at R grows ×1.5: activity effect 0.1. Without the event, the pole's gas and power
		// winding down are activity effect of gas and power (all poles together), and power
		// gone in 2025 is removed (other).
		{"no event", BasePolicy{}, map[[2]int]parts{
			{2022, 2023}: {0, 0, 0, 0},
			{2023, 2024}: {-0.025, 0, 0, 0}, // gas 0.4 t → 0.4 t (A −0.1, R +0.1), power 0.05 t → 0.025 t
			{2024, 2025}: {-0.1, 0, -0.025, 0},
			{2022, 2025}: {-0.1, 0, -0.05, 0},
		}},
		{"organic closure", closure(TreatmentOrganic), map[[2]int]parts{
			{2022, 2023}: {0, 0, 0, 0},
			{2023, 2024}: {0.1, 0, 0, -0.125},
			{2024, 2025}: {0, 0, 0, -0.125},
			{2022, 2025}: {0.1, 0, 0, -0.25},
		}},
		// The reported inventory is the same whatever the treatment: a recalculated closure
		// labels the drop too (the trajectory restates the base year, not this comparison).
		{"recalculated closure", closure(TreatmentRecalculate), map[[2]int]parts{
			{2023, 2024}: {0.1, 0, 0, -0.125},
			{2022, 2025}: {0.1, 0, 0, -0.25},
		}},
		// An acquisition ends nothing; a closure in another year is outside the comparison.
		{"acquisition", BasePolicy{Events: []StructuralEvent{{Year: 2024, Type: EventAcquisition, Poles: []string{"A"}}}}, map[[2]int]parts{
			{2023, 2024}: {-0.025, 0, 0, 0},
		}},
		{"closure of 2026", BasePolicy{Events: []StructuralEvent{{Year: 2026, Type: EventClosure, Poles: []string{"A"}}}}, map[[2]int]parts{
			{2022, 2025}: {-0.1, 0, -0.05, 0},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[[2]int]Change{}
			for _, c := range Changes(lines, emissions.MethodMarket, tt.pol, 2022, 2025) {
				got[[2]int{c.From, c.To}] = c
				sumsToChange(t, c)
			}
			for k, w := range tt.want {
				c, ok := got[k]
				if !ok {
					t.Fatalf("no change %v", k)
				}
				if !near(c.ActivityEffect, w.act) || !near(c.FactorEffect, w.fac) || !near(c.Other, w.oth) || !near(c.Discontinued, w.disc) {
					t.Errorf("%v: activity %v factor %v other %v discontinued %v; want %+v", k, c.ActivityEffect, c.FactorEffect, c.Other, c.Discontinued, w)
				}
				if (w.disc != 0) != (len(c.Events) == 1) {
					t.Errorf("%v: events %v", k, c.Events)
				}
			}
		})
	}
}

// A closure whose activity drops to zero: discontinued is its base emissions, per activity and
// in total, and the other parts leave it out.
func TestChangesClosureToZero(t *testing.T) {
	lines := []emissions.Line{changeLine(2019, "press", 4000, 0.5), changeLine(2019, "oven", 1000, 0.2),
		changeLine(2025, "oven", 2000, 0.2)}
	pol := BasePolicy{Events: []StructuralEvent{{Year: 2024, Type: EventClosure, Activities: []string{"pre*"}, Treatment: TreatmentOrganic}}}
	cs := Changes(lines, emissions.MethodMarket, pol, 2019, 2025)
	if len(cs) != 1 {
		t.Fatalf("%d changes, want 1", len(cs))
	}
	c := cs[0]
	// press: 2 t in 2019, none in 2025; oven: 0.2 t doubles to 0.4 t.
	if !near(c.Discontinued, -2) || !near(c.ActivityEffect, 0.2) || c.FactorEffect != 0 || c.Other != 0 {
		t.Errorf("got activity %v factor %v other %v discontinued %v; want 0.2 0 0 −2", c.ActivityEffect, c.FactorEffect, c.Other, c.Discontinued)
	}
	for _, a := range c.ByActivity {
		switch a.Activity {
		case "press":
			if a.Discontinued != -2 || a.ActivityEffect != 0 || a.FactorEffect != 0 || a.Other != 0 {
				t.Errorf("press: %+v", a)
			}
		case "oven":
			if a.Discontinued != 0 || !near(a.ActivityEffect, 0.2) {
				t.Errorf("oven: %+v", a)
			}
		}
	}
	sumsToChange(t, c)
	// Without the event, the same drop is a removed activity.
	if c := Changes(lines, emissions.MethodMarket, BasePolicy{}, 2019, 2025)[0]; !near(c.Other, -2) || c.Discontinued != 0 {
		t.Errorf("no event: %+v", c)
	}
}
