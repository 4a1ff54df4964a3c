package excel

import (
	"maps"
	"slices"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// sheetEntities lists each year's emissions per entity of the organisation (docs/regulatory.md#organisation-and-consolidation):
// what the consolidated inventory counts of each entity, and its gross emissions. Only
// written with Report.Regulatory.
var sheetEntities = lang.Key("Entities")

func (x *exporter) writeEntities() error {
	l := x.e.Lang
	reg := x.e.Regulatory
	type row struct {
		year int
		e    emissions.EntityTotals
	}
	var rows []row
	for _, y := range slices.Sorted(maps.Keys(reg.Entities)) {
		for _, e := range reg.Entities[y] {
			rows = append(rows, row{y, e})
		}
	}
	approach := l.T("none in config: one reporting unit, every row at 100 %%")
	if o := reg.Organisation; o != nil {
		if o.Approach != emissions.ConsolidationEquity {
			approach = l.T("%s, %s control: a controlled entity at 100 %%, one not controlled at 0 %% (its gross emissions shown apart)", o.Name, approachLabel(l, o.Approach))
		} else {
			approach = l.T("%s, %s share: each entity at its equity share", o.Name, o.Approach)
		}
	}
	cols := []column{
		{header: l.T("Year"), width: 8, style: x.st.integer},
		{header: l.T("Entity"), width: 28},
		{header: l.T("Registration"), width: 18},
		{header: l.T("Controlled (consolidated accounting group)"), width: 14},
		{header: l.T("Consolidation share"), width: 12, style: x.st.percent},
	}
	for _, what := range [][6]string{
		{lang.Key("Consolidated Scope 1 (tCO2e)"), lang.Key("Consolidated Scope 2 location-based (tCO2e)"), lang.Key("Consolidated Scope 2 market-based (tCO2e)"),
			lang.Key("Consolidated Scope 3 (tCO2e)"), lang.Key("Consolidated total location-based (tCO2e)"), lang.Key("Consolidated total market-based (tCO2e)")},
		{lang.Key("Gross Scope 1 (tCO2e)"), lang.Key("Gross Scope 2 location-based (tCO2e)"), lang.Key("Gross Scope 2 market-based (tCO2e)"),
			lang.Key("Gross Scope 3 (tCO2e)"), lang.Key("Gross total location-based (tCO2e)"), lang.Key("Gross total market-based (tCO2e)")},
	} {
		for _, h := range what {
			cols = append(cols, column{header: l.T(h), width: 13, style: x.st.tonnes})
		}
	}
	t := table{sheet: sheetEntities, rows: len(rows), cols: cols,
		title: l.T("Emissions per entity and consolidation (ESRS E1-6 §50; GHG Protocol Corporate Standard, chapter 3)"),
		note: l.T("Consolidation: %s. Consolidated = gross × share; the consolidated figures of a year add up to its totals on ESRS E1-6. GWP100 %s.",
			approach, x.e.GWP)}
	yes := map[bool]string{true: l.T("yes"), false: l.T("no")}
	return x.stream(t, func(add func(...any) error) error {
		for _, r := range rows {
			e := r.e
			vals := []any{r.year, reports.AssignedIn(x.e.Lang, e.Name), blankIfEmpty(e.Registration), yes[e.Control], e.Share}
			for _, s := range []emissions.ScopeTotals{e.Consolidated, e.Gross} {
				vals = append(vals, s.Scope1, s.Scope2Location, s.Scope2Market, s.Scope3, s.TotalLocation(), s.TotalMarket())
			}
			if err := add(vals...); err != nil {
				return err
			}
		}
		return nil
	})
}

// approachLabel names a control approach (operational, financial) as a sentence of language l
// says it; another approach is named as config gives it.
func approachLabel(l lang.Lang, approach string) string {
	switch approach {
	case emissions.ConsolidationOperational:
		return l.T("operational")
	case emissions.ConsolidationFinancial:
		return l.T("financial")
	}
	return approach
}
