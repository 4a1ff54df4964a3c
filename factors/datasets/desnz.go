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
	Line                 int
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

type DESNZ struct {
	Path string
	Year int // the factor-set year, from the value column's header
	Rows map[string]DESNZRow
}

var desnzValueHeader = regexp.MustCompile(`^GHG Conversion Factor (\d{4})$`)

// LoadDESNZ reads the flat file's "Factors by Category" sheet saved as CSV.
func LoadDESNZ(path string) (*DESNZ, error) {
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
	d := &DESNZ{Path: path, Rows: map[string]DESNZRow{}}
	d.Year, _ = strconv.Atoi(m[1])
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		row := DESNZRow{Line: line, ID: rec[0], Scope: rec[1],
			Levels:     [4]string{rec[2], rec[3], rec[4], rec[5]},
			ColumnText: rec[6], UOM: rec[7], GHG: rec[8], Value: strings.TrimSpace(rec[9])}
		if _, dup := d.Rows[row.ID]; dup {
			return nil, fmt.Errorf("%s:%d: ID %s appears twice", path, line, row.ID)
		}
		d.Rows[row.ID] = row
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
	if r.Value == "" {
		return 0, r, fmt.Errorf("%s:%d: ID %s (%s) has no value", d.Path, r.Line, id, r.Label())
	}
	v, err := strconv.ParseFloat(r.Value, 64)
	if err != nil {
		return 0, r, fmt.Errorf("%s:%d: ID %s: value %q is not a number", d.Path, r.Line, id, r.Value)
	}
	return v, r, nil
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
