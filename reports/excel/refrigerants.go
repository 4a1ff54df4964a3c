package excel

import (
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
)

// The Refrigerants sheet: every row of the refrigerant registers with its mass balance
// (leak = recharged − recovered, − the charge of a new unit, + that of a retired one), the gas's GWP and what the leak emits, in Scope 1 for the
// Kyoto gases and outside the scopes for the others (HCFCs such as R-22).

var sheetRefrigerants = lang.Key("Refrigerants")

func (x *exporter) writeRefrigerants() error {
	l := x.e.Lang
	rows := x.e.EnergyTables.Refrigerants
	t := table{sheet: sheetRefrigerants, rows: len(rows), title: l.T("Refrigerants — leaks by mass balance"),
		note: l.T("kg per equipment and year; leak = recharged − recovered, less the charge of a unit installed in the year (new), plus the charge of a unit retired in the year. GWP100 (%s) of the gas, blends from their components. Kyoto gases are Scope 1 (BEGES 1.4, fugitive); HCFCs (R-22) are outside the scopes, never in a total.", x.e.GWP),
		cols: []column{
			{header: l.T("Year"), width: 8, style: x.st.integer},
			{header: l.T("Site"), width: 16},
			{header: l.T("Pole"), width: 14},
			{header: l.T("Equipment"), width: 24},
			{header: l.T("Status"), width: 11},
			{header: l.T("Gas"), width: 12},
			{header: l.T("Factor id"), width: 22},
			{header: l.T("Charge (kg)"), width: 10, style: x.st.number},
			{header: l.T("Recharged (kg)"), width: 10, style: x.st.number},
			{header: l.T("Recovered (kg)"), width: 10, style: x.st.number},
			{header: l.T("Leak (kg)"), width: 10, style: x.st.number},
			{header: l.T("Leak rate (%% of charge)"), width: 10, style: x.st.percent},
			{header: l.T("GWP (kgCO2e/kg)"), width: 10, style: x.st.number},
			{header: l.T("tCO2e"), width: 10, style: x.st.lineTonnes},
			{header: l.T("Reported in"), width: 22},
			{header: l.T("File"), width: 24},
			{header: l.T("Sheet"), width: 14},
			{header: l.T("Row"), width: 7, style: x.st.integer},
		}}
	return x.stream(t, func(add func(...any) error) error {
		for _, r := range rows {
			var gwp, tco2e, rate any
			where := l.T("not computed (see %s)", x.sheet(sheetProblems))
			if f, _, ok := x.e.Library.Lookup(r.Activity, r.Year); ok {
				gwp, tco2e = f.Value, r.Leak*f.Value/1000
				where = "Scope 1 (BEGES 1.4)"
				if f.OutsideScopes {
					where = l.T("outside the scopes")
				}
			}
			if r.HasCharge && r.Charge > 0 {
				rate = r.Leak / r.Charge
			}
			var charge any
			if r.HasCharge {
				charge = r.Charge
			}
			if err := add(r.Year, r.Site, blankIfEmpty(r.Pole), blankIfEmpty(r.Equipment), equipmentStatus(l, r.Status), r.Gas, r.Activity, charge, r.Recharged, r.Recovered,
				r.Leak, rate, gwp, tco2e, where, r.Place.File, r.Place.Sheet, r.Place.Row); err != nil {
				return err
			}
		}
		return nil
	})
}

// equipmentStatus is a register's status (emissions.StatusInService…) as language l writes it.
func equipmentStatus(l lang.Lang, status string) string {
	switch status {
	case emissions.StatusInService:
		return l.T("in service")
	case emissions.StatusNew:
		return l.T("new")
	case emissions.StatusRetired:
		return l.T("retired")
	}
	return status
}
