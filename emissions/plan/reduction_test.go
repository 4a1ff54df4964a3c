package plan

import (
	"math"
	"strconv"
	"testing"

	"github.com/footprint/footprint/emissions"
)

// Pole P1 (activity a) closes in 2022 and pole P2 (activity b) in 2023. In 2021 activity a's
// factor falls by a fifth for the same quantity: a factor effect of −20 t. From 2023 on
// every activity has ended: the whole change is discontinued, with no factor effect at all
// (+0, not −0), and 2024 shares 2023's events.
func TestReductionsSplit(t *testing.T) {
	l := func(y int, pole, act string, tco2e, converted float64) emissions.Line {
		return emissions.Line{Year: y, Pole: pole, Site: "S", Activity: act, Part: emissions.PartDirect, Scope: 1,
			FactorID: "f." + act, FactorYear: y, FactorUnit: "t", Converted: converted, TCO2e: tco2e, Rows: 1}
	}
	lines := []emissions.Line{
		l(2019, "P1", "a", 100, 100), l(2019, "P2", "b", 50, 50),
		l(2021, "P1", "a", 80, 100), l(2021, "P2", "b", 50, 50),
		l(2022, "P2", "b", 40, 40),
		l(2023, "P2", "b", 30, 30),
		l(2024, "P2", "b", 20, 20),
	}
	pol := BasePolicy{Events: []StructuralEvent{
		{Year: 2022, Type: EventClosure, Poles: []string{"P1"}},
		{Year: 2023, Type: EventClosure, Poles: []string{"P2"}},
	}}
	traj := &Trajectory{BaseYear: 2019, LastActualYear: 2024, Boundary: []int{1}, Scope2Method: emissions.MethodMarket}
	for y := 2019; y <= 2024; y++ {
		traj.Years = append(traj.Years, TrajectoryYear{Year: y})
	}
	want := []Reduction{
		{Year: 2019},
		{Year: 2021, Total: 20, Factors: 20},
		{Year: 2022, Total: 110, Discontinued: 100, Abatement: 10},
		{Year: 2023, Total: 120, Discontinued: 120},
		{Year: 2024, Total: 130, Discontinued: 130},
	}
	got := Reductions(lines, pol, traj)
	if len(got) != len(want) {
		t.Fatalf("%d reductions, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		t.Run(strconv.Itoa(w.Year), func(t *testing.T) {
			g := got[i]
			if g.Year != w.Year || !near(g.Total, w.Total) || !near(g.Discontinued, w.Discontinued) || !near(g.Factors, w.Factors) ||
				!near(g.Instruments, w.Instruments) || !near(g.Abatement, w.Abatement) {
				t.Errorf("got %+v, want %+v", g, w)
			}
			if w.Year >= 2023 && math.Signbit(g.Factors) {
				t.Errorf("factors %v: no continuing activity, so no factor effect, not −0", g.Factors)
			}
		})
	}
}
