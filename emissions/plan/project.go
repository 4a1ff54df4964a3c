package plan

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/lang"
)

// DefaultTargetYear is the target year when the plan names none.
const DefaultTargetYear = 2030

// SBTi absolute-contraction rates, share of base-year emissions a year.
var pathwayRate = map[Pathway]float64{PathwaySBTi15: 0.042, PathwaySBTiWB: 0.025}

// Project computes the trajectory from the base year to the target year (or the neutrality
// year, if later): actuals over the boundary, each target's path, business-as-usual from the
// last actual year, the plan with its levers, the credits ledger, net and gap (docs/methodology.md#the-trajectory-toward-2030).
//
// Mistakes that make a trajectory meaningless (a base year without data, a lever adding an
// unknown activity) are returned as errors; a lever that matches no activity is a warning in ps.
func Project(p Plan, lines []emissions.Line, lib *factors.Library, ps *emissions.Problems) (*Trajectory, error) {
	return ProjectWithin(p, lines, nil, lib, ps)
}

// ProjectWithin is Project over the lines that keep reports, as if the others were not
// there, without copying the lines kept (the claim boundary's projection); keep nil keeps
// them all.
func ProjectWithin(p Plan, lines []emissions.Line, keep func(*emissions.Line) bool, lib *factors.Library, ps *emissions.Problems) (*Trajectory, error) {
	if p.Scope2Method == "" {
		p.Scope2Method = emissions.MethodMarket
	}
	if keep != nil && len(p.BasePolicy.Events) > 0 {
		// a restatement makes lines of its own: it takes the kept ones, copied
		var kept []emissions.Line
		for i := range lines {
			if keep(&lines[i]) {
				kept = append(kept, lines[i])
			}
		}
		lines, keep = kept, nil
	}
	if keep == nil {
		keep = func(*emissions.Line) bool { return true }
	}
	t := &Trajectory{Scope2Method: p.Scope2Method, Boundary: boundary(p.Targets)}
	in := scopeSet(t.Boundary)
	inBoundary := func(l *emissions.Line) bool { return in[l.Scope] && (l.Scope != 2 || l.In(p.Scope2Method)) && keep(l) }
	reported := reportedByYear(lines, inBoundary)
	lines, t.Base = restate(p.BasePolicy, lines, baseYearOf(p.BaseYear, lines, keep), inBoundary, ps)
	baseYear := baseYearOf(p.BaseYear, lines, keep)
	var baseLines []*emissions.Line // the base year over the boundary, for the target without discontinued activities

	// Emissions over the boundary by year and activity, by year and scope, and the activities'
	// quantities in their factors' units (for the additions of levers).
	em := map[int]map[string]float64{}
	byScope := map[int]*[4]float64{}
	qty := map[int]map[string]float64{}
	for i := range lines {
		l := &lines[i]
		if l.Part == emissions.PartAvoided || !keep(l) {
			continue
		}
		if l.Part == emissions.PartDirect && l.Method != emissions.MethodMarket && l.FactorID != "" {
			addTo(qty, l.Year, l.Activity, l.Converted*l.Weight()) // as consolidated: a lever's additions replace only what the inventory counts
		}
		if !in[l.Scope] || (l.Scope == 2 && !l.In(p.Scope2Method)) {
			continue
		}
		addTo(em, l.Year, l.Activity, l.TCO2e)
		if l.Year == baseYear {
			baseLines = append(baseLines, l)
		}
		if byScope[l.Year] == nil {
			byScope[l.Year] = &[4]float64{}
		}
		byScope[l.Year][l.Scope] += l.TCO2e
	}
	var dataYears []int
	for y := range byScope {
		dataYears = append(dataYears, y)
	}
	// Years with data in any scope also count (a year may have nothing in the boundary).
	for i := range lines {
		l := &lines[i]
		if _, ok := byScope[l.Year]; !ok && l.Part != emissions.PartAvoided && keep(l) {
			byScope[l.Year] = &[4]float64{}
			dataYears = append(dataYears, l.Year)
		}
	}
	sort.Ints(dataYears)
	if len(dataYears) == 0 {
		return nil, errors.New(p.Lang.T("%s: %s", "trajectory", p.Lang.T("no emissions data to project")))
	}
	t.BaseYear, t.TargetYear, t.NeutralityYear = p.BaseYear, p.TargetYear, p.NeutralityYear
	if t.BaseYear == 0 {
		t.BaseYear = dataYears[0]
	} else if byScope[t.BaseYear] == nil {
		return nil, errors.New(p.Lang.T("%s: %s", "trajectory.base_year", p.Lang.T("%d has no data (years with data: %s)", lang.Year(t.BaseYear), emissions.YearList(dataYears))))
	}
	if t.TargetYear == 0 {
		t.TargetYear = DefaultTargetYear
	}
	if t.TargetYear <= t.BaseYear {
		return nil, errors.New(p.Lang.T("%s: %s", "trajectory.target_year", p.Lang.T("%d is not after the base year %d", lang.Year(t.TargetYear), lang.Year(t.BaseYear))))
	}
	if t.NeutralityYear == 0 {
		t.NeutralityYear = t.TargetYear
	} else if t.NeutralityYear < t.BaseYear {
		// The trajectory starts at the base year: an earlier neutrality year would have no
		// net to cover, and the credits needed would read 0 as if neutrality were reached.
		return nil, errors.New(p.Lang.T("%s: %s", "trajectory.neutrality.year", p.Lang.T("%d is before the base year %d", lang.Year(t.NeutralityYear), lang.Year(t.BaseYear))))
	}
	t.LastActualYear = dataYears[len(dataYears)-1]
	last := t.LastActualYear

	total := func(y int) float64 {
		s := byScope[y]
		return s[1] + s[2] + s[3]
	}
	baseFor := func(scopes []int) float64 {
		s := byScope[t.BaseYear]
		v := 0.0
		for _, sc := range scopes {
			v += s[sc]
		}
		return v
	}

	levers, err := prepareLevers(p.Lang, p.Levers, em[last], last, lib, ps)
	if err != nil {
		return nil, err
	}
	t.Levers = make([]LeverResult, len(levers))
	for i, lv := range levers {
		t.Levers[i] = LeverResult{Lever: lv.Lever, Abatement: map[int]float64{}, Matched: lv.matched}
	}

	end := max(t.TargetYear, t.NeutralityYear)
	credits := map[int]float64{}
	for i, c := range p.Credits {
		if c.Year < t.BaseYear || c.Year > end {
			ps.Add(emissions.Problem{Severity: emissions.SeverityWarning, Cause: "credit-outside-trajectory",
				Message: fmt.Sprintf("trajectory.neutrality.credits[%d] %q: year %d is outside the trajectory (%d–%d); it is not counted", i, c.Name, c.Year, t.BaseYear, end)})
		}
		credits[c.Year] += c.TCO2e
	}
	growth := 1 + p.GrowthPct/100
	for y := t.BaseYear; y <= end; y++ {
		ty := TrajectoryYear{Year: y, Credits: credits[y]}
		switch {
		case y <= last:
			if s := byScope[y]; s != nil {
				v := total(y)
				ty.Actual, ty.BAU, ty.Plan = ptr(v), ptr(v), ptr(v)
				ty.ActualByScope = *s
				if r, ok := reported[y]; ok {
					ty.ActualReported = ptr(r)
				} else {
					ty.ActualReported = ptr(0)
				}
			}
		default:
			k := math.Pow(growth, float64(y-last))
			plan := 0.0
			for _, a := range slices.Sorted(maps.Keys(em[last])) {
				e := em[last][a] * k
				remaining := 1.0
				for i, lv := range levers {
					if !lv.matches[a] {
						continue
					}
					share := remaining * lv.effect(y) // compounding: each lever acts on what is left
					remaining -= share
					added := lv.addedEmissions(y, qty[last][a]*k*share, in, p.Scope2Method)
					t.Levers[i].Abatement[y] += e*share - added
					plan += added
				}
				plan += e * remaining
			}
			ty.BAU, ty.Plan = ptr(total(last)*k), ptr(plan)
		}
		if len(p.Targets) > 0 {
			sum := 0.0
			for _, tg := range p.Targets {
				v := targetValue(tg, baseFor(tg.Scopes), t.BaseYear, t.TargetYear, y)
				ty.Targets = append(ty.Targets, ptr(v))
				sum += v
			}
			ty.Target = ptr(sum)
			if evs := discontinuingBetween(p.BasePolicy, t.BaseYear, y); organicDrop(evs) {
				ended := eventsMatcher(evs)
				var baseKept [4]float64 // the base year without the activities ended by y, by scope
				for _, l := range baseLines {
					if !ended(l) {
						baseKept[l.Scope] += l.TCO2e
					}
				}
				kept := 0.0
				for _, tg := range p.Targets {
					b := 0.0
					for _, sc := range tg.Scopes {
						if sc >= 1 && sc <= 3 {
							b += baseKept[sc]
						}
					}
					kept += targetValue(tg, b, t.BaseYear, t.TargetYear, y)
				}
				ty.TargetWithoutDiscontinued = ptr(kept)
			}
		}
		if ty.Plan != nil {
			ty.Net = ptr(*ty.Plan - ty.Credits)
			if ty.Target != nil {
				ty.Gap = ptr(*ty.Plan - *ty.Target)
			}
		}
		t.Years = append(t.Years, ty)
	}
	for _, ty := range t.Years {
		if ty.Year == t.NeutralityYear && ty.Net != nil {
			t.CreditsNeeded = math.Max(0, *ty.Net)
		}
	}
	return t, nil
}

// targetValue is a target's path in year y: linear to ReductionPct at the target year, or the
// SBTi absolute contraction base × (1 − rate × (y − base year)); never below 0.
func targetValue(tg Target, base float64, baseYear, targetYear, y int) float64 {
	var cut float64
	if rate, ok := pathwayRate[tg.Pathway]; ok {
		cut = rate * float64(y-baseYear)
	} else {
		cut = tg.ReductionPct / 100 * float64(y-baseYear) / float64(targetYear-baseYear)
	}
	return base * math.Max(0, 1-cut)
}

// lever is a Lever with what it matched and the factors of its additions.
type lever struct {
	Lever
	matches map[string]bool
	matched []string
	adds    []addition
}

type addition struct {
	Addition
	vintages []factors.Factor
	unit     factors.Unit
}

// effect is the lever's reduction share in year y: its full reduction times a linear ramp
// from StartYear to FullYear.
func (l *lever) effect(y int) float64 {
	ramp := float64(y-l.StartYear+1) / float64(l.FullYear-l.StartYear+1)
	return l.ReductionPct / 100 * math.Max(0, math.Min(1, ramp))
}

// addedEmissions is what the lever's additions emit in year y when removedQty (in the removed
// activity's factor unit) is removed, counting the parts that fall in the boundary.
func (l *lever) addedEmissions(y int, removedQty float64, in map[int]bool, method string) float64 {
	total := 0.0
	for _, a := range l.adds {
		f := a.vintages[0]
		for _, v := range a.vintages {
			if v.Year <= y {
				f = v
			}
		}
		fu, err := factors.ParseUnit(f.Unit)
		if err != nil {
			continue
		}
		q, err := factors.Convert(removedQty*a.PerUnitRemoved, a.unit, fu, f.PCSPerPCI)
		if err != nil {
			continue // checked in prepareLevers
		}
		if in[f.Scope] {
			total += q * f.Value / 1000
		}
		if in[3] && f.Upstream > 0 {
			total += q * f.Upstream / 1000
		}
	}
	return total
}

// prepareLevers matches each lever's globs against the activities of the last year with data,
// from which the projection starts, and checks its additions.
func prepareLevers(l10n lang.Lang, ls []Lever, activities map[string]float64, last int, lib *factors.Library, ps *emissions.Problems) ([]*lever, error) {
	var out []*lever
	for i, l := range ls {
		lv := &lever{Lever: l, matches: map[string]bool{}}
		for _, a := range slices.Sorted(maps.Keys(activities)) {
			for _, g := range l.Activities {
				if ok, _ := path.Match(strings.ToLower(g), strings.ToLower(a)); ok {
					lv.matches[a] = true
					lv.matched = append(lv.matched, a)
					break
				}
			}
		}
		if len(lv.matched) == 0 {
			ps.Add(emissions.Problem{Severity: emissions.SeverityWarning, Cause: "lever-unmatched",
				Message: fmt.Sprintf("trajectory.levers[%d] %q: its activities %v match no activity of %d, the last year with data, in the trajectory's boundary; it reduces nothing", i, l.Name, l.Activities, last)})
		}
		for j, a := range l.Adds {
			vs := lib.Vintages(a.Activity)
			if len(vs) == 0 {
				return nil, fmt.Errorf("trajectory.levers[%d].adds[%d].activity: %s", i, j, l10n.T("no factor %q; an addition names the factor id of what the substitution consumes (`footprint factors list --search` lists them)", a.Activity))
			}
			u, err := factors.ParseUnit(a.Unit)
			if err != nil {
				return nil, fmt.Errorf("trajectory.levers[%d].adds[%d].unit: %v", i, j, err)
			}
			fu, _ := factors.ParseUnit(vs[0].Unit)
			if _, err := factors.Convert(1, u, fu, vs[0].PCSPerPCI); err != nil {
				return nil, fmt.Errorf("trajectory.levers[%d].adds[%d].unit: %v", i, j, err)
			}
			lv.adds = append(lv.adds, addition{Addition: a, vintages: vs, unit: u})
		}
		out = append(out, lv)
	}
	return out, nil
}

// boundary is the union of the targets' scopes, or all scopes without targets.
func boundary(ts []Target) []int {
	if len(ts) == 0 {
		return []int{1, 2, 3}
	}
	set := map[int]bool{}
	for _, t := range ts {
		for _, s := range t.Scopes {
			set[s] = true
		}
	}
	var out []int
	for s := 1; s <= 3; s++ {
		if set[s] {
			out = append(out, s)
		}
	}
	return out
}

func scopeSet(scopes []int) map[int]bool {
	m := map[int]bool{}
	for _, s := range scopes {
		m[s] = true
	}
	return m
}

func addTo(m map[int]map[string]float64, y int, k string, v float64) {
	if m[y] == nil {
		m[y] = map[string]float64{}
	}
	m[y][k] += v
}

func ptr(v float64) *float64 { return &v }

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// baseYearOf is the configured base year, or the first year with emissions data among the
// lines kept.
func baseYearOf(configured int, lines []emissions.Line, keep func(*emissions.Line) bool) int {
	if configured != 0 {
		return configured
	}
	first := 0
	for i := range lines {
		if y := lines[i].Year; lines[i].Part != emissions.PartAvoided && keep(&lines[i]) && (first == 0 || y < first) {
			first = y
		}
	}
	return first
}

// reportedByYear sums the lines in the boundary per year, before any restatement.
func reportedByYear(lines []emissions.Line, in func(*emissions.Line) bool) map[int]float64 {
	out := map[int]float64{}
	for i := range lines {
		if l := &lines[i]; l.Part != emissions.PartAvoided && in(l) {
			out[l.Year] += l.TCO2e
		}
	}
	return out
}

// organicDrop reports whether one of the discontinuing events evs leaves its activities in the
// base year (an organic treatment; a restatement below the threshold is judged by Base.Applied).
func organicDrop(evs []StructuralEvent) bool {
	for _, ev := range evs {
		if ev.TreatmentOrDefault() == TreatmentOrganic {
			return true
		}
	}
	return false
}
