// Package emissions is the domain core: activities × factors → inventory lines, aggregated per
// year, scope, category, pole, site and activity, with the trajectory, claim and disclosures
// computed from them. It reads no workbook (package workbook does) and formats nothing.
package emissions

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/lang"
)

// Activity is one used row of an activity sheet.
type Activity struct {
	Place    Place
	Year     int
	Site     string
	Pole     string
	ID       string // activity id: a factor id, or free text for already-computed rows
	Quantity float64
	Unit     string
	Scope    int    // from the Scope column; 0 when blank
	Category int    // from the Category column; 0 when blank
	Method   string // "location", "market" or "" (both), for already-computed Scope 2 rows
	Comment  string
	Quality  string // QualityMeasured, QualityCalculated, QualityEstimated, or "" without a Quality cell
	Entity   string // the Entity cell as written; "" when blank
	DataType string // DataPrimary, DataSecondary, DataSpendBased, or "" when not stated
	// Cells of the row, for messages that point at one column.
	QuantityCell, UnitCell, ActivityCell, MethodCell, EntityCell CellRef
}

// CellRef is a cell of a sheet, named only when a message needs it (a million rows would
// otherwise spell four million names); the zero value is no cell.
type CellRef struct {
	Col int // 0-based
	Row int // 1-based; 0: no cell
}

// String is the cell's A1 name, or "".
func (c CellRef) String() string {
	if c.Row == 0 {
		return ""
	}
	return CellName(c.Col, c.Row)
}

// Place is where a row came from.
type Place struct {
	File  string `json:"file"`
	Sheet string `json:"sheet"`
	Row   int    `json:"row"`
}

// Instrument is a Scope 2 contractual instrument (guarantee of origin, PPA, supplier rate)
// from an Instruments sheet: Quantity kWh of its carrier (electricity, heat, steam or cooling)
// at Factor kgCO2e/kWh. It covers the consumption of factors of that carrier only.
type Instrument struct {
	Place   Place
	Year    int
	Site    string
	Name    string
	Carrier string // one of the factors.Carrier* of purchased energy; "" is electricity
	KWh     float64
	Factor  float64 // kgCO2e/kWh
}

// ToKWh converts an instrument quantity to kWh; its errors are in the language l.
func ToKWh(l lang.Lang, qty float64, unit string) (float64, error) {
	u, err := factors.ParseUnitIn(l, unit)
	if err != nil {
		return 0, err
	}
	kwh, _ := factors.ParseUnit("kWh")
	return factors.ConvertIn(l, qty, u, kwh, 0)
}

// Excel's limits on a sheet: columns A to XFD, rows 1 to 1,048,576.
const (
	maxColumns = 16384
	maxRows    = 1048576
)

// CellName is the A1 reference of a 0-based column and 1-based row (R1C1 beyond a sheet's
// limits, where no A1 reference exists).
func CellName(col, row int) string {
	if col < 0 || col >= maxColumns || row < 1 || row > maxRows {
		return fmt.Sprintf("R%dC%d", row, col+1)
	}
	var letters [3]byte
	i := len(letters)
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		i--
		letters[i] = byte('A' + (n-1)%26)
	}
	return string(letters[i:]) + strconv.Itoa(row)
}

// Clip shortens text quoted in a message so a gigantic cell does not make a gigantic message.
func Clip(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// Years outside this range are refused: they are typos (202, 20244) or date serials read
// as years.
const (
	MinYear = 1990
	MaxYear = 2100
)
