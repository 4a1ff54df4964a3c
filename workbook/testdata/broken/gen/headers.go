package main

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// headerCases are the workbooks whose header is not a plain first row: titles and notes above
// it, a header too far down or lacking a column, French spellings, columns footprint does not
// read, and an annotated copy's own columns.
func headerCases() []Case {
	french := []any{"Année", "Site", "Pôle", "Activité", "Quantité", "Unité", "Catégorie", "Méthode", "Commentaire", "Qualité", "Entité", "Type de donnée"}
	commute := []any{2024, "Plant", "P", "fr.travel.car", 1000, "km", 7, nil, "commuting survey", "estimated", nil, "secondary"}
	var notes [][]any
	for i := range 20 {
		notes = append(notes, []any{fmt.Sprintf("note %d", i+1)})
	}
	return []Case{
		{Name: "header-below-merged-title-notes", File: "header-below-merged-title-notes.xlsx", What: "a merged title row and a note above the header: both skipped with one warning naming them, the sheet read",
			build: func() []byte {
				return book(sheet{name: "Energy", rows: [][]any{{"Energy consumption 2024"}, {"Source: meter readings and gas invoices"}, {}, header, good},
					setup: func(f *excelize.File, s string) { must(f.MergeCell(s, "A1", "F1")) }})
			},
			Problems: []Problem{warnAt("Energy", "A1", `rows 1–2 above the header (row 4) are not read ("Energy consumption 2024")`)},
			Rows:     &Rows{1, 1, 0}, Years: []int{2024}, Exit: 0},
		{Name: "header-below-title-french", File: "header-below-title-french.xlsx", What: "a title above a French header, read without any column alias in config",
			build: func() []byte {
				return book(sheet{name: "Déplacements", rows: [][]any{{"Déplacements domicile-travail 2024"}, french, commute},
					setup: func(f *excelize.File, s string) { must(f.MergeCell(s, "A1", "L1")) }})
			},
			Problems: []Problem{warnAt("Déplacements", "A1", `row 1 above the header (row 2) is not read ("Déplacements domicile-travail 2024")`)},
			Rows:     &Rows{1, 1, 0}, Years: []int{2024}, Exit: 0},
		{Name: "header-too-far-down", File: "header-too-far-down.xlsx", What: "20 rows of notes, then the header on the 21st non-empty row: not found, an error",
			build: func() []byte {
				return book(sheet{name: "Energy", rows: append(append(notes, header), good)})
			},
			Problems: []Problem{errorAt("Energy", "A21", "row 21 looks like the header (Year, Site, Pole, Activity, Quantity, Unit, Scope, Category, Method, Comment), but footprint looks for the header among the first 20 non-empty rows")},
			Rows:     &Rows{}, Exit: 1},
		{Name: "header-below-title-without-quantity", File: "header-below-title-without-quantity.xlsx", What: "a title above a header without Quantity: an error naming the column, not a skipped sheet",
			build: func() []byte {
				return book(sheet{name: "Energy", rows: [][]any{header, good}},
					sheet{name: "Logistics", rows: [][]any{{"Freight 2024"}, {"Year", "Site", "Activity", "Unit"}, {2024, "Plant", "fr.freight.rail", "t.km"}}})
			},
			Problems: []Problem{errorAt("Logistics", "A2", "the header row (Year, Site, Activity, Unit) lacks the required column(s) Quantity")},
			Rows:     &Rows{1, 1, 0}, Years: []int{2024}, Exit: 1},
		{Name: "column-unknown-typo", File: "column-unknown-typo.xlsx", What: "a misspelt optional column: warned with the column meant, not ignored in silence",
			build: func() []byte {
				return book(sheet{name: "Travel", rows: [][]any{{"Year", "Site", "Pole", "Activity", "Quantity", "Unit", "Scope", "Categroy"}, {2024, "Plant", "P", "fr.travel.car", 1000, "km", nil, 7}}})
			},
			Problems: []Problem{warnAt("Travel", "H1", `column "Categroy" is not one footprint reads, so its values are ignored; did you mean Category?`)},
			Rows:     &Rows{1, 1, 0}, Years: []int{2024}, Exit: 0},
		{Name: "column-unknown", File: "column-unknown.xlsx", What: "a column footprint does not read: warned once, whatever the number of rows",
			build: func() []byte {
				return book(sheet{name: "Energy", rows: [][]any{append(append([]any{}, header...), "Supplier"), append(append([]any{}, good...), nil, nil, nil, nil, "GRDF"), good}})
			},
			Problems: []Problem{warnAt("Energy", "K1", `column "Supplier" is not one footprint reads, so its values are ignored`)},
			Rows:     &Rows{2, 2, 0}, Years: []int{2024}, Exit: 0},
		{Name: "columns-annotated", File: "columns-annotated.xlsx", What: "an annotated copy's footprint columns: neither read nor warned about",
			build: func() []byte {
				return book(sheet{name: "Energy", rows: [][]any{append(append([]any{}, header...), "footprint tCO2e", "footprint scope", "footprint problem"), append(append([]any{}, good...), nil, nil, nil, nil, 0.2, 1, "")}})
			},
			Problems: []Problem{}, Rows: &Rows{1, 1, 0}, Years: []int{2024}, Exit: 0},
	}
}
