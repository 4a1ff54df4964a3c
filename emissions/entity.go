package emissions

import (
	"sort"
	"strings"

	"github.com/footprint/footprint/factors"
)

// Consolidation approaches of the GHG Protocol Corporate Standard (chapter 3), which ESRS E1
// takes up (ESRS 1 §62–67, E1 AR 39–41).
const (
	ConsolidationOperational = "operational" // operational control
	ConsolidationFinancial   = "financial"   // financial control
	ConsolidationEquity      = "equity"      // equity share
)

// Entity is a legal entity of the organisation (config organisation.entities).
type Entity struct {
	Name         string
	Registration string
	// Control: the organisation controls the entity under its consolidation approach. A
	// controlled entity is part of the consolidated accounting group (E1-6 §50 (a)); one not
	// controlled is an investee (§50 (b)).
	Control   bool
	EquityPct float64 // 0–100
}

// Organisation is the reporting organisation and how it consolidates its entities' emissions.
// A nil *Organisation is a single reporting unit: every row counts at 100 %.
type Organisation struct {
	Name     string
	Approach string // ConsolidationOperational, ConsolidationFinancial or ConsolidationEquity
	Entities []Entity
}

// Share is the part of an entity's emissions the consolidated inventory takes, 0–1: under
// the equity share approach its equity share, under a control approach 100 % of a controlled
// entity and nothing of one that is not (its emissions are reported apart, gross).
func (o *Organisation) Share(e Entity) float64 {
	if o.Approach == ConsolidationEquity {
		return e.EquityPct / 100
	}
	if e.Control {
		return 1
	}
	return 0
}

// DefaultEntity is the entity of rows whose Entity cell is blank: the first controlled
// entity in the config's order (the parent is usually listed first), else the first entity.
func (o *Organisation) DefaultEntity() Entity {
	for _, e := range o.Entities {
		if e.Control {
			return e
		}
	}
	return o.Entities[0]
}

// entities returns the organisation's entities; an organisation that lists none is one
// entity of its own name, controlled and wholly owned.
func (o *Organisation) entities() []Entity {
	if len(o.Entities) == 0 {
		return []Entity{{Name: o.Name, Control: true, EquityPct: 100}}
	}
	return o.Entities
}

// Find returns the entity named name, ignoring case and surrounding spaces.
func (o *Organisation) Find(name string) (Entity, bool) {
	name = strings.TrimSpace(name)
	for _, e := range o.entities() {
		if strings.EqualFold(e.Name, name) {
			return e, true
		}
	}
	return Entity{}, false
}

// Suggest returns the entity name closest to name, for a "did you mean", or "".
func (o *Organisation) Suggest(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	best, bestD := "", len(name)/3+2
	for _, e := range o.entities() {
		k := strings.ToLower(e.Name)
		if d := len(name) - len(k); d >= bestD || -d >= bestD {
			continue
		}
		if d := factors.EditDistance(name, k); d < bestD {
			best, bestD = e.Name, d
		}
	}
	return best
}

// resolve gives the entity of a row and its consolidation share: with no organisation, the
// Entity cell as written at 100 %.
func (o *Organisation) resolve(name string) (Entity, float64, bool) {
	if o == nil {
		return Entity{Name: name, Control: true, EquityPct: 100}, 1, true
	}
	if strings.TrimSpace(name) == "" {
		if len(o.Entities) == 0 {
			e := o.entities()[0]
			return e, 1, true
		}
		e := o.DefaultEntity()
		return e, o.Share(e), true
	}
	e, ok := o.Find(name)
	if !ok {
		return Entity{}, 0, false
	}
	if len(o.Entities) == 0 {
		return e, 1, true
	}
	return e, o.Share(e), true
}

// Outside reports whether a line is outside the consolidated inventory: an entity whose
// share is 0 (not controlled, under a control approach). Its gross emissions are kept in
// Gross and reported apart.
func (l Line) Outside() bool { return l.Entity != "" && l.Share == 0 }

// Weight is the part of the line's quantity the consolidated inventory counts: its Share,
// or 1 for a line not computed with consolidation (no entity, no share).
func (l Line) Weight() float64 {
	if l.Share == 0 && l.Entity == "" {
		return 1
	}
	return l.Share
}

// ScopeTotals are emissions by scope, tCO2e, Scope 2 by both methods.
type ScopeTotals struct {
	Scope1, Scope2Location, Scope2Market, Scope3 float64
}

// TotalLocation and TotalMarket are the sums of the scopes (ESRS E1 AR 47).
func (s ScopeTotals) TotalLocation() float64 { return s.Scope1 + s.Scope2Location + s.Scope3 }
func (s ScopeTotals) TotalMarket() float64   { return s.Scope1 + s.Scope2Market + s.Scope3 }

// Total is the total of a Scope 2 method.
func (s ScopeTotals) Total(method string) float64 {
	if method == MethodLocation {
		return s.TotalLocation()
	}
	return s.TotalMarket()
}

func (s *ScopeTotals) add(l *Line, v float64) {
	switch l.Scope {
	case 1:
		s.Scope1 += v
	case 2:
		if l.InLocation() {
			s.Scope2Location += v
		}
		if l.InMarket() {
			s.Scope2Market += v
		}
	case 3:
		s.Scope3 += v
	}
}

// EntityTotals are one entity's emissions in one year: Consolidated, what the inventory
// counts (gross × Share), and Gross, the entity's own emissions before consolidation.
type EntityTotals struct {
	Name         string
	Registration string
	Control      bool
	Share        float64 // 0–1
	Consolidated ScopeTotals
	Gross        ScopeTotals
}

// EntityBreakdown sums the lines per year and entity: the entities of org in its order (each
// year lists them all, with zeros where they have no data), then any other entity name the
// lines carry (without an organisation: the Entity cells as written, or Unassigned). The
// entities' Consolidated figures add up to the inventory's totals.
func EntityBreakdown(lines []Line, org *Organisation) map[int][]EntityTotals {
	type key struct {
		year int
		name string
	}
	sums := map[key]*EntityTotals{}
	years := map[int]bool{}
	var extra []string
	seen := map[string]bool{}
	for i := range lines {
		l := &lines[i]
		if l.Part == PartAvoided {
			continue
		}
		years[l.Year] = true
		name := l.Entity
		if name == "" {
			name = Unassigned
		}
		k := key{l.Year, name}
		t := sums[k]
		if t == nil {
			t = &EntityTotals{Name: name, Control: true, Share: l.Share}
			sums[k] = t
			if !seen[name] {
				seen[name] = true
				extra = append(extra, name)
			}
		}
		t.Consolidated.add(l, l.TCO2e)
		gross := l.Gross
		if l.Entity == "" {
			gross = l.TCO2e // a line not computed with consolidation
		}
		t.Gross.add(l, gross)
	}
	var names []Entity
	known := map[string]bool{}
	if org != nil {
		for _, e := range org.entities() {
			names = append(names, e)
			known[e.Name] = true
		}
	}
	sort.Strings(extra)
	for _, n := range extra {
		if !known[n] {
			names = append(names, Entity{Name: n, Control: true, EquityPct: 100})
		}
	}
	out := map[int][]EntityTotals{}
	for y := range years {
		for _, e := range names {
			t := EntityTotals{Name: e.Name, Registration: e.Registration, Control: e.Control, Share: 1}
			if org != nil && len(org.Entities) > 0 && known[e.Name] {
				t.Share = org.Share(e)
			}
			if s := sums[key{y, e.Name}]; s != nil {
				t.Consolidated, t.Gross = s.Consolidated, s.Gross
			}
			out[y] = append(out[y], t)
		}
	}
	return out
}

// entity sets the line's entity and consolidation share from the row's Entity cell, or
// rejects the row when the organisation has no such entity.
func (c *Calculator) entity(a *Activity, l *Line) bool {
	org := c.opts.Organisation
	e, share, ok := org.resolve(a.Entity)
	if !ok {
		l := c.opts.Lang
		msg := l.T("unknown entity %q: organisation.entities in config has no entity of this name; add it there or correct the cell", Clip(a.Entity))
		if s := org.Suggest(a.Entity); s != "" {
			msg = l.T("unknown entity %q: organisation.entities in config has no entity of this name (did you mean %q?); add it there or correct the cell", Clip(a.Entity), s)
		}
		return c.reject(a, "unknown-entity", a.EntityCell, "%s", msg)
	}
	if org == nil && a.Entity != "" {
		c.warnOnce("entity-without-organisation", Problem{File: a.Place.File, Sheet: a.Place.Sheet, Cell: a.EntityCell.String(), Cause: "entity-without-organisation",
			Message: c.opts.Lang.T("the Entity column is filled but config has no organisation: each entity is taken as written, at 100 %%; describe them under organisation.entities to consolidate")})
	}
	l.Entity, l.Share = e.Name, share
	return true
}
