package plan

import (
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
)

// line is a made-up inventory line for trajectory tests.
func line(year, scope int, activity string, tco2e, converted float64) emissions.Line {
	l := emissions.Line{Year: year, Scope: scope, Activity: activity, TCO2e: tco2e, Converted: converted, Part: emissions.PartDirect, FactorID: activity}
	if scope == 3 {
		l.Category = 1
	}
	return l
}

func yearIn(t *testing.T, tr *Trajectory, y int) TrajectoryYear {
	t.Helper()
	for _, ty := range tr.Years {
		if ty.Year == y {
			return ty
		}
	}
	t.Fatalf("no trajectory year %d", y)
	return TrajectoryYear{}
}

func val(p *float64) float64 {
	if p == nil {
		return -1 // never a valid figure here
	}
	return *p
}

func TestTargetPathways(t *testing.T) {
	lines := []emissions.Line{line(2020, 1, "gas", 100000, 0), line(2021, 1, "gas", 90000, 0)}
	tests := []struct {
		target Target
		year   int
		want   float64
	}{
		{Target{Scopes: []int{1}, Pathway: PathwaySBTi15}, 2030, 58000},
		{Target{Scopes: []int{1}, Pathway: PathwaySBTi15}, 2025, 79000},
		{Target{Scopes: []int{1}, Pathway: PathwaySBTiWB}, 2030, 75000},
		{Target{Scopes: []int{1}, Pathway: PathwayLinear, ReductionPct: 50}, 2025, 75000},
		{Target{Scopes: []int{1}, Pathway: PathwayLinear, ReductionPct: 50}, 2030, 50000},
		{Target{Scopes: []int{1}, Pathway: PathwaySBTi15}, 2020, 100000},
	}
	for _, tt := range tests {
		tr, err := Project(Plan{BaseYear: 2020, TargetYear: 2030, Targets: []Target{tt.target}}, lines, testLibrary(t), &emissions.Problems{})
		if err != nil {
			t.Fatal(err)
		}
		if got := val(yearIn(t, tr, tt.year).Target); !near(got, tt.want) {
			t.Errorf("%s %v in %d = %v, want %v", tt.target.Pathway, tt.target.ReductionPct, tt.year, got, tt.want)
		}
	}
	// Never below zero: 4.2 %/yr over 30 years would be −26 %.
	tr, _ := Project(Plan{BaseYear: 2020, TargetYear: 2050, Targets: []Target{{Scopes: []int{1}, Pathway: PathwaySBTi15}}}, lines, testLibrary(t), &emissions.Problems{})
	if got := val(yearIn(t, tr, 2050).Target); got != 0 {
		t.Errorf("sbti-1.5 in 2050 = %v, want 0", got)
	}
}

func TestLeversAndCredits(t *testing.T) {
	// Last actual year 2025: gas 1,000 t from 5,000,000 kWh PCS; diesel 500 t; steel 200 t (Scope 3).
	lines := []emissions.Line{
		line(2024, 1, "gas", 1200, 6e6), line(2024, 1, "diesel", 500, 2e5),
		line(2025, 1, "gas", 1000, 5e6), line(2025, 1, "diesel", 500, 2e5), line(2025, 3, "steel", 200, 100),
	}
	heatPumps := Lever{Name: "heat pumps", Activities: []string{"GAS*"}, ReductionPct: 60, StartYear: 2026, FullYear: 2028}
	half := func(name string) Lever {
		return Lever{Name: name, Activities: []string{"diesel"}, ReductionPct: 50, StartYear: 2026, FullYear: 2026}
	}
	plan := Plan{BaseYear: 2024, TargetYear: 2030, Levers: []Lever{heatPumps, half("a"), half("b")},
		Credits: []Credit{{Year: 2030, TCO2e: 100}, {Year: 2030, TCO2e: 50}, {Year: 2029, TCO2e: 10}}}
	tr, err := Project(plan, lines, testLibrary(t), &emissions.Problems{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		year                 int
		bau, plan, gasCut    float64
		leverA, leverB, cred float64
	}{
		// Ramp 1/3, 2/3, 1 of 60 %; two 50 % levers on diesel compound to 75 %, not 100 %.
		{2026, 1700, 800 + 125 + 200, 200, 250, 125, 0},
		{2027, 1700, 600 + 125 + 200, 400, 250, 125, 0},
		{2028, 1700, 400 + 125 + 200, 600, 250, 125, 0},
		{2030, 1700, 400 + 125 + 200, 600, 250, 125, 150},
	}
	for _, tt := range tests {
		ty := yearIn(t, tr, tt.year)
		if !near(val(ty.BAU), tt.bau) || !near(val(ty.Plan), tt.plan) || ty.Credits != tt.cred || !near(val(ty.Net), tt.plan-tt.cred) {
			t.Errorf("%d: bau %v plan %v credits %v net %v; want %v %v %v", tt.year, val(ty.BAU), val(ty.Plan), ty.Credits, val(ty.Net), tt.bau, tt.plan, tt.cred)
		}
		if a := tr.Levers; !near(a[0].Abatement[tt.year], tt.gasCut) || !near(a[1].Abatement[tt.year], tt.leverA) || !near(a[2].Abatement[tt.year], tt.leverB) {
			t.Errorf("%d: abatement %v %v %v", tt.year, a[0].Abatement[tt.year], a[1].Abatement[tt.year], a[2].Abatement[tt.year])
		}
		if ty.Target != nil || ty.Gap != nil {
			t.Errorf("%d: no target configured, got target %v gap %v", tt.year, ty.Target, ty.Gap)
		}
	}
	for _, y := range []int{2024, 2025} {
		ty := yearIn(t, tr, y)
		if val(ty.Actual) != val(ty.BAU) || val(ty.Actual) != val(ty.Plan) {
			t.Errorf("%d: actual %v bau %v plan %v should be equal up to the last actual year", y, val(ty.Actual), val(ty.BAU), val(ty.Plan))
		}
	}
	if !near(tr.CreditsNeeded, 725-150) || tr.LastActualYear != 2025 {
		t.Errorf("credits needed %v, last actual %d", tr.CreditsNeeded, tr.LastActualYear)
	}
	if got := strings.Join(tr.Levers[0].Matched, ","); got != "gas" {
		t.Errorf("heat pumps matched %q", got)
	}
}

func TestGrowthAdditionsAndBoundary(t *testing.T) {
	lines := []emissions.Line{line(2025, 1, "test.gas.pcs", 1000, 5e6), line(2025, 3, "steel", 400, 100)}
	// 5,000,000 kWh PCS × 50 % removed × 0.3 kWh of electricity per kWh removed = 750,000 kWh at
	// 0.20 kgCO2e/kWh (test.electricity, Scope 2) = 150 t in the boundary {1, 2}.
	plan := Plan{TargetYear: 2030, GrowthPct: 10,
		Targets: []Target{{Name: "S1+2", Scopes: []int{1, 2}, Pathway: PathwayLinear, ReductionPct: 50}},
		Levers: []Lever{{Name: "hp", Activities: []string{"test.gas.*"}, ReductionPct: 50, StartYear: 2026, FullYear: 2026,
			Adds: []Addition{{Activity: "test.electricity", PerUnitRemoved: 0.3, Unit: "kWh"}}}}}
	tr, err := Project(plan, lines, testLibrary(t), &emissions.Problems{})
	if err != nil {
		t.Fatal(err)
	}
	if tr.BaseYear != 2025 || len(tr.Boundary) != 2 {
		t.Fatalf("base %d boundary %v", tr.BaseYear, tr.Boundary)
	}
	if y := yearIn(t, tr, 2025); val(y.Actual) != 1000 || y.ActualByScope[3] != 0 {
		t.Errorf("Scope 3 is outside the boundary: actual %v by scope %v", val(y.Actual), y.ActualByScope)
	}
	y := yearIn(t, tr, 2026)
	if !near(val(y.BAU), 1100) || !near(val(y.Plan), 550+165) || !near(tr.Levers[0].Abatement[2026], 550-165) {
		t.Errorf("2026: bau %v plan %v abatement %v", val(y.BAU), val(y.Plan), tr.Levers[0].Abatement[2026])
	}
	if !near(val(y.Target), 900) || !near(val(y.Gap), 715-900) {
		t.Errorf("2026: target %v gap %v", val(y.Target), val(y.Gap))
	}
	if y := yearIn(t, tr, 2027); !near(val(y.BAU), 1210) {
		t.Errorf("2027 bau %v", val(y.BAU))
	}
}

func TestProjectProblems(t *testing.T) {
	lines := []emissions.Line{line(2019, 1, "gas", 10, 1), line(2021, 1, "gas", 8, 1)}
	lib := testLibrary(t)
	if _, err := Project(Plan{BaseYear: 2018}, lines, lib, &emissions.Problems{}); err == nil || !strings.Contains(err.Error(), "2018 has no data (years with data: 2019, 2021)") {
		t.Errorf("base year without data: %v", err)
	}
	if _, err := Project(Plan{TargetYear: 2019}, lines, lib, &emissions.Problems{}); err == nil || !strings.Contains(err.Error(), "not after the base year") {
		t.Errorf("target before base: %v", err)
	}
	if _, err := Project(Plan{NeutralityYear: 2018}, lines, lib, &emissions.Problems{}); err == nil || !strings.Contains(err.Error(), "trajectory.neutrality.year: 2018 is before the base year 2019") {
		t.Errorf("neutrality before the (derived) base year: %v", err)
	}
	var credits emissions.Problems
	tr, err := Project(Plan{Credits: []Credit{{Year: 2030, TCO2e: 5, Name: "in"}, {Year: 2035, TCO2e: 7, Name: "late"}}}, lines, lib, &credits)
	if err != nil || len(credits.List()) != 1 || !strings.Contains(credits.List()[0].Message, `"late": year 2035 is outside the trajectory (2019–2030)`) {
		t.Errorf("a credit outside the trajectory is a warning: err %v problems %v", err, credits.List())
	}
	if got := yearIn(t, tr, 2030).Credits; got != 5 {
		t.Errorf("2030 credits %v, want 5", got)
	}
	bad := Plan{Levers: []Lever{{Name: "x", Activities: []string{"gas"}, ReductionPct: 10, StartYear: 2022, FullYear: 2022,
		Adds: []Addition{{Activity: "nope", PerUnitRemoved: 1, Unit: "kWh"}}}}}
	if _, err := Project(bad, lines, lib, &emissions.Problems{}); err == nil || !strings.Contains(err.Error(), `adds[0].activity: no factor "nope"`) {
		t.Errorf("unknown addition: %v", err)
	}
	var ps emissions.Problems
	tr, err = Project(Plan{Levers: []Lever{{Name: "solar", Activities: []string{"fr.electricity.*"}, ReductionPct: 10, StartYear: 2022, FullYear: 2022}}}, lines, lib, &ps)
	if err != nil || len(ps.List()) != 1 || !strings.Contains(ps.List()[0].Message, `"solar"`) {
		t.Errorf("unmatched lever: err %v problems %v", err, ps.List())
	}
	// A lever on an activity that stopped before the last year with data reduces nothing: warned.
	ps = emissions.Problems{}
	withCoal := append([]emissions.Line{line(2019, 1, "coal", 5, 1)}, lines...)
	if _, err := Project(Plan{Levers: []Lever{{Name: "no coal", Activities: []string{"coal"}, ReductionPct: 50, StartYear: 2022, FullYear: 2022}}}, withCoal, lib, &ps); err != nil ||
		len(ps.List()) != 1 || !strings.Contains(ps.List()[0].Message, "match no activity of 2021") {
		t.Errorf("lever on a stopped activity: err %v problems %v", err, ps.List())
	}
	// A year without data between actual years has no actual, plan or net.
	if y := yearIn(t, tr, 2020); y.Actual != nil || y.Plan != nil || y.Net != nil || y.Gap != nil {
		t.Errorf("2020: %+v", y)
	}
}

// A year holding only avoided rows is not an actual year of the trajectory.
func TestAvoidedOnlyYearIsNoActual(t *testing.T) {
	lines := []emissions.Line{line(2023, 1, "gas", 100, 0), {Year: 2024, Part: emissions.PartAvoided, Scope: 3, Category: 1, Activity: "x", TCO2e: 50}}
	var ps emissions.Problems
	tr, err := Project(Plan{}, lines, testLibrary(t), &ps)
	if err != nil {
		t.Fatal(err)
	}
	if tr.LastActualYear != 2023 || yearIn(t, tr, 2024).Actual != nil {
		t.Errorf("last actual %d, 2024 actual %v", tr.LastActualYear, yearIn(t, tr, 2024).Actual)
	}
}
