package workbook

// The sheets of the input template a team fills in, activity sheets and Instruments, with the
// data validation that keeps their cells to what footprint reads.

import (
	"fmt"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
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

// headers are the activity sheets' headers in the template's language: the French ones are
// built-in spellings of the columns (builtinAliases), which read back.
func (tw *templateWriter) headers() []string {
	out := columnNames()
	for i, c := range out {
		out[i] = tw.columnTitle(Column(c))
	}
	return out
}

// columnTitle is a column's header in the template's language.
func (tw *templateWriter) columnTitle(c Column) string { return columnName(tw.l, c) }

// columnName is a column's name in the language l, as the template heads it and as the
// problems' messages name it.
func columnName(l lang.Lang, c Column) string {
	if c == ColSite || c == ColScope || c == ColInstrument {
		return string(c) // the same word in French
	}
	return l.T(string(c))
}

// columnKeys mark the column names columnTitle translates.
var _ = []string{lang.Key("Year"), lang.Key("Pole"), lang.Key("Activity"), lang.Key("Quantity"), lang.Key("Unit"),
	lang.Key("Category"), lang.Key("Method"), lang.Key("Comment"), lang.Key("Quality"), lang.Key("Entity"),
	lang.Key("DataType"), lang.Key("Factor"), lang.Key("Carrier")}

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

func (tw *templateWriter) yearHelp() string {
	return tw.l.T("A whole year from %d to %d.", lang.Year(emissions.MinYear), lang.Year(emissions.MaxYear))
}

// notInList is the error message of a dropdown of the Lists sheet.
func (tw *templateWriter) notInList(list string) string {
	return tw.l.T("Not in the %s list of the %s sheet.", tw.l.T(list), tw.name("Lists"))
}

func (tw *templateWriter) activitySheet(en string) error {
	sh, l := tw.name(en), tw.l
	lists := tw.name("Lists")
	if err := tw.header(sh, 1, tw.headers()...); err != nil {
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
		{1, tw.wholeBetween(emissions.MinYear, emissions.MaxYear, l.T("Year"), tw.yearHelp())},
		{2, tw.fromList(nameSites, excelize.DataValidationErrorStyleInformation, "Site",
			l.T("Blank: the config's site. Add sites on the %s sheet to offer them here.", lists), l.T("Not in the Sites list of the %s sheet: add it there to keep names consistent.", lists))},
		{3, tw.fromList(namePoles, excelize.DataValidationErrorStyleInformation, l.T("Pole"),
			l.T("Organisational unit. Add poles on the %s sheet to offer them here.", lists), l.T("Not in the Poles list of the %s sheet: add it there to keep names consistent.", lists))},
		{4, tw.fromList(idsName(en), excelize.DataValidationErrorStyleWarning, l.T("Activity"),
			l.T("A factor id (the %s sheet has them all), or a description for a row in tCO2e.", lists), l.T("Not an id usually entered on this sheet. Keep it if it is a factor id of another sheet, a custom factor, or a row in tCO2e."))},
		{5, tw.nonNegative(l.T("Quantity"), l.T("A number ≥ 0 in the row's Unit, typed as a number (no unit, no thousands separator)."))},
		{6, tw.fromList(nameUnits, excelize.DataValidationErrorStyleWarning, l.T("Unit"),
			l.T("Unit of Quantity: converted to the factor's unit. tCO2e or kgCO2e: an already-computed emission."), l.T("Not a unit of the list: footprint will match it only to a factor in exactly that unit."))},
		{7, tw.wholeBetween(1, 3, "Scope", l.T("1, 2 or 3: only for rows in tCO2e or kgCO2e."))},
		{8, tw.wholeBetween(1, 15, l.T("Category"), l.T("Scope 3 category 1 to 15 (see the %s sheet).", tw.name("Help")))},
		{9, tw.method()},
		{11, tw.quality()},
		{12, tw.entity()},
		{13, tw.dataType()},
	}
	return tw.validate(sh, rules)
}

// qualityLevels are emissions.QualityLevels in the template's language, as footprint reads
// them back (emissions.ParseQuality).
func (tw *templateWriter) qualityLevels() []string {
	return []string{tw.l.T("measured"), tw.l.T("calculated"), tw.l.T("estimated")}
}

// dataTypes are emissions.DataTypes in the template's language (emissions.ParseDataType).
func (tw *templateWriter) dataTypes() []string {
	return []string{tw.l.T("primary"), tw.l.T("secondary"), tw.l.T("spend-based")}
}

// Input messages of the optional columns: Excel shows at most 255 characters of a prompt.

// quality is the Quality dropdown, on activity sheets and the register.
func (tw *templateWriter) quality() *excelize.DataValidation {
	l := tw.l
	dv := excelize.NewDataValidation(true)
	_ = dv.SetDropList(tw.qualityLevels())
	dv.SetError(excelize.DataValidationErrorStyleStop, l.T("Quality"), l.T("measured, calculated or estimated, or blank."))
	dv.SetInput(l.T("Quality"), l.T("How Quantity was obtained: measured (meter, weighbridge), calculated (from other data) or estimated; sets its uncertainty. Blank: the data adds no uncertainty, only the factor's."))
	return dv
}

// entity is the Entity dropdown of the organisation's entities. Without an organisation in
// config there is no list: the cell keeps a prompt saying how footprint takes it.
func (tw *templateWriter) entity() *excelize.DataValidation {
	l := tw.l
	if len(tw.t.Entities) == 0 {
		dv := excelize.NewDataValidation(true) // no type: any value, the prompt alone
		dv.SetInput(l.T("Entity"), l.T("No organisation in config: an Entity is taken as written, at 100 %%, with a warning. List your entities under organisation.entities and regenerate the template for a dropdown. Blank: no entity."))
		return dv
	}
	return tw.fromList(nameEntities, excelize.DataValidationErrorStyleWarning, l.T("Entity"),
		l.T("Legal entity of the row, from config organisation.entities. Blank: %s (the first controlled entity).", clipRunes(tw.t.DefaultEntity, 80)),
		l.T("Not an entity of config organisation.entities: footprint rejects the row unless the config lists it."))
}

func (tw *templateWriter) dataType() *excelize.DataValidation {
	l := tw.l
	dv := excelize.NewDataValidation(true)
	_ = dv.SetDropList(tw.dataTypes())
	dv.SetError(excelize.DataValidationErrorStyleStop, l.T("DataType"), l.T("primary, secondary or spend-based, or blank."))
	dv.SetInput(l.T("DataType"), l.T("primary: data from the supplier or another value-chain partner; secondary: average factors on physical quantities; spend-based: money × spend-based factors. Blank: not stated (never counted as primary)."))
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
	l := tw.l
	dv := excelize.NewDataValidation(true)
	_ = dv.SetDropList([]string{l.T("location"), l.T("market")}) // emissions.MethodLocation, MethodMarket, as ParseMethod reads them
	dv.SetError(excelize.DataValidationErrorStyleStop, l.T("Method"), l.T("location or market, for already-computed Scope 2 rows only."))
	dv.SetInput(l.T("Method"), l.T("location or market, for Scope 2 rows in tCO2e only; blank counts in both."))
	return dv
}

// carriers are the instrument carriers in the template's language (instrumentCarrier).
func (tw *templateWriter) carriers() []string {
	return []string{tw.l.T("electricity"), tw.l.T("heat"), tw.l.T("steam"), tw.l.T("cooling")}
}

func (tw *templateWriter) instruments() error {
	sh, l := instrumentsSheet, tw.l
	if err := tw.header(sh, 1, tw.instrumentHeaders()...); err != nil {
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
	unit.SetError(excelize.DataValidationErrorStyleStop, l.T("Unit"), l.T("kWh, MWh or GWh of the energy covered."))
	carrier := excelize.NewDataValidation(true)
	_ = carrier.SetDropList(tw.carriers()) // factors.CarrierElectricity, CarrierHeat, CarrierSteam, CarrierCooling
	carrier.SetError(excelize.DataValidationErrorStyleStop, l.T("Carrier"), l.T("electricity, heat, steam or cooling; blank is electricity."))
	carrier.SetInput(l.T("Carrier"), l.T("The energy the instrument covers: electricity (blank), heat, steam or cooling. It covers only consumption whose factor has that carrier."))
	rules := []rule{
		{1, tw.wholeBetween(emissions.MinYear, emissions.MaxYear, l.T("Year"), tw.yearHelp())},
		{2, tw.fromList(nameSites, excelize.DataValidationErrorStyleInformation, "Site",
			l.T("Blank: the config's site. The instrument covers this site's energy of its carrier in the year."), tw.notInList("Sites"))},
		{4, tw.nonNegative(l.T("Quantity"), l.T("Energy covered, ≥ 0, in the row's Unit."))},
		{5, unit},
		{6, tw.nonNegative(l.T("Factor"), l.T("kgCO2e per kWh of the instrument: 0 for a renewable guarantee of origin."))},
		{7, carrier},
	}
	return tw.validate(sh, rules)
}

// instrumentHeaders are the Instruments sheet's headers in the template's language.
func (tw *templateWriter) instrumentHeaders() []string {
	out := make([]string, len(instrumentColumns))
	for i, c := range instrumentColumns {
		out[i] = tw.columnTitle(c)
	}
	return out
}
