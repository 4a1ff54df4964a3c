package emissions

import "strings"

// Data types of the optional DataType column: how a row's emissions were obtained, for the
// share of Scope 3 calculated from primary data (ESRS E1 AR 46). A blank cell is "not stated"
// and does not count as primary.
const (
	DataPrimary     = "primary"     // data from suppliers or other value chain partners (supplier-specific factors, their measured emissions)
	DataSecondary   = "secondary"   // average data: generic factors from databases (ADEME, DESNZ…) on physical quantities
	DataSpendBased  = "spend-based" // monetary quantities × spend-based (EEIO) factors
	DataNotIdentify = ""            // not stated
)

// DataTypes are the values of the DataType column, the most specific first.
var DataTypes = []string{DataPrimary, DataSecondary, DataSpendBased}

// dataTypeWords are the spellings of each data type, folded (foldValue) and without spaces:
// English, and French (primaire, secondaire, monétaire as ADEME's ratios monétaires) in the
// singular or plural, alone or after "donnée(s)".
var dataTypeWords = map[string]string{
	"primary": DataPrimary, "primaire": DataPrimary, "primaires": DataPrimary,
	"secondary": DataSecondary, "secondaire": DataSecondary, "secondaires": DataSecondary,
	"spendbased": DataSpendBased, "monetaire": DataSpendBased, "monetaires": DataSpendBased,
	"ratiomonetaire": DataSpendBased, "ratiosmonetaires": DataSpendBased,
}

// ParseDataType reads a DataType cell in English or French ignoring case, accents, spaces,
// hyphens and underscores, so "Spend based", "spend_based", "SPEND-BASED" and "Monétaire" are
// one value.
func ParseDataType(s string) (string, bool) {
	k := strings.ReplaceAll(foldValue(s), " ", "")
	for _, prefix := range []string{"donnees", "donnee"} {
		if rest, ok := strings.CutPrefix(k, prefix); ok && rest != "" {
			k = rest
			break
		}
	}
	d, ok := dataTypeWords[k]
	return d, ok
}
