package claim

import (
	"math"
	"slices"
	"strconv"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/analysis"
	"github.com/footprint/footprint/emissions/plan"
)

// claimLines: in 2019 the ASSEMBLY pole emits 100 t and the KEEP pole 50 t (Scope 1); in 2024
// assembly has closed and KEEP emits 40 t with the same factor, plus 100 t of Scope 3
// category 11.
func claimLines() []emissions.Line {
	l := func(y int, pole, act string, scope, cat int, t float64) emissions.Line {
		return emissions.Line{Year: y, Pole: pole, Site: "S", Activity: act, Part: emissions.PartDirect, Scope: scope, Category: cat,
			FactorID: "f." + act, FactorYear: 2019, FactorUnit: "t", FactorValue: 1000, Converted: t, TCO2e: t, Rows: 1}
	}
	return []emissions.Line{
		l(2019, "ASSEMBLY", "press", 1, 0, 100),
		l(2019, "KEEP", "boiler", 1, 0, 50),
		l(2024, "KEEP", "boiler", 1, 0, 40),
		l(2024, "KEEP", "sold", 3, 11, 100),
	}
}

func claimPlan(treatment string) plan.Plan {
	return plan.Plan{BaseYear: 2019, TargetYear: 2030,
		Targets:    []plan.Target{{Name: "S1", Scopes: []int{1}, Pathway: plan.PathwayLinear, ReductionPct: 50}},
		BasePolicy: plan.BasePolicy{Events: []plan.StructuralEvent{{Year: 2024, Type: plan.EventClosure, Poles: []string{"ASSEMBLY"}, Treatment: treatment}}},
		Claim:      plan.ClaimBoundary{Scopes: []int{1}}}
}

func nearly(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func yearOfTraj(t *testing.T, tr *plan.Trajectory, y int) plan.TrajectoryYear {
	t.Helper()
	for _, ty := range tr.Years {
		if ty.Year == y {
			return ty
		}
	}
	t.Fatalf("no trajectory year %d", y)
	return plan.TrajectoryYear{}
}

// A closure treated as organic keeps the base year (150 t): the 2024 target is
// 150 × (1 − 0.5 × 5/11) = 115.909 t; without the closed pole the path would be 50 × the same
// factor = 38.636 t, and 40 t is above it, so the claim names the discontinued activity.
// Recalculated, the base is 50 t, the target 38.636 t, and 40 t is off target.
func TestClosureOrganicVsRecalculated(t *testing.T) {
	k := 1 - 0.5*5.0/11
	for _, tc := range []struct {
		treatment          string
		base, target       float64
		applied            bool
		actual2019         float64
		reason             string
		withoutDiscontinue *float64
	}{
		{plan.TreatmentOrganic, 150, 150 * k, false, 150, ReasonDiscontinued, ptr(50 * k)},
		{plan.TreatmentRecalculate, 50, 50 * k, true, 50, ReasonOffTarget, nil},
	} {
		t.Run(tc.treatment, func(t *testing.T) {
			var ps emissions.Problems
			tr, err := plan.Project(claimPlan(tc.treatment), claimLines(), nil, &ps)
			if err != nil {
				t.Fatal(err)
			}
			if tr.Base.Reported != 150 || !nearly(tr.Base.Recalculated, tc.base) || tr.Base.Applied != tc.applied {
				t.Errorf("base = %+v, want reported 150, recalculated %v, applied %v", tr.Base, tc.base, tc.applied)
			}
			y19, y24 := yearOfTraj(t, tr, 2019), yearOfTraj(t, tr, 2024)
			if !nearly(*y19.Actual, tc.actual2019) || *y19.ActualReported != 150 {
				t.Errorf("2019 actual %v (reported %v), want %v (150)", *y19.Actual, *y19.ActualReported, tc.actual2019)
			}
			if !nearly(*y24.Target, tc.target) {
				t.Errorf("2024 target %v, want %v", *y24.Target, tc.target)
			}
			if (y24.TargetWithoutDiscontinued == nil) != (tc.withoutDiscontinue == nil) ||
				(tc.withoutDiscontinue != nil && !nearly(*y24.TargetWithoutDiscontinued, *tc.withoutDiscontinue)) {
				t.Errorf("2024 target without discontinued %v, want %v", y24.TargetWithoutDiscontinued, tc.withoutDiscontinue)
			}
			// The reduction split is from the base year as reported, whatever the treatment:
			// 110 t, of which 100 t discontinued and 10 t abatement (same factor, less activity).
			for _, r := range plan.Reductions(claimLines(), claimPlan(tc.treatment).BasePolicy, tr) {
				if r.Year == 2024 && (!nearly(r.Total, 110) || !nearly(r.Discontinued, 100) || !nearly(r.Abatement, 10) || !nearly(r.Factors, 0) || !nearly(r.Instruments, 0)) {
					t.Errorf("2024 reduction %+v, want total 110 = discontinued 100 + abatement 10", r)
				}
			}
			cc, err := CheckClaims(claimPlan(tc.treatment), claimLines(), tr, nil, analysis.UncertaintyOptions{DefaultPct: 20, Iterations: 2000}, nil)
			if err != nil {
				t.Fatal(err)
			}
			cy, _ := cc.Year(2024)
			if !hasReason(cy, tc.reason) || cy.OK {
				t.Errorf("2024 claim %+v, want reason %s", cy, tc.reason)
			}
			if cy.Residual == nil || *cy.Residual != 40 {
				t.Errorf("residual %v, want 40 (Scope 1 only)", cy.Residual)
			}
		})
	}
}

func hasReason(cy ClaimYear, code string) bool {
	return slices.ContainsFunc(cy.Reasons, func(r ClaimReason) bool { return r.Code == code })
}

func codes(cy ClaimYear) []string {
	var out []string
	for _, r := range cy.Reasons {
		out = append(out, r.Code)
	}
	return out
}

// Each reason on its own: the 2024 figures are Scope 1 = 40 t, category 11 = 100 t, the
// target path (scopes 1 and 3, no closure) above them. The upper bound of 140 t at a 20 %
// default uncertainty is about 160 t.
func TestClaimReasons(t *testing.T) {
	// No closed pole (nothing discontinued), and a 2019 base of 250 t: 50 t Scope 1, 200 t
	// category 11; the 1 % target path is 247.5 t in 2024.
	lines := append(claimLines()[1:], emissions.Line{Year: 2019, Pole: "KEEP", Site: "S", Activity: "sold", Part: emissions.PartDirect, Scope: 3, Category: 11,
		FactorID: "f.sold", FactorYear: 2019, FactorUnit: "t", FactorValue: 1000, Converted: 200, TCO2e: 200, Rows: 1})
	base := plan.Plan{BaseYear: 2019, TargetYear: 2024,
		Targets: []plan.Target{{Scopes: []int{1, 3}, Pathway: plan.PathwayLinear, ReductionPct: 1}}}
	retired := func(y int, tco2e float64) plan.Credit {
		return plan.Credit{Year: y, TCO2e: tco2e, Status: plan.CreditRetired, RetirementDate: "2025-01-31", Kind: plan.CreditRemoval}
	}
	for _, tc := range []struct {
		name   string
		edit   func(*plan.Plan)
		want   []string
		retire float64
	}{
		{"holds: retired credits cover the upper bound", func(p *plan.Plan) {
			p.Claim = plan.ClaimBoundary{Scopes: []int{1, 3}}
			p.Credits = []plan.Credit{retired(2024, 200)}
		}, nil, 200},
		{"boundary without Scope 3", func(p *plan.Plan) {
			p.Claim = plan.ClaimBoundary{Scopes: []int{1, 2}}
			p.Credits = []plan.Credit{retired(2024, 100)}
		}, []string{ReasonBoundaryScope3}, 100},
		{"planned credits do not count", func(p *plan.Plan) {
			p.Claim = plan.ClaimBoundary{Scopes: []int{1}}
			p.Credits = []plan.Credit{{Year: 2024, TCO2e: 100, Name: "planned"}, {Year: 2024, TCO2e: 100, Status: plan.CreditContracted}}
		}, []string{ReasonNotCovered, ReasonBoundaryScope3}, 0},
		{"covered at the centre, not at the upper bound", func(p *plan.Plan) {
			p.Claim = plan.ClaimBoundary{Scopes: []int{1}, Scope3Categories: nil}
			p.Claim.Scopes = []int{1, 3}
			p.Credits = []plan.Credit{retired(2024, 135)}
			p.Removals = []plan.Removal{{Year: 2024, TCO2e: 6}}
		}, []string{ReasonNotCoveredHigh}, 135},
		{"off target", func(p *plan.Plan) {
			p.Targets[0].ReductionPct = 100
			p.Claim = plan.ClaimBoundary{Scopes: []int{1, 3}}
			p.Credits = []plan.Credit{retired(2024, 500)}
		}, []string{ReasonOffTarget}, 500},
		{"no target", func(p *plan.Plan) {
			p.Targets = nil
			p.Credits = []plan.Credit{retired(2024, 500)}
		}, []string{ReasonNoTarget}, 500},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := base
			p.Targets = slices.Clone(base.Targets)
			tc.edit(&p)
			var ps emissions.Problems
			tr, err := plan.Project(p, lines, nil, &ps)
			if err != nil {
				t.Fatal(err)
			}
			cc, err := CheckClaims(p, lines, tr, nil, analysis.UncertaintyOptions{DefaultPct: 20, Iterations: 4000}, nil)
			if err != nil {
				t.Fatal(err)
			}
			cy, _ := cc.Year(2024)
			if got := codes(cy); !slices.Equal(got, tc.want) {
				t.Errorf("reasons %v, want %v (%+v)", got, tc.want, cy)
			}
			if cy.OK != (len(tc.want) == 0) || cy.CreditsRetired != tc.retire {
				t.Errorf("ok %v, retired %v; want ok %v, retired %v", cy.OK, cy.CreditsRetired, len(tc.want) == 0, tc.retire)
			}
			if tc.name == "planned credits do not count" && cy.CreditsPlanned != 200 {
				t.Errorf("planned %v, want 200 (planned and contracted)", cy.CreditsPlanned)
			}
		})
	}
}

// A year after the last actual year cannot be claimed.
func TestClaimProjected(t *testing.T) {
	p := claimPlan(plan.TreatmentOrganic)
	p.TargetYear = 2026
	var ps emissions.Problems
	tr, err := plan.Project(p, claimLines(), nil, &ps)
	if err != nil {
		t.Fatal(err)
	}
	cc, err := CheckClaims(p, claimLines(), tr, nil, analysis.UncertaintyOptions{DefaultPct: 20, Iterations: 1000}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cy, _ := cc.Year(2026)
	if !cy.Projected || !hasReason(cy, ReasonProjected) || cy.Residual == nil || *cy.Residual != 40 {
		t.Errorf("2026 claim %+v, want projected with residual 40", cy)
	}
}

// claimLines have data in 2019 and 2024 only. The years between are not years of zero
// emissions: their claim fails with no-data alone and they have no residual, even when a
// credit retired in such a year would cover a residual of 0 t.
func TestClaimNoData(t *testing.T) {
	p := claimPlan(plan.TreatmentRecalculate)
	p.Credits = []plan.Credit{{Year: 2022, TCO2e: 500, Status: plan.CreditRetired, RetirementDate: "2022-12-31", Kind: plan.CreditRemoval}}
	var ps emissions.Problems
	tr, err := plan.Project(p, claimLines(), nil, &ps)
	if err != nil {
		t.Fatal(err)
	}
	cc, err := CheckClaims(p, claimLines(), tr, nil, analysis.UncertaintyOptions{DefaultPct: 20, Iterations: 200}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		year   int
		noData bool
	}{{2019, false}, {2020, true}, {2021, true}, {2022, true}, {2023, true}, {2024, false}, {2025, false}} {
		t.Run(strconv.Itoa(tc.year), func(t *testing.T) {
			cy, ok := cc.Year(tc.year)
			if !ok {
				t.Fatalf("no claim for %d", tc.year)
			}
			if cy.NoData != tc.noData {
				t.Errorf("no data %v, want %v", cy.NoData, tc.noData)
			}
			if !tc.noData {
				if cy.Residual == nil || cy.ResidualHigh == nil || hasReason(cy, ReasonNoData) {
					t.Errorf("claim %+v: a year with data or a projection has a residual and no %s", cy, ReasonNoData)
				}
				return
			}
			if cy.OK || !slices.Equal(codes(cy), []string{ReasonNoData}) {
				t.Errorf("ok %v, reasons %v; want not ok, [%s]", cy.OK, codes(cy), ReasonNoData)
			}
			if cy.Residual != nil || cy.ResidualHigh != nil {
				t.Errorf("residual %v, high %v; want none", cy.Residual, cy.ResidualHigh)
			}
			if want := map[int]float64{2022: 500}[tc.year]; cy.CreditsRetired != want {
				t.Errorf("retired credits %v, want %v: the ledger is shown as it is", cy.CreditsRetired, want)
			}
		})
	}
}

// SBTi coverage, ESRS AR 25 and Scope 2 method change warnings.
func TestCheckTargets(t *testing.T) {
	p := plan.Plan{BaseYear: 2019, TargetYear: 2030,
		Targets: []plan.Target{{Name: "S1", Scopes: []int{1}, Pathway: plan.PathwaySBTi15, StartYear: 2024}},
		Claim:   plan.ClaimBoundary{Scope2Method: emissions.MethodLocation}}
	tr := &plan.Trajectory{BaseYear: 2019, TargetYear: 2030, NeutralityYear: 2030, Scope2Method: emissions.MethodMarket, Boundary: []int{1}}
	var ps emissions.Problems
	plan.CheckTargets(p, tr, emissions.YearTotals{Year: 2019, Scope1: 10, Scope2Market: 5, Scope3: 20}, &ps)
	var causes []string
	for _, pr := range ps.List() {
		causes = append(causes, pr.Cause)
	}
	want := []string{"sbti-coverage-scope12", "sbti-coverage-scope3", "esrs-base-year-age", "scope2-method-change"}
	if !slices.Equal(causes, want) {
		t.Errorf("warnings %v, want %v", causes, want)
	}
}

// Before the closure its activities were still running: in 2021 the assembly pole emits 60 t
// (40 t less than in 2019) and KEEP 50 t. The 2021 reduction of 40 t is abatement, with no
// discontinued part, and 2021 has no target without discontinued activities, so its claim does
// not blame a closure that had not happened; 2024 still splits as before. The comparison of
// 2019 with 2021 in changes.go agrees: no discontinued part either.
func TestDiscontinuedOnlyFromTheEventYear(t *testing.T) {
	lines := claimLines()
	lines = append(lines, lines[0], lines[1])
	lines[4].Year, lines[4].TCO2e, lines[4].Converted = 2021, 60, 60
	lines[5].Year = 2021
	var ps emissions.Problems
	p := claimPlan(plan.TreatmentOrganic)
	tr, err := plan.Project(p, lines, nil, &ps)
	if err != nil {
		t.Fatal(err)
	}
	if y21 := yearOfTraj(t, tr, 2021); y21.TargetWithoutDiscontinued != nil {
		t.Errorf("2021 target without discontinued %v, want none (the closure is in 2024)", *y21.TargetWithoutDiscontinued)
	}
	if y24 := yearOfTraj(t, tr, 2024); y24.TargetWithoutDiscontinued == nil || !nearly(*y24.TargetWithoutDiscontinued, 50*(1-0.5*5.0/11)) {
		t.Errorf("2024 target without discontinued %v, want 50 × (1 − 0.5 × 5/11)", y24.TargetWithoutDiscontinued)
	}
	got := map[int]plan.Reduction{}
	for _, r := range plan.Reductions(lines, p.BasePolicy, tr) {
		got[r.Year] = r
	}
	if r := got[2021]; !nearly(r.Total, 40) || r.Discontinued != 0 || !nearly(r.Abatement, 40) {
		t.Errorf("2021 reduction %+v, want total 40 = abatement 40, nothing discontinued", r)
	}
	if r := got[2024]; !nearly(r.Total, 110) || !nearly(r.Discontinued, 100) || !nearly(r.Abatement, 10) {
		t.Errorf("2024 reduction %+v, want total 110 = discontinued 100 + abatement 10", r)
	}
	cc, err := CheckClaims(p, lines, tr, nil, analysis.UncertaintyOptions{DefaultPct: 20, Iterations: 200}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cy, _ := cc.Year(2021); hasReason(cy, ReasonDiscontinued) {
		t.Errorf("2021 claim reasons %v: the closure of 2024 cannot explain 2021", codes(cy))
	}
	for _, c := range plan.Changes(lines, emissions.MethodMarket, p.BasePolicy, 2019, 2024) {
		want := map[[2]int]float64{{2019, 2021}: 0, {2021, 2024}: -60, {2019, 2024}: -100}[[2]int{c.From, c.To}]
		if !nearly(c.Discontinued, want) {
			t.Errorf("change %d→%d discontinued %v, want %v", c.From, c.To, c.Discontinued, want)
		}
	}
}
func ptr(v float64) *float64 { return &v }

// The claim reuses the inventory's Monte Carlo when its boundary samples the same lines with
// the same Scope 2 method, and runs its own otherwise; either way the intervals are those of
// a Monte Carlo of the boundary's lines.
func TestClaimReusesInventoryUncertainty(t *testing.T) {
	for _, tc := range []struct {
		name   string
		scopes []int // the claim boundary's
		method string
		reused bool
	}{
		{"same lines", []int{1, 3}, emissions.MethodMarket, true},
		{"scope 3 left out", []int{1}, emissions.MethodMarket, false},
		{"other Scope 2 method", []int{1, 3}, emissions.MethodLocation, true}, // no Scope 2 line: the same sample
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := claimPlan(plan.TreatmentOrganic)
			p.Claim = plan.ClaimBoundary{Scopes: tc.scopes, Scope2Method: tc.method}
			var ps emissions.Problems
			tr, err := plan.Project(p, claimLines(), nil, &ps)
			if err != nil {
				t.Fatal(err)
			}
			opts := analysis.UncertaintyOptions{DefaultPct: 20, Iterations: 400, Method: emissions.MethodMarket}
			inventory := analysis.ComputeUncertainty(claimLines(), opts)
			fresh, err := CheckClaims(p, claimLines(), tr, nil, opts, nil)
			if err != nil {
				t.Fatal(err)
			}
			shared, err := CheckClaims(p, claimLines(), tr, nil, opts, inventory)
			if err != nil {
				t.Fatal(err)
			}
			for i, cy := range fresh.Years {
				if got := shared.Years[i].ResidualHigh; (got == nil) != (cy.ResidualHigh == nil) || got != nil && *got != *cy.ResidualHigh {
					t.Errorf("%d: upper bound %v with the inventory's Monte Carlo, %v with its own", cy.Year, got, cy.ResidualHigh)
				}
			}
			// A stand-in for the inventory's result shows whether it was taken.
			marked := &analysis.Uncertainty{Years: []analysis.YearUncertainty{{Year: 2024, Total: 140, Interval: analysis.Interval{High: 1e6}}}}
			cc, err := CheckClaims(p, claimLines(), tr, nil, opts, marked)
			if err != nil {
				t.Fatal(err)
			}
			cy, _ := cc.Year(2024)
			if got := *cy.ResidualHigh == 1e6; got != tc.reused {
				t.Errorf("inventory's Monte Carlo reused: %v, want %v", got, tc.reused)
			}
		})
	}
}
