package excel

import (
	"fmt"

	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

var sheetRestatement = lang.Key("Restatement")

// writeRestatement lists each year's total as reported and restated.
func (x *exporter) writeRestatement() error {
	rows := x.e.Analysis.Restatement
	if rows == nil {
		return nil // no --restate: no sheet
	}
	t := table{sheet: sheetRestatement, rows: len(rows), title: "Restatement: each year's total as reported and restated",
		note: fmt.Sprintf("tCO2e, Scope 2 %s-based, GWP100 %s. %s", x.e.Scope2Method, x.e.GWP, reports.RestatementNote),
		cols: []column{
			{header: "Year", width: 8, style: x.st.integer},
			{header: "As reported, tCO2e", width: 16, style: x.st.tonnes},
			{header: "Restated, tCO2e", width: 16, style: x.st.tonnes},
			{header: "Difference, tCO2e", width: 16, style: x.st.tonnes},
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
