package plan

import (
	"fmt"

	"github.com/footprint/footprint/emissions"
)

// Checks of targets against the rules they claim to follow, as warnings
// (docs/methodology.md#the-neutrality-claim):
//   - SBTi near-term coverage (SBTi Corporate Net-Zero Standard / near-term criteria): targets
//     must cover at least 95 % of base-year Scopes 1+2, and, where Scope 3 is at least 40 % of
//     the total, at least 67 % of Scope 3.
//   - ESRS E1 AR 25: the base year of a new target is no more than 3 years before the start of
//     the target's period.
//   - A Scope 2 method that changes between the base year and the target year: the claim's
//     Scope 2 method differs from the trajectory's, so the target and the claim compare
//     figures of different methods.

// SBTi coverage thresholds, %.
const (
	SBTiScope12CoveragePct = 95
	SBTiScope3CoveragePct  = 67
	SBTiScope3SharePct     = 40
	ESRSBaseYearMaxAge     = 3
)

// CheckTargets adds a warning to ps for each rule the plan's targets break. base is the base
// year's totals (as the trajectory computes them).
func CheckTargets(p Plan, traj *Trajectory, base emissions.YearTotals, ps *emissions.Problems) {
	if traj == nil || len(p.Targets) == 0 {
		return
	}
	warn := func(cause, format string, args ...any) {
		ps.Add(emissions.Problem{Severity: emissions.SeverityWarning, Cause: cause, Message: fmt.Sprintf(format, args...)})
	}
	s2 := base.Scope2Market
	if traj.Scope2Method == emissions.MethodLocation {
		s2 = base.Scope2Location
	}
	byScope := [4]float64{0, base.Scope1, s2, base.Scope3}
	covered := scopeSet(traj.Boundary)
	s12, cov12 := byScope[1]+byScope[2], 0.0
	for _, s := range []int{1, 2} {
		if covered[s] {
			cov12 += byScope[s]
		}
	}
	if s12 > 0 && 100*cov12/s12 < SBTiScope12CoveragePct {
		warn("sbti-coverage-scope12", "targets cover %.0f %% of the %d Scopes 1+2 emissions; SBTi near-term targets must cover at least %d %%", 100*cov12/s12, base.Year, SBTiScope12CoveragePct)
	}
	total := s12 + byScope[3]
	if total > 0 && 100*byScope[3]/total >= SBTiScope3SharePct && !covered[3] {
		warn("sbti-coverage-scope3", "Scope 3 is %.0f %% of the %d total (at least %d %%) but no target covers it; SBTi near-term targets must cover at least %d %% of Scope 3", 100*byScope[3]/total, base.Year, SBTiScope3SharePct, SBTiScope3CoveragePct)
	}
	for i, tg := range p.Targets {
		if tg.StartYear != 0 && tg.StartYear-traj.BaseYear > ESRSBaseYearMaxAge {
			warn("esrs-base-year-age", "target %q (targets[%d]) starts in %d, %d years after the base year %d: ESRS E1 AR 25 wants the base year of a new target no more than %d years before its period", tg.Name, i, tg.StartYear, tg.StartYear-traj.BaseYear, traj.BaseYear, ESRSBaseYearMaxAge)
		}
	}
	if m := p.Claim.Scope2Method; m != "" && m != traj.Scope2Method {
		warn("scope2-method-change", "the claim for %d follows Scope 2 %s-based while the targets from the base year %d follow %s-based: the Scope 2 method changes between base and target year", traj.NeutralityYear, m, traj.BaseYear, traj.Scope2Method)
	}
	for i, ev := range p.BasePolicy.Events {
		if ev.Type == EventMethod && ev.Year > traj.BaseYear && ev.Year <= traj.TargetYear && !traj.Base.Applied {
			warn("method-change-unrestated", "trajectory.base_year_policy.events[%d] %s: the method changes between the base year %d and the target year %d without the base year being restated", i, ev.Label(), traj.BaseYear, traj.TargetYear)
		}
	}
}
