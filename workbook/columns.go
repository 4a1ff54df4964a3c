package workbook

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Column is a canonical column of an activity sheet.
type Column string

const (
	ColYear     Column = "Year"
	ColSite     Column = "Site"
	ColPole     Column = "Pole"
	ColActivity Column = "Activity"
	ColQuantity Column = "Quantity"
	ColUnit     Column = "Unit"
	ColScope    Column = "Scope"
	ColCategory Column = "Category"
	ColMethod   Column = "Method"
	ColComment  Column = "Comment"
	ColQuality  Column = "Quality"  // activity-data quality: measured, calculated or estimated
	ColEntity   Column = "Entity"   // legal entity of the organisation (entity.go)
	ColDataType Column = "DataType" // primary, secondary or spend-based (datatype.go)
	// Instruments sheets.
	ColInstrument Column = "Instrument"
	ColFactor     Column = "Factor"
	ColCarrier    Column = "Carrier" // optional: the energy an instrument covers, electricity when blank
)

// ActivityColumns are the canonical columns of an activity sheet, required ones first.
var ActivityColumns = []Column{ColYear, ColActivity, ColQuantity, ColUnit, ColSite, ColPole, ColScope, ColCategory, ColMethod, ColComment, ColQuality, ColEntity, ColDataType}

var requiredActivity = []Column{ColYear, ColActivity, ColQuantity, ColUnit}

// instrumentColumns are the Instruments sheet's columns, its required ones (requiredInstrument)
// then the optional Carrier.
var instrumentColumns = []Column{ColYear, ColSite, ColInstrument, ColQuantity, ColUnit, ColFactor, ColCarrier}

var requiredInstrument = instrumentColumns[:6]

// Aliases maps other header spellings to canonical columns (config `columns`).
type Aliases map[Column][]string

// builtinAliases are the spellings footprint reads without config: the French headers of
// activity sheets, of the Instruments sheet and of refrigerant registers, and a register's usual
// English variants. Matching ignores case, spaces, punctuation and accents, so Pôle is Pole and
// Rechargé (kg) is Recharge kg already. A config alias naming one of these spellings for
// another column wins.
var builtinAliases = Aliases{
	ColYear:      {"Année"},
	ColActivity:  {"Activité"},
	ColQuantity:  {"Quantité"},
	ColUnit:      {"Unité"},
	ColCategory:  {"Catégorie"},
	ColMethod:    {"Méthode"},
	ColComment:   {"Commentaire"},
	ColQuality:   {"Qualité"},
	ColEntity:    {"Entité"},
	ColDataType:  {"Type de donnée", "Data type"},
	ColFactor:    {"Facteur"},
	ColCarrier:   {"Vecteur", "Vecteur énergétique", "Énergie", "Energy carrier"},
	ColGas:       {"Refrigerant", "Fluid", "Fluide", "Gaz", "Fluide frigorigène"},
	ColEquipment: {"Équipement", "Installation", "Unit"},
	ColCharge:    {"Charge kg", "Charge (kg)", "Nominal charge", "Charge nominale"},
	ColRecharged: {"Recharged kg", "Recharged (kg)", "Recharge", "Recharge kg", "Rechargé", "Quantité rechargée"},
	ColRecovered: {"Recovered kg", "Recovered (kg)", "Récupéré", "Récupéré kg", "Quantité récupérée"},
	ColStatus:    {"Statut", "État", "Etat"},
}

// headerKey folds a header for matching: case, spaces, punctuation and accents do not count.
func headerKey(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, s)
	if err != nil {
		folded = s
	}
	var b strings.Builder
	for _, r := range strings.ToLower(folded) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// headerIndex maps folded header spellings to canonical columns.
type headerIndex map[string]Column

// newHeaderIndex indexes the spellings of cols: their names, the built-in spellings, then the
// config's aliases, which win over the built-in ones.
func newHeaderIndex(cols []Column, aliases Aliases) headerIndex {
	idx := headerIndex{}
	for _, as := range []Aliases{nil, builtinAliases, aliases} {
		for _, c := range cols {
			if as == nil {
				idx[headerKey(string(c))] = c
			}
			for _, a := range as[c] {
				idx[headerKey(a)] = c
			}
		}
	}
	return idx
}

// duplicate is a header cell naming a column an earlier cell already named.
type duplicate struct {
	col       Column
	first, at int // 0-based positions of the first and the repeated header
}

// match returns, for a header row, the position of each canonical column it holds and the
// headers seen twice.
func (idx headerIndex) match(header []string) (pos map[Column]int, dups []duplicate) {
	pos = map[Column]int{}
	for i, h := range header {
		if isFootprintColumn(h) {
			continue // an annotated copy's own columns are never input
		}
		c, ok := idx[headerKey(h)]
		if !ok {
			continue
		}
		if first, seen := pos[c]; seen {
			dups = append(dups, duplicate{c, first, i})
			continue
		}
		pos[c] = i
	}
	return pos, dups
}

// HeaderColumn returns the canonical column (activity or instrument) a header spelling names
// with the given aliases, if any: annotate checks that the headers it adds name none.
func HeaderColumn(header string, aliases Aliases) (Column, bool) {
	for _, cols := range [][]Column{ActivityColumns, instrumentColumns} {
		if c, ok := newHeaderIndex(cols, aliases)[headerKey(header)]; ok {
			return c, true
		}
	}
	return "", false
}

// isFootprintColumn reports whether a header is footprint's own, "footprint …": the columns
// annotate appends. They are neither read nor warned about.
func isFootprintColumn(h string) bool {
	words := strings.Fields(h)
	return len(words) > 1 && strings.EqualFold(words[0], "footprint")
}
