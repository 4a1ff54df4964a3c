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
)

// ActivityColumns are the canonical columns of an activity sheet, required ones first.
var ActivityColumns = []Column{ColYear, ColActivity, ColQuantity, ColUnit, ColSite, ColPole, ColScope, ColCategory, ColMethod, ColComment, ColQuality, ColEntity, ColDataType}

var requiredActivity = []Column{ColYear, ColActivity, ColQuantity, ColUnit}

var instrumentColumns = []Column{ColYear, ColSite, ColInstrument, ColQuantity, ColUnit, ColFactor}

// Aliases maps other header spellings to canonical columns (config `columns`).
type Aliases map[Column][]string

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

func newHeaderIndex(cols []Column, aliases Aliases) headerIndex {
	idx := headerIndex{}
	for _, c := range cols {
		idx[headerKey(string(c))] = c
		for _, a := range aliases[c] {
			idx[headerKey(a)] = c
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
