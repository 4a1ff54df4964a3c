package main

import (
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/reports"
)

// intensityPaths computes the intensity targets' paths over the trajectory's years; a target
// whose denominator lacks the base year is a warning in the input's problems.
func (r *result) intensityPaths() []emissions.IntensityPath {
	ts := r.cfg.IntensityTargets()
	if len(ts) == 0 || r.trajectory == nil {
		return nil
	}
	return emissions.IntensityPaths(ts, r.cfg.Denominators(), r.years, r.trajectory.Scope2Method,
		r.trajectory.BaseYear, r.trajectory.TargetYear, &r.input.Problems)
}

// analysis gathers the figures of SPEC §9 shown apart from the inventory.
func (r *result) analysis() reports.Analysis {
	ds := r.cfg.Denominators()
	return reports.Analysis{
		Avoided:        emissions.AvoidedByActivity(r.inventory.Lines),
		Denominators:   ds,
		Intensities:    emissions.Intensities(r.years, r.cfg.Trajectory.Scope2Method, ds),
		IntensityPaths: r.paths,
		Restatement:    r.restatement,
	}
}
