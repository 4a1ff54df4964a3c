package html

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// Chart ids are fixed so the page is the same on every run and tests can find each chart.
const (
	ChartTrajectory = "chart-trajectory"
	ChartScopes     = "chart-scopes"
	ChartPoles      = "chart-poles"
	ChartPoleYears  = "chart-pole-years"
	ChartLevers     = "chart-levers"
	ChartMACC       = "chart-macc"
)

// The scopes' and the trajectory's colours are reports.ScopeColor and reports.Color*, which the
// Excel export's charts share.

// colorLever is the levers' bars.
const colorLever = "#2e7d32"

// poleColors are the poles' colours, given in order of their emissions over all years, so a
// pole keeps its colour in the treemap and in the evolution chart.
// They are dark enough for white labels, and none is a scope's colour.
var poleColors = []string{"#264653", "#2a9d8f", "#6a8d3a", "#9c6b1c", "#c0582b", "#6d597a",
	"#8c3b5e", "#355070", "#5e6b2d", "#1f7a8c", "#7a4e2d", "#5a5a5a"}

func poleColor(i int) string { return poleColors[i%len(poleColors)] }

// trajectoryChart draws the actuals stacked by scope and, when there is a trajectory, the
// target path(s), business-as-usual, the plan and the credits (their own bars below zero, never
// a net line: docs/user-guide.md#the-html-report), with
// the base and neutrality years and the target year's gap marked.
func trajectoryChart(r reports.Report) echart {
	var vs []float64
	for _, y := range r.Years {
		vs = append(vs, y.TotalLocation, y.TotalMarket)
	}
	if r.Uncertainty != nil {
		for _, y := range r.Uncertainty.Years {
			vs = append(vs, y.Interval.High)
		}
	}
	if r.Trajectory != nil {
		for _, y := range r.Trajectory.Years {
			for _, p := range append([]*float64{y.Actual, y.Target, y.BAU, y.Plan}, y.Targets...) {
				if p != nil {
					vs = append(vs, *p)
				}
			}
			vs = append(vs, -y.Credits)
		}
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(commonChartOpts(ChartTrajectory), axisTooltip(), grid("24", "3%", underLegend, "34"),
		charts.WithYAxisOpts(valueAxis("tCO2e", vs)),
		charts.WithXAxisOpts(yearAxis(r.Lang)))...)
	tr := r.Trajectory
	if tr == nil {
		years := make([]int, len(r.Years))
		data := [4][]opts.BarData{}
		for i, y := range r.Years {
			years[i] = y.Year
			for s, v := range [4]float64{0, y.Scope1, y.Scope2(r.Method()), y.Scope3} {
				if s > 0 {
					data[s] = append(data[s], opts.BarData{Value: round1(v)})
				}
			}
		}
		bar.SetXAxis(yearLabels(years))
		for s := 1; s <= 3; s++ {
			bar.AddSeries(reports.ScopeNameIn(r.Lang, s, r.Method()), data[s], scopeBar(s))
		}
		if band := charts.NewLine(); len(years) > 0 && addUncertaintyBand(band, r, years, years[len(years)-1]) {
			bar.Overlap(band)
			hideFromLegend(bar, r.Lang.T("95 %% interval: low"))
		}
		return echart{ID: ChartTrajectory, Height: 440, Label: r.Lang.T("Emissions by scope and year"),
			Options: echartOptions(bar, bar.Validate)}
	}

	years := make([]int, len(tr.Years))
	for i, y := range tr.Years {
		years[i] = y.Year
	}
	bar.SetXAxis(yearLabels(years))
	first := true
	for _, s := range reports.TrajectoryBoundary(tr) {
		data := make([]opts.BarData, len(tr.Years))
		for i, y := range tr.Years {
			if y.Actual == nil {
				data[i] = opts.BarData{Value: echartsNone}
			} else {
				data[i] = opts.BarData{Value: round1(y.ActualByScope[s])}
			}
		}
		o := []charts.SeriesOpts{scopeBar(s)}
		if first {
			o = append(o, yearMarks(r.Lang, tr)...)
			first = false
		}
		bar.AddSeries(r.Lang.T("Actual, %s", reports.ScopeNameIn(r.Lang, s, tr.Scope2Method)), data, o...)
	}
	if hasCredits(tr) {
		data := make([]opts.BarData, len(tr.Years))
		for i, y := range tr.Years {
			data[i] = opts.BarData{Value: -round1(y.Credits)}
		}
		bar.AddSeries(r.Lang.T("Credits and removals (below zero)"), data, scopeBarColor("actual", reports.ColorCredits))
	}

	line := charts.NewLine()
	addLine := func(name, color, lineType string, width float32, symbols bool, pick func(plan.TrajectoryYear) *float64, o ...charts.SeriesOpts) {
		data := make([]opts.LineData, len(tr.Years))
		has := false
		for i, y := range tr.Years {
			data[i] = lineValue(pick(y))
			has = has || pick(y) != nil
		}
		if !has {
			return
		}
		o = append([]charts.SeriesOpts{
			charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 5, ShowSymbol: opts.Bool(symbols)}),
			charts.WithLineStyleOpts(opts.LineStyle{Color: color, Width: width, Type: lineType}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: color}),
		}, o...)
		line.AddSeries(name, data, o...)
	}
	// Business as usual, the plan and the net line equal the actuals up to the last actual
	// year, which the bars show: the lines start there.
	projected := func(pick func(plan.TrajectoryYear) *float64) func(plan.TrajectoryYear) *float64 {
		return func(y plan.TrajectoryYear) *float64 {
			if y.Year < tr.LastActualYear {
				return nil
			}
			return pick(y)
		}
	}
	names := targetNames(r)
	addLine(r.Lang.T("Target"), reports.ColorTarget, "dashed", 2.5, true, func(y plan.TrajectoryYear) *float64 { return y.Target }, gapMark(r.Lang, tr))
	if len(names) > 1 {
		for i, n := range names {
			addLine(r.Lang.T("Target: %s", n), reports.ColorTarget, "dotted", 1.2, false, func(y plan.TrajectoryYear) *float64 {
				if i < len(y.Targets) {
					return y.Targets[i]
				}
				return nil
			})
		}
	}
	addLine(r.Lang.T("Business as usual"), reports.ColorBAU, "dashed", 2, true, projected(func(y plan.TrajectoryYear) *float64 { return y.BAU }))
	addLine(r.Lang.T("Plan"), reports.ColorPlan, "solid", 2.5, true, projected(func(y plan.TrajectoryYear) *float64 { return y.Plan }))
	if bandCovers(tr) {
		addUncertaintyBand(line, r, years, tr.LastActualYear)
	}
	bar.Overlap(line)
	hideFromLegend(bar, r.Lang.T("95 %% interval: low"))
	// Room on the right for the target year's gap label.
	bar.GridList[0].Right = "72"
	return echart{ID: ChartTrajectory, Height: 480, Label: r.Lang.T("Trajectory to %v", lang.Year(tr.TargetYear)),
		Options: echartOptions(bar, bar.Validate)}
}

func scopeBar(s int) charts.SeriesOpts { return scopeBarColor("actual", reports.ScopeColor(s)) }

// yearMark is a vertical mark line at a year, with a label of its own (go-echarts'
// MarkLineNameXAxisItem has no label).
type yearMark struct {
	Name  string     `json:"name"`
	XAxis string     `json:"xAxis"`
	Label opts.Label `json:"label"`
}

// yearMarks draws vertical lines at the base year and the neutrality year. Their labels stand
// above the plot, on the inner side of their line: the base year's (usually the first year)
// runs right, the neutrality year's (usually the last) runs left, so neither reaches over the
// axis labels nor past the chart's edge.
func yearMarks(l lang.Lang, tr *plan.Trajectory) []charts.SeriesOpts {
	var items []any
	inAxis := func(y int) bool {
		return len(tr.Years) > 0 && y >= tr.Years[0].Year && y <= tr.Years[len(tr.Years)-1].Year
	}
	label := func(align string) opts.Label {
		return opts.Label{Show: opts.Bool(true), Position: "end", Formatter: "{b}", Color: "#333", Align: align}
	}
	if inAxis(tr.BaseYear) {
		items = append(items, yearMark{l.T("Base year %v", lang.Year(tr.BaseYear)), strconv.Itoa(tr.BaseYear), label("left")})
	}
	if neutral := neutralityYear(tr); inAxis(neutral) && neutral != tr.BaseYear {
		items = append(items, yearMark{l.T("Neutrality %v", lang.Year(neutral)), strconv.Itoa(neutral), label("right")})
	}
	if len(items) == 0 {
		return nil
	}
	return []charts.SeriesOpts{
		func(s *charts.SingleSeries) {
			if s.MarkLines == nil {
				s.MarkLines = &opts.MarkLines{}
			}
			s.MarkLines.Data = append(s.MarkLines.Data, items...)
		},
		charts.WithMarkLineStyleOpts(opts.MarkLineStyle{Symbol: []string{"none", "none"},
			LineStyle: &opts.LineStyle{Color: "#555", Type: "dashed", Width: 1}}),
	}
}

// gapMark draws the target year's gap as a segment from the target to the plan.
func gapMark(l lang.Lang, tr *plan.Trajectory) charts.SeriesOpts {
	return func(s *charts.SingleSeries) {
		for _, y := range tr.Years {
			if y.Year != tr.TargetYear || y.Gap == nil || y.Target == nil || y.Plan == nil {
				continue
			}
			x := strconv.Itoa(y.Year)
			name, color := l.Localize(l.T("gap %s t", t(*y.Gap))), "#b00020"
			if *y.Gap <= 0 {
				name, color = l.Localize(l.T("margin %s t", t(-*y.Gap))), reports.ColorPlan
			}
			charts.WithMarkLineNameCoordItemOpts(opts.MarkLineNameCoordItem{
				Name:        name,
				Coordinate0: []any{x, round1(*y.Target)},
				Coordinate1: []any{x, round1(*y.Plan)},
			})(s)
			charts.WithMarkLineStyleOpts(opts.MarkLineStyle{Symbol: []string{"none", "arrow"},
				Label: &opts.Label{Show: opts.Bool(true), Position: "start", Formatter: "{b}", Color: color, FontWeight: "bold",
					BackgroundColor: "rgba(255,255,255,0.85)"},
				LineStyle: &opts.LineStyle{Color: color, Type: "solid", Width: 2}})(s)
		}
	}
}

func hasCredits(tr *plan.Trajectory) bool {
	for _, y := range tr.Years {
		if y.Credits != 0 {
			return true
		}
	}
	return false
}

// trajectoryBoundary is the scopes the trajectory covers, all three when it names none.

func targetNames(r reports.Report) []string {
	n := 0
	if r.Trajectory != nil {
		for _, y := range r.Trajectory.Years {
			n = max(n, len(y.Targets))
		}
	}
	names := make([]string, n)
	for i := range names {
		if i < len(r.Targets) && r.Targets[i].Name != "" {
			names[i] = r.Targets[i].Name
		} else {
			names[i] = r.Lang.T("target %d", i+1)
		}
	}
	return names
}

// scopeItem is one bar of the scope breakdown: a scope, or a Scope 3 category.
type scopeItem struct {
	Label string
	Scope int
	Value float64
}

// scopeItems lists the reporting year's Scope 1, Scope 2 (selected method) and each Scope 3
// category with emissions, in GHG Protocol order.
func scopeItems(l lang.Lang, y emissions.YearTotals, method string) []scopeItem {
	items := []scopeItem{{reports.ScopeNameIn(l, 1, method), 1, y.Scope1}, {reports.ScopeNameIn(l, 2, method), 2, y.Scope2(method)}}
	for _, c := range slices.Sorted(maps.Keys(y.Scope3Categories)) {
		items = append(items, scopeItem{scope3Label(l, c), 3, y.Scope3Categories[c]})
	}
	return items
}

func scope3Label(l lang.Lang, c int) string {
	if c >= 1 && c <= 15 {
		return fmt.Sprintf("3.%d %s", c, reports.Scope3CategoryName(l, c))
	}
	return l.T("Scope 3, category %d", c)
}

// scopesChart is the reporting year by scope and Scope 3 category, one horizontal bar each,
// coloured by scope.
func scopesChart(l lang.Lang, y emissions.YearTotals, method string) echart {
	items := scopeItems(l, y, method)
	labels := make([]string, len(items))
	data := make([]opts.BarData, len(items))
	for i, it := range items {
		labels[i] = it.Label
		data[i] = labelled(l, it.Value, reports.ScopeColor(it.Scope))
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(commonChartOpts(ChartScopes),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithXAxisOpts(bottomValueAxis("tCO2e")),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
		grid("2%", "8%", "8", "34"))...)
	bar.SetXAxis(labels)
	bar.AddSeries(l.T("%v, tCO2e", lang.Year(y.Year)), data, barMaxWidth("28"))
	bar.XYReversal()
	return echart{ID: ChartScopes, Height: 120 + 30*len(items), Label: l.T("%v by scope and Scope 3 category", lang.Year(y.Year)),
		Options: echartOptions(bar, bar.Validate)}
}

// treeNode is a treemap node with a fractional value (go-echarts' TreeMapNode holds an int).
type treeNode struct {
	Name      string          `json:"name"`
	ID        string          `json:"id,omitempty"`    // an activity's id, for the tooltip
	Label     *treeLabel      `json:"label,omitempty"` // an activity's short name, on its block
	Value     float64         `json:"value"`
	ItemStyle *opts.ItemStyle `json:"itemStyle,omitempty"`
	Children  []treeNode      `json:"children,omitempty"`
}

// treeLabel is a treemap block's own label: a name short enough to fit, never a cut id.
type treeLabel struct {
	Formatter string `json:"formatter"`
}

// shortName is the head of a factor's name, up to its first comma or " / ", for a treemap
// block ("Use of a sold car" for "Use of a sold car, French fleet average, …"); the tooltip
// has the whole name. Echarts reads {…} in a formatter as a template: such names stay whole,
// escaped.
func shortName(name string) string {
	if i := strings.Index(name, ", "); i > 0 {
		name = name[:i]
	}
	if i := strings.Index(name, " / "); i > 0 {
		name = name[:i]
	}
	return strings.NewReplacer("{", "", "}", "", "|", " ").Replace(name)
}

// polesChart is a treemap of the reporting year: poles, and the activities within each,
// by their factor's name (name gives it from an id).
func polesChart(l lang.Lang, y emissions.YearTotals, pas []reports.PoleActivity, order poleList, name func(string) string) echart {
	shown := map[string]bool{}
	for _, p := range order.shown {
		shown[p] = true
	}
	byPole := map[string][]treeNode{}
	for _, pa := range pas {
		if pa.TCO2e > 0 && shown[pa.Pole] {
			// The tooltip shows the node's name: the factor's name with its id; the block, the
			// head of the name.
			n, full := name(pa.Activity), name(pa.Activity)
			if n != pa.Activity {
				full = n + " (" + pa.Activity + ")"
			}
			byPole[pa.Pole] = append(byPole[pa.Pole], treeNode{Name: full, ID: pa.Activity, Value: round1(pa.TCO2e),
				Label: &treeLabel{Formatter: shortName(n)}})
		}
	}
	var nodes []treeNode
	for i, p := range order.shown {
		v, ok := y.ByPole[p]
		if !ok || v <= 0 {
			continue
		}
		kids := byPole[p]
		sort.SliceStable(kids, func(a, b int) bool { return kids[a].Value > kids[b].Value })
		if len(kids) > maxPoleActivities {
			rest := 0.0
			for _, k := range kids[maxPoleActivities:] {
				rest += k.Value
			}
			kids = append(kids[:maxPoleActivities:maxPoleActivities], treeNode{Name: l.T("%d other activities", len(kids)-maxPoleActivities), Value: round1(rest)})
		}
		nodes = append(nodes, treeNode{Name: order.label(p), Value: round1(v), ItemStyle: &opts.ItemStyle{Color: poleColor(i), BorderColor: poleColor(i)}, Children: kids})
	}
	if v, ok := order.othersIn(y.ByPole); ok && v > 0 {
		nodes = append(nodes, treeNode{Name: order.othersLabel(), Value: round1(v), ItemStyle: &opts.ItemStyle{Color: colorOthers, BorderColor: colorOthers}})
	}
	tm := charts.NewTreeMap()
	tm.SetGlobalOptions(append(commonChartOpts(ChartPoles),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}))...)
	tm.AddSeries(fmt.Sprintf("%d, tCO2e", y.Year), nil,
		charts.WithSeriesOpts(func(s *charts.SingleSeries) {
			s.Data = nodes
			s.Left, s.Right, s.Top, s.Bottom = "1%", "1%", "8", "8"
			s.Roam = opts.Bool(false)
			s.UpperLabel = map[string]any{"show": true, "height": 22, "color": "#fff", "fontWeight": "bold"}
			// Levels: the series root, the poles (a border in their colour that holds
			// their name), the activities (thin white separators).
			s.Levels = []map[string]any{
				{"itemStyle": map[string]any{"borderWidth": 0, "gapWidth": 4}},
				{"itemStyle": map[string]any{"borderWidth": 3, "gapWidth": 1}},
				{"itemStyle": map[string]any{"borderColor": "#ffffff", "borderWidth": 1, "gapWidth": 0}},
			}
		}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Formatter: "{b}", Color: "#fff"}),
		// The treemap animates its layout unless told otherwise, whatever the global option.
		charts.WithSeriesAnimation(false))
	tm.Accept(treemapVisitor{})
	tm.Validate()
	return echart{ID: ChartPoles, Height: 460, Label: l.T("%v by pole and activity", lang.Year(y.Year)), Options: tm.JSON()}
}

// poleYearsChart stacks each year's emissions by pole.
func poleYearsChart(l lang.Lang, years []emissions.YearTotals, order poleList) echart {
	var vs []float64
	for _, y := range years {
		vs = append(vs, y.TotalLocation, y.TotalMarket)
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(commonChartOpts(ChartPoleYears), axisTooltip(), grid("24", "3%", underLegend, "34"),
		charts.WithYAxisOpts(valueAxis("tCO2e", vs)),
		charts.WithXAxisOpts(yearAxis(l)))...)
	ys := make([]int, len(years))
	for i, y := range years {
		ys[i] = y.Year
	}
	bar.SetXAxis(yearLabels(ys))
	for i, p := range order.shown {
		data := make([]opts.BarData, len(years))
		for j, y := range years {
			data[j] = opts.BarData{Value: round1(y.ByPole[p])}
		}
		bar.AddSeries(order.label(p), data, scopeBarColor("poles", poleColor(i)))
	}
	if len(order.others) > 0 {
		data := make([]opts.BarData, len(years))
		for j, y := range years {
			v, _ := order.othersIn(y.ByPole)
			data[j] = opts.BarData{Value: round1(v)}
		}
		bar.AddSeries(order.othersLabel(), data, scopeBarColor("poles", colorOthers))
	}
	return echart{ID: ChartPoleYears, Height: 420, Label: l.T("Emissions by pole and year"), Options: echartOptions(bar, bar.Validate)}
}

// leverItem is a lever's abatement in the target year.
type leverItem struct {
	Name      string
	Abatement float64
	Cost      *float64
}

func leverItems(tr *plan.Trajectory) []leverItem {
	items := make([]leverItem, 0, len(tr.Levers))
	for _, l := range tr.Levers {
		items = append(items, leverItem{l.Lever.Name, l.Abatement[tr.TargetYear], l.Lever.CostEURPerTCO2})
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].Abatement > items[j].Abatement })
	return items
}

// leversChart is each lever's abatement in the target year.
func leversChart(l lang.Lang, tr *plan.Trajectory) echart {
	items := leverItems(tr)
	labels := make([]string, len(items))
	data := make([]opts.BarData, len(items))
	for i, it := range items {
		labels[i] = it.Name
		data[i] = labelled(l, it.Abatement, "")
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(commonChartOpts(ChartLevers),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithXAxisOpts(bottomValueAxis(l.T("tCO2e abated in %v", lang.Year(tr.TargetYear)))),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Width: 320, Overflow: "truncate"}}),
		grid("2%", "8%", "8", "34"))...)
	bar.SetXAxis(labels)
	bar.AddSeries(l.T("Abatement in %v, tCO2e", lang.Year(tr.TargetYear)), data,
		barMaxWidth("28"), charts.WithItemStyleOpts(opts.ItemStyle{Color: colorLever}))
	bar.XYReversal()
	return echart{ID: ChartLevers, Height: 140 + 34*len(items), Label: l.T("Abatement per lever in %v", lang.Year(tr.TargetYear)),
		Options: echartOptions(bar, bar.Validate)}
}

// maccItems are the blocks of the abatement cost curve: the levers with a cost that abate
// something in the target year, cheapest first.
func maccItems(tr *plan.Trajectory) []leverItem {
	var items []leverItem
	for _, it := range leverItems(tr) {
		if it.Cost != nil && it.Abatement > 0 {
			items = append(items, it)
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return *items[i].Cost < *items[j].Cost })
	return items
}

// maccChart is the marginal abatement cost curve: one block per lever with a cost, cheapest
// first, as wide as its abatement in the target year and as high as its cost. Each block is a
// filled two-point line on value axes (echarts draws no variable-width bars without a custom
// series, and custom series need JavaScript functions).
func maccChart(l lang.Lang, tr *plan.Trajectory) (echart, bool) {
	items := maccItems(tr)
	if len(items) == 0 {
		return echart{}, false
	}
	var costs []float64
	for _, it := range items {
		costs = append(costs, *it.Cost)
	}
	line := charts.NewLine()
	line.SetGlobalOptions(append(commonChartOpts(ChartMACC),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithXAxisOpts(bottomValueAxis(l.T("cumulative abatement in %v, tCO2e", lang.Year(tr.TargetYear)))),
		charts.WithYAxisOpts(valueAxis("EUR/tCO2e", costs)),
		grid("24", "4%", underLegend, "34"))...)
	x := 0.0
	for i, it := range items {
		x0, x1 := round1(x), round1(x+it.Abatement)
		x += it.Abatement
		c := round1(*it.Cost)
		color := poleColor(i)
		line.AddSeries(it.Name, []opts.LineData{{Value: []float64{x0, c}}, {Value: []float64{x1, c}}},
			charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false)}),
			charts.WithLineStyleOpts(opts.LineStyle{Color: color, Width: 1}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: color}),
			charts.WithAreaStyleOpts(opts.AreaStyle{Color: color, Opacity: opts.Float(0.85)}))
	}
	return echart{ID: ChartMACC, Height: 420, Label: l.T("Marginal abatement cost curve"), Options: echartOptions(line, line.Validate)}, true
}

// poleOrder sorts poles by their emissions over all years, largest first (ties by name).
func poleOrder(years []emissions.YearTotals) []string {
	sum := map[string]float64{}
	for _, y := range years {
		for _, p := range sortedKeys(y.ByPole) {
			sum[p] += y.ByPole[p]
		}
	}
	order := sortedKeys(sum)
	sort.SliceStable(order, func(i, j int) bool { return sum[order[i]] > sum[order[j]] })
	return order
}
