package main

import (
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/reports"
)

// regulatory gathers what ESRS E1-6 needs beyond the totals (issue 8, items 1 and 2): the
// entities' shares, the flagged figures, the Scope 3 coverage, the net revenue and the
// targets' long-term milestones.
func (r *result) regulatory() *reports.Regulatory {
	cfg := r.cfg
	org := cfg.OrganisationModel()
	reg := &reports.Regulatory{Organisation: org, Milestones: cfg.Milestones(),
		Entities: emissions.EntityBreakdown(r.inventory.Lines, org), Figures: emissions.ESRSFigures(r.inventory.Lines, cfg.ESRSFlags()),
		ETSFlagged: len(cfg.ESRS.ETS.Sites)+len(cfg.ESRS.ETS.Activities) > 0, CloudFlagged: len(cfg.ESRS.CloudActivities) > 0}
	reg.Scope3Included, reg.Scope3Excluded = cfg.Scope3Reasons()
	reg.NetRevenue, reg.RevenueBasis = cfg.NetRevenueDenominator()
	return reg
}
