package html

import (
	"strconv"
	"strings"

	"github.com/footprint/footprint/emissions/claim"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// The neutrality claim in the report: the header's verdict, worded as ADEME recommends (a
// "contribution to carbon neutrality", never "carbon neutral"); the claim's boundary in words;
// the base year as reported and recalculated; where each reduction comes from; and per year
// the residual gross emissions against retired credits and own removals, drawn as their own
// bars — nothing is ever drawn as a net of emissions less credits.

// Chart ids of the claim section.
const (
	ChartReductions = "chart-reductions"
	ChartClaim      = "chart-claim"
)

var (
	colorAbatement    = "#2e7d32"
	colorFactors      = "#1f7a8c"
	colorInstruments  = "#e8a33d"
	colorDiscontinued = "#8a8a8a"
	colorResidual     = "#b23a48"
	colorRetired      = "#5fb49c"
	colorRemovals     = "#3d6b45"
	colorPlanned      = "#c7d9cf"
)

// claimCard is the header's verdict on the claim of year y.
func claimCard(r reports.Report, y int, t func(float64) string) (htmlCard, bool) {
	cy, ok := r.Claim.Check.Year(y)
	if !ok {
		return htmlCard{}, false
	}
	l := r.Lang
	c := htmlCard{Label: l.T("%s, %v", l.T(reports.ClaimLabel), lang.Year(y)), Unit: "", Tone: "good", Value: l.T("claim holds")}
	if !cy.OK {
		c.Value, c.Tone = l.T("no claim"), "bad"
	}
	c.Notes = append(c.Notes, l.T("boundary: %s", reports.BoundaryText(l, r.Claim.Check.Boundary)))
	if cy.NoData {
		c.Notes = append(c.Notes, l.T("no activity data for %v: its residual is unknown", lang.Year(y)))
	} else {
		c.Notes = append(c.Notes, l.T("residual %s t (up to %s t at 95 %%)", t(*cy.Residual), t(*cy.ResidualHigh)))
	}
	c.Notes = append(c.Notes, l.T("retired credits %s t, own removals %s t; planned or contracted %s t (not counted)",
		t(cy.CreditsRetired), t(cy.RemovalsOwn), t(cy.CreditsPlanned)))
	// The header names each reason in a few words; the claim section gives them in full.
	for _, rs := range cy.Reasons {
		c.Notes = append(c.Notes, "✗ "+reasonText(l, rs))
	}
	if cy.OK {
		c.Notes = append(c.Notes, l.T("retired credits and own removals cover the residual, gross emissions are on the target path"))
	} else {
		c.Notes = append(c.Notes, l.T("no contribution to carbon neutrality can be claimed (details under “%s”)", l.T(reports.ClaimLabel)))
	}
	return c, true
}

// reasonText is a reason in a few words, or its code for a code without them.
func reasonText(l lang.Lang, rs claim.ClaimReason) string {
	if short, ok := reasonShort[rs.Code]; ok {
		return l.T(short)
	}
	return rs.Code
}

// reasonShort names each reason a claim fails for, for the header.
var reasonShort = map[string]string{
	claim.ReasonNoData:          lang.Key("no data for the year"),
	claim.ReasonProjected:       lang.Key("no measured emissions yet"),
	claim.ReasonNoTarget:        lang.Key("no target applies"),
	claim.ReasonOffTarget:       lang.Key("gross emissions above the target path"),
	claim.ReasonDiscontinued:    lang.Key("on the target path only thanks to discontinued activities"),
	claim.ReasonNotCovered:      lang.Key("retired credits and own removals do not cover the residual"),
	claim.ReasonNotCoveredHigh:  lang.Key("not covered at the residual's 95 %% upper bound"),
	claim.ReasonBoundaryScope3:  lang.Key("the boundary leaves out significant Scope 3"),
	claim.ReasonBoundaryNoScope: lang.Key("nothing of the inventory is in the boundary"),
}

// claimSection explains the claim: boundary, base year, reductions and the per-year check.
func claimSection(r reports.Report) htmlSection {
	l := r.Lang
	s := htmlSection{ID: "claim", Title: l.T(reports.ClaimLabel)}
	tr, cc := r.Trajectory, r.Claim.Check
	if tr == nil || cc == nil {
		s.Intro = []string{l.T("No trajectory is computed, so no claim is checked.")}
		return s
	}
	s.Intro = append(s.Intro, l.T("The claim covers %s. Following ADEME, footprint speaks of a contribution to carbon neutrality: credits finance reductions or removals elsewhere and are shown beside the emissions, never subtracted from them. Only retired credits and the site's own removals count; planned and contracted credits are shown apart.", reports.BoundaryText(l, cc.Boundary)))
	if ex := cc.Excluded; ex.TCO2e > 0 {
		msg := l.T("Left out of the boundary: %s t of Scope 3 in %v (%s of the total; %s).", t(ex.TCO2e), lang.Year(ex.Year), shareOf(ex.TCO2e, ex.TCO2e/max(ex.Share, 1e-300)), reports.CategoriesTextIn(l, ex.Categories))
		if ex.Significant {
			msg += " " + l.T("This is significant (at least %d %% of the total): a claim on this boundary would hide most of the footprint.", claim.SignificantScope3Pct)
		}
		s.Intro = append(s.Intro, msg)
	}
	b := tr.Base
	baseText := l.T("Base year %v as reported: %s t.", lang.Year(b.Year), t(b.Reported))
	if b.Applied {
		baseText += " " + l.T("Recalculated for structural changes: %s t (%s); the targets follow the recalculated base.", t(b.Recalculated), signedTonnes(b.ChangePct)+" %")
	} else if len(b.Events) > 0 {
		baseText += " " + l.T("Not recalculated.")
	}
	for _, ev := range b.Events {
		baseText += " " + l.T("Event: %s, treated as %s.", ev.Label(), ev.TreatmentOrDefault())
	}
	s.Intro = append(s.Intro, baseText)

	if len(r.Claim.Reductions) > 0 {
		ch := reductionsChart(r)
		tb := &htmlTable{Caption: l.T("Reduction from the %v base year as reported, tCO2e (positive: lower than the base year)", lang.Year(tr.BaseYear)),
			Head: []string{l.T("Year"), l.T("Total"), l.T("Discontinued activities"), l.T("Abatement and growth"), l.T("Emission factors"), l.T("Contractual instruments")}}
		for _, rd := range r.Claim.Reductions {
			tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(strconv.Itoa(rd.Year)), numCell(rd.Total), numCell(rd.Discontinued), numCell(rd.Abatement), numCell(rd.Factors), numCell(rd.Instruments)}})
		}
		s.Blocks = append(s.Blocks, htmlBlock{Title: ch.Label, Chart: &ch, Table: tb,
			Notes: []string{l.T("Discontinued activities are those a closure, divestment or outsourcing ended, counted from the event's year: their drop is not abatement. Abatement and growth is the change of the continuing activities (less activity, efficiency, substitutions); emission factors, the change of their location-based factors (energy and grid mix, newer vintages); contractual instruments, the change of market- less location-based Scope 2. Projected years add the plan's levers and growth to abatement.")}})
	}

	ch := claimChart(r)
	tb := &htmlTable{Caption: l.T("Claim check per year, tCO2e"), Head: []string{l.T("Year"), l.T("Residual"), l.T("Upper bound (95 %%)"), l.T("Retired credits"), l.T("Own removals"), l.T("Planned, not counted"), l.T("Verdict"), l.T("Reasons")}}
	for _, cy := range cc.Years {
		verdict := l.T(reports.ClaimVerdict(cy))
		var reasons []string
		for _, rs := range cy.Reasons {
			reasons = append(reasons, reasonText(l, rs))
		}
		tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(strconv.Itoa(cy.Year)), optCell(cy.Residual), optCell(cy.ResidualHigh), numCell(cy.CreditsRetired),
			numCell(cy.RemovalsOwn), numCell(cy.CreditsPlanned), textCell(verdict), textCell(strings.Join(reasons, l.T("; ")))}})
	}
	// The table names the reasons; the reporting year's are given in full, with their figures.
	var notes []string
	if cy, ok := cc.Year(r.ReportingYear); ok {
		for _, rs := range cy.Reasons {
			notes = append(notes, l.T("%v: %s.", lang.Year(cy.Year), reports.ClaimReasonText(l, cc, cy, rs)))
		}
	}
	s.Blocks = append(s.Blocks, htmlBlock{Title: ch.Label, Chart: &ch, Table: tb, Notes: notes})
	if lt := ledgerTable(r); lt != nil {
		s.Blocks = append(s.Blocks, htmlBlock{Title: l.T("Credits ledger and own removals (ESRS E1-7)"), Table: lt})
	}
	return s
}

// reductionsChart stacks each year's reduction by where it comes from, over every year of the
// trajectory: a year without data keeps its place on the axis, empty.
func reductionsChart(r reports.Report) echart {
	byYear := map[int]plan.Reduction{}
	var vs []float64
	for _, rd := range r.Claim.Reductions {
		byYear[rd.Year] = rd
		pos, neg := 0.0, 0.0
		for _, v := range []float64{rd.Abatement, rd.Factors, rd.Instruments, rd.Discontinued} {
			if v > 0 {
				pos += v
			} else {
				neg += v
			}
		}
		vs = append(vs, pos, neg)
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(commonChartOpts(ChartReductions), axisTooltip(), grid("24", "3%", underLegend, "34"),
		charts.WithYAxisOpts(valueAxis(r.Lang.T("tCO2e below the base year"), vs)),
		charts.WithXAxisOpts(yearAxis(r.Lang)))...)
	years := make([]int, len(r.Trajectory.Years))
	for i, ty := range r.Trajectory.Years {
		years[i] = ty.Year
	}
	bar.SetXAxis(yearLabels(years))
	add := func(name, color string, pick func(plan.Reduction) float64) {
		data := make([]opts.BarData, len(years))
		for i, y := range years {
			data[i] = opts.BarData{Value: echartsNone}
			if rd, ok := byYear[y]; ok {
				data[i] = opts.BarData{Value: round1(pick(rd))}
			}
		}
		bar.AddSeries(name, data, scopeBarColor("reduction", color))
	}
	add(r.Lang.T("Discontinued activities"), colorDiscontinued, func(x plan.Reduction) float64 { return x.Discontinued })
	add(r.Lang.T("Abatement and growth"), colorAbatement, func(x plan.Reduction) float64 { return x.Abatement })
	add(r.Lang.T("Emission factors"), colorFactors, func(x plan.Reduction) float64 { return x.Factors })
	add(r.Lang.T("Contractual instruments"), colorInstruments, func(x plan.Reduction) float64 { return x.Instruments })
	return echart{ID: ChartReductions, Height: 420, Label: r.Lang.T("Where the reductions since the base year come from"), Options: echartOptions(bar, bar.Validate)}
}

// claimChart draws per year the residual within the claim boundary beside what covers it:
// retired credits and own removals stacked, planned credits apart. Credits are their own
// bars, never subtracted from the emissions.
func claimChart(r reports.Report) echart {
	cc := r.Claim.Check
	years := make([]int, len(cc.Years))
	var vs []float64
	for i, cy := range cc.Years {
		years[i] = cy.Year
		if cy.ResidualHigh != nil {
			vs = append(vs, *cy.ResidualHigh)
		}
		vs = append(vs, cy.CreditsRetired+cy.RemovalsOwn+cy.CreditsPlanned)
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(commonChartOpts(ChartClaim), axisTooltip(), grid("24", "3%", underLegend, "34"),
		charts.WithYAxisOpts(valueAxis("tCO2e", vs)),
		charts.WithXAxisOpts(yearAxis(r.Lang)))...)
	bar.SetXAxis(yearLabels(years))
	add := func(name, stack, color string, pick func(claim.ClaimYear) float64) {
		data := make([]opts.BarData, len(cc.Years))
		for i, cy := range cc.Years {
			data[i] = opts.BarData{Value: round1(pick(cy))}
		}
		bar.AddSeries(name, data, scopeBarColor(stack, color))
	}
	// A year without data has no residual bar: a gap, not 0 t.
	residual := make([]opts.BarData, len(cc.Years))
	for i, cy := range cc.Years {
		residual[i] = barValue(cy.Residual)
	}
	bar.AddSeries(r.Lang.T("Residual gross emissions in the boundary"), residual, scopeBarColor("residual", colorResidual))
	add(r.Lang.T("Retired credits"), "cover", colorRetired, func(c claim.ClaimYear) float64 { return c.CreditsRetired })
	add(r.Lang.T("Own removals"), "cover", colorRemovals, func(c claim.ClaimYear) float64 { return c.RemovalsOwn })
	add(r.Lang.T("Planned or contracted credits (not counted)"), "planned", colorPlanned, func(c claim.ClaimYear) float64 { return c.CreditsPlanned })
	line := charts.NewLine()
	data := make([]opts.LineData, len(cc.Years))
	for i, cy := range cc.Years {
		data[i] = lineValue(cy.ResidualHigh)
	}
	line.AddSeries(r.Lang.T("Residual, 95 %% upper bound"), data,
		charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 5, ShowSymbol: opts.Bool(true)}),
		charts.WithLineStyleOpts(opts.LineStyle{Color: colorResidual, Width: 1.5, Type: "dashed"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colorResidual}))
	bar.Overlap(line)
	return echart{ID: ChartClaim, Height: 440, Label: r.Lang.T("Residual emissions and what covers them, per year"), Options: echartOptions(bar, bar.Validate)}
}

// ledgerTable lists the credits and own removals with their quality attributes.
func ledgerTable(r reports.Report) *htmlTable {
	if len(r.Claim.Credits) == 0 && len(r.Claim.Removals) == 0 {
		return nil
	}
	l := r.Lang
	tb := &htmlTable{Caption: l.T("Credits and own removals, tCO2e — a separate ledger, never netted into the inventory"),
		Head: []string{l.T("Year"), l.T("Name"), l.T("Type"), l.T("Status"), "tCO2e", l.T("Standard"), l.T("Registry"), l.T("Vintage"), l.T("Corresponding adjustment"), l.T("Durability, years")}}
	for _, c := range r.Claim.Credits {
		vintage := emDash
		if c.Vintage != 0 {
			vintage = strconv.Itoa(c.Vintage)
		}
		ca := l.T("no")
		if c.CorrespondingAdjustment {
			ca = l.T("yes")
		}
		tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(strconv.Itoa(c.Year)), textCell(c.Name), textCell(reports.OrDash(c.Kind)), textCell(c.StatusOrDefault()),
			numCell(c.TCO2e), textCell(reports.OrDash(c.Standard)), textCell(reports.OrDash(c.Registry)), textCell(vintage), textCell(ca), textCell(reports.IntOrDash(c.DurabilityYears))}})
	}
	for _, rm := range r.Claim.Removals {
		tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(strconv.Itoa(rm.Year)), textCell(rm.Name), textCell(l.T("own removal")), textCell(emDash),
			numCell(rm.TCO2e), textCell(reports.OrDash(rm.Method)), textCell(emDash), textCell(emDash), textCell(emDash), textCell(reports.IntOrDash(rm.DurabilityYears))}})
	}
	return tb
}
