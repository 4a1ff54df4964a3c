package html

import (
	"github.com/footprint/footprint/reports"
)

// methodSection closes the report: how its figures are made, for a reader who wants to know
// before trusting them. The sections above say what the figures are; this one says how, once.
func methodSection(r reports.Report) htmlSection {
	l := r.Lang
	s := htmlSection{ID: "method", Title: l.T("Method")}
	s.Intro = []string{
		l.T("Every figure is an activity quantity from the input workbooks, converted to the unit of its emission factor, times that factor: a published dataset's value (the Sources section names each one and its row), or one the site gives with its source."),
		l.T("Gases are weighted by their 100-year global warming potential (IPCC %s). Scope 2 is computed twice: location-based, with the average grid mix, and market-based, with the site's contracts and guarantees of origin and a residual mix for the rest; the breakdowns and the trajectory follow the %s figure.",
			r.GWP, reports.MethodLabelIn(l, r.Method())),
	}
	if r.Trajectory != nil {
		s.Intro = append(s.Intro, l.T("Each target runs from the base year to the target year along its pathway. The plan starts from the last year with data, applies each lever's reduction to the activities it names from its first year, rising to its full effect, and subtracts what its substitutes emit. Credits and removals are a ledger apart: they never lower the emissions or count toward a target."))
	}
	if r.Uncertainty != nil {
		s.Intro = append(s.Intro, l.T("The 95 %% intervals come from a Monte Carlo of %d draws with a fixed seed: every emission factor varies by its published uncertainty, one draw per factor shared by all the rows that use it, and activity data vary by their Quality (measured, calculated, estimated) where the workbook gives one.", r.Uncertainty.Iterations))
	}
	if len(r.Changes) > 0 {
		s.Intro = append(s.Intro, l.T("Changes from year to year are split by the additive logarithmic mean Divisia index (LMDI): for each activity, its activity effect and its factor effect add up to its change exactly; an activity with emissions in one of the two years only is new or removed, and one that a recorded closure, divestment or outsourcing ended is discontinued."))
	}
	return s
}
