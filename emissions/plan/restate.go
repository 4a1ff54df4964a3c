package plan

import (
	"slices"

	"github.com/footprint/footprint/emissions"
)

// Restatement is one year's total as reported and as restated (docs/user-guide.md#restatement, `--restate`): the
// total that the Scope 2 method selects, computed with the factor versions the year was
// reported with, and with the latest version of each of that year's own vintages.
type Restatement struct {
	Year       int
	AsReported float64
	Restated   float64
	// Difference is Restated − AsReported.
	Difference float64
}

// Restate pairs the totals of each year as reported and restated, by year ascending; a year
// that only one of them has counts 0 on the other side.
func Restate(asReported, restated []emissions.YearTotals, method string) []Restatement {
	byYear := map[int]*Restatement{}
	var years []int
	at := func(y int) *Restatement {
		r := byYear[y]
		if r == nil {
			r = &Restatement{Year: y}
			byYear[y] = r
			years = append(years, y)
		}
		return r
	}
	for _, y := range asReported {
		at(y.Year).AsReported = y.Total(method)
	}
	for _, y := range restated {
		at(y.Year).Restated = y.Total(method)
	}
	out := make([]Restatement, 0, len(years))
	slices.Sort(years)
	for _, y := range years {
		r := *byYear[y]
		r.Difference = r.Restated - r.AsReported
		out = append(out, r)
	}
	return out
}
