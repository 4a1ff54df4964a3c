package main

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/footprint/footprint/workbook"
	"github.com/xuri/excelize/v2"
)

// cellsOf reads every non-empty cell of every sheet, by "sheet!A1", with its raw value and
// formula.
func cellsOf(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.Rows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r := 1; rows.Next(); r++ {
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			for c, v := range cells {
				if v == "" {
					continue
				}
				name, _ := excelize.CoordinatesToCellName(c+1, r)
				formula, _ := f.GetCellFormula(sheet, name)
				out[sheet+"!"+name] = v + "|" + formula
			}
		}
		if err := rows.Error(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	return out
}

// annotated is one annotated row: its sheet, row and the annotation's cells by header.
type annotated struct {
	sheet string
	row   int
	vals  map[string]string
}

// readAnnotation returns the annotated rows of each sheet that has the annotation's headers,
// and checks that they sit together after every other column.
func readAnnotation(t *testing.T, path string) []annotated {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []annotated
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.Rows(sheet)
		first, headerRow := 0, 0
		for r := 1; rows.Next(); r++ {
			cells, _ := rows.Columns(excelize.Options{RawCellValue: true})
			if headerRow == 0 {
				for i, c := range cells {
					if c == workbook.AnnotateHeaders[0] {
						first, headerRow = i, r
						if got := cells[i:]; strings.Join(got, ",") != strings.Join(workbook.AnnotateHeaders, ",") {
							t.Fatalf("%s: headers %q, want %q", sheet, got, workbook.AnnotateHeaders)
						}
					}
				}
				if headerRow == 0 && strings.Join(cells, "") != "" {
					break // not an annotated sheet
				}
				continue
			}
			if len(cells) > first+len(workbook.AnnotateHeaders) {
				t.Errorf("%s row %d: cells after the annotation", sheet, r)
			}
			a := annotated{sheet: sheet, row: r, vals: map[string]string{}}
			for i, h := range workbook.AnnotateHeaders {
				if first+i < len(cells) && cells[first+i] != "" {
					a.vals[h] = cells[first+i]
				}
			}
			if len(a.vals) > 0 || strings.Join(cells, "") != "" {
				out = append(out, a)
			}
		}
		rows.Close()
	}
	return out
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	if s == "" {
		return 0
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return v
}

// lineSums sums `calc --lines` per sheet: location- and market-based tCO2e, and avoided.
func lineSums(t *testing.T, dir, input string) map[string][3]float64 {
	t.Helper()
	r := footprint(t, dir, "calc", "--lines", "--input", input)
	recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("calc --lines: %v (%d records): %s", err, len(recs), r.stderr)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	out := map[string][3]float64{}
	for _, rec := range recs[1:] {
		s := out[rec[col["sheet"]]]
		v := num(t, rec[col["tco2e"]])
		switch {
		case rec[col["part"]] == "outside":
			continue // a gas outside the Kyoto basket: in no total, as annotate writes it
		case rec[col["part"]] == "avoided":
			s[2] += v
		case rec[col["scope"]] == "2" && rec[col["method"]] == "location":
			s[0] += v
		case rec[col["scope"]] == "2" && rec[col["method"]] == "market":
			s[1] += v
		default:
			s[0] += v
			s[1] += v
		}
		out[rec[col["sheet"]]] = s
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// totalsOf is calc --json without the problems (whose file names differ).
func totalsOf(t *testing.T, dir, input string) string {
	t.Helper()
	r := footprint(t, dir, "calc", "--json", "--input", input)
	var doc map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("calc --json: %v: %s", err, r.stderr)
	}
	delete(doc, "problems")
	delete(doc, "notices") // they name the file, which is another one
	b, _ := json.Marshal(doc)
	return string(b)
}

// checkAnnotated runs annotate on input and checks the copy: original cells unchanged, one
// annotation per row read, sums per sheet equal to the lines, and the same totals through calc.
func checkAnnotated(t *testing.T, dir, input string) []annotated {
	t.Helper()
	out := filepath.Join(dir, "annotated.xlsx")
	before := cellsOf(t, input)
	r := footprint(t, dir, "annotate", "--input", input, "--out", out)
	if r.code != 0 {
		t.Fatalf("annotate: exit %d: %s", r.code, r.stderr)
	}
	if strings.Contains(r.stderr, "through excelize") {
		t.Errorf("not streamed: %s", r.stderr)
	}
	after := cellsOf(t, out)
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s: %q before, %q after", k, v, after[k])
		}
	}
	rows := readAnnotation(t, out)
	var doc calcJSON
	if err := json.Unmarshal([]byte(footprint(t, dir, "calc", "--json", "--input", input).stdout), &doc); err != nil {
		t.Fatal(err)
	}
	sums := map[string][3]float64{}
	for _, a := range rows {
		if len(a.vals) == 0 {
			t.Errorf("%s row %d: not annotated", a.sheet, a.row)
		}
		s := sums[a.sheet]
		s[0] += num(t, a.vals["footprint tCO2e"])
		s[1] += num(t, a.vals["footprint tCO2e market"])
		s[2] += num(t, a.vals["footprint avoided tCO2e"])
		sums[a.sheet] = s
	}
	if len(rows) != doc.Rows.Read {
		t.Errorf("%d rows annotated, calc read %d", len(rows), doc.Rows.Read)
	}
	want := lineSums(t, dir, input)
	for sheet, w := range want {
		for i, what := range []string{"tCO2e", "tCO2e market", "avoided"} {
			if !near(sums[sheet][i], w[i]) {
				t.Errorf("%s: footprint %s sums to %v, the lines to %v", sheet, what, sums[sheet][i], w[i])
			}
		}
	}
	if got, want := totalsOf(t, dir, out), totalsOf(t, dir, input); got != want {
		t.Errorf("calc on the annotated copy differs:\n got %s\nwant %s", got, want)
	}
	// Annotating the annotated copy replaces the annotation: same cells, no second set.
	again := filepath.Join(dir, "again.xlsx")
	if r := footprint(t, dir, "annotate", "--input", out, "--out", again); r.code != 0 {
		t.Fatalf("annotate again: %s", r.stderr)
	} else if strings.Contains(r.stderr, "through excelize") {
		t.Logf("annotated again: %s", r.stderr)
	}
	a1, a2 := cellsOf(t, out), cellsOf(t, again)
	if len(a1) != len(a2) {
		t.Errorf("annotated twice: %d cells, once: %d", len(a2), len(a1))
	}
	for k, v := range a1 {
		if a2[k] != v {
			t.Errorf("annotated twice, %s: %q, once %q", k, a2[k], v)
		}
	}
	return rows
}

func TestAnnotateDemo(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "demo.xlsx")
	data, err := os.ReadFile("../../demo/footprint-demo.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(input, data, 0o644); err != nil {
		t.Fatal(err)
	}
	rows := checkAnnotated(t, dir, input)
	if len(rows) < 700 {
		t.Fatalf("only %d rows annotated", len(rows))
	}
	var elec, avoided bool
	for _, a := range rows {
		v := a.vals
		if v["footprint problem"] != "" {
			t.Errorf("%s row %d: problem %q in the demo", a.sheet, a.row, v["footprint problem"])
		}
		if v["footprint factor id"] == "fr.electricity.grid" {
			elec = true
			if v["footprint scope"] != "2" || v["footprint factor unit"] != "kgCO2e/kWh" || !strings.Contains(v["footprint source"], "ADEME") {
				t.Errorf("%s row %d: electricity annotated %v", a.sheet, a.row, v)
			}
		}
		if v["footprint avoided tCO2e"] != "" {
			avoided = true
			if v["footprint tCO2e"] != "" {
				t.Errorf("%s row %d: avoided row has tCO2e %v", a.sheet, a.row, v["footprint tCO2e"])
			}
		}
	}
	if !elec || !avoided {
		t.Errorf("electricity rows annotated: %v, avoided rows: %v", elec, avoided)
	}
}

// TestAnnotateRejected annotates a filled template (data validations, defined names, other
// sheets) with valid and rejected rows, a stray cell right of the header and a formula on a
// sheet of notes.
func TestAnnotateRejected(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "filled.xlsx")
	must(t, os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("site: Flins\n"), 0o644))
	if r := footprint(t, dir, "template", "--out", input); r.code != 0 {
		t.Fatal(r.stderr)
	}
	f, err := excelize.OpenFile(input)
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{2024, "Flins", "RE-TROFIT", "fr.natural-gas.pcs", 1000, "kWh"},
		{2024, "Flins", "RE-TROFIT", "fr.electrcity.grid", 10, "MWh"}, // unknown activity
		{2024, "Flins", "RE-TROFIT", "fr.electricity.grid", "1,5", "MWh"},
		{2024, "Flins", "RE-TROFIT", "fr.electricity.grid", 200, "MWh"},
		{2024, "Flins", "RE-TROFIT", "fr.electricity.grid", 5, "kg"}, // unit mismatch
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow("Energy", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	must(t, f.SetCellStr("Energy", "Q4", "a note right of the table"))
	must(t, f.SetCellStr("Energy", "P1", "Footprint notes")) // the user's own: kept on re-annotation
	must(t, f.SetCellValue("Help", "H2", 3))
	must(t, f.SetCellFormula("Help", "H3", "H2*2"))
	must(t, f.SetCellValue("Help", "H3", 6))
	must(t, f.SetCellFormula("Help", "H3", "H2*2"))
	dvBefore, _ := f.GetDataValidations("Energy")
	namesBefore := f.GetDefinedName()
	widthBefore, _ := f.GetColWidth("Energy", "D")
	must(t, f.Save())
	f.Close()

	rows2 := checkAnnotated(t, dir, input)
	byRow := map[int]map[string]string{}
	for _, a := range rows2 {
		if a.sheet == "Energy" {
			byRow[a.row] = a.vals
		}
	}
	for row, want := range map[int]string{3: "unknown activity", 4: "comma", 6: "kg"} {
		if got := byRow[row]["footprint problem"]; !strings.Contains(got, want) || byRow[row]["footprint tCO2e"] != "" {
			t.Errorf("Energy row %d: problem %q, tCO2e %q; want a problem with %q and no figure", row, got, byRow[row]["footprint tCO2e"], want)
		}
	}
	// 200 MWh at ADEME 2024: 0.035 kgCO2e/kWh generation + 0.0169 upstream.
	if v := byRow[5]; !near(num(t, v["footprint tCO2e"]), 200000*(0.035+0.0169)/1000) || v["footprint factor value"] != "0.035" || v["footprint factor upstream"] != "0.0169" || v["footprint problem"] != "" {
		t.Errorf("Energy row 5: %v", v)
	}
	out, err := excelize.OpenFile(filepath.Join(dir, "annotated.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if h, _ := out.GetCellValue("Energy", "R1"); h != workbook.AnnotateHeaders[0] {
		t.Errorf("Energy R1 = %q: the annotation should start after the stray cell in Q4", h)
	}
	dvAfter, _ := out.GetDataValidations("Energy")
	if len(dvAfter) != len(dvBefore) || len(dvBefore) == 0 {
		t.Errorf("data validations: %d before, %d after", len(dvBefore), len(dvAfter))
	}
	if got := out.GetDefinedName(); len(got) != len(namesBefore) || len(got) == 0 {
		t.Errorf("defined names: %d before, %d after", len(namesBefore), len(got))
	}
	if w, _ := out.GetColWidth("Energy", "D"); w != widthBefore {
		t.Errorf("column D width %v, was %v", w, widthBefore)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestAnnotateRefuses(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "in.xlsx")
	must(t, os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("site: Flins\n"), 0o644))
	writeWorkbook(t, input, map[string][][]any{"Energy": {header, {2024, "", "", "fr.electricity.grid", 1, "MWh"}}})
	orig, _ := os.ReadFile(input)
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"--input", input, "--out", input}, 1},
		{[]string{"--input", input, "--out", filepath.Join(dir, ".", "in.xlsx")}, 1},
		{[]string{"--input", input}, 2},
		{[]string{"--out", filepath.Join(dir, "x.xlsx")}, 2},
		{[]string{"--input", filepath.Join(dir, "missing.xlsx"), "--out", filepath.Join(dir, "x.xlsx")}, 1},
	} {
		r := footprint(t, dir, append([]string{"annotate"}, tt.args...)...)
		if r.code != tt.code {
			t.Errorf("annotate %v: exit %d, want %d: %s", tt.args, r.code, tt.code, r.stderr)
		}
	}
	if now, _ := os.ReadFile(input); string(now) != string(orig) {
		t.Error("the input changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "x.xlsx")); err == nil {
		t.Error("an output was written for a failed run")
	}
}
