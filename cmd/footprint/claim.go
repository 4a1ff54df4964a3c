package main

import (
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/reports"
)

// checkClaim checks the neutrality claim of every trajectory year, splits the reductions and
// warns about targets that break the rules they follow (issue "A credible neutrality claim").
func (r *result) checkClaim() error {
	if r.trajectory == nil {
		return nil
	}
	plan := r.cfg.Plan()
	base, _ := yearTotals(r.years, r.trajectory.BaseYear)
	emissions.CheckTargets(plan, r.trajectory, base, &r.input.Problems)
	r.reductions = emissions.Reductions(r.inventory.Lines, plan.BasePolicy, r.trajectory)
	opts := r.cfg.UncertaintyOptions()
	opts.Library = r.lib
	var err error
	r.claims, err = emissions.CheckClaims(plan, r.inventory.Lines, r.trajectory, r.lib, opts)
	return err
}

func yearTotals(ys []emissions.YearTotals, y int) (emissions.YearTotals, bool) {
	for _, t := range ys {
		if t.Year == y {
			return t, true
		}
	}
	return emissions.YearTotals{Year: y}, false
}

// claim gathers what the outputs show of the claim.
func (r *result) claim() reports.Claim {
	p := r.cfg.Plan()
	return reports.Claim{Check: r.claims, Reductions: r.reductions, Credits: p.Credits, Removals: p.Removals}
}
