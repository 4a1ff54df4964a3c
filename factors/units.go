package factors

import (
	"errors"
	"math"
	"strings"

	"github.com/footprint/footprint/lang"
)

// Dimension is what a unit measures. Quantities convert only within one dimension.
type Dimension string

// In is the dimension's name in the language l, as messages write it.
func (d Dimension) In(l lang.Lang) string { return l.T(string(d)) }

// dimensionKeys mark the dimensions' names that In translates.
var _ = []string{lang.Key("energy"), lang.Key("volume"), lang.Key("mass"), lang.Key("distance"), lang.Key("freight"),
	lang.Key("passenger"), lang.Key("emissions"), lang.Key("money")}

const (
	Energy    Dimension = "energy"    // base kWh
	Volume    Dimension = "volume"    // base L
	Mass      Dimension = "mass"      // base kg
	Distance  Dimension = "distance"  // base km
	Freight   Dimension = "freight"   // base t.km
	Passenger Dimension = "passenger" // base passenger.km
	Emissions Dimension = "emissions" // base kgCO2e: already-computed emissions
	Money     Dimension = "money"     // base EUR: spend-based factors; other currencies are opaque
	Opaque    Dimension = ""          // a count unit (room-night, vehicle): matches only itself
)

// Basis is the calorific basis of a fuel energy quantity: gross (PCS, GCV, HHV) or net (PCI,
// NCV, LHV). Empty for energy that has none (electricity, heat) or where the text did not say.
type Basis string

const (
	Gross Basis = "PCS"
	Net   Basis = "PCI"
)

// Unit is a parsed unit of measure.
type Unit struct {
	Text  string    // as written, trimmed
	Dim   Dimension // Opaque for units not in the table
	Scale float64   // size in the dimension's base unit
	Basis Basis
}

// The table of known units, keyed by a normalised spelling (see normUnit).
var unitTable = map[string]struct {
	dim   Dimension
	scale float64
}{
	"wh": {Energy, 0.001}, "kwh": {Energy, 1}, "mwh": {Energy, 1e3}, "gwh": {Energy, 1e6},
	"mj": {Energy, 1 / 3.6}, "gj": {Energy, 1e3 / 3.6}, "tj": {Energy, 1e6 / 3.6},
	"toe": {Energy, 11630}, "tep": {Energy, 11630}, "ktoe": {Energy, 11630e3},
	// 1 therm = 100,000 Btu = 105.5056 MJ; 1 mmBtu = 1.055056 GJ.
	"therm": {Energy, 105.5056 / 3.6}, "mmbtu": {Energy, 1055.056 / 3.6},

	"l": {Volume, 1}, "litre": {Volume, 1}, "liter": {Volume, 1}, "litres": {Volume, 1}, "liters": {Volume, 1},
	"hl": {Volume, 100}, "m3": {Volume, 1000}, "m³": {Volume, 1000},
	"usgal": {Volume, 3.785411784}, "usgallon": {Volume, 3.785411784}, "gal": {Volume, 3.785411784},

	"g": {Mass, 0.001}, "kg": {Mass, 1}, "t": {Mass, 1000}, "tonne": {Mass, 1000}, "tonnes": {Mass, 1000},
	"kt": {Mass, 1e6}, "shortton": {Mass, 907.18474}, "lb": {Mass, 0.45359237},

	"km": {Distance, 1}, "mile": {Distance, 1.609344}, "miles": {Distance, 1.609344}, "mi": {Distance, 1.609344},
	"vehicle.km": {Distance, 1}, "vkm": {Distance, 1},

	"t.km": {Freight, 1}, "tkm": {Freight, 1}, "tonne.km": {Freight, 1},
	"shortton.mile": {Freight, 0.90718474 * 1.609344},

	"passenger.km": {Passenger, 1}, "p.km": {Passenger, 1}, "pkm": {Passenger, 1},
	"passenger.mile": {Passenger, 1.609344},

	// Euros, for spend-based factors (per k€). Other currencies stay opaque: no exchange rate
	// is assumed.
	"eur": {Money, 1}, "€": {Money, 1}, "euro": {Money, 1}, "euros": {Money, 1},
	"keur": {Money, 1000}, "k€": {Money, 1000}, "keuro": {Money, 1000}, "keuros": {Money, 1000},

	"kgco2e": {Emissions, 1}, "tco2e": {Emissions, 1000},
	"kgco2eq": {Emissions, 1}, "tco2eq": {Emissions, 1000},
}

var basisWords = map[string]Basis{
	"pcs": Gross, "gcv": Gross, "hhv": Gross, "gross": Gross,
	"pci": Net, "ncv": Net, "lhv": Net, "net": Net,
}

// ParseUnit reads a unit as people write it in workbooks: case and spacing do not matter,
// "t-km", "t.km" and "tkm" are one unit, and an energy unit may end with its calorific basis
// ("kWh PCS", "MWh (NCV)", "kWh_PCI"). Text not in the table gives an Opaque unit.
func ParseUnit(text string) (Unit, error) { return ParseUnitIn(lang.English, text) }

// ParseUnitIn is ParseUnit with its errors in the language l: a row's problem message.
func ParseUnitIn(l lang.Lang, text string) (Unit, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return Unit{}, errors.New(l.T("no unit"))
	}
	u := Unit{Text: text}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return r == ' ' || r == '_' || r == '(' || r == ')' || r == '\u00a0' || r == '\t'
	})
	if n := len(words); n > 1 {
		if b, ok := basisWords[words[n-1]]; ok {
			u.Basis = b
			words = words[:n-1]
		}
	}
	key := normUnit(strings.Join(words, ""))
	e, ok := unitTable[key]
	if !ok {
		if u.Basis != "" {
			return Unit{}, errors.New(l.T("unit %q: a calorific basis goes with an energy unit only", quoted(text)))
		}
		return u, nil
	}
	if u.Basis != "" && e.dim != Energy {
		return Unit{}, errors.New(l.T("unit %q: a calorific basis goes with an energy unit only", quoted(text)))
	}
	u.Dim, u.Scale = e.dim, e.scale
	return u, nil
}

// normUnit folds the spellings of compound units onto one: the words are already joined
// without spaces, and "-", "·" and "*" between a quantity and a distance become ".".
// unitSeparators spells every product separator as ".": built once, as building a Replacer
// costs far more than using it.
var unitSeparators = strings.NewReplacer("-", ".", "·", ".", "*", ".")

func normUnit(s string) string {
	s = unitSeparators.Replace(s)
	switch s {
	case "shortton.mi", "shortton.miles", "shorttonmile":
		return "shortton.mile"
	case "tonnekm", "tonnes.km", "t.kms":
		return "t.km"
	case "passengerkm", "passengers.km":
		return "passenger.km"
	case "passengermile", "passengers.mile":
		return "passenger.mile"
	case "vehiclekm":
		return "vehicle.km"
	}
	return s
}

// IsEmissions reports whether u is an emission unit (tCO2e, kgCO2e): an already-computed row.
func (u Unit) IsEmissions() bool { return u.Dim == Emissions }

// quoted shortens a unit's text for a message, so a gigantic cell does not make a gigantic
// message (the units footprint knows are a few characters long).
func quoted(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// Convert expresses qty, measured in from, in the unit to. pcsPerPCI is the factor's ratio of
// gross to net calorific value (0 when unknown). It fails, saying why, when the units measure
// different things, when an opaque unit differs from the other, or when calorific bases differ
// and no ratio is known: gas on PCS and PCI is never mixed silently.
func Convert(qty float64, from, to Unit, pcsPerPCI float64) (float64, error) {
	return ConvertIn(lang.English, qty, from, to, pcsPerPCI)
}

// ConvertIn is Convert with its errors in the language l: a row's problem message.
func ConvertIn(l lang.Lang, qty float64, from, to Unit, pcsPerPCI float64) (float64, error) {
	if from.Dim == Opaque || to.Dim == Opaque {
		if from.Dim == to.Dim && strings.EqualFold(strings.Join(strings.Fields(from.Text), " "), strings.Join(strings.Fields(to.Text), " ")) {
			return qty, nil
		}
		return 0, errors.New(l.T("unit %q does not convert to the factor's unit %q", quoted(from.Text), quoted(to.Text)))
	}
	if from.Dim != to.Dim {
		return 0, errors.New(l.T("unit %q (%s) does not convert to the factor's unit %q (%s)", quoted(from.Text), from.Dim.In(l), quoted(to.Text), to.Dim.In(l)))
	}
	v := qty * from.Scale / to.Scale
	if from.Dim != Energy || from.Basis == "" || from.Basis == to.Basis {
		return v, nil
	}
	if to.Basis == "" {
		return 0, errors.New(l.T("unit %q states a calorific basis (%s) but the factor's unit %q has none", quoted(from.Text), string(from.Basis), quoted(to.Text)))
	}
	if pcsPerPCI <= 0 || math.IsInf(pcsPerPCI, 0) || math.IsNaN(pcsPerPCI) {
		return 0, errors.New(l.T("unit %q is on %s but the factor is per %q and the library gives no PCS/PCI ratio for it", quoted(from.Text), string(from.Basis), quoted(to.Text)))
	}
	if from.Basis == Net { // PCI → PCS: the same gas holds more gross energy
		return v * pcsPerPCI, nil
	}
	return v / pcsPerPCI, nil
}

// unitNames are the spellings a message offers for each dimension, in the order people use
// them (the table reads more, such as "litres" or "tonne.km").
var unitNames = map[Dimension][]string{
	Energy:    {"kWh", "MWh", "GWh", "Wh", "MJ", "GJ", "TJ", "toe", "ktoe", "therm", "mmBtu"},
	Volume:    {"L", "hL", "m3", "US gal"},
	Mass:      {"kg", "t", "g", "kt", "lb", "short ton"},
	Distance:  {"km", "mile", "vehicle.km"},
	Freight:   {"t.km", "short ton.mile"},
	Passenger: {"passenger.km", "passenger.mile"},
	Emissions: {"kgCO2e", "tCO2e"},
	Money:     {"EUR", "k€"},
}

// UnitHint says which units a quantity for a factor per to can be entered in, and, when text
// is not a known unit but is close to one of those, which one was likely meant: for the
// messages of a unit that does not convert, in the language l.
func UnitHint(l lang.Lang, text string, to Unit) string {
	names := unitNames[to.Dim]
	if to.Dim == Opaque || len(names) == 0 {
		return l.T("enter the quantity in %q, the factor's unit", quoted(to.Text))
	}
	hint := l.T("enter the quantity in a unit of %s: %s", to.Dim.In(l), strings.Join(names, ", "))
	if u, err := ParseUnit(text); err == nil && u.Dim == Opaque {
		key := strings.ToLower(strings.Join(strings.Fields(text), ""))
		best, bestD := "", len(key)/3+2
		for _, n := range names {
			k := strings.ToLower(strings.ReplaceAll(n, " ", ""))
			if abs(len(key)-len(k)) >= bestD {
				continue
			}
			if d := editDistance(key, k); d < bestD {
				best, bestD = n, d
			}
		}
		if best != "" {
			hint = l.T("did you mean %q? Units of %s: %s", best, to.Dim.In(l), strings.Join(names, ", "))
		}
	}
	return hint
}
