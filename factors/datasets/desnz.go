package datasets

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
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
	Year int // the factor-set year, from the value column's header
	All  []DESNZRow
	Rows map[string]DESNZRow // by ID; empty for the sets without IDs
	// byPath indexes All by PathKey, for Match.
	byPath map[string][]int
}

var desnzValueHeader = regexp.MustCompile(`^GHG Conversion Factor (\d{4})$`)

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

// LoadDESNZ reads the flat file's "Factors by Category" sheet saved as CSV, in the layout of
// any set from 2019: the columns are found by their headers, the set year in the header of the
// value column ("GHG Conversion Factor YYYY").
func LoadDESNZ(path string) (*DESNZ, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", path, err)
	}
	at := map[string]int{}
	for i, h := range header {
		at[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	col := make([]int, len(desnzColumns))
	for i, c := range desnzColumns {
		col[i] = -1
		for _, n := range c.names {
			if j, ok := at[n]; ok {
				col[i] = j
				break
			}
		}
		if col[i] < 0 && !c.optional {
			return nil, fmt.Errorf("%s:1: no column %q in the header %q", path, strings.Join(c.names, `" or "`), strings.Join(header, ","))
		}
	}
	valueCol := -1
	d := &DESNZ{Path: path, Rows: map[string]DESNZRow{}, byPath: map[string][]int{}}
	for i, h := range header {
		if m := desnzValueHeader.FindStringSubmatch(strings.TrimSpace(h)); m != nil {
			valueCol = i
			d.Year, _ = strconv.Atoi(m[1])
		}
	}
	if valueCol < 0 {
		return nil, fmt.Errorf("%s:1: no column \"GHG Conversion Factor YYYY\" in the header %q", path, strings.Join(header, ","))
	}
	cell := func(rec []string, i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if len(rec) <= valueCol {
			return nil, fmt.Errorf("%s:%d: %d columns, the header has %d", path, line, len(rec), len(header))
		}
		row := DESNZRow{Line: line, ID: cell(rec, col[0]), Scope: cell(rec, col[1]),
			Levels:     [4]string{cell(rec, col[2]), cell(rec, col[3]), cell(rec, col[4]), cell(rec, col[5])},
			ColumnText: cell(rec, col[6]), UOM: cell(rec, col[7]), GHG: cell(rec, col[8]), Value: cell(rec, valueCol)}
		if row.ID != "" {
			if _, dup := d.Rows[row.ID]; dup {
				return nil, fmt.Errorf("%s:%d: ID %s appears twice", path, line, row.ID)
			}
			d.Rows[row.ID] = row
		}
		k := PathKey(row)
		d.byPath[k] = append(d.byPath[k], len(d.All))
		d.All = append(d.All, row)
	}
	return d, nil
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
		return 0, fmt.Errorf("%s:%d: %s (%s, %s) has no value", d.Path, r.Line, r.Cite(), r.Label(), r.GHG)
	}
	v, err := strconv.ParseFloat(r.Value, 64)
	if err != nil {
		return 0, fmt.Errorf("%s:%d: %s: value %q is not a number", d.Path, r.Line, r.Cite(), r.Value)
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
