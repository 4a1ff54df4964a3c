package html

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/analysis"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// pct formats a fraction as a percentage with one decimal.
func pct(f float64) string { return strconv.FormatFloat(100*f, 'f', 1, 64) + " %" }

// relRange formats an interval around v as "−a % / +b %".
func relRange(iv analysis.Interval, v float64) string {
	if v == 0 {
		return emDash
	}
	return fmt.Sprintf("−%s / +%s", pct((v-iv.Low)/v), pct((iv.High-v)/v))
}

func intervalCells(iv analysis.Interval, v float64) []htmlCell {
	return []htmlCell{numCell(v), numCell(iv.Low), numCell(iv.High), numText(relRange(iv, v))}
}

// uncertaintySection says how sure each year's total is, and the reporting year's scopes and
// poles; the band on the trajectory chart draws the same intervals.
func uncertaintySection(r reports.Report, cur emissions.YearTotals) htmlSection {
	u := r.Uncertainty
	l := r.Lang
	method := reports.MethodLabelIn(l, r.Method())
	s := htmlSection{ID: "uncertainty", Title: l.T("How sure are these figures")}
	s.Intro = []string{l.T("Each total has a 95 %% interval: the true figure lies within it with 95 %% probability, given the published uncertainty of each emission factor and the quality of the activity data (the Method section says how it is computed).")}
	if bandCovers(r.Trajectory) {
		s.Intro = append(s.Intro, l.T("The trajectory chart draws these intervals as a shaded band around the actual years."))
	}
	tb := &htmlTable{Caption: l.T("95 %% interval of the total per year, tCO2e (%s)", method),
		Head: []string{l.T("Year"), l.T("Total"), l.T("Low (2.5 %%)"), l.T("High (97.5 %%)"), l.T("Range"), l.T("Default factor uncertainty"), l.T("Activity data with a Quality")}}
	for _, y := range r.Years {
		yu, _ := u.Year(y.Year)
		cells := append([]htmlCell{textCell(strconv.Itoa(y.Year))}, intervalCells(yu.Interval, y.Total(r.Method()))...)
		cells = append(cells, numText(pct(yu.DefaultShare)), numText(pct(yu.QualityShare)))
		tb.Rows = append(tb.Rows, htmlRow{Cells: cells})
	}
	yu, _ := u.Year(cur.Year)
	notes := []string{l.T("In %v, %s of the total rests on factors whose source publishes no uncertainty (and on market-based instruments, the residual mix and already-computed rows): they take the default uncertainty of %s %%.",
		lang.Year(cur.Year), pct(yu.DefaultShare), strconv.FormatFloat(u.DefaultPct, 'f', -1, 64))}
	if yu.QualityShare == 0 {
		notes = append(notes, l.T("No activity row gives a Quality: activity data are taken as exact, and the intervals cover the factors only."))
	}
	blocks := []htmlBlock{{Table: tb, Notes: notes}}

	dt := &htmlTable{Caption: l.T("%v by scope and pole, tCO2e (%s)", lang.Year(cur.Year), method), Head: []string{l.T("Scope or pole"), "tCO2e", l.T("Low (2.5 %%)"), l.T("High (97.5 %%)"), l.T("Range")}}
	for sc, v := range [4]float64{0, cur.Scope1, cur.Scope2(r.Method()), cur.Scope3} {
		if iv, ok := yu.ByScope[sc]; ok {
			dt.Rows = append(dt.Rows, htmlRow{Cells: append([]htmlCell{{Text: reports.ScopeNameIn(l, sc, r.Method()), Swatch: reports.ScopeColor(sc)}}, intervalCells(iv, v)...)})
		}
	}
	for _, p := range reports.LargestFirst(cur.ByPole) {
		if iv, ok := yu.ByPole[p]; ok {
			dt.Rows = append(dt.Rows, htmlRow{Cells: append([]htmlCell{textCell(reports.AssignedIn(l, p))}, intervalCells(iv, cur.ByPole[p])...)})
		}
	}
	partNotes := []string{l.T("The intervals of the parts do not add up to the total's: errors partly cancel in a sum, except where one factor is shared.")}
	if op := yu.OtherPoles; op.Count > 0 {
		dt.Rows = append(dt.Rows, htmlRow{Cells: append([]htmlCell{textCell(l.T("%d other poles, together", op.Count))}, intervalCells(op.Interval, op.TCO2e)...)})
		partNotes = append(partNotes, l.T("The %d largest poles of %v have an interval of their own; the %d others have one interval for their sum.", analysis.PoleIntervals, lang.Year(cur.Year), op.Count))
	}
	dt.Rows = append(dt.Rows, htmlRow{Total: true, Cells: append([]htmlCell{textCell(l.T("Total (%s)", method))}, intervalCells(yu.Interval, cur.Total(r.Method()))...)})
	blocks = append(blocks, htmlBlock{Table: dt, Notes: partNotes})
	s.Blocks = blocks
	return s
}

// maxChangeActivities bounds the activities listed under the waterfall.
const maxChangeActivities = 15

// changesSection is the waterfall of the headline change and the tables of every change.
func changesSection(r reports.Report) htmlSection {
	l := r.Lang
	method := reports.MethodLabelIn(l, r.Method())
	s := htmlSection{ID: "changes", Title: l.T("What changed"),
		Intro: []string{l.T("Each change of the total is split into an activity effect (more or less of the same activity), a factor effect (a newer factor vintage, another market-based mix), new or removed activities (an activity with emissions in only one of the two years) and discontinued activities (what a closure, divestment or outsourcing recorded in the base-year policy ended, between or in the two years). An activity that a pole winds down or another takes up, without such an event, changes its quantity: the evolution by pole shows where. The four add up to the change exactly (the Method section says how).")}}
	if c, ok := headlineChange(r); ok {
		ch := changesChart(l, c)
		wt := &htmlTable{Caption: l.T("From %v to %v, tCO2e (%s)", lang.Year(c.From), lang.Year(c.To), method), Head: []string{l.T("Step"), "tCO2e"}}
		wt.Rows = append(wt.Rows, htmlRow{Total: true, Cells: []htmlCell{textCell(l.T("Total %v", lang.Year(c.From))), numCell(c.TotalFrom)}})
		for _, st := range waterfallSteps(c) {
			wt.Rows = append(wt.Rows, htmlRow{Cells: []htmlCell{textCell(l.T(st.Label)), numCell(st.Value)}})
		}
		wt.Rows = append(wt.Rows, htmlRow{Total: true, Cells: []htmlCell{textCell(l.T("Total %v", lang.Year(c.To))), numCell(c.TotalTo)}})
		at := &htmlTable{Caption: l.T("From %v to %v by activity, largest changes first, tCO2e", lang.Year(c.From), lang.Year(c.To)),
			Head: []string{l.T("Activity"), strconv.Itoa(c.From), strconv.Itoa(c.To), l.T("Activity effect"), l.T("Factor effect"), l.T("New or removed"), l.T("Discontinued")}}
		for i, a := range c.ByActivity {
			if i == maxChangeActivities {
				break
			}
			at.Rows = append(at.Rows, htmlRow{Cells: []htmlCell{textCell(reports.ActivityName(r, a.Activity)), numCell(a.From), numCell(a.To), numCell(a.ActivityEffect), numCell(a.FactorEffect), numCell(a.Other), numCell(a.Discontinued)}})
		}
		var notes []string
		if len(c.Events) > 0 {
			labels := make([]string, len(c.Events))
			for i, ev := range c.Events {
				labels[i] = l.T("%s, treated as %s", ev.Label(), ev.TreatmentOrDefault())
			}
			notes = append(notes, l.T("Discontinued activities: %s.", strings.Join(labels, "; ")))
		}
		if len(c.ByActivity) > maxChangeActivities {
			notes = append(notes, l.T("… and %d more activities: the Changes sheet of the Excel export lists them all.", len(c.ByActivity)-maxChangeActivities))
		}
		s.Blocks = append(s.Blocks, htmlBlock{Title: ch.Label, Chart: &ch, Table: wt}, htmlBlock{Table: at, Notes: notes})
	}
	all := &htmlTable{Caption: l.T("Every change, tCO2e (%s)", method), Head: []string{l.T("From"), l.T("To"), l.T("Total from"), l.T("Total to"), l.T("Change"), l.T("Activity effect"), l.T("Factor effect"), l.T("New or removed"), l.T("Discontinued")}}
	for _, c := range r.Changes {
		all.Rows = append(all.Rows, htmlRow{Total: c.BaseToReporting, Cells: []htmlCell{textCell(strconv.Itoa(c.From)), textCell(strconv.Itoa(c.To)),
			numCell(c.TotalFrom), numCell(c.TotalTo), numCell(c.TotalTo - c.TotalFrom), numCell(c.ActivityEffect), numCell(c.FactorEffect), numCell(c.Other), numCell(c.Discontinued)}})
	}
	s.Blocks = append(s.Blocks, htmlBlock{Table: all})
	return s
}
