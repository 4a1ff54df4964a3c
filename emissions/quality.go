package emissions

// Activity-data quality levels of the optional Quality column. Each level has its own
// uncertainty (config `quality`), which the Monte Carlo of uncertainty.go draws.
const (
	QualityMeasured   = "measured"
	QualityCalculated = "calculated"
	QualityEstimated  = "estimated"
)

// QualityLevels are the levels, from the surest.
var QualityLevels = []string{QualityMeasured, QualityCalculated, QualityEstimated}

// qualityWords are the spellings of each level, folded (foldValue): English, and French in
// either gender and number (mesuré, mesurée, mesurés).
var qualityWords = map[string]string{
	"measured": QualityMeasured, "mesure": QualityMeasured, "mesuree": QualityMeasured, "mesures": QualityMeasured, "mesurees": QualityMeasured,
	"calculated": QualityCalculated, "calcule": QualityCalculated, "calculee": QualityCalculated, "calcules": QualityCalculated, "calculees": QualityCalculated,
	"estimated": QualityEstimated, "estime": QualityEstimated, "estimee": QualityEstimated, "estimes": QualityEstimated, "estimees": QualityEstimated,
}

// ParseQuality reads a Quality cell in English or French, ignoring case and accents.
func ParseQuality(s string) (string, bool) {
	q, ok := qualityWords[foldValue(s)]
	return q, ok
}
