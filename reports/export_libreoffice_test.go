package reports_test

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/footprint/footprint/reports"
	"github.com/xuri/excelize/v2"
)

// libreOffice returns the soffice binary. In CI (CI=true) a missing LibreOffice fails the test:
// .ci/run installs libreoffice-calc; elsewhere the test is skipped.
func libreOffice(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice not found: CI needs libreoffice-calc (installed by .ci/run)")
		}
		t.Skip("soffice not found; install libreoffice-calc to run the second-reader check")
	}
	return path
}

// sheetNumber is the 1-based position of a sheet, as convertSheet takes it.
func sheetNumber(t *testing.T, f *excelize.File, name string) int {
	t.Helper()
	for i, s := range f.GetSheetList() {
		if s == name {
			return i + 1
		}
	}
	t.Fatalf("no sheet %s", name)
	return 0
}

// convertSheet has LibreOffice read the workbook and write one sheet (1-based) as CSV, with a
// profile of its own so parallel conversions do not fight over a lock. It returns the records.
func convertSheet(t *testing.T, soffice, xlsx string, sheet int) [][]string {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "csv")
	// Token 9 false: numbers as stored, not as formatted; token 12: the sheet to export.
	filter := "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false," + strconv.Itoa(sheet)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
		"--convert-to", filter, "--outdir", out, xlsx)
	output, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, output)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.csv"))
	if len(files) != 1 {
		t.Fatalf("soffice wrote %v\n%s", files, output)
	}
	f, err := os.Open(files[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", files[0], err)
	}
	return recs
}

// loNumber reads a number as LibreOffice writes it in CSV: percentages end with %.
func loNumber(t *testing.T, s string) float64 {
	t.Helper()
	scale := 1.0
	if strings.HasSuffix(s, "%") {
		s, scale = strings.TrimSuffix(s, "%"), 0.01
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("LibreOffice wrote %q, not a number", s)
	}
	return v * scale
}

// TestExportLibreOffice: a second implementation opens the export. LibreOffice converts it
// headless without error, reads the ESRS E1-6 sheet as the same numbers as excelize does (and
// as the inventory), and finds every line on the Lines sheet.
func TestExportLibreOffice(t *testing.T) {
	soffice := libreOffice(t)
	e := demoInventory(t)
	dir := t.TempDir()
	xlsx := filepath.Join(dir, reports.ExportFileName(e.ReportingYear))
	if _, err := reports.WriteExportFile(xlsx, e); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	ours := readSheet(t, openWorkbook(t, b), "ESRS E1-6")

	recs := convertSheet(t, soffice, xlsx, 2) // ESRS E1-6
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
			if g, w := loNumber(t, got), num(t, want, "excelize"); !closeRel(g, w) {
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
		if got := loNumber(t, recs[r-1][3]); !closeRel(got, want) {
			t.Errorf("LibreOffice %s %d: %v, inventory %v", label, e.ReportingYear, got, want)
		}
	}
	if numbers < 60 {
		t.Errorf("only %d figures compared", numbers)
	}

	// The Entities sheet (E1-6 §50) reads the same: every entity's consolidated and gross figures.
	oursEnt := readSheet(t, openWorkbook(t, b), "Entities")
	ent := convertSheet(t, soffice, xlsx, sheetNumber(t, openWorkbook(t, b), "Entities"))
	if len(ent) != len(oursEnt.rows) || len(ent) < 4 {
		t.Fatalf("Entities: LibreOffice reads %d rows, excelize %d", len(ent), len(oursEnt.rows))
	}
	for r := 3; r < len(ent); r++ {
		for c := 5; c <= 17; c++ {
			if g, w := loNumber(t, ent[r][c-1]), num(t, oursEnt.at(c, r+1), "Entities"); !closeRel(g, w) {
				t.Errorf("Entities row %d col %d: LibreOffice %v, excelize %v", r+1, c, g, w)
			}
		}
	}

	lines := convertSheet(t, soffice, xlsx, sheetNumber(t, openWorkbook(t, b), "Lines"))
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
		"Residual in claim boundary, tCO2e":                  cy.Residual,
		"Retired credits, tCO2e":                             1200,
		"Own removals, tCO2e":                                80,
		"Planned or contracted credits (not counted), tCO2e": 3000,
	} {
		if got := loNumber(t, claim.cell(t, year, header)); !closeRel(got, want) {
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
		if v := loNumber(t, changes.cellAt(r, "Discontinued")); !closeRel(v, c.Discontinued) || c.Discontinued >= 0 {
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
	recs := convertSheet(t, soffice, xlsx, sheetNumber(t, f, name))
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
			if w, err := strconv.ParseFloat(want, 64); err == nil && got != "" && closeRel(loNumber(t, got), w) {
				continue
			}
			t.Errorf("%s row %d col %d: LibreOffice %q, excelize %q", name, r+1, c, got, want)
		}
	}
	return loSheet{name: name, recs: recs}
}
