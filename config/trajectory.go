package config

import (
	"fmt"
	"math"
	"path"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/factors"

	"github.com/footprint/footprint/lang"
)

// validateTrajectory checks the trajectory section on its own; what needs the data (a base
// year without data, a lever that matches nothing) is checked by plan.Project.
func (c *Config) validateTrajectory(bad func(key, format string, args ...any)) {
	t := c.Trajectory
	if t.BaseYear != 0 && (t.BaseYear < emissions.MinYear || t.BaseYear > emissions.MaxYear) {
		bad("trajectory.base_year", lang.Key("%d is outside %d–%d"), t.BaseYear, emissions.MinYear, emissions.MaxYear)
	}
	if t.TargetYear < emissions.MinYear || t.TargetYear > emissions.MaxYear {
		bad("trajectory.target_year", lang.Key("%d is outside %d–%d"), t.TargetYear, emissions.MinYear, emissions.MaxYear)
	} else if t.BaseYear != 0 && t.TargetYear <= t.BaseYear {
		bad("trajectory.target_year", lang.Key("%d is not after the base year %d"), t.TargetYear, t.BaseYear)
	}
	if n := t.Neutrality.Year; n != 0 && (n < emissions.MinYear || n > emissions.MaxYear) {
		bad("trajectory.neutrality.year", lang.Key("%d is outside %d–%d"), n, emissions.MinYear, emissions.MaxYear)
	} else if n != 0 && t.BaseYear != 0 && n < t.BaseYear {
		bad("trajectory.neutrality.year", lang.Key("%d is before the base year %d"), n, t.BaseYear)
	}
	if g := t.Projection.GrowthPct; g <= -100 || math.IsNaN(g) || math.IsInf(g, 0) {
		bad("trajectory.projection.growth_pct", lang.Key("%v: want a change per year above -100"), g)
	}
	owner := map[int]string{}
	for i, tg := range t.Targets {
		key := fmt.Sprintf("trajectory.targets[%d]", i)
		if tg.Intensity != "" {
			c.validateIntensityTarget(key, tg, bad)
			continue
		}
		if len(tg.Scopes) == 0 {
			bad(key+".scopes", lang.Key("missing: list the scopes the target covers, e.g. [1, 2]"))
		}
		for _, s := range tg.Scopes {
			if s < 1 || s > 3 {
				bad(key+".scopes", lang.Key("scope %d: want 1, 2 or 3"), s)
			} else if other, ok := owner[s]; ok {
				bad(key+".scopes", lang.Key("Scope %d is already in target %q; targets' scopes must not overlap"), s, other)
			} else {
				owner[s] = tg.Name
			}
		}
		switch plan.Pathway(tg.Pathway) {
		case plan.PathwayLinear:
			if tg.ReductionPct == nil || *tg.ReductionPct <= 0 || *tg.ReductionPct > 100 {
				bad(key+".reduction_pct", lang.Key("a linear target needs a reduction at the target year above 0 and at most 100 (%%)"))
			}
		case plan.PathwaySBTi15, plan.PathwaySBTiWB:
		default:
			bad(key+".pathway", lang.Key("%q: want linear, sbti-1.5 or sbti-wb2"), tg.Pathway)
		}
	}
	for i, l := range t.Levers {
		key := fmt.Sprintf("trajectory.levers[%d]", i)
		if len(l.Activities) == 0 {
			bad(key+".activities", lang.Key("missing: list the activity ids (globs allowed) the lever reduces"))
		}
		for _, g := range l.Activities {
			if _, err := path.Match(g, ""); err != nil {
				bad(key+".activities", lang.Key("%q is not a valid glob: %v"), g, err)
			}
		}
		if l.ReductionPct <= 0 || l.ReductionPct > 100 {
			bad(key+".reduction_pct", lang.Key("%v: want a reduction above 0 and at most 100 (%%)"), l.ReductionPct)
		}
		if l.StartYear < emissions.MinYear || l.StartYear > emissions.MaxYear {
			bad(key+".start_year", lang.Key("%d is outside %d–%d"), l.StartYear, emissions.MinYear, emissions.MaxYear)
		}
		if l.FullYear < l.StartYear {
			bad(key+".full_year", lang.Key("%d is before start_year %d"), l.FullYear, l.StartYear)
		}
		if l.CostEURPerTCO2e != nil && (math.IsNaN(*l.CostEURPerTCO2e) || math.IsInf(*l.CostEURPerTCO2e, 0)) {
			bad(key+".cost_eur_per_tco2e", lang.Key("%v: want a finite number of euros per tCO2e abated"), *l.CostEURPerTCO2e)
		}
		for j, a := range l.Adds {
			akey := fmt.Sprintf("%s.adds[%d]", key, j)
			if strings.TrimSpace(a.Activity) == "" {
				bad(akey+".activity", lang.Key("missing: name the factor id of what the substitution consumes (e.g. fr.electricity.grid)"))
			}
			if a.PerUnitRemoved < 0 || math.IsNaN(a.PerUnitRemoved) || math.IsInf(a.PerUnitRemoved, 0) {
				bad(akey+".per_unit_removed", lang.Key("%v: want a number ≥ 0"), a.PerUnitRemoved)
			}
			if u, err := factors.ParseUnit(a.Unit); err != nil || u.IsEmissions() {
				bad(akey+".unit", lang.Key("%q: want the unit of the added activity (e.g. kWh)"), a.Unit)
			}
		}
	}
	c.validateNeutrality(bad)
}

// Plan returns the trajectory section in the form plan.Project takes.
func (c *Config) Plan() plan.Plan {
	t := c.Trajectory
	p := plan.Plan{BaseYear: t.BaseYear, TargetYear: t.TargetYear, Scope2Method: t.Scope2Method,
		GrowthPct: t.Projection.GrowthPct, NeutralityYear: t.Neutrality.Year, Lang: c.Lang()}
	for _, tg := range t.Targets {
		if tg.Intensity != "" {
			continue // IntensityTargets: not part of the boundary, the target sum or the gap
		}
		r := 0.0
		if tg.ReductionPct != nil {
			r = *tg.ReductionPct
		}
		p.Targets = append(p.Targets, plan.Target{Name: tg.Name, Scopes: tg.Scopes, Pathway: plan.Pathway(tg.Pathway), ReductionPct: r, StartYear: tg.StartYear})
	}
	for _, l := range t.Levers {
		lv := plan.Lever{Name: l.Name, Activities: l.Activities, ReductionPct: l.ReductionPct,
			StartYear: l.StartYear, FullYear: l.FullYear, CostEURPerTCO2: l.CostEURPerTCO2e}
		for _, a := range l.Adds {
			lv.Adds = append(lv.Adds, plan.Addition{Activity: a.Activity, PerUnitRemoved: a.PerUnitRemoved, Unit: a.Unit})
		}
		p.Levers = append(p.Levers, lv)
	}
	c.planNeutrality(&p)
	return p
}
