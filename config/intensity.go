package config

import (
	"fmt"
	"math"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/analysis"
	"github.com/footprint/footprint/emissions/plan"

	"github.com/footprint/footprint/lang"
)

// IntensityConf is a denominator of emission intensity (docs/configuration.md#intensity):
//
//	intensity:
//	  - name: per_vehicle          # the key in calc --json years[].intensity
//	    unit: vehicle              # what one unit of the denominator is
//	    values: [{year: 2024, value: 45000}]
//
// Years without a value have no intensity (not 0).
type IntensityConf struct {
	Name   string           `yaml:"name" mapstructure:"name"`
	Unit   string           `yaml:"unit" mapstructure:"unit"`
	Values []IntensityValue `yaml:"values" mapstructure:"values"`
	// NetRevenue marks the entry that is the net revenue, for the GHG intensity of ESRS E1-6
	// §53 (location- and market-based); Basis says what the figures are (esrs.go).
	NetRevenue bool   `yaml:"net_revenue" mapstructure:"net_revenue"`
	Basis      string `yaml:"basis" mapstructure:"basis"`
}

type IntensityValue struct {
	Year  int      `yaml:"year" mapstructure:"year"`
	Value *float64 `yaml:"value" mapstructure:"value"`
}

// validateIntensity checks the intensity list and freshness_years.
func (c *Config) validateIntensity(bad func(key, format string, args ...any)) {
	if c.FreshnessYears < 1 {
		bad("freshness_years", lang.Key("%d: want a number of years ≥ 1 (default %d); a large number turns the warning off"), c.FreshnessYears, emissions.DefaultFreshnessYears)
	}
	names := map[string]bool{}
	for i, d := range c.Intensity {
		key := fmt.Sprintf("intensity[%d]", i)
		switch {
		case strings.TrimSpace(d.Name) == "":
			bad(key+".name", lang.Key("missing: give the name intensities are reported under (e.g. per_vehicle)"))
		case names[d.Name]:
			bad(key+".name", lang.Key("%q is already the name of another intensity"), d.Name)
		}
		names[d.Name] = true
		if d.NetRevenue && c.NetRevenue() != &c.Intensity[i] {
			bad(key+".net_revenue", lang.Key("only one intensity entry may be the net revenue"))
		}
		if d.NetRevenue && strings.TrimSpace(d.Basis) == "" {
			bad(key+".basis", lang.Key("missing: state the basis of the net revenue (ESRS E1 §55: the line of the financial statements it reconciles to)"))
		}
		if strings.TrimSpace(d.Unit) == "" {
			bad(key+".unit", lang.Key("missing: say what one unit of the denominator is (vehicle, employee, M€ …)"))
		}
		if len(d.Values) == 0 {
			bad(key+".values", lang.Key("missing: give {year, value} for the years you know"))
		}
		years := map[int]bool{}
		for j, v := range d.Values {
			vkey := fmt.Sprintf("%s.values[%d]", key, j)
			switch {
			case v.Year < emissions.MinYear || v.Year > emissions.MaxYear:
				bad(vkey+".year", lang.Key("%d is outside %d–%d"), v.Year, emissions.MinYear, emissions.MaxYear)
			case years[v.Year]:
				bad(vkey+".year", lang.Key("%d is given twice for %s"), v.Year, d.Name)
			case v.Value == nil:
				bad(vkey+".value", lang.Key("missing: give the %s of %d"), d.Unit, v.Year)
			case !(*v.Value > 0) || math.IsInf(*v.Value, 0):
				bad(vkey+".value", lang.Key("%v: an intensity denominator must be a number above 0; leave out years you do not know"), *v.Value)
			}
			years[v.Year] = true
		}
	}
}

// validateIntensityTarget checks a trajectory target that names an intensity: a linear
// reduction of tCO2e per unit of that denominator, over its own scopes (which may overlap the
// absolute targets': it is not part of the trajectory's boundary).
func (c *Config) validateIntensityTarget(key string, tg TargetConf, bad func(key, format string, args ...any)) {
	found := false
	for _, d := range c.Intensity {
		found = found || d.Name == tg.Intensity
	}
	if !found {
		bad(key+".intensity", lang.Key("%q is not the name of an entry of intensity"), tg.Intensity)
	}
	if len(tg.Scopes) == 0 {
		bad(key+".scopes", lang.Key("missing: list the scopes the intensity target covers, e.g. [1, 2]"))
	}
	for _, s := range tg.Scopes {
		if s < 1 || s > 3 {
			bad(key+".scopes", lang.Key("scope %d: want 1, 2 or 3"), s)
		}
	}
	if p := plan.Pathway(tg.Pathway); p != "" && p != plan.PathwayLinear {
		bad(key+".pathway", lang.Key("%q: an intensity target is linear (the SBTi rates are for absolute contraction)"), tg.Pathway)
	}
	if tg.ReductionPct == nil || *tg.ReductionPct <= 0 || *tg.ReductionPct > 100 {
		bad(key+".reduction_pct", lang.Key("an intensity target needs a reduction at the target year above 0 and at most 100 (%%)"))
	}
}

// Denominators returns the intensity list in the form emissions takes.
func (c *Config) Denominators() []analysis.Denominator {
	out := make([]analysis.Denominator, 0, len(c.Intensity))
	for _, d := range c.Intensity {
		vs := map[int]float64{}
		for _, v := range d.Values {
			if v.Value != nil {
				vs[v.Year] = *v.Value
			}
		}
		out = append(out, analysis.Denominator{Name: d.Name, Unit: d.Unit, Values: vs})
	}
	return out
}

// IntensityTargets returns the trajectory targets that name an intensity.
func (c *Config) IntensityTargets() []analysis.IntensityTarget {
	var out []analysis.IntensityTarget
	for _, tg := range c.Trajectory.Targets {
		if tg.Intensity == "" {
			continue
		}
		r := 0.0
		if tg.ReductionPct != nil {
			r = *tg.ReductionPct
		}
		out = append(out, analysis.IntensityTarget{Name: tg.Name, Intensity: tg.Intensity, Scopes: tg.Scopes, ReductionPct: r})
	}
	return out
}
