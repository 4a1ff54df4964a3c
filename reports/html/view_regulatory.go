package html

import (
	"strconv"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// energySection shows the reporting year's ESRS E1-5 energy table and its BEGES v5 postes
// (the export holds them for every year, with the gases apart).
func energySection(r reports.Report) (htmlSection, bool) {
	reg := r.EnergyTables
	e, b := reg.EnergyOf(r.ReportingYear), reg.BegesOf(r.ReportingYear)
	if e == nil && b == nil {
		return htmlSection{}, false
	}
	s := htmlSection{ID: "regulatory", Title: r.Lang.T("ESRS E1-5 energy and BEGES"),
		Intro: []string{r.Lang.T("The reporting year's energy consumption and mix (ESRS E1-5) and its French regulatory report (BEGES v5, Scope 2 location-based). The Excel export has both for every year, with the BEGES gases apart and the transition plan.")}}
	if e != nil {
		tb := &htmlTable{Caption: r.Lang.T("ESRS E1-5 energy consumption and mix, %v (MWh, net calorific value)", lang.Year(e.Year)), Head: []string{r.Lang.T("ESRS E1 AR 34 row"), r.Lang.T("MWh or %%")}}
		for _, row := range reports.E15Rows {
			v := row.Get(e)
			c := htmlCell{Text: emDash, Num: true}
			switch x := v.(type) {
			case float64:
				if row.Share {
					c = numText(pct(x))
				} else {
					c = numCell(x)
				}
			}
			tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(reports.E15LabelIn(r.Lang, row.Label)), c}, Total: row.Total})
		}
		var notes []string
		for _, m := range e.MixSources {
			notes = append(notes, r.Lang.T("Mix: %s", reports.MixSourceIn(r.Lang, m)))
		}
		if e.PurchasedHeatMWh > 0 && len(e.MixSources) == 0 {
			notes = append(notes, r.Lang.T("No heat mix is given: purchased heat is counted as fossil."))
		}
		if e.UnknownOriginMWh > 0 {
			notes = append(notes, r.Lang.T("%s MWh of grid electricity are of unknown origin (no supply mix, and the site's country is unknown): the shares are left blank.", r.Lang.Tonnes(e.UnknownOriginMWh)))
		}
		notes = append(notes, r.Lang.T("Activities in high climate impact sectors (NACE sections A to H and L), whose energy alone counts in energy intensity: %s.", reports.HighImpactScopeIn(r.Lang, e.HighImpactScope)))
		s.Blocks = append(s.Blocks, htmlBlock{Title: r.Lang.T("Energy consumption and mix"), Table: tb, Notes: notes, Written: true})
	}
	if b != nil {
		tb := &htmlTable{Caption: r.Lang.T("BEGES v5 postes, %v, tCO2e (category 2 location-based)", lang.Year(b.Year)), Head: []string{r.Lang.T("Poste"), r.Lang.T("Label"), "tCO2e", r.Lang.T("Uncertainty")}}
		for i, p := range b.Postes {
			if p.Total == 0 {
				continue
			}
			tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(p.Poste), textCell(factors.BegesPostes[i].Label), numCell(p.Total),
				numText("± " + strconv.FormatFloat(p.UncertaintyPct, 'f', 0, 64) + " %")}})
		}
		tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(r.Lang.T("Total")), textCell(r.Lang.T("22 postes")), numCell(b.Total), numText("± " + strconv.FormatFloat(b.UncertaintyPct, 'f', 0, 64) + " %")}, Total: true})
		var notes []string
		if b.Outside > 0 {
			notes = append(notes, r.Lang.T("Outside the scopes, not in the total: %s tCO2e of gases outside the Kyoto basket (HCFCs such as R-22).", t(b.Outside)))
		}
		s.Blocks = append(s.Blocks, htmlBlock{Title: "BEGES", Table: tb, Notes: notes})
	}
	return s, true
}
