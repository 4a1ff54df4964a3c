package reports

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
	"github.com/xuri/excelize/v2"
)

// Template is what the input template offers: the factors whose ids fill the Activity
// dropdowns (the library with the config's custom factors), the default site, and the poles
// (none by default: the team types them on the Lists sheet, and the dropdown follows).
type Template struct {
	Factors []factors.Factor
	Site    string
	Poles   []string
}

// TemplateSheets are the activity sheets of the template, in order (SPEC §3's canonical names).
var TemplateSheets = []string{"Energy", "Logistics", "Materials", "Waste", "Refrigerants", "Travel"}

// TemplateUnits are the units the Unit dropdown offers besides those of the factors: the usual
// spellings of each dimension footprint converts, and the units of already-computed emissions.
var TemplateUnits = []string{
	"kWh", "kWh PCS", "kWh PCI", "MWh", "MWh PCS", "MWh PCI", "GWh", "MJ", "GJ", "toe", "therm", "mmBtu",
	"L", "m3", "US gal", "g", "kg", "t", "short ton", "lb", "km", "mile", "t.km", "short ton.mile",
	"passenger.km", "passenger.mile", "tCO2e", "kgCO2e",
}

// templateSheetOf says on which sheet a factor's activity is usually entered.
func templateSheetOf(f factors.Factor) string {
	id := strings.ToLower(f.ID)
	switch {
	case strings.HasPrefix(id, "refrigerant.") || strings.HasPrefix(id, "ghg."):
		return "Refrigerants"
	case f.Scope == 1 || f.Scope == 2:
		return "Energy"
	case f.Category == 4 || f.Category == 9:
		return "Logistics"
	case f.Category == 6 || f.Category == 7:
		return "Travel"
	case f.Category == 5 || f.Category == 12:
		return "Waste"
	}
	return "Materials"
}

// templateExample is a row of the Examples sheet.
type templateExample struct {
	sheet string
	row   []any // Year, Site, Pole, Activity, Quantity, Unit, Scope, Category, Method, Comment
}

// WriteTemplateFile writes the template to path atomically.
func WriteTemplateFile(path string, t Template) error {
	return writeAtomic(path, func(w io.Writer) error { return WriteTemplate(w, t) })
}

// WriteTemplate writes the input workbook a team fills in (SPEC §3): a Help sheet, the
// canonical activity sheets with their header row and data validation (dropdowns of activity
// ids, units, poles and sites from defined names on the Lists sheet; whole-number years;
// quantities ≥ 0), an Instruments sheet, an Examples sheet and the Lists sheet. footprint
// reads the activity sheets and Instruments; Help, Examples and Lists start with a title row,
// not a header, so it skips them.
func WriteTemplate(w io.Writer, t Template) error {
	f := excelize.NewFile()
	defer f.Close()
	tw := &templateWriter{f: f, t: t}
	if err := tw.build(); err != nil {
		return err
	}
	return saveDeterministic(f, w)
}

type templateWriter struct {
	f  *excelize.File
	t  Template
	st struct{ title, note, header, wrap, top, number, integer int }
	// ids by template sheet, and all ids, sorted
	ids map[string][]string
	all []factors.Factor
}

// Defined names behind the dropdowns.
const (
	nameUnits = "Units"
	namePoles = "Poles"
	nameSites = "Sites"
	listSlots = 200 // rows kept for poles and sites typed on the Lists sheet
)

func idsName(sheet string) string { return "Ids_" + sheet }

func (tw *templateWriter) build() error {
	f := tw.f
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:    "footprint activity data template",
		Subject:  "Activity data for the GHG inventory: energy, logistics, materials, waste, refrigerants, travel, Scope 2 instruments",
		Creator:  "footprint",
		Language: "en",
	}); err != nil {
		return err
	}
	if err := tw.styles(); err != nil {
		return err
	}
	tw.catalogue()
	if err := f.SetSheetName("Sheet1", "Help"); err != nil {
		return err
	}
	for _, name := range append(append(append([]string{}, TemplateSheets...), "Instruments", "Examples"), "Lists") {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	steps := []func() error{tw.lists, tw.help, tw.examples, tw.instruments}
	for _, s := range TemplateSheets {
		s := s
		steps = append(steps, func() error { return tw.activitySheet(s) })
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return nil
}

func (tw *templateWriter) styles() error {
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}
	integer, number := "0", "General"
	defs := []struct {
		id *int
		s  *excelize.Style
	}{
		{&tw.st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		// Notes are one line overflowing to the right: wrapped in column A they were cut.
		{&tw.st.note, &excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959"}}},
		{&tw.st.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill, Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}}},
		{&tw.st.wrap, &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&tw.st.top, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&tw.st.integer, &excelize.Style{CustomNumFmt: &integer}},
		{&tw.st.number, &excelize.Style{CustomNumFmt: &number}},
	}
	for _, d := range defs {
		id, err := tw.f.NewStyle(d.s)
		if err != nil {
			return err
		}
		*d.id = id
	}
	return nil
}

// catalogue sorts the factors' ids (one entry per id, its latest vintage) by sheet.
func (tw *templateWriter) catalogue() {
	latest := map[string]factors.Factor{}
	for _, f := range tw.t.Factors {
		k := strings.ToLower(f.ID)
		if cur, ok := latest[k]; !ok || f.Year >= cur.Year {
			latest[k] = f
		}
	}
	keys := make([]string, 0, len(latest))
	for k := range latest {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	tw.ids = map[string][]string{}
	for _, k := range keys {
		f := latest[k]
		tw.all = append(tw.all, f)
		s := templateSheetOf(f)
		tw.ids[s] = append(tw.ids[s], f.ID)
	}
}

// units are TemplateUnits followed by any other unit a factor is per, without repeats.
func (tw *templateWriter) units() []string {
	seen := map[string]bool{}
	var out []string
	add := func(u string) {
		if k := strings.ToLower(u); !seen[k] {
			seen[k] = true
			out = append(out, u)
		}
	}
	for _, u := range TemplateUnits {
		add(u)
	}
	var extra []string
	for _, f := range tw.all {
		if !seen[strings.ToLower(f.Unit)] {
			extra = append(extra, f.Unit)
		}
	}
	sort.Strings(extra)
	for _, u := range extra {
		add(u)
	}
	return out
}

// setRow writes values from column A of a row; styled cells are excelize.Cell values.
func (tw *templateWriter) setRow(sheet string, row int, vals ...any) error {
	for i, v := range vals {
		if v == nil {
			continue
		}
		ref, err := excelize.CoordinatesToCellName(i+1, row)
		if err != nil {
			return err
		}
		if c, ok := v.(excelize.Cell); ok {
			if err := tw.f.SetCellValue(sheet, ref, c.Value); err != nil {
				return err
			}
			if err := tw.f.SetCellStyle(sheet, ref, ref, c.StyleID); err != nil {
				return err
			}
			continue
		}
		if err := tw.f.SetCellValue(sheet, ref, v); err != nil {
			return err
		}
	}
	return nil
}

// titled writes a sheet's title in row 1, tall enough for its font, and a note in row 2. A
// title row, not a header, is what makes footprint skip the sheet.
func (tw *templateWriter) titled(sheet, title, note string) error {
	if err := tw.setRow(sheet, 1, excelize.Cell{StyleID: tw.st.title, Value: title}); err != nil {
		return err
	}
	if err := tw.f.SetRowHeight(sheet, 1, titleHeight); err != nil {
		return err
	}
	return tw.setRow(sheet, 2, excelize.Cell{StyleID: tw.st.note, Value: note})
}

func (tw *templateWriter) header(sheet string, row int, names ...string) error {
	vals := make([]any, len(names))
	for i, n := range names {
		vals[i] = excelize.Cell{StyleID: tw.st.header, Value: n}
	}
	return tw.setRow(sheet, row, vals...)
}

func (tw *templateWriter) widths(sheet string, widths ...float64) error {
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := tw.f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	return nil
}

func (tw *templateWriter) freeze(sheet string, rows int) error {
	top := fmt.Sprintf("A%d", rows+1)
	return tw.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: rows, TopLeftCell: top, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}}})
}

// lists writes the Lists sheet: the catalogue of activity ids, the id list of each sheet, the
// units, and the poles and sites the team may extend; each list has a defined name.
func (tw *templateWriter) lists() error {
	const sh = "Lists"
	if err := tw.titled(sh, "Lists behind the dropdowns", "Add your poles and sites in their columns (up to 200 each): the Pole and Site dropdowns follow. Activity ids and units come from footprint's factor library and your config's custom factors; regenerate the template with `footprint template` after adding factors."); err != nil {
		return err
	}
	cols := []string{"Activity id", "Name", "Unit", "Scope", "Category", "Source"}
	for _, s := range TemplateSheets {
		cols = append(cols, s+" ids")
	}
	cols = append(cols, "Units", "Poles", "Sites")
	if err := tw.header(sh, 3, cols...); err != nil {
		return err
	}
	for i, f := range tw.all {
		if err := tw.setRow(sh, 4+i, f.ID, f.Name, f.Unit, f.Scope, nonZero(f.Category), f.Source); err != nil {
			return err
		}
	}
	names := []excelize.DefinedName{}
	list := func(col int, values []string, name string, slots int) error {
		letter, _ := excelize.ColumnNumberToName(col)
		for i, v := range values {
			if err := tw.setRow(sh, 4+i, append(make([]any, col-1), v)...); err != nil {
				return err
			}
		}
		last := 3 + max(len(values), slots, 1)
		names = append(names, excelize.DefinedName{Name: name, RefersTo: fmt.Sprintf("%s!$%s$4:$%s$%d", sh, letter, letter, last)})
		return nil
	}
	col := 7
	for _, s := range TemplateSheets {
		if err := list(col, tw.ids[s], idsName(s), 0); err != nil {
			return err
		}
		col++
	}
	if err := list(col, tw.units(), nameUnits, 0); err != nil {
		return err
	}
	if err := list(col+1, tw.t.Poles, namePoles, listSlots); err != nil {
		return err
	}
	var sites []string
	if tw.t.Site != "" {
		sites = []string{tw.t.Site}
	}
	if err := list(col+2, sites, nameSites, listSlots); err != nil {
		return err
	}
	for _, n := range names {
		if err := tw.f.SetDefinedName(&n); err != nil {
			return err
		}
	}
	widths := []float64{34, 50, 12, 7, 9, 50}
	for range TemplateSheets {
		widths = append(widths, 34)
	}
	if err := tw.widths(sh, append(widths, 14, 20, 20)...); err != nil {
		return err
	}
	return tw.freeze(sh, 3)
}

// columnHelp explains each canonical column: required, what to enter, an example.
var columnHelp = []struct {
	column   emissions.Column
	required string
	what     string
	example  string
}{
	{emissions.ColYear, "yes", "Year of the activity: a whole number (a date is also read as its year).", "2024"},
	{emissions.ColSite, "no", "Site name; blank takes the config's `site`. The dropdown lists the Sites of the Lists sheet.", "Flins"},
	{emissions.ColPole, "no", "Organisational unit or business line. The dropdown lists the Poles you enter on the Lists sheet.", "RE-TROFIT"},
	{emissions.ColActivity, "yes", "Activity id: a factor id of the library (dropdown, or `footprint factors list --search gas`) or of your config's custom factors. For already-computed emissions, any description.", "fr.natural-gas.pcs"},
	{emissions.ColQuantity, "yes", "A number ≥ 0 in the row's Unit. Type a real number: no unit in the cell, no thousands separator.", "850"},
	{emissions.ColUnit, "yes", "Unit of Quantity, converted to the factor's unit within its dimension (energy, volume, mass, distance, t.km, passenger.km). Gas energy may state its basis: kWh PCS (gross) or kWh PCI (net). tCO2e or kgCO2e marks an already-computed emission.", "MWh PCS"},
	{emissions.ColScope, "no", "1, 2 or 3. Needed only for already-computed emissions (Unit tCO2e or kgCO2e).", "3"},
	{emissions.ColCategory, "no", "Scope 3 category 1–15: needed for already-computed Scope 3 rows; otherwise it overrides the factor's (e.g. car km as commuting, 7).", "1"},
	{emissions.ColMethod, "no", "location or market, for already-computed Scope 2 rows only; blank counts the row in both Scope 2 totals.", "market"},
	{emissions.ColComment, "no", "Free text, carried to the lines of the Excel export.", "meter readings, invoices Jan–Dec"},
}

func (tw *templateWriter) help() error {
	const sh = "Help"
	widths := []float64{26, 10, 90, 22}
	row := 1
	put := func(vals ...any) error {
		err := tw.setRow(sh, row, vals...)
		row++
		return err
	}
	note := func(s string) any { return excelize.Cell{StyleID: tw.st.wrap, Value: s} }
	// at the top of the row, level with the paragraph beside it
	top := func(s string) any { return excelize.Cell{StyleID: tw.st.top, Value: s} }
	h := func(v string) any { return excelize.Cell{StyleID: tw.st.header, Value: v} }
	// paragraph writes text wrapped over the columns from, to of the row, as tall as it needs.
	paragraph := func(from, to int, text string) error {
		first, _ := excelize.CoordinatesToCellName(from, row)
		last, _ := excelize.CoordinatesToCellName(to, row)
		if err := tw.setRow(sh, row, append(make([]any, from-1), note(text))...); err != nil {
			return err
		}
		if from < to {
			if err := tw.f.MergeCell(sh, first, last); err != nil {
				return err
			}
		}
		width := 0.0
		for _, w := range widths[from-1 : to] {
			width += w
		}
		return tw.f.SetRowHeight(sh, row, rowHeight(wrappedLines(text, width)))
	}
	if err := put(excelize.Cell{StyleID: tw.st.title, Value: "How to fill this workbook"}); err != nil {
		return err
	}
	if err := tw.f.SetRowHeight(sh, 1, titleHeight); err != nil {
		return err
	}
	for _, text := range []string{
		"One row per activity and year on the sheets Energy, Logistics, Materials, Waste, Refrigerants and Travel (any sheet whose first row holds these headers is read, whatever its name). Keep the header row as it is; add rows below it. A wholly blank row is skipped.",
		"Check the file with `footprint validate --input this-file.xlsx`: every rejected row is listed with its sheet, cell and reason. `footprint calc --input this-file.xlsx` gives the inventory.",
	} {
		if err := paragraph(1, 4, text); err != nil {
			return err
		}
		row++
	}
	row++
	if err := put(h("Column"), h("Required"), h("What to enter"), h("Example")); err != nil {
		return err
	}
	for _, c := range columnHelp {
		if err := tw.setRow(sh, row, top(string(c.column)), top(c.required), nil, top(c.example)); err != nil {
			return err
		}
		if err := paragraph(3, 3, c.what); err != nil {
			return err
		}
		row++
	}
	more := [][2]string{
		{"Sheets", "Energy: electricity, gas, fuels, heat, site fleet fuel (Scopes 1 and 2). Logistics: freight in t.km. Materials: purchased goods in t or kg. Waste: waste treated, in t. Refrigerants: leaks (kg of gas recharged). Travel: business travel and commuting in km or passenger.km. The Activity dropdown of each sheet lists the ids usually entered there; any id is accepted on any sheet."},
		{"Already-computed emissions", "A row whose Unit is tCO2e or kgCO2e (a supplier's figure, a past inventory known by totals) is taken as it is: give its Scope, and its Category for Scope 3; for Scope 2, Method says location or market (blank: both)."},
		{"Instruments", "Scope 2 contractual instruments for electricity (guarantees of origin, PPAs, supplier rates): Year, Site, Instrument, Quantity, Unit (kWh, MWh, GWh), Factor in kgCO2e/kWh (0 for a renewable guarantee of origin). They cover grid electricity of their year and site; any excess is capped with a warning."},
		{"Examples", "The Examples sheet shows filled rows; it is not read (its first row is a title). Copy rows from it to the activity sheets."},
		{"Lists", "The Lists sheet holds the dropdowns' values: every activity id with its name, unit and source; the units; the poles and sites you add."},
		{"Units", "Energy kWh, MWh, GWh, MJ, GJ, toe, therm, mmBtu (gas may say PCS/GCV gross or PCI/NCV net); volume L, m3, US gal; mass g, kg, t, short ton, lb; distance km, mile; freight t.km, short ton.mile; passenger.km. Other units (room-night) match only themselves. `ton` is refused as ambiguous: write t or short ton."},
	}
	row++
	if err := put(h("Topic"), h(""), h("How"), h("")); err != nil {
		return err
	}
	for _, m := range more {
		if err := tw.setRow(sh, row, top(m[0])); err != nil {
			return err
		}
		if err := paragraph(3, 4, m[1]); err != nil {
			return err
		}
		row++
	}
	return tw.widths(sh, widths...)
}

// examples are a few filled rows, with real library ids.
func (tw *templateWriter) exampleRows() []templateExample {
	site := tw.t.Site
	return []templateExample{
		{"Energy", []any{2024, site, nil, "fr.electricity.grid", 1200000, "kWh", nil, nil, nil, "meter readings Jan–Dec"}},
		{"Energy", []any{2024, site, nil, "fr.natural-gas.pcs", 850, "MWh PCS", nil, nil, nil, "gas invoices (gross calorific value)"}},
		{"Energy", []any{2024, site, nil, "fr.diesel.off-road", 12000, "L", nil, nil, nil, "forklifts and yard tractors"}},
		{"Logistics", []any{2024, site, nil, "fr.freight.road.artic-34-40t", 250000, "t.km", nil, nil, nil, "inbound vehicles by truck"}},
		{"Materials", []any{2024, site, nil, "fr.material.steel.primary", 120, "t", nil, nil, nil, "purchased steel"}},
		{"Waste", []any{2024, site, nil, "fr.waste.mixed-industrial", 35, "t", nil, nil, nil, "mixed industrial waste"}},
		{"Refrigerants", []any{2024, site, nil, "refrigerant.r-410a", 4.5, "kg", nil, nil, nil, "recharge after a leak"}},
		{"Travel", []any{2024, site, nil, "fr.travel.train.high-speed", 180000, "passenger.km", nil, nil, nil, "business trips by TGV"}},
		{"Materials", []any{2024, site, nil, "Supplier cradle-to-gate figure", 42.5, "tCO2e", 3, 1, nil, "already-computed: taken as it is"}},
	}
}

func (tw *templateWriter) examples() error {
	const sh = "Examples"
	if err := tw.titled(sh, "Examples (this sheet is not read: its first row is this title)", "Copy a row to the sheet named in column A, without that column. Quantities are illustrative."); err != nil {
		return err
	}
	cols := append([]string{"Sheet"}, columnNames()...)
	if err := tw.header(sh, 3, cols...); err != nil {
		return err
	}
	for i, ex := range tw.exampleRows() {
		if err := tw.setRow(sh, 4+i, append([]any{ex.sheet}, ex.row...)...); err != nil {
			return err
		}
	}
	row := 5 + len(tw.exampleRows())
	if err := tw.header(sh, row, "Sheet", "Year", "Site", "Instrument", "Quantity", "Unit", "Factor"); err != nil {
		return err
	}
	if err := tw.setRow(sh, row+1, "Instruments", 2024, tw.t.Site, "Guarantees of origin, hydro (illustrative)", 500, "MWh", 0); err != nil {
		return err
	}
	return tw.widths(sh, 14, 7, 14, 14, 34, 12, 12, 7, 9, 9, 36)
}

func columnNames() []string {
	out := make([]string, len(emissions.ActivityColumns))
	order := []emissions.Column{emissions.ColYear, emissions.ColSite, emissions.ColPole, emissions.ColActivity, emissions.ColQuantity,
		emissions.ColUnit, emissions.ColScope, emissions.ColCategory, emissions.ColMethod, emissions.ColComment}
	for i, c := range order {
		out[i] = string(c)
	}
	return out
}

// validation adds a data validation on a column from row 2 down.
func (tw *templateWriter) validation(sheet string, col int, dv *excelize.DataValidation) error {
	letter, _ := excelize.ColumnNumberToName(col)
	dv.Sqref = fmt.Sprintf("%s2:%s%d", letter, letter, excelize.TotalRows)
	return tw.f.AddDataValidation(sheet, dv)
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
	if err := tw.widths(sh, 8, 16, 16, 34, 14, 14, 7, 9, 10, 40); err != nil {
		return err
	}
	if err := tw.f.SetColStyle(sh, "A", tw.st.integer); err != nil {
		return err
	}
	if err := tw.f.SetColStyle(sh, "E", tw.st.number); err != nil {
		return err
	}
	dvs := []struct {
		col int
		dv  *excelize.DataValidation
	}{
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
	}
	for _, d := range dvs {
		if err := tw.validation(sh, d.col, d.dv); err != nil {
			return fmt.Errorf("%s: %w", sh, err)
		}
	}
	return tw.freeze(sh, 1)
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
	if err := tw.header(sh, 1, "Year", "Site", "Instrument", "Quantity", "Unit", "Factor"); err != nil {
		return err
	}
	if err := tw.widths(sh, 8, 16, 40, 14, 8, 22); err != nil {
		return err
	}
	if err := tw.f.SetColStyle(sh, "A", tw.st.integer); err != nil {
		return err
	}
	unit := excelize.NewDataValidation(true)
	_ = unit.SetDropList([]string{"kWh", "MWh", "GWh"})
	unit.SetError(excelize.DataValidationErrorStyleStop, "Unit", "kWh, MWh or GWh of electricity.")
	dvs := []struct {
		col int
		dv  *excelize.DataValidation
	}{
		{1, tw.wholeBetween(emissions.MinYear, emissions.MaxYear, "Year", yearHelp)},
		{2, tw.fromList(nameSites, excelize.DataValidationErrorStyleInformation, "Site",
			"Blank: the config's site. The instrument covers this site's electricity of the year.", "Not in the Sites list of the Lists sheet.")},
		{4, tw.nonNegative("Quantity", "Electricity covered, ≥ 0, in the row's Unit.")},
		{5, unit},
		{6, tw.nonNegative("Factor", "kgCO2e per kWh of the instrument: 0 for a renewable guarantee of origin.")},
	}
	for _, d := range dvs {
		if err := tw.validation(sh, d.col, d.dv); err != nil {
			return fmt.Errorf("%s: %w", sh, err)
		}
	}
	return tw.freeze(sh, 1)
}

// TemplateExampleIDs are the activity ids the Examples sheet uses (tests check that each is in
// the library).
func TemplateExampleIDs() []string {
	tw := &templateWriter{}
	var out []string
	for _, ex := range tw.exampleRows() {
		if u, _ := ex.row[5].(string); u != "tCO2e" {
			out = append(out, ex.row[3].(string))
		}
	}
	return out
}
