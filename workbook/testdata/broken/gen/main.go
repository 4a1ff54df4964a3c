// Command gen writes the corpus of broken inputs in workbook/testdata/broken: workbooks and
// configurations that footprint must refuse or read with a clear problem, and cases.json,
// which gives each case's exact expected problems. Each case is built here, next to what it
// must give, so anyone can see how it was made. Run `go generate ./workbook` after a change.
//
// Workbooks come from excelize where it can write the flaw, and are assembled part by part
// with archive/zip where it cannot (inline strings, formulas without a cached value, a million
// blank rows, zip bombs, lying zip headers, an old .xls container). The zip bombs stay small
// on disk because they are compressed. Everything but the encrypted workbook (excelize picks a
// random salt) is byte for byte reproducible.
package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"hash/crc32"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Case is one broken input and what footprint must say about it (cases.json).
type Case struct {
	Name string `json:"name"`
	// File is the workbook given with --input; Config the configuration given with --config
	// (its inputs are in this folder too). One of the two.
	File   string `json:"file,omitempty"`
	Config string `json:"config,omitempty"`
	What   string `json:"what"`
	// Problems are every problem footprint must list, in order, and no other: severity, sheet
	// and cell exactly, and a substring of the message. Their file is the case's file.
	Problems []Problem `json:"problems"`
	// Rows are the activity rows read, used and rejected; Years the years with data.
	Rows  *Rows `json:"rows,omitempty"`
	Years []int `json:"years,omitempty"`
	// Exit is the exit code of `footprint validate`.
	Exit int `json:"exit"`
	// Kind, for a workbook refused whole, is the reason's kind (Problem cause) tests match.
	Kind string `json:"kind,omitempty"`

	build func() []byte
}

type Problem struct {
	// File is the file the problem names when it is not the case's own (the input a
	// configuration lists).
	File     string `json:"file,omitempty"`
	Severity string `json:"severity"`
	Sheet    string `json:"sheet,omitempty"`
	Cell     string `json:"cell,omitempty"`
	Message  string `json:"message"`
}

type Rows struct {
	Read     int `json:"read"`
	Used     int `json:"used"`
	Rejected int `json:"rejected"`
}

func errorAt(sheet, cell, msg string) Problem {
	return Problem{Severity: "error", Sheet: sheet, Cell: cell, Message: msg}
}
func warnAt(sheet, cell, msg string) Problem {
	return Problem{Severity: "warning", Sheet: sheet, Cell: cell, Message: msg}
}
func fileError(msg string) Problem { return Problem{Severity: "error", Message: msg} }

var header = []any{"Year", "Site", "Pole", "Activity", "Quantity", "Unit", "Scope", "Category", "Method", "Comment"}

// good is a row every case can carry to show the rest of the sheet is still read.
var good = []any{2024, "Plant", "RE-CYCLE", "fr.natural-gas.pcs", 1000, "kWh PCS"}

func main() {
	out := flag.String("out", ".", "folder to write the corpus in")
	flag.Parse()
	cases := corpus()
	for _, c := range cases {
		if c.build == nil {
			continue
		}
		name := c.File
		if c.Config != "" {
			name = c.Config
		}
		if err := os.WriteFile(filepath.Join(*out, name), c.build(), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	// The workbook cases run with this folder's config.yaml: no trajectory and no column
	// aliases, so what footprint says depends on the workbook alone; an electricity mix, so
	// that ESRS E1-5 has nothing to warn about either (test data, not a real mix).
	cfg := "# The configuration of the workbook cases (footprint validate --input FILE, run in this folder).\nsite: Plant\n" +
		"energy:\n  electricity_mix: [{year: 1990, fossil_pct: 100, nuclear_pct: 0, renewable_pct: 0, source: \"test corpus, not a real mix\"}]\n"
	if err := os.WriteFile(filepath.Join(*out, "config.yaml"), []byte(cfg), 0o644); err != nil {
		log.Fatal(err)
	}
	js, err := json.MarshalIndent(cases, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*out, "cases.json"), append(js, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
}

// rowCase is a sheet Energy with the header, a bad row 2 and a good row 3.
func rowCase(name, what string, bad []any, cell, msg string) Case {
	return Case{Name: name, File: name + ".xlsx", What: what,
		build:    func() []byte { return book(sheet{name: "Energy", rows: [][]any{header, bad, good}}) },
		Problems: []Problem{errorAt("Energy", cell, msg)},
		Rows:     &Rows{2, 1, 1}, Years: []int{2024}, Exit: 1}
}

func fileCase(name, what, kind, msg string, build func() []byte) Case {
	return Case{Name: name, File: name + ".xlsx", What: what, build: build, Kind: kind,
		Problems: []Problem{fileError(msg)}, Rows: &Rows{}, Exit: 1}
}

func corpus() []Case {
	long := strings.Repeat("x", excelize.TotalCellChars)
	cs := []Case{
		rowCase("quantity-text", "text in Quantity", []any{2024, "Plant", "P", "fr.natural-gas.pcs", "ten", "kWh PCS"}, "E2", `Quantity: text "ten" where a number was expected`),
		rowCase("quantity-blank", "a blank Quantity", []any{2024, "Plant", "P", "fr.natural-gas.pcs", nil, "kWh PCS"}, "E2", "Quantity: blank"),
		rowCase("quantity-spaces", "a Quantity of spaces only counts as blank", []any{2024, "Plant", "P", "fr.natural-gas.pcs", "   ", "kWh PCS"}, "E2", "Quantity: blank"),
		rowCase("quantity-comma", "a decimal comma is ambiguous", []any{2024, "Plant", "P", "fr.natural-gas.pcs", "1,5", "kWh PCS"}, "E2", "a comma is ambiguous"),
		rowCase("quantity-thousands-spaces", "a Quantity typed as text with no-break spaces between thousands, as French typing gives", []any{2024, "Plant", "P", "fr.natural-gas.pcs", "1\u00a0250\u00a0000", "kWh PCS"}, "E2",
			`Quantity: text "1 250 000" looks like a number with spaces as thousands separators: type 1250000 as a number`),
		rowCase("quantity-spaces-decimal-comma", "a Quantity typed as text with spaces between thousands and a decimal comma", []any{2024, "Plant", "P", "fr.natural-gas.pcs", "1 250,5", "kWh PCS"}, "E2",
			`Quantity: text "1 250,5" looks like a number with spaces as thousands separators and a decimal comma: type 1250.5 as a number`),
		rowCase("quantity-with-unit", "a unit typed in the Quantity cell", []any{2024, "Plant", "P", "fr.natural-gas.pcs", "12 MWh", "kWh PCS"}, "E2", `text "12 MWh" where a number was expected`),
		rowCase("quantity-error-text", "an error value typed as text", []any{2024, "Plant", "P", "fr.natural-gas.pcs", "#N/A", "kWh PCS"}, "E2", `Excel error value "#N/A"`),
		rowCase("quantity-negative", "a negative quantity", []any{2024, "Plant", "P", "fr.natural-gas.pcs", -5, "kWh PCS"}, "E2", "Quantity -5 is negative"),
		rowCase("quantity-implausible", "a quantity whose emissions no row can hold", []any{2024, "Plant", "P", "fr.natural-gas.pcs", 1e300, "kWh PCS"}, "E2", "more than the 1000000000000 t one row can plausibly hold"),
		rowCase("activity-unknown", "a misspelt activity id", []any{2024, "Plant", "P", "fr.natural-gaz.pcs", 5, "kWh PCS"}, "D2", `unknown activity "fr.natural-gaz.pcs": no factor has this id (did you mean "fr.natural-gas.pcs"?)`),
		rowCase("activity-blank", "a blank Activity", []any{2024, "Plant", "P", nil, 5, "kWh PCS"}, "D2", "Activity is blank"),
		rowCase("unit-blank", "a blank Unit", []any{2024, "Plant", "P", "fr.natural-gas.pcs", 5, nil}, "F2", "Unit is blank"),
		rowCase("unit-mismatch", "a mass for an energy factor", []any{2024, "Plant", "P", "fr.natural-gas.pcs", 5, "t"}, "F2", `unit "t" (mass) does not convert to the factor's unit "kWh PCS" (energy)`),
		rowCase("unit-opaque", "a unit footprint does not know matches only itself", []any{2024, "Plant", "P", "fr.natural-gas.pcs", 5, "barrels"}, "F2", `unit "barrels" does not convert to the factor's unit "kWh PCS"`),
		rowCase("unit-basis-without-ratio", "gas on PCI for a factor on PCS without a published ratio", []any{2025, "Plant", "P", "us.natural-gas", 5, "kWh PCI"}, "F2", "the library gives no PCS/PCI ratio"),
		rowCase("unit-basis-on-electricity", "a calorific basis on electricity", []any{2024, "Plant", "P", "fr.electricity.grid", 5, "kWh PCS"}, "F2", "states a calorific basis (PCS) but the factor's unit \"kWh\" has none"),
		rowCase("unit-basis-on-mass", "a calorific basis on a mass", []any{2024, "Plant", "P", "fr.natural-gas.pcs", 5, "kg PCS"}, "F2", "a calorific basis goes with an energy unit only"),
		rowCase("year-blank", "a blank Year", []any{nil, "Plant", "P", "fr.natural-gas.pcs", 5, "kWh PCS"}, "A2", "Year is blank"),
		rowCase("year-text", "text in Year", []any{"last year", "Plant", "P", "fr.natural-gas.pcs", 5, "kWh PCS"}, "A2", `Year: text "last year" where a number was expected`),
		rowCase("year-too-early", "a year before 1990", []any{1850, "Plant", "P", "fr.natural-gas.pcs", 5, "kWh PCS"}, "A2", "Year: year 1850 is outside 1990–2100"),
		rowCase("year-too-late", "a year after 2100", []any{20244, "Plant", "P", "fr.natural-gas.pcs", 5, "kWh PCS"}, "A2", "Year: year 20244 is outside 1990–2100"),
		rowCase("year-fraction", "a year that is not whole", []any{2024.5, "Plant", "P", "fr.natural-gas.pcs", 5, "kWh PCS"}, "A2", "Year: 2024.5 is not a whole number"),
		rowCase("year-serial-unformatted", "a date serial in a cell without a date format is not a year", []any{45291, "Plant", "P", "fr.natural-gas.pcs", 5, "kWh PCS"}, "A2", "Year: year 45291 is outside 1990–2100"),
		rowCase("scope-invalid", "a Scope that is not 1, 2 or 3", []any{2024, "Plant", "P", "fr.natural-gas.pcs", 5, "kWh PCS", 4}, "G2", `Scope "4": want 1, 2 or 3`),
		rowCase("category-invalid", "a Scope 3 category out of range", []any{2024, "Plant", "P", "fr.material.steel.primary", 5, "t", nil, 16}, "H2", `Category "16": want a Scope 3 category from 1 to 15`),
		rowCase("computed-without-scope", "already-computed emissions without their Scope", []any{2024, "Plant", "P", "supplier total", 12, "tCO2e"}, "F2", "needs its Scope"),
		dateCase(false), dateCase(true),
		{Name: "column-missing", File: "column-missing.xlsx", What: "a header without the required Quantity column",
			build: func() []byte {
				return book(sheet{name: "Energy", rows: [][]any{{"Year", "Activity", "Unit"}, {2024, "fr.natural-gas.pcs", "kWh PCS"}}})
			},
			Problems: []Problem{errorAt("Energy", "A1", "the header row (Year, Activity, Unit) lacks the required column(s) Quantity")}, Rows: &Rows{}, Exit: 1},
		{Name: "column-duplicated", File: "column-duplicated.xlsx", What: "Quantity twice, spelt differently",
			build: func() []byte {
				return book(sheet{name: "Energy", rows: [][]any{{"Year", "Activity", "Quantity", "Unit", " QUANTITY "}, good}})
			},
			Problems: []Problem{errorAt("Energy", "E1", "column Quantity appears twice in the header row (C1 and E1)")}, Rows: &Rows{}, Exit: 1},
		{Name: "header-below-title", File: "header-below-title.xlsx", What: "a title row above the header: the header is found below it, and the title is skipped with a warning",
			build: func() []byte {
				return book(sheet{name: "Energy", rows: [][]any{{"Energy consumption 2024"}, {}, header, good}})
			},
			Problems: []Problem{warnAt("Energy", "A1", `row 1 above the header (row 3) is not read ("Energy consumption 2024")`)},
			Rows:     &Rows{1, 1, 0}, Years: []int{2024}, Exit: 0},
		{Name: "header-below-title-second-sheet", File: "header-below-title-second-sheet.xlsx", What: "a sheet with a title above its header, next to a good sheet: both read, with a warning",
			build: func() []byte {
				return book(sheet{name: "Energy", rows: [][]any{header, good}},
					sheet{name: "Logistics", rows: [][]any{{"Freight 2025 (from the carrier's portal)"}, header, {2025, "Plant", "P", "fr.freight.rail", 1000, "t.km"}}})
			},
			Problems: []Problem{warnAt("Logistics", "A1", `row 1 above the header (row 2) is not read ("Freight 2025 (from the carrier's portal)")`)},
			Rows:     &Rows{2, 2, 0}, Years: []int{2024, 2025}, Exit: 0},
		{Name: "header-after-blank-rows", File: "header-after-blank-rows.xlsx", What: "blank rows and columns before the header: read, and cells keep their real names",
			build: func() []byte {
				pad := func(r []any) []any { return append([]any{nil, nil}, r...) }
				return book(sheet{name: "Energy", rows: [][]any{{}, {}, {}, pad(header), pad(good), pad([]any{2024, "Plant", "P", "fr.natural-gas.pcs", "lots", "kWh PCS"})}})
			},
			Problems: []Problem{errorAt("Energy", "G6", `Quantity: text "lots"`)}, Rows: &Rows{2, 1, 1}, Years: []int{2024}, Exit: 1},
		{Name: "merged-year", File: "merged-year.xlsx", What: "one Year merged over three rows: only the top cell holds it",
			build: func() []byte {
				return book(sheet{name: "Energy", rows: [][]any{header, good, {nil, "Plant", "P", "fr.natural-gas.pcs", 2000, "kWh PCS"}, {nil, "Plant", "P", "fr.natural-gas.pcs", 3000, "kWh PCS"}},
					setup: func(f *excelize.File, s string) { must(f.MergeCell(s, "A2", "A4")) }})
			},
			Problems: []Problem{warnAt("Energy", "A2", "cells A2:A4 are merged over data rows: only A2 holds a value, so the other cells of the range are read as blank"),
				errorAt("Energy", "A3", "Year is blank"), errorAt("Energy", "A4", "Year is blank")},
			Rows: &Rows{3, 1, 2}, Years: []int{2024}, Exit: 1},
		{Name: "merged-hidden-value", File: "merged-hidden-value.xlsx", What: "a value the file keeps under a merged cell, which Excel does not show, is not read",
			build: func() []byte {
				return book(sheet{name: "Energy", rows: [][]any{header, good, {2024, "Plant", "P", "fr.natural-gas.pcs", 999, "kWh PCS"}},
					setup: func(f *excelize.File, s string) { must(f.MergeCell(s, "E2", "E3")); must(f.SetCellValue(s, "E3", 999)) }})
			},
			Problems: []Problem{warnAt("Energy", "E2", "cells E2:E3 are merged over data rows"), errorAt("Energy", "E3", "Quantity: blank")},
			Rows:     &Rows{2, 1, 1}, Years: []int{2024}, Exit: 1},
		{Name: "hidden-sheets", File: "hidden-sheets.xlsx", What: "a hidden and a very hidden sheet are read, with a warning each",
			build: func() []byte {
				return book(sheet{name: "Energy", rows: [][]any{header, good}},
					sheet{name: "Old", rows: [][]any{header, {2023, "Plant", "P", "fr.natural-gas.pcs", "n/a", "kWh PCS"}}, hidden: 1},
					sheet{name: "Secret", rows: [][]any{header, {2022, "Plant", "P", "fr.natural-gas.pcs", 7, "kWh PCS"}}, hidden: 2})
			},
			Problems: []Problem{errorAt("Old", "E2", `Quantity: text "n/a"`),
				warnAt("Old", "", "the sheet is hidden in Excel, and footprint reads it like the others (1 row(s))"),
				warnAt("Secret", "", "the sheet is hidden in Excel, and footprint reads it like the others (1 row(s))")},
			Rows: &Rows{3, 2, 1}, Years: []int{2022, 2024}, Exit: 1},
		{Name: "hidden-row", File: "hidden-row.xlsx", What: "a hidden row is read, with a warning",
			build: func() []byte {
				return book(sheet{name: "Energy", rows: [][]any{header, good, {2024, "Plant", "P", "fr.natural-gas.pcs", "tbd", "kWh PCS"}},
					setup: func(f *excelize.File, s string) { must(f.SetRowVisible(s, 3, false)) }})
			},
			Problems: []Problem{errorAt("Energy", "E3", `Quantity: text "tbd"`), warnAt("Energy", "A3", "1 hidden row(s), the first at row 3, are read like the others")},
			Rows:     &Rows{2, 1, 1}, Years: []int{2024}, Exit: 1},
		{Name: "formulas", File: "formulas.xlsx", What: "a formula with a cached value is computed; one without is rejected, never read as 0; an error result is refused",
			build: func() []byte {
				return handmade(map[string]string{"Energy": sheetXML(
					`<row r="1">` + inlineRow("A", "Year", "Site", "Pole", "Activity", "Quantity", "Unit") + `</row>` +
						`<row r="2"><c r="A2"><f>2020+4</f><v>2024</v></c>` + inlineRow("B", "Plant", "P", "fr.natural-gas.pcs") + `<c r="E2"><f>500*2</f><v>1000</v></c>` + inlineCell("F2", "kWh PCS") + `</row>` +
						`<row r="3"><c r="A3"><v>2024</v></c>` + inlineCell("B3", "Plant") + inlineCell("D3", "fr.natural-gas.pcs") + `<c r="E3"><f>500*2</f></c>` + inlineCell("F3", "kWh PCS") + `</row>` +
						`<row r="4"><c r="A4"><v>2024</v></c>` + inlineCell("B4", "Plant") + inlineCell("D4", "fr.natural-gas.pcs") + `<c r="E4" t="e"><f>1/0</f><v>#DIV/0!</v></c>` + inlineCell("F4", "kWh PCS") + `</row>` +
						`<row r="5"><c r="A5"><v>2024</v></c><c r="B5"><f>Lists!A1</f></c>` + inlineCell("D5", "fr.natural-gas.pcs") + `<c r="E5"><v>5</v></c>` + inlineCell("F5", "kWh PCS") + `</row>`)})
			},
			Problems: []Problem{errorAt("Energy", "E3", "Quantity: formula without a computed value (save the workbook in Excel or LibreOffice so it stores the result)"),
				errorAt("Energy", "E4", `Quantity: Excel error value "#DIV/0!"`),
				errorAt("Energy", "B5", "Site: formula without a computed value")},
			Rows: &Rows{4, 1, 3}, Years: []int{2024}, Exit: 1},
		{Name: "formulas-only", File: "formulas-only.xlsx", What: "a row made only of formulas without values is not skipped as blank",
			build: func() []byte {
				return handmade(map[string]string{"Energy": sheetXML(
					`<row r="1">` + inlineRow("A", "Year", "Activity", "Quantity", "Unit") + `</row>` +
						`<row r="2"><c r="A2"><v>2024</v></c>` + inlineCell("B2", "fr.natural-gas.pcs") + `<c r="C2"><v>10</v></c>` + inlineCell("D2", "kWh PCS") + `</row>` +
						`<row r="3"><c r="A3"><f>A2</f></c><c r="B3" t="str"><f>B2</f></c><c r="C3"><f>C2*2</f></c><c r="D3" t="str"><f>D2</f></c></row>`)})
			},
			Problems: []Problem{errorAt("Energy", "A3", "Year: formula without a computed value"), errorAt("Energy", "B3", "Activity: formula without a computed value"),
				errorAt("Energy", "C3", "Quantity: formula without a computed value"), errorAt("Energy", "D3", "Unit: formula without a computed value")},
			Rows: &Rows{2, 1, 1}, Years: []int{2024}, Exit: 1},
		stringsCase("strings-shared", "strings in the shared-strings table (what Excel writes)", false),
		stringsCase("strings-inline", "the same strings inline (what many exporters write): read the same", true),
		{Name: "empty-workbook", File: "empty-workbook.xlsx", What: "a workbook with one empty sheet",
			build: func() []byte { return book(sheet{name: "Sheet1"}) }, Kind: "no-activity-sheet",
			Problems: []Problem{fileError("no activity sheet: the workbook is empty")}, Rows: &Rows{}, Exit: 1},
		{Name: "no-activity-sheet", File: "no-activity-sheet.xlsx", What: "sheets of notes, none with a header",
			build: func() []byte { return book(sheet{name: "Notes", rows: [][]any{{"hello"}, {"world"}}}) }, Kind: "no-activity-sheet",
			Problems: []Problem{fileError("no activity sheet: no sheet has a header row with the columns Year, Activity, Quantity, Unit")}, Rows: &Rows{}, Exit: 1},
		{Name: "million-blank-rows", File: "million-blank-rows.xlsx", What: "a million blank rows between two data rows: skipped, not counted, and the cell after them named right",
			build:    millionBlankRows,
			Problems: []Problem{errorAt("Energy", "E1000003", `Quantity: text "oops"`)}, Rows: &Rows{2, 1, 1}, Years: []int{2024}, Exit: 1},
		{Name: "distinct-names", File: "distinct-names.xlsx", What: "3,000 rows each with a site and a pole of its own, then a bad row: every row is used, and the bad cell is named after them",
			build:    distinctNames,
			Problems: []Problem{errorAt("Energy", "E3002", `Quantity: text "oops"`)}, Rows: &Rows{3001, 3000, 1}, Years: []int{2024}, Exit: 1},
		{Name: "gigantic-cells", File: "gigantic-cells.xlsx", What: "cells of 32,767 characters: the messages stay short, the comment is carried",
			build: func() []byte {
				return book(sheet{name: "Energy", rows: [][]any{header,
					{2024, "Plant", "P", long, 5, "kWh PCS"},
					{2024, "Plant", "P", "fr.natural-gas.pcs", 5, long},
					{2024, "Plant", "P", "fr.natural-gas.pcs", long, "kWh PCS"},
					{long, "Plant", "P", "fr.natural-gas.pcs", 5, "kWh PCS"},
					{2024, long, long, "fr.natural-gas.pcs", 5, "kWh PCS", nil, nil, nil, long}}})
			},
			Problems: []Problem{
				errorAt("Energy", "E4", `Quantity: text "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" where a number was expected`),
				errorAt("Energy", "A5", `Year: text "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" where a number was expected`),
				errorAt("Energy", "D2", `unknown activity "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…": no factor has this id`),
				errorAt("Energy", "F3", `unit "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" does not convert`)},
			Rows: &Rows{5, 1, 4}, Years: []int{2024}, Exit: 1},
		{Name: "instrument-bad-factor", File: "instrument-bad-factor.xlsx", What: "an Instruments row whose Factor is text",
			build: func() []byte {
				return book(sheet{name: "Energy", rows: [][]any{header, {2024, "Plant", "P", "fr.electricity.grid", 1000, "kWh"}}},
					sheet{name: "Instruments", rows: [][]any{{"Year", "Site", "Instrument", "Quantity", "Unit", "Factor"}, {2024, "Plant", "GO", 500, "kWh", "green"}}})
			},
			Problems: []Problem{errorAt("Instruments", "F2", `instrument Factor "green": want kgCO2e/kWh ≥ 0`),
				warnAt("", "", "no residual mix in config scope2.residual_mix for electricity at site \"Plant\" in 2024")}, Rows: &Rows{1, 1, 0}, Years: []int{2024}, Exit: 1},
		{Name: "xml-entities", File: "xml-entities.xlsx", What: "a billion-laughs entity in the sheet XML: never expanded",
			build: func() []byte {
				laughs := `<!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>`
				x := strings.Replace(sheetXML(`<row r="1">`+inlineRow("A", "Year", "Activity", "Quantity", "Unit")+`</row>`+
					`<row r="2"><c r="A2"><v>2024</v></c><c r="B2" t="inlineStr"><is><t>&lol9;</t></is></c><c r="C2"><v>1</v></c>`+inlineCell("D2", "kWh PCS")+`</row>`), "<worksheet", laughs+"<worksheet", 1)
				return handmade(map[string]string{"Energy": x})
			},
			Kind: "damaged", Problems: []Problem{fileError("cannot read the workbook: it is damaged: its part xl/worksheets/sheet1.xml declares a DOCTYPE, which no Excel workbook does")}, Rows: &Rows{}, Exit: 1},
		{Name: "xml-undefined-entity", File: "xml-undefined-entity.xlsx", What: "an entity XML does not define, which excelize reads as a blank and loses the rest of the row",
			build: func() []byte {
				return handmade(map[string]string{"Energy": sheetXML(`<row r="1">` + inlineRow("A", "Year", "Activity", "Quantity", "Unit") + `</row>` +
					`<row r="2"><c r="A2"><v>2024</v></c><c r="B2" t="inlineStr"><is><t>fr.natural-gas.pcs&nbsp;</t></is></c><c r="C2"><v>1</v></c>` + inlineCell("D2", "kWh PCS") + `</row>` +
					`<row r="3"><c r="A3"><v>2024</v></c>` + inlineCell("B3", "fr.natural-gas.pcs") + `<c r="C3"><v>1</v></c>` + inlineCell("D3", "kWh PCS") + `</row>`)})
			},
			Kind: "damaged", Problems: []Problem{fileError("cannot read the workbook: it is damaged: its part xl/worksheets/sheet1.xml uses the entity &nbsp; that XML does not define")}, Rows: &Rows{}, Exit: 1},
		{Name: "xml-broken-tag", File: "xml-broken-tag.xlsx", What: "sheet XML with a mismatched tag in row 2: excelize stops there without an error",
			build: func() []byte {
				row := func(r int) string {
					return fmt.Sprintf(`<row r="%d"><c r="A%d"><v>2024</v></c>`, r, r) + inlineCell(fmt.Sprintf("B%d", r), "fr.natural-gas.pcs") + fmt.Sprintf(`<c r="C%d"><v>1</v></c>`, r) + inlineCell(fmt.Sprintf("D%d", r), "kWh PCS") + `</row>`
				}
				return handmade(map[string]string{"Energy": sheetXML(`<row r="1">` + inlineRow("A", "Year", "Activity", "Quantity", "Unit") + `</row>` +
					strings.Replace(row(2), "<v>1</v>", "<v>1</w>", 1) + row(3) + row(4))})
			},
			// Row 2 is read up to the bad tag, the rest of it as blanks; then the sheet is refused.
			Problems: []Problem{errorAt("Energy", "C2", "Quantity: blank"), errorAt("Energy", "D2", "Unit is blank"),
				errorAt("Energy", "A2", "the sheet's XML is damaged: reading stopped at row 2, but the sheet holds rows up to 4")},
			Rows: &Rows{1, 0, 1}, Exit: 1},
		beyondCase("cell-ref-beyond-columns", "a cell reference after column XFD in the sheet's XML (a hand-made file): named as written", "ZZZZ3", "ZZZZ3",
			"the cell reference ZZZZ3 in the sheet's XML is beyond Excel's limits"),
		beyondCase("cell-ref-beyond-rows", "a cell reference after row 1,048,576 in the sheet's XML (a hand-made file): named as written", "XFD1048577", "XFD1048577",
			"the cell reference XFD1048577 in the sheet's XML is beyond Excel's limits"),
		fileCase("zero-bytes", "an empty file", "empty", "cannot read the workbook: it is empty (0 bytes)", func() []byte { return nil }),
		fileCase("csv-renamed", "a CSV file named .xlsx", "text", "cannot read the workbook: it is a text file (a CSV?), not an .xlsx workbook",
			func() []byte { return []byte("Year;Activity;Quantity;Unit\n2024;fr.natural-gas.pcs;1000;kWh PCS\n") }),
		fileCase("xls-renamed", "an Excel 97-2003 (.xls) container named .xlsx", "xls", "cannot read the workbook: it is an old Excel 97–2003 workbook (.xls)", oldXLS),
		fileCase("png-renamed", "an image named .xlsx", "not-xlsx", "cannot read the workbook: it is not an .xlsx workbook (an .xlsx is a zip package, and this file does not start like one)",
			func() []byte { return append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 64)...) }),
		fileCase("ods-renamed", "an OpenDocument spreadsheet (LibreOffice's own format) named .xlsx", "ods", "cannot read the workbook: it is an OpenDocument spreadsheet (.ods), not an .xlsx", odsFile),
		fileCase("zip-not-workbook", "a zip of CSV files named .xlsx", "not-xlsx", "cannot read the workbook: it is a zip file but not an Excel workbook", func() []byte {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			w, err := zw.Create("energy.csv")
			must(err)
			io.WriteString(w, "Year,Activity,Quantity,Unit\n2024,fr.natural-gas.pcs,1000,kWh PCS\n")
			must(zw.Close())
			return buf.Bytes()
		}),
		fileCase("encrypted", "a password-protected workbook (password: secret)", "encrypted", "cannot read the workbook: it is password-protected: footprint cannot read encrypted workbooks; save an unprotected copy", encrypted),
		fileCase("truncated", "a workbook cut short, as by an interrupted download", "damaged", "cannot read the workbook: it is damaged or truncated: its zip directory cannot be read", func() []byte {
			b := book(sheet{name: "Energy", rows: [][]any{header, good}})
			return b[:len(b)*2/3]
		}),
		fileCase("corrupt-part", "a workbook whose sheet's compressed data is damaged", "damaged", "cannot read the workbook: it is damaged or truncated: its part xl/worksheets/sheet1.xml cannot be unpacked", corruptPart),
		fileCase("zip-bomb", "a sheet whose XML truly unpacks to 1.2 GB, from 1 MB", "zip-bomb", "cannot read the workbook: it would unpack to 1200 MiB, more than the 1024 MiB footprint reads",
			func() []byte { return bomb(1200<<20, false) }),
		fileCase("zip-bomb-ratio", "a sheet of 600 MB under the size limit, but a thousand times its size on disk", "zip-bomb", "times its 603 KiB on disk; real workbooks unpack to less than 100 times their size, so it is refused as a zip bomb",
			func() []byte { return bomb(600<<20, false) }),
		fileCase("cell-beyond-excel", "one cell of 20 MB of text, beyond Excel's 32,767 characters: a hostile file, small on disk", "damaged",
			"cannot read the workbook: it is damaged: its part xl/worksheets/sheet1.xml holds a value of more than 1024 KiB, longer than any Excel cell (32767 characters)",
			func() []byte { return bomb(20<<20, false) }),
		fileCase("zip-bomb-lying-header", "zip headers that declare 2 KB for a sheet that unpacks to 100 MB", "damaged", "cannot read the workbook: it is damaged or hostile: its part xl/worksheets/sheet1.xml unpacks to more than the 2048 bytes its zip header declares",
			func() []byte { return bomb(100<<20, true) }),
	}
	cs = append(cs, headerCases()...)
	return append(cs, configCases()...)
}

// beyondCase is a sheet whose row 3 has its Quantity cell at ref: the sheet is read up to
// row 2 and the problem names ref as written.
func beyondCase(name, what, ref, cell, msg string) Case {
	return Case{Name: name, File: name + ".xlsx", What: what,
		build: func() []byte {
			row := func(r int, qty string) string {
				return fmt.Sprintf(`<row r="%d"><c r="A%d"><v>2024</v></c>`, r, r) + inlineCell(fmt.Sprintf("B%d", r), "fr.natural-gas.pcs") +
					fmt.Sprintf(`<c r="%s"><v>1</v></c>`, qty) + inlineCell(fmt.Sprintf("D%d", r), "kWh PCS") + `</row>`
			}
			return handmade(map[string]string{"Energy": sheetXML(`<row r="1">` + inlineRow("A", "Year", "Activity", "Quantity", "Unit") + `</row>` +
				row(2, "C2") + row(3, ref) + row(4, "C4"))})
		},
		Problems: []Problem{errorAt("Energy", cell, msg)}, Rows: &Rows{1, 1, 0}, Years: []int{2024}, Exit: 1}
}

func dateCase(date1904 bool) Case {
	name, sys := "year-dates-1900", "1900"
	if date1904 {
		name, sys = "year-dates-1904", "1904"
	}
	return Case{Name: name, File: name + ".xlsx", What: "Year cells that are dates in the " + sys + " date system: the year is read; a date outside 1990–2100 is refused",
		build: func() []byte {
			f := excelize.NewFile()
			defer f.Close()
			if date1904 {
				must(f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}))
			}
			must(f.SetSheetName("Sheet1", "Travel"))
			must(f.SetSheetRow("Travel", "A1", &header))
			must(f.SetSheetRow("Travel", "A2", &[]any{time.Date(2023, 6, 30, 0, 0, 0, 0, time.UTC), "Plant", "P", "fr.natural-gas.pcs", 5, "kWh PCS"}))
			must(f.SetSheetRow("Travel", "A3", &[]any{time.Date(1985, 1, 1, 0, 0, 0, 0, time.UTC), "Plant", "P", "fr.natural-gas.pcs", 5, "kWh PCS"}))
			return save(f)
		},
		Problems: []Problem{errorAt("Travel", "A3", "Year: date 1985-01-01 is outside the years 1990–2100")},
		Rows:     &Rows{2, 1, 1}, Years: []int{2023}, Exit: 1}
}

// stringsCase writes the same rows with shared or inline strings: they must read the same.
func stringsCase(name, what string, inline bool) Case {
	return Case{Name: name, File: name + ".xlsx", What: what,
		build: func() []byte {
			rows := [][]any{{"Year", "Activity", "Quantity", "Unit"}, {2024, "fr.natural-gas.pcs", 10, "MWh PCS"}, {2024, "fr.electricty.grid", 10, "MWh"}}
			// Row 4's Activity is rich text, in two runs the second of them bold.
			runs := []excelize.RichTextRun{{Text: "fr.natural-"}, {Text: "gas.pcs", Font: &excelize.Font{Bold: true}}}
			rows = append(rows, []any{2023, nil, 5, "MWh PCS"})
			if !inline {
				return book(sheet{name: "Energy", rows: rows, setup: func(f *excelize.File, s string) { must(f.SetCellRichText(s, "B4", runs)) }})
			}
			var x strings.Builder
			for i, r := range rows {
				fmt.Fprintf(&x, `<row r="%d">`, i+1)
				for j, v := range r {
					ref := fmt.Sprintf("%c%d", 'A'+j, i+1)
					if s, ok := v.(string); ok {
						x.WriteString(inlineCell(ref, s))
					} else if v == nil && ref == "B4" {
						x.WriteString(`<c r="B4" t="inlineStr"><is><r><t>fr.natural-</t></r><r><rPr><b/></rPr><t>gas.pcs</t></r></is></c>`)
					} else {
						fmt.Fprintf(&x, `<c r="%s"><v>%v</v></c>`, ref, v)
					}
				}
				x.WriteString(`</row>`)
			}
			return handmade(map[string]string{"Energy": sheetXML(x.String())})
		},
		Problems: []Problem{errorAt("Energy", "B3", `unknown activity "fr.electricty.grid": no factor has this id (did you mean "fr.electricity.grid"?)`)},
		Rows:     &Rows{3, 2, 1}, Years: []int{2023, 2024}, Exit: 1}
}

// configCases are configuration mistakes, given with --config; their inputs are
// config-input.xlsx, a good workbook, unless the case says otherwise.
func configCases() []Case {
	yaml := func(name, what, text, msg string) Case {
		return Case{Name: name, Config: name + ".yaml", What: what, build: func() []byte { return []byte(text) },
			Problems: []Problem{fileError(name + ".yaml: " + msg)}, Exit: 1}
	}
	in := "inputs: [config-input.xlsx]\n"
	return []Case{
		{Name: "config-input", File: "config-input.xlsx", What: "the good workbook the configuration cases read (not broken: exit 0)",
			build: func() []byte { return book(sheet{name: "Energy", rows: [][]any{header, good}}) }, Rows: &Rows{1, 1, 0}, Years: []int{2024}, Exit: 0, Problems: []Problem{}},
		yaml("config-unknown-key", "a misspelt key", in+"outptu:\n  dir: out\n", "line 2: field outptu not found"),
		yaml("config-wrong-type", "text where a number is expected", in+"reporting_year: last\n", "line 2: cannot unmarshal !!str `last` into int"),
		yaml("config-custom-map", "custom factors as a map instead of a list", in+"factors:\n  custom:\n    steel: {value: 1}\n", "line 4: cannot unmarshal !!map into []config.CustomFactor"),
		yaml("config-duplicate-ids", "two factor ids that differ only in case", in+"factors:\n  custom:\n    - {id: Supplier.Steel, value: 1, unit: kg, scope: 3, category: 1, source: EPD 1}\n    - {id: supplier.steel, value: 2, unit: kg, scope: 3, category: 1, source: EPD 2}\n",
			`factors.custom[1].id: "Supplier.Steel" and "supplier.steel" differ only in case`),
		yaml("config-duplicate-ids-nfc", "one id typed twice with its accent encoded two ways (NFC and NFD), which look the same", in+"factors:\n  custom:\n    - {id: \"caf\u00e9.heat\", value: 1, unit: kWh, scope: 1, source: meter 1}\n    - {id: \"cafe\u0301.heat\", value: 1000, unit: kWh, scope: 1, source: meter 2}\n",
			"factors.custom[1].id: \"caf\u00e9.heat\" and \"cafe\u0301.heat\" are one id written two ways (\"caf\\u00e9.heat\" and \"cafe\\u0301.heat\")"),
		yaml("config-negative-factor", "a negative emission factor", in+"factors:\n  custom:\n    - {id: supplier.steel, value: -0.5, unit: kg, scope: 3, category: 1, source: EPD 1}\n", `factors.custom[0]: factor "supplier.steel": negative value -0.5`),
		yaml("config-factor-without-source", "a factor that does not say where it comes from", in+"factors:\n  custom:\n    - {id: supplier.steel, value: 0.5, unit: kg, scope: 3, category: 1}\n", `factors.custom[0]: factor "supplier.steel": source is missing`),
		{Name: "config-missing-input", Config: "config-missing-input.yaml", What: "an input that does not exist",
			build:    func() []byte { return []byte("inputs: [missing.xlsx]\n") },
			Problems: []Problem{{File: "missing.xlsx", Severity: "error", Message: "cannot open: no such file or directory"}}, Exit: 1},
		{Name: "config-missing", Config: "config-missing.yaml", What: "a --config file that does not exist (not written)",
			Problems: []Problem{fileError("config config-missing.yaml: no such file or directory")}, Exit: 1},
		{Name: "config-ids-dots-capitals", Config: "config-ids-dots-capitals.yaml", What: "custom ids with dots and capitals work, kept as written and matched ignoring case (not broken: exit 0)",
			build: func() []byte {
				return []byte("inputs: [config-ids-dots-capitals.xlsx]\nfactors:\n  custom:\n    - {id: Supplier.Steel.LowCarbon-EPD.v2, value: 700, unit: t, scope: 3, category: 1, source: EPD 1234}\n")
			}, Problems: []Problem{}, Rows: &Rows{2, 2, 0}, Years: []int{2024}, Exit: 0},
		{Name: "config-ids-dots-capitals-input", File: "config-ids-dots-capitals.xlsx", What: "the workbook of config-ids-dots-capitals: without that config, its ids are unknown",
			build: func() []byte {
				return book(sheet{name: "Materials", rows: [][]any{header,
					{2024, "Plant", "P", "Supplier.Steel.LowCarbon-EPD.v2", 2, "t"}, {2024, "Plant", "P", "supplier.steel.lowcarbon-epd.v2", 1, "t"}}})
			},
			Problems: []Problem{errorAt("Materials", "D2", `unknown activity "Supplier.Steel.LowCarbon-EPD.v2"`), errorAt("Materials", "D3", `unknown activity "supplier.steel.lowcarbon-epd.v2"`)},
			Rows:     &Rows{2, 0, 2}, Exit: 1},
	}
}

// sheet is a sheet for excelize to write; hidden is 1 for hidden, 2 for very hidden.
type sheet struct {
	name   string
	rows   [][]any
	hidden int
	setup  func(f *excelize.File, sheet string)
}

func book(sheets ...sheet) []byte {
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			must(f.SetSheetName("Sheet1", s.name))
		} else {
			_, err := f.NewSheet(s.name)
			must(err)
		}
		for r, row := range s.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			must(f.SetSheetRow(s.name, cell, &row))
		}
		if s.setup != nil {
			s.setup(f, s.name)
		}
		if s.hidden > 0 {
			must(f.SetSheetVisible(s.name, false, s.hidden == 2))
		}
	}
	return save(f)
}

func save(f *excelize.File) []byte {
	var buf bytes.Buffer
	must(f.Write(&buf))
	return buf.Bytes()
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func inlineCell(ref, s string) string {
	var b bytes.Buffer
	must(xmlEscape(&b, s))
	return fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, b.String())
}

// inlineRow writes inline strings from a column on; "" leaves a cell out.
func inlineRow(col string, values ...string) string {
	c0 := col[0]
	var b strings.Builder
	for i, v := range values {
		if v == "" {
			continue
		}
		b.WriteString(inlineCell(fmt.Sprintf("%c%s", c0+byte(i), "ROW"), v))
	}
	return b.String()
}

func xmlEscape(w io.Writer, s string) error {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	_, err := io.WriteString(w, r.Replace(s))
	return err
}

const sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
	`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>`

const sheetTail = `</sheetData></worksheet>`

// sheetXML fixes the rows' "ROW" placeholders left by inlineRow and wraps them in a worksheet.
func sheetXML(rows string) string {
	var b strings.Builder
	for _, part := range strings.SplitAfter(rows, "</row>") {
		n := ""
		if i := strings.Index(part, `<row r="`); i >= 0 {
			rest := part[i+len(`<row r="`):]
			n = rest[:strings.IndexByte(rest, '"')]
		}
		b.WriteString(strings.ReplaceAll(part, "ROW", n))
	}
	return sheetHead + b.String() + sheetTail
}

// handmade assembles an .xlsx from worksheet XML, with no styles or shared strings: the
// smallest package Excel and excelize open.
func handmade(sheets map[string]string) []byte {
	names := make([]string, 0, len(sheets))
	for n := range sheets {
		names = append(names, n)
	}
	// One sheet in practice; sorted for determinism all the same.
	for i := 1; i < len(names); i++ {
		for j := i; j > 0 && names[j] < names[j-1]; j-- {
			names[j], names[j-1] = names[j-1], names[j]
		}
	}
	var ct, wb, rels strings.Builder
	ct.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`)
	wb.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`)
	rels.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	parts := map[string]string{}
	for i, n := range names {
		part := fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
		fmt.Fprintf(&ct, `<Override PartName="/%s" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, part)
		fmt.Fprintf(&wb, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, n, i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
		parts[part] = sheets[n]
	}
	ct.WriteString(`</Types>`)
	wb.WriteString(`</sheets></workbook>`)
	rels.WriteString(`</Relationships>`)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	write := func(name, body string) {
		w, err := zw.Create(name)
		must(err)
		_, err = io.WriteString(w, body)
		must(err)
	}
	write("[Content_Types].xml", ct.String())
	write("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	write("xl/workbook.xml", wb.String())
	write("xl/_rels/workbook.xml.rels", rels.String())
	for i := range names {
		part := fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
		write(part, parts[part])
	}
	must(zw.Close())
	return buf.Bytes()
}

// withPart rewrites a package with one part's content produced by body, compressed here:
// the way to build sheets too big to hold in memory.
func withPart(base []byte, part string, body func(w io.Writer)) []byte {
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	must(err)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		must(err)
		if f.Name == part {
			body(w)
			continue
		}
		rc, err := f.Open()
		must(err)
		_, err = io.Copy(w, rc)
		must(err)
		rc.Close()
	}
	must(zw.Close())
	return buf.Bytes()
}

// distinctNames is 3,000 rows with a site and a pole of their own each (each a group of its
// own), and a bad Quantity in the row after them.
func distinctNames() []byte {
	rows := [][]any{header}
	for i := 1; i <= 3000; i++ {
		rows = append(rows, []any{2024, fmt.Sprintf("site %d", i), fmt.Sprintf("pole %d", i), "fr.natural-gas.pcs", i, "kWh PCS"})
	}
	rows = append(rows, []any{2024, "Plant", "RE-CYCLE", "fr.natural-gas.pcs", "oops", "kWh PCS"})
	return book(sheet{name: "Energy", rows: rows})
}

func millionBlankRows() []byte {
	base := book(sheet{name: "Energy", rows: [][]any{header, good}})
	return withPart(base, "xl/worksheets/sheet1.xml", func(w io.Writer) {
		io.WriteString(w, sheetHead)
		io.WriteString(w, `<row r="1">`+strings.ReplaceAll(inlineRow("A", "Year", "Site", "Pole", "Activity", "Quantity", "Unit"), "ROW", "1")+`</row>`)
		io.WriteString(w, `<row r="2"><c r="A2"><v>2024</v></c>`+inlineCell("B2", "Plant")+inlineCell("D2", "fr.natural-gas.pcs")+`<c r="E2"><v>10</v></c>`+inlineCell("F2", "kWh PCS")+`</row>`)
		// Rows 3 to 1000002, blank. Without their r attribute (optional: a row without one
		// follows the previous) they compress to almost nothing.
		for r := 3; r <= 1000002; r++ {
			io.WriteString(w, `<row/>`)
		}
		io.WriteString(w, `<row r="1000003"><c r="A1000003"><v>2024</v></c>`+inlineCell("B1000003", "Plant")+inlineCell("D1000003", "fr.natural-gas.pcs")+inlineCell("E1000003", "oops")+inlineCell("F1000003", "kWh PCS")+`</row>`)
		io.WriteString(w, sheetTail)
	})
}

// bomb is a workbook whose first sheet is one inline string cell of size bytes of "A",
// compressed at the best level (about 1:1000). With lie, its zip headers declare 2 KB.
func bomb(size int, lie bool) []byte {
	base := book(sheet{name: "Energy", rows: [][]any{header, good}})
	head := sheetHead + `<row r="1"><c r="A1" t="inlineStr"><is><t>`
	tail := `</t></is></c></row>` + sheetTail
	var comp bytes.Buffer
	fw, err := flate.NewWriter(&comp, flate.BestCompression)
	must(err)
	crc := crc32.NewIEEE()
	w := io.MultiWriter(fw, crc)
	io.WriteString(w, head)
	block := bytes.Repeat([]byte("A"), 1<<20)
	n := size - len(head) - len(tail)
	for n > 0 {
		k := min(n, len(block))
		w.Write(block[:k])
		n -= k
	}
	io.WriteString(w, tail)
	must(fw.Close())
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	must(err)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
			must(err)
			rc, err := f.Open()
			must(err)
			_, err = io.Copy(w, rc)
			must(err)
			rc.Close()
			continue
		}
		fh := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: crc.Sum32(),
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: uint64(size)}
		if lie {
			fh.UncompressedSize64 = 2048
		}
		rw, err := zw.CreateRaw(fh)
		must(err)
		_, err = rw.Write(comp.Bytes())
		must(err)
	}
	must(zw.Close())
	return buf.Bytes()
}

// corruptPart damages the middle of the first sheet's compressed data.
func corruptPart() []byte {
	base := book(sheet{name: "Energy", rows: [][]any{header, good, good, good}})
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	must(err)
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			off, err := f.DataOffset()
			must(err)
			b := append([]byte(nil), base...)
			mid := off + int64(f.CompressedSize64)/2
			for i := mid; i < mid+8; i++ {
				b[i] ^= 0x5A
			}
			return b
		}
	}
	log.Fatal("no sheet1.xml")
	return nil
}

// odsFile is the skeleton of an OpenDocument spreadsheet: an uncompressed mimetype first,
// then the manifest and the content.
func odsFile() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	must(err)
	io.WriteString(w, "application/vnd.oasis.opendocument.spreadsheet")
	w, err = zw.Create("META-INF/manifest.xml")
	must(err)
	io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`)
	w, err = zw.Create("content.xml")
	must(err)
	io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Energy"><table:table-row><table:table-cell office:value-type="string"><text:p>Year</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`)
	must(zw.Close())
	return buf.Bytes()
}

func encrypted() []byte {
	f := excelize.NewFile()
	defer f.Close()
	must(f.SetSheetName("Sheet1", "Energy"))
	must(f.SetSheetRow("Energy", "A1", &header))
	must(f.SetSheetRow("Energy", "A2", &good))
	var buf bytes.Buffer
	must(f.Write(&buf, excelize.Options{Password: "secret"}))
	return buf.Bytes()
}

// oldXLS is a Compound File (the container of .xls workbooks) holding one "Workbook"
// stream that starts with a BIFF8 BOF record: what an Excel 97-2003 file looks like to a
// reader, built by hand because no Go library writes .xls.
func oldXLS() []byte {
	const sector = 512
	const endOfChain, freeSect, fatSect, noStream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
	const streamSectors = 8 // 4096 bytes: at the mini-stream cutoff, so in normal sectors
	b := make([]byte, sector*(3+streamSectors))
	le := binary.LittleEndian
	h := b[:sector]
	copy(h, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le.PutUint16(h[24:], 0x3E)   // minor version
	le.PutUint16(h[26:], 3)      // major version 3: 512-byte sectors
	le.PutUint16(h[28:], 0xFFFE) // little-endian
	le.PutUint16(h[30:], 9)      // sector shift
	le.PutUint16(h[32:], 6)      // mini sector shift
	le.PutUint32(h[44:], 1)      // FAT sectors
	le.PutUint32(h[48:], 1)      // first directory sector
	le.PutUint32(h[56:], 4096)   // mini stream cutoff
	le.PutUint32(h[60:], endOfChain)
	le.PutUint32(h[68:], endOfChain)
	le.PutUint32(h[76:], 0) // DIFAT[0]: the FAT is sector 0
	for i := 1; i < 109; i++ {
		le.PutUint32(h[76+4*i:], freeSect)
	}
	fat := b[sector : 2*sector] // sector 0
	for i := 0; i < sector/4; i++ {
		le.PutUint32(fat[4*i:], freeSect)
	}
	le.PutUint32(fat[0:], fatSect)
	le.PutUint32(fat[4:], endOfChain) // directory
	for i := 0; i < streamSectors; i++ {
		next := uint32(2 + i + 1)
		if i == streamSectors-1 {
			next = endOfChain
		}
		le.PutUint32(fat[4*(2+i):], next)
	}
	dir := b[2*sector : 3*sector] // sector 1
	entry := func(i int, name string, typ byte, child, start, size uint32) {
		e := dir[128*i : 128*(i+1)]
		u := utf16le(name)
		copy(e, u)
		le.PutUint16(e[64:], uint16(len(u)+2))
		e[66], e[67] = typ, 1 // black
		le.PutUint32(e[68:], noStream)
		le.PutUint32(e[72:], noStream)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], start)
		le.PutUint32(e[120:], size)
	}
	entry(0, "Root Entry", 5, 1, endOfChain, 0)
	entry(1, "Workbook", 2, noStream, 2, streamSectors*sector)
	for i := 2; i < 4; i++ {
		e := dir[128*i : 128*(i+1)]
		le.PutUint32(e[68:], noStream)
		le.PutUint32(e[72:], noStream)
		le.PutUint32(e[76:], noStream)
	}
	// BOF record: type 0x0809, length 16, BIFF8 (0x0600), workbook globals (0x0005).
	stream := b[3*sector:]
	copy(stream, []byte{0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00})
	return b
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}
