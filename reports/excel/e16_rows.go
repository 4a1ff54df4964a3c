package excel

import (
	"strconv"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/disclose"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// The rows of the ESRS E1-6 sheet beyond the scopes and their totals: the share of Scope 1
// under emission trading schemes, the cloud sub-row of Category 1, the share of Scope 3 from
// primary data, the split between the consolidated accounting group and investees, biogenic
// CO2 by scope and the GHG intensity per net revenue. Each cites its paragraph of ESRS E1
// (Delegated Regulation (EU) 2023/2772); a figure the inputs or config do not give is left
// blank with a note saying so, never shown as 0.

// AnnualTargetRate is the "Annual % target / Base year" of ESRS E1 AR 48: the reduction a year
// against the base year, (1 − target / base) / (target year − base year), a fraction (0.042
// for an SBTi 1.5 °C path).
func AnnualTargetRate(base, target float64, baseYear, targetYear int) float64 {
	return (1 - target/base) / float64(targetYear-baseYear)
}

// figures is year t's E1-6 figures, or nil.
func (x *exporter) figures(t *emissions.YearTotals) *disclose.ESRSYear {
	if x.e.Regulatory == nil {
		return nil
	}
	return x.e.Regulatory.Figures[t.Year]
}

// etsRow: E1-6 §48 (b), AR 48 — the percentage of Scope 1 from regulated emission trading
// schemes, over the sites and activities config esrs.ets flags.
func (x *exporter) etsRow() e16Row {
	l := x.e.Lang
	r := e16Row{key: "ets", label: l.T("Percentage of Scope 1 GHG emissions from regulated emission trading schemes (%%)"), pct: true}
	if x.e.Regulatory == nil || !x.e.Regulatory.ETSFlagged {
		r.note = l.T("not reported: no site or activity is flagged in config esrs.ets")
		return r
	}
	r.note = l.T("Scope 1 of the sites and activities flagged in config esrs.ets")
	r.get = func(t *emissions.YearTotals) (float64, bool) {
		f := x.figures(t)
		if f == nil || t.Scope1 == 0 {
			return 0, false
		}
		return f.Scope1ETS / t.Scope1, true
	}
	return r
}

// cloudRow: AR 48 — the optional sub-category of Category 1, over the activities config
// esrs.cloud_activities names.
func (x *exporter) cloudRow() e16Row {
	l := x.e.Lang
	r := e16Row{key: "cloud", label: l.T("Optional sub-category: Cloud computing and data centre services (tCO2eq)")}
	if x.e.Regulatory == nil || !x.e.Regulatory.CloudFlagged {
		r.note = l.T("not reported: no activity is flagged in config esrs.cloud_activities")
		return r
	}
	r.note = l.T("part of Category 1: the activities matching config esrs.cloud_activities")
	r.get = func(t *emissions.YearTotals) (float64, bool) {
		if f := x.figures(t); f != nil {
			return f.Cloud, true
		}
		return 0, false
	}
	return r
}

// primaryRow: AR 46 — the percentage of Scope 3 calculated using primary data, from the
// DataType column (blank cells are not primary).
func (x *exporter) primaryRow() e16Row {
	l := x.e.Lang
	return e16Row{key: "primary", pct: true,
		label: l.T("Percentage of Scope 3 GHG emissions calculated using primary data obtained from suppliers or other value chain partners (%%)"),
		note:  l.T("rows whose DataType is primary; secondary, spend-based and blank are not"),
		get: func(t *emissions.YearTotals) (float64, bool) {
			f := x.figures(t)
			if f == nil || t.Scope3 == 0 {
				return 0, false
			}
			return f.Scope3ByDataType[emissions.DataPrimary] / t.Scope3, true
		}}
}

// coverageNote: AR 46 — whether Scope 3 category c is included or excluded, and why, in the
// reporting year.
func (x *exporter) coverageNote(c int) string {
	t := x.byYear[x.e.ReportingYear]
	if t == nil || x.e.Regulatory == nil {
		return ""
	}
	cv := x.e.Regulatory.Coverage(x.e.Lang, t)[c-1]
	return x.e.Lang.T("%v: %s — %s", lang.Year(x.e.ReportingYear), reports.CoverageStatusIn(x.e.Lang, cv.Status), cv.Reason)
}

// consolidationRows: E1-6 §50 — Scopes 1 and 2 of the consolidated accounting group and of
// the investees, as the inventory counts them; then the investees a control approach leaves
// out, gross, reported apart.
func (x *exporter) consolidationRows() []e16Row {
	l := x.e.Lang
	reg := x.e.Regulatory
	split := func(t *emissions.YearTotals) (group, inv, out emissions.ScopeTotals, ok bool) {
		if reg == nil {
			return group, inv, out, false
		}
		es, has := reg.Entities[t.Year]
		if !has {
			return group, inv, out, false
		}
		group, inv, out = reports.ConsolidationSplit(es)
		return group, inv, out, true
	}
	pick := func(which int, scope func(emissions.ScopeTotals) float64) func(t *emissions.YearTotals) (float64, bool) {
		return func(t *emissions.YearTotals) (float64, bool) {
			g, i, o, ok := split(t)
			return scope([]emissions.ScopeTotals{g, i, o}[which]), ok
		}
	}
	s1 := func(s emissions.ScopeTotals) float64 { return s.Scope1 }
	s2l := func(s emissions.ScopeTotals) float64 { return s.Scope2Location }
	s2m := func(s emissions.ScopeTotals) float64 { return s.Scope2Market }
	groupNote := l.T("the entities the organisation controls (config organisation.entities, control: true)")
	invNote := l.T("entities not controlled, at their share of the consolidated inventory")
	if reg == nil || reg.Organisation == nil {
		groupNote = l.T("no organisation in config: every row is the reporting undertaking's own")
		invNote = groupNote
	} else if reg.Organisation.Approach != emissions.ConsolidationEquity {
		invNote = l.T("%s control: an entity not controlled counts at 0 %%; its emissions are below, apart", approachLabel(l, reg.Organisation.Approach))
	} else {
		invNote = l.T("equity share: each investee at its equity share (config organisation.entities[].equity_pct)")
	}
	group := l.T("the consolidated accounting group (the parent and subsidiaries)")
	investees := l.T("investees (associates, joint ventures, unconsolidated subsidiaries, joint arrangements)")
	rows := []e16Row{
		{label: l.T("Scope 1 and 2 GHG emissions by consolidation (E1-6 §50)"), kind: e16Section},
		{key: "s1group", label: l.T("Gross Scope 1 GHG emissions from %s (tCO2eq)", group), get: pick(0, s1), note: groupNote},
		{key: "s1inv", label: l.T("Gross Scope 1 GHG emissions from %s (tCO2eq)", investees), get: pick(1, s1), note: invNote},
		{key: "s2lgroup", label: l.T("Gross location-based Scope 2 GHG emissions from %s (tCO2eq)", group), get: pick(0, s2l)},
		{key: "s2linv", label: l.T("Gross location-based Scope 2 GHG emissions from %s (tCO2eq)", investees), get: pick(1, s2l)},
		{key: "s2mgroup", label: l.T("Gross market-based Scope 2 GHG emissions from %s (tCO2eq)", group), get: pick(0, s2m)},
		{key: "s2minv", label: l.T("Gross market-based Scope 2 GHG emissions from %s (tCO2eq)", investees), get: pick(1, s2m)},
	}
	if reg.HasInvestees() && reg.Organisation.Approach != emissions.ConsolidationEquity {
		note := l.T("reported apart, never added to a scope or total (GHG Protocol control approach)")
		rows = append(rows,
			e16Row{key: "s1out", label: l.T("Investees not controlled, outside the consolidated totals above: gross Scope 1 (tCO2eq)"), get: pick(2, s1), note: note},
			e16Row{key: "s2lout", label: l.T("Investees not controlled, outside the consolidated totals above: gross location-based Scope 2 (tCO2eq)"), get: pick(2, s2l), note: note},
			e16Row{key: "s2mout", label: l.T("Investees not controlled, outside the consolidated totals above: gross market-based Scope 2 (tCO2eq)"), get: pick(2, s2m), note: note},
		)
	}
	return rows
}

// biogenicRows: AR 43 (c), AR 45 (e), AR 46 (j) — biogenic CO2 from the combustion or
// bio-degradation of biomass, apart from each scope, and their sum.
func (x *exporter) biogenicRows() []e16Row {
	l := x.e.Lang
	by := func(scope int) func(t *emissions.YearTotals) (float64, bool) {
		return func(t *emissions.YearTotals) (float64, bool) {
			f := x.figures(t)
			if f == nil {
				return 0, false
			}
			return f.BiogenicByScope[scope], true
		}
	}
	rows := []e16Row{{label: l.T("Biogenic CO2 emissions (outside the scopes)"), kind: e16Section}}
	var keys []string
	for s := 1; s <= 3; s++ {
		key := "bio" + strconv.Itoa(s)
		keys = append(keys, key)
		rows = append(rows, e16Row{key: key, get: by(s),
			label: l.T("Biogenic emissions of CO2 from the combustion or bio-degradation of biomass not included in Scope %s (tCO2)", strconv.Itoa(s))})
	}
	total := e16Row{key: "biogenic", label: l.T("Biogenic CO2 emissions from the combustion or biodegradation of biomass (tCO2)"),
		get:  func(t *emissions.YearTotals) (float64, bool) { return t.BiogenicCO2, true },
		note: l.T("reported apart from Scopes 1, 2 and 3")}
	if x.e.Regulatory != nil {
		total.kind, total.sum = e16Total, keys
	}
	return append(rows, total)
}

// revenueRows: E1-6 §53–55, AR 53–55 — total GHG emissions by method per net revenue, as
// formulas over the totals and the net revenue row, which states its basis.
func (x *exporter) revenueRows() []e16Row {
	l := x.e.Lang
	reg := x.e.Regulatory
	rows := []e16Row{{label: l.T("GHG intensity per net revenue (E1-6 §53–55)"), kind: e16Section}}
	if reg == nil || reg.NetRevenue == nil {
		return append(rows, e16Row{label: l.T("Total GHG emissions per net revenue (tCO2eq/Monetary unit)"),
			note: l.T("not reported: mark the net revenue's entry of config intensity with net_revenue: true and its basis")})
	}
	unit := reg.NetRevenue.Unit
	rev := func(t *emissions.YearTotals) (float64, bool) { return reg.Revenue(t.Year) }
	per := func(total func(*emissions.YearTotals) float64) func(t *emissions.YearTotals) (float64, bool) {
		return func(t *emissions.YearTotals) (float64, bool) {
			v, ok := rev(t)
			if !ok {
				return 0, false
			}
			return total(t) / v, true
		}
	}
	return append(rows,
		e16Row{key: "perrevlocation", div: [2]string{"totallocation", "revenue"}, get: per(func(t *emissions.YearTotals) float64 { return t.TotalLocation }),
			label: l.T("Total GHG emissions (location-based) per net revenue (tCO2eq/%s)", unit)},
		e16Row{key: "perrevmarket", div: [2]string{"totalmarket", "revenue"}, get: per(func(t *emissions.YearTotals) float64 { return t.TotalMarket }),
			label: l.T("Total GHG emissions (market-based) per net revenue (tCO2eq/%s)", unit)},
		e16Row{key: "revenue", get: rev, label: l.T("Net revenue used to calculate GHG intensity (%s)", unit),
			note: l.T("basis: %s", reg.RevenueBasis)},
	)
}

// milestoneValue is target i's value at a milestone year after the trajectory (i < 0: the sum
// of the targets, when each has that milestone), from config trajectory.targets[].milestones.
func (x *exporter) milestoneValue(i, y int) *float64 {
	tr := x.e.Trajectory
	if tr == nil || x.e.Regulatory == nil || y <= tr.TargetYear {
		return nil
	}
	ms := x.e.Regulatory.Milestones
	one := func(i int) *float64 {
		if i >= len(ms) {
			return nil
		}
		pct, ok := ms[i][y]
		base := x.targetValue(i, tr.BaseYear)
		if !ok || base == nil {
			return nil
		}
		v := *base * (1 - pct/100)
		return &v
	}
	if i >= 0 {
		return one(i)
	}
	sum := 0.0
	for j := range x.e.Targets {
		v := one(j)
		if v == nil {
			return nil
		}
		sum += *v
	}
	return &sum
}
