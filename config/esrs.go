package config

import (
	"fmt"
	"path"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/analysis"
	"github.com/footprint/footprint/emissions/disclose"

	"github.com/footprint/footprint/lang"
)

// ESRSConf holds what the ESRS E1-6 disclosure needs beyond the inventory (docs/configuration.md#esrs):
//
//	esrs:
//	  ets:                              # Scope 1 under a regulated emission trading scheme (E1-6 §48 (b))
//	    sites: [Flins]                  # globs over site names
//	    activities: ["fr.natural-gas*"] # globs over activity ids
//	  cloud_activities: ["*cloud*"]     # Category 1 activities that are cloud computing and data centre services (AR 48)
//	  scope3:                           # which Scope 3 categories are in the inventory (AR 46)
//	    included: [{category: 1, reason: "…"}]
//	    excluded: [{category: 8, reason: "no leased assets"}]
//
// A category with data is included whether listed or not; a category listed as excluded
// must give its reason.
type ESRSConf struct {
	ETS             ETSConf    `yaml:"ets" mapstructure:"ets"`
	CloudActivities []string   `yaml:"cloud_activities" mapstructure:"cloud_activities"`
	Scope3          Scope3Conf `yaml:"scope3" mapstructure:"scope3"`
}

type ETSConf struct {
	Sites      []string `yaml:"sites" mapstructure:"sites"`
	Activities []string `yaml:"activities" mapstructure:"activities"`
}

type Scope3Conf struct {
	Included []CategoryReason `yaml:"included" mapstructure:"included"`
	Excluded []CategoryReason `yaml:"excluded" mapstructure:"excluded"`
}

type CategoryReason struct {
	Category int    `yaml:"category" mapstructure:"category"`
	Reason   string `yaml:"reason" mapstructure:"reason"`
}

func (c *Config) validateESRS(bad func(key, format string, args ...any)) {
	e := c.ESRS
	globs := func(key string, gs []string) {
		for i, g := range gs {
			if _, err := path.Match(g, ""); err != nil || strings.TrimSpace(g) == "" {
				bad(fmt.Sprintf("%s[%d]", key, i), lang.Key("%q is not a valid glob"), g)
			}
		}
	}
	globs("esrs.ets.sites", e.ETS.Sites)
	globs("esrs.ets.activities", e.ETS.Activities)
	globs("esrs.cloud_activities", e.CloudActivities)
	listed := map[int]string{}
	for _, l := range []struct {
		key  string
		list []CategoryReason
	}{{"esrs.scope3.included", e.Scope3.Included}, {"esrs.scope3.excluded", e.Scope3.Excluded}} {
		for i, cr := range l.list {
			key := fmt.Sprintf("%s[%d]", l.key, i)
			switch {
			case cr.Category < 1 || cr.Category > 15:
				bad(key+".category", lang.Key("%d: want a Scope 3 category from 1 to 15"), cr.Category)
			case listed[cr.Category] != "":
				bad(key+".category", lang.Key("category %d is already listed at %s"), cr.Category, listed[cr.Category])
			default:
				listed[cr.Category] = key
			}
			if l.key == "esrs.scope3.excluded" && strings.TrimSpace(cr.Reason) == "" {
				bad(key+".reason", lang.Key("missing: ESRS E1 AR 46 asks for the justification of each excluded Scope 3 category"))
			}
		}
	}
}

// ESRSFlags returns the lines ESRS E1-6 singles out, in the form emissions takes.
func (c *Config) ESRSFlags() disclose.ESRSFlags {
	return disclose.ESRSFlags{ETSSites: c.ESRS.ETS.Sites, ETSActivities: c.ESRS.ETS.Activities, CloudActivities: c.ESRS.CloudActivities}
}

// MilestoneConf is a target's reduction at a year after the trajectory's target year, such as
// the 2050 column of ESRS E1 AR 48: `milestones: [{year: 2050, reduction_pct: 90}]`.
type MilestoneConf struct {
	Year         int     `yaml:"year" mapstructure:"year"`
	ReductionPct float64 `yaml:"reduction_pct" mapstructure:"reduction_pct"`
}

func (c *Config) validateMilestones(bad func(key, format string, args ...any)) {
	for i, tg := range c.Trajectory.Targets {
		seen := map[int]bool{}
		for j, m := range tg.Milestones {
			key := fmt.Sprintf("trajectory.targets[%d].milestones[%d]", i, j)
			switch {
			case tg.Intensity != "":
				bad(key, lang.Key("milestones are for absolute targets; an intensity target has none"))
			case m.Year <= c.Trajectory.TargetYear || m.Year > emissions.MaxYear:
				bad(key+".year", lang.Key("%d: want a year after the target year %d and at most %d"), m.Year, c.Trajectory.TargetYear, emissions.MaxYear)
			case seen[m.Year]:
				bad(key+".year", lang.Key("%d is given twice"), m.Year)
			}
			seen[m.Year] = true
			if !(m.ReductionPct >= 0 && m.ReductionPct <= 100) {
				bad(key+".reduction_pct", lang.Key("%v: want a reduction from 0 to 100 (%%) against the base year"), m.ReductionPct)
			}
		}
	}
}

// Milestones returns, for each absolute target in the order of Plan().Targets, its reductions
// in % by year after the target year.
func (c *Config) Milestones() []map[int]float64 {
	var out []map[int]float64
	for _, tg := range c.Trajectory.Targets {
		if tg.Intensity != "" {
			continue
		}
		m := map[int]float64{}
		for _, ms := range tg.Milestones {
			m[ms.Year] = ms.ReductionPct
		}
		out = append(out, m)
	}
	return out
}

// Scope3Reasons returns the reasons config gives for the Scope 3 categories it lists as
// included and excluded, by category.
func (c *Config) Scope3Reasons() (included, excluded map[int]string) {
	included, excluded = map[int]string{}, map[int]string{}
	for _, cr := range c.ESRS.Scope3.Included {
		included[cr.Category] = cr.Reason
	}
	for _, cr := range c.ESRS.Scope3.Excluded {
		excluded[cr.Category] = cr.Reason
	}
	return included, excluded
}

// NetRevenueDenominator returns the net revenue as a denominator, with its basis, or nil.
func (c *Config) NetRevenueDenominator() (*analysis.Denominator, string) {
	nr := c.NetRevenue()
	if nr == nil {
		return nil, ""
	}
	for _, d := range c.Denominators() {
		if d.Name == nr.Name {
			return &d, nr.Basis
		}
	}
	return nil, ""
}

// NetRevenue returns the intensity entry that is the net revenue (ESRS E1-6 §53), or nil.
func (c *Config) NetRevenue() *IntensityConf {
	for i := range c.Intensity {
		if c.Intensity[i].NetRevenue {
			return &c.Intensity[i]
		}
	}
	return nil
}
