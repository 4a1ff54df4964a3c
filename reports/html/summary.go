package html

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// ChartSummary is the summary's compact chart: actual, target path and plan by year.
const ChartSummary = "chart-summary"

// htmlSummary is the summary at the top of the page: the verdicts in sentences, one compact
// chart, the largest sources and the levers that do the most.
type htmlSummary struct {
	Title         string
	Sentences     []string
	Chart         *echart
	SourcesTitle  string
	Sources       []htmlSummaryItem
	LeversTitle   string
	Levers        []htmlSummaryItem
	NoLeversTitle string
}

// htmlSummaryItem is a source or a lever: its name, the id behind it (a tooltip), its figure.
type htmlSummaryItem struct {
	Name, ID, Figure string
}

func summaryOf(r reports.Report) htmlSummary {
	l := r.Lang
	s := reports.SummaryOf(r)
	out := htmlSummary{Title: l.T("Summary"), Sentences: s.Sentences}
	if len(s.Path) > 0 {
		ch := summaryChart(r, s.Path)
		out.Chart = &ch
	}
	if len(s.Sources) > 0 {
		out.SourcesTitle = l.T("Largest sources in %v", lang.Year(s.Year))
		for _, it := range s.Sources {
			out.Sources = append(out.Sources, htmlSummaryItem{Name: it.Name, ID: it.ID,
				Figure: l.T("%s t (%s)", l.Tonnes(it.TCO2e), l.Pct(it.Share, 1))})
		}
	}
	if r.Trajectory != nil {
		out.LeversTitle = l.T("Levers that abate the most in %v", lang.Year(r.Trajectory.TargetYear))
		for _, it := range s.Levers {
			out.Levers = append(out.Levers, htmlSummaryItem{Name: it.Name, Figure: l.T("%s t", l.Tonnes(it.TCO2e))})
		}
		if len(out.Levers) == 0 {
			out.NoLeversTitle = l.T("No reduction lever is configured yet: the plan equals business as usual.")
		}
	}
	return out
}

// summaryChart draws the trajectory's actual emissions, target path and plan as three lines,
// small: the picture of the first sentences, the full chart being the trajectory section's.
func summaryChart(r reports.Report, path []plan.TrajectoryYear) echart {
	l := r.Lang
	years := make([]int, len(path))
	var vs []float64
	for i, y := range path {
		years[i] = y.Year
		for _, p := range []*float64{y.Actual, y.Target, y.Plan} {
			if p != nil {
				vs = append(vs, *p)
			}
		}
	}
	line := charts.NewLine()
	line.SetGlobalOptions(append(commonChartOpts(ChartSummary), axisTooltip(), grid("24", "16", "34", "34"),
		charts.WithYAxisOpts(valueAxis("tCO2e", vs)),
		charts.WithXAxisOpts(yearAxis(l)))...)
	line.SetXAxis(yearLabels(years))
	last := r.Trajectory.LastActualYear
	add := func(name, color, lineType string, pick func(plan.TrajectoryYear) *float64) {
		data := make([]opts.LineData, len(path))
		for i, y := range path {
			data[i] = lineValue(pick(y))
		}
		line.AddSeries(name, data,
			charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 5, ShowSymbol: opts.Bool(true)}),
			charts.WithLineStyleOpts(opts.LineStyle{Color: color, Width: 2.5, Type: lineType}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: color}))
	}
	add(l.T("Actual"), reports.ColorActual, "solid", func(y plan.TrajectoryYear) *float64 { return y.Actual })
	add(l.T("Target"), reports.ColorTarget, "dashed", func(y plan.TrajectoryYear) *float64 { return y.Target })
	add(l.T("Plan"), reports.ColorPlan, "solid", func(y plan.TrajectoryYear) *float64 {
		if y.Year < last {
			return nil
		}
		return y.Plan
	})
	return echart{ID: ChartSummary, Height: 260, Label: l.T("Actual emissions, target path and plan, tCO2e"),
		Options: echartOptions(line, line.Validate)}
}
