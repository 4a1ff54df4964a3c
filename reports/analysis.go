package reports

import (
	"sort"

	"github.com/footprint/footprint/emissions/analysis"
	"github.com/footprint/footprint/emissions/plan"
)

// Analysis holds the figures of docs/methodology.md#analyses-beside-the-inventory that are shown apart from the inventory: avoided
// emissions (never subtracted from anything) and intensities with their targets. The command
// computes them; the report, the export and `calc --json` only format them.
type Analysis struct {
	Avoided        []analysis.AvoidedActivity
	Denominators   []analysis.Denominator
	Intensities    map[int]map[string]float64 // year → denominator name → tCO2e per unit
	IntensityPaths []analysis.IntensityPath
	// Restatement is each year's total as reported and restated; nil unless restatement was
	// asked for (--restate).
	Restatement []plan.Restatement
}

// avoidedYears are the years that have avoided emissions, ascending.
func (a Analysis) avoidedYears() []int {
	seen := map[int]bool{}
	var ys []int
	for _, v := range a.Avoided {
		if !seen[v.Year] {
			seen[v.Year] = true
			ys = append(ys, v.Year)
		}
	}
	sort.Ints(ys)
	return ys
}

// avoidedActivities are the activity ids with avoided emissions, largest over all years first.
func (a Analysis) avoidedActivities() []string {
	sum := map[string]float64{}
	for _, v := range a.Avoided {
		sum[v.Activity] += v.TCO2e
	}
	ids := make([]string, 0, len(sum))
	for id := range sum {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if sum[ids[i]] != sum[ids[j]] {
			return sum[ids[i]] > sum[ids[j]]
		}
		return ids[i] < ids[j]
	})
	return ids
}

// avoidedBy sums a year's avoided emissions of one activity.
func (a Analysis) avoidedBy(year int, activity string) float64 {
	t := 0.0
	for _, v := range a.Avoided {
		if v.Year == year && v.Activity == activity {
			t += v.TCO2e
		}
	}
	return t
}
