package excel

import (
	"fmt"
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
	return [][2]string{
		{sheetUncertainty, "The 95 % interval (Monte Carlo) of each year's total, scopes and poles, and the share resting on the default factor uncertainty"},
		{sheetChanges, "Each change of the total between consecutive years, and base year vs reporting year, split into activity effect, factor effect and new or removed activities, per activity"},
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
	method := x.e.Scope2Method
	var out []uncertaintyRow
	for _, t := range x.e.Years {
		yu, _ := x.e.Uncertainty.Year(t.Year)
		total, s2 := t.Total(method), t.Scope2(method)
		out = append(out, uncertaintyRow{t.Year, "Total", "Total " + method + "-based", total, yu.Interval, yu.DefaultShare, yu.QualityShare})
		for s, v := range [4]float64{0, t.Scope1, s2, t.Scope3} {
			if iv, ok := yu.ByScope[s]; ok {
				out = append(out, uncertaintyRow{year: t.Year, dimension: "Scope", item: reports.ScopeName(s, method), value: v, iv: iv})
			}
		}
		for _, p := range reports.LargestFirst(t.ByPole) {
			if iv, ok := yu.ByPole[p]; ok {
				out = append(out, uncertaintyRow{year: t.Year, dimension: "Pole", item: p, value: t.ByPole[p], iv: iv})
			}
		}
		if op := yu.OtherPoles; op.Count > 0 {
			out = append(out, uncertaintyRow{year: t.Year, dimension: "Pole", item: fmt.Sprintf("%d other poles, together", op.Count), value: op.TCO2e, iv: op.Interval})
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
	u := x.e.Uncertainty
	rows := x.uncertaintyRows()
	t := table{sheet: sheetUncertainty, rows: len(rows),
		title: "How sure the figures are: 95 % intervals by Monte Carlo",
		note: fmt.Sprintf("tCO2e (GWP100 %s, Scope 2 %s-based). %d iterations, fixed seed: per iteration one lognormal draw per emission factor vintage (its published uncertainty, else the default %s %%) shared by every line that uses it, and one per activity-data series where a Quality is given. Low and high are the 2.5th and 97.5th percentiles; the README explains the method.",
			x.e.GWP, x.e.Scope2Method, u.Iterations, strconv.FormatFloat(u.DefaultPct, 'f', -1, 64)),
		cols: []column{
			{header: "Year", width: 8, style: x.st.integer},
			{header: "Breakdown", width: 12},
			{header: "Item", width: 30},
			{header: "tCO2e", width: 14, style: x.st.tonnes},
			{header: "Low (2.5 %), tCO2e", width: 14, style: x.st.tonnes},
			{header: "High (97.5 %), tCO2e", width: 14, style: x.st.tonnes},
			{header: "Low vs figure", width: 11, style: x.st.percent},
			{header: "High vs figure", width: 11, style: x.st.percent},
			{header: "Share on the default factor uncertainty", width: 16, style: x.st.percent},
			{header: "Share with a Quality (activity data)", width: 16, style: x.st.percent},
		}}
	for _, yu := range u.Years {
		if yu.OtherPoles.Count > 0 {
			t.note += fmt.Sprintf(" Each year's %d largest poles have an interval of their own; the others one for their sum (\"… other poles, together\").", analysis.PoleIntervals)
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
	n := 0
	for _, c := range x.e.Changes {
		n += 1 + len(c.ByActivity)
	}
	t := table{sheet: sheetChanges, rows: n,
		title: "What changed: each change of the total split into activity effect, factor effect, new or removed activities and discontinued activities",
		note:  fmt.Sprintf("tCO2e, Scope 2 %s-based. Additive LMDI per activity and part (all sites and poles together): activity effect = L·ln(Q1/Q0), factor effect = L·ln(F1/F0) with L the logarithmic mean of the emissions; an activity with emissions in one year only is new or removed; the activities that a closure, divestment or outsourcing of trajectory.base_year_policy ended (an event in either year or between them) are discontinued, and only there. The four parts add up to the change. The row \"All activities\" is each comparison's total.", x.e.Scope2Method),
		cols: []column{
			{header: "From", width: 8, style: x.st.integer},
			{header: "To", width: 8, style: x.st.integer},
			{header: "Comparison", width: 20},
			{header: "Activity", width: 36},
			{header: "tCO2e from", width: 14, style: x.st.tonnes},
			{header: "tCO2e to", width: 14, style: x.st.tonnes},
			{header: "Change", width: 14, style: x.st.tonnes},
			{header: "Activity effect", width: 14, style: x.st.tonnes},
			{header: "Factor effect", width: 14, style: x.st.tonnes},
			{header: "New or removed", width: 14, style: x.st.tonnes},
			{header: "Discontinued", width: 14, style: x.st.tonnes},
		}}
	return x.stream(t, func(add func(...any) error) error {
		for _, c := range x.e.Changes {
			kind := "consecutive years"
			switch {
			case c.BaseToReporting:
				kind = "base vs reporting year"
			case c.To > c.From+1:
				kind = "next year with data" // the years between have none: no change is made up for them
			}
			if err := add(c.From, c.To, kind, cell{StyleID: x.st.totalLabel, Value: "All activities"},
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
