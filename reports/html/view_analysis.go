package html

import (
	"strconv"
	"strings"

	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// avoidedSection shows the avoided emissions apart: a chart by activity and year and the
// detail of each activity, with what they are not.
func avoidedSection(r reports.Report) htmlSection {
	s := htmlSection{ID: "avoided", Title: r.Lang.T(reports.AvoidedLabel)}
	a := r.Analysis
	if len(a.Avoided) == 0 {
		s.Intro = []string{r.Lang.T("No row uses a factor of kind avoided: there are no avoided emissions to report.")}
		return s
	}
	s.Intro = []string{
		r.Lang.T("What the site's circular activities displace elsewhere (new vehicles, new batteries, primary materials), computed with factors of kind avoided. They are reported apart, as the GHG Protocol and ESRS E1 require: never subtracted from a scope, a total, the trajectory or a target, and never a credit."),
	}
	ch := avoidedChart(a)
	years := avoidedYears(a)
	head := []string{r.Lang.T("Activity")}
	for _, y := range years {
		head = append(head, strconv.Itoa(y)+", tCO2e")
	}
	tb := &htmlTable{Caption: r.Lang.T("%s, tCO2e by activity and year", r.Lang.T(reports.AvoidedLabel)), Head: head}
	totals := make([]float64, len(years))
	for _, id := range avoidedActivities(a) {
		row := htmlRow{Cells: []htmlCell{textCell(id)}}
		for j, y := range years {
			v := avoidedBy(a, y, id)
			totals[j] += v
			row.Cells = append(row.Cells, numCell(v))
		}
		tb.Rows = append(tb.Rows, row)
	}
	total := htmlRow{Total: true, Cells: []htmlCell{textCell(r.Lang.T("Avoided, total (not in the inventory)"))}}
	for _, v := range totals {
		total.Cells = append(total.Cells, numCell(v))
	}
	tb.Rows = append(tb.Rows, total)
	s.Blocks = append(s.Blocks, htmlBlock{Title: ch.Label, Chart: &ch, Table: tb})

	dt := &htmlTable{Caption: r.Lang.T("Detail %v: quantity × avoided factor", lang.Year(r.ReportingYear)),
		Head: []string{r.Lang.T("Activity"), r.Lang.T("Quantity"), r.Lang.T("Unit"), r.Lang.T("kgCO2e avoided per unit"), r.Lang.T("tCO2e avoided"), r.Lang.T("Source")}}
	for _, v := range a.Avoided {
		if v.Year != r.ReportingYear {
			continue
		}
		dt.Rows = append(dt.Rows, htmlRow{Cells: []htmlCell{textCell(v.Activity), numCell(v.Quantity), textCell(v.FactorUnit),
			numText(strconv.FormatFloat(v.FactorValue, 'f', -1, 64)), numCell(v.TCO2e), textCell(v.Source)}})
	}
	if len(dt.Rows) > 0 {
		s.Blocks = append(s.Blocks, htmlBlock{Table: dt, Notes: []string{r.Lang.T("Each avoided factor is derived from published rows (which ones, and what is subtracted): the Factors sheet of the Excel export gives each derivation.")}})
	}
	return s
}

// intensitySection shows each denominator's intensity per year, with the intensity targets.
func intensitySection(r reports.Report) htmlSection {
	s := htmlSection{ID: "intensity", Title: r.Lang.T("Intensity")}
	a := r.Analysis
	if len(a.Denominators) == 0 {
		s.Intro = []string{r.Lang.T("No intensity denominator is configured (vehicles, staff or revenue per year).")}
		return s
	}
	s.Intro = []string{r.Lang.T("The total (%s) divided by each configured denominator, for the years that have a value; years without one have no intensity.", reports.MethodLabelIn(r.Lang, r.Method()))}
	for i, d := range a.Denominators {
		ch := intensityChart(r, i, d)
		unit := intensityUnit(a.Denominators, d.Name)
		tb := &htmlTable{Caption: r.Lang.T("Intensity %s", d.Name), Head: []string{r.Lang.T("Year"), d.Unit, r.Lang.T("Total, tCO2e"), unit}}
		for _, y := range r.Years {
			v, ok := a.Intensities[y.Year][d.Name]
			if !ok {
				continue
			}
			tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(strconv.Itoa(y.Year)), numText(t(d.Values[y.Year])), numCell(y.Total(r.Method())),
				numText(strconv.FormatFloat(roundIntensity(v), 'f', 3, 64))}})
		}
		b := htmlBlock{Title: ch.Label, Chart: &ch, Table: tb}
		for _, p := range a.IntensityPaths {
			if p.Target.Intensity != d.Name {
				continue
			}
			scopes := make([]string, len(p.Target.Scopes))
			for k, sc := range p.Target.Scopes {
				scopes[k] = strconv.Itoa(sc)
			}
			b.Notes = append(b.Notes, r.Lang.T("Target %q: Scopes %s per %s, %s %% lower in %v than in %v (%s %s); linear, outside the trajectory's boundary and gap.",
				p.Target.Name, strings.Join(scopes, "+"), d.Unit, strconv.FormatFloat(p.Target.ReductionPct, 'f', -1, 64), lang.Year(p.TargetYear), lang.Year(p.BaseYear),
				strconv.FormatFloat(roundIntensity(p.Base), 'f', 3, 64), unit))
		}
		s.Blocks = append(s.Blocks, b)
	}
	return s
}
