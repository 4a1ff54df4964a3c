package html

import (
	"math"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// The page's header: the reporting year's key figures, and the verdicts management reads
// first (on track this year, the plan against the target, the credits neutrality still needs).

// headerCards are the header's figures: the reporting year's totals, location- and
// market-based (the one the trajectory follows first), with their change; then, with a
// trajectory, the year's target, the target year's gap and the credits neutrality needs.
func headerCards(r reports.Report, cur emissions.YearTotals, ok bool) []htmlCard {
	l := r.Lang
	if !ok {
		c := htmlCard{Label: l.T("Total %v", lang.Year(r.ReportingYear)), Value: l.T("no data"), Notes: []string{l.T("no activity row has this year")}, Tone: "bad"}
		if len(r.Years) == 0 {
			c.Label, c.Notes = l.T("Total"), []string{l.T("no activity row was used")}
		}
		return []htmlCard{c}
	}
	prev, hasPrev := reports.YearOf(r.Years, r.ReportingYear-1)
	base, hasBase := reports.YearOf(r.Years, baseYear(r))
	t := headlineFormat(cur)
	totalCard := func(label string, pick func(emissions.YearTotals) float64) htmlCard {
		c := htmlCard{Label: l.T("Total %v, %s", lang.Year(cur.Year), label), Value: t(pick(cur)), Unit: "tCO2e"}
		prevIsBase := hasPrev && hasBase && prev.Year == base.Year
		if hasPrev {
			note := l.T("%s vs %v", pctChange(pick(cur), pick(prev)), lang.Year(prev.Year))
			if prevIsBase {
				note = l.T("%s vs %v (previous and base year)", pctChange(pick(cur), pick(prev)), lang.Year(prev.Year))
			}
			c.Notes = append(c.Notes, note)
		}
		if hasBase && base.Year != cur.Year && !prevIsBase {
			c.Notes = append(c.Notes, l.T("%s vs %v (base year)", pctChange(pick(cur), pick(base)), lang.Year(base.Year)))
		}
		return c
	}
	market := totalCard(l.T("market-based"), func(y emissions.YearTotals) float64 { return y.TotalMarket })
	location := totalCard(l.T("location-based"), func(y emissions.YearTotals) float64 { return y.TotalLocation })
	// The total the trajectory and the breakdowns follow comes first.
	cards := []htmlCard{market, location}
	if r.Method() == emissions.MethodLocation {
		cards = []htmlCard{location, market}
	}
	tr := r.Trajectory
	if tr == nil {
		return append(cards, htmlCard{Label: l.T("Trajectory"), Value: l.T("not computed"),
			Notes: []string{l.T("no trajectory: the report shows the actuals only")}})
	}
	scopes := scopesLabel(reports.TrajectoryBoundary(tr))
	if ty, ok := reports.TrajectoryYearOf(tr, cur.Year); ok {
		c := htmlCard{Label: l.T("Target %v, %s", lang.Year(cur.Year), scopes)}
		switch {
		case ty.Target == nil:
			c.Value, c.Notes = l.T("no target"), []string{l.T("no target applies to this year")}
		case ty.Actual == nil:
			c.Value, c.Unit = t(*ty.Target), "tCO2e"
			c.Notes = []string{l.T("no actual emissions for this year")}
		default:
			c.Value, c.Unit = t(*ty.Target), "tCO2e"
			c.Notes = []string{l.T("actual %s t", t(*ty.Actual))}
			if missed := missedTargets(r, ty, t); len(missed) > 0 {
				c.Tone = "bad"
				c.Notes = append(c.Notes, missed...)
			} else if without := ty.TargetWithoutDiscontinued; without != nil && *ty.Actual > *without {
				// On the path as reported, but not without the activities an event ended: not
				// green, and saying so (docs/user-guide.md#the-html-report).
				c.Notes = append(c.Notes, l.T("%s t below the target, only thanks to discontinued activities", t(*ty.Target-*ty.Actual))+withoutDiscontinued(l, *without, t))
			} else {
				c.Tone = "good"
				c.Notes = append(c.Notes, l.T("on track: %s t below the target", t(*ty.Target-*ty.Actual)))
			}
		}
		cards = append(cards, c)
	}
	if ty, ok := reports.TrajectoryYearOf(tr, tr.TargetYear); ok {
		c := htmlCard{Label: l.T("Gap in %v (plan − target)", lang.Year(tr.TargetYear))}
		switch {
		case ty.Gap == nil:
			c.Value = l.T("no target")
			if ty.Plan != nil {
				c.Notes = []string{l.T("plan %s t", t(*ty.Plan))}
			}
		default:
			c.Value, c.Unit = signedWith(t, *ty.Gap), "tCO2e"
			if ty.Plan != nil && ty.Target != nil {
				c.Notes = []string{l.T("plan %s t, target %s t", t(*ty.Plan), t(*ty.Target))}
			}
			if *ty.Gap > 0 {
				c.Tone = "bad"
				c.Notes = append(c.Notes, l.T("the plan misses the target"))
			} else if without := ty.TargetWithoutDiscontinued; without != nil && ty.Plan != nil && *ty.Plan > *without {
				c.Notes = append(c.Notes, l.T("the plan meets the target only thanks to discontinued activities")+withoutDiscontinued(l, *without, t))
			} else {
				c.Tone = "good"
				c.Notes = append(c.Notes, l.T("the plan meets the target"))
			}
		}
		cards = append(cards, c)
	}
	for _, y := range claimYears(r, cur.Year, tr) {
		if c, ok := claimCard(r, y, t); ok {
			cards = append(cards, c)
		}
	}
	if r.Claim.Check == nil {
		cards = append(cards, creditsCard(l, tr))
	}
	return cards
}

// claimYears are the years whose claim the header states: the reporting year and the
// neutrality year.
func claimYears(r reports.Report, cur int, tr *plan.Trajectory) []int {
	if n := neutralityYear(tr); n != cur {
		return []int{cur, n}
	}
	return []int{cur}
}

// creditsCard is what neutrality still needs in its year: the net left once the plan and the
// credits in the ledger are counted. Its last note is the verdict (the card's colour).
func creditsCard(l lang.Lang, tr *plan.Trajectory) htmlCard {
	neutral := neutralityYear(tr)
	c := htmlCard{Label: l.T("Credits needed for neutrality in %v", lang.Year(neutral)), Value: t(tr.CreditsNeeded), Unit: "tCO2e", Tone: "good"}
	if ty, ok := reports.TrajectoryYearOf(tr, neutral); ok && ty.Plan != nil {
		c.Notes = []string{l.T("plan %s t, credits in the ledger %s t", t(*ty.Plan), t(ty.Credits))}
	}
	if tr.CreditsNeeded > 0 {
		c.Tone = "bad"
		c.Notes = append(c.Notes, l.T("the ledger does not cover the plan yet"))
	} else {
		c.Notes = append(c.Notes, l.T("the ledger covers the plan"))
	}
	return c
}

// neutralityYear is the trajectory's neutrality year: its target year when none is given.
func neutralityYear(tr *plan.Trajectory) int {
	if tr.NeutralityYear == 0 {
		return tr.TargetYear
	}
	return tr.NeutralityYear
}

// missedTargets says which targets the year's actuals are above. Each target is judged on its
// own scopes: a Scope 3 far below its path must not hide Scopes 1+2 above theirs, as their sum
// would. Without each target's path (or its scopes), the sum is judged.
func missedTargets(r reports.Report, ty plan.TrajectoryYear, t func(float64) string) []string {
	if len(ty.Targets) != len(r.Targets) || len(r.Targets) < 2 {
		if diff := *ty.Actual - *ty.Target; diff > 0 {
			return []string{r.Lang.T("off track: %s t above the target", t(diff))}
		}
		return nil
	}
	var out []string
	names := targetNames(r)
	for i, tg := range r.Targets {
		if ty.Targets[i] == nil {
			continue
		}
		actual := 0.0
		for _, s := range tg.Scopes {
			if s >= 1 && s <= 3 {
				actual += ty.ActualByScope[s]
			}
		}
		if diff := actual - *ty.Targets[i]; diff > 0 {
			out = append(out, r.Lang.T("off track: %s t above the %s target", t(diff), names[i]))
		}
	}
	return out
}

// pctChange formats the change from b to a as a signed percentage.
func pctChange(a, b float64) string {
	if b == 0 {
		return emDash
	}
	return signedTonnes(100*(a-b)/b) + " %"
}

// headlineFormat formats the header's tonnes: with one decimal, as the tables, unless the
// reporting year's total reaches 100,000 t, where a decimal is noise that makes the figures
// long and hard to read (the demo runs in millions since Scope 3 category 11): whole tonnes.
func headlineFormat(cur emissions.YearTotals) func(float64) string {
	if math.Max(math.Abs(cur.TotalMarket), math.Abs(cur.TotalLocation)) < 1e5 {
		return t
	}
	return func(v float64) string { return strings.TrimSuffix(t(math.Round(v)+0), ".0") }
}

// signedTonnes formats v with one decimal, grouping and its sign (a true minus sign).
func signedTonnes(v float64) string { return signedWith(t, v) }

// signedWith formats v with format, grouping and its sign (a true minus sign).
func signedWith(t func(float64) string, v float64) string {
	s := t(math.Abs(v))
	switch {
	case s == "0.0" || s == "0":
		return s
	case v < 0:
		return "−" + s
	default:
		return "+" + s
	}
}

// withoutDiscontinued ends a card's note on a target met only thanks to discontinued
// activities: the path without them, or, when it is 0 t, that the activities that go on had
// no base-year emissions (a path of 0 t tells a reader nothing).
func withoutDiscontinued(l lang.Lang, without float64, t func(float64) string) string {
	if without == 0 {
		return l.T(": the activities that go on emitted nothing in the base year")
	}
	return l.T(": without them the path is %s t", t(without))
}
