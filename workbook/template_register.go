package workbook

import (
	"github.com/footprint/footprint/emissions"
	"github.com/xuri/excelize/v2"
)

// The template's refrigerant register (docs/user-guide.md#the-input-template): per equipment and year the gas, its
// charge, the kg recharged and recovered and the equipment's status; footprint computes the
// leak by mass balance (recharged − recovered, less the charge of a new unit, plus that of a
// retired one). It sits next to the Refrigerants sheet, which keeps the activity
// layout for registers that give kg leaked directly; footprint recognises a register by its
// header (Gas and Recharged), whatever the sheet's name. The register reads Quality like an
// activity sheet, not Entity or DataType (emissions/refrigerants.go).

// TemplateRegisterSheet is the name of the register in the template (and the demo).
const TemplateRegisterSheet = "Refrigerant register"

var registerColumns = []string{"Year", "Site", "Pole", "Equipment", "Gas", "Charge (kg)", "Recharged (kg)", "Recovered (kg)", "Comment", "Quality", "Status"}

// registerGases are the gases the Gas dropdown offers; any other name of a library or custom
// refrigerant factor is accepted too.
var registerGases = []string{"R-134a", "R-32", "R-404A", "R-407C", "R-410A", "R-1234yf", "R-22", "SF6"}

func (tw *templateWriter) register() error {
	sh := TemplateRegisterSheet
	if err := tw.header(sh, 1, registerColumns...); err != nil {
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
	gas.SetError(excelize.DataValidationErrorStyleInformation, "Gas", "Not in the list: footprint accepts it if a factor refrigerant.<gas> exists (built-in or in config factors.custom).")
	gas.SetInput("Gas", "The refrigerant: R-410A, R-134a … (blends' GWP from their components). R-22 (an HCFC) is reported outside the scopes.")
	rules := []rule{
		{1, tw.wholeBetween(emissions.MinYear, emissions.MaxYear, "Year", yearHelp)},
		{2, tw.fromList(nameSites, excelize.DataValidationErrorStyleInformation, "Site", "Blank: the config's site.", "Not in the Sites list of the Lists sheet.")},
		{3, tw.fromList(namePoles, excelize.DataValidationErrorStyleInformation, "Pole", "The pole the equipment serves.", "Not in the Poles list of the Lists sheet.")},
		{5, gas},
		{6, tw.nonNegative("Charge", "Nominal charge of the equipment, kg. Needed when Status is new or retired; otherwise a leak above it is warned about.")},
		{7, tw.nonNegative("Recharged", "kg of gas put into the equipment during the year (0 if none).")},
		{8, tw.nonNegative("Recovered", "kg of gas taken out and sent for recycling or destruction during the year.")},
		{10, tw.quality()},
		{11, tw.status()},
	}
	return tw.validate(sh, rules)
}

// status is the Status dropdown of the register.
func (tw *templateWriter) status() *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	_ = dv.SetDropList(emissions.StatusLevels)
	dv.SetError(excelize.DataValidationErrorStyleInformation, "Status", "Not in the list: footprint also reads en service, neuf, installed, hors service, mis au rebut, disposed, decommissioned …; anything else rejects the row.")
	dv.SetInput("Status", "Blank or in service: leak = recharged − recovered. new (installed this year, its first fill in Recharged): − its charge. retired (taken out of service this year): + its charge.")
	return dv
}
