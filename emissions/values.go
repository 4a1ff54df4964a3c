package emissions

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// The values of the optional columns are read in English or in French, as their headers are:
// a team that writes Qualité in the header writes mesurée below it. foldValue makes the
// spellings one key, so the tables below list each word once, without accents.

// foldValue folds a cell's value for matching: case, accents, and runs of spaces, hyphens
// and underscores do not count ("Mesurée" is "mesuree", "spend_based" is "spend based").
func foldValue(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, s)
	if err != nil {
		folded = s
	}
	folded = strings.NewReplacer("-", " ", "_", " ").Replace(strings.ToLower(folded))
	return strings.Join(strings.Fields(folded), " ")
}

// methodWords are the spellings of the Scope 2 methods of a Method cell.
var methodWords = map[string]string{
	"location": MethodLocation, "location based": MethodLocation, "localisation": MethodLocation,
	"selon la localisation": MethodLocation, "fondee sur la localisation": MethodLocation,
	"market": MethodMarket, "market based": MethodMarket, "marche": MethodMarket,
	"selon le marche": MethodMarket, "fondee sur le marche": MethodMarket,
}

// ParseMethod reads a Method cell: location or market, location-based or market-based, or
// their French localisation, marché, selon la localisation, selon le marché.
func ParseMethod(s string) (string, bool) {
	m, ok := methodWords[foldValue(s)]
	return m, ok
}
