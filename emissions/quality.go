package emissions

import "strings"

// Activity-data quality levels of the optional Quality column. Each level has its own
// uncertainty (config `quality`), which the Monte Carlo of uncertainty.go draws.
const (
	QualityMeasured   = "measured"
	QualityCalculated = "calculated"
	QualityEstimated  = "estimated"
)

// QualityLevels are the levels, from the surest.
var QualityLevels = []string{QualityMeasured, QualityCalculated, QualityEstimated}

// ParseQuality reads a Quality cell, case- and space-insensitively.
func ParseQuality(s string) (string, bool) {
	q := strings.ToLower(strings.TrimSpace(s))
	for _, l := range QualityLevels {
		if q == l {
			return l, true
		}
	}
	return "", false
}
