package html

import (
	"fmt"
	"strconv"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/disclose"
	"github.com/footprint/footprint/reports"
)

// organisationSection shows the reporting year's emissions per entity, consolidated and
// gross, with the split ESRS E1-6 §50 asks for, and the year's other E1-6 figures.
func organisationSection(r reports.Report, cur emissions.YearTotals) htmlSection {
	reg := r.Regulatory
	s := htmlSection{ID: "organisation", Title: r.Lang.T("Organisation, consolidation and ESRS E1-6")}
	method := r.Method()
	if o := reg.Organisation; o != nil {
		how := "a controlled entity counts at 100 %, one not controlled at 0 % (its emissions are shown apart, gross)"
		if o.Approach == emissions.ConsolidationEquity {
			how = "each entity counts at its equity share"
		}
		s.Intro = []string{fmt.Sprintf("%s consolidates its entities by %s %s: %s. Totals, breakdowns and the trajectory are the consolidated figures.",
			o.Name, o.Approach, map[bool]string{true: "share", false: "control"}[o.Approach == emissions.ConsolidationEquity], how)}
	} else {
		s.Intro = []string{"No organisation in config: the inventory is one reporting unit, every row at 100 %. Describe the legal entities under organisation to consolidate them (README, \"Organisation and consolidation\")."}
	}
	es := reg.Entities[r.ReportingYear]
	tb := &htmlTable{Caption: fmt.Sprintf("Emissions per entity, %d, tCO2e (Scope 2 %s-based)", r.ReportingYear, method),
		Head: []string{"Entity", "Registration", "Controlled", "Share", "Scope 1", "Scope 2", "Scope 3", "Consolidated total", "Gross total"}}
	var sum, gross float64
	for _, e := range es {
		c := e.Consolidated
		s2 := c.Scope2Market
		if method == emissions.MethodLocation {
			s2 = c.Scope2Location
		}
		tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(e.Name), textCell(e.Registration), textCell(map[bool]string{true: "yes", false: "no"}[e.Control]),
			numText(strconv.FormatFloat(100*e.Share, 'f', -1, 64) + " %"), numCell(c.Scope1), numCell(s2), numCell(c.Scope3), numCell(c.Total(method)), numCell(e.Gross.Total(method))}})
		sum += c.Total(method)
		gross += e.Gross.Total(method)
	}
	tb.Rows = append(tb.Rows, htmlRow{Total: true, Cells: []htmlCell{textCell("Inventory"), textCell(""), textCell(""), textCell(""),
		numCell(cur.Scope1), numCell(cur.Scope2(method)), numCell(cur.Scope3), numCell(sum), numCell(gross)}})
	s.Blocks = append(s.Blocks, htmlBlock{Table: tb, Notes: []string{"Consolidated = gross × share; the consolidated totals of the entities add up to the inventory's total."}})

	group, inv, out := reports.ConsolidationSplit(es)
	et := &htmlTable{Caption: fmt.Sprintf("ESRS E1-6, %d: the other disclosures", r.ReportingYear), Head: []string{"Disclosure", "Value"}}
	row := func(label string, c htmlCell) {
		et.Rows = append(et.Rows, htmlRow{Cells: []htmlCell{textCell(label), c}})
	}
	pct := func(v *float64) htmlCell {
		if v == nil {
			return textCell("not reported")
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
	row("Percentage of Scope 1 GHG emissions from regulated emission trading schemes (§48 (b))", pct(ets))
	row("Gross Scopes 1 and 2 of the consolidated accounting group, tCO2e (§50 (a))", numCell(group.Scope1+scopeOf(group, method)))
	row("Gross Scopes 1 and 2 of investees, tCO2e (§50 (b))", numCell(inv.Scope1+scopeOf(inv, method)))
	if reg.HasInvestees() {
		row("Investees outside the consolidation, gross Scopes 1 and 2, tCO2e (not in the totals)", numCell(out.Scope1+scopeOf(out, method)))
	}
	if reg.CloudFlagged {
		row("Cloud computing and data centre services (Category 1 sub-row, AR 48), tCO2e", numCell(f.Cloud))
	}
	row("Percentage of Scope 3 calculated using primary data (AR 46)", pct(reports.Fraction(f.Scope3ByDataType[emissions.DataPrimary], cur.Scope3)))
	for sc := 1; sc <= 3; sc++ {
		row(fmt.Sprintf("Biogenic CO2 not included in Scope %d, tCO2", sc), numCell(f.BiogenicByScope[sc]))
	}
	if rev, ok := reg.Revenue(r.ReportingYear); ok {
		unit := reg.NetRevenue.Unit
		row(fmt.Sprintf("Total GHG emissions (location-based) per net revenue, tCO2e/%s (§53)", unit), numText(strconv.FormatFloat(cur.TotalLocation/rev, 'f', 2, 64)))
		row(fmt.Sprintf("Total GHG emissions (market-based) per net revenue, tCO2e/%s (§53)", unit), numText(strconv.FormatFloat(cur.TotalMarket/rev, 'f', 2, 64)))
		row(fmt.Sprintf("Net revenue, %s — %s", unit, reg.RevenueBasis), numCell(rev))
	}
	s.Blocks = append(s.Blocks, htmlBlock{Table: et})

	cv := &htmlTable{Caption: fmt.Sprintf("Scope 3 categories included and excluded, %d (AR 46)", r.ReportingYear), Head: []string{"Category", "Status", "Reason"}}
	for _, c := range reg.Coverage(&cur) {
		cv.Rows = append(cv.Rows, htmlRow{Cells: []htmlCell{textCell(reports.ESRSCategoryLabel(c.Category)), textCell(c.Status), textCell(c.Reason)}})
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
