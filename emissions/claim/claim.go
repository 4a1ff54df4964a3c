package claim

import (
	"fmt"
	"slices"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/analysis"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/factors"
)

// The neutrality claim (ISO 14068-1; ADEME's recommendation to speak of a "contribution to
// carbon neutrality"): per year, the residual gross emissions within the claim's boundary at
// the central estimate and at the upper bound of their 95 % interval; whether gross emissions
// are on or below the target path (and not only thanks to activities that ended); and whether
// retired credits plus own removals cover the residual. Planned and contracted credits are
// shown but never counted.

// SignificantScope3Pct: a claim boundary that leaves out Scope 3 emissions of at least this
// share of the total is flagged (and the claim fails).
const SignificantScope3Pct = 5

// Claim reason codes: each says why a year's contribution claim does not hold.
const (
	ReasonNoData          = "no-data"          // a year before the last actual one, without data
	ReasonProjected       = "projected"        // no measured emissions for the year yet
	ReasonNoTarget        = "no-target"        // no reduction target to be on
	ReasonOffTarget       = "off-target"       // gross emissions above the target path
	ReasonDiscontinued    = "discontinued"     // on the path only because activities ended
	ReasonNotCovered      = "not-covered"      // retired credits + own removals < residual
	ReasonNotCoveredHigh  = "not-covered-high" // covered at the central estimate, not at the 95 % upper bound
	ReasonBoundaryScope3  = "boundary-scope3"  // the boundary leaves out significant Scope 3
	ReasonBoundaryNoScope = "boundary-empty"   // nothing of the inventory is in the boundary
)

// ClaimReason is one reason a claim fails: its code, and the figures of the trajectory that it
// states beside the claim year's own (a reason of ReasonOffTarget or ReasonDiscontinued: the
// gross emissions, the target path, and the path without the discontinued activities).
// reports.ClaimReasonText says it in words.
type ClaimReason struct {
	Code                                     string
	Gross, Target, TargetWithoutDiscontinued float64
}

// ClaimYear is the claim check of one year of the trajectory.
type ClaimYear struct {
	Year      int
	Projected bool // the year has no actual data: residual is the plan's
	// NoData: a year between the base year and the last actual year without data. It has no
	// residual, and its claim fails with ReasonNoData alone: nothing is known to be covered.
	NoData  bool
	OK      bool
	Reasons []ClaimReason
	// Residual is the gross emissions within the claim boundary; ResidualHigh the upper bound
	// of their 95 % interval. Both are nil in a year without data.
	Residual, ResidualHigh *float64
	// CreditsRetired count toward the claim; CreditsPlanned (planned and contracted) do not.
	CreditsRetired, CreditsPlanned float64
	RemovalsOwn                    float64
}

// Scope3Exclusion is what the claim boundary leaves out of Scope 3 in a year.
type Scope3Exclusion struct {
	Year        int
	TCO2e       float64
	Share       float64 // of the total by the boundary's Scope 2 method
	Categories  []int   // categories with emissions left out
	Significant bool
}

// ClaimCheck is the claim of every year of the trajectory.
type ClaimCheck struct {
	Boundary plan.ClaimBoundary
	Excluded Scope3Exclusion
	Years    []ClaimYear
}

// Year returns the check of year y.
func (c *ClaimCheck) Year(y int) (ClaimYear, bool) {
	if c == nil {
		return ClaimYear{}, false
	}
	for _, cy := range c.Years {
		if cy.Year == y {
			return cy, true
		}
	}
	return ClaimYear{}, false
}

// CheckClaims checks the claim for every year of traj. The residual of projected years is the
// plan over the claim boundary (its levers applied), and their upper bound takes the ratio of
// the last actual year's. uopts configures the Monte Carlo (Method is set from the boundary).
// inventory is the Monte Carlo of all lines with uopts as given, or nil: when the boundary
// samples the same lines with the same Scope 2 method, it is the claim's too (the same draws
// give the same intervals), and no second Monte Carlo runs.
func CheckClaims(p plan.Plan, lines []emissions.Line, traj *plan.Trajectory, lib *factors.Library, uopts analysis.UncertaintyOptions, inventory *analysis.Uncertainty) (*ClaimCheck, error) {
	b := p.Claim.Resolved(traj.Scope2Method)
	cc := &ClaimCheck{Boundary: b}
	empty := true
	for i := range lines {
		if b.Includes(&lines[i]) {
			empty = false
			break
		}
	}
	cc.Excluded = scope3Excluded(b, lines, traj.LastActualYear)

	// The residual path: the trajectory's projection over the claim boundary, as reported (no
	// base-year restatement: a claim is about what is emitted).
	var residual map[int]*float64
	if !empty {
		cp := plan.Plan{BaseYear: traj.BaseYear, TargetYear: traj.TargetYear, NeutralityYear: traj.NeutralityYear,
			Scope2Method: b.Scope2Method, GrowthPct: p.GrowthPct, Levers: p.Levers,
			Targets: []plan.Target{{Scopes: b.Scopes, Pathway: plan.PathwayLinear}}}
		var quiet emissions.Problems
		ct, err := plan.ProjectWithin(cp, lines, b.Includes, lib, &quiet)
		if err != nil {
			cp.BaseYear = 0 // the boundary holds nothing in the base year: start at its first year
			ct, err = plan.ProjectWithin(cp, lines, b.Includes, lib, &quiet)
		}
		if err != nil {
			return nil, fmt.Errorf("claim boundary: %w", err)
		}
		residual = map[int]*float64{}
		for _, y := range ct.Years {
			residual[y.Year] = y.Plan
		}
	}
	invOpts := uopts
	uopts.Method = b.Scope2Method
	var unc *analysis.Uncertainty
	switch {
	case empty:
	case inventory != nil && sameSample(b, lines, invOpts, uopts):
		unc = inventory
	default:
		unc = analysis.ComputeUncertainty(within(b, lines), uopts)
	}
	highRatio := 1.0
	if yu, ok := unc.Year(traj.LastActualYear); ok && yu.Total > 0 {
		highRatio = yu.Interval.High / yu.Total
	}

	for _, ty := range traj.Years {
		cy := ClaimYear{Year: ty.Year, Projected: ty.Year > traj.LastActualYear}
		// A year without data is not a year without emissions: it gets no residual, so that
		// no view shows it as 0 t covered.
		cy.NoData = !cy.Projected && ty.Actual == nil
		if !cy.NoData {
			r := 0.0 // the claim boundary holds nothing this year
			if v := residual[ty.Year]; v != nil {
				r = *v
			}
			high := r * highRatio
			if yu, ok := unc.Year(ty.Year); ok && !cy.Projected {
				high = yu.Interval.High
			}
			cy.Residual, cy.ResidualHigh = &r, &high
		}
		for _, c := range p.Credits {
			if c.Year != ty.Year {
				continue
			}
			if c.Retired() {
				cy.CreditsRetired += c.TCO2e
			} else {
				cy.CreditsPlanned += c.TCO2e
			}
		}
		for _, r := range p.Removals {
			if r.Year == ty.Year {
				cy.RemovalsOwn += r.TCO2e
			}
		}
		cy.Reasons = claimReasons(cc, ty, cy, empty)
		cy.OK = len(cy.Reasons) == 0
		cc.Years = append(cc.Years, cy)
	}
	return cc, nil
}

// within is the lines the boundary includes, in their order: lines itself when it includes
// them all, so that the usual boundary copies nothing. Only a Monte Carlo of its own takes
// them copied; the projection keeps them in place.
func within(b plan.ClaimBoundary, lines []emissions.Line) []emissions.Line {
	n := 0
	for i := range lines {
		if b.Includes(&lines[i]) {
			n++
		}
	}
	if n == len(lines) {
		return lines
	}
	in := make([]emissions.Line, 0, n)
	for i := range lines {
		if b.Includes(&lines[i]) {
			in = append(in, lines[i])
		}
	}
	return in
}

// sameSample reports whether the Monte Carlo of all lines with inv samples exactly the lines
// that the boundary's Monte Carlo with claim samples: the same lines in the same order give
// the same model, the same draws and the same intervals.
func sameSample(b plan.ClaimBoundary, lines []emissions.Line, inv, claim analysis.UncertaintyOptions) bool {
	if inv.Iterations != claim.Iterations {
		return false
	}
	for i := range lines {
		l := &lines[i]
		if inv.Samples(l) != (b.Includes(l) && claim.Samples(l)) {
			return false
		}
	}
	return true
}

func claimReasons(cc *ClaimCheck, ty plan.TrajectoryYear, cy ClaimYear, empty bool) []ClaimReason {
	var rs []ClaimReason
	add := func(code string) { rs = append(rs, ClaimReason{Code: code}) }
	if cy.NoData {
		// The other checks would judge a residual of nothing: none of them means anything.
		add(ReasonNoData)
		return rs
	}
	if cy.Projected {
		add(ReasonProjected)
	}
	if empty {
		add(ReasonBoundaryNoScope)
	}
	gross := ty.Actual
	if gross == nil {
		gross = ty.Plan
	}
	switch {
	case ty.Target == nil:
		add(ReasonNoTarget)
	case gross != nil && *gross > *ty.Target:
		rs = append(rs, ClaimReason{Code: ReasonOffTarget, Gross: *gross, Target: *ty.Target})
	case gross != nil && ty.TargetWithoutDiscontinued != nil && *gross > *ty.TargetWithoutDiscontinued:
		rs = append(rs, ClaimReason{Code: ReasonDiscontinued, Gross: *gross, Target: *ty.Target, TargetWithoutDiscontinued: *ty.TargetWithoutDiscontinued})
	}
	cover := cy.CreditsRetired + cy.RemovalsOwn
	switch {
	case cover < *cy.Residual:
		add(ReasonNotCovered)
	case cover < *cy.ResidualHigh:
		add(ReasonNotCoveredHigh)
	}
	if cc.Excluded.Significant {
		add(ReasonBoundaryScope3)
	}
	return rs
}

// scope3Excluded is the Scope 3 of year y that the boundary leaves out.
func scope3Excluded(b plan.ClaimBoundary, lines []emissions.Line, y int) Scope3Exclusion {
	ex := Scope3Exclusion{Year: y}
	total := 0.0
	cats := map[int]bool{}
	for i := range lines {
		l := &lines[i]
		if l.Year != y || l.Part == emissions.PartAvoided || (l.Scope == 2 && !l.In(b.Scope2Method)) {
			continue
		}
		total += l.TCO2e
		if l.Scope == 3 && !b.Includes(l) && l.TCO2e != 0 {
			ex.TCO2e += l.TCO2e
			cats[l.Category] = true
		}
	}
	ex.Categories = slices.Sorted(func(yield func(int) bool) {
		for c := range cats {
			if !yield(c) {
				return
			}
		}
	})
	if total > 0 {
		ex.Share = ex.TCO2e / total
	}
	ex.Significant = ex.Share*100 >= SignificantScope3Pct
	return ex
}
