// Package emissions owns the inventory: reading activity workbooks into activities, turning
// each activity into inventory lines with its factor, and aggregating lines per year, scope,
// category, pole, site and activity. It reads workbooks and factors; it does no formatting.
package emissions

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
	return cellName(c.Col, c.Row)
}

// Place is where a row came from.
type Place struct {
	File  string `json:"file"`
	Sheet string `json:"sheet"`
	Row   int    `json:"row"`
}

// Instrument is a Scope 2 contractual instrument (guarantee of origin, PPA, supplier rate)
// from an Instruments sheet: Quantity kWh of electricity at Factor kgCO2e/kWh.
type Instrument struct {
	Place  Place
	Year   int
	Site   string
	Name   string
	KWh    float64
	Factor float64 // kgCO2e/kWh
}
