package workbook

// The sheets of the input template a team fills in, activity sheets and Instruments, with the
// data validation that keeps their cells to what footprint reads.

import (
	"fmt"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
	"github.com/xuri/excelize/v2"
)

// columnNames are the headers of an activity sheet: the canonical columns in the order of
// docs/user-guide.md#activity-sheets table, then the optional Quality, Entity and DataType in the loader's order
// (ActivityColumns).
func columnNames() []string {
	order := []Column{ColYear, ColSite, ColPole, ColActivity, ColQuantity,
		ColUnit, ColScope, ColCategory, ColMethod, ColComment,
		ColQuality, ColEntity, ColDataType}
	out := make([]string, len(order))
	for i, c := range order {
		out[i] = string(c)
	}
	return out
}

// rule is the data validation of one column of an input sheet.
type rule struct {
	col int
	dv  *excelize.DataValidation
}

// validate adds each rule on its column from row 2 down, and freezes the header row.
func (tw *templateWriter) validate(sheet string, rules []rule) error {
	for _, r := range rules {
		letter, _ := excelize.ColumnNumberToName(r.col)
		r.dv.Sqref = fmt.Sprintf("%s2:%s%d", letter, letter, excelize.TotalRows)
		if err := tw.f.AddDataValidation(sheet, r.dv); err != nil {
			return fmt.Errorf("%s: %w", sheet, err)
		}
	}
	return tw.freeze(sheet, 1)
}

func (tw *templateWriter) wholeBetween(lo, hi int, title, msg string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	_ = dv.SetRange(lo, hi, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween)
	dv.SetError(excelize.DataValidationErrorStyleStop, title, msg)
	dv.SetInput(title, msg)
	return dv
}

func (tw *templateWriter) nonNegative(title, msg string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	_ = dv.SetRange(0, 0, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorGreaterThanOrEqual)
	dv.Formula2 = ""
	dv.SetError(excelize.DataValidationErrorStyleStop, title, msg)
	dv.SetInput(title, msg)
	return dv
}

// fromList is a dropdown of a defined name; style says whether other values are refused
// (stop), questioned (warning) or accepted with a note (information).
func (tw *templateWriter) fromList(name string, style excelize.DataValidationErrorStyle, title, input, errMsg string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	dv.SetSqrefDropList(name)
	dv.SetError(style, title, errMsg)
	dv.SetInput(title, input)
	return dv
}

var (
	yearHelp     = fmt.Sprintf("A whole year from %d to %d.", emissions.MinYear, emissions.MaxYear)
	quantityHelp = "A number ≥ 0 in the row's Unit, typed as a number (no unit, no thousands separator)."
)

func (tw *templateWriter) activitySheet(sh string) error {
	if err := tw.header(sh, 1, columnNames()...); err != nil {
		return err
	}
	if err := tw.widths(sh, 8, 16, 16, 34, 14, 14, 7, 9, 10, 40, 12, 26, 12); err != nil {
		return err
	}
	if err := tw.f.SetColStyle(sh, "A", tw.st.integer); err != nil {
		return err
	}
	if err := tw.f.SetColStyle(sh, "E", tw.st.number); err != nil {
		return err
	}
	rules := []rule{
		{1, tw.wholeBetween(emissions.MinYear, emissions.MaxYear, "Year", yearHelp)},
		{2, tw.fromList(nameSites, excelize.DataValidationErrorStyleInformation, "Site",
			"Blank: the config's site. Add sites on the Lists sheet to offer them here.", "Not in the Sites list of the Lists sheet: add it there to keep names consistent.")},
		{3, tw.fromList(namePoles, excelize.DataValidationErrorStyleInformation, "Pole",
			"Organisational unit. Add poles on the Lists sheet to offer them here.", "Not in the Poles list of the Lists sheet: add it there to keep names consistent.")},
		{4, tw.fromList(idsName(sh), excelize.DataValidationErrorStyleWarning, "Activity",
			"A factor id (the Lists sheet has them all), or a description for a row in tCO2e.", "Not an id usually entered on this sheet. Keep it if it is a factor id of another sheet, a custom factor, or a row in tCO2e.")},
		{5, tw.nonNegative("Quantity", quantityHelp)},
		{6, tw.fromList(nameUnits, excelize.DataValidationErrorStyleWarning, "Unit",
			"Unit of Quantity: converted to the factor's unit. tCO2e or kgCO2e: an already-computed emission.", "Not a unit of the list: footprint will match it only to a factor in exactly that unit.")},
		{7, tw.wholeBetween(1, 3, "Scope", "1, 2 or 3: only for rows in tCO2e or kgCO2e.")},
		{8, tw.wholeBetween(1, 15, "Category", "Scope 3 category 1 to 15 (see the Help sheet).")},
		{9, tw.method()},
		{11, tw.quality()},
		{12, tw.entity()},
		{13, tw.dataType()},
	}
	return tw.validate(sh, rules)
}

// Input messages of the optional columns (Excel shows at most 255 characters of a prompt).
const (
	qualityInput  = "How Quantity was obtained: measured (meter, weighbridge), calculated (from other data) or estimated; sets its uncertainty. Blank: the data adds no uncertainty, only the factor's."
	dataTypeInput = "primary: data from the supplier or another value-chain partner; secondary: average factors on physical quantities; spend-based: money × spend-based factors. Blank: not stated (never counted as primary)."
)

// quality is the Quality dropdown, on activity sheets and the register.
func (tw *templateWriter) quality() *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	_ = dv.SetDropList(emissions.QualityLevels)
	dv.SetError(excelize.DataValidationErrorStyleStop, "Quality", "measured, calculated or estimated, or blank.")
	dv.SetInput("Quality", qualityInput)
	return dv
}

// entity is the Entity dropdown of the organisation's entities. Without an organisation in
// config there is no list: the cell keeps a prompt saying how footprint takes it.
func (tw *templateWriter) entity() *excelize.DataValidation {
	if len(tw.t.Entities) == 0 {
		dv := excelize.NewDataValidation(true) // no type: any value, the prompt alone
		dv.SetInput("Entity", "No organisation in config: an Entity is taken as written, at 100 %, with a warning. List your entities under organisation.entities and regenerate the template for a dropdown. Blank: no entity.")
		return dv
	}
	return tw.fromList(nameEntities, excelize.DataValidationErrorStyleWarning, "Entity",
		fmt.Sprintf("Legal entity of the row, from config organisation.entities. Blank: %s (the first controlled entity).", clipRunes(tw.t.DefaultEntity, 80)),
		"Not an entity of config organisation.entities: footprint rejects the row unless the config lists it.")
}

func (tw *templateWriter) dataType() *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	_ = dv.SetDropList(emissions.DataTypes)
	dv.SetError(excelize.DataValidationErrorStyleStop, "DataType", "primary, secondary or spend-based, or blank.")
	dv.SetInput("DataType", dataTypeInput)
	return dv
}

// clipRunes shortens s to n characters with an ellipsis, for text that has a length limit.
func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func (tw *templateWriter) method() *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	_ = dv.SetDropList([]string{emissions.MethodLocation, emissions.MethodMarket})
	dv.SetError(excelize.DataValidationErrorStyleStop, "Method", "location or market, for already-computed Scope 2 rows only.")
	dv.SetInput("Method", "location or market, for Scope 2 rows in tCO2e only; blank counts in both.")
	return dv
}

func (tw *templateWriter) instruments() error {
	const sh = "Instruments"
	if err := tw.header(sh, 1, "Year", "Site", "Instrument", "Quantity", "Unit", "Factor", "Carrier"); err != nil {
		return err
	}
	if err := tw.widths(sh, 8, 16, 40, 14, 8, 22, 14); err != nil {
		return err
	}
	if err := tw.f.SetColStyle(sh, "A", tw.st.integer); err != nil {
		return err
	}
	unit := excelize.NewDataValidation(true)
	_ = unit.SetDropList([]string{"kWh", "MWh", "GWh"})
	unit.SetError(excelize.DataValidationErrorStyleStop, "Unit", "kWh, MWh or GWh of the energy covered.")
	carrier := excelize.NewDataValidation(true)
	_ = carrier.SetDropList([]string{factors.CarrierElectricity, factors.CarrierHeat, factors.CarrierSteam, factors.CarrierCooling})
	carrier.SetError(excelize.DataValidationErrorStyleStop, "Carrier", "electricity, heat, steam or cooling; blank is electricity.")
	carrier.SetInput("Carrier", "The energy the instrument covers: electricity (blank), heat, steam or cooling. It covers only consumption whose factor has that carrier.")
	rules := []rule{
		{1, tw.wholeBetween(emissions.MinYear, emissions.MaxYear, "Year", yearHelp)},
		{2, tw.fromList(nameSites, excelize.DataValidationErrorStyleInformation, "Site",
			"Blank: the config's site. The instrument covers this site's energy of its carrier in the year.", "Not in the Sites list of the Lists sheet.")},
		{4, tw.nonNegative("Quantity", "Energy covered, ≥ 0, in the row's Unit.")},
		{5, unit},
		{6, tw.nonNegative("Factor", "kgCO2e per kWh of the instrument: 0 for a renewable guarantee of origin.")},
		{7, carrier},
	}
	return tw.validate(sh, rules)
}
