package html

import (
	"math"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/footprint/footprint/lang"
)

// How the report uses go-echarts: it builds each chart's options, adjusted by visitors where
// go-echarts has no field for what the report needs; marshalCharts (html.go) serializes them
// with encoding/json, never through go-echarts' own page renderer.

// echart is one echarts instance of the page: its container id, its height and its options.
type echart struct {
	ID     string
	Height int // px
	Label  string
	// Options is what echarts.setOption receives, built with go-echarts and serialized with
	// encoding/json by marshalCharts.
	Options map[string]any
}

// reportVisitor adjusts go-echarts' options where it has no field for what the report needs.
type reportVisitor struct {
	charts.BaseConfigurationVisitor
}

// tooltip names its renderMode. The HTML tooltips of echarts 5 escape the names they show
// (the browser test hovers hostile names and checks they stay text); "richText" would be no
// safer and does not show names as typed: it reads "{a|b}" in them as style markup.
type tooltip struct {
	opts.Tooltip
	RenderMode string `json:"renderMode"`
	ClassName  string `json:"className"` // for the tests to find the tooltips
}

func (reportVisitor) VisitTooltipOpt(t opts.Tooltip) any {
	return tooltip{t, "html", "footprint-tooltip"}
}

// Visit leaves echarts' default font alone: with another family echarts measures axis labels
// with one font and draws them with another, and long category names get cut.
func (reportVisitor) Visit(m map[string]any) {
	delete(m, "toolbox")
	delete(m, "title") // titles are HTML headings above each chart
}

// treemapVisitor turns off the treemap's zoom on click and its breadcrumb, for which
// go-echarts has no boolean field: the report shows the whole year at once.
type treemapVisitor struct{ reportVisitor }

type treemapSeries struct {
	charts.SingleSeries
	NodeClick  bool           `json:"nodeClick"`
	Breadcrumb map[string]any `json:"breadcrumb"`
}

func (treemapVisitor) VisitSeriesOpt(ms charts.MultiSeries) any {
	out := make([]treemapSeries, len(ms))
	for i, s := range ms {
		out[i] = treemapSeries{SingleSeries: s, NodeClick: false, Breadcrumb: map[string]any{"show": false}}
	}
	return out
}

type configurable interface {
	Accept(charts.ConfigurationVisitor)
	JSON() map[string]any
}

// echartOptions returns a go-echarts chart's options as a map, with the report's adjustments.
func echartOptions(c configurable, validate func()) map[string]any {
	c.Accept(reportVisitor{})
	validate()
	return c.JSON()
}

// commonChartOpts are the global options every chart shares: no animation (stable screenshots, instant print),
// a legend on top.
func commonChartOpts(id string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithAnimation(false),
		charts.WithInitializationOpts(opts.Initialization{ChartID: id}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Left: "center"}),
	}
}

// underLegend is the top of a plot under a legend of one row: the row (24 px) and 16 px for the
// labels above the plot (base and neutrality years). A legend wraps onto more rows on a
// narrow page or with many series; the page script moves the plot down 24 px for each.
const underLegend = "40"

// grid is the plot area; containLabel keeps axis labels inside it, Top leaves room for the
// legend and Bottom for the axis name. A chart sets exactly one (WithGridOpts appends).
func grid(left, right, top, bottom string) charts.GlobalOpts {
	return charts.WithGridOpts(opts.Grid{Left: left, Right: right, Top: top, Bottom: bottom, ContainLabel: opts.Bool(true)})
}

func axisTooltip() charts.GlobalOpts {
	return charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis",
		AxisPointer: &opts.AxisPointer{Type: "shadow"}})
}

// valueAxis is a vertical value axis for the data vs, named with its unit along the
// axis, left of the tick labels. echarts places the name nameGap px from the axis line, not
// from the labels, so the gap follows the widest label (at 12 px, 7 px a digit or minus
// sign, 3.5 px a thousands separator): the chart's grid keeps a fixed 24 px left of the
// labels for the name.
func valueAxis(unit string, vs []float64) opts.YAxis {
	lo, hi := extent(vs...)
	// The widest label is the top one, or the bottom one with its minus sign: "-50,000" is no
	// wider than "350,000".
	width := labelWidth(hi)
	if lo < 0 {
		width = max(width, labelWidth(lo)+7)
	}
	return opts.YAxis{Type: "value", Name: unit, NameLocation: "middle", NameGap: int(math.Ceil(width)) + 16,
		SplitLine: &opts.SplitLine{Show: opts.Bool(true)}}
}

// labelWidth is the width in px of the tick label of the axis end near v, digits and
// thousands separators, without a sign. Below 1 between ticks, labels take decimals ("0.02"):
// a point (3.5 px) and a digit per decimal. An axis of zeros runs from 0 to 1 by 0.2.
func labelWidth(v float64) float64 {
	m := math.Abs(v) * 1.2 // echarts rounds the axis up
	digits := len(strconv.FormatFloat(math.Ceil(m), 'f', 0, 64))
	w := 7*float64(digits) + 3.5*float64((digits-1)/3)
	step := m / 5 // echarts aims at about five intervals
	if m == 0 {
		step = 0.2
	}
	if step < 1 {
		w += 3.5 + 7*math.Ceil(-math.Log10(step)-1e-9)
	}
	return w
}

// extent returns the smallest and largest of vs and of 0.
func extent(vs ...float64) (lo, hi float64) {
	for _, v := range vs {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	return lo, hi
}

// yearAxis is the horizontal axis of years.
func yearAxis(l lang.Lang) opts.XAxis {
	return opts.XAxis{Type: "category", Name: l.T("year"), NameLocation: "middle", NameGap: 26}
}

// bottomValueAxis is a horizontal value axis named with its unit below it.
func bottomValueAxis(unit string) opts.XAxis {
	return opts.XAxis{Type: "value", Name: unit, NameLocation: "middle", NameGap: 26,
		SplitLine: &opts.SplitLine{Show: opts.Bool(true)}}
}

// labelled is a bar with its value written at its end, with thousands separators (a label
// formatter per item: the options hold no JavaScript functions).
func labelled(l lang.Lang, v float64, color string) opts.BarData {
	d := opts.BarData{Value: round1(v), Label: &opts.Label{Show: opts.Bool(true), Position: "right", Color: "#333", Formatter: l.Tonnes(v)}}
	if color != "" {
		d.ItemStyle = &opts.ItemStyle{Color: color}
	}
	return d
}

// round1 keeps a tenth of a tonne: the precision of the tables, and of what the charts show.
func round1(v float64) float64 { return math.Round(v*10) / 10 }

// echartsNone is echarts' own notation for "no value here" (a gap, not a zero).
const echartsNone = "-"

func lineValue(v *float64) opts.LineData {
	if v == nil {
		return opts.LineData{Value: echartsNone}
	}
	return opts.LineData{Value: round1(*v)}
}

func barValue(v *float64) opts.BarData {
	if v == nil {
		return opts.BarData{Value: echartsNone}
	}
	return opts.BarData{Value: round1(*v)}
}

func yearLabels(years []int) []string {
	out := make([]string, len(years))
	for i, y := range years {
		out[i] = strconv.Itoa(y)
	}
	return out
}

func barMaxWidth(w string) charts.SeriesOpts {
	return func(s *charts.SingleSeries) { s.BarMaxWidth = w }
}

func scopeBarColor(stack, color string) charts.SeriesOpts {
	return func(ss *charts.SingleSeries) {
		charts.WithBarChartOpts(opts.BarChart{Stack: stack})(ss)
		ss.BarMaxWidth = "48"
		charts.WithItemStyleOpts(opts.ItemStyle{Color: color})(ss)
	}
}
