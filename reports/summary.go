package reports

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/claim"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/lang"
)

// Summary answers the team's first question, before any detail: are we on the target path,
// where does the plan land against the target, what is left for the neutrality claim, where do
// the emissions come from, which levers do the most, whether a structural change explains the
// progress, and what the figures leave out. Every figure is one of the Report's, as calc
// --json gives it; the sentences only put them in words.
type Summary struct {
	Year int // the reporting year
	// Sentences say the verdicts in plain words, the most important first.
	Sentences []string
	// Sources are the reporting year's largest activities, by their factor's name.
	Sources []SummaryItem
	// Levers are the plan's levers that abate the most in the target year.
	Levers []SummaryItem
	// Path is the trajectory's actual, target and plan by year, for the summary's chart; nil
	// without a trajectory.
	Path []plan.TrajectoryYear
}

// SummaryItem is a source or a lever of the summary: its name, its id (activities only), its
// tonnes and its share of the reporting year's total (sources only).
type SummaryItem struct {
	Name, ID string
	TCO2e    float64
	Share    float64 // % of the total
}

// summaryTop is how many sources and levers the summary names.
const summaryTop = 5

// SummaryOf writes the summary of r in r's language.
func SummaryOf(r Report) Summary {
	l := r.Lang
	s := Summary{Year: r.ReportingYear}
	cur, ok := YearOf(r.Years, r.ReportingYear)
	if !ok {
		s.Sentences = append(s.Sentences, l.T("No activity row has the reporting year %v: the report has no figure for it.", lang.Year(r.ReportingYear)))
		return s
	}
	total := cur.Total(r.Method())
	tr := r.Trajectory
	if tr == nil {
		s.Sentences = append(s.Sentences, l.T("In %v the site emitted %s tCO2e. No target is configured, so the report cannot say whether it is on track: it shows the actual emissions only.",
			lang.Year(cur.Year), l.Tonnes(total)))
	} else {
		s.Path = tr.Years
		s.Sentences = pathSentences(r, tr)
	}
	s.Sentences = append(s.Sentences, completenessSentence(r))
	s.Sources = topSources(r, cur, total)
	s.Levers = topLevers(tr)
	return s
}

// pathSentences say where the reporting year stands against its target path, where the plan
// lands in the target year, and what the neutrality claim still needs.
func pathSentences(r Report, tr *plan.Trajectory) []string {
	l := r.Lang
	var out []string
	if ty, ok := TrajectoryYearOf(tr, r.ReportingYear); ok && ty.Actual != nil {
		switch {
		case ty.Target == nil:
			out = append(out, l.T("In %v the site emitted %s tCO2e; no target applies to that year.", lang.Year(ty.Year), l.Tonnes(*ty.Actual)))
		case *ty.Actual > *ty.Target:
			out = append(out, l.T("Off track in %v: %s tCO2e emitted, %s t above the target path (%s t).",
				lang.Year(ty.Year), l.Tonnes(*ty.Actual), l.Tonnes(*ty.Actual-*ty.Target), l.Tonnes(*ty.Target)))
		case ty.TargetWithoutDiscontinued != nil && *ty.TargetWithoutDiscontinued == 0 && *ty.Actual > 0:
			// Every base-year activity ended: a path of 0 t says nothing a manager can use.
			out = append(out, l.T("In %v the site emitted %s tCO2e, below the target path (%s t) only because activities that ended count as reductions: the activities that go on emitted nothing in %v, so none of their %s t is a reduction from the base year.",
				lang.Year(ty.Year), l.Tonnes(*ty.Actual), l.Tonnes(*ty.Target), lang.Year(tr.BaseYear), l.Tonnes(*ty.Actual)))
		case ty.TargetWithoutDiscontinued != nil && *ty.Actual > *ty.TargetWithoutDiscontinued:
			out = append(out, l.T("In %v the site emitted %s tCO2e, below the target path (%s t) only because activities that ended count as reductions: without them the path would be %s t, and the site would be %s t above it.",
				lang.Year(ty.Year), l.Tonnes(*ty.Actual), l.Tonnes(*ty.Target), l.Tonnes(*ty.TargetWithoutDiscontinued), l.Tonnes(*ty.Actual-*ty.TargetWithoutDiscontinued)))
		default:
			out = append(out, l.T("On track in %v: %s tCO2e emitted, %s t below the target path (%s t).",
				lang.Year(ty.Year), l.Tonnes(*ty.Actual), l.Tonnes(*ty.Target-*ty.Actual), l.Tonnes(*ty.Target)))
		}
	}
	// The figures of the path are over the targets' scopes: say which when they are not all.
	if b := boundaryScopes(tr); b != "1+2+3" && len(out) > 0 {
		out = append(out, l.T("These trajectory figures cover Scopes %s, the scopes the targets are set on.", b))
	}
	// A structural change explains the reporting year before the plan is told.
	out = append(out, structuralSentences(r, tr)...)
	if ty, ok := TrajectoryYearOf(tr, tr.TargetYear); ok && ty.Plan != nil && ty.Target != nil && ty.Gap != nil {
		pct := EmDash // a target of 0 t: the gap has no share of it
		if *ty.Target != 0 {
			pct = l.Pct(100*math.Abs(*ty.Gap)/math.Abs(*ty.Target), 1)
		}
		switch {
		case *ty.Gap > 0:
			out = append(out, l.T("In %v the plan lands at %s tCO2e against a target of %s t: %s t (%s) above it, still to cut with more levers.",
				lang.Year(ty.Year), l.Tonnes(*ty.Plan), l.Tonnes(*ty.Target), l.Tonnes(*ty.Gap), pct))
		case ty.TargetWithoutDiscontinued != nil && *ty.TargetWithoutDiscontinued == 0 && *ty.Plan > 0:
			out = append(out, l.T("In %v the plan lands at %s tCO2e against a target of %s t: %s t (%s) below it, but only thanks to the activities that ended; the activities that go on had no emissions in %v to reduce from.",
				lang.Year(ty.Year), l.Tonnes(*ty.Plan), l.Tonnes(*ty.Target), l.Tonnes(-*ty.Gap), pct, lang.Year(tr.BaseYear)))
		case ty.TargetWithoutDiscontinued != nil && *ty.Plan > *ty.TargetWithoutDiscontinued:
			out = append(out, l.T("In %v the plan lands at %s tCO2e against a target of %s t: %s t (%s) below it, but only thanks to the activities that ended; without them the target would be %s t.",
				lang.Year(ty.Year), l.Tonnes(*ty.Plan), l.Tonnes(*ty.Target), l.Tonnes(-*ty.Gap), pct, l.Tonnes(*ty.TargetWithoutDiscontinued)))
		default:
			out = append(out, l.T("In %v the plan lands at %s tCO2e against a target of %s t: %s t (%s) below it.",
				lang.Year(ty.Year), l.Tonnes(*ty.Plan), l.Tonnes(*ty.Target), l.Tonnes(-*ty.Gap), pct))
		}
	}
	if s, ok := neutralitySentence(r, tr); ok {
		out = append(out, s)
	}
	return out
}

// neutralitySentence says what the neutrality year's claim still needs: the residual over the
// claim's boundary, less the retired credits and own removals, and the planned credits.
func neutralitySentence(r Report, tr *plan.Trajectory) (string, bool) {
	l := r.Lang
	year := tr.NeutralityYear
	if year == 0 {
		year = tr.TargetYear
	}
	cy, ok := r.Claim.Check.Year(year)
	if !ok || cy.Residual == nil {
		return "", false
	}
	left := *cy.Residual - cy.CreditsRetired - cy.RemovalsOwn
	var s string
	if left > 0 {
		s = l.T("For carbon neutrality in %v, %s tCO2e are left to reduce, or to cover with retired credits and removals (residual %s t; retired credits and own removals %s t; planned or contracted credits %s t, which count only once retired).",
			lang.Year(year), l.Tonnes(left), l.Tonnes(*cy.Residual), l.Tonnes(cy.CreditsRetired+cy.RemovalsOwn), l.Tonnes(cy.CreditsPlanned))
	} else {
		s = l.T("For carbon neutrality in %v, retired credits and own removals (%s t) cover the residual of %s tCO2e.",
			lang.Year(year), l.Tonnes(cy.CreditsRetired+cy.RemovalsOwn), l.Tonnes(*cy.Residual))
	}
	for _, reason := range cy.Reasons {
		if reason.Code == claim.ReasonBoundaryScope3 && r.Claim.Check.Excluded.Significant {
			ex := r.Claim.Check.Excluded
			s += " " + l.T("The claim's boundary leaves out %s t of Scope 3 (%s of the %v total), so a claim on it would not hold.",
				l.Tonnes(ex.TCO2e), l.Pct(100*ex.Share, 1), lang.Year(ex.Year))
		}
	}
	return s, true
}

// structuralSentences say, for each organic closure, divestment or outsourcing up to the
// reporting year, that its drop is discontinued activity and not abatement, and what the
// activities that go on emitted in the base year and the reporting year.
func structuralSentences(r Report, tr *plan.Trajectory) []string {
	if tr == nil {
		return nil
	}
	l := r.Lang
	red, ok := reductionOf(r.Claim.Reductions, r.ReportingYear)
	if !ok || red.Discontinued <= 0 {
		return nil
	}
	var names []string
	for _, e := range r.Events {
		if e.Year <= r.ReportingYear && e.TreatmentOrDefault() == plan.TreatmentOrganic {
			names = append(names, e.Name)
		}
	}
	if len(names) == 0 {
		return nil
	}
	base, okB := TrajectoryYearOf(tr, tr.BaseYear)
	cur, okC := TrajectoryYearOf(tr, r.ReportingYear)
	if !okB || !okC || base.Actual == nil || cur.Actual == nil {
		return nil
	}
	out := []string{l.T("%s: the %s tCO2e those activities emitted in %v are gone, which is activity that stopped, not abatement.",
		joinNames(l, names), l.Tonnes(red.Discontinued), lang.Year(tr.BaseYear))}
	continuing := math.Max(*base.Actual-red.Discontinued, 0)
	if continuing < 0.05 { // nothing, as one decimal writes it
		if end, ok := TrajectoryYearOf(tr, tr.TargetYear); ok && end.Plan != nil && tr.TargetYear > r.ReportingYear {
			return append(out, l.T("The activities that go on emitted %s tCO2e in %v and none in %v: they are new since the base year; the plan takes them to %s t in %v.",
				l.Tonnes(*cur.Actual), lang.Year(r.ReportingYear), lang.Year(tr.BaseYear), l.Tonnes(*end.Plan), lang.Year(tr.TargetYear)))
		}
		return append(out, l.T("The activities that go on emitted %s tCO2e in %v and none in %v: they are new since the base year.",
			l.Tonnes(*cur.Actual), lang.Year(r.ReportingYear), lang.Year(tr.BaseYear)))
	}
	if end, ok := TrajectoryYearOf(tr, tr.TargetYear); ok && end.Plan != nil && tr.TargetYear > r.ReportingYear {
		return append(out, l.T("The activities that go on emitted %s tCO2e in %v, against %s t in %v; the plan takes them to %s t in %v.",
			l.Tonnes(*cur.Actual), lang.Year(r.ReportingYear), l.Tonnes(continuing), lang.Year(tr.BaseYear), l.Tonnes(*end.Plan), lang.Year(tr.TargetYear)))
	}
	return append(out, l.T("The activities that go on emitted %s tCO2e in %v, against %s t in %v.",
		l.Tonnes(*cur.Actual), lang.Year(r.ReportingYear), l.Tonnes(continuing), lang.Year(tr.BaseYear)))
}

// completenessSentence says what the figures leave out: rows rejected, or nothing.
func completenessSentence(r Report) string {
	l := r.Lang
	if r.Rows.Rejected == 0 {
		return l.T("Data: %s rows read, all used.", l.Int(r.Rows.Read))
	}
	return l.T("Data: rows left out of the figures: %s of %s (%s); the notices above say which and why.",
		l.Int(r.Rows.Rejected), l.Int(r.Rows.Read), l.Pct(100*float64(r.Rows.Rejected)/float64(max(r.Rows.Read, 1)), 1))
}

// topSources are the reporting year's largest activities by the selected Scope 2 method.
func topSources(r Report, cur emissions.YearTotals, total float64) []SummaryItem {
	var out []SummaryItem
	for id, v := range cur.ByActivity {
		share := 0.0
		if total != 0 {
			share = 100 * v / total
		}
		out = append(out, SummaryItem{Name: ActivityName(r, id), ID: id, TCO2e: v, Share: share})
	}
	slices.SortFunc(out, func(a, b SummaryItem) int {
		return cmp.Or(cmp.Compare(b.TCO2e, a.TCO2e), cmp.Compare(a.ID, b.ID))
	})
	return out[:min(len(out), summaryTop)]
}

// topLevers are the levers that abate the most in the target year, largest first.
func topLevers(tr *plan.Trajectory) []SummaryItem {
	if tr == nil {
		return nil
	}
	var out []SummaryItem
	for _, lv := range tr.Levers {
		if a := lv.Abatement[tr.TargetYear]; a > 0 {
			out = append(out, SummaryItem{Name: lv.Lever.Name, TCO2e: a})
		}
	}
	slices.SortStableFunc(out, func(a, b SummaryItem) int { return cmp.Compare(b.TCO2e, a.TCO2e) })
	return out[:min(len(out), summaryTop)]
}

// ActivityName is the name of activity id's factor in the report's language (its French name
// in French, where the library has one), else the id itself.
func ActivityName(r Report, id string) string {
	if r.Library == nil || id == "" {
		return id
	}
	f, _, ok := r.Library.Lookup(id, r.ReportingYear)
	if !ok || f.Name == "" {
		return id
	}
	if r.Lang.IsFrench() && f.NameFR != "" {
		return f.NameFR
	}
	return f.Name
}

// TrajectoryBoundary is the scopes the trajectory covers, in order: the union of its
// targets' scopes, all three when none is given.
func TrajectoryBoundary(tr *plan.Trajectory) []int {
	if len(tr.Boundary) == 0 {
		return []int{1, 2, 3}
	}
	b := slices.Clone(tr.Boundary)
	slices.Sort(b)
	return b
}

// boundaryScopes are the scopes of the trajectory's boundary, as "1+2".
func boundaryScopes(tr *plan.Trajectory) string {
	b := TrajectoryBoundary(tr)
	parts := make([]string, len(b))
	for i, s := range b {
		parts[i] = strconv.Itoa(s)
	}
	return strings.Join(parts, "+")
}

// YearOf is year y of years, and whether it is there (else a YearTotals of year y and nothing).
func YearOf(years []emissions.YearTotals, y int) (emissions.YearTotals, bool) {
	for _, yt := range years {
		if yt.Year == y {
			return yt, true
		}
	}
	return emissions.YearTotals{Year: y}, false
}

// TrajectoryYearOf is year y of the trajectory, and whether it has it.
func TrajectoryYearOf(tr *plan.Trajectory, y int) (plan.TrajectoryYear, bool) {
	for _, ty := range tr.Years {
		if ty.Year == y {
			return ty, true
		}
	}
	return plan.TrajectoryYear{}, false
}

func reductionOf(rs []plan.Reduction, y int) (plan.Reduction, bool) {
	for _, r := range rs {
		if r.Year == y {
			return r, true
		}
	}
	return plan.Reduction{}, false
}

// joinNames joins names as a sentence lists them: "a", "a and b", "a, b and c".
func joinNames(l lang.Lang, names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	out := names[0]
	for _, n := range names[1 : len(names)-1] {
		out += ", " + n
	}
	return l.T("%s and %s", out, names[len(names)-1])
}
