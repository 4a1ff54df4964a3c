package excel

import (
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

var sheetRestatement = lang.Key("Restatement")

// writeRestatement lists each year's total as reported and restated.
func (x *exporter) writeRestatement() error {
	l := x.e.Lang
	rows := x.e.Analysis.Restatement
	if rows == nil {
		return nil // no --restate: no sheet
	}
	t := table{sheet: sheetRestatement, rows: len(rows), title: l.T("Restatement: each year's total as reported and restated"),
		note: l.T("tCO2e, Scope 2 %s, GWP100 %s. %s", reports.MethodLabelIn(l, x.e.Scope2Method), x.e.GWP, reports.RestatementNote),
		cols: []column{
			{header: l.T("Year"), width: 8, style: x.st.integer},
			{header: l.T("As reported, tCO2e"), width: 16, style: x.st.tonnes},
			{header: l.T("Restated, tCO2e"), width: 16, style: x.st.tonnes},
			{header: l.T("Difference, tCO2e"), width: 16, style: x.st.tonnes},
		}}
	return x.stream(t, func(add func(...any) error) error {
		for _, r := range rows {
			if err := add(r.Year, r.AsReported, r.Restated, r.Difference); err != nil {
				return err
			}
		}
		return nil
	})
}
