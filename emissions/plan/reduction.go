package plan

import "github.com/footprint/footprint/emissions"

// Where each reduction comes from (GHG Protocol chapter 5;
// docs/methodology.md#the-neutrality-claim): the change of gross emissions over the trajectory's boundary from the base year as
// reported to each year, split into
//
//   - discontinued: the emissions of activities that a closure, divestment or outsourcing
//     of the base year to this year ended (whatever the event's treatment), base year less
//     this year — the events changes.go labels in the comparison of the same two years; a
//     year before the event has no discontinued part: its activities were still running;
//   - instruments: contractual instruments of market-based Scope 2 (guarantees of origin, PPAs,
//     the residual mix): the change of (market − location) of the continuing activities; 0
//     when the trajectory follows location-based Scope 2;
//   - factors: the factor effect of the continuing activities, location-based (the energy and
//     grid mix and every other factor vintage), by the LMDI of changes.go;
//   - abatement: the rest — less activity for the same output, efficiency, substitutions and,
//     in projected years, the levers (net of growth).
//
// Reductions are positive: abatement + factors + instruments + discontinued = total = base − year.

// Reduction is one year's reduction from the base year and its parts, tCO2e.
type Reduction struct {
	Year                                                 int
	Total, Abatement, Factors, Instruments, Discontinued float64
}

// Reductions splits the reduction of every year of traj with actual or plan figures.
func Reductions(lines []emissions.Line, pol BasePolicy, traj *Trajectory) []Reduction {
	in := scopeSet(traj.Boundary)
	byYear := map[int][]*emissions.Line{}
	for i := range lines {
		if l := &lines[i]; l.Part != emissions.PartAvoided && in[l.Scope] {
			byYear[l.Year] = append(byYear[l.Year], l)
		}
	}
	if byYear[traj.BaseYear] == nil {
		return nil
	}
	type sums struct {
		sel, disc, mktMinusLoc float64
		cont                   []*emissions.Line // location-based lines of the continuing activities
	}
	sum := func(y int, ended func(*emissions.Line) bool) sums {
		var s sums
		for _, l := range byYear[y] {
			d := ended(l)
			if l.Scope != 2 || l.In(traj.Scope2Method) {
				s.sel += l.TCO2e
				if d {
					s.disc += l.TCO2e
				}
			}
			if d {
				continue
			}
			if l.Scope == 2 && traj.Scope2Method != emissions.MethodLocation {
				if l.InMarket() {
					s.mktMinusLoc += l.TCO2e
				}
				if l.InLocation() {
					s.mktMinusLoc -= l.TCO2e
				}
			}
			if l.InLocation() {
				s.cont = append(s.cont, l)
			}
		}
		return s
	}
	// The base year's sums depend only on which events have ended by a year. Those of a later
	// year include those of an earlier one, so their number says which they are: most years
	// share the base year's sums.
	bases := map[int]sums{}
	baseSums := func(evs []StructuralEvent, ended func(*emissions.Line) bool) sums {
		s, ok := bases[len(evs)]
		if !ok {
			s = sum(traj.BaseYear, ended)
			bases[len(evs)] = s
		}
		return s
	}
	none := func(*emissions.Line) bool { return false }
	split := func(y int) Reduction {
		evs := discontinuingBetween(pol, traj.BaseYear, y)
		ended := eventsMatcher(evs)
		base, s := baseSums(evs, ended), sum(y, ended)
		r := Reduction{Year: y, Total: base.sel - s.sel, Discontinued: base.disc - s.disc, Instruments: base.mktMinusLoc - s.mktMinusLoc}
		if y != traj.BaseYear && len(base.cont) > 0 && len(s.cont) > 0 {
			// The location-based change of the continuing activities, as Changes computes it
			// for these two years alone (none when either has no line), without copying
			// their lines.
			c := decompose(traj.BaseYear, y, changeElements(base.cont, none), changeElements(s.cont, none))
			r.Factors = -c.FactorEffect
		}
		r.Abatement = r.Total - r.Discontinued - r.Instruments - r.Factors
		return r
	}
	var out []Reduction
	var last Reduction
	var lastActual *float64
	for _, ty := range traj.Years {
		switch {
		case ty.Year <= traj.LastActualYear && byYear[ty.Year] != nil:
			last = split(ty.Year)
			lastActual = ty.Actual
			out = append(out, last)
		case ty.Year > traj.LastActualYear && ty.Plan != nil && lastActual != nil:
			// The plan changes the last actual year by its levers and growth: abatement.
			r := last
			r.Year = ty.Year
			r.Total += *lastActual - *ty.Plan
			r.Abatement += *lastActual - *ty.Plan
			out = append(out, r)
		}
	}
	return out
}
