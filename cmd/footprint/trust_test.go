package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A workbook given twice, however its path is spelt, is refused with both entries named: read
// twice, every figure would be doubled.
func TestSameInputTwiceRefused(t *testing.T) {
	dir := site(t, "", []any{2024, "Plant", "P", "fr.natural-gas.pcs", 1000, "kWh PCS"})
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "activities.xlsx"), filepath.Join(dir, "sub", "link.xlsx")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "twice.yaml"), "inputs: [activities.xlsx, sub/../activities.xlsx]\nsite: Plant\n")
	runs := []struct {
		name string
		args []string
		want []string
	}{
		{"--input twice", []string{"calc", "--input", "activities.xlsx", "--input", "activities.xlsx"}, []string{"--input", `"activities.xlsx" (entry 1)`, `"activities.xlsx" (entry 2)`}},
		{"--input two spellings", []string{"report", "--input", "activities.xlsx", "--input", filepath.Join(dir, "activities.xlsx")}, []string{`"activities.xlsx" (entry 1)`, filepath.Join(dir, "activities.xlsx")}},
		{"a link to it", []string{"validate", "--input", "activities.xlsx", "--input", "sub/link.xlsx"}, []string{`"sub/link.xlsx" (entry 2)`}},
		{"config inputs", []string{"calc", "--config", "twice.yaml"}, []string{"twice.yaml: inputs", `"sub/../activities.xlsx" (entry 2)`}},
	}
	for _, r := range runs {
		t.Run(r.name, func(t *testing.T) {
			res := footprint(t, dir, r.args...)
			if res.code != 1 {
				t.Errorf("exit %d, want 1:\n%s", res.code, short(res.stdout+res.stderr))
			}
			for _, w := range append(r.want, "same file") {
				if !strings.Contains(res.stderr, w) {
					t.Errorf("the error lacks %s:\n%s", w, short(res.stderr))
				}
			}
		})
	}
	if res := footprint(t, dir, "calc", "--input", "activities.xlsx"); res.code != 0 {
		t.Errorf("once: exit %d:\n%s", res.code, short(res.stderr))
	}
}

// A rejected row of the Instruments sheet is said where the figures are read, as a rejected
// activity row is: the market-based Scope 2 is computed without it, and calc --strict fails.
func TestRejectedInstrumentSaid(t *testing.T) {
	dir := t.TempDir()
	writeWorkbook(t, filepath.Join(dir, "activities.xlsx"), map[string][][]any{
		"Energy": {header, {2024, "Plant", "P", "fr.electricity.grid", 900000, "kWh"}},
		"Instruments": {{"Year", "Site", "Instrument", "Quantity", "Unit", "Factor"},
			{2024, "Plant", "GO hydro", 600000, "kWh", 0},
			{2024, "Plant", "GO wind", 200000, "bananas", 0}},
	})
	writeFile(t, filepath.Join(dir, "config.yaml"), "inputs: [activities.xlsx]\nsite: Plant\n")
	want := "1 of 2 contractual instrument rows (50.0 %) were rejected, in activities.xlsx (Instruments): the market-based Scope 2 is computed without that instrument"
	calc := footprint(t, dir, "calc")
	if calc.code != 0 || !strings.Contains(calc.stderr, want) {
		t.Errorf("calc: exit %d, want 0 with the notice %q:\n%s", calc.code, want, short(calc.stderr))
	}
	if i, j := strings.Index(calc.stderr, want), strings.Index(calc.stderr, "problem(s)"); i < 0 || j >= 0 && j < i {
		t.Errorf("calc: the notice is not among the first lines:\n%s", short(calc.stderr))
	}
	js := footprint(t, dir, "calc", "--json")
	if !strings.Contains(js.stdout, `"code": "rows-rejected"`) || !strings.Contains(js.stdout, "contractual instrument row") {
		t.Errorf("calc --json: no rows-rejected notice naming the instrument row:\n%s", short(js.stdout))
	}
	for _, args := range [][]string{{"calc", "--strict"}, {"validate"}} {
		if r := footprint(t, dir, args...); r.code != 1 {
			t.Errorf("%v: exit %d, want 1:\n%s", args, r.code, short(r.stderr))
		}
	}
}

// A sheet named as Excel names a copy ("Materials (2)" beside "Materials") is counted, and
// said: a notice before the figures, and a warning on the sheet that validate lists.
func TestSheetCopySaid(t *testing.T) {
	dir := t.TempDir()
	rows := [][]any{header, {2024, "Plant", "P", "fr.natural-gas.pcs", 1000, "kWh PCS"}}
	writeWorkbook(t, filepath.Join(dir, "activities.xlsx"), map[string][][]any{"Materials": rows, "Materials (2)": rows})
	writeFile(t, filepath.Join(dir, "config.yaml"), "inputs: [activities.xlsx]\nsite: Plant\n")
	want := `in activities.xlsx, sheet "Materials (2)" looks like a copy of "Materials": both are counted`
	calc := footprint(t, dir, "calc")
	if calc.code != 0 || !strings.Contains(calc.stderr, "A sheet may be counted twice: "+want) {
		t.Errorf("calc: exit %d, want 0 with the notice %q:\n%s", calc.code, want, short(calc.stderr))
	}
	js := footprint(t, dir, "calc", "--json")
	if !strings.Contains(js.stdout, `"code": "sheet-copy"`) || !strings.Contains(js.stdout, `"tone": "warn"`) {
		t.Errorf("calc --json: no sheet-copy notice:\n%s", short(js.stdout))
	}
	v := footprint(t, dir, "validate")
	if !strings.Contains(v.stdout+v.stderr, `sheet Materials (2)`) || !strings.Contains(v.stdout+v.stderr, `looks like a copy of "Materials"`) {
		t.Errorf("validate does not list the warning on the sheet:\n%s", short(v.stdout+v.stderr))
	}
}

// A reporting year taken as the latest with data is questioned when it has far fewer rows
// than the year before (one stray 2025 row beside a full 2024), or is after the current year
// (2042 typed for 2024).
func TestReportingYearQuestioned(t *testing.T) {
	row := func(y int) []any { return []any{y, "Plant", "P", "fr.natural-gas.pcs", 1000, "kWh PCS"} }
	tests := []struct {
		name string
		rows [][]any
		code string
		want string
	}{
		{"a stray row", [][]any{row(2024), row(2024), row(2024), row(2024), row(2024), row(2024), row(2025)}, "reporting-year-thin",
			"2025 has 1 activity row, against 6 in 2024: its figures may be incomplete; set reporting_year in the config to report on 2024"},
		{"a year typed wrong", [][]any{row(2023), row(2023), row(2042), row(2042)}, "reporting-year-future",
			"the reporting year 2042 is after the current year"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeWorkbook(t, filepath.Join(dir, "activities.xlsx"), map[string][][]any{"Energy": append([][]any{header}, tt.rows...)})
			writeFile(t, filepath.Join(dir, "config.yaml"), "inputs: [activities.xlsx]\nsite: Plant\n")
			calc := footprint(t, dir, "calc")
			if calc.code != 0 || !strings.Contains(calc.stderr, tt.want) {
				t.Errorf("calc: exit %d, want 0 with %q:\n%s", calc.code, tt.want, short(calc.stderr))
			}
			js := footprint(t, dir, "calc", "--json")
			if !strings.Contains(js.stdout, `"code": "`+tt.code+`"`) {
				t.Errorf("calc --json: no %s notice:\n%s", tt.code, short(js.stdout))
			}
		})
	}
}

// TRUE in a Quantity cell (a true/false cell, t="b" in the file) is a rejected row named by
// file, sheet and cell, never a quantity of 1.
func TestBooleanQuantityRejected(t *testing.T) {
	dir := site(t, "", []any{2024, "Plant", "P", "fr.natural-gas.pcs", true, "kWh PCS"}, []any{2024, "Plant", "P", "fr.natural-gas.pcs", 1000, "kWh PCS"})
	v := footprint(t, dir, "validate")
	for _, want := range []string{"activities.xlsx, sheet Energy: 1 error", "cell E2: Quantity: a true/false value (TRUE) where a number was expected"} {
		if v.code != 1 || !strings.Contains(v.stdout+v.stderr, want) {
			t.Errorf("validate: exit %d, want 1 naming %q:\n%s", v.code, want, short(v.stdout+v.stderr))
		}
	}
	c := footprint(t, dir, "calc")
	if !strings.Contains(c.stderr, "1 of 2 activity rows (50.0 %) were rejected, in activities.xlsx (Energy)") {
		t.Errorf("calc: the rows-rejected notice does not count the row:\n%s", short(c.stderr))
	}
}

// The rejected rows are counted by year where the figures are read, the base year named: a
// base year short of its largest row makes the reduction look larger than it is. The reader's
// rejections (a text quantity) and the calculation's (an unknown id) are counted alike, and so
// are the rows of workbooks read at once.
func TestRejectedRowsByYear(t *testing.T) {
	dir := site(t, "trajectory: {base_year: 2023, target_year: 2030, targets: [{name: All, scopes: [1, 2, 3], pathway: sbti-1.5}]}\n",
		[]any{2023, "Plant", "P", "fr.natural-gas.pcs", "lots", "kWh PCS"},
		[]any{2023, "Plant", "P", "fr.electricity.grid", 1000, "kWh"},
		[]any{2024, "Plant", "P", "fr.natural-gas.pcs", 7500, "kWh PCS"},
		[]any{2024, "Plant", "P", "fr.natural-gass.pcs", 100, "kWh PCS"},
		[]any{2024, "Plant", "P", "fr.electricity.grid", 1000, "kWh"})
	want := "2 of 5 activity rows (40.0 %) were rejected, in activities.xlsx (Energy); of these, 1 of 2023 (the base year), 1 of 2024 (the reporting year)."
	res := footprint(t, dir, "calc")
	if first := strings.SplitN(res.stderr+res.stdout, "\n", 3); res.code != 0 || !strings.Contains(strings.Join(first[:2], "\n"), want) {
		t.Errorf("exit %d; the first lines lack %q:\n%s", res.code, want, short(res.stderr+res.stdout))
	}
	res = footprint(t, dir, "calc", "--lang", "fr")
	if fr := "dont 1 de 2023 (l’année de référence), 1 de 2024 (l’année de reporting)"; !strings.Contains(res.stderr+res.stdout, fr) {
		t.Errorf("French: lacks %q:\n%s", fr, short(res.stderr+res.stdout))
	}
	writeWorkbook(t, filepath.Join(dir, "b.xlsx"), map[string][][]any{"Energy": {header,
		{2023, "Plant", "P", "fr.natural-gas.pcs", -5, "kWh PCS"}, {2023, "Plant", "P", "fr.electricity.grid", 10, "kWh"}}})
	res = footprint(t, dir, "calc", "--input", "activities.xlsx", "--input", "b.xlsx")
	if want := "3 of 7 activity rows (42.9 %) were rejected, in activities.xlsx (Energy), b.xlsx (Energy); of these, 2 of 2023"; !strings.Contains(res.stderr+res.stdout, want) {
		t.Errorf("two workbooks: lacks %q:\n%s", want, short(res.stderr+res.stdout))
	}
}

// A row that repeats the row above cell for cell (pasted twice) is counted, and said on the
// first lines with the rows named among the problems; a row that differs in one cell is not.
func TestRepeatedRowSaid(t *testing.T) {
	dir := site(t, "",
		[]any{2024, "Plant", "P", "fr.natural-gas.pcs", 7500, "kWh PCS"},
		[]any{2024, "Plant", "P", "fr.natural-gas.pcs", 7500, "kWh PCS"},
		[]any{2024, "Plant", "P", "fr.natural-gas.pcs", 7501, "kWh PCS"},
		[]any{2024, "Plant", "P", "fr.electricity.grid", 1000, "kWh"})
	res := footprint(t, dir, "calc")
	want := "1 row repeats the row above cell for cell, in activities.xlsx (Energy): each is counted."
	if first := strings.SplitN(res.stderr, "\n", 4); res.code != 0 || !strings.Contains(strings.Join(first[:3], "\n"), want) {
		t.Errorf("exit %d; the first lines lack %q:\n%s", res.code, want, short(res.stderr))
	}
	if res := footprint(t, dir, "validate"); !strings.Contains(res.stdout, "A3") || !strings.Contains(res.stdout, "row 3 repeats row 2 cell for cell") || strings.Contains(res.stdout, "row 4 repeats") {
		t.Errorf("validate does not name row 3 alone:\n%s", short(res.stdout))
	}
}

// A refrigerant row and a total row rejected before their Year cell is checked count in their
// year, not among the rows without a readable year; a rejected row pasted twice is not said to
// be counted twice.
func TestRejectedRowsByYearEveryKind(t *testing.T) {
	dir := t.TempDir()
	writeWorkbook(t, filepath.Join(dir, "activities.xlsx"), map[string][][]any{
		"Energy": {header,
			{2023, "Plant", "P", "fr.electricity.grid", 1000, "kWh"},
			{2024, "Plant", "P", "fr.electricity.grid", 1000, "kWh"},
			{2024, "Sous-total 2024", "P", "fr.electricity.grid", 2000, "kWh"},
			{"", "Plant", "P", "fr.electricity.grid", 5, "kWh"},
			{2024, "Plant", "P", "fr.electricity.grid", "n/a", "kWh"},
			{2024, "Plant", "P", "fr.electricity.grid", "n/a", "kWh"}},
		"Refrigerants": {{"Year", "Site", "Equipment", "Gas", "Recharged"}, {2023, "Plant", "chiller", "R-410A", -4}},
	})
	writeFile(t, filepath.Join(dir, "config.yaml"), "inputs: [activities.xlsx]\nsite: Plant\n")
	res := footprint(t, dir, "calc")
	// the workbook's sheets come in no set order: the places are not compared
	for _, want := range []string{"5 of 7 activity rows (71.4 %) were rejected, in activities.xlsx (",
		"; of these, 1 of 2023, 3 of 2024 (the reporting year), 1 without a readable year."} {
		if !strings.Contains(res.stderr, want) {
			t.Errorf("lacks %q:\n%s", want, short(res.stderr))
		}
	}
	if strings.Contains(res.stderr, "rows-repeated") || strings.Contains(res.stderr, "repeats the row above") {
		t.Errorf("rejected rows are said to be counted twice:\n%s", short(res.stderr))
	}
}
