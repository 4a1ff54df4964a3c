package plan

import (
	"cmp"
	"math"
	"slices"

	"github.com/footprint/footprint/emissions"
)

// What changed between two years (docs/methodology.md#what-changed-additive-lmdi): the change of the total that the Scope 2
// method selects, split per activity into an activity effect (quantities), a factor effect
// (factor vintages, overrides, the market-based mix), discontinued activities (what a closure,
// divestment or outsourcing of the base-year policy ended) and other (activities new or
// removed), by the additive LMDI with the logarithmic mean, written down in the README ("What
// changed").
//
// The total is Σᵢ Qᵢ·Fᵢ over elements i — the lines of one activity id, part, scope, category
// and factor unit, whatever their site and pole — with Qᵢ their quantity in the factor's unit
// and Fᵢ = Eᵢ/Qᵢ their emissions per unit. Sites and poles are left out on purpose: an activity
// moving from one pole to another, or a pole winding it down, is a change of quantity; an
// activity is new or removed when it has no emissions at all in one of the years. For an
// element present in both years (Eᵢ and Qᵢ of the same sign, not zero, in both), with
// L = (E₁ − E₀)/ln(E₁/E₀) (E₀ when equal):
//
//	activity effect = L·ln(Q₁/Q₀)
//	factor effect   = (E₁ − E₀) − activity effect   (= L·ln(F₁/F₀), exactly in real numbers)
//
// An element with no emissions (or no quantity) in one of the years is new or removed: its
// whole change goes to other.
//
// The lines of an event that discontinues activities (closure, divestment, outsourcing,
// whatever its treatment: organic events are never restated, so this is where their drop is
// labelled) are elements of their own in every comparison whose years enclose the event's
// year (from ≤ event year ≤ to: the activities may run part of the event's year), matched as
// the base-year policy matches them (StructuralEvent.Matches: globs, poles, sites). Their whole
// change goes to discontinued, and none of it to the other parts. The four parts of each
// element add to its change, so the parts of the total add to total_to − total_from (up to
// floating-point rounding).

// Change is the decomposition of the change between two years.
type Change struct {
	From, To           int
	TotalFrom, TotalTo float64
	ActivityEffect     float64
	FactorEffect       float64
	Other              float64 // activities new or removed, not covered by an event
	Discontinued       float64 // activities an event of the base-year policy ended
	// Events are the events whose activities Discontinued holds (from ≤ year ≤ to).
	Events          []StructuralEvent
	ByActivity      []ActivityChange // largest change first
	BaseToReporting bool             // the base year vs the reporting year, not two consecutive years
}

// ActivityChange is one activity's share of a Change.
type ActivityChange struct {
	Activity                            string
	From, To                            float64 // its emissions in each year
	ActivityEffect, FactorEffect, Other float64
	Discontinued                        float64
}

// changeElement is what one element emits and consumes in a year.
type changeElement struct {
	activity        string
	part            emissions.Part
	scope, category int
	unit            string
	discontinued    bool // lines of activities that an event between the two years ended
}

type elementYear struct{ e, q float64 }

// Changes decomposes the change of the selected total between each pair of consecutive years
// with data, then between baseYear and reportingYear when both have data and are not already
// such a pair. method is the Scope 2 method of the total; pol's closures, divestments and
// outsourcings label the activities they end.
func Changes(lines []emissions.Line, method string, pol BasePolicy, baseYear, reportingYear int) []Change {
	byYear := map[int][]*emissions.Line{}
	for i := range lines {
		l := &lines[i]
		if l.Part == emissions.PartAvoided || (method == emissions.MethodLocation && !l.InLocation()) || (method != emissions.MethodLocation && !l.InMarket()) {
			continue
		}
		byYear[l.Year] = append(byYear[l.Year], l)
	}
	years := make([]int, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	slices.Sort(years)
	pair := func(a, b int) Change {
		evs := discontinuingBetween(pol, a, b)
		ended := eventsMatcher(evs)
		c := decompose(a, b, changeElements(byYear[a], ended), changeElements(byYear[b], ended))
		c.Events = evs
		return c
	}
	var out []Change
	for i := 1; i < len(years); i++ {
		out = append(out, pair(years[i-1], years[i]))
	}
	_, hasBase := byYear[baseYear]
	_, hasRep := byYear[reportingYear]
	if hasBase && hasRep && baseYear < reportingYear {
		consecutive := false
		for i := 1; i < len(years); i++ {
			consecutive = consecutive || (years[i-1] == baseYear && years[i] == reportingYear)
		}
		if !consecutive {
			c := pair(baseYear, reportingYear)
			c.BaseToReporting = true
			out = append(out, c)
		}
	}
	return out
}

// changeElements sums one year's lines by element; ended marks the discontinued ones.
// Each line hashes its element once: the sums are kept behind pointers, since a year of many
// poles or sites has as many lines, each hashing its texts.
func changeElements(lines []*emissions.Line, ended func(*emissions.Line) bool) map[changeElement]*elementYear {
	m := map[changeElement]*elementYear{}
	for _, l := range lines {
		k := changeElement{l.Activity, l.Part, l.Scope, l.Category, l.FactorUnit, ended(l)}
		ey := m[k]
		if ey == nil {
			ey = &elementYear{}
			m[k] = ey
		}
		ey.e += l.TCO2e
		ey.q += l.Converted * l.Weight() // the consolidated quantity, like its emissions
	}
	return m
}

// of is element k's sums, zero when the year has none.
func of(m map[changeElement]*elementYear, k changeElement) elementYear {
	if ey := m[k]; ey != nil {
		return *ey
	}
	return elementYear{}
}

// decompose splits the change from year a to year b.
func decompose(a, b int, from, to map[changeElement]*elementYear) Change {
	keys := make([]changeElement, 0, len(from)+len(to))
	for k := range from {
		keys = append(keys, k)
	}
	for k := range to {
		if _, ok := from[k]; !ok {
			keys = append(keys, k)
		}
	}
	// A fixed order, so the sums are the same on every run.
	slices.SortFunc(keys, func(x, y changeElement) int {
		return cmp.Or(cmp.Compare(x.activity, y.activity), cmp.Compare(x.part, y.part), cmp.Compare(x.scope, y.scope),
			cmp.Compare(x.category, y.category), cmp.Compare(x.unit, y.unit), cmp.Compare(b2f(x.discontinued), b2f(y.discontinued)))
	})
	c := Change{From: a, To: b}
	byAct := map[string]*ActivityChange{}
	var order []string
	for _, k := range keys {
		e0, e1 := of(from, k), of(to, k)
		var act, fac, oth, disc float64
		if k.discontinued {
			disc = e1.e - e0.e
		} else {
			act, fac, oth = ElementEffects(e0.e, e1.e, e0.q, e1.q)
		}
		ac := byAct[k.activity]
		if ac == nil {
			ac = &ActivityChange{Activity: k.activity}
			byAct[k.activity] = ac
			order = append(order, k.activity)
		}
		ac.From += e0.e
		ac.To += e1.e
		ac.ActivityEffect += act
		ac.FactorEffect += fac
		ac.Other += oth
		ac.Discontinued += disc
	}
	for _, name := range order {
		ac := byAct[name]
		c.TotalFrom += ac.From
		c.TotalTo += ac.To
		c.ActivityEffect += ac.ActivityEffect
		c.FactorEffect += ac.FactorEffect
		c.Other += ac.Other
		c.Discontinued += ac.Discontinued
		c.ByActivity = append(c.ByActivity, *ac)
	}
	slices.SortStableFunc(c.ByActivity, func(x, y ActivityChange) int {
		return cmp.Compare(math.Abs(y.To-y.From), math.Abs(x.To-x.From))
	})
	return c
}

// ElementEffects splits one element's change from e0 to e1 tCO2e, with quantities q0 and q1,
// into activity effect, factor effect and other (new or removed). The three add to e1 − e0.
func ElementEffects(e0, e1, q0, q1 float64) (activity, factor, other float64) {
	change := e1 - e0
	if e0 == 0 || e1 == 0 || q0 == 0 || q1 == 0 || e1/e0 <= 0 || q1/q0 <= 0 {
		return 0, 0, change
	}
	l := e0
	if e1 != e0 {
		l = change / math.Log(e1/e0)
	}
	activity = l * math.Log(q1/q0)
	return activity, change - activity, 0
}
