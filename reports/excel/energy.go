package excel

// energySheets are the sheets of EnergyTables that have figures, in workbook order (after
// ESRS E1-6).
func (x *exporter) energySheets() []string {
	var out []string
	for _, s := range x.energySteps() {
		out = append(out, s.name)
	}
	return out
}

func (x *exporter) energySteps() []exportStep {
	reg := x.e.EnergyTables
	var out []exportStep
	if len(reg.Energy) > 0 {
		out = append(out, exportStep{sheetE15, x.writeE15})
	}
	if len(x.begesYears()) > 0 {
		out = append(out, exportStep{sheetBeges, x.writeBeges}, exportStep{sheetBegesPlan, x.writeBegesPlan})
	}
	if len(reg.Refrigerants) > 0 {
		out = append(out, exportStep{sheetRefrigerants, x.writeRefrigerants})
	}
	return out
}

// energyContents describes the regulatory sheets for the Summary's table of contents.
func (x *exporter) energyContents() [][2]string {
	l := x.e.Lang
	what := map[string]string{
		sheetE15:          l.T("Energy consumption and mix in MWh in the layout of ESRS E1 AR 34: fossil by source, nuclear, renewable, shares, energy intensity per net revenue"),
		sheetBeges:        l.T("French BEGES v5: the 22 postes by category with the gases apart, biogenic CO2 and uncertainty (reporting and base years; Scope 2 location-based)"),
		sheetBegesPlan:    l.T("BEGES transition plan: the trajectory's levers with their postes, expected reduction and cost"),
		sheetRefrigerants: l.T("Refrigerant registers: leaks by mass balance (recharged − recovered) per equipment, GWP and tCO2e, in Scope 1 or outside the scopes"),
	}
	var out [][2]string
	for _, name := range x.energySheets() {
		out = append(out, [2]string{name, what[name]})
	}
	return out
}
