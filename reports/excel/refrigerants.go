package excel

import "github.com/footprint/footprint/lang"

// The Refrigerants sheet: every row of the refrigerant registers with its mass balance
// (leak = recharged − recovered, − the charge of a new unit, + that of a retired one), the gas's GWP and what the leak emits, in Scope 1 for the
// Kyoto gases and outside the scopes for the others (HCFCs such as R-22).

var sheetRefrigerants = lang.Key("Refrigerants")

func (x *exporter) writeRefrigerants() error {
	rows := x.e.EnergyTables.Refrigerants
	t := table{sheet: sheetRefrigerants, rows: len(rows), title: "Refrigerants — leaks by mass balance",
		note: "kg per equipment and year; leak = recharged − recovered, less the charge of a unit installed in the year (new), plus the charge of a unit retired in the year. GWP100 (" + x.e.GWP + ") of the gas, blends from their components. Kyoto gases are Scope 1 (BEGES 1.4, fugitive); HCFCs (R-22) are outside the scopes, never in a total.",
		cols: []column{
			{header: "Year", width: 8, style: x.st.integer},
			{header: "Site", width: 16},
			{header: "Pole", width: 14},
			{header: "Equipment", width: 24},
			{header: "Status", width: 11},
			{header: "Gas", width: 12},
			{header: "Factor id", width: 22},
			{header: "Charge (kg)", width: 10, style: x.st.number},
			{header: "Recharged (kg)", width: 10, style: x.st.number},
			{header: "Recovered (kg)", width: 10, style: x.st.number},
			{header: "Leak (kg)", width: 10, style: x.st.number},
			{header: "Leak rate (% of charge)", width: 10, style: x.st.percent},
			{header: "GWP (kgCO2e/kg)", width: 10, style: x.st.number},
			{header: "tCO2e", width: 10, style: x.st.lineTonnes},
			{header: "Reported in", width: 22},
			{header: "File", width: 24},
			{header: "Sheet", width: 14},
			{header: "Row", width: 7, style: x.st.integer},
		}}
	return x.stream(t, func(add func(...any) error) error {
		for _, r := range rows {
			var gwp, tco2e, rate any
			where := "not computed (see Problems)"
			if f, _, ok := x.e.Library.Lookup(r.Activity, r.Year); ok {
				gwp, tco2e = f.Value, r.Leak*f.Value/1000
				where = "Scope 1 (BEGES 1.4)"
				if f.OutsideScopes {
					where = "outside the scopes"
				}
			}
			if r.HasCharge && r.Charge > 0 {
				rate = r.Leak / r.Charge
			}
			var charge any
			if r.HasCharge {
				charge = r.Charge
			}
			if err := add(r.Year, r.Site, blankIfEmpty(r.Pole), blankIfEmpty(r.Equipment), r.Status, r.Gas, r.Activity, charge, r.Recharged, r.Recovered,
				r.Leak, rate, gwp, tco2e, where, r.Place.File, r.Place.Sheet, r.Place.Row); err != nil {
				return err
			}
		}
		return nil
	})
}
