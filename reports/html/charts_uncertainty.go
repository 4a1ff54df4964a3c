package html

import (
	"strconv"

	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// ChartChanges is the waterfall of what changed between the base and the reporting year.
const ChartChanges = "chart-changes"

// Series names of the uncertainty band and the waterfall; the browser test finds them by name.
const (
	SeriesBandLow   = "95 % interval: low"
	SeriesBandWidth = "95 % interval: high − low"
	seriesWfBase    = "waterfall base"
	SeriesWfTotal   = "Total"
	SeriesWfUp      = "Increase"
	SeriesWfDown    = "Decrease"
)

const (
	colorBand     = "#3f7cac"
	colorIncrease = "#b23a48"
	colorDecrease = "#2e7d32"
	colorWfTotal  = "#5a5a5a"
)

// bandCovers tells whether the uncertainty band, computed for the whole total, fits the
// trajectory's bars: only when the trajectory covers all three scopes.
func bandCovers(tr *plan.Trajectory) bool {
	return tr == nil || len(reports.TrajectoryBoundary(tr)) == 3
}

// addUncertaintyBand draws the 95 % interval of each actual year on line as a filled band:
// an invisible line at the low end, and the width stacked on it with its area filled.
// years are the categories of the chart's axis; last is the last year the band may cover.
func addUncertaintyBand(line *charts.Line, r reports.Report, years []int, last int) bool {
	if r.Uncertainty == nil || len(r.Uncertainty.Years) == 0 {
		return false
	}
	low := make([]opts.LineData, len(years))
	width := make([]opts.LineData, len(years))
	has := false
	for i, y := range years {
		yu, ok := r.Uncertainty.Year(y)
		if !ok || y > last {
			low[i], width[i] = opts.LineData{Value: echartsNone}, opts.LineData{Value: echartsNone}
			continue
		}
		has = true
		low[i] = opts.LineData{Value: round1(yu.Interval.Low)}
		width[i] = opts.LineData{Value: round1(yu.Interval.High - yu.Interval.Low)}
	}
	if !has {
		return false
	}
	common := []charts.SeriesOpts{
		charts.WithLineChartOpts(opts.LineChart{Stack: "uncertainty", Symbol: "none", ShowSymbol: opts.Bool(false)}),
		charts.WithLineStyleOpts(opts.LineStyle{Color: colorBand, Width: 0.5, Opacity: opts.Float(0)}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colorBand}),
	}
	// The names are SeriesBandLow and SeriesBandWidth in English.
	line.AddSeries(r.Lang.T("95 %% interval: low"), low, common...)
	line.AddSeries(r.Lang.T("95 %% interval: high − low"), width, append(common, charts.WithAreaStyleOpts(opts.AreaStyle{Color: colorBand, Opacity: opts.Float(0.22)}))...)
	return true
}

// hideFromLegend lists in the legend every series but the named ones.
func hideFromLegend(bar *charts.Bar, hidden ...string) {
	var names []string
	for _, s := range bar.MultiSeries {
		skip := false
		for _, h := range hidden {
			skip = skip || s.Name == h
		}
		if !skip {
			names = append(names, s.Name)
		}
	}
	bar.Legend.Data = names
}

// headlineChange is the change the waterfall draws: the base year against the reporting year
// when there is one, else the last change into the reporting year.
func headlineChange(r reports.Report) (plan.Change, bool) {
	base := baseYear(r)
	var last *plan.Change
	for i := range r.Changes {
		c := &r.Changes[i]
		if c.From == base && c.To == r.ReportingYear {
			return *c, true
		}
		if c.To == r.ReportingYear {
			last = c
		}
	}
	if last == nil {
		return plan.Change{}, false
	}
	return *last, true
}

// waterfallSteps are the steps of a change, in the waterfall's order.
func waterfallSteps(c plan.Change) []struct {
	Label string
	Value float64
} {
	return []struct {
		Label string
		Value float64
	}{
		{lang.Key("Activity effect"), c.ActivityEffect},
		{lang.Key("Factor effect"), c.FactorEffect},
		{lang.Key("New or removed"), c.Other},
		{lang.Key("Discontinued activities"), c.Discontinued},
	}
}

// changesChart is a waterfall from one year's total to another's: the totals as bars from
// zero, each effect as a bar floating on an invisible base where the running total stands
// (echarts has no waterfall series: stacked bars with a transparent first series).
func changesChart(l lang.Lang, c plan.Change) echart {
	steps := waterfallSteps(c)
	labels := []string{strconv.Itoa(c.From)}
	n := len(steps) + 2
	base := make([]opts.BarData, n)
	total := make([]opts.BarData, n)
	up := make([]opts.BarData, n)
	down := make([]opts.BarData, n)
	for i := range n {
		base[i], total[i], up[i], down[i] = opts.BarData{Value: echartsNone}, opts.BarData{Value: echartsNone}, opts.BarData{Value: echartsNone}, opts.BarData{Value: echartsNone}
	}
	total[0] = labelledTop(l.Tonnes(c.TotalFrom), c.TotalFrom, colorWfTotal)
	level := c.TotalFrom
	vs := []float64{c.TotalFrom, c.TotalTo}
	for i, s := range steps {
		labels = append(labels, l.T(s.Label))
		next := level + s.Value
		base[i+1] = opts.BarData{Value: round1(min(level, next))}
		if s.Value >= 0 {
			up[i+1] = labelledTop(changeLabel(l, s.Value), s.Value, colorIncrease)
		} else {
			down[i+1] = labelledTop(changeLabel(l, s.Value), -s.Value, colorDecrease)
		}
		level = next
		vs = append(vs, level)
	}
	labels = append(labels, strconv.Itoa(c.To))
	total[n-1] = labelledTop(l.Tonnes(c.TotalTo), c.TotalTo, colorWfTotal)

	bar := charts.NewBar()
	bar.SetGlobalOptions(append(commonChartOpts(ChartChanges), charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}), grid("24", "3%", underLegend, "34"),
		charts.WithYAxisOpts(valueAxis("tCO2e", vs)),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: &opts.AxisLabel{Interval: "0"}}))...)
	bar.SetXAxis(labels)
	bar.AddSeries(seriesWfBase, base, charts.WithBarChartOpts(opts.BarChart{Stack: "waterfall"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: "transparent", BorderColor: "transparent"}))
	for _, s := range []struct {
		name  string
		data  []opts.BarData
		color string
	}{{l.T("Total"), total, colorWfTotal}, {l.T("Increase"), up, colorIncrease}, {l.T("Decrease"), down, colorDecrease}} {
		bar.AddSeries(s.name, s.data, scopeBarColor("waterfall", s.color), barMaxWidth("64"))
	}
	hideFromLegend(bar, seriesWfBase)
	bar.Accept(waterfallVisitor{})
	bar.Validate()
	return echart{ID: ChartChanges, Height: 420, Label: l.T("What changed from %v to %v", lang.Year(c.From), lang.Year(c.To)),
		Options: bar.JSON()}
}

// waterfallVisitor makes the invisible base of the waterfall silent: no tooltip, no hover.
type waterfallVisitor struct{ reportVisitor }

type silentSeries struct {
	charts.SingleSeries
	Silent bool `json:"silent,omitempty"`
}

func (waterfallVisitor) VisitSeriesOpt(ms charts.MultiSeries) any {
	out := make([]silentSeries, len(ms))
	for i, s := range ms {
		out[i] = silentSeries{SingleSeries: s, Silent: s.Name == seriesWfBase}
	}
	return out
}

// labelledTop is a bar of height v with text, its value as the page's language writes it,
// above it.
func labelledTop(text string, v float64, color string) opts.BarData {
	return opts.BarData{Value: round1(v), ItemStyle: &opts.ItemStyle{Color: color},
		Label: &opts.Label{Show: opts.Bool(true), Position: "top", Color: "#333", Formatter: text}}
}

// changeLabel writes a change with its sign, as l writes the figures: +1,573.2, −34.7 (a
// decrease's bar stands on where the total lands, as an increase's does: its label carries
// the sign).
func changeLabel(l lang.Lang, v float64) string {
	if round1(v) == 0 {
		return l.Tonnes(0)
	}
	return signedWith(l.Tonnes, v)
}
