package html

import (
	"strconv"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/disclose"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// organisationSection shows the reporting year's emissions per entity, consolidated and
// gross, with the split ESRS E1-6 §50 asks for, and the year's other E1-6 figures.
func organisationSection(r reports.Report, cur emissions.YearTotals) htmlSection {
	reg := r.Regulatory
	s := htmlSection{ID: "organisation", Title: r.Lang.T("Organisation, consolidation and ESRS E1-6")}
	method := r.Method()
	l := r.Lang
	if o := reg.Organisation; o != nil {
		switch o.Approach {
		case emissions.ConsolidationEquity:
			s.Intro = []string{l.T("%s consolidates its entities by equity share: each entity counts at its equity share. Totals, breakdowns and the trajectory are the consolidated figures.", o.Name)}
		default:
			s.Intro = []string{l.T("%s consolidates its entities by %s control: a controlled entity counts at 100 %%, one not controlled at 0 %% (its emissions are shown apart, gross). Totals, breakdowns and the trajectory are the consolidated figures.", o.Name, approachName(l, o.Approach))}
		}
	} else {
		s.Intro = []string{l.T("No organisation is described: the inventory is one reporting unit, every row at 100 %%.")}
	}
	es := reg.Entities[r.ReportingYear]
	tb := &htmlTable{Caption: l.T("Emissions per entity, %v, tCO2e (Scope 2 %s)", lang.Year(r.ReportingYear), reports.MethodLabelIn(l, method)),
		Head: []string{l.T("Entity"), l.T("Registration"), l.T("Controlled"), l.T("Share"), "Scope 1", "Scope 2", "Scope 3", l.T("Consolidated total"), l.T("Gross total")}}
	var sum, gross float64
	for _, e := range es {
		c := e.Consolidated
		s2 := c.Scope2Market
		if method == emissions.MethodLocation {
			s2 = c.Scope2Location
		}
		tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(reports.AssignedIn(l, e.Name)), textCell(e.Registration), textCell(map[bool]string{true: l.T("yes"), false: l.T("no")}[e.Control]),
			numText(strconv.FormatFloat(100*e.Share, 'f', -1, 64) + " %"), numCell(c.Scope1), numCell(s2), numCell(c.Scope3), numCell(c.Total(method)), numCell(e.Gross.Total(method))}})
		sum += c.Total(method)
		gross += e.Gross.Total(method)
	}
	tb.Rows = append(tb.Rows, htmlRow{Total: true, Cells: []htmlCell{textCell(l.T("Inventory")), textCell(""), textCell(""), textCell(""),
		numCell(cur.Scope1), numCell(cur.Scope2(method)), numCell(cur.Scope3), numCell(sum), numCell(gross)}})
	s.Blocks = append(s.Blocks, htmlBlock{Table: tb, Notes: []string{l.T("Consolidated = gross × share; the consolidated totals of the entities add up to the inventory's total.")}})

	group, inv, out := reports.ConsolidationSplit(es)
	et := &htmlTable{Caption: l.T("ESRS E1-6, %v: the other disclosures", lang.Year(r.ReportingYear)), Head: []string{l.T("Disclosure"), l.T("Value")}}
	row := func(label string, c htmlCell) {
		et.Rows = append(et.Rows, htmlRow{Cells: []htmlCell{textCell(label), c}})
	}
	pct := func(v *float64) htmlCell {
		if v == nil {
			return textCell(l.T("not reported"))
		}
		return numText(strconv.FormatFloat(100**v, 'f', 1, 64) + " %")
	}
	f := reg.Figures[r.ReportingYear]
	if f == nil {
		f = &disclose.ESRSYear{}
	}
	var ets *float64
	if reg.ETSFlagged {
		ets = reports.Fraction(f.Scope1ETS, cur.Scope1)
	}
	row(l.T("Percentage of Scope 1 GHG emissions from regulated emission trading schemes (§48 (b))"), pct(ets))
	row(l.T("Gross Scopes 1 and 2 of the consolidated accounting group, tCO2e (§50 (a))"), numCell(group.Scope1+scopeOf(group, method)))
	row(l.T("Gross Scopes 1 and 2 of investees, tCO2e (§50 (b))"), numCell(inv.Scope1+scopeOf(inv, method)))
	if reg.HasInvestees() {
		row(l.T("Investees outside the consolidation, gross Scopes 1 and 2, tCO2e (not in the totals)"), numCell(out.Scope1+scopeOf(out, method)))
	}
	if reg.CloudFlagged {
		row(l.T("Cloud computing and data centre services (Category 1 sub-row, AR 48), tCO2e"), numCell(f.Cloud))
	}
	row(l.T("Percentage of Scope 3 calculated using primary data (AR 46)"), pct(reports.Fraction(f.Scope3ByDataType[emissions.DataPrimary], cur.Scope3)))
	for sc := 1; sc <= 3; sc++ {
		row(l.T("Biogenic CO2 not included in Scope %d, tCO2", sc), numCell(f.BiogenicByScope[sc]))
	}
	if rev, ok := reg.Revenue(r.ReportingYear); ok {
		unit := reg.NetRevenue.Unit
		row(l.T("Total GHG emissions (location-based) per net revenue, tCO2e/%s (§53)", unit), numText(strconv.FormatFloat(cur.TotalLocation/rev, 'f', 2, 64)))
		row(l.T("Total GHG emissions (market-based) per net revenue, tCO2e/%s (§53)", unit), numText(strconv.FormatFloat(cur.TotalMarket/rev, 'f', 2, 64)))
		row(l.T("Net revenue, %s — %s", unit, reg.RevenueBasis), numCell(rev))
	}
	s.Blocks = append(s.Blocks, htmlBlock{Table: et})

	cv := &htmlTable{Caption: l.T("Scope 3 categories included and excluded, %v (AR 46)", lang.Year(r.ReportingYear)), Head: []string{l.T("Category"), l.T("Status"), l.T("Reason")}}
	for _, c := range reg.Coverage(l, &cur) {
		cv.Rows = append(cv.Rows, htmlRow{Cells: []htmlCell{textCell(reports.ESRSCategoryLabelIn(l, c.Category)), textCell(reports.CoverageStatusIn(l, c.Status)), textCell(c.Reason)}})
	}
	s.Blocks = append(s.Blocks, htmlBlock{Table: cv})
	return s
}

func scopeOf(s emissions.ScopeTotals, method string) float64 {
	if method == emissions.MethodLocation {
		return s.Scope2Location
	}
	return s.Scope2Market
}

// approachName names a control approach in l: operational or financial.
func approachName(l lang.Lang, approach string) string {
	if approach == emissions.ConsolidationFinancial {
		return l.T("financial")
	}
	return l.T("operational")
}
