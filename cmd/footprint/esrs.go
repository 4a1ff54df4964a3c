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
	reg := &reports.Regulatory{
		Organisation:   cfg.OrganisationModel(),
		Entities:       emissions.EntityBreakdown(r.inventory.Lines, cfg.OrganisationModel()),
		Figures:        emissions.ESRSFigures(r.inventory.Lines, cfg.ESRSFlags()),
		ETSFlagged:     len(cfg.ESRS.ETS.Sites)+len(cfg.ESRS.ETS.Activities) > 0,
		CloudFlagged:   len(cfg.ESRS.CloudActivities) > 0,
		Scope3Included: map[int]string{},
		Scope3Excluded: map[int]string{},
		Milestones:     cfg.Milestones(),
	}
	for _, c := range cfg.ESRS.Scope3.Included {
		reg.Scope3Included[c.Category] = c.Reason
	}
	for _, c := range cfg.ESRS.Scope3.Excluded {
		reg.Scope3Excluded[c.Category] = c.Reason
	}
	if nr := cfg.NetRevenue(); nr != nil {
		for _, d := range cfg.Denominators() {
			if d.Name == nr.Name {
				reg.NetRevenue = &d
			}
		}
		reg.RevenueBasis = nr.Basis
	}
	return reg
}
