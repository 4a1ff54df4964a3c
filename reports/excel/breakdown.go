package excel

import (
	"sort"
	"strconv"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// breakdownRow is one row of the Breakdown sheet.
type breakdownRow struct {
	year      int
	dimension string
	item      string
	tco2e     float64
	share     any // fraction of the year's total, or nil where it does not apply
}

// breakdownRows lists, per year, the emissions by scope, Scope 3 category, pole, site and
// activity, in long format (one figure per row) so a pivot table or a filter reads them.
func (x *exporter) breakdownRows() []breakdownRow {
	method, l := x.e.Scope2Method, x.e.Lang
	var out []breakdownRow
	for i := range x.e.Years {
		t := &x.e.Years[i]
		total := t.Total(method)
		share := func(v float64) any {
			if total == 0 {
				return nil
			}
			return v / total
		}
		add := func(dim, item string, v float64, withShare bool) {
			r := breakdownRow{year: t.Year, dimension: dim, item: item, tco2e: v}
			if withShare {
				r.share = share(v)
			}
			out = append(out, r)
		}
		add(l.T("Scope"), "Scope 1", t.Scope1, true)
		add(l.T("Scope"), l.T("Scope 2 location-based"), t.Scope2Location, method == emissions.MethodLocation)
		add(l.T("Scope"), l.T("Scope 2 market-based"), t.Scope2Market, method != emissions.MethodLocation)
		add(l.T("Scope"), "Scope 3", t.Scope3, true)
		cats := make([]int, 0, len(t.Scope3Categories))
		for c := range t.Scope3Categories {
			cats = append(cats, c)
		}
		sort.Ints(cats)
		for _, c := range cats {
			add(l.T("Scope 3 category"), categoryLabel(l, c), t.Scope3Categories[c], true)
		}
		for _, d := range []struct {
			name string
			m    map[string]float64
		}{{l.T("Pole"), t.ByPole}, {l.T("Site"), t.BySite}, {l.T("Activity"), t.ByActivity}} {
			for _, k := range reports.LargestFirst(d.m) {
				add(d.name, reports.AssignedIn(x.e.Lang, k), d.m[k], true)
			}
		}
	}
	return out
}

func categoryLabel(l lang.Lang, c int) string {
	if c >= 1 && c <= 15 {
		return strconv.Itoa(c) + " " + reports.Scope3CategoryName(l, c)
	}
	return strconv.Itoa(c)
}

func (x *exporter) writeBreakdown() error {
	l := x.e.Lang
	rows := x.breakdownRows()
	t := table{sheet: sheetBreakdown, rows: len(rows),
		title: l.T("Breakdown of emissions per year by scope, Scope 3 category, pole, site and activity"),
		note: l.T("tCO2e (GWP100 %s). Categories, poles, sites and activities follow the %s Scope 2 (config trajectory.scope2_method); the share is of that year's %s total.",
			x.e.GWP, reports.MethodLabelIn(l, x.e.Scope2Method), reports.MethodLabelIn(l, x.e.Scope2Method)),
		cols: []column{
			{header: l.T("Year"), width: 8, style: x.st.integer},
			{header: l.T("Breakdown"), width: 18},
			{header: l.T("Item"), width: 48},
			{header: l.T("tCO2e"), width: 14, style: x.st.tonnes},
			{header: l.T("Share of the year's total"), width: 12, style: x.st.percent},
		}}
	return x.stream(t, func(add func(...any) error) error {
		for _, r := range rows {
			if err := add(r.year, r.dimension, r.item, r.tco2e, r.share); err != nil {
				return err
			}
		}
		return nil
	})
}

// trajectoryColumns lists the Trajectory sheet's columns; the Summary's chart refers to them.
type trajectoryColumns struct {
	cols                                    []column
	actual, target, bau, plan, credits, net int // 1-based column numbers
	byScope                                 map[int]int
	targets                                 []int
	gap                                     int
	levers                                  []int
}

func (x *exporter) trajectoryLayout() trajectoryColumns {
	tc := trajectoryColumns{byScope: map[int]int{}}
	l := x.e.Lang
	add := func(c column) int {
		tc.cols = append(tc.cols, c)
		return len(tc.cols)
	}
	ton := func(h string) column { return column{header: h, width: 14, style: x.st.tonnes} }
	add(column{header: l.T("Year"), width: 8, style: x.st.integer})
	add(column{header: l.T("Status"), width: 11})
	tc.actual = add(ton(l.T("Actual")))
	if tr := x.e.Trajectory; tr != nil {
		for _, s := range tr.Boundary {
			h := l.T("Actual %s", reports.ScopeNameIn(l, s, tr.Scope2Method))
			tc.byScope[s] = add(ton(h))
		}
	}
	tc.target = add(ton(l.T("Target (sum of targets)")))
	for _, tg := range x.e.Targets {
		tc.targets = append(tc.targets, add(ton(l.T("Target “%s” (%s)", tg.Name, scopeList(tg.Scopes)))))
	}
	tc.bau = add(ton(l.T("Business as usual")))
	tc.plan = add(ton(l.T("Plan")))
	tc.credits = add(ton(l.T("Credits")))
	tc.net = add(ton(l.T("Net (plan − credits)")))
	tc.gap = add(ton(l.T("Gap (plan − target)")))
	if tr := x.e.Trajectory; tr != nil {
		for _, lv := range tr.Levers {
			tc.levers = append(tc.levers, add(ton(l.T("Abatement: %s", lv.Lever.Name))))
		}
	}
	return tc
}

// scopeList names scopes: "Scope 3", "Scopes 1, 2".
func scopeList(scopes []int) string {
	s := make([]string, len(scopes))
	for i, v := range scopes {
		s[i] = strconv.Itoa(v)
	}
	if len(s) == 1 {
		return "Scope " + s[0]
	}
	return "Scopes " + strings.Join(s, ", ")
}

func (x *exporter) writeTrajectory() error {
	tc := x.trajectoryLayout()
	tr := x.e.Trajectory
	n := 0
	l := x.e.Lang
	note := l.T("No trajectory: there are no lines to project.")
	if tr != nil {
		n = len(tr.Years)
		note = l.T("tCO2e over %s (Scope 2 %s); actual up to %v, then projected; targets and credits never net into the inventory; a blank is a figure the year does not have.",
			scopeList(tr.Boundary), reports.MethodLabelIn(l, tr.Scope2Method), lang.Year(tr.LastActualYear))
	}
	t := table{sheet: sheetTrajectory, rows: n, cols: tc.cols, note: note,
		title: l.T("Trajectory toward %v", lang.Year(x.targetYear()))}
	return x.stream(t, func(add func(...any) error) error {
		if tr == nil {
			return nil
		}
		for _, y := range tr.Years {
			vals := make([]any, len(tc.cols))
			vals[0] = y.Year
			switch {
			case y.Year > tr.LastActualYear:
				vals[1] = l.T("projected")
			case y.Actual != nil:
				vals[1] = l.T("actual")
			default:
				vals[1] = l.T("no data")
			}
			vals[tc.actual-1] = optional(y.Actual)
			if y.Actual != nil {
				for s, c := range tc.byScope {
					vals[c-1] = y.ActualByScope[s]
				}
			}
			vals[tc.target-1] = optional(y.Target)
			for i, c := range tc.targets {
				if i < len(y.Targets) {
					vals[c-1] = optional(y.Targets[i])
				}
			}
			vals[tc.bau-1] = optional(y.BAU)
			vals[tc.plan-1] = optional(y.Plan)
			vals[tc.credits-1] = y.Credits
			vals[tc.net-1] = optional(y.Net)
			vals[tc.gap-1] = optional(y.Gap)
			for i, c := range tc.levers {
				if a, ok := tr.Levers[i].Abatement[y.Year]; ok {
					vals[c-1] = a
				}
			}
			if err := add(vals...); err != nil {
				return err
			}
		}
		return nil
	})
}

func (x *exporter) targetYear() int {
	if x.e.Trajectory != nil {
		return x.e.Trajectory.TargetYear
	}
	return plan.DefaultTargetYear
}
