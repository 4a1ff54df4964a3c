package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const (
	committedWorkbook = "../footprint-demo.xlsx"
	readme            = "../README.md"
	idsFile           = "../../factors/mapping/IDS.md"
)

func generate(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatalf("write: %v", err)
	}
	return buf.Bytes()
}

func TestTwoRunsGiveTheSameBytes(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.xlsx", "b.xlsx"} {
		if err := os.WriteFile(filepath.Join(dir, name), generate(t), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a, err := os.ReadFile(filepath.Join(dir, "a.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "b.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Fatalf("two generations differ (%d and %d bytes)", len(a), len(b))
	}
}

func TestCommittedWorkbookIsFresh(t *testing.T) {
	committed, err := os.ReadFile(committedWorkbook)
	if err != nil {
		t.Fatalf("%v: run go generate ./demo", err)
	}
	if !bytes.Equal(committed, generate(t)) {
		t.Fatal("demo/footprint-demo.xlsx is stale: run go generate ./demo and commit the result")
	}
}

func TestReadmeCarriesTheSummary(t *testing.T) {
	text, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), summary()) {
		t.Fatalf("demo/README.md does not hold the current totals; replace its table with the output of\n"+
			"go run ./demo/gen -summary:\n%s", summary())
	}
	counts, total := map[string]int{"Instruments": len(instruments()), registerSheet: len(register())}, 0
	for _, s := range activitySheets() {
		counts[s.name] = len(s.rows())
		total += counts[s.name]
	}
	if want := fmt.Sprintf("%d activity rows in all", total); !strings.Contains(string(text), want) {
		t.Errorf("demo/README.md: want %q", want)
	}
	for name, n := range counts {
		if want := fmt.Sprintf("| `%s` | %d |", name, n); !strings.Contains(string(text), want) {
			t.Errorf("demo/README.md sheet table: want a line starting %q", want)
		}
	}
}

// knownIDs reads the first column of the table in factors/mapping/IDS.md, expanding the
// shorthand "a.b.c / .d" and "a.b.c, .d" to a.b.c and a.b.d.
func knownIDs(t *testing.T) map[string]bool {
	t.Helper()
	f, err := os.Open(idsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ids := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "|") {
			continue
		}
		first := strings.TrimSpace(strings.Split(line, "|")[1])
		if first == "id" || strings.HasPrefix(first, "---") {
			continue
		}
		var base string // "a.b" of the first full id, for the ".c" shorthand
		for _, tok := range strings.FieldsFunc(first, func(r rune) bool { return r == ',' || r == '/' }) {
			tok = strings.TrimSpace(tok)
			switch {
			case tok == "" || strings.Contains(tok, "…"):
			case strings.HasPrefix(tok, "."):
				if base != "" {
					ids[base+tok] = true
				}
			default:
				ids[tok] = true
				if i := strings.LastIndex(tok, "."); i > 0 && base == "" {
					base = tok[:i]
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"fr.electricity.grid", "fr.material.steel.recycled", "refrigerant.sf6", "ember.electricity.deu"} {
		if !ids[want] {
			t.Fatalf("IDS.md parsing lost %s (got %d ids)", want, len(ids))
		}
	}
	return ids
}

// canonicalUnits are the unit strings of IDS.md plus the PCS spelling in MWh and tCO2e.
var canonicalUnits = map[string]bool{
	"kWh": true, "kWh PCS": true, "MWh": true, "MWh PCS": true, "L": true, "kg": true, "t": true,
	"t.km": true, "km": true, "passenger.km": true, "room-night": true, "tCO2e": true,
}

// TestWorkbookReadsBack re-reads the committed workbook the way the product does (Rows,
// raw values) and checks headers, ids, units, quantities and the Travel date cells.
func TestWorkbookReadsBack(t *testing.T) {
	ids := knownIDs(t)
	f, err := excelize.OpenFile(committedWorkbook, excelize.Options{UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	wantSheets := []string{"About", "Energy", "Logistics", "Materials", "Waste", "Refrigerants", "Travel", "Services", "Sold products", "Avoided", "Instruments", registerSheet}
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(wantSheets, ",") {
		t.Fatalf("sheets = %v, want %v", got, wantSheets)
	}
	if a1, _ := f.GetCellValue("About", "A1"); !strings.Contains(a1, "ILLUSTRATIVE") {
		t.Errorf("About!A1 = %q, want it to say ILLUSTRATIVE", a1)
	}

	total := 0
	for _, s := range activitySheets() {
		table := readSheet(t, f, s.name)
		if strings.Join(table[0], ",") != strings.Join(s.columns(), ",") {
			t.Errorf("%s header = %v, want %v", s.name, table[0], s.columns())
			continue
		}
		col := map[string]int{}
		for i, h := range table[0] {
			col[h] = i
		}
		year, activity, quantity, unit := col[s.header[0]], col[s.header[3]], col[s.header[4]], col[s.header[5]]
		if len(table) < 2 {
			t.Errorf("%s has no rows", s.name)
		}
		for n, r := range table[1:] {
			place := s.name + "!row " + strconv.Itoa(n+2)
			total++
			if !canonicalUnits[r[unit]] {
				t.Errorf("%s: unit %q is not canonical", place, r[unit])
			}
			if q, err := strconv.ParseFloat(r[quantity], 64); err != nil || q <= 0 {
				t.Errorf("%s: quantity %q, want a positive number", place, r[quantity])
			}
			if r[unit] != "tCO2e" && !ids[r[activity]] {
				t.Errorf("%s: activity %q is not in IDS.md", place, r[activity])
			}
			y := yearOf(t, f, s, place, n+2, r[year])
			if y < 2019 || y > 2025 {
				t.Errorf("%s: year %d outside 2019–2025", place, y)
			}
		}
	}
	if total < 300 || total > 900 {
		t.Errorf("%d activity rows, want 300 to 900", total)
	}
}

// yearOf reads the Year cell: an integer, or on the dated sheet a date serial with a date
// number format.
func yearOf(t *testing.T, f *excelize.File, s sheet, place string, n int, raw string) int {
	t.Helper()
	if !s.dated {
		y, err := strconv.Atoi(raw)
		if err != nil {
			t.Errorf("%s: year %q, want an integer", place, raw)
		}
		return y
	}
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Errorf("%s: year cell %q, want a date serial", place, raw)
		return 0
	}
	id, err := f.GetCellStyle(s.name, cell(1, n))
	if err != nil {
		t.Fatal(err)
	}
	style, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if style.CustomNumFmt == nil || *style.CustomNumFmt != "yyyy-mm-dd" {
		t.Errorf("%s: year cell has no date format", place)
	}
	d, err := excelize.ExcelDateToTime(serial, false)
	if err != nil {
		t.Errorf("%s: %v", place, err)
	}
	if d.Day() < 28 || d.Month()%3 != 0 {
		t.Errorf("%s: date %s is not the end of a quarter", place, d.Format("2006-01-02"))
	}
	return d.Year()
}

func readSheet(t *testing.T, f *excelize.File, name string) [][]string {
	t.Helper()
	rows, err := f.Rows(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, cols)
	}
	if err := rows.Error(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out
}

func TestInstrumentsWithinConsumption(t *testing.T) {
	type key struct {
		year int
		site string
	}
	kWh := map[string]float64{"kWh": 1, "MWh": 1000}
	used := map[key]float64{}
	for _, s := range activitySheets() {
		for _, r := range s.rows() {
			if r.Activity == electricity {
				used[key{r.Year, r.Site}] += r.Quantity * kWh[r.Unit]
			}
		}
	}
	bought := map[key]float64{}
	for _, in := range instruments() {
		bought[key{in.Year, in.Site}] += in.Quantity * kWh[in.Unit]
		if in.Year < 2022 {
			t.Errorf("instrument in %d, want none before 2022", in.Year)
		}
	}
	for k, q := range bought {
		if q > used[k] {
			t.Errorf("%d %s: instruments %.0f kWh > consumption %.0f kWh", k.year, k.site, q, used[k])
		}
	}
}

// TestMagnitudes guards the orders of magnitude stated in the README and the brief.
func TestMagnitudes(t *testing.T) {
	perYear := map[string]map[int]float64{}
	poles := map[string]map[int]bool{}
	toBase := map[string]float64{"kWh": 1, "MWh": 1000, "kWh PCS": 1, "MWh PCS": 1000}
	for _, s := range activitySheets() {
		for _, r := range s.rows() {
			if poles[r.Pole] == nil {
				poles[r.Pole] = map[int]bool{}
			}
			poles[r.Pole][r.Year] = true
			if k, ok := toBase[r.Unit]; ok {
				if perYear[r.Activity] == nil {
					perYear[r.Activity] = map[int]float64{}
				}
				perYear[r.Activity][r.Year] += r.Quantity * k / 1e6 // GWh
			}
		}
	}
	tests := []struct {
		activity string
		years    []int
		min, max float64 // GWh
	}{
		{electricity, []int{2019, 2020, 2021, 2022, 2023}, 50, 65},
		{electricity, []int{2025}, 25, 30},
		{gas, []int{2019, 2020, 2021, 2022, 2023}, 70, 90},
		{gas, []int{2025}, 20, 30},
	}
	for _, tc := range tests {
		for _, y := range tc.years {
			if got := perYear[tc.activity][y]; got < tc.min || got > tc.max {
				t.Errorf("%s %d = %.1f GWh, want %g to %g", tc.activity, y, got, tc.min, tc.max)
			}
		}
	}
	if poles[assembly][2025] || !poles[assembly][2024] {
		t.Errorf("ASSEMBLY years = %v, want 2019 to 2024", poles[assembly])
	}
	for _, p := range []string{retrofit, reenergy, recycle, restart} {
		if poles[p][2020] || !poles[p][2021] || !poles[p][2025] {
			t.Errorf("%s years = %v, want 2021 to 2025", p, poles[p])
		}
	}
}
