package html

import (
	"sort"

	"github.com/footprint/footprint/reports"
)

// avoidedYears are the years that have avoided emissions, ascending.
func avoidedYears(a reports.Analysis) []int {
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
func avoidedActivities(a reports.Analysis) []string {
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
func avoidedBy(a reports.Analysis, year int, activity string) float64 {
	t := 0.0
	for _, v := range a.Avoided {
		if v.Year == year && v.Activity == activity {
			t += v.TCO2e
		}
	}
	return t
}
