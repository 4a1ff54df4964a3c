package datasets

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// DESNZRow is one row of the DESNZ flat file (sheet "Factors by Category").
type DESNZRow struct {
	Line int
	// ID is DESNZ's factor ID; "" in the sets before 2023, which publish none.
	ID, Scope            string
	Levels               [4]string
	ColumnText, UOM, GHG string
	Value                string
}

// Label is the row's category path, e.g. "Fuels / Gaseous fuels / Natural gas / kWh (Gross CV)".
func (r DESNZRow) Label() string {
	var parts []string
	for _, p := range append(r.Levels[:], r.ColumnText, r.UOM) {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " / ")
}

// Gas is what the row's value measures: "CO2e" for the total, "CO2", "CH4" or "N2O" for a
// gas (always in kg CO2e, whatever the label: the 2019–2021 sets say "kg CH4" for kg CO2e of
// CH4), or the GHG text itself when it is none of these.
func (r DESNZRow) Gas() string {
	g := strings.TrimSpace(r.GHG)
	if g == "kg CO2e" {
		return "CO2e"
	}
	if m := desnzGas.FindStringSubmatch(g); m != nil {
		return m[1]
	}
	return g
}

var desnzGas = regexp.MustCompile(`^kg (?:CO2e of )?(CO2|CH4|N2O)(?: per unit)?$`)

// DESNZ is one set of the flat file: every row in file order, and by ID for the sets that
// publish IDs (2023 on).
type DESNZ struct {
	Path string
	// Sheet is the sheet the rows were read from in an xlsx flat file, "" for a CSV.
	Sheet string
	Year  int // the factor-set year, from the value column's header
	All   []DESNZRow
	Rows  map[string]DESNZRow // by ID; empty for the sets without IDs
	// Version and Updated are what the workbook's front page states ("1.1", the date of that
	// version); empty in a CSV, which has no front page.
	Version string
	Updated time.Time
	// Ended reports that the rows ended with the flat file's "END" row: a file without it was
	// cut short.
	Ended bool
	// byPath indexes All by PathKey, for Match.
	byPath map[string][]int
}

// At names line (a CSV line, or a sheet row) of the set's file in a message.
func (d *DESNZ) At(line int) string {
	if d.Sheet != "" {
		return fmt.Sprintf("%s: sheet %q row %d", d.Path, d.Sheet, line)
	}
	return fmt.Sprintf("%s:%d", d.Path, line)
}

var desnzValueHeader = regexp.MustCompile(`^GHG Conversion Factor(?:\s+(\d{4}))?$`)

// desnzColumns are the columns the reader needs, by their header in each set's layout: the
// 2019–2021 sets have "UOM (simple)", "UOM" (with the calorific basis), "GHG" and "Lookup"; the
// 2022 set has "UOM" and "GHG/Unit"; from 2023 an "ID" column comes first.
var desnzColumns = []struct {
	names    []string
	optional bool
}{
	{[]string{"ID"}, true},
	{[]string{"Scope"}, false},
	{[]string{"Level 1"}, false},
	{[]string{"Level 2"}, false},
	{[]string{"Level 3"}, false},
	{[]string{"Level 4"}, false},
	{[]string{"Column Text"}, false},
	{[]string{"UOM"}, false},
	{[]string{"GHG/Unit", "GHG"}, false},
}

// desnzHeaderRows is how many rows the readers look through for the header: the official
// workbook has a title, the sheet name and a note above it (row 5 or 6).
const desnzHeaderRows = 30

// LoadDESNZ reads the flat file's "Factors by Category" sheet saved as CSV, in the layout of
// any set from 2019: the columns are found by their headers, the set year in the header of the
// value column ("GHG Conversion Factor YYYY").
func LoadDESNZ(path string) (*DESNZ, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadDESNZCSV(f, path)
}

// ReadDESNZCSV reads the "Factors by Category" sheet saved as CSV from r; path is how
// messages name the file, with the line ("path:12: …"). Rows above the header (the sheet's
// title) are passed over; the rows end at the flat file's "END" row.
func ReadDESNZCSV(r io.Reader, path string) (*DESNZ, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	d := &DESNZ{Path: path}
	var b *desnzBuilder
	var cand headerCandidate
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("%s:%d: %w (is the file cut short, or not a CSV?)", path, pe.Line, pe.Err)
			}
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if b == nil {
			if b, err = cand.try(d, rec, line); err != nil {
				return nil, err
			}
			continue
		}
		if err := b.add(line, rec); err != nil {
			return nil, err
		}
		if d.Ended {
			break
		}
	}
	if b == nil {
		return nil, cand.missing(d)
	}
	return d, nil
}

// DESNZSheet is the sheet of the flat file that holds the factors.
const DESNZSheet = "Factors by Category"

// ReadDESNZXLSX reads the flat file workbook from r: the rows of its "Factors by Category"
// sheet, streamed, and the version, update date and year its "Front page" states. path is how
// messages name the file, with the sheet and row or cell.
func ReadDESNZXLSX(r io.Reader, path string) (*DESNZ, error) {
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: 256 << 20, UnzipXMLSizeLimit: 64 << 20})
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable xlsx workbook: %w", path, err)
	}
	defer f.Close()
	d := &DESNZ{Path: path}
	sheets := f.GetSheetList()
	for _, s := range sheets {
		if strings.EqualFold(strings.TrimSpace(s), DESNZSheet) {
			d.Sheet = s
		}
	}
	if d.Sheet == "" {
		return nil, fmt.Errorf("%s: no sheet %q (the workbook has %q): is it the DESNZ flat file?", path, DESNZSheet, sheets)
	}
	frontYear := 0
	for _, s := range sheets {
		if strings.EqualFold(strings.TrimSpace(s), "Front page") {
			if frontYear, err = readDESNZFrontPage(f, s, d); err != nil {
				return nil, fmt.Errorf("%s: sheet %q: %w", path, s, err)
			}
		}
	}
	rows, err := f.Rows(d.Sheet)
	if err != nil {
		return nil, fmt.Errorf("%s: sheet %q: %w", path, d.Sheet, err)
	}
	defer rows.Close()
	var b *desnzBuilder
	var cand headerCandidate
	for n := 1; rows.Next(); n++ {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d.At(n), err)
		}
		if b == nil {
			if b, err = cand.try(d, cols, n); err != nil {
				return nil, err
			}
			if b != nil {
				b.short = true
				if d.Year == 0 {
					d.Year = frontYear
				}
			}
			continue
		}
		if b.valueCol < len(cols) {
			cols[b.valueCol] = csvNumber(cols[b.valueCol])
		}
		if err := b.add(n, cols); err != nil {
			return nil, err
		}
		if d.Ended {
			break
		}
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("%s: sheet %q: %w", path, d.Sheet, err)
	}
	if b == nil {
		return nil, cand.missing(d)
	}
	if d.Year == 0 {
		return nil, fmt.Errorf("%s: cannot tell the set's year: the value column's header says none (\"GHG Conversion Factor YYYY\") and the front page states no \"Year:\"", d.At(b.line))
	}
	return d, nil
}

// readDESNZFrontPage reads the "Version:", "Updated:" and "Year:" cells of the front page
// (each label followed by its value in the next cell) into d, and returns the year.
func readDESNZFrontPage(f *excelize.File, sheet string, d *DESNZ) (int, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	year := 0
	for n := 1; rows.Next() && n <= 60; n++ {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return 0, fmt.Errorf("row %d: %w", n, err)
		}
		for i := 0; i+1 < len(cols); i++ {
			label, v := strings.TrimSpace(cols[i]), strings.TrimSpace(cols[i+1])
			switch label {
			case "Version:":
				if d.Version == "" && v != "" {
					d.Version = csvNumber(v)
				}
			case "Updated:":
				if serial, err := strconv.ParseFloat(v, 64); err == nil && d.Updated.IsZero() {
					if t, err := excelize.ExcelDateToTime(serial, false); err == nil {
						d.Updated = t
					}
				}
			case "Year:":
				if y, err := strconv.Atoi(v); err == nil && year == 0 {
					year = y
				}
			}
		}
	}
	return year, rows.Error()
}

// headerCandidate looks for the header among the first rows, and remembers the row closest
// to one for the message when there is none.
type headerCandidate struct {
	rows        int
	bestLine    int
	bestMissing []string
	bestHeader  []string
}

// try returns the builder when rec is the header; nil while the header may still come.
func (c *headerCandidate) try(d *DESNZ, rec []string, line int) (*desnzBuilder, error) {
	c.rows++
	b, missing := newDESNZBuilder(d, rec, line)
	if len(missing) == 0 {
		if d.Year == 0 && d.Sheet == "" {
			return nil, fmt.Errorf("%s: cannot tell the set's year: the value column's header is %q, not \"GHG Conversion Factor YYYY\"", d.At(line), rec[b.valueCol])
		}
		return b, nil
	}
	if len(missing) < len(desnzColumns) && (c.bestMissing == nil || len(missing) < len(c.bestMissing)) {
		c.bestLine, c.bestMissing, c.bestHeader = line, missing, append([]string(nil), rec...)
	}
	if c.rows >= desnzHeaderRows {
		return nil, c.missing(d)
	}
	return nil, nil
}

// missing is the error when no row of the first ones is the flat file's header.
func (c *headerCandidate) missing(d *DESNZ) error {
	if c.bestMissing == nil {
		return fmt.Errorf("%s: no header of the DESNZ flat file (\"Scope\", \"Level 1\" … \"GHG Conversion Factor YYYY\") in its first %d rows: is it the \"Factors by Category\" sheet?", d.Path, c.rows)
	}
	return fmt.Errorf("%s: the header is not the DESNZ flat file's: no column %s in %q", d.At(c.bestLine), strings.Join(c.bestMissing, ", "), strings.Join(c.bestHeader, ","))
}

// desnzBuilder adds the rows under the header to a set.
type desnzBuilder struct {
	d        *DESNZ
	col      []int
	valueCol int
	width    int
	line     int // the header's
	// short allows rows with fewer cells than the header: a sheet row ends at its last
	// non-empty cell, a CSV line does not.
	short bool
}

// newDESNZBuilder reads header; missing names the columns it lacks, quoted.
func newDESNZBuilder(d *DESNZ, header []string, line int) (*desnzBuilder, []string) {
	at := map[string]int{}
	for i, h := range header {
		at[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	b := &desnzBuilder{d: d, col: make([]int, len(desnzColumns)), valueCol: -1, width: len(header), line: line}
	var missing []string
	for i, c := range desnzColumns {
		b.col[i] = -1
		for _, n := range c.names {
			if j, ok := at[n]; ok {
				b.col[i] = j
				break
			}
		}
		if b.col[i] < 0 && !c.optional {
			missing = append(missing, `"`+strings.Join(c.names, `" or "`)+`"`)
		}
	}
	for i, h := range header {
		if m := desnzValueHeader.FindStringSubmatch(strings.TrimSpace(h)); m != nil {
			b.valueCol = i
			d.Year, _ = strconv.Atoi(m[1])
		}
	}
	if b.valueCol < 0 {
		missing = append(missing, `"GHG Conversion Factor YYYY"`)
	}
	if len(missing) == 0 {
		d.Rows, d.byPath = map[string]DESNZRow{}, map[string][]int{}
	}
	return b, missing
}

// add adds the row at line; an empty row is passed over, the "END" row ends the set.
func (b *desnzBuilder) add(line int, rec []string) error {
	d := b.d
	cell := func(i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	empty := true
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			empty = false
			break
		}
	}
	if empty {
		return nil
	}
	if cell(b.col[1]) == "END" || cell(b.col[2]) == "END" || cell(0) == "END" {
		d.Ended = true
		return nil
	}
	if len(rec) <= b.valueCol && !b.short {
		return fmt.Errorf("%s: %d columns, the header has %d: is the file cut short?", d.At(line), len(rec), b.width)
	}
	row := DESNZRow{Line: line, ID: cell(b.col[0]), Scope: cell(b.col[1]),
		Levels:     [4]string{cell(b.col[2]), cell(b.col[3]), cell(b.col[4]), cell(b.col[5])},
		ColumnText: cell(b.col[6]), UOM: cell(b.col[7]), GHG: cell(b.col[8]), Value: cell(b.valueCol)}
	if row.ID != "" {
		if _, dup := d.Rows[row.ID]; dup {
			return fmt.Errorf("%s: ID %s appears twice", d.At(line), row.ID)
		}
		d.Rows[row.ID] = row
	}
	k := PathKey(row)
	d.byPath[k] = append(d.byPath[k], len(d.All))
	d.All = append(d.All, row)
	return nil
}

func (d *DESNZ) Row(id string) (DESNZRow, error) {
	r, ok := d.Rows[id]
	if !ok {
		return DESNZRow{}, fmt.Errorf("%s: no row with ID %s", d.Path, id)
	}
	return r, nil
}

// Num is the value of row id; an empty or unparsable value is an error.
func (d *DESNZ) Num(id string) (float64, DESNZRow, error) {
	r, err := d.Row(id)
	if err != nil {
		return 0, r, err
	}
	v, err := d.Value(r)
	return v, r, err
}

// Value is the value of row r of this set; an empty or unparsable value is an error.
func (d *DESNZ) Value(r DESNZRow) (float64, error) {
	if r.Value == "" {
		return 0, fmt.Errorf("%s: %s (%s, %s) has no value", d.At(r.Line), r.Cite(), r.Label(), r.GHG)
	}
	v, err := strconv.ParseFloat(r.Value, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: %s: value %q is not a number", d.At(r.Line), r.Cite(), r.Value)
	}
	return v, nil
}

// Cite names the row as its set does: "ID 7_400_4000_5_1", or "CSV line 1926" in a set
// without IDs (the line of the "Factors by Category" sheet saved as CSV).
func (r DESNZRow) Cite() string {
	if r.ID != "" {
		return "ID " + r.ID
	}
	return fmt.Sprintf("CSV line %d", r.Line)
}

// PathKey is the row's category path as it can be compared across sets: scope, levels, column
// text, unit and gas, case and spaces folded, with the names DESNZ changed between sets mapped
// to their current ones (desnzRenames). Level 4 holding a unit or a year ("kWh" from 2023,
// "2020" in the 2022 set for the grid data year) and the 2019–2021 column texts that only
// repeat the unit's calorific basis ("Energy - Gross CV", "Volume", …) are left out.
func PathKey(r DESNZRow) string {
	parts := []string{fold(r.Scope)}
	for _, l := range r.Levels[:3] {
		parts = append(parts, CurrentName(l))
	}
	l4 := fold(r.Levels[3])
	if desnzLevel4Noise.MatchString(l4) {
		l4 = ""
	}
	ct := fold(r.ColumnText)
	if desnzBasisText[ct] {
		ct = ""
	}
	if to, ok := desnzRenames[ct]; ok && fold(r.Levels[0]) == "waste disposal" {
		ct = to
	}
	parts = append(parts, l4, ct, fold(r.UOM), r.Gas())
	return strings.Join(parts, " | ")
}

// desnzRenames maps category names of past sets (folded) to the name the current set uses for
// the same rows. Each is a rename DESNZ made, not a guess: the rows keep their place and, where
// both sets publish IDs, their ID.
var desnzRenames = map[string]string{
	"wtt- uk & overseas elec":        "wtt- uk electricity",               // up to 2022
	"wtt- gaseous fuels":             "gaseous fuels",                     // WTT- fuels, up to 2021
	"wtt- liquid fuels":              "liquid fuels",                      // WTT- fuels, up to 2021
	"wtt- solid fuels":               "solid fuels",                       // WTT- fuels, up to 2021
	"wtt- business travel (air)":     "wtt- business travel- air",         // 2022
	"wtt- pass vehs & travel (land)": "wtt- pass vehs & travel- land",     // 2022
	"combustion":                     "incineration with energy recovery", // waste disposal column text, up to 2023 (ID 20_507_5311_15_1 in 2023 and 2025)
}

// fold lowers s and collapses its spaces.
func fold(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// CurrentName is a category name of any set, folded, under the name the current set gives it.
func CurrentName(name string) string {
	l := fold(name)
	if to, ok := desnzRenames[l]; ok {
		return to
	}
	return l
}

var desnzLevel4Noise = regexp.MustCompile(`^(\d{4}|kwh)$`)

var desnzBasisText = map[string]bool{"energy - gross cv": true, "energy - net cv": true, "volume": true, "tonnes": true}

// Match finds the row of this set whose category path (PathKey) is that of ref, a row of
// another set. A path this set lacks, or holds more than once, is an error naming the file,
// and the lines when there are several.
func (d *DESNZ) Match(ref DESNZRow) (DESNZRow, error) {
	k := PathKey(ref)
	at := d.byPath[k]
	switch len(at) {
	case 1:
		return d.All[at[0]], nil
	case 0:
		return DESNZRow{}, fmt.Errorf("%s: no row for %s (%s, %s)", d.Path, ref.Label(), ref.Scope, ref.GHG)
	}
	lines := make([]string, len(at))
	for i, j := range at {
		lines[i] = strconv.Itoa(d.All[j].Line)
	}
	return DESNZRow{}, fmt.Errorf("%s:%s: %d rows for %s (%s, %s): the path is ambiguous", d.Path, strings.Join(lines, ","), len(at), ref.Label(), ref.Scope, ref.GHG)
}

// GasRows are the IDs of the per-gas rows of a kg CO2e row: its ID with the last part _2
// (CO2), _3 (CH4), _4 (N2O). ok is false when id does not end in _1.
func GasRows(id string) (co2, ch4, n2o string, ok bool) {
	base, found := strings.CutSuffix(id, "_1")
	if !found {
		return "", "", "", false
	}
	return base + "_2", base + "_3", base + "_4", true
}

// DESNZUnits maps DESNZ's UOM to the product's canonical unit.
var DESNZUnits = map[string]string{
	"kWh":            "kWh",
	"kWh (Gross CV)": "kWh PCS",
	"kWh (Net CV)":   "kWh PCI",
	"litres":         "L",
	"tonnes":         "t",
	"kg":             "kg",
	"tonne.km":       "t.km",
	"passenger.km":   "passenger.km",
	"km":             "km",
	"miles":          "mile",
	"Room per night": "room-night",
}
