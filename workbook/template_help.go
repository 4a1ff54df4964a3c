package workbook

// The Help and Examples sheets of the input template: what a team reads before filling it in.

import (
	"github.com/footprint/footprint/internal/xlsxwrite"
	"github.com/footprint/footprint/lang"
	"github.com/xuri/excelize/v2"
)

// templateExample is a row of the Examples sheet.
type templateExample struct {
	sheet string
	row   []any // Year, Site, Pole, Activity, Quantity, Unit, Scope, Category, Method, Comment, Quality, Entity, DataType
}

// columnDoc explains a canonical column: required, what to enter, an example. Its texts are
// English catalogue keys, translated as the Help sheet is written; an example that is a
// number, an id or a unit is the same in every language.
type columnDoc struct {
	column   Column
	required string
	what     string
	example  string
}

// columnHelp explains each canonical column but Entity, whose text depends on the config
// (entityHelp).
var columnHelp = []columnDoc{
	{ColYear, lang.Key("yes"), lang.Key("Year of the activity: a whole number (a date is also read as its year)."), "2025"},
	{ColSite, lang.Key("no"), lang.Key("Site name; blank takes the config's `site`. The dropdown lists the Sites of the Lists sheet."), "Flins"},
	{ColPole, "no", lang.Key("Organisational unit or business line. The dropdown lists the Poles of the Lists sheet: those your inputs already use, and those you add."), "RE-TROFIT"},
	{ColActivity, "yes", lang.Key("Activity id: a factor id of the library (dropdown, or `footprint factors list --search gas`) or of your config's custom factors. For already-computed emissions, any description."), "fr.natural-gas.pcs"},
	{ColQuantity, "yes", lang.Key("A number ≥ 0 in the row's Unit. Type a real number: no unit in the cell, no thousands separator."), "850"},
	{ColUnit, "yes", lang.Key("Unit of Quantity, converted to the factor's unit within its dimension (energy, volume, mass, distance, t.km, passenger.km). Gas energy may state its basis: kWh PCS (gross) or kWh PCI (net). tCO2e or kgCO2e marks an already-computed emission."), "MWh PCS"},
	{ColScope, "no", lang.Key("1, 2 or 3. Needed only for already-computed emissions (Unit tCO2e or kgCO2e)."), "3"},
	{ColCategory, "no", lang.Key("Scope 3 category 1–15: needed for already-computed Scope 3 rows; otherwise it overrides the factor's (e.g. car km as commuting, 7)."), "1"},
	{ColMethod, "no", lang.Key("location or market, for already-computed Scope 2 rows only; blank counts the row in both Scope 2 totals."), lang.Key("market")},
	{ColComment, "no", lang.Key("Free text, carried to the lines of the Excel export."), lang.Key("meter readings, invoices Jan–Dec")},
	{ColQuality, "no", lang.Key("How Quantity was obtained: measured (meter, weighbridge, invoice of a metered supply), calculated (derived from other data) or estimated. Each level has its uncertainty (config `quality`), drawn in the Monte Carlo of the report. Blank: the row's data adds no uncertainty, only its factor's. Also on the Refrigerant register."), lang.Key("measured")},
	{ColDataType, "no", lang.Key("How the row's emissions were obtained, for the ESRS E1-6 share of Scope 3 from primary data: primary (data from the supplier or another value-chain partner: its measured emissions, a supplier-specific factor), secondary (average factors of a database on physical quantities) or spend-based (money × spend-based factors). Blank: not stated, never counted as primary."), lang.Key("primary")},
}

// entityHelp explains the Entity column: a dropdown of the configured entities, or how a
// cell is taken without an organisation.
func (tw *templateWriter) entityHelp() columnDoc {
	// what is translated here, and example is a name: both are written as they are
	d := columnDoc{column: ColEntity, required: "no"}
	if len(tw.t.Entities) == 0 {
		d.what = tw.l.T("The legal entity of the row. Your config has no organisation: an Entity is taken as written and counts at 100 %% (with a warning). Blank: no entity, the row is unassigned. Describe the entities and their consolidation under organisation.entities in config, then regenerate the template to get a dropdown of them.")
		d.example = "Flins Refactory SAS"
		return d
	}
	d.what = tw.l.T("The legal entity of the row, one of config organisation.entities (the dropdown; case does not matter). Its consolidation share applies to the row; a name the config does not list rejects the row. Blank: %s, the first entity with control.", tw.t.DefaultEntity)
	d.example = tw.t.Entities[0]
	return d
}

// columnDocs are the Help sheet's column lines, in the activity sheets' column order.
func (tw *templateWriter) columnDocs() []columnDoc {
	docs := map[Column]columnDoc{ColEntity: tw.entityHelp()}
	for _, c := range columnHelp {
		c.what, c.example = tw.l.T(c.what), tw.l.T(c.example)
		docs[c.column] = c
	}
	out := make([]columnDoc, 0, len(docs))
	for _, name := range columnNames() {
		out = append(out, docs[Column(name)])
	}
	return out
}

func (tw *templateWriter) help() error {
	sh, l := tw.name("Help"), tw.l
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
		return tw.f.SetRowHeight(sh, row, xlsxwrite.RowHeight(xlsxwrite.WrappedLines(text, width)))
	}
	if err := put(excelize.Cell{StyleID: tw.st.title, Value: l.T("How to fill this workbook")}); err != nil {
		return err
	}
	if err := tw.f.SetRowHeight(sh, 1, xlsxwrite.TitleHeight); err != nil {
		return err
	}
	for _, text := range []string{
		l.T("One row per activity and year on the sheets Energy, Logistics, Materials, Waste, Refrigerants and Travel (any sheet with a header row holding these columns is read, whatever its name; a title or notes may stand above the header). Keep the header row as it is; add rows below it. A wholly blank row is skipped."),
		l.T("Check the file with `footprint validate --input this-file.xlsx`: every rejected row is listed with its sheet, cell and reason. `footprint calc --input this-file.xlsx` gives the inventory."),
	} {
		if err := paragraph(1, 4, text); err != nil {
			return err
		}
		row++
	}
	row++
	if err := put(h(l.T("Column")), h(l.T("Required")), h(l.T("What to enter")), h(l.T("Example"))); err != nil {
		return err
	}
	for _, c := range tw.columnDocs() {
		if err := tw.setRow(sh, row, top(tw.columnTitle(c.column)), top(l.T(c.required)), nil, top(c.example)); err != nil {
			return err
		}
		if err := paragraph(3, 3, c.what); err != nil {
			return err
		}
		row++
	}
	more := [][2]string{
		{l.T("Sheets"), l.T("Energy: electricity, gas, fuels, heat, site fleet fuel (Scopes 1 and 2). Logistics: freight in t.km. Materials: purchased goods in t or kg. Waste: waste treated, in t. Refrigerants: leaks (kg of gas recharged). Travel: business travel and commuting in km or passenger.km. The Activity dropdown of each sheet lists the ids usually entered there; any id is accepted on any sheet.")},
		{l.T("Already-computed emissions"), l.T("A row whose Unit is tCO2e or kgCO2e (a supplier's figure, a past inventory known by totals) is taken as it is: give its Scope, and its Category for Scope 3; for Scope 2, Method says location or market (blank: both).")},
		{instrumentsSheet, l.T("Scope 2 contractual instruments (guarantees of origin, PPAs, supplier rates): Year, Site, Instrument, Quantity, Unit (kWh, MWh, GWh), Factor in kgCO2e/kWh (0 for a renewable guarantee of origin), and an optional Carrier: electricity (blank), heat, steam or cooling. An instrument covers the consumption of its carrier at its site in its year, whatever the factor's id: grid electricity, a supplier's Scope 2 factor per kWh, district heat; any excess is capped with a warning.")},
		{tw.name(TemplateRegisterSheet), l.T("Refrigerants by mass balance, per equipment and year: Gas (R-410A, R-134a, R-32, R-404A, R-407C, R-1234yf, R-22, SF6 …), Charge, Recharged and Recovered in kg, and the equipment's Status. footprint computes the leak as Recharged − Recovered, less the Charge of a unit installed during the year (Status new: its first fill is no leak) and plus the Charge of a unit retired during the year (Status retired: what it held and was not recovered escaped); a negative balance is an error and counts it in Scope 1 (BEGES 1.4, fugitive) with the gas's GWP; blends' GWP come from their components. HCFCs such as R-22 are not Kyoto gases: their leaks are reported outside the scopes. A register that gives kg leaked directly goes on the Refrigerants sheet instead.")},
		{tw.name("Examples"), l.T("The Examples sheet shows filled rows; footprint does not read it. Copy rows from it to the activity sheets.")},
		{tw.name("Lists"), l.T("The Lists sheet holds the dropdowns' values: every activity id with its name, unit and source; the units; the poles and sites you add.")},
		{l.T("Units"), l.T("Energy kWh, MWh, GWh, MJ, GJ, toe, therm, mmBtu (gas may say PCS/GCV gross or PCI/NCV net); volume L, m3, US gal; mass g, kg, t, short ton, lb; distance km, mile; freight t.km, short ton.mile; passenger.km. Other units (room-night) match only themselves. `ton` is refused as ambiguous: write t or short ton.")},
	}
	row++
	if err := put(h(l.T("Topic")), h(""), h(l.T("How")), h("")); err != nil {
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

// examples are a few filled rows, with real library ids. Quality, Entity and DataType are
// filled where they say something: Entity only when the config has entities to name (a name
// without an organisation would be warned about), and on one row: the others go to the
// entity of a blank cell.
func (tw *templateWriter) exampleRows() []templateExample {
	site := tw.t.Site
	var entity any // the first entity listed, as the Help's example
	if len(tw.t.Entities) > 0 {
		entity = tw.t.Entities[0]
	}
	l := tw.l
	// emissions.QualityLevels and DataTypes, as the template's language writes them
	measured, calculated, estimated := l.T("measured"), l.T("calculated"), l.T("estimated")
	primary, secondary := l.T("primary"), l.T("secondary")
	return []templateExample{
		{tw.name("Energy"), []any{2025, site, nil, "fr.electricity.grid", 1200000, "kWh", nil, nil, nil, l.T("meter readings Jan–Dec"), measured, entity, nil}},
		{tw.name("Energy"), []any{2025, site, nil, "fr.natural-gas.pcs", 850, "MWh PCS", nil, nil, nil, l.T("gas invoices (gross calorific value)"), measured, nil, nil}},
		{tw.name("Energy"), []any{2025, site, nil, "fr.diesel.off-road", 12000, "L", nil, nil, nil, l.T("forklifts and yard tractors"), calculated, nil, nil}},
		{tw.name("Logistics"), []any{2025, site, nil, "fr.freight.road.artic-34-40t", 250000, "t.km", nil, nil, nil, l.T("inbound vehicles by truck"), estimated, nil, secondary}},
		{tw.name("Materials"), []any{2025, site, nil, "fr.material.steel.primary", 120, "t", nil, nil, nil, l.T("purchased steel"), measured, nil, secondary}},
		{tw.name("Waste"), []any{2025, site, nil, "fr.waste.mixed-industrial", 35, "t", nil, nil, nil, l.T("mixed industrial waste"), measured, nil, secondary}},
		{tw.name("Refrigerants"), []any{2025, site, nil, "refrigerant.r-410a", 4.5, "kg", nil, nil, nil, l.T("recharge after a leak"), measured, nil, nil}},
		{tw.name("Travel"), []any{2025, site, nil, "fr.travel.train.high-speed", 180000, "passenger.km", nil, nil, nil, l.T("business trips by TGV"), calculated, nil, secondary}},
		{tw.name("Materials"), []any{2025, site, nil, l.T("Supplier cradle-to-gate figure"), 42.5, "tCO2e", 3, 1, nil, l.T("already-computed: taken as it is"), nil, nil, primary}},
	}
}

func (tw *templateWriter) examples() error {
	sh, l := tw.name("Examples"), tw.l
	if err := tw.titled(sh, l.T("Examples (footprint does not read this sheet)"), l.T("Copy a row to the sheet named in column A, without that column. Quantities are illustrative.")); err != nil {
		return err
	}
	cols := append([]string{l.T("Sheet")}, tw.headers()...)
	if err := tw.header(sh, 3, cols...); err != nil {
		return err
	}
	for i, ex := range tw.exampleRows() {
		if err := tw.setRow(sh, 4+i, append([]any{ex.sheet}, ex.row...)...); err != nil {
			return err
		}
	}
	row := 5 + len(tw.exampleRows())
	if err := tw.header(sh, row, append([]string{l.T("Sheet")}, tw.instrumentHeaders()...)...); err != nil {
		return err
	}
	if err := tw.setRow(sh, row+1, instrumentsSheet, 2025, tw.t.Site, l.T("Guarantees of origin, hydro (illustrative)"), 500, "MWh", 0, l.T("electricity")); err != nil {
		return err
	}
	row += 3
	if err := tw.header(sh, row, append([]string{l.T("Sheet")}, tw.registerColumns()...)...); err != nil {
		return err
	}
	if err := tw.setRow(sh, row+1, tw.name(TemplateRegisterSheet), 2025, tw.t.Site, nil, l.T("Chiller, building A (illustrative)"), "R-410A", 60, 4.5, 0.5, l.T("annual leak check"), l.T("measured")); err != nil {
		return err
	}
	return tw.widths(sh, 14, 7, 14, 14, 34, 12, 12, 7, 9, 9, 36, 12, 24, 12)
}

// TemplateExampleIDs are the activity ids the Examples sheet uses (tests check that each is in
// the library).
func TemplateExampleIDs() []string {
	tw := &templateWriter{}
	var out []string
	for _, ex := range tw.exampleRows() {
		if u, _ := ex.row[5].(string); u != "tCO2e" { // tw is English: the ids are as written
			out = append(out, ex.row[3].(string))
		}
	}
	return out
}
