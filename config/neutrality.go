package config

import (
	"fmt"
	"math"
	"path"
	"slices"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/plan"

	"github.com/footprint/footprint/lang"
)

// The neutrality claim's configuration (docs/configuration.md#trajectory, docs/methodology.md#the-neutrality-claim):
// trajectory.neutrality's boundary, credits ledger and own removals, and
// trajectory.base_year_policy.

// Neutrality is trajectory.neutrality: the claim's year, boundary and ledger.
type Neutrality struct {
	Year int `yaml:"year" mapstructure:"year"`
	// Scopes, Scope3Categories and Scope2Method are the claim's boundary: every scope and
	// category, and the trajectory's Scope 2 method, when not given.
	Scopes           []int         `yaml:"scopes" mapstructure:"scopes"`
	Scope3Categories []int         `yaml:"scope3_categories" mapstructure:"scope3_categories"`
	Scope2Method     string        `yaml:"scope2_method" mapstructure:"scope2_method"`
	Credits          []CreditConf  `yaml:"credits" mapstructure:"credits"`
	Removals         []RemovalConf `yaml:"removals" mapstructure:"removals"`
}

// CreditConf is a credit of the ledger. {year, tco2e, name} alone stay valid; `kind` is the
// older name of `type`; no status means planned.
type CreditConf struct {
	Year                    int      `yaml:"year" mapstructure:"year"`
	TCO2e                   float64  `yaml:"tco2e" mapstructure:"tco2e"`
	Kind                    string   `yaml:"kind" mapstructure:"kind"`
	Type                    string   `yaml:"type" mapstructure:"type"`
	Name                    string   `yaml:"name" mapstructure:"name"`
	Registry                string   `yaml:"registry" mapstructure:"registry"`
	Serials                 string   `yaml:"serials" mapstructure:"serials"`
	Standard                string   `yaml:"standard" mapstructure:"standard"`
	Methodology             string   `yaml:"methodology" mapstructure:"methodology"`
	Country                 string   `yaml:"country" mapstructure:"country"`
	Vintage                 int      `yaml:"vintage" mapstructure:"vintage"`
	DurabilityYears         int      `yaml:"durability_years" mapstructure:"durability_years"`
	CorrespondingAdjustment bool     `yaml:"corresponding_adjustment" mapstructure:"corresponding_adjustment"`
	Status                  string   `yaml:"status" mapstructure:"status"`
	RetirementDate          string   `yaml:"retirement_date" mapstructure:"retirement_date"`
	PriceEUR                *float64 `yaml:"price_eur" mapstructure:"price_eur"`
}

// RemovalConf is a removal in the organisation's own operations or value chain.
type RemovalConf struct {
	Year            int     `yaml:"year" mapstructure:"year"`
	TCO2e           float64 `yaml:"tco2e" mapstructure:"tco2e"`
	Name            string  `yaml:"name" mapstructure:"name"`
	Method          string  `yaml:"method" mapstructure:"method"`
	DurabilityYears int     `yaml:"durability_years" mapstructure:"durability_years"`
}

// BasePolicyConf is trajectory.base_year_policy.
type BasePolicyConf struct {
	SignificancePct *float64    `yaml:"significance_pct" mapstructure:"significance_pct"`
	Events          []EventConf `yaml:"events" mapstructure:"events"`
}

// EventConf is a structural change: the activities it concerns by activity-id globs, and
// optionally poles and sites.
type EventConf struct {
	Year       int      `yaml:"year" mapstructure:"year"`
	Type       string   `yaml:"type" mapstructure:"type"`
	Name       string   `yaml:"name" mapstructure:"name"`
	Activities []string `yaml:"activities" mapstructure:"activities"`
	Poles      []string `yaml:"poles" mapstructure:"poles"`
	Sites      []string `yaml:"sites" mapstructure:"sites"`
	Treatment  string   `yaml:"treatment" mapstructure:"treatment"`
}

// creditType is the credit's type, from `type` or its older name `kind`.
func (cr CreditConf) creditType() string {
	if cr.Type != "" {
		return cr.Type
	}
	return cr.Kind
}

func (c *Config) validateNeutrality(bad func(key, format string, args ...any)) {
	n := c.Trajectory.Neutrality
	year := func(key string, y int) {
		if y < emissions.MinYear || y > emissions.MaxYear {
			bad(key, lang.Key("%d is outside %d–%d"), y, emissions.MinYear, emissions.MaxYear)
		}
	}
	tonnes := func(key string, v float64) {
		if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			bad(key, lang.Key("%v: want tonnes ≥ 0"), v)
		}
	}
	for _, s := range n.Scopes {
		if s < 1 || s > 3 {
			bad("trajectory.neutrality.scopes", lang.Key("scope %d: want 1, 2 or 3"), s)
		}
	}
	for _, cat := range n.Scope3Categories {
		if cat < 1 || cat > 15 {
			bad("trajectory.neutrality.scope3_categories", lang.Key("category %d: want 1 to 15"), cat)
		}
	}
	if len(n.Scope3Categories) > 0 && len(n.Scopes) > 0 && !slices.Contains(n.Scopes, 3) {
		bad("trajectory.neutrality.scope3_categories", lang.Key("lists categories but scopes %v leave Scope 3 out"), n.Scopes)
	}
	if m := n.Scope2Method; m != "" && m != emissions.MethodLocation && m != emissions.MethodMarket {
		bad("trajectory.neutrality.scope2_method", lang.Key("%q: want location or market"), m)
	}
	for i, cr := range n.Credits {
		key := fmt.Sprintf("trajectory.neutrality.credits[%d]", i)
		year(key+".year", cr.Year)
		tonnes(key+".tco2e", cr.TCO2e)
		if cr.Type != "" && cr.Kind != "" && cr.Type != cr.Kind {
			bad(key+".type", lang.Key("%q and kind %q disagree: kind is the older name of type, give one"), cr.Type, cr.Kind)
		}
		if k := cr.creditType(); k != "" && k != plan.CreditRemoval && k != plan.CreditReduction {
			field := ".type"
			if cr.Type == "" {
				field = ".kind"
			}
			bad(key+field, lang.Key("%q: want removal or reduction"), k)
		}
		switch cr.Status {
		case "", plan.CreditPlanned, plan.CreditContracted:
		case plan.CreditRetired:
			if cr.RetirementDate == "" {
				bad(key+".retirement_date", lang.Key("missing: a retired credit says when it was retired (YYYY-MM-DD)"))
			}
		default:
			bad(key+".status", lang.Key("%q: want planned, contracted or retired"), cr.Status)
		}
		if cr.Vintage != 0 {
			year(key+".vintage", cr.Vintage)
		}
		if cr.DurabilityYears < 0 {
			bad(key+".durability_years", lang.Key("%d: want years ≥ 0"), cr.DurabilityYears)
		}
		if p := cr.PriceEUR; p != nil && (*p < 0 || math.IsNaN(*p) || math.IsInf(*p, 0)) {
			bad(key+".price_eur", lang.Key("%v: want euros ≥ 0"), *p)
		}
	}
	for i, r := range n.Removals {
		key := fmt.Sprintf("trajectory.neutrality.removals[%d]", i)
		year(key+".year", r.Year)
		tonnes(key+".tco2e", r.TCO2e)
	}
	pol := c.Trajectory.BasePolicy
	if s := pol.SignificancePct; s != nil && (*s < 0 || *s > 100 || math.IsNaN(*s)) {
		bad("trajectory.base_year_policy.significance_pct", lang.Key("%v: want a percentage from 0 to 100"), *s)
	}
	for i, ev := range pol.Events {
		key := fmt.Sprintf("trajectory.base_year_policy.events[%d]", i)
		year(key+".year", ev.Year)
		if !slices.Contains(plan.EventTypes, ev.Type) {
			bad(key+".type", lang.Key("%q: want one of %v"), ev.Type, plan.EventTypes)
		}
		switch ev.Treatment {
		case "", plan.TreatmentRecalculate, plan.TreatmentOrganic:
		default:
			bad(key+".treatment", lang.Key("%q: want recalculate or organic"), ev.Treatment)
		}
		if len(ev.Activities) == 0 && len(ev.Poles) == 0 && len(ev.Sites) == 0 {
			bad(key+".activities", lang.Key("missing: name the activities (globs over activity ids), poles or sites the event concerns"))
		}
		for _, g := range ev.Activities {
			if _, err := path.Match(g, ""); err != nil {
				bad(key+".activities", lang.Key("%q is not a valid glob: %v"), g, err)
			}
		}
	}
}

// planNeutrality puts the claim's boundary, the ledger and the base-year policy into p.
func (c *Config) planNeutrality(p *plan.Plan) {
	t := c.Trajectory
	n := t.Neutrality
	p.Claim = plan.ClaimBoundary{Scopes: n.Scopes, Scope3Categories: n.Scope3Categories, Scope2Method: n.Scope2Method}
	for _, cr := range n.Credits {
		p.Credits = append(p.Credits, plan.Credit{Year: cr.Year, TCO2e: cr.TCO2e, Kind: cr.creditType(), Name: cr.Name,
			Registry: cr.Registry, Serials: cr.Serials, Standard: cr.Standard, Methodology: cr.Methodology, Country: cr.Country,
			Vintage: cr.Vintage, DurabilityYears: cr.DurabilityYears, CorrespondingAdjustment: cr.CorrespondingAdjustment,
			Status: cr.Status, RetirementDate: cr.RetirementDate, PriceEUR: cr.PriceEUR})
	}
	for _, r := range n.Removals {
		p.Removals = append(p.Removals, plan.Removal{Year: r.Year, TCO2e: r.TCO2e, Name: r.Name, Method: r.Method, DurabilityYears: r.DurabilityYears})
	}
	p.BasePolicy.SignificancePct = t.BasePolicy.SignificancePct
	for _, ev := range t.BasePolicy.Events {
		p.BasePolicy.Events = append(p.BasePolicy.Events, plan.StructuralEvent{Year: ev.Year, Type: ev.Type, Name: ev.Name,
			Activities: ev.Activities, Poles: ev.Poles, Sites: ev.Sites, Treatment: ev.Treatment})
	}
}
