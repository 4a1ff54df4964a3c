package analysis

import (
	"sort"

	"github.com/footprint/footprint/emissions"
)

// AvoidedActivity is one year's avoided emissions of one activity and factor: what the
// circular activity displaced, reported apart and never subtracted from a scope or a total
// (GHG Protocol, ESRS E1). Quantity is in the factor's unit.
type AvoidedActivity struct {
	Year        int
	Activity    string
	FactorID    string
	FactorValue float64 // kgCO2e avoided per FactorUnit
	FactorUnit  string
	Source      string
	Quantity    float64
	TCO2e       float64
}

// AvoidedByActivity sums the avoided lines per year, activity and factor. Lines may be rows or
// groups of rows: only their sums are used. The result runs by year, then by tCO2e avoided
// (largest first), then by activity id.
func AvoidedByActivity(lines []emissions.Line) []AvoidedActivity {
	type key struct {
		year               int
		activity, id, unit string
		value              float64
	}
	at := map[key]int{}
	var out []AvoidedActivity
	for _, l := range lines {
		if l.Part != emissions.PartAvoided {
			continue
		}
		k := key{l.Year, l.Activity, l.FactorID, l.FactorUnit, l.FactorValue}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, AvoidedActivity{Year: l.Year, Activity: l.Activity, FactorID: l.FactorID,
				FactorValue: l.FactorValue, FactorUnit: l.FactorUnit, Source: l.Source})
		}
		out[i].Quantity += l.Converted * l.Weight()
		out[i].TCO2e += l.TCO2e
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		if a.TCO2e != b.TCO2e {
			return a.TCO2e > b.TCO2e
		}
		return a.Activity < b.Activity
	})
	return out
}
