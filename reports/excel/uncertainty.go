package excel

import (
	"strconv"

	"github.com/footprint/footprint/emissions/analysis"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// The sheets of the analyses (docs/user-guide.md#the-excel-export): how sure each figure is, and what changed.
var (
	sheetUncertainty = lang.Key("Uncertainty")
	sheetChanges     = lang.Key("Changes")
)

func (x *exporter) analysisSheets() []string {
	if x.e.Uncertainty == nil {
		return nil
	}
	return []string{sheetUncertainty, sheetChanges}
}

func (x *exporter) analysisSteps() []exportStep {
	if x.e.Uncertainty == nil {
		return nil
	}
	return []exportStep{{sheetUncertainty, x.writeUncertainty}, {sheetChanges, x.writeChanges}}
}

func (x *exporter) analysisContents() [][2]string {
	if x.e.Uncertainty == nil {
		return nil
	}
	l := x.e.Lang
	return [][2]string{
		{sheetUncertainty, l.T("The 95 %% interval (Monte Carlo) of each year's total, scopes and poles, and the share resting on the default factor uncertainty")},
		{sheetChanges, l.T("Each change of the total between consecutive years, and base year vs reporting year, split into activity effect, factor effect and new or removed activities, per activity")},
	}
}

// uncertaintyRow is one figure of the Uncertainty sheet with its interval.
type uncertaintyRow struct {
	year           int
	dimension      string
	item           string
	value          float64
	iv             analysis.Interval
	defShare, qual any // shares for the total rows, blank for the others
}

func (x *exporter) uncertaintyRows() []uncertaintyRow {
	method, l := x.e.Scope2Method, x.e.Lang
	var out []uncertaintyRow
	for _, t := range x.e.Years {
		yu, _ := x.e.Uncertainty.Year(t.Year)
		total, s2 := t.Total(method), t.Scope2(method)
		out = append(out, uncertaintyRow{t.Year, l.T("Total"), l.T("Total %s", reports.MethodLabelIn(l, method)), total, yu.Interval, yu.DefaultShare, yu.QualityShare})
		for s, v := range [4]float64{0, t.Scope1, s2, t.Scope3} {
			if iv, ok := yu.ByScope[s]; ok {
				out = append(out, uncertaintyRow{year: t.Year, dimension: l.T("Scope"), item: reports.ScopeNameIn(l, s, method), value: v, iv: iv})
			}
		}
		for _, p := range reports.LargestFirst(t.ByPole) {
			if iv, ok := yu.ByPole[p]; ok {
				out = append(out, uncertaintyRow{year: t.Year, dimension: l.T("Pole"), item: reports.AssignedIn(x.e.Lang, p), value: t.ByPole[p], iv: iv})
			}
		}
		if op := yu.OtherPoles; op.Count > 0 {
			out = append(out, uncertaintyRow{year: t.Year, dimension: l.T("Pole"), item: l.T("%s other poles, together", x.count(op.Count)), value: op.TCO2e, iv: op.Interval})
		}
	}
	return out
}

// relative is how far a bound lies from the figure, as a fraction; blank without a figure.
func relative(bound, v float64) any {
	if v == 0 {
		return nil
	}
	return (bound - v) / v
}

func (x *exporter) writeUncertainty() error {
	l := x.e.Lang
	u := x.e.Uncertainty
	rows := x.uncertaintyRows()
	t := table{sheet: sheetUncertainty, rows: len(rows),
		title: l.T("How sure the figures are: 95 %% intervals by Monte Carlo"),
		note: l.T("tCO2e (GWP100 %s, Scope 2 %s). %s iterations, fixed seed: per iteration one lognormal draw per emission factor vintage (its published uncertainty, else the default %s %%) shared by every line that uses it, and one per activity-data series where a Quality is given. Low and high are the 2.5th and 97.5th percentiles; the Method section of the HTML report explains the method.",
			x.e.GWP, reports.MethodLabelIn(l, x.e.Scope2Method), x.count(u.Iterations), l.Localize(strconv.FormatFloat(u.DefaultPct, 'f', -1, 64))),
		cols: []column{
			{header: l.T("Year"), width: 8, style: x.st.integer},
			{header: l.T("Breakdown"), width: 12},
			{header: l.T("Item"), width: 30},
			{header: l.T("tCO2e"), width: 14, style: x.st.tonnes},
			{header: l.T("Low (2.5 %%), tCO2e"), width: 14, style: x.st.tonnes},
			{header: l.T("High (97.5 %%), tCO2e"), width: 14, style: x.st.tonnes},
			{header: l.T("Low vs figure"), width: 11, style: x.st.percent},
			{header: l.T("High vs figure"), width: 11, style: x.st.percent},
			{header: l.T("Share on the default factor uncertainty"), width: 16, style: x.st.percent},
			{header: l.T("Share with a Quality (activity data)"), width: 16, style: x.st.percent},
		}}
	for _, yu := range u.Years {
		if yu.OtherPoles.Count > 0 {
			t.note += " " + l.T("Each year's %s largest poles have an interval of their own; the others one for their sum (\"… other poles, together\").", x.count(analysis.PoleIntervals))
			break
		}
	}
	return x.stream(t, func(add func(...any) error) error {
		for _, r := range rows {
			if err := add(r.year, r.dimension, r.item, r.value, r.iv.Low, r.iv.High,
				relative(r.iv.Low, r.value), relative(r.iv.High, r.value), r.defShare, r.qual); err != nil {
				return err
			}
		}
		return nil
	})
}

func (x *exporter) writeChanges() error {
	l := x.e.Lang
	n := 0
	for _, c := range x.e.Changes {
		n += 1 + len(c.ByActivity)
	}
	t := table{sheet: sheetChanges, rows: n,
		title: l.T("What changed: each change of the total split into activity effect, factor effect, new or removed activities and discontinued activities"),
		note:  l.T("tCO2e, Scope 2 %s. Additive LMDI per activity and part (all sites and poles together): activity effect = L·ln(Q1/Q0), factor effect = L·ln(F1/F0) with L the logarithmic mean of the emissions; an activity with emissions in one year only is new or removed; the activities that a closure, divestment or outsourcing of trajectory.base_year_policy ended (an event in either year or between them) are discontinued, and only there. The four parts add up to the change. The row \"%s\" is each comparison's total.", reports.MethodLabelIn(l, x.e.Scope2Method), l.T("All activities")),
		cols: []column{
			{header: l.T("From"), width: 8, style: x.st.integer},
			{header: l.T("To"), width: 8, style: x.st.integer},
			{header: l.T("Comparison"), width: 20},
			{header: l.T("Activity"), width: 36},
			{header: l.T("tCO2e from"), width: 14, style: x.st.tonnes},
			{header: l.T("tCO2e to"), width: 14, style: x.st.tonnes},
			{header: l.T("Change"), width: 14, style: x.st.tonnes},
			{header: l.T("Activity effect"), width: 14, style: x.st.tonnes},
			{header: l.T("Factor effect"), width: 14, style: x.st.tonnes},
			{header: l.T("New or removed"), width: 14, style: x.st.tonnes},
			{header: l.T("Discontinued"), width: 14, style: x.st.tonnes},
		}}
	return x.stream(t, func(add func(...any) error) error {
		for _, c := range x.e.Changes {
			kind := l.T("consecutive years")
			switch {
			case c.BaseToReporting:
				kind = l.T("base vs reporting year")
			case c.To > c.From+1:
				kind = l.T("next year with data") // the years between have none: no change is made up for them
			}
			if err := add(c.From, c.To, kind, cell{StyleID: x.st.totalLabel, Value: l.T("All activities")},
				cell{StyleID: x.st.totalTonnes, Value: c.TotalFrom}, cell{StyleID: x.st.totalTonnes, Value: c.TotalTo},
				cell{StyleID: x.st.totalTonnes, Value: c.TotalTo - c.TotalFrom}, cell{StyleID: x.st.totalTonnes, Value: c.ActivityEffect},
				cell{StyleID: x.st.totalTonnes, Value: c.FactorEffect}, cell{StyleID: x.st.totalTonnes, Value: c.Other},
				cell{StyleID: x.st.totalTonnes, Value: c.Discontinued}); err != nil {
				return err
			}
			for _, a := range c.ByActivity {
				if err := add(c.From, c.To, kind, a.Activity, a.From, a.To, a.To-a.From, a.ActivityEffect, a.FactorEffect, a.Other, a.Discontinued); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
