package reports

import (
	"sort"

	"github.com/footprint/footprint/emissions"
)

// PoleActivity is one activity's emissions within one pole in one year, tCO2e.
type PoleActivity struct {
	Pole, Activity string
	TCO2e          float64
}

// PoleActivities regroups the lines of year by pole and activity for the report's treemap,
// with the same selection as emissions.Aggregate's breakdowns (the Scope 2 of method, no
// avoided emissions, blank pole as emissions.Unassigned). Sorted by pole, then activity.
func PoleActivities(lines []emissions.Line, year int, method string) []PoleActivity {
	type key struct{ pole, activity string }
	sum := map[key]float64{}
	var keys []key
	for _, l := range lines {
		if l.Year != year {
			continue
		}
		if !l.In(method) {
			continue
		}
		pole := l.Pole
		if pole == "" {
			pole = emissions.Unassigned
		}
		k := key{pole, l.Activity}
		if _, ok := sum[k]; !ok {
			keys = append(keys, k)
		}
		sum[k] += l.TCO2e
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].pole != keys[j].pole {
			return keys[i].pole < keys[j].pole
		}
		return keys[i].activity < keys[j].activity
	})
	out := make([]PoleActivity, len(keys))
	for i, k := range keys {
		out[i] = PoleActivity{k.pole, k.activity, sum[k]}
	}
	return out
}

// LargestFirst returns the keys of m by value, largest first, then by name.
func LargestFirst(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}
