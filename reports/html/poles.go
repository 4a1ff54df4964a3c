package html

import (
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// maxPoles is how many poles the report shows one by one, one colour each; the others are
// summed in one entry, so that a workbook of thousands of poles gives a page and charts of
// the same size as one of a dozen. calc --json and the Excel export list every pole.
var maxPoles = len(poleColors)

// maxSites is how many sites the table by site lists one by one.
const maxSites = 30

// maxPoleActivities is how many activities of a pole the treemap and the table by pole and
// activity show one by one.
const maxPoleActivities = 15

// colorOthers is the colour of the entry that sums the poles not shown one by one.
const colorOthers = "#9a9a9a"

// poleList is the poles of the report, largest first over all years: those shown one by one
// and the others, summed in one entry.
type poleList struct {
	shown, others []string
	lang          lang.Lang // of the labels
}

func listPoles(l lang.Lang, years []emissions.YearTotals) poleList {
	order := poleOrder(years)
	if len(order) <= maxPoles {
		return poleList{shown: order, lang: l}
	}
	return poleList{shown: order[:maxPoles], others: order[maxPoles:], lang: l}
}

// label is pole p as the page names it: the rows without a pole in the page's language.
func (pl poleList) label(p string) string { return reports.AssignedIn(pl.lang, p) }

// othersLabel names the entry of the other poles.
func (pl poleList) othersLabel() string { return pl.lang.T("%d other poles", len(pl.others)) }

// othersIn is the sum of the other poles in a breakdown, and whether any of them is there.
func (pl poleList) othersIn(byPole map[string]float64) (float64, bool) {
	sum, found := 0.0, false
	for _, p := range pl.others {
		if v, ok := byPole[p]; ok {
			sum += v
			found = true
		}
	}
	return sum, found
}

// note says that the poles are capped, or nothing when every pole is shown.
func (pl poleList) note() []string {
	if len(pl.others) == 0 {
		return nil
	}
	return []string{pl.lang.T("The %d poles with the largest emissions over all years are shown one by one; the %d others are summed as “%s”. The Breakdown sheet of the Excel export lists every pole.",
		len(pl.shown), len(pl.others), pl.othersLabel())}
}
