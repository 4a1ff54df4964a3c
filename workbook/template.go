package workbook

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/internal/atomicfile"
	"github.com/footprint/footprint/internal/xlsxwrite"
	"github.com/footprint/footprint/lang"
	"github.com/xuri/excelize/v2"
)

// Template is what the input template offers: the factors whose ids fill the Activity
// dropdowns (the library with the config's custom factors), the default site, and the poles
// and other sites the team already uses (UsedPolesAndSites); the team adds more on the Lists
// sheet, and the dropdowns follow. Entities are the names the Entity dropdown offers
// (TemplateEntities): none without an organisation in config, and then no dropdown.
type Template struct {
	Factors []factors.Factor
	Site    string
	Sites   []string // besides Site
	Poles   []string
	// Entities are the organisation's entities in config order; DefaultEntity is the one a
	// blank Entity cell goes to.
	Entities      []string
	DefaultEntity string
	// Lang is the language of the template's sheet names, headers, help, prompts and
	// dropdown values: French ones are those footprint reads (workbook/columns.go and the
	// emissions package's value spellings), so a French template reads back as an English one.
	Lang lang.Lang
}

// TemplateEntities are the entity names an Entity cell may hold under org, in config order,
// and the entity of a blank cell: an organisation that lists no entities is one entity of its
// own name. A nil org has none.
func TemplateEntities(org *emissions.Organisation) (names []string, blank string) {
	if org == nil {
		return nil, ""
	}
	if len(org.Entities) == 0 {
		return []string{org.Name}, org.Name
	}
	for _, e := range org.Entities {
		names = append(names, e.Name)
	}
	return names, org.DefaultEntity().Name
}

// UsedPolesAndSites are the poles and the sites activities name, each sorted, without
// repeats or blanks: what the template's dropdowns offer from the configured inputs.
func UsedPolesAndSites(acts []emissions.Activity) (poles, sites []string) {
	ps, ss := map[string]bool{}, map[string]bool{}
	for _, a := range acts {
		if a.Pole != "" && !ps[a.Pole] {
			ps[a.Pole] = true
			poles = append(poles, a.Pole)
		}
		if a.Site != "" && !ss[a.Site] {
			ss[a.Site] = true
			sites = append(sites, a.Site)
		}
	}
	sort.Strings(poles)
	sort.Strings(sites)
	return poles, sites
}

// TemplateSheets are the activity sheets of the template, in order (the canonical names of
// docs/user-guide.md#activity-sheets), in English: a French template names them in French, as
// footprint reads an activity sheet by its header, whatever its name.
var TemplateSheets = []string{lang.Key("Energy"), lang.Key("Logistics"), lang.Key("Materials"), lang.Key("Waste"), lang.Key("Refrigerants"), lang.Key("Travel")}

// templateOwnSheets are the template's sheets footprint skips, in English.
var templateOwnSheets = []string{lang.Key("Help"), lang.Key("Examples"), lang.Key("Lists")}

// instrumentsSheet is the Instruments sheet's name in every language: footprint knows that
// sheet by its name (the word is French too).
const instrumentsSheet = "Instruments"

// name is a template sheet's name in the template's language, from its English name.
func (tw *templateWriter) name(en string) string {
	if en == instrumentsSheet {
		return en
	}
	return tw.l.T(en)
}

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

// WriteTemplateFile writes the template to path atomically.
func WriteTemplateFile(path string, t Template) error {
	return atomicfile.Write(path, func(w io.Writer) error { return WriteTemplate(w, t) })
}

// WriteTemplate writes the input workbook a team fills in (docs/user-guide.md#the-input-template): a Help sheet, the
// canonical activity sheets with their header row and data validation (dropdowns of activity
// ids, units, poles and sites from defined names on the Lists sheet; whole-number years;
// quantities ≥ 0), an Instruments sheet, an Examples sheet and the Lists sheet. footprint
// reads the activity sheets and Instruments; it skips Help, Examples and Lists, which carry
// templateMarker.
func WriteTemplate(w io.Writer, t Template) error {
	f := excelize.NewFile()
	defer f.Close()
	tw := &templateWriter{f: f, t: t, l: t.Lang}
	if err := tw.build(); err != nil {
		return err
	}
	return xlsxwrite.SaveDeterministic(f, w, nil)
}

type templateWriter struct {
	f  *excelize.File
	t  Template
	l  lang.Lang
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
	// nameEntities is defined only when the config has an organisation.
	nameEntities = "Entities"
	listSlots    = 200 // rows kept below the listed poles and sites for those the team types
)

func idsName(sheet string) string { return "Ids_" + sheet }

func (tw *templateWriter) build() error {
	f := tw.f
	language := "en"
	if tw.l.IsFrench() {
		language = "fr-FR"
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:    templateTitle,
		Subject:  tw.l.T("Activity data for the GHG inventory: energy, logistics, materials, waste, refrigerants, travel, Scope 2 instruments"),
		Creator:  "footprint",
		Language: language,
	}); err != nil {
		return err
	}
	if err := tw.styles(); err != nil {
		return err
	}
	tw.catalogue()
	if err := f.SetSheetName("Sheet1", tw.name("Help")); err != nil {
		return err
	}
	for _, name := range append(append(append([]string{}, TemplateSheets...), instrumentsSheet, TemplateRegisterSheet, "Examples"), "Lists") {
		if _, err := f.NewSheet(tw.name(name)); err != nil {
			return err
		}
	}
	steps := []func() error{tw.lists, tw.help, tw.examples, tw.instruments, tw.register}
	for _, s := range TemplateSheets {
		s := s
		steps = append(steps, func() error { return tw.activitySheet(s) })
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	for _, sh := range templateOwnSheets {
		if err := tw.mark(tw.name(sh)); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return nil
}

// templateMarker is the name, defined on each of the template's own sheets (Help, Examples,
// Lists) and scoped to it, by which the loader knows them and skips them, whatever their name:
// a team may rename or translate a sheet. A sheet-scoped defined name is part of the workbook,
// not of a cell a user may type over or clear; Excel and LibreOffice keep it, and follow the
// sheet when it is renamed, moved or copied (a copy of Examples is still not data). A document
// property would be lost on a copy of the sheet into another workbook, and would name sheets by
// name; a hidden cell would be read as data by the other tools and erased by a paste.
const templateMarker = "footprint_template_sheet"

// mark defines templateMarker on a sheet, pointing at its title cell.
func (tw *templateWriter) mark(sheet string) error {
	return tw.f.SetDefinedName(&excelize.DefinedName{Name: templateMarker, RefersTo: fmt.Sprintf("'%s'!$A$1", sheet), Scope: sheet,
		Comment: "footprint's own sheet: footprint does not read it as activity data"})
}

// templateTitle is the Title property of the template: with the names of its own sheets, how a
// template written before templateMarker is known.
const templateTitle = "footprint activity data template"

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

// titled writes a sheet's title in row 1, tall enough for its font, and a note in row 2.
func (tw *templateWriter) titled(sheet, title, note string) error {
	if err := tw.setRow(sheet, 1, excelize.Cell{StyleID: tw.st.title, Value: title}); err != nil {
		return err
	}
	if err := tw.f.SetRowHeight(sheet, 1, xlsxwrite.TitleHeight); err != nil {
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
	sh := tw.name("Lists")
	if err := tw.titled(sh, tw.l.T("Lists behind the dropdowns"), tw.l.T("Add your poles and sites below those your inputs already use (200 more each): the Pole and Site dropdowns follow. Activity ids and units come from footprint's factor library and your config's custom factors, entities from its organisation.entities; regenerate the template with `footprint template` after changing them.")); err != nil {
		return err
	}
	l := tw.l
	cols := []string{l.T("Activity id"), l.T("Name"), l.T("Unit"), l.T("Scope"), l.T("Category"), l.T("Source")}
	for _, s := range TemplateSheets {
		cols = append(cols, l.T("%s ids", tw.name(s)))
	}
	cols = append(cols, l.T("Units"), l.T("Poles"), l.T("Sites"), l.T("Entities"))
	if err := tw.header(sh, 3, cols...); err != nil {
		return err
	}
	for i, f := range tw.all {
		name := f.Name
		if l.IsFrench() && f.NameFR != "" {
			name = f.NameFR
		}
		if err := tw.setRow(sh, 4+i, f.ID, name, f.Unit, f.Scope, xlsxwrite.NonZero(f.Category), f.Source); err != nil {
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
		last := 3 + max(len(values)+slots, 1)
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
	for _, site := range append([]string{tw.t.Site}, tw.t.Sites...) {
		if site != "" && !slices.Contains(sites, site) {
			sites = append(sites, site)
		}
	}
	if err := list(col+2, sites, nameSites, listSlots); err != nil {
		return err
	}
	// Entities come from config, where an unknown name would reject its rows: no free slots.
	if len(tw.t.Entities) > 0 {
		if err := list(col+3, tw.t.Entities, nameEntities, 0); err != nil {
			return err
		}
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
	if err := tw.widths(sh, append(widths, 14, 20, 20, 30)...); err != nil {
		return err
	}
	return tw.freeze(sh, 3)
}
