package config

import (
	"fmt"
	"math"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"

	"github.com/footprint/footprint/lang"
)

// EnergyConf holds what ESRS E1-5 needs beyond the factors: the supply mix of purchased
// electricity and heat per year, each with its source. Without an electricity mix, grid
// electricity takes the published generation mix of its site's country (country.go):
//
//	energy:
//	  electricity_mix:
//	    - {year: 2024, fossil_pct: 4, nuclear_pct: 68, renewable_pct: 28, source: "…"}   # optional site
//	  heat_mix: []
//	  high_climate_impact: {poles: [ASSEMBLY, RE-CYCLE], sites: []}
//
// high_climate_impact selects the activities in high climate impact sectors (NACE sections A
// to H and L), whose energy alone counts in energy intensity (ESRS E1 §40–41); absent, every
// activity is. When it selects, revenue must give those activities' net revenue.
type EnergyConf struct {
	ElectricityMix    []MixConf      `yaml:"electricity_mix" mapstructure:"electricity_mix"`
	HeatMix           []MixConf      `yaml:"heat_mix" mapstructure:"heat_mix"`
	HighClimateImpact HighImpactConf `yaml:"high_climate_impact" mapstructure:"high_climate_impact"`
}

// HighImpactConf lists the poles and sites of energy.high_climate_impact.
type HighImpactConf struct {
	Poles []string `yaml:"poles" mapstructure:"poles"`
	Sites []string `yaml:"sites" mapstructure:"sites"`
}

type MixConf struct {
	Year         int      `yaml:"year" mapstructure:"year"`
	Site         string   `yaml:"site" mapstructure:"site"`
	FossilPct    *float64 `yaml:"fossil_pct" mapstructure:"fossil_pct"`
	NuclearPct   *float64 `yaml:"nuclear_pct" mapstructure:"nuclear_pct"`
	RenewablePct *float64 `yaml:"renewable_pct" mapstructure:"renewable_pct"`
	Source       string   `yaml:"source" mapstructure:"source"`
}

// RevenueConf is the net revenue of a year in EUR (IFRS 15 or local GAAP) from the activities
// in high climate impact sectors, the denominator of energy intensity (ESRS E1 §40–43):
//
//	revenue: [{year: 2024, value_eur: 120000000}]
type RevenueConf struct {
	Year     int      `yaml:"year" mapstructure:"year"`
	ValueEUR *float64 `yaml:"value_eur" mapstructure:"value_eur"`
}

func (c *Config) validateEnergy(bad func(key, format string, args ...any)) {
	for _, list := range []struct {
		key   string
		mixes []MixConf
	}{{"energy.electricity_mix", c.Energy.ElectricityMix}, {"energy.heat_mix", c.Energy.HeatMix}} {
		seen := map[string]bool{}
		for i, m := range list.mixes {
			key := fmt.Sprintf("%s[%d]", list.key, i)
			if m.Year < emissions.MinYear || m.Year > emissions.MaxYear {
				bad(key+".year", lang.Key("%d is outside %d–%d"), m.Year, emissions.MinYear, emissions.MaxYear)
			}
			id := fmt.Sprintf("%d|%s", m.Year, strings.ToLower(m.Site))
			if seen[id] {
				bad(key+".year", lang.Key("%d is given twice for site %q"), m.Year, m.Site)
			}
			seen[id] = true
			sum := 0.0
			for _, p := range []struct {
				name string
				v    *float64
			}{{"fossil_pct", m.FossilPct}, {"nuclear_pct", m.NuclearPct}, {"renewable_pct", m.RenewablePct}} {
				switch {
				case p.v == nil:
					bad(key+"."+p.name, lang.Key("missing: give the three shares (0 for none)"))
				case !(*p.v >= 0 && *p.v <= 100):
					bad(key+"."+p.name, lang.Key("%v: want a percentage from 0 to 100"), *p.v)
				default:
					sum += *p.v
				}
			}
			if m.FossilPct != nil && m.NuclearPct != nil && m.RenewablePct != nil && math.Abs(sum-100) > 0.01 {
				bad(key, lang.Key("fossil_pct + nuclear_pct + renewable_pct = %v, want 100"), sum)
			}
			if strings.TrimSpace(m.Source) == "" {
				bad(key+".source", lang.Key("missing: say where the mix comes from (supplier disclosure, national statistics …)"))
			}
		}
	}
	hi := c.Energy.HighClimateImpact
	for _, l := range []struct {
		key   string
		names []string
	}{{"energy.high_climate_impact.poles", hi.Poles}, {"energy.high_climate_impact.sites", hi.Sites}} {
		seen := map[string]bool{}
		for i, n := range l.names {
			switch k := strings.ToLower(strings.TrimSpace(n)); {
			case k == "":
				bad(fmt.Sprintf("%s[%d]", l.key, i), lang.Key("blank: name a pole or site as the workbooks write it"))
			case seen[k]:
				bad(fmt.Sprintf("%s[%d]", l.key, i), lang.Key("%q is listed twice"), n)
			default:
				seen[k] = true
			}
		}
	}
	if (len(hi.Poles) > 0 || len(hi.Sites) > 0) && len(c.Revenue) == 0 {
		bad("energy.high_climate_impact", lang.Key("it leaves some activities out of energy intensity (ESRS E1 §41): give `revenue`, the net revenue from the activities it keeps, per year in EUR (the net revenue of ESRS E1-6 is the whole undertaking's)"))
	}
	years := map[int]bool{}
	for i, r := range c.Revenue {
		key := fmt.Sprintf("revenue[%d]", i)
		switch {
		case r.Year < emissions.MinYear || r.Year > emissions.MaxYear:
			bad(key+".year", lang.Key("%d is outside %d–%d"), r.Year, emissions.MinYear, emissions.MaxYear)
		case years[r.Year]:
			bad(key+".year", lang.Key("%d is given twice"), r.Year)
		case r.ValueEUR == nil:
			bad(key+".value_eur", lang.Key("missing: give the net revenue of %d in EUR"), r.Year)
		case !(*r.ValueEUR > 0) || math.IsInf(*r.ValueEUR, 0):
			bad(key+".value_eur", lang.Key("%v: want a net revenue above 0"), *r.ValueEUR)
		}
		years[r.Year] = true
	}
}

// EnergyOptions returns the E1-5 settings in the form the calculation takes.
func (c *Config) EnergyOptions(lib *factors.Library) emissions.EnergyOptions {
	conv := func(ms []MixConf) []emissions.Mix {
		out := make([]emissions.Mix, 0, len(ms))
		for _, m := range ms {
			if m.FossilPct != nil && m.NuclearPct != nil && m.RenewablePct != nil {
				out = append(out, emissions.Mix{Year: m.Year, Site: m.Site, FossilPct: *m.FossilPct, NuclearPct: *m.NuclearPct, RenewablePct: *m.RenewablePct, Source: m.Source})
			}
		}
		return out
	}
	rev := map[int]float64{}
	for _, r := range c.Revenue {
		if r.ValueEUR != nil {
			rev[r.Year] = *r.ValueEUR
		}
	}
	if nr := c.NetRevenue(); len(rev) == 0 && nr != nil {
		// the net revenue of ESRS E1-6 §53 (an intensity entry), in EUR
		if scale, ok := eurScale(nr.Unit); ok {
			for _, v := range nr.Values {
				if v.Value != nil {
					rev[v.Year] = *v.Value * scale
				}
			}
		}
	}
	hi := emissions.HighImpact{}
	for _, p := range c.Energy.HighClimateImpact.Poles {
		hi.Poles = append(hi.Poles, strings.TrimSpace(p))
	}
	for _, s := range c.Energy.HighClimateImpact.Sites {
		hi.Sites = append(hi.Sites, strings.TrimSpace(s))
	}
	country, sites := c.Countries()
	return emissions.EnergyOptions{Library: lib, ElectricityMix: conv(c.Energy.ElectricityMix), HeatMix: conv(c.Energy.HeatMix), Revenue: rev, HighImpact: hi,
		Country: country, SiteCountries: sites, Lang: c.Lang()}
}

// eurScale is how many EUR one unit of a revenue figure is: EUR, k EUR, M EUR or bn EUR (€
// for EUR), spaces and case aside.
func eurScale(unit string) (float64, bool) {
	u := strings.ToLower(strings.ReplaceAll(unit, " ", ""))
	u = strings.ReplaceAll(u, "€", "eur")
	switch u {
	case "eur":
		return 1, true
	case "keur":
		return 1e3, true
	case "meur", "millioneur", "mioeur":
		return 1e6, true
	case "bneur", "billioneur", "mrdeur":
		return 1e9, true
	}
	return 0, false
}
