package main

import "github.com/footprint/footprint/emissions"

// analyse computes how sure the inventory is and what changed between years (SPEC §9).
func (r *result) analyse() {
	if len(r.inventory.Lines) == 0 {
		return
	}
	opts := r.cfg.UncertaintyOptions()
	opts.Library = r.lib
	r.uncertainty = emissions.ComputeUncertainty(r.inventory.Lines, opts)
	r.changes = emissions.Changes(r.inventory.Lines, r.cfg.Trajectory.Scope2Method, r.cfg.Plan().BasePolicy, r.baseYear(), r.year)
}

// baseYear is the trajectory's base year; without a trajectory, the configured one or else
// the first year with data.
func (r *result) baseYear() int {
	switch {
	case r.trajectory != nil && r.trajectory.BaseYear != 0:
		return r.trajectory.BaseYear
	case r.cfg.Trajectory.BaseYear != 0:
		return r.cfg.Trajectory.BaseYear
	case len(r.years) > 0:
		return r.years[0].Year
	}
	return 0
}
