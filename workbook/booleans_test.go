package workbook

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/workbook/workbooktest"
)

// boolCell is a cell holding a true/false value, as Excel writes TRUE and FALSE.
func boolCell(ref string, v bool) string {
	b := 0
	if v {
		b = 1
	}
	return fmt.Sprintf(`<c r="%s" t="b"><v>%d</v></c>`, ref, b)
}

// A true/false value in a number column (TRUE in Quantity, in Scope) rejects its row at its
// cell, whichever reader reads the sheet: never a quantity of 1 or 0, never a Scope 1. One in a
// text column (Comment) is read as the readers give it.
func TestBooleanIsNotANumber(t *testing.T) {
	// row is a row of cells A–J, Quantity, Scope and Comment as given (XML, "" for none)
	row := func(r int, qty, scope, comment string) string {
		text := func(col, v string) string {
			return fmt.Sprintf(`<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>`, col, r, v)
		}
		return fmt.Sprintf(`<row r="%d"><c r="A%d"><v>2024</v></c>`, r, r) + text("B", "Main") + text("C", "P") + text("D", "test.steel") +
			qty + text("F", "t") + scope + comment + "</row>"
	}
	num := func(ref string, v int) string { return fmt.Sprintf(`<c r="%s"><v>%d</v></c>`, ref, v) }
	rows := workbooktest.RowXML(1, "Year", "Site", "Pole", "Activity", "Quantity", "Unit", "Scope", "Category", "Method", "Comment") +
		row(2, boolCell("E2", true), "", "") +
		row(3, boolCell("E3", false), "", "") +
		row(4, num("E4", 5), boolCell("G4", true), "") +
		row(5, num("E5", 7), "", boolCell("J5", true)) +
		row(6, num("E6", 1), num("G6", 3), "")
	// an attribute it does not know sends the sheet from the quick reader to the fast one
	for _, book := range []struct {
		name        string
		rows        string
		quick, fast int
	}{
		{"quick", rows, 1, 1},
		{"fast", strings.ReplaceAll(rows, `t="b">`, `t="b" cm="1">`), 0, 1},
	} {
		data := workbooktest.Handmade(t, workbooktest.RawSheet{Name: "Energy", Rows: book.rows})
		readers := []struct {
			name string
			opts Options
		}{
			{"fast", Options{}},
			{"checked", Options{checkedOnly: true}},
			{"checked with excelize", Options{checkedOnly: true, excelizeRows: true}},
		}
		for _, r := range readers {
			t.Run(book.name+"/"+r.name, func(t *testing.T) {
				in := &emissions.Input{}
				r.opts.DefaultSite = "Main"
				Read(in, "w.xlsx", bytes.NewReader(data), r.opts)
				var got []string
				for _, p := range in.Problems.List() {
					got = append(got, p.Cell+" "+p.Message)
				}
				want := []string{
					"E2 Quantity: a true/false value (TRUE) where a number was expected; enter a number",
					"E3 Quantity: a true/false value (FALSE) where a number was expected; enter a number",
					"G4 Scope: a true/false value (TRUE) where a number was expected; enter a number",
				}
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
				if in.RowsRead != 5 || in.Rejected != 3 {
					t.Errorf("%d rows read, %d rejected; want 5 and 3", in.RowsRead, in.Rejected)
				}
				var qty []float64
				for _, a := range in.Activities {
					qty = append(qty, a.Quantity)
				}
				if fmt.Sprint(qty) != "[7 1]" {
					t.Errorf("quantities %v, want [7 1] (the rows without a true/false number)", qty)
				}
			})
		}
		stats := &readStats{}
		Read(&emissions.Input{}, "w.xlsx", bytes.NewReader(data), Options{DefaultSite: "Main", stats: stats})
		if stats.quick != book.quick || stats.fast != book.fast {
			t.Errorf("%s: read quick %d and fast %d times, want %d and %d", book.name, stats.quick, stats.fast, book.quick, book.fast)
		}
		fastVsChecked(t, "w.xlsx", data, Options{DefaultSite: "Main"})
	}
}
