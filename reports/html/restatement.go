package html

import (
	"fmt"
	"strconv"

	"github.com/footprint/footprint/reports"
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// ChartRestatement compares each year's total as reported and restated (report --restate).
const ChartRestatement = "chart-restatement"

// Restatement labels.
const (
	SeriesAsReported = "As reported"
	SeriesRestated   = "Restated"
)

// restatementChart draws each year's total as reported and restated side by side.
func restatementChart(r reports.Report) echart {
	rs := r.Analysis.Restatement
	years := make([]int, len(rs))
	reported := make([]opts.BarData, len(rs))
	restated := make([]opts.BarData, len(rs))
	var vs []float64
	for i, x := range rs {
		years[i] = x.Year
		reported[i] = opts.BarData{Value: round1(x.AsReported)}
		restated[i] = opts.BarData{Value: round1(x.Restated)}
		vs = append(vs, x.AsReported, x.Restated)
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(commonChartOpts(ChartRestatement), axisTooltip(), grid("24", "3%", underLegend, "34"),
		charts.WithYAxisOpts(valueAxis("tCO2e", vs)),
		charts.WithXAxisOpts(yearAxis(r.Lang)))...)
	bar.SetXAxis(yearLabels(years))
	bar.AddSeries(r.Lang.T("As reported"), reported, scopeBarColor("reported", reports.ColorBAU))
	bar.AddSeries(r.Lang.T("Restated"), restated, scopeBarColor("restated", reports.ColorPlan))
	return echart{ID: ChartRestatement, Height: 380, Label: fmt.Sprintf("Total (%s) per year, as reported and restated, tCO2e", reports.MethodLabel(r.Method())),
		Options: echartOptions(bar, bar.Validate)}
}

// restatementSection shows the restatement, when it was asked for.
func restatementSection(r reports.Report) htmlSection {
	s := htmlSection{ID: "restatement", Title: r.Lang.T("Restatement")}
	s.Intro = []string{reports.RestatementNote}
	ch := restatementChart(r)
	tb := &htmlTable{Caption: r.Lang.T("Total (%s), tCO2e", reports.MethodLabelIn(r.Lang, r.Method())), Head: []string{r.Lang.T("Year"), r.Lang.T("As reported"), r.Lang.T("Restated"), r.Lang.T("Difference"), r.Lang.T("Difference, %%")}}
	changed := false
	for _, x := range r.Analysis.Restatement {
		pct := emDash
		if x.AsReported != 0 {
			pct = strconv.FormatFloat(100*x.Difference/x.AsReported, 'f', 1, 64) + " %"
		}
		changed = changed || x.Difference != 0
		tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(strconv.Itoa(x.Year)), numCell(x.AsReported), numCell(x.Restated), numCell(x.Difference), numText(pct)}})
	}
	b := htmlBlock{Title: ch.Label, Chart: &ch, Table: tb}
	if !changed {
		b.Notes = []string{r.Lang.T("No factor vintage used has a later dataset version: the restated figures are those reported.")}
	}
	s.Blocks = append(s.Blocks, b)
	return s
}
