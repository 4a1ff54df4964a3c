package reports

import (
	"fmt"
	"strconv"

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

// RestatementNote says how the restatement is computed, wherever it is shown.
const RestatementNote = "Each year is recomputed with the latest published dataset version of its own factor vintages (a vintage revised in a later edition); a newer year's factor is never applied to an older year. As reported: the versions published by the end of the year after each year, when its inventory was reported."

// restatementChart draws each year's total as reported and restated side by side.
func restatementChart(r Report) echart {
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
		charts.WithXAxisOpts(yearAxis()))...)
	bar.SetXAxis(yearLabels(years))
	bar.AddSeries(SeriesAsReported, reported, scopeBarColor("reported", colorBAU))
	bar.AddSeries(SeriesRestated, restated, scopeBarColor("restated", colorPlan))
	return echart{ID: ChartRestatement, Height: 380, Label: fmt.Sprintf("Total (%s) per year, as reported and restated, tCO2e", MethodLabel(r.method())),
		Options: echartOptions(bar, bar.Validate)}
}

// restatementSection shows the restatement, when it was asked for.
func restatementSection(r Report) htmlSection {
	s := htmlSection{ID: "restatement", Title: "Restatement"}
	s.Intro = []string{RestatementNote}
	ch := restatementChart(r)
	tb := &htmlTable{Caption: "Total (" + MethodLabel(r.method()) + "), tCO2e", Head: []string{"Year", "As reported", "Restated", "Difference", "Difference, %"}}
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
		b.Notes = []string{"No factor vintage used has a later dataset version: the restated figures are those reported. The built-in library holds one version of each dataset; versions come from config factors.custom (version, published)."}
	}
	s.Blocks = append(s.Blocks, b)
	return s
}
