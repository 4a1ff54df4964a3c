package html

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/footprint/footprint/emissions/claim"
	"github.com/footprint/footprint/emissions/plan"
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
	c := htmlCard{Label: fmt.Sprintf("%s, %d", reports.ClaimLabel, y), Unit: "", Tone: "good", Value: "claim holds"}
	if !cy.OK {
		c.Value, c.Tone = "no claim", "bad"
	}
	c.Notes = append(c.Notes, "boundary: "+r.Claim.Check.Boundary.Describe())
	if cy.NoData {
		c.Notes = append(c.Notes, fmt.Sprintf("no activity data for %d: its residual is unknown", y))
	} else {
		c.Notes = append(c.Notes, fmt.Sprintf("residual %s t (up to %s t at 95 %%)", t(*cy.Residual), t(*cy.ResidualHigh)))
	}
	c.Notes = append(c.Notes, fmt.Sprintf("retired credits %s t, own removals %s t; planned or contracted %s t (not counted)",
		t(cy.CreditsRetired), t(cy.RemovalsOwn), t(cy.CreditsPlanned)))
	// The header names each reason in a few words; the claim section gives them in full.
	for _, rs := range cy.Reasons {
		c.Notes = append(c.Notes, "✗ "+reasonText(rs))
	}
	if cy.OK {
		c.Notes = append(c.Notes, "retired credits and own removals cover the residual, gross emissions are on the target path")
	} else {
		c.Notes = append(c.Notes, "no contribution to carbon neutrality can be claimed (details under “"+reports.ClaimLabel+"”)")
	}
	return c, true
}

// reasonText is a reason in a few words, or its full message for a code without them.
func reasonText(rs claim.ClaimReason) string {
	if short, ok := reasonShort[rs.Code]; ok {
		return short
	}
	return rs.Message
}

// reasonShort names each reason a claim fails for, for the header.
var reasonShort = map[string]string{
	claim.ReasonNoData:          "no data for the year",
	claim.ReasonProjected:       "no measured emissions yet",
	claim.ReasonNoTarget:        "no target applies",
	claim.ReasonOffTarget:       "gross emissions above the target path",
	claim.ReasonDiscontinued:    "on the target path only thanks to discontinued activities",
	claim.ReasonNotCovered:      "retired credits and own removals do not cover the residual",
	claim.ReasonNotCoveredHigh:  "not covered at the residual's 95 % upper bound",
	claim.ReasonBoundaryScope3:  "the boundary leaves out significant Scope 3",
	claim.ReasonBoundaryNoScope: "nothing of the inventory is in the boundary",
}

// claimSection explains the claim: boundary, base year, reductions and the per-year check.
func claimSection(r reports.Report) htmlSection {
	s := htmlSection{ID: "claim", Title: r.Lang.T(reports.ClaimLabel)}
	tr, cc := r.Trajectory, r.Claim.Check
	if tr == nil || cc == nil {
		s.Intro = []string{"No trajectory is computed, so no claim is checked."}
		return s
	}
	s.Intro = append(s.Intro, fmt.Sprintf("The claim covers %s. Following ADEME, footprint speaks of a contribution to carbon neutrality: credits finance reductions or removals elsewhere and are shown beside the emissions, never subtracted from them. Only retired credits and the site's own removals count; planned and contracted credits are shown apart.", cc.Boundary.Describe()))
	if ex := cc.Excluded; ex.TCO2e > 0 {
		msg := fmt.Sprintf("Left out of the boundary: %s t of Scope 3 in %d (%s of the total; %s).", t(ex.TCO2e), ex.Year, shareOf(ex.TCO2e, ex.TCO2e/max(ex.Share, 1e-300)), claim.CategoriesText(ex.Categories))
		if ex.Significant {
			msg += fmt.Sprintf(" This is significant (at least %d %% of the total): a claim on this boundary would hide most of the footprint.", claim.SignificantScope3Pct)
		}
		s.Intro = append(s.Intro, msg)
	}
	b := tr.Base
	baseText := fmt.Sprintf("Base year %d as reported: %s t.", b.Year, t(b.Reported))
	if b.Applied {
		baseText += fmt.Sprintf(" Recalculated for structural changes: %s t (%s); the targets follow the recalculated base.", t(b.Recalculated), signedTonnes(b.ChangePct)+" %")
	} else if len(b.Events) > 0 {
		baseText += " Not recalculated."
	}
	for _, ev := range b.Events {
		baseText += fmt.Sprintf(" Event: %s, treated as %s.", ev.Label(), ev.TreatmentOrDefault())
	}
	s.Intro = append(s.Intro, baseText)

	if len(r.Claim.Reductions) > 0 {
		ch := reductionsChart(r)
		tb := &htmlTable{Caption: fmt.Sprintf("Reduction from the %d base year as reported, tCO2e (positive: lower than the base year)", tr.BaseYear),
			Head: []string{"Year", "Total", "Discontinued activities", "Abatement and growth", "Emission factors", "Contractual instruments"}}
		for _, rd := range r.Claim.Reductions {
			tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(strconv.Itoa(rd.Year)), numCell(rd.Total), numCell(rd.Discontinued), numCell(rd.Abatement), numCell(rd.Factors), numCell(rd.Instruments)}})
		}
		s.Blocks = append(s.Blocks, htmlBlock{Title: ch.Label, Chart: &ch, Table: tb,
			Notes: []string{"Discontinued activities are those a closure, divestment or outsourcing ended (trajectory.base_year_policy), counted from the event's year: their drop is not abatement. Abatement and growth is the change of the continuing activities (less activity, efficiency, substitutions); emission factors, the change of their location-based factors (energy and grid mix, newer vintages); contractual instruments, the change of market- less location-based Scope 2. Projected years add the plan's levers and growth to abatement."}})
	}

	ch := claimChart(r)
	tb := &htmlTable{Caption: "Claim check per year, tCO2e", Head: []string{"Year", "Residual", "Upper bound (95 %)", "Retired credits", "Own removals", "Planned, not counted", "Verdict", "Reasons"}}
	for _, cy := range cc.Years {
		verdict := reports.ClaimVerdict(cy)
		var reasons []string
		for _, rs := range cy.Reasons {
			reasons = append(reasons, reasonText(rs))
		}
		tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(strconv.Itoa(cy.Year)), optCell(cy.Residual), optCell(cy.ResidualHigh), numCell(cy.CreditsRetired),
			numCell(cy.RemovalsOwn), numCell(cy.CreditsPlanned), textCell(verdict), textCell(strings.Join(reasons, "; "))}})
	}
	// The table names the reasons; the reporting year's are given in full, with their figures.
	var notes []string
	if cy, ok := cc.Year(r.ReportingYear); ok {
		for _, rs := range cy.Reasons {
			notes = append(notes, fmt.Sprintf("%d: %s.", cy.Year, rs.Message))
		}
	}
	s.Blocks = append(s.Blocks, htmlBlock{Title: ch.Label, Chart: &ch, Table: tb, Notes: notes})
	if lt := ledgerTable(r); lt != nil {
		s.Blocks = append(s.Blocks, htmlBlock{Title: "Credits ledger and own removals (ESRS E1-7)", Table: lt})
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
		charts.WithYAxisOpts(valueAxis("tCO2e below the base year", vs)),
		charts.WithXAxisOpts(yearAxis()))...)
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
	add("Discontinued activities", colorDiscontinued, func(x plan.Reduction) float64 { return x.Discontinued })
	add("Abatement and growth", colorAbatement, func(x plan.Reduction) float64 { return x.Abatement })
	add("Emission factors", colorFactors, func(x plan.Reduction) float64 { return x.Factors })
	add("Contractual instruments", colorInstruments, func(x plan.Reduction) float64 { return x.Instruments })
	return echart{ID: ChartReductions, Height: 420, Label: "Where the reductions since the base year come from", Options: echartOptions(bar, bar.Validate)}
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
		charts.WithXAxisOpts(yearAxis()))...)
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
	bar.AddSeries("Residual gross emissions in the boundary", residual, scopeBarColor("residual", colorResidual))
	add("Retired credits", "cover", colorRetired, func(c claim.ClaimYear) float64 { return c.CreditsRetired })
	add("Own removals", "cover", colorRemovals, func(c claim.ClaimYear) float64 { return c.RemovalsOwn })
	add("Planned or contracted credits (not counted)", "planned", colorPlanned, func(c claim.ClaimYear) float64 { return c.CreditsPlanned })
	line := charts.NewLine()
	data := make([]opts.LineData, len(cc.Years))
	for i, cy := range cc.Years {
		data[i] = lineValue(cy.ResidualHigh)
	}
	line.AddSeries("Residual, 95 % upper bound", data,
		charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 5, ShowSymbol: opts.Bool(true)}),
		charts.WithLineStyleOpts(opts.LineStyle{Color: colorResidual, Width: 1.5, Type: "dashed"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colorResidual}))
	bar.Overlap(line)
	return echart{ID: ChartClaim, Height: 440, Label: "Residual emissions and what covers them, per year", Options: echartOptions(bar, bar.Validate)}
}

// ledgerTable lists the credits and own removals with their quality attributes.
func ledgerTable(r reports.Report) *htmlTable {
	if len(r.Claim.Credits) == 0 && len(r.Claim.Removals) == 0 {
		return nil
	}
	tb := &htmlTable{Caption: "Credits and own removals, tCO2e — a separate ledger, never netted into the inventory",
		Head: []string{"Year", "Name", "Type", "Status", "tCO2e", "Standard", "Registry", "Vintage", "Corresponding adjustment", "Durability, years"}}
	for _, c := range r.Claim.Credits {
		vintage := emDash
		if c.Vintage != 0 {
			vintage = strconv.Itoa(c.Vintage)
		}
		ca := "no"
		if c.CorrespondingAdjustment {
			ca = "yes"
		}
		tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(strconv.Itoa(c.Year)), textCell(c.Name), textCell(reports.OrDash(c.Kind)), textCell(c.StatusOrDefault()),
			numCell(c.TCO2e), textCell(reports.OrDash(c.Standard)), textCell(reports.OrDash(c.Registry)), textCell(vintage), textCell(ca), textCell(reports.IntOrDash(c.DurabilityYears))}})
	}
	for _, rm := range r.Claim.Removals {
		tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(strconv.Itoa(rm.Year)), textCell(rm.Name), textCell("own removal"), textCell(emDash),
			numCell(rm.TCO2e), textCell(reports.OrDash(rm.Method)), textCell(emDash), textCell(emDash), textCell(emDash), textCell(reports.IntOrDash(rm.DurabilityYears))}})
	}
	return tb
}
