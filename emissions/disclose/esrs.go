package disclose

import (
	"path"
	"strings"

	"github.com/footprint/footprint/emissions"
)

// ESRSFlags say which lines the ESRS E1-6 disclosures single out (config esrs): globs over
// activity ids (path.Match syntax, case-insensitive) and site names.
type ESRSFlags struct {
	// ETSSites and ETSActivities: Scope 1 of these sites or activities is under a regulated
	// emission trading scheme (EU ETS), E1-6 §48 (b).
	ETSSites, ETSActivities []string
	// CloudActivities: the Category 1 activities that are cloud computing and data centre
	// services, the optional sub-row of Category 1 in AR 48.
	CloudActivities []string
}

// ESRSYear holds one year's figures of E1-6 beyond the scopes' totals, consolidated like the
// inventory (lines outside the consolidation are left out), tCO2e.
type ESRSYear struct {
	Year int
	// Scope1ETS is the Scope 1 from sites or activities under an emission trading scheme.
	Scope1ETS float64
	// Cloud is the Category 1 emissions of cloud computing and data centre services.
	Cloud float64
	// BiogenicByScope is biogenic CO2 (tCO2) by the scope of the line that carries it (1–3),
	// AR 43 (c), AR 45 (e), AR 46 (j).
	BiogenicByScope [4]float64
	// Scope3ByDataType splits Scope 3 by the DataType column ("" for not stated), AR 46.
	Scope3ByDataType map[string]float64
}

// ESRSFigures sums the lines per year into the E1-6 figures that flags select.
func ESRSFigures(lines []emissions.Line, flags ESRSFlags) map[int]*ESRSYear {
	out := map[int]*ESRSYear{}
	for i := range lines {
		l := &lines[i]
		if l.Part == emissions.PartAvoided || l.Outside() {
			continue
		}
		y := out[l.Year]
		if y == nil {
			y = &ESRSYear{Year: l.Year, Scope3ByDataType: map[string]float64{}}
			out[l.Year] = y
		}
		if l.Scope >= 1 && l.Scope <= 3 && (l.Scope != 2 || l.Method != emissions.MethodMarket) {
			// Biogenic CO2 is on the location-based lines of electricity; market-based lines carry none.
			y.BiogenicByScope[l.Scope] += l.BiogenicCO2
		}
		switch l.Scope {
		case 1:
			if matchAny(flags.ETSSites, l.Site) || matchAny(flags.ETSActivities, l.Activity) {
				y.Scope1ETS += l.TCO2e
			}
		case 3:
			y.Scope3ByDataType[l.DataType] += l.TCO2e
			if l.Category == 1 && matchAny(flags.CloudActivities, l.Activity) {
				y.Cloud += l.TCO2e
			}
		}
	}
	return out
}

// matchAny reports whether any glob matches s, ignoring case.
func matchAny(globs []string, s string) bool {
	s = strings.ToLower(s)
	for _, g := range globs {
		if ok, _ := path.Match(strings.ToLower(g), s); ok {
			return true
		}
	}
	return false
}
