package excel_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/footprint/footprint/internal/xlsxtest"
	"github.com/footprint/footprint/reports/excel"
	"github.com/xuri/excelize/v2"
)

// TestExportLibreOffice: a second implementation opens the export. LibreOffice converts it
// headless without error, reads the ESRS E1-6 sheet as the same numbers as excelize does (and
// as the inventory), and finds every line on the Lines sheet.
func TestExportLibreOffice(t *testing.T) {
	soffice := xlsxtest.LibreOffice(t)
	e := demoInventory(t)
	dir := t.TempDir()
	xlsx := filepath.Join(dir, excel.FileName(e.ReportingYear))
	if _, err := excel.WriteFile(xlsx, e, nil); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	ours := readSheet(t, openWorkbook(t, b), "ESRS E1-6")

	recs := xlsxtest.ConvertSheet(t, soffice, xlsx, 2) // ESRS E1-6
	if len(recs) != len(ours.rows) {
		t.Fatalf("LibreOffice reads %d rows, excelize %d", len(recs), len(ours.rows))
	}
	numbers := 0
	for r, rec := range recs {
		if rec[0] != ours.at(1, r+1) {
			t.Errorf("row %d: LibreOffice %q, excelize %q", r+1, rec[0], ours.at(1, r+1))
		}
		if r < 3 {
			continue
		}
		for c := 2; c <= len(rec)-1; c++ { // figures: every column but the label and the notes
			want := ours.at(c, r+1)
			got := rec[c-1]
			if (want == "") != (got == "") {
				t.Errorf("%s row %d col %d: LibreOffice %q, excelize %q", recs[r][0], r+1, c, got, want)
				continue
			}
			if want == "" {
				continue
			}
			if g, w := xlsxtest.LONumber(t, got), num(t, want, "excelize"); !closeRel(g, w) {
				t.Errorf("%s col %d: LibreOffice %v, excelize %v", rec[0], c, g, w)
			}
			numbers++
		}
	}
	years := yearsOf(e)
	for label, want := range map[string]float64{
		"Total GHG emissions (market-based) (tCO2eq)":   years[e.ReportingYear].TotalMarket,
		"Total GHG emissions (location-based) (tCO2eq)": years[e.ReportingYear].TotalLocation,
		"Gross Scope 1 GHG emissions (tCO2eq)":          years[e.ReportingYear].Scope1,
	} {
		r := ours.findRow(label)
		if got := xlsxtest.LONumber(t, recs[r-1][3]); !closeRel(got, want) {
			t.Errorf("LibreOffice %s %d: %v, inventory %v", label, e.ReportingYear, got, want)
		}
	}
	if numbers < 60 {
		t.Errorf("only %d figures compared", numbers)
	}

	// The Entities sheet (E1-6 §50) reads the same: every entity's consolidated and gross figures.
	oursEnt := readSheet(t, openWorkbook(t, b), "Entities")
	ent := xlsxtest.ConvertSheet(t, soffice, xlsx, xlsxtest.SheetNumber(t, openWorkbook(t, b), "Entities"))
	if len(ent) != len(oursEnt.rows) || len(ent) < 4 {
		t.Fatalf("Entities: LibreOffice reads %d rows, excelize %d", len(ent), len(oursEnt.rows))
	}
	for r := 3; r < len(ent); r++ {
		for c := 5; c <= 17; c++ {
			if g, w := xlsxtest.LONumber(t, ent[r][c-1]), num(t, oursEnt.at(c, r+1), "Entities"); !closeRel(g, w) {
				t.Errorf("Entities row %d col %d: LibreOffice %v, excelize %v", r+1, c, g, w)
			}
		}
	}

	lines := xlsxtest.ConvertSheet(t, soffice, xlsx, xlsxtest.SheetNumber(t, openWorkbook(t, b), "Lines"))
	if got := len(lines) - 1; got != e.Lines.Len() {
		t.Errorf("LibreOffice reads %d lines, want %d", got, e.Lines.Len())
	}

	// The sheets of the claim and of what changed: every cell as excelize reads it, and the
	// figures a reader looks for.
	f := openWorkbook(t, b)
	claim := sameInLibreOffice(t, soffice, xlsx, f, "Claim")
	cy, _ := e.Claim.Check.Year(e.ReportingYear)
	year := strconv.Itoa(e.ReportingYear)
	for header, want := range map[string]float64{
		"Residual in claim boundary, tCO2e":                  *cy.Residual,
		"Retired credits, tCO2e":                             1200,
		"Own removals, tCO2e":                                80,
		"Planned or contracted credits (not counted), tCO2e": 3000,
	} {
		if got := xlsxtest.LONumber(t, claim.cell(t, year, header)); !closeRel(got, want) {
			t.Errorf("LibreOffice Claim %s %s: %v, want %v", year, header, got, want)
		}
	}
	if got := claim.cell(t, year, "Claim"); got != "no claim" {
		t.Errorf("LibreOffice Claim %s: verdict %q, want no claim", year, got)
	}
	e17 := sameInLibreOffice(t, soffice, xlsx, f, "ESRS E1-7")
	if got := e17.cell(t, "Carbon credits cancelled after 2025, before this report (E1-7 §59 b)", "tCO2e"); got != "1200" {
		t.Errorf("LibreOffice E1-7 credits retired after 2025: %q, want 1200", got)
	}
	changes := sameInLibreOffice(t, soffice, xlsx, f, "Changes")
	for _, c := range e.Changes {
		if !c.BaseToReporting {
			continue
		}
		r := changes.findRow(t, func(rec []string) bool {
			return len(rec) > 3 && rec[0] == strconv.Itoa(c.From) && rec[1] == strconv.Itoa(c.To) && rec[3] == "All activities"
		})
		if v := xlsxtest.LONumber(t, changes.cellAt(r, "Discontinued")); !closeRel(v, c.Discontinued) || c.Discontinued >= 0 {
			t.Errorf("LibreOffice Changes %d→%d discontinued: %v, want %v (< 0: the 2024 closure)", c.From, c.To, v, c.Discontinued)
		}
	}
}

// loSheet is a sheet as LibreOffice reads it, with its header row (the third).
type loSheet struct {
	name string
	recs [][]string
}

// findRow is the index of the first record that keep accepts; the test fails without one.
func (s loSheet) findRow(t *testing.T, keep func([]string) bool) int {
	t.Helper()
	for i, rec := range s.recs {
		if keep(rec) {
			return i
		}
	}
	t.Fatalf("LibreOffice %s: no such row", s.name)
	return 0
}

// cell is the value in the row whose first column is label, under header.
func (s loSheet) cell(t *testing.T, label, header string) string {
	t.Helper()
	col := -1
	if len(s.recs) >= 3 {
		for i, h := range s.recs[2] {
			if h == header {
				col = i
			}
		}
	}
	for _, rec := range s.recs {
		if len(rec) > 0 && rec[0] == label && col >= 0 && col < len(rec) {
			return rec[col]
		}
	}
	t.Errorf("LibreOffice %s: no cell %q / %q", s.name, label, header)
	return ""
}

// cellAt is the value of record r under header.
func (s loSheet) cellAt(r int, header string) string {
	for i, h := range s.recs[2] {
		if h == header && i < len(s.recs[r]) {
			return s.recs[r][i]
		}
	}
	return ""
}

// sameInLibreOffice has LibreOffice read one sheet and compares every cell with excelize's
// reading: text as text, numbers to 1e-13.
func sameInLibreOffice(t *testing.T, soffice, xlsx string, f *excelize.File, name string) loSheet {
	t.Helper()
	ours := readSheet(t, f, name)
	recs := xlsxtest.ConvertSheet(t, soffice, xlsx, xlsxtest.SheetNumber(t, f, name))
	if len(recs) != len(ours.rows) || len(recs) < 4 {
		t.Fatalf("%s: LibreOffice reads %d rows, excelize %d", name, len(recs), len(ours.rows))
	}
	for r, rec := range recs {
		for c := 1; c <= max(len(rec), len(ours.rows[r])); c++ {
			got, want := "", ours.at(c, r+1)
			if c <= len(rec) {
				got = rec[c-1]
			}
			if got == want {
				continue
			}
			if w, err := strconv.ParseFloat(want, 64); err == nil && got != "" && closeRel(xlsxtest.LONumber(t, got), w) {
				continue
			}
			t.Errorf("%s row %d col %d: LibreOffice %q, excelize %q", name, r+1, c, got, want)
		}
	}
	return loSheet{name: name, recs: recs}
}
