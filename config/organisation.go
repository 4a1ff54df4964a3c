package config

import (
	"fmt"
	"math"
	"strings"

	"github.com/footprint/footprint/emissions"

	"github.com/footprint/footprint/lang"
)

// OrganisationConf is the reporting organisation and its consolidation (docs/configuration.md#organisation):
//
//	organisation:
//	  name: Flins Circular Factory group
//	  consolidation: operational        # operational | financial | equity
//	  entities:
//	    - {name: Flins Refactory SAS, registration: "FR 123 456 789", control: true, equity_pct: 100}
//	    - {name: Battery Second Life JV, registration: "…", control: false, equity_pct: 40}
//
// Rows name their entity in an optional Entity column; a blank cell is the first controlled
// entity. Under operational or financial control a controlled entity counts at 100 % and
// one not controlled at 0 % (its emissions are reported apart); under equity share every
// entity counts at its equity_pct.
type OrganisationConf struct {
	Name          string       `yaml:"name" mapstructure:"name"`
	Consolidation string       `yaml:"consolidation" mapstructure:"consolidation"`
	Entities      []EntityConf `yaml:"entities" mapstructure:"entities"`
}

type EntityConf struct {
	Name         string   `yaml:"name" mapstructure:"name"`
	Registration string   `yaml:"registration" mapstructure:"registration"`
	Control      *bool    `yaml:"control" mapstructure:"control"`
	EquityPct    *float64 `yaml:"equity_pct" mapstructure:"equity_pct"`
}

// set reports whether the organisation section says anything.
func (o OrganisationConf) set() bool {
	return o.Name != "" || o.Consolidation != "" || len(o.Entities) > 0
}

func (c *Config) validateOrganisation(bad func(key, format string, args ...any)) {
	o := c.Organisation
	if !o.set() {
		return
	}
	if strings.TrimSpace(o.Name) == "" {
		bad("organisation.name", lang.Key("missing: give the reporting organisation's name"))
	}
	switch o.Consolidation {
	case emissions.ConsolidationOperational, emissions.ConsolidationFinancial, emissions.ConsolidationEquity:
	case "":
		bad("organisation.consolidation", lang.Key("missing: want operational, financial or equity (the GHG Protocol's consolidation approaches)"))
	default:
		bad("organisation.consolidation", lang.Key("%q: want operational, financial or equity"), o.Consolidation)
	}
	names := map[string]int{}
	controlled := false
	for i, e := range o.Entities {
		key := fmt.Sprintf("organisation.entities[%d]", i)
		name := strings.TrimSpace(e.Name)
		if name == "" {
			bad(key+".name", lang.Key("missing: give the entity's name, as the Entity column spells it"))
		} else if j, dup := names[strings.ToLower(name)]; dup {
			bad(key+".name", lang.Key("%q is already the name of organisation.entities[%d] (names are matched ignoring case)"), e.Name, j)
		} else {
			names[strings.ToLower(name)] = i
		}
		if e.Control == nil {
			bad(key+".control", lang.Key("missing: true if the organisation controls the entity under its consolidation approach, else false"))
		} else if *e.Control {
			controlled = true
		}
		if p := e.EquityPct; p != nil && !(*p >= 0 && *p <= 100) {
			bad(key+".equity_pct", lang.Key("%v: want a share from 0 to 100 (%%)"), *p)
		} else if p == nil && o.Consolidation == emissions.ConsolidationEquity {
			bad(key+".equity_pct", lang.Key("missing: the equity approach counts each entity at its equity share (0 to 100)"))
		}
	}
	if len(o.Entities) > 0 && !controlled {
		bad("organisation.entities", lang.Key("no entity has control: true: rows with a blank Entity go to the first controlled entity, so list at least one (the parent)"))
	}
}

// OrganisationModel returns the organisation in the form emissions takes, or nil when config
// has none. An entity without equity_pct is wholly owned (100 %) when controlled, else 0 %.
func (c *Config) OrganisationModel() *emissions.Organisation {
	o := c.Organisation
	if !o.set() {
		return nil
	}
	org := &emissions.Organisation{Name: o.Name, Approach: o.Consolidation}
	for _, e := range o.Entities {
		ent := emissions.Entity{Name: strings.TrimSpace(e.Name), Registration: e.Registration, Control: e.Control != nil && *e.Control}
		switch {
		case e.EquityPct != nil && !math.IsNaN(*e.EquityPct):
			ent.EquityPct = *e.EquityPct
		case ent.Control:
			ent.EquityPct = 100
		}
		org.Entities = append(org.Entities, ent)
	}
	return org
}
