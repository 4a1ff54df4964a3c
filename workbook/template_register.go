package workbook

import (
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
	"github.com/xuri/excelize/v2"
)

// The template's refrigerant register (docs/user-guide.md#the-input-template): per equipment and year the gas, its
// charge, the kg recharged and recovered and the equipment's status; footprint computes the
// leak by mass balance (recharged − recovered, less the charge of a new unit, plus that of a
// retired one). It sits next to the Refrigerants sheet, which keeps the activity
// layout for registers that give kg leaked directly; footprint recognises a register by its
// header (Gas and Recharged), whatever the sheet's name. The register reads Quality like an
// activity sheet, not Entity or DataType (emissions/refrigerants.go).

// TemplateRegisterSheet is the name of the register in the English template (and the demo).
var TemplateRegisterSheet = lang.Key("Refrigerant register")

// registerColumns are the register's headers in the template's language: French ones are
// built-in spellings of the register's columns (builtinAliases).
func (tw *templateWriter) registerColumns() []string {
	l := tw.l
	return []string{l.T("Year"), "Site", l.T("Pole"), l.T("Equipment"), l.T("Gas"), l.T("Charge (kg)"), l.T("Recharged (kg)"), l.T("Recovered (kg)"), l.T("Comment"), l.T("Quality"), l.T("Status")}
}

// registerGases are the gases the Gas dropdown offers; any other name of a library or custom
// refrigerant factor is accepted too.
var registerGases = []string{"R-134a", "R-32", "R-404A", "R-407C", "R-410A", "R-1234yf", "R-22", "SF6"}

func (tw *templateWriter) register() error {
	sh, l := tw.name(TemplateRegisterSheet), tw.l
	if err := tw.header(sh, 1, tw.registerColumns()...); err != nil {
		return err
	}
	if err := tw.widths(sh, 8, 16, 14, 30, 10, 11, 13, 13, 40, 12, 12); err != nil {
		return err
	}
	if err := tw.f.SetColStyle(sh, "A", tw.st.integer); err != nil {
		return err
	}
	gas := excelize.NewDataValidation(true)
	_ = gas.SetDropList(registerGases)
	gas.SetError(excelize.DataValidationErrorStyleInformation, l.T("Gas"), l.T("Not in the list: footprint accepts it if a factor refrigerant.<gas> exists (built-in or in config factors.custom)."))
	gas.SetInput(l.T("Gas"), l.T("The refrigerant: R-410A, R-134a … (blends' GWP from their components). R-22 (an HCFC) is reported outside the scopes."))
	rules := []rule{
		{1, tw.wholeBetween(emissions.MinYear, emissions.MaxYear, l.T("Year"), tw.yearHelp())},
		{2, tw.fromList(nameSites, excelize.DataValidationErrorStyleInformation, "Site", l.T("Blank: the config's site."), tw.notInList("Sites"))},
		{3, tw.fromList(namePoles, excelize.DataValidationErrorStyleInformation, l.T("Pole"), l.T("The pole the equipment serves."), tw.notInList("Poles"))},
		{5, gas},
		{6, tw.nonNegative(l.T("Charge"), l.T("Nominal charge of the equipment, kg. Needed when Status is new or retired; otherwise a leak above it is warned about."))},
		{7, tw.nonNegative(l.T("Recharged"), l.T("kg of gas put into the equipment during the year (0 if none)."))},
		{8, tw.nonNegative(l.T("Recovered"), l.T("kg of gas taken out and sent for recycling or destruction during the year."))},
		{10, tw.quality()},
		{11, tw.status()},
	}
	return tw.validate(sh, rules)
}

// status is the Status dropdown of the register.
func (tw *templateWriter) status() *excelize.DataValidation {
	l := tw.l
	dv := excelize.NewDataValidation(true)
	_ = dv.SetDropList([]string{l.T("in service"), l.T("new"), l.T("retired")}) // emissions.StatusLevels
	dv.SetError(excelize.DataValidationErrorStyleInformation, l.T("Status"), l.T("Not in the list: footprint also reads en service, neuf, installed, hors service, mis au rebut, disposed, decommissioned …; anything else rejects the row."))
	dv.SetInput(l.T("Status"), l.T("Blank or in service: leak = recharged − recovered. new (installed this year, its first fill in Recharged): − its charge. retired (taken out of service this year): + its charge."))
	return dv
}
