package plan

import (
	"fmt"
	"math"
	"path"
	"strings"

	"github.com/footprint/footprint/emissions"
)

// Structural changes and base-year recalculation (GHG Protocol Corporate Standard, chapter 5;
// docs/methodology.md#base-year-policy). An event names the activities it concerns by activity-id globs, poles and sites;
// its treatment says whether the base year is restated:
//
//   - recalculate: the base year and the years before the event are restated without the
//     named activities (closure, divestment, outsourcing) or with them (acquisition,
//     insourcing), when the structural changes together move the base year by at least the
//     significance threshold; targets follow the restated base.
//   - organic: nothing is restated; the drop is labelled a discontinued activity wherever a
//     reduction is explained (reduction.go).
//
// The GHG Protocol treats the closure of an operation the company keeps control of as organic
// decline, which is the default treatment of a closure; every other type defaults to
// recalculate. Method changes and errors cannot be restated from the data footprint holds:
// they are recorded, and a recalculate treatment asks for corrected base-year rows.

// Structural event types.
const (
	EventClosure     = "closure"
	EventDivestment  = "divestment"
	EventAcquisition = "acquisition"
	EventOutsourcing = "outsourcing"
	EventInsourcing  = "insourcing"
	EventMethod      = "method"
	EventError       = "error"

	TreatmentRecalculate = "recalculate"
	TreatmentOrganic     = "organic"
)

// EventTypes lists the structural event types, in the order the config documents them.
var EventTypes = []string{EventClosure, EventDivestment, EventAcquisition, EventOutsourcing, EventInsourcing, EventMethod, EventError}

// DefaultSignificancePct is the base-year recalculation threshold when none is configured: a
// 5 % change of base-year emissions, the usual practice (SBTi criteria, GHG Protocol guidance).
const DefaultSignificancePct = 5

// StructuralEvent is a change of the organisation's structure or of its methods.
type StructuralEvent struct {
	Year       int
	Type       string
	Name       string
	Activities []string // globs over activity ids; none: every activity of Poles and Sites
	Poles      []string // optional: only these poles
	Sites      []string // optional: only these sites
	Treatment  string   // "" takes the type's default
}

// BasePolicy is trajectory.base_year_policy.
type BasePolicy struct {
	SignificancePct *float64 // nil: DefaultSignificancePct
	Events          []StructuralEvent
}

// TreatmentOrDefault is the event's treatment, or its type's default.
func (e StructuralEvent) TreatmentOrDefault() string {
	switch {
	case e.Treatment != "":
		return e.Treatment
	case e.Type == EventClosure:
		return TreatmentOrganic
	}
	return TreatmentRecalculate
}

// Discontinues reports whether the event ends activities (closure, divestment, outsourcing).
func (e StructuralEvent) Discontinues() bool {
	return e.Type == EventClosure || e.Type == EventDivestment || e.Type == EventOutsourcing
}

// Adds reports whether the event brings activities in (acquisition, insourcing).
func (e StructuralEvent) Adds() bool { return e.Type == EventAcquisition || e.Type == EventInsourcing }

// Matches reports whether l is one of the event's activities.
func (e StructuralEvent) Matches(l *emissions.Line) bool {
	if len(e.Poles) > 0 && !containsFold(e.Poles, l.Pole) {
		return false
	}
	if len(e.Sites) > 0 && !containsFold(e.Sites, l.Site) {
		return false
	}
	if len(e.Activities) == 0 {
		return len(e.Poles) > 0 || len(e.Sites) > 0
	}
	for _, g := range e.Activities {
		if ok, _ := path.Match(strings.ToLower(g), strings.ToLower(l.Activity)); ok {
			return true
		}
	}
	return false
}

// Label describes the event in words, e.g. "closure in 2024 (ASSEMBLY)".
func (e StructuralEvent) Label() string {
	what := e.Name
	if what == "" {
		var parts []string
		parts = append(parts, e.Poles...)
		parts = append(parts, e.Sites...)
		parts = append(parts, e.Activities...)
		what = strings.Join(parts, ", ")
	}
	return fmt.Sprintf("%s in %d (%s)", e.Type, e.Year, what)
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(strings.TrimSpace(v), strings.TrimSpace(s)) {
			return true
		}
	}
	return false
}

// BaseRecalculation is the base year as reported and as recalculated, over the trajectory's
// boundary.
type BaseRecalculation struct {
	Year         int
	Reported     float64
	Recalculated float64 // equal to Reported when nothing is restated
	// Applied: the restatement was applied (some event asks for it and the change reaches the
	// significance threshold).
	Applied bool
	// ChangePct is (Recalculated − Reported) / Reported × 100 before the threshold is applied.
	ChangePct       float64
	SignificancePct float64
	Events          []StructuralEvent
}

// restate applies the policy's recalculate events to lines: before each event's year, lines of
// discontinued activities are left out, and acquired activities are added pro forma (their
// lines of the first year from the event on, copied to each earlier year with data) unless the
// data already holds their history. inBoundary selects what the significance is measured on.
// The result is restated only when the change of the base year reaches the threshold.
func restate(pol BasePolicy, lines []emissions.Line, baseYear int, inBoundary func(*emissions.Line) bool, ps *emissions.Problems) ([]emissions.Line, BaseRecalculation) {
	sig := float64(DefaultSignificancePct)
	if pol.SignificancePct != nil {
		sig = *pol.SignificancePct
	}
	rec := BaseRecalculation{Year: baseYear, SignificancePct: sig, Events: pol.Events}
	sumBase := func(ls []emissions.Line) float64 {
		v := 0.0
		for i := range ls {
			if ls[i].Year == baseYear && ls[i].Part != emissions.PartAvoided && inBoundary(&ls[i]) {
				v += ls[i].TCO2e
			}
		}
		return v
	}
	rec.Reported = sumBase(lines)
	rec.Recalculated = rec.Reported
	var out []emissions.Line
	changed := false
	for i, ev := range pol.Events {
		if ev.TreatmentOrDefault() != TreatmentRecalculate {
			continue
		}
		switch {
		case ev.Discontinues():
			changed = true
		case ev.Adds():
			changed = true
		default:
			ps.Add(emissions.Problem{Severity: emissions.SeverityWarning, Cause: "base-year-restate-data",
				Message: fmt.Sprintf("trajectory.base_year_policy.events[%d] %s: footprint cannot restate a %s change from the data it holds; enter corrected rows for %d and the years before %d (or use restated factors), then record the event as organic", i, ev.Label(), ev.Type, baseYear, ev.Year)})
		}
	}
	if !changed {
		return lines, rec
	}
	years := map[int]bool{}
	for i := range lines {
		years[lines[i].Year] = true
	}
	for i := range lines {
		l := &lines[i]
		drop := false
		for _, ev := range pol.Events {
			if ev.TreatmentOrDefault() == TreatmentRecalculate && ev.Discontinues() && l.Year < ev.Year && ev.Matches(l) {
				drop = true
				break
			}
		}
		if !drop {
			out = append(out, *l)
		}
	}
	for i, ev := range pol.Events {
		if ev.TreatmentOrDefault() != TreatmentRecalculate || !ev.Adds() {
			continue
		}
		history, first := false, 0
		for j := range lines {
			l := &lines[j]
			if !ev.Matches(l) {
				continue
			}
			if l.Year < ev.Year {
				history = true
			} else if first == 0 || l.Year < first {
				first = l.Year
			}
		}
		if history {
			continue // the data already holds the acquired activities' history
		}
		if first == 0 {
			ps.Add(emissions.Problem{Severity: emissions.SeverityWarning, Cause: "base-year-event-unmatched",
				Message: fmt.Sprintf("trajectory.base_year_policy.events[%d] %s matches no activity from %d on: nothing to add to the base year", i, ev.Label(), ev.Year)})
			continue
		}
		for y := range years {
			if y >= ev.Year {
				continue
			}
			for j := range lines {
				if l := lines[j]; l.Year == first && ev.Matches(&l) {
					l.Year = y
					l.Comment = fmt.Sprintf("pro forma: %s, from its %d figures", ev.Label(), first)
					out = append(out, l)
				}
			}
		}
	}
	recalc := sumBase(out)
	if rec.Reported != 0 {
		rec.ChangePct = 100 * (recalc - rec.Reported) / rec.Reported
	}
	if math.Abs(rec.ChangePct) < sig && rec.Reported != 0 {
		ps.Add(emissions.Problem{Severity: emissions.SeverityWarning, Cause: "base-year-below-significance",
			Message: fmt.Sprintf("trajectory.base_year_policy: the structural changes move the %d base year by %.1f %%, below the %.1f %% significance threshold: the base year is not recalculated", baseYear, rec.ChangePct, sig)})
		return lines, rec
	}
	rec.Recalculated, rec.Applied = recalc, true
	if rec.Reported > 0 && recalc < rec.Reported/2 {
		ps.Add(emissions.Problem{Severity: emissions.SeverityWarning, Cause: "base-year-mostly-restated",
			Message: fmt.Sprintf("trajectory.base_year_policy: the recalculated %d base year keeps %.0f %% of the reported one: it no longer describes the organisation; consider a more recent base year", baseYear, 100*recalc/rec.Reported)})
	}
	return out, rec
}

// discontinuingBetween lists the closures, divestments and outsourcings, whatever their
// treatment, of the years from to to (both included: the activities may run part of the
// event's year), which a comparison of those two years labels discontinued.
func discontinuingBetween(pol BasePolicy, from, to int) []StructuralEvent {
	var evs []StructuralEvent
	for _, ev := range pol.Events {
		if ev.Discontinues() && from <= ev.Year && ev.Year <= to {
			evs = append(evs, ev)
		}
	}
	return evs
}

// eventsMatcher reports lines that one of evs concerns.
func eventsMatcher(evs []StructuralEvent) func(*emissions.Line) bool {
	return func(l *emissions.Line) bool {
		for _, ev := range evs {
			if ev.Matches(l) {
				return true
			}
		}
		return false
	}
}
