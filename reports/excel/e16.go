package excel

import (
	"slices"
	"strconv"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
	"github.com/xuri/excelize/v2"
)

// The ESRS E1-6 sheet follows the table of ESRS E1 AR 48 (Delegated Regulation 2023/2772):
// gross Scope 1, Scope 2 location- and market-based, Scope 3 with its 15 categories, and the
// totals by method, for the base year, the previous year and the reporting year, the change
// N / N-1, the targets at their milestones and the annual target rate against the base year.
// The totals are formulas (Total = Scope 1 + Scope 2 + Scope 3, AR 47) that carry their value,
// so every reader sees the number even without recalculating.

// e16Row is one row of the table.
type e16Row struct {
	label string
	kind  e16Kind
	// get is the row's figure for a year; ok is false where the year has none.
	get func(t *emissions.YearTotals) (v float64, ok bool)
	// sum names the rows (by key) whose sum the row is, as a formula.
	sum []string
	key string
	// targets are the indexes in Report.Targets of the targets shown on this row; total
	// marks the row that shows the sum of all targets.
	targets []int
	total   bool
	note    string
	// pct: the figure is a share (a fraction shown as %); div names the rows (numerator,
	// denominator) whose quotient the figure is, as a formula.
	pct bool
	div [2]string
}

type e16Kind int

const (
	e16Figure e16Kind = iota
	e16Section
	e16Total
)

// e16Layout returns the rows of the table for the export's targets. Labels follow the
// wording of ESRS E1 AR 48 (Delegated Regulation (EU) 2023/2772), E1-6 §44–52; the rows
// after the totals are the other E1-6 disclosures (e16_rows.go).
func (x *exporter) e16Layout() []e16Row {
	method, l := x.e.Scope2Method, x.e.Lang
	s2key := "s2" + method
	// ESRS E1-6 §44 (a), §48 and AR 48: Scope 1, with the share under emission trading schemes.
	rows := []e16Row{
		{label: l.T("Scope 1 GHG emissions"), kind: e16Section},
		{key: "s1", label: l.T("Gross Scope 1 GHG emissions (tCO2eq)"), get: func(t *emissions.YearTotals) (float64, bool) { return t.Scope1, true }},
		x.etsRow(),
		// §44 (b), §49 and AR 48: Scope 2 by both methods.
		{label: l.T("Scope 2 GHG emissions"), kind: e16Section},
		{key: "s2location", label: l.T("Gross location-based Scope 2 GHG emissions (tCO2eq)"), get: func(t *emissions.YearTotals) (float64, bool) { return t.Scope2Location, true }},
		{key: "s2market", label: l.T("Gross market-based Scope 2 GHG emissions (tCO2eq)"), get: func(t *emissions.YearTotals) (float64, bool) { return t.Scope2Market, true }},
		// §44 (c), §51 and AR 46, AR 48: Scope 3 and each category, with the optional
		// sub-category of Category 1.
		{label: l.T("Significant scope 3 GHG emissions"), kind: e16Section},
		{key: "s3", label: l.T("Total Gross indirect (Scope 3) GHG emissions (tCO2eq)"), get: func(t *emissions.YearTotals) (float64, bool) { return t.Scope3, true }},
	}
	for c := 1; c <= 15; c++ {
		rows = append(rows, e16Row{key: "c" + strconv.Itoa(c), label: reports.ESRSCategoryLabelIn(l, c), note: x.coverageNote(c),
			get: func(t *emissions.YearTotals) (float64, bool) {
				v, ok := t.Scope3Categories[c]
				return v, ok
			}})
		if c == 1 {
			rows = append(rows, x.cloudRow())
		}
	}
	rows = append(rows, x.primaryRow())
	// §44 (d), §52 and AR 47: the totals, Scope 1 + Scope 2 + Scope 3 by method.
	rows = append(rows,
		e16Row{label: l.T("Total GHG emissions"), kind: e16Section},
		e16Row{key: "totallocation", kind: e16Total, label: l.T("Total GHG emissions (location-based) (tCO2eq)"), sum: []string{"s1", "s2location", "s3"},
			get: func(t *emissions.YearTotals) (float64, bool) { return t.TotalLocation, true }},
		e16Row{key: "totalmarket", kind: e16Total, label: l.T("Total GHG emissions (market-based) (tCO2eq)"), sum: []string{"s1", "s2market", "s3"},
			get: func(t *emissions.YearTotals) (float64, bool) { return t.TotalMarket, true }},
	)
	rows = append(rows, x.consolidationRows()...)
	rows = append(rows, x.biogenicRows()...)
	rows = append(rows, x.revenueRows()...)
	rows = append(rows, x.gwpRows()...)

	// Targets: one over a single scope goes on that scope's row (Scope 2 on the row of the
	// method the trajectory follows); one over several scopes gets a row of its own, the sum of
	// those scopes; the sum of all targets goes on the total row of that method when the
	// targets cover every scope.
	index := map[string]int{}
	for i, r := range rows {
		if r.key != "" {
			index[r.key] = i
		}
	}
	covered := map[int]bool{}
	var multi []e16Row
	for i, tg := range x.e.Targets {
		scopes := slices.Clone(tg.Scopes)
		slices.Sort(scopes)
		for _, s := range scopes {
			covered[s] = true
		}
		if len(scopes) == 1 {
			key := map[int]string{1: "s1", 2: s2key, 3: "s3"}[scopes[0]]
			if j, ok := index[key]; ok {
				rows[j].targets = append(rows[j].targets, i)
				rows[j].note = joinNote(rows[j].note, targetNote(l, tg))
			}
			continue
		}
		var keys, names []string
		for _, s := range scopes {
			keys = append(keys, map[int]string{1: "s1", 2: s2key, 3: "s3"}[s])
			names = append(names, strconv.Itoa(s))
		}
		scopesCopy := scopes
		multi = append(multi, e16Row{key: "target" + strconv.Itoa(i), kind: e16Total, sum: keys, targets: []int{i}, note: targetNote(l, tg),
			label: l.T("Scopes %s (Scope 2 %s) (tCO2eq)", strings.Join(names, " + "), reports.MethodLabelIn(l, method)),
			get: func(t *emissions.YearTotals) (float64, bool) {
				v := 0.0
				for _, s := range scopesCopy {
					v += scopeFigure(t, s, method)
				}
				return v, true
			}})
	}
	if covered[1] && covered[2] && covered[3] {
		j := index["total"+method]
		rows[j].total = true
		rows[j].note = joinNote(rows[j].note, l.T("target: the sum of the targets above, over Scopes 1, 2 and 3"))
	}
	if len(multi) > 0 {
		rows = append(rows, e16Row{label: l.T("Targets over several scopes"), kind: e16Section})
		rows = append(rows, multi...)
	}
	return rows
}

// scopeFigure is one scope's figure of a year, Scope 2 by method.
func scopeFigure(t *emissions.YearTotals, scope int, method string) float64 {
	switch scope {
	case 1:
		return t.Scope1
	case 2:
		return t.Scope2(method)
	case 3:
		return t.Scope3
	}
	return 0
}

func targetNote(l lang.Lang, tg plan.Target) string {
	how := string(tg.Pathway)
	if tg.Pathway == plan.PathwayLinear {
		how = l.T("linear, −%s %% at the target year", l.Localize(strconv.FormatFloat(tg.ReductionPct, 'f', -1, 64)))
	}
	return l.T("target “%s” (%s)", tg.Name, how)
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// milestones are the target years shown: 2025, 2030 and 2050 (the columns of AR 48), and the
// trajectory's target year.
func (x *exporter) milestones() []int {
	ms := []int{2025, 2030, 2050}
	if tr := x.e.Trajectory; tr != nil && !slices.Contains(ms, tr.TargetYear) {
		ms = append(ms, tr.TargetYear)
	}
	return ms
}

// trajectoryYear returns the trajectory's year y, or nil.
func (x *exporter) trajectoryYear(y int) *plan.TrajectoryYear {
	if x.e.Trajectory == nil {
		return nil
	}
	for i := range x.e.Trajectory.Years {
		if x.e.Trajectory.Years[i].Year == y {
			return &x.e.Trajectory.Years[i]
		}
	}
	return nil
}

// targetValue is target i's path in year y (i < 0: the sum of the targets), or nil. After the
// trajectory's last year it is the target's milestone of that year (2050), if config sets one:
// the base-year value less the milestone's reduction.
func (x *exporter) targetValue(i, y int) *float64 {
	ty := x.trajectoryYear(y)
	if ty == nil {
		return x.milestoneValue(i, y)
	}
	if i < 0 {
		return ty.Target
	}
	if i < len(ty.Targets) {
		return ty.Targets[i]
	}
	return nil
}

// annualRate is the target's average reduction a year against the base year, as a fraction
// (0.042 for an SBTi 1.5 °C path): (1 − target at the target year / base) / (target year −
// base year), the "Annual % target / Base year" of AR 48.
func (x *exporter) annualRate(i int) any {
	tr := x.e.Trajectory
	if tr == nil {
		return nil
	}
	base, end := x.targetValue(i, tr.BaseYear), x.targetValue(i, tr.TargetYear)
	if base == nil || end == nil || *base == 0 {
		return nil
	}
	return AnnualTargetRate(*base, *end, tr.BaseYear, tr.TargetYear)
}

// baseYear is the year of the base-year column: the trajectory's, else the first with data.
func (x *exporter) baseYear() int {
	if x.e.Trajectory != nil {
		return x.e.Trajectory.BaseYear
	}
	if len(x.e.Years) > 0 {
		return x.e.Years[0].Year
	}
	return x.e.ReportingYear
}

// E16 column layout: A label, B base year, C N-1, D N, E change, then the milestones, the
// annual rate and the notes.
const (
	e16ColBase = 2
	e16ColPrev = 3
	e16ColN    = 4
)

func (x *exporter) writeE16() error {
	l := x.e.Lang
	rows := x.e16Layout()
	ms := x.milestones()
	n := x.e.ReportingYear
	years := []int{x.baseYear(), n - 1, n}
	cols := []column{
		{header: l.T("GHG emissions"), width: 74}, // the longest label, biogenic CO2 with its unit, in full
		{header: yearLabel(l.T("Base year"), years[0]), width: 14, style: x.st.tonnes},
		{header: yearLabel(l.T("N-1"), years[1]), width: 14, style: x.st.tonnes},
		{header: yearLabel(l.T("N"), years[2]), width: 14, style: x.st.tonnes},
		{header: l.T("%% N / N-1"), width: 10, style: x.st.percent},
	}
	for _, m := range ms {
		cols = append(cols, column{header: l.T("Target %v", lang.Year(m)), width: 14, style: x.st.tonnes})
	}
	cols = append(cols,
		column{header: l.T("Annual %% target / Base year"), width: 14, style: x.st.percent},
		column{header: l.T("Notes"), width: 70})
	rowOf := map[string]int{}
	first := table{}.headerRow() + 1
	for i, r := range rows {
		if r.key != "" {
			rowOf[r.key] = first + i
		}
	}
	t := table{sheet: sheetE16, cols: cols, rows: len(rows),
		title: l.T("ESRS E1-6 — Gross Scopes 1, 2, 3 and total GHG emissions — %s", x.e.Site),
		note: l.T("tCO2eq (GWP100 %s) unless stated; layout of ESRS E1 AR 48, then the other disclosures of E1-6 (§48, §50, §53–55, AR 43–46); totals = Scope 1 + Scope 2 + Scope 3 by method (AR 47); targets over %s Scope 2; %% change and annual target rate are fractions shown as %%.",
			x.e.GWP, reports.MethodLabelIn(l, x.e.Scope2Method))}
	return x.stream(t, func(add func(...any) error) error {
		for _, r := range rows {
			vals := make([]any, len(cols))
			vals[0] = r.label
			switch r.kind {
			case e16Section:
				vals[0] = cell{StyleID: x.st.section, Value: r.label}
			case e16Total:
				vals[0] = cell{StyleID: x.st.totalLabel, Value: r.label}
			}
			figures := [3]*float64{}
			if r.get != nil {
				for k, y := range years {
					t := x.byYear[y]
					if t == nil {
						continue
					}
					v, ok := r.get(t)
					if !ok {
						continue
					}
					figures[k] = &v
					vals[e16ColBase+k-1] = x.e16Value(r, v, e16ColBase+k, rowOf)
				}
			}
			if p, c := figures[1], figures[2]; p != nil && c != nil && *p != 0 && !r.pct {
				vals[e16ColN] = (*c - *p) / *p
			}
			for k, m := range ms {
				if v := x.rowTarget(r, m); v != nil {
					vals[e16ColN+1+k] = *v
				}
			}
			if rate := x.rowRate(r); rate != nil {
				vals[e16ColN+1+len(ms)] = rate
			}
			vals[len(cols)-1] = blankIfEmpty(r.note)
			if err := add(vals...); err != nil {
				return err
			}
		}
		return nil
	})
}

// e16Value is a figure's cell: a plain number, or for totals the formula summing its rows with
// the figure as its cached value (a number, never text).
func (x *exporter) e16Value(r e16Row, v float64, col int, rowOf map[string]int) any {
	letter, _ := excelize.ColumnNumberToName(col)
	switch {
	case r.pct:
		return cell{StyleID: x.st.percent, Value: v}
	case r.div[0] != "":
		return cell{StyleID: x.st.number, Formula: letter + strconv.Itoa(rowOf[r.div[0]]) + "/" + letter + strconv.Itoa(rowOf[r.div[1]]), Value: v}
	case len(r.sum) == 0:
		return v
	}
	refs := make([]string, len(r.sum))
	for i, k := range r.sum {
		refs[i] = letter + strconv.Itoa(rowOf[k])
	}
	return cell{StyleID: x.st.totalTonnes, Formula: strings.Join(refs, "+"), Value: v}
}

// rowTarget is the row's target in year m: its single target, the sum of several, or the
// sum of all targets on the total row.
func (x *exporter) rowTarget(r e16Row, m int) *float64 {
	if r.total {
		return x.targetValue(-1, m)
	}
	if len(r.targets) == 0 {
		return nil
	}
	sum := 0.0
	for _, i := range r.targets {
		v := x.targetValue(i, m)
		if v == nil {
			return nil
		}
		sum += *v
	}
	return &sum
}

func (x *exporter) rowRate(r e16Row) any {
	switch {
	case r.total:
		return x.annualRate(-1)
	case len(r.targets) == 1:
		return x.annualRate(r.targets[0])
	}
	return nil
}
