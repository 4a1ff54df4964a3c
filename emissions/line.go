package emissions

// Part says which part of an activity's emissions a line carries.
type Part string

const (
	PartDirect   Part = "direct"   // the factor's own scope (combustion, generation, purchased goods …)
	PartUpstream Part = "upstream" // Scope 3 category 3: upstream of fuels and energy consumed
	PartReported Part = "reported" // already-computed emissions taken as they are
	PartAvoided  Part = "avoided"  // avoided emissions: reported apart, never in a scope
	PartOutside  Part = "outside"  // a gas outside the Kyoto basket: in Inventory.Outside only
)

// Scope 2 methods. A Scope 2 line with no method counts in both totals.
const (
	MethodLocation = "location"
	MethodMarket   = "market"
)

// Line is one computed figure with its full provenance: the input row, the factor vintage
// and the rule that produced it.
type Line struct {
	Place    Place   `json:"place"`
	Year     int     `json:"year"`
	Site     string  `json:"site"`
	Pole     string  `json:"pole"`
	Activity string  `json:"activity"`
	Quantity float64 `json:"quantity"`
	Unit     string  `json:"unit"`
	Comment  string  `json:"comment,omitempty"`
	Quality  string  `json:"quality,omitempty"` // activity-data quality of the row, "" when not given
	// Entity is the legal entity of the row (organisation.entities), "" without an
	// organisation or Entity column; Share is the part of its emissions the consolidated
	// inventory counts (entity.go), 1 without an organisation. DataType is the DataType cell
	// (datatype.go), "" when not stated.
	Entity   string  `json:"entity,omitempty"`
	Share    float64 `json:"share"`
	DataType string  `json:"data_type,omitempty"`

	Part     Part   `json:"part"`
	Scope    int    `json:"scope"`
	Category int    `json:"category,omitempty"` // Scope 3 category
	Method   string `json:"method,omitempty"`   // Scope 2 only

	// Converted is Quantity in the factor's unit: TCO2e = Converted × FactorValue / 1000.
	Converted   float64 `json:"converted"`
	FactorID    string  `json:"factor_id,omitempty"`
	FactorYear  int     `json:"factor_year,omitempty"`
	FactorValue float64 `json:"factor_value"` // kgCO2e per FactorUnit
	FactorUnit  string  `json:"factor_unit,omitempty"`
	Source      string  `json:"source,omitempty"`
	// GWP is the GWP basis of the factor part behind the line (AR4, AR5, AR6); "" when it rests
	// on none stated: already-computed rows, factors given without one, instruments.
	GWP string `json:"gwp,omitempty"`

	// TCO2e is the consolidated figure, Gross × Share; Gross the row's emissions before
	// consolidation (an investee's under a control approach, reported apart).
	TCO2e       float64 `json:"tco2e"`
	Gross       float64 `json:"gross_tco2e"`
	BiogenicCO2 float64 `json:"biogenic_co2,omitempty"` // tCO2, outside the scopes

	// Rows is how many rows the line sums: 1 for a row's line, more for Inventory.Lines'
	// groups, whose Place is the first row's.
	Rows int `json:"rows,omitempty"`
}

// InLocation and InMarket report whether the line counts in the location-based or the
// market-based total.
func (l Line) InLocation() bool {
	return l.Part != PartAvoided && (l.Scope != 2 || l.Method != MethodMarket)
}

func (l Line) InMarket() bool {
	return l.Part != PartAvoided && (l.Scope != 2 || l.Method != MethodLocation)
}

// LineSource gives lines one at a time, in a fixed order, without holding them all: the
// per-row lines of a large inventory stream from where the calculation put them. The *Line
// given to yield may be reused once yield returns, but its strings may not: consumers keep
// them (the export's factor tally, the last text of each column).
type LineSource interface {
	Len() int // how many lines Each gives
	Each(yield func(*Line) error) error
}

// LineSlice is a LineSource over lines in memory.
type LineSlice []Line

func (s LineSlice) Len() int { return len(s) }

func (s LineSlice) Each(yield func(*Line) error) error {
	for i := range s {
		if err := yield(&s[i]); err != nil {
			return err
		}
	}
	return nil
}

// Concat gives the lines of each source in turn.
func Concat(sources ...LineSource) LineSource { return concat(sources) }

type concat []LineSource

func (c concat) Len() int {
	n := 0
	for _, s := range c {
		n += s.Len()
	}
	return n
}

func (c concat) Each(yield func(*Line) error) error {
	for _, s := range c {
		if err := s.Each(yield); err != nil {
			return err
		}
	}
	return nil
}

// LineDigest is what a LineSource knows of its lines without reading them: groups that sum
// them, each with Rows the number of lines it stands for, and the longest string of any line.
type LineDigest struct {
	Groups  []Line
	MaxText int // bytes
	// Outside are the lines of gases outside the Kyoto basket the source gives after the
	// groups' lines: they are in no group.
	Outside []Line
}

// Digester is a LineSource that has a digest of its lines.
type Digester interface {
	Digest() LineDigest
}

// In reports whether the line counts in the total of a Scope 2 method (MethodLocation, else
// market-based).
func (l Line) In(method string) bool {
	if method == MethodLocation {
		return l.InLocation()
	}
	return l.InMarket()
}
