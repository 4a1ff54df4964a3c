package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

const desnzFile = "desnz-ghg-conversion-factors-2025/ghg-conversion-factors-2025-flat-file_factors-by-category.csv"

// desnzRow is one row of the DESNZ flat file (sheet "Factors by Category").
type desnzRow struct {
	line                 int
	id, scope            string
	levels               [4]string
	columnText, uom, ghg string
	value                string
}

// label is the row's category path, e.g. "Fuels / Gaseous fuels / Natural gas / kWh (Gross CV)".
func (r desnzRow) label() string {
	var parts []string
	for _, p := range append(r.levels[:], r.columnText, r.uom) {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " / ")
}

type desnz struct {
	path string
	year int // the factor-set year, from the value column's header
	rows map[string]desnzRow
}

var desnzValueHeader = regexp.MustCompile(`^GHG Conversion Factor (\d{4})$`)

func loadDESNZ(dir string) (*desnz, error) {
	path := filepath.Join(dir, desnzFile)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", path, err)
	}
	want := []string{"ID", "Scope", "Level 1", "Level 2", "Level 3", "Level 4", "Column Text", "UOM", "GHG/Unit"}
	if len(header) != len(want)+1 {
		return nil, fmt.Errorf("%s: header has %d columns, want %d", path, len(header), len(want)+1)
	}
	for i, w := range want {
		if header[i] != w {
			return nil, fmt.Errorf("%s: column %d is %q, want %q", path, i+1, header[i], w)
		}
	}
	m := desnzValueHeader.FindStringSubmatch(header[len(want)])
	if m == nil {
		return nil, fmt.Errorf("%s: last column %q, want \"GHG Conversion Factor YYYY\"", path, header[len(want)])
	}
	d := &desnz{path: path, rows: map[string]desnzRow{}}
	d.year, _ = strconv.Atoi(m[1])
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		row := desnzRow{line: line, id: rec[0], scope: rec[1],
			levels:     [4]string{rec[2], rec[3], rec[4], rec[5]},
			columnText: rec[6], uom: rec[7], ghg: rec[8], value: strings.TrimSpace(rec[9])}
		if _, dup := d.rows[row.id]; dup {
			return nil, fmt.Errorf("%s:%d: ID %s appears twice", path, line, row.id)
		}
		d.rows[row.id] = row
	}
	return d, nil
}

func (d *desnz) row(id string) (desnzRow, error) {
	r, ok := d.rows[id]
	if !ok {
		return desnzRow{}, fmt.Errorf("%s: no row with ID %s", d.path, id)
	}
	return r, nil
}

// num is the value of row id; an empty or unparsable value is an error.
func (d *desnz) num(id string) (float64, desnzRow, error) {
	r, err := d.row(id)
	if err != nil {
		return 0, r, err
	}
	if r.value == "" {
		return 0, r, fmt.Errorf("%s:%d: ID %s (%s) has no value", d.path, r.line, id, r.label())
	}
	v, err := strconv.ParseFloat(r.value, 64)
	if err != nil {
		return 0, r, fmt.Errorf("%s:%d: ID %s: value %q is not a number", d.path, r.line, id, r.value)
	}
	return v, r, nil
}

// gasRows are the IDs of the per-gas rows of a kg CO2e row: its ID with the last part _2
// (CO2), _3 (CH4), _4 (N2O). ok is false when id does not end in _1.
func gasRows(id string) (co2, ch4, n2o string, ok bool) {
	base, found := strings.CutSuffix(id, "_1")
	if !found {
		return "", "", "", false
	}
	return base + "_2", base + "_3", base + "_4", true
}

// desnzUnits maps DESNZ's UOM to the product's canonical unit.
var desnzUnits = map[string]string{
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
