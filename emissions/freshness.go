package emissions

import (
	"fmt"
	"sort"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/lang"
)

// DefaultFreshnessYears is how many years a factor's vintage may be older than the activity
// year before a warning says so (config freshness_years).
const DefaultFreshnessYears = 3

// CauseAnachronism is the warning of a factor whose data is for a year after the activity it
// computes (a 2025 grid factor applied to 2019 consumption).
const CauseAnachronism = "factor-anachronism"

// Vintage is the year a factor's data describes: the year its vintage applies from, else the
// reference year its source states; 0 when neither is known (a custom factor without a year).
func Vintage(f factors.Factor) int {
	if f.Year != 0 {
		return f.Year
	}
	return f.DataYear
}

// DataYear is the year a factor's data is for: its data year, else the year its vintage
// applies from; 0 when neither is known.
func DataYear(f *factors.Factor) int {
	if f.DataYear != 0 {
		return f.DataYear
	}
	return f.Year
}

// checkFreshness warns, once per factor and activity year, when the factor's data is for a
// later year than the activity (always), or when its vintage is more than
// Options.FreshnessYears older than the activity (0 turns that check off). The warning points
// at the first row that used it: every row of that factor and year shares the cause. It
// reports whether the factor is anachronistic, which says the earliest-vintage fallback too.
func (c *Calculator) checkFreshness(a *Activity, f *factors.Factor, pick factors.Pick) bool {
	k := factorYear{f.ID, a.Year}
	if anachronism, checked := c.cur.fresh[k]; checked {
		return anachronism
	}
	anachronism := c.freshness(a, f, pick)
	c.cur.fresh[k] = anachronism
	return anachronism
}

// factorYear is a factor applied to one activity year.
type factorYear struct {
	id   string
	year int
}

// freshness is checkFreshness's check, for the first row of a factor and year.
func (c *Calculator) freshness(a *Activity, f *factors.Factor, pick factors.Pick) bool {
	l := c.opts.Lang
	if dy := DataYear(f); dy > a.Year {
		msg := l.T("factor %s rests on %v data, after the %v activity it computes; this is its first %v row. Give a vintage of that year in config factors.custom (`footprint factors show %s` lists the vintages), or say in the report why the later data stands",
			f.ID, lang.Year(dy), lang.Year(a.Year), lang.Year(a.Year), f.ID)
		if pick == factors.PickEarliest {
			msg = l.T("factor %s rests on %v data, after the %v activity it computes (it has no vintage for %v or earlier; its earliest, %v, is used); this is its first %v row. Give a vintage of that year in config factors.custom (`footprint factors show %s` lists the vintages), or say in the report why the later data stands",
				f.ID, lang.Year(dy), lang.Year(a.Year), lang.Year(a.Year), lang.Year(f.Year), lang.Year(a.Year), f.ID)
		}
		c.warnOnce(fmt.Sprintf("anachronism/%s/%d", f.ID, a.Year), Problem{File: a.Place.File, Sheet: a.Place.Sheet, Cell: a.ActivityCell.String(), Cause: CauseAnachronism,
			Message: msg})
		return true
	}
	n := c.opts.FreshnessYears
	v := f.Year // Vintage(f), without copying the factor
	if v == 0 {
		v = f.DataYear
	}
	if n <= 0 || v == 0 || a.Year-v <= n {
		return false
	}
	c.warnOnce(fmt.Sprintf("freshness/%s/%d", f.ID, a.Year), Problem{File: a.Place.File, Sheet: a.Place.Sheet, Cell: a.ActivityCell.String(), Cause: "factor-freshness",
		Message: l.T("factor %s dates from %v, %v years before the %v activity data it computes (freshness_years: %v); this is its first %v row: look for a newer vintage (`footprint factors show %s`) or give one in config factors.custom",
			f.ID, lang.Year(v), lang.Plain(a.Year-v), lang.Year(a.Year), lang.Plain(n), lang.Year(a.Year), f.ID)})
	return false
}

// Anachronism is a factor applied to a year before its data year, and the tCO2e of that
// year's total that rests on it.
type Anachronism struct {
	FactorID string
	DataYear int
	TCO2e    float64
}

// Anachronisms returns the factors of lib applied to year although their data is for a later
// year, each with the tCO2e of the year's total under method (MethodLocation or market) that
// rests on it, largest first. Lines without a factor of lib (already-computed rows, residual
// mixes, instruments) rest on none.
func Anachronisms(lines []Line, lib *factors.Library, year int, method string) []Anachronism {
	at := map[string]int{}
	var out []Anachronism
	for _, l := range lines {
		if l.Year != year || l.FactorID == "" || l.Part == PartAvoided || l.Outside() || l.Scope < 1 || l.Scope > 3 {
			continue
		}
		if method == MethodLocation && !l.InLocation() || method != MethodLocation && !l.InMarket() {
			continue
		}
		f, _, ok := lib.Lookup(l.FactorID, year)
		if !ok || DataYear(&f) <= year {
			continue
		}
		i, seen := at[f.ID]
		if !seen {
			i = len(out)
			at[f.ID] = i
			out = append(out, Anachronism{FactorID: f.ID, DataYear: DataYear(&f)})
		}
		out[i].TCO2e += l.TCO2e
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].TCO2e != out[j].TCO2e {
			return out[i].TCO2e > out[j].TCO2e
		}
		return out[i].FactorID < out[j].FactorID
	})
	return out
}
