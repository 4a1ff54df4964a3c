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

// ParseDataType reads a DataType cell ignoring case, spaces, hyphens and underscores, so
// "Spend based", "spend_based" and "SPEND-BASED" are one value.
func ParseDataType(s string) (string, bool) {
	k := strings.NewReplacer(" ", "", "-", "", "_", "").Replace(strings.ToLower(strings.TrimSpace(s)))
	for _, d := range DataTypes {
		if k == strings.ReplaceAll(d, "-", "") {
			return d, true
		}
	}
	return "", false
}
