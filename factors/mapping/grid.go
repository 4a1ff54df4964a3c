package mapping

import (
	"fmt"
	"sort"
	"strings"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/factors/datasets"
)

// Grid electricity outside the national datasets: Ember's lifecycle intensity of each country's
// generation, split into the direct (combustion) part, which goes to Scope 2, and the rest of
// the lifecycle, which goes to Scope 3 category 3.
//
// The split is the method the OWID folder's SOURCE.md gives: the direct share of a country's
// year is Σ TWh_i × direct_i / Σ TWh_i × lifecycle_i over its generation sources i (OWID's
// generation by source) with the per-technology direct and lifecycle intensities of IPCC AR5
// WGIII Annex III (the table in that SOURCE.md); Scope 2 = lifecycle × share, category 3 =
// lifecycle × (1 − share). Scaling Ember's own lifecycle value keeps the two parts summing to
// what Ember publishes. A year without a published mix takes the latest earlier mix, with a
// note; without any, the factor keeps its lifecycle value in Scope 2 and is flagged
// (lifecycle_in_scope2), which every run that uses it warns of.

// The OWID files, under the sources folder.
const (
	owidIntensityFile = "owid-electricity-carbon-intensity-mix/carbon-intensity-electricity.csv"
	owidMixFile       = "owid-electricity-carbon-intensity-mix/electricity-prod-source-stacked.csv"
	owidSourceFile    = "owid-electricity-carbon-intensity-mix/SOURCE.md"
)

const (
	owidDataset = "Our World in Data, carbon intensity of electricity (Ember)"
	owidVersion = "grapher downloads: intensity Dec 2025 (to 2024), generation mix Dec 2024 (to 2023)"
	owidLicense = "CC BY 4.0 (Our World in Data); the Ember data under it on Ember's terms"
	// gridFirstYear is the first year shipped as a vintage (the folder's own join starts there).
	gridFirstYear = 2010
	attribution   = "Attribution: Ember (2025); Energy Institute – Statistical Review of World Energy (2024) – with major processing by Our World in Data."
)

// techOf is the technology row of SOURCE.md's table for each OWID generation source. OWID's
// "other renewables excluding bioenergy" is mostly geothermal (with tidal and wave).
var techOf = map[string]string{
	datasets.SourceCoal: "coal", datasets.SourceGas: "gas", datasets.SourceOil: "oil", datasets.SourceNuclear: "nuclear",
	datasets.SourceHydro: "hydro", datasets.SourceWind: "wind", datasets.SourceSolar: "solar",
	datasets.SourceBioenergy: "biomass", datasets.SourceOtherRenewable: "geothermal",
}

// owidEntity is the OWID entity of an Ember key: the country of an alpha-3 code, or the
// aggregate of the same extent.
func (s *sources) owidEntity(key string) (string, error) {
	switch key {
	case "EU":
		return "European Union (27)", nil
	case "Europe", "World":
		return key, nil
	}
	if name, ok := s.owid.Entities[key]; ok {
		return name, nil
	}
	return "", fmt.Errorf("%s: no entity with code %q", s.owid.IntensityPath, key)
}

// gridSplit is a lifecycle intensity split into its Scope 2 and category 3 parts.
type gridSplit struct {
	value, upstream   float64 // kg/kWh
	derivation, notes string
	lifecycleInScope2 bool
}

// splitLifecycle splits lifecycle g/kWh of entity's year with the latest generation mix of
// that year or before.
func splitLifecycle(s *sources, entity string, year int, lifecycle float64) (gridSplit, error) {
	mix, ok := latestMix(s.owid.Mix[entity], year)
	if !ok {
		return gridSplit{value: lifecycle / gPerKg, lifecycleInScope2: true,
			derivation: fmt.Sprintf("value = %s g/kWh ÷ 1000 (lifecycle: %s has no generation mix for %d or before in %s)", fmtNum(lifecycle), entity, year, owidMixFile),
			notes:      "Lifecycle intensity in Scope 2: no published generation mix to split off the upstream part, so Scope 2 is overstated by it and category 3 gets none."}, nil
	}
	var direct, life float64
	var dTerms, lTerms []string
	for _, src := range datasets.GenerationSources {
		twh := mix.TWh[src]
		if twh == 0 {
			continue
		}
		t, ok := s.tech[techOf[src]]
		if !ok {
			return gridSplit{}, fmt.Errorf("%s: no technology %q in the direct vs lifecycle table", owidSourceFile, techOf[src])
		}
		direct += twh * t.Direct
		life += twh * t.Lifecycle
		if t.Direct != 0 {
			dTerms = append(dTerms, fmt.Sprintf("%s %s×%s", src, fmtNum(twh), fmtNum(t.Direct)))
		}
		lTerms = append(lTerms, fmt.Sprintf("%s %s×%s", src, fmtNum(twh), fmtNum(t.Lifecycle)))
	}
	if life <= 0 {
		return gridSplit{}, fmt.Errorf("%s:%d: %s %d generates nothing", owidMixFile, mix.Line, entity, mix.Year)
	}
	share := direct / life
	if len(dTerms) == 0 {
		dTerms = []string{"0"}
	}
	g := gridSplit{value: lifecycle * share / gPerKg, upstream: lifecycle * (1 - share) / gPerKg}
	g.derivation = fmt.Sprintf("direct share %s = Σ TWh × direct / Σ TWh × lifecycle of %s %d (%s line %d; per-technology g/kWh: %s table) = (%s) / (%s) = %s / %s; "+
		"value = %s g/kWh × %s ÷ 1000; upstream = %s g/kWh × (1 − %s) ÷ 1000",
		fmtNum(share), entity, mix.Year, owidMixFile, mix.Line, owidSourceFile, strings.Join(dTerms, " + "), strings.Join(lTerms, " + "), fmtNum(direct), fmtNum(life),
		fmtNum(lifecycle), fmtNum(share), fmtNum(lifecycle), fmtNum(share))
	g.notes = "Ember's lifecycle intensity of generation (production mix, imports excluded). Scope 2 takes its direct (combustion) share, " +
		"estimated from the generation mix × per-technology direct and lifecycle intensities; category 3 takes the rest of the lifecycle. " +
		"T&D losses are not in the source: neither part holds them. The estimate ignores imports, CHP heat allocation and plant efficiencies. " +
		"Per-technology figures: IPCC AR5 WGIII Annex III Table A.III.2 medians as quoted by electricitymaps-contrib config/defaults.yaml (oil: direct EIA 2020/BEIS 2021, lifecycle UK POST 2014, not IPCC; " +
		"bioenergy direct 0, its CO2 being biogenic; other renewables taken as geothermal)."
	if mix.Year != year {
		g.notes += fmt.Sprintf(" No generation mix published for %d: the latest, %d, splits it.", year, mix.Year)
	}
	return g, nil
}

// latestMix is the mix of year, else of the latest year before it.
func latestMix(byYear map[int]datasets.OWIDMix, year int) (datasets.OWIDMix, bool) {
	best, ok := datasets.OWIDMix{}, false
	for y, m := range byYear {
		if y <= year && (!ok || y > best.Year) {
			best, ok = m, true
		}
	}
	return best, ok
}

// apply puts the split into f.
func (g gridSplit) apply(f *factors.Factor) {
	f.Value, f.Upstream, f.LifecycleInScope2 = g.value, g.upstream, g.lifecycleInScope2
	f.Derivation = g.derivation
	f.Notes = strings.TrimSpace(g.notes + " " + f.Notes + " " + gridGWPNote)
}

// owidRef is one country-year of OWID's intensity file: a past vintage of an Ember factor.
type owidRef struct {
	key, region string
	year        int
}

func (r owidRef) resolve(s *sources, e entry) (factors.Factor, error) {
	entity, err := s.owidEntity(r.key)
	if err != nil {
		return factors.Factor{}, err
	}
	x, ok := s.owid.Intensity[entity][r.year]
	if !ok {
		return factors.Factor{}, fmt.Errorf("%s: no row for %s %d", owidIntensityFile, entity, r.year)
	}
	if e.Unit != "kWh" {
		return factors.Factor{}, fmt.Errorf("entry %s: OWID intensities are per kWh, the table says %q", e.ID, e.Unit)
	}
	g, err := splitLifecycle(s, entity, r.year, x.GPerKWh)
	if err != nil {
		return factors.Factor{}, err
	}
	f := factors.Factor{Region: r.region, Year: r.year, DataYear: r.year,
		Source:  fmt.Sprintf("Our World in Data grapher carbon-intensity-electricity (Ember), %s line %d (%s, %d): %s gCO2e/kWh lifecycle", owidIntensityFile, x.Line, entity, r.year, fmtNum(x.GPerKWh)),
		Dataset: owidDataset, Version: owidVersion, SourceID: fmt.Sprintf("%s %d", entity, r.year), License: owidLicense,
		Notes: attribution}
	g.apply(&f)
	return f, nil
}

// gridVintages are the past vintages of every Ember factor of the table: one per year of
// OWID's intensity file from gridFirstYear to the year before the Ember value's own.
func gridVintages(s *sources, t []entry) ([]entry, error) {
	var out []entry
	for _, e := range t {
		r, ok := e.From.(emberRef)
		if !ok {
			continue
		}
		x, err := s.ember.Entry(r.key)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.ID, err)
		}
		entity, err := s.owidEntity(r.key)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.ID, err)
		}
		var years []int
		for y := range s.owid.Intensity[entity] {
			if y >= gridFirstYear && y < x.Year {
				years = append(years, y)
			}
		}
		sort.Ints(years)
		for _, y := range years {
			v := e
			v.From = owidRef{key: r.key, region: r.region, year: y}
			out = append(out, v)
		}
	}
	return out, nil
}

// gridGWPNote says why a grid intensity from Ember or OWID states no GWP basis.
const gridGWPNote = "GWP basis: Ember states CO2e over 100 years (GWP100) for all gases but not which IPCC set; the value is shown as resting on no stated basis."
