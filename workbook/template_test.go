package workbook_test

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/internal/xlsxtest"
	"github.com/footprint/footprint/workbook"
	"github.com/xuri/excelize/v2"
)

func templateLibrary(t *testing.T, gwp string) *factors.Library {
	t.Helper()
	lib, err := factors.Builtin(gwp)
	if err != nil {
		t.Fatal(err)
	}
	lib, err = lib.WithCustom([]factors.Factor{{ID: "Supplier.Steel.LowCarbon", Name: "Low-carbon steel, supplier EPD", Value: 0.7,
		Unit: "kg", Scope: 3, Category: 1, Kind: factors.KindEmission, Source: "EPD 1234"}})
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func writeTemplateBytes(t *testing.T, tpl workbook.Template) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := workbook.WriteTemplate(&buf, tpl); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// definedList returns the values a defined name refers to on the Lists sheet.
func definedList(t *testing.T, f *excelize.File, name string) []string {
	t.Helper()
	for _, d := range f.GetDefinedName() {
		if d.Name != name {
			continue
		}
		sheet, ref, ok := strings.Cut(d.RefersTo, "!")
		if !ok || sheet != "Lists" {
			t.Fatalf("%s refers to %q", name, d.RefersTo)
		}
		ref = strings.ReplaceAll(ref, "$", "")
		from, to, _ := strings.Cut(ref, ":")
		c1, r1, _ := excelize.CellNameToCoordinates(from)
		_, r2, _ := excelize.CellNameToCoordinates(to)
		var out []string
		for r := r1; r <= r2; r++ {
			ref, _ := excelize.CoordinatesToCellName(c1, r)
			if v, _ := f.GetCellValue("Lists", ref); v != "" {
				out = append(out, v)
			}
		}
		return out
	}
	t.Fatalf("no defined name %s", name)
	return nil
}

func TestTemplateWorkbook(t *testing.T) {
	lib := templateLibrary(t, "AR6")
	tpl := workbook.Template{Factors: lib.All(), Site: "Plant", Poles: []string{"RE-TROFIT", "RE-CYCLE"}}
	b := writeTemplateBytes(t, tpl)
	if again := writeTemplateBytes(t, tpl); !bytes.Equal(b, again) {
		t.Error("two templates from the same library differ")
	}
	f := xlsxtest.Open(t, b)
	want := []string{"Help", "Energy", "Logistics", "Materials", "Waste", "Refrigerants", "Travel", "Instruments", workbook.TemplateRegisterSheet, "Examples", "Lists"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	header := []string{"Year", "Site", "Pole", "Activity", "Quantity", "Unit", "Scope", "Category", "Method", "Comment", "Quality", "Entity", "DataType"}
	for _, sh := range workbook.TemplateSheets {
		if got := xlsxtest.Rows(t, f, sh); len(got) != 1 || !slices.Equal(got[0], header) {
			t.Errorf("%s: %q, want the header row alone", sh, got)
		}
	}
	if got := xlsxtest.Rows(t, f, "Instruments"); len(got) != 1 || !slices.Equal(got[0], []string{"Year", "Site", "Instrument", "Quantity", "Unit", "Factor", "Carrier"}) {
		t.Errorf("Instruments: %q", got)
	}

	// Data validation: dropdowns from defined names, years and quantities enforced.
	dvs, err := f.GetDataValidations("Energy")
	if err != nil {
		t.Fatal(err)
	}
	byCol := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		byCol[dv.Sqref[:1]] = dv
	}
	checks := []struct {
		col, typ, operator, f1, f2, style string
	}{
		{"A", "whole", "between", "1990", "2100", "stop"},
		{"B", "list", "", "Sites", "", "information"},
		{"C", "list", "", "Poles", "", "information"},
		{"D", "list", "", "Ids_Energy", "", "warning"},
		{"E", "decimal", "greaterThanOrEqual", "0", "", "stop"},
		{"F", "list", "", "Units", "", "warning"},
		{"G", "whole", "between", "1", "3", "stop"},
		{"H", "whole", "between", "1", "15", "stop"},
		{"I", "list", "", `"location,market"`, "", "stop"},
		{"K", "list", "", `"measured,calculated,estimated"`, "", "stop"},
		{"M", "list", "", `"primary,secondary,spend-based"`, "", "stop"},
	}
	for _, c := range checks {
		dv := byCol[c.col]
		if dv == nil {
			t.Errorf("Energy column %s: no data validation", c.col)
			continue
		}
		style := ""
		if dv.ErrorStyle != nil {
			style = *dv.ErrorStyle
		}
		if dv.Type != c.typ || dv.Operator != c.operator || dv.Formula1 != c.f1 || dv.Formula2 != c.f2 || style != c.style ||
			dv.Sqref != c.col+"2:"+c.col+"1048576" || !dv.ShowErrorMessage {
			t.Errorf("Energy column %s: %+v (style %s), want %+v", c.col, *dv, style, c)
		}
	}

	// The lists: ids by sheet (custom factors included, as written), units that parse, poles, sites.
	energy := definedList(t, f, "Ids_Energy")
	if !slices.Contains(energy, "fr.electricity.grid") || !slices.Contains(energy, "fr.natural-gas.pcs") || slices.Contains(energy, "fr.material.steel.primary") {
		t.Errorf("Ids_Energy: %v", energy)
	}
	if m := definedList(t, f, "Ids_Materials"); !slices.Contains(m, "Supplier.Steel.LowCarbon") || !slices.Contains(m, "fr.material.steel.primary") {
		t.Errorf("Ids_Materials: %v", m)
	}
	total := 0
	for _, sh := range workbook.TemplateSheets {
		total += len(definedList(t, f, "Ids_"+sh))
	}
	ids := map[string]bool{}
	for _, fc := range lib.All() {
		ids[fc.ID] = true
	}
	if total != len(ids) {
		t.Errorf("the sheets' id lists hold %d ids, the library %d", total, len(ids))
	}
	units := definedList(t, f, "Units")
	for _, u := range units {
		if _, err := factors.ParseUnit(u); err != nil {
			t.Errorf("unit %q of the dropdown: %v", u, err)
		}
	}
	// Any text parses (as an opaque count unit): the usual units must be ones footprint
	// converts, or a misspelt one would match only itself.
	for _, u := range workbook.TemplateUnits {
		if pu, err := factors.ParseUnit(u); err != nil || pu.Dim == factors.Opaque {
			t.Errorf("TemplateUnits %q is not a unit footprint converts (%v)", u, err)
		}
	}
	for _, u := range []string{"kWh PCS", "t.km", "tCO2e", "room-night", "L"} {
		if !slices.Contains(units, u) {
			t.Errorf("Units lacks %q: %v", u, units)
		}
	}
	if p := definedList(t, f, "Poles"); !slices.Equal(p, tpl.Poles) {
		t.Errorf("Poles %v", p)
	}
	if s := definedList(t, f, "Sites"); !slices.Equal(s, []string{"Plant"}) {
		t.Errorf("Sites %v", s)
	}
	// Without an organisation, Entity has no list, only a prompt saying how it is read.
	if dv := byCol["L"]; dv == nil || dv.Type != "" || dv.Formula1 != "" || !dv.ShowInputMessage || dv.Prompt == nil || !strings.Contains(*dv.Prompt, "organisation.entities") {
		t.Errorf("Energy column L (Entity) without an organisation: %+v", dv)
	}
	if slices.ContainsFunc(f.GetDefinedName(), func(d excelize.DefinedName) bool { return d.Name == "Entities" }) {
		t.Error("a defined name Entities without an organisation")
	}
	register := append(slices.Clone(registerHeader), "Quality", "Status")
	if got := xlsxtest.Rows(t, f, workbook.TemplateRegisterSheet); len(got) != 1 || !slices.Equal(got[0], register) {
		t.Errorf("%s: %q, want %q", workbook.TemplateRegisterSheet, got, register)
	}
	rdvs, err := f.GetDataValidations(workbook.TemplateRegisterSheet)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(rdvs, func(dv *excelize.DataValidation) bool {
		return strings.HasPrefix(dv.Sqref, "J2:") && dv.Formula1 == `"measured,calculated,estimated"`
	}) || !slices.ContainsFunc(rdvs, func(dv *excelize.DataValidation) bool {
		return strings.HasPrefix(dv.Sqref, "K2:") && dv.Formula1 == `"in service,new,retired"`
	}) {
		t.Errorf("%s: no Quality dropdown in column J or Status dropdown in column K", workbook.TemplateRegisterSheet)
	}
	help := xlsxtest.Rows(t, f, "Help")
	for _, col := range header {
		if xlsxtest.FindRow(help, col) == 0 {
			t.Errorf("Help does not explain %s", col)
		}
	}
	for _, col := range []string{"Quality", "Entity", "DataType"} {
		if r := xlsxtest.FindRow(help, col); r == 0 || !strings.Contains(help[r-1][2], "Blank") {
			t.Errorf("Help on %s does not say what a blank cell means", col)
		}
	}
	checkPrompts(t, f)
}

var registerHeader = []string{"Year", "Site", "Pole", "Equipment", "Gas", "Charge (kg)", "Recharged (kg)", "Recovered (kg)", "Comment"}

// checkPrompts: Excel shows at most 255 characters of a data validation's prompt or error
// message, and 32 of its title.
func checkPrompts(t *testing.T, f *excelize.File) {
	t.Helper()
	for _, sh := range f.GetSheetList() {
		dvs, err := f.GetDataValidations(sh)
		if err != nil {
			t.Fatal(err)
		}
		for _, dv := range dvs {
			for _, s := range []*string{dv.Prompt, dv.Error} {
				if s != nil && len(utf16.Encode([]rune(*s))) > 255 {
					t.Errorf("%s!%s: message of %d characters: %q", sh, dv.Sqref, len([]rune(*s)), *s)
				}
			}
			for _, s := range []*string{dv.PromptTitle, dv.ErrorTitle} {
				if s != nil && len([]rune(*s)) > 32 {
					t.Errorf("%s!%s: title %q", sh, dv.Sqref, *s)
				}
			}
		}
	}
}

// TestTemplateEntities: with an organisation, the Entity column offers its entities from a
// defined name, the prompt and the Help say which entity a blank cell goes to, and an
// organisation listing no entities offers its own name.
func TestTemplateEntities(t *testing.T) {
	lib := templateLibrary(t, "AR6")
	org := &emissions.Organisation{Name: "Group", Approach: emissions.ConsolidationOperational, Entities: []emissions.Entity{
		{Name: "Battery Second Life JV", EquityPct: 40},
		{Name: "Flins Refactory SAS", Control: true, EquityPct: 100},
	}}
	for _, c := range []struct {
		name          string
		org           *emissions.Organisation
		want          []string
		defaultEntity string
	}{
		{"entities", org, []string{"Battery Second Life JV", "Flins Refactory SAS"}, "Flins Refactory SAS"},
		{"organisation alone", &emissions.Organisation{Name: "Group", Approach: emissions.ConsolidationOperational}, []string{"Group"}, "Group"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tpl := workbook.Template{Factors: lib.All(), Site: "Plant"}
			tpl.Entities, tpl.DefaultEntity = workbook.TemplateEntities(c.org)
			if !slices.Equal(tpl.Entities, c.want) || tpl.DefaultEntity != c.defaultEntity {
				t.Fatalf("TemplateEntities: %q, blank %q; want %q, %q", tpl.Entities, tpl.DefaultEntity, c.want, c.defaultEntity)
			}
			f := xlsxtest.Open(t, writeTemplateBytes(t, tpl))
			if got := definedList(t, f, "Entities"); !slices.Equal(got, c.want) {
				t.Errorf("Entities list %q, want %q", got, c.want)
			}
			for _, sh := range workbook.TemplateSheets {
				dvs, err := f.GetDataValidations(sh)
				if err != nil {
					t.Fatal(err)
				}
				i := slices.IndexFunc(dvs, func(dv *excelize.DataValidation) bool { return strings.HasPrefix(dv.Sqref, "L2:") })
				if i < 0 {
					t.Errorf("%s: no validation on Entity", sh)
					continue
				}
				dv := dvs[i]
				if dv.Type != "list" || dv.Formula1 != "Entities" || dv.Prompt == nil || !strings.Contains(*dv.Prompt, "Blank: "+c.defaultEntity) {
					t.Errorf("%s Entity: %+v", sh, *dv)
				}
			}
			help := xlsxtest.Rows(t, f, "Help")
			if r := xlsxtest.FindRow(help, "Entity"); r == 0 || !strings.Contains(help[r-1][2], "Blank: "+c.defaultEntity) {
				t.Errorf("Help on Entity does not name the entity of a blank cell")
			}
			checkPrompts(t, f)
		})
	}
}

// TestTemplateReadsBack: the empty template is a valid input (its activity sheets are found,
// Help, Examples and Lists are not mistaken for activity sheets), and the example rows, copied
// to their sheets, are all used, without a problem, and their Quality, Entity and DataType
// reach the lines.
func TestTemplateReadsBack(t *testing.T) {
	org := &emissions.Organisation{Name: "Group", Approach: emissions.ConsolidationOperational, Entities: []emissions.Entity{
		{Name: "Battery Second Life JV", EquityPct: 40},
		{Name: "Flins Refactory SAS", Control: true, EquityPct: 100},
	}}
	for _, c := range []struct {
		gwp    string
		org    *emissions.Organisation
		entity string // of the example that names one
	}{
		{"AR6", nil, ""},
		{"AR5", nil, ""},
		{"AR6", org, "Battery Second Life JV"}, // listed first, not the entity of a blank cell
	} {
		name := c.gwp
		if c.org != nil {
			name += " organisation"
		}
		t.Run(name, func(t *testing.T) {
			lib := templateLibrary(t, c.gwp)
			for _, id := range workbook.TemplateExampleIDs() {
				if _, _, ok := lib.Lookup(id, 2025); !ok {
					t.Errorf("example id %s is not in the library", id)
				}
			}
			tpl := workbook.Template{Factors: lib.All(), Site: "Plant"}
			tpl.Entities, tpl.DefaultEntity = workbook.TemplateEntities(c.org)
			b := writeTemplateBytes(t, tpl)
			in := &emissions.Input{}
			workbook.Read(in, "template.xlsx", bytes.NewReader(b), workbook.Options{DefaultSite: "Plant"})
			if ps := in.Problems.List(); len(ps) != 0 || in.RowsRead != 0 {
				t.Fatalf("empty template: %d rows, problems %v", in.RowsRead, ps)
			}

			f := xlsxtest.Open(t, b)
			ex := xlsxtest.Rows(t, f, "Examples")
			next := map[string]int{}
			n := 0
			for _, row := range ex[3:] {
				if len(row) == 0 || row[0] == "" || row[0] == "Sheet" {
					continue
				}
				sheet := row[0]
				if next[sheet] == 0 {
					next[sheet] = 2
				}
				vals := make([]any, len(row)-1)
				for i, v := range row[1:] {
					vals[i] = v // typed as text, as a careless paste would: footprint reads plain numbers in text
				}
				if err := f.SetSheetRow(sheet, "A"+strconv.Itoa(next[sheet]), &vals); err != nil {
					t.Fatal(err)
				}
				next[sheet]++
				if sheet != "Instruments" {
					n++
				}
			}
			if n < 8 {
				t.Fatalf("only %d example rows", n)
			}
			var filled bytes.Buffer
			if err := f.Write(&filled); err != nil {
				t.Fatal(err)
			}
			in = &emissions.Input{}
			workbook.Read(in, "filled.xlsx", bytes.NewReader(filled.Bytes()), workbook.Options{DefaultSite: "Plant"})
			inv := emissions.Calculate(in, emissions.Options{Library: lib, Organisation: c.org})
			if inv.Rows.Read != n || inv.Rows.Used != n || len(in.Instruments) != 1 {
				t.Errorf("examples: %+v of %d rows, %d instruments", inv.Rows, n, len(in.Instruments))
			}
			if len(in.Instruments) == 1 && in.Instruments[0].Carrier != factors.CarrierElectricity {
				t.Errorf("examples: the instrument's carrier is %q, want the example's electricity", in.Instruments[0].Carrier)
			}
			for _, p := range in.Problems.List() {
				if p.Cause != "no-residual-mix" { // a matter of config, not of the rows
					t.Errorf("examples: %v", p)
				}
			}

			// The direct line of each example activity, with the columns it must carry. Under
			// an organisation every row has an entity: the one it names, or the default.
			blank := ""
			if c.org != nil {
				blank = "Flins Refactory SAS"
			}
			want := []struct {
				activity, quality, entity, dataType string
			}{
				{"fr.electricity.grid", "measured", c.entity, ""},
				{"fr.natural-gas.pcs", "measured", blank, ""},
				{"fr.diesel.off-road", "calculated", blank, ""},
				{"fr.freight.road.artic-34-40t", "estimated", blank, "secondary"},
				{"fr.material.steel.primary", "measured", blank, "secondary"},
				{"refrigerant.r-410a", "measured", blank, ""}, // the Refrigerants row and the register's
				{"Supplier cradle-to-gate figure", "", blank, "primary"},
			}
			for _, w := range want {
				found := 0
				for _, l := range inv.Lines {
					if l.Activity != w.activity || l.Part == emissions.PartUpstream {
						continue
					}
					found++
					if l.Quality != w.quality || l.Entity != w.entity || l.DataType != w.dataType {
						t.Errorf("%s line: quality %q, entity %q, data type %q; want %q, %q, %q",
							w.activity, l.Quality, l.Entity, l.DataType, w.quality, w.entity, w.dataType)
					}
				}
				if found == 0 {
					t.Errorf("no line of %s", w.activity)
				}
			}
		})
	}
}

// TestTemplateTextFits: readers open a row at the height the file gives it, so a wrapped
// paragraph of the Help sheet must have the lines it needs (over its merged columns), titles
// the height of their font, and the one-line notes of Lists and Examples must not wrap in
// their narrow first column, where they were cut to a few words.
func TestTemplateTextFits(t *testing.T) {
	f := xlsxtest.Open(t, writeTemplateBytes(t, workbook.Template{Factors: templateLibrary(t, "AR6").All(), Site: "Plant"}))
	style := func(sheet, ref string) *excelize.Style {
		id, _ := f.GetCellStyle(sheet, ref)
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	merged, err := f.GetMergeCells("Help")
	if err != nil {
		t.Fatal(err)
	}
	span := map[string]string{}
	for _, m := range merged {
		span[m.GetStartAxis()] = m.GetEndAxis()
	}
	wrapped := 0
	for r, row := range xlsxtest.Rows(t, f, "Help") {
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if st := style("Help", ref); v == "" || st.Alignment == nil || !st.Alignment.WrapText {
				continue
			}
			wrapped++
			last := c + 1
			if end, ok := span[ref]; ok {
				last, _, _ = excelize.CellNameToCoordinates(end)
			}
			width := 0.0
			for col := c + 1; col <= last; col++ {
				name, _ := excelize.ColumnNumberToName(col)
				w, _ := f.GetColWidth("Help", name)
				width += w
			}
			height, _ := f.GetRowHeight("Help", r+1)
			if lines := height / 15; lines*width < float64(len([]rune(strings.ReplaceAll(v, " ", "")))) {
				t.Errorf("Help!%s: %v line(s) of %v characters for %d", ref, lines, width, len(v))
			}
		}
	}
	if wrapped < 15 {
		t.Errorf("only %d wrapped cells on Help", wrapped)
	}
	for _, sheet := range []string{"Help", "Lists", "Examples"} {
		if h, _ := f.GetRowHeight(sheet, 1); h < 20 {
			t.Errorf("%s title row %v points high", sheet, h)
		}
	}
	for _, sheet := range []string{"Lists", "Examples"} {
		if st := style(sheet, "A2"); st.Alignment != nil && st.Alignment.WrapText {
			t.Errorf("%s!A2 wraps in column A", sheet)
		}
	}
}
