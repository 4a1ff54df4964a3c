package emissions

import (
	"fmt"

	"github.com/footprint/footprint/factors"
)

// DefaultFreshnessYears is how many years a factor's vintage may be older than the activity
// year before a warning says so (config freshness_years).
const DefaultFreshnessYears = 3

// Vintage is the year a factor's data describes: the year its vintage applies from, else the
// reference year its source states; 0 when neither is known (a custom factor without a year).
func Vintage(f factors.Factor) int {
	if f.Year != 0 {
		return f.Year
	}
	return f.DataYear
}

// checkFreshness warns, once per factor and activity year, when the factor's vintage is more
// than Options.FreshnessYears older than the activity (0 turns the check off). The warning
// points at the first row that used it: every row of that factor and year shares the cause.
func (c *Calculator) checkFreshness(a *Activity, f *factors.Factor) {
	n := c.opts.FreshnessYears
	v := f.Year // Vintage(f), without copying the factor
	if v == 0 {
		v = f.DataYear
	}
	if n <= 0 || v == 0 || a.Year-v <= n {
		return
	}
	c.warnOnce(fmt.Sprintf("freshness/%s/%d", f.ID, a.Year), Problem{File: a.Place.File, Sheet: a.Place.Sheet, Cell: a.ActivityCell.String(), Cause: "factor-freshness",
		Message: fmt.Sprintf("factor %s dates from %d, %d years before the %d activity data it computes (freshness_years: %d); this is its first %d row: look for a newer vintage (`footprint factors show %s`) or give one in config factors.custom",
			f.ID, v, a.Year-v, a.Year, n, a.Year, f.ID)})
}
