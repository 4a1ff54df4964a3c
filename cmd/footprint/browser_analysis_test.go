package main

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/footprint/footprint/reports/html"
)

// checkUncertaintyCharts compares the charts of docs/methodology.md#uncertainty-monte-carlo with calc --json: the uncertainty band on
// the trajectory chart (each actual year's low end, and the width stacked on it), and the
// waterfall of the change from the base year to the reporting year.
func checkUncertaintyCharts(t *testing.T, charts map[string]pageChart, doc calcDoc) {
	t.Helper()
	tc := charts["chart-trajectory"]
	low, width := tc.series(t, html.SeriesBandLow), tc.series(t, html.SeriesBandWidth)
	band := 0
	for i, ty := range doc.Trajectory {
		var want *struct{ low, width float64 }
		for _, y := range doc.Years {
			if y.Year == ty.Year && ty.Actual != nil && y.Uncertainty != nil {
				want = &struct{ low, width float64 }{y.Uncertainty.Low, y.Uncertainty.High - y.Uncertainty.Low}
			}
		}
		if want == nil {
			if low[i] != nil || width[i] != nil {
				t.Errorf("%d: a band where calc --json has no interval", ty.Year)
			}
			continue
		}
		band++
		sameFigure(t, fmt.Sprintf("%d band low", ty.Year), low[i], &want.low)
		sameFigure(t, fmt.Sprintf("%d band width", ty.Year), width[i], &want.width)
	}
	if band != len(doc.Years) {
		t.Errorf("the band covers %d years, calc --json has %d", band, len(doc.Years))
	}

	wc, ok := charts[html.ChartChanges]
	if !ok {
		t.Fatalf("no %s chart", html.ChartChanges)
	}
	base := doc.Trajectory[0].Year
	found := false
	for _, c := range doc.Changes {
		if c.From != base || c.To != doc.ReportingYear {
			continue
		}
		found = true
		cats := wc.categories(t, wc.Option.XAxis)
		if len(cats) != 6 || cats[0] != strconv.Itoa(c.From) || cats[5] != strconv.Itoa(c.To) || cats[4] != "Discontinued activities" {
			t.Fatalf("waterfall categories %v", cats)
		}
		total, up, down := wc.series(t, html.SeriesWfTotal), wc.series(t, html.SeriesWfUp), wc.series(t, html.SeriesWfDown)
		sameFigure(t, "waterfall from", total[0], &c.TotalFrom)
		sameFigure(t, "waterfall to", total[5], &c.TotalTo)
		if c.Discontinued >= 0 {
			t.Errorf("waterfall %d→%d: the demo's assembly closure is not discontinued (%v)", c.From, c.To, c.Discontinued)
		}
		for i, v := range []float64{c.ActivityEffect, c.FactorEffect, c.Other, c.Discontinued} {
			got, other := up[i+1], down[i+1]
			want := v
			if v < 0 {
				got, other, want = down[i+1], up[i+1], -v
			}
			sameFigure(t, "waterfall "+cats[i+1], got, &want)
			if other != nil || total[i+1] != nil {
				t.Errorf("waterfall %s: drawn as increase and decrease, or as a total", cats[i+1])
			}
		}
	}
	if !found {
		t.Errorf("calc --json has no change from %d to %d for the waterfall", base, doc.ReportingYear)
	}
}

// checkClaimCharts compares the claim and reduction charts with calc --json: residual,
// retired and planned credits, own removals per year; discontinued activities and abatement.
func checkClaimCharts(t *testing.T, charts map[string]pageChart, doc calcDoc) {
	t.Helper()
	cc, ok := charts[html.ChartClaim]
	if !ok {
		t.Fatalf("no %s chart", html.ChartClaim)
	}
	residual, retired := cc.series(t, "Residual gross emissions in the boundary"), cc.series(t, "Retired credits")
	removals, planned := cc.series(t, "Own removals"), cc.series(t, "Planned or contracted credits (not counted)")
	for i, ty := range doc.Trajectory {
		if ty.Claim == nil {
			t.Fatalf("%d: calc --json has no claim", ty.Year)
		}
		y := fmt.Sprint(ty.Year)
		sameFigure(t, y+" residual", residual[i], ty.Claim.Residual)
		sameFigure(t, y+" retired", retired[i], &ty.Claim.CreditsRetired)
		sameFigure(t, y+" removals", removals[i], &ty.Claim.RemovalsOwn)
		sameFigure(t, y+" planned", planned[i], &ty.Claim.CreditsPlanned)
	}
	rc, ok := charts[html.ChartReductions]
	if !ok {
		t.Fatalf("no %s chart", html.ChartReductions)
	}
	// One bar per trajectory year; a year without a reduction (no data) is empty.
	disc, abate := rc.series(t, "Discontinued activities"), rc.series(t, "Abatement and growth")
	for i, ty := range doc.Trajectory {
		y := fmt.Sprint(ty.Year)
		if ty.Reduction == nil {
			sameFigure(t, y+" discontinued", disc[i], nil)
			sameFigure(t, y+" abatement", abate[i], nil)
			continue
		}
		sameFigure(t, y+" discontinued", disc[i], &ty.Reduction.Discontinued)
		sameFigure(t, y+" abatement", abate[i], &ty.Reduction.Abatement)
	}
}
