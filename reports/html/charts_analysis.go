package html

import (
	"fmt"
	"math"
	"strconv"

	"github.com/footprint/footprint/emissions/analysis"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// ChartAvoided is the avoided-emissions chart; intensity charts are ChartIntensityPrefix
// followed by the denominator's position in the configuration (1, 2, …): names are user text.
const (
	ChartAvoided         = "chart-avoided"
	ChartIntensityPrefix = "chart-intensity-"
)

const colorIntensity = "#1f5f8b"

// avoidedColors are the activities' colours in the avoided chart: greens and teals, none a
// scope's colour, so the chart does not read as part of the inventory.
var avoidedColors = []string{"#2e7d32", "#5fb49c", "#1f7a8c", "#8fb339", "#3d6b45", "#7fc8a9", "#2a9d8f", "#4f772d"}

// avoidedChart stacks each year's avoided emissions by activity.
func avoidedChart(l lang.Lang, a reports.Analysis) echart {
	years := avoidedYears(a)
	var vs []float64
	for _, y := range years {
		total := 0.0
		for _, id := range avoidedActivities(a) {
			total += avoidedBy(a, y, id)
		}
		vs = append(vs, total)
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(commonChartOpts(ChartAvoided), axisTooltip(), grid("24", "3%", underLegend, "34"),
		charts.WithYAxisOpts(valueAxis(l.T("tCO2e avoided"), vs)),
		charts.WithXAxisOpts(yearAxis(l)))...)
	bar.SetXAxis(yearLabels(years))
	for i, id := range avoidedActivities(a) {
		data := make([]opts.BarData, len(years))
		for j, y := range years {
			data[j] = opts.BarData{Value: round1(avoidedBy(a, y, id))}
		}
		bar.AddSeries(id, data, scopeBarColor("avoided", avoidedColors[i%len(avoidedColors)]))
	}
	return echart{ID: ChartAvoided, Height: 420, Label: l.T("%s, by activity and year", l.T(reports.AvoidedLabel)), Options: echartOptions(bar, bar.Validate)}
}

// roundIntensity keeps three decimals: intensities can be well under a tonne per unit.
func roundIntensity(v float64) float64 { return math.Round(v*1000) / 1000 }

func intensityLine(v *float64) opts.LineData {
	if v == nil {
		return opts.LineData{Value: echartsNone}
	}
	return opts.LineData{Value: roundIntensity(*v)}
}

// IntensitySeries names the series of the total's intensity in an intensity chart.
func IntensitySeries(method string) string {
	return "Total (" + reports.MethodLabel(method) + ") per unit"
}

// intensityChart draws one denominator's intensity per year and the paths of the intensity
// targets on it (target and actual over the target's scopes).
func intensityChart(r reports.Report, i int, d analysis.Denominator) echart {
	a := r.Analysis
	first, last := 0, 0
	for y := range a.Intensities {
		if _, ok := a.Intensities[y][d.Name]; ok {
			if first == 0 || y < first {
				first = y
			}
			last = max(last, y)
		}
	}
	var paths []analysis.IntensityPath
	for _, p := range a.IntensityPaths {
		if p.Target.Intensity == d.Name {
			paths = append(paths, p)
			if first == 0 || p.BaseYear < first {
				first = p.BaseYear
			}
			last = max(last, p.TargetYear)
		}
	}
	var years []int
	for y := first; y <= last && first != 0; y++ {
		years = append(years, y)
	}
	total := func(y int) *float64 {
		if v, ok := a.Intensities[y][d.Name]; ok {
			return &v
		}
		return nil
	}
	// A target over fewer scopes (Scopes 1+2 per employee) can be a hundredth of the total's
	// intensity: on the total's axis its lines would lie flat on zero. Such paths get an axis
	// of their own, on the right.
	var totalMax, pathMax float64
	for _, y := range years {
		if v := total(y); v != nil {
			totalMax = math.Max(totalMax, *v)
		}
	}
	for _, p := range paths {
		for _, py := range p.Years {
			pathMax = math.Max(pathMax, py.Target)
			if py.Actual != nil {
				pathMax = math.Max(pathMax, *py.Actual)
			}
		}
	}
	ownAxis := len(paths) > 0 && pathMax*5 < totalMax
	var vs, pathVs []float64
	line := charts.NewLine()
	add := func(name, color, lineType string, onPathAxis bool, pick func(y int) *float64) {
		data := make([]opts.LineData, len(years))
		for j, y := range years {
			data[j] = intensityLine(pick(y))
			if v := pick(y); v != nil {
				if onPathAxis {
					pathVs = append(pathVs, *v)
				} else {
					vs = append(vs, *v)
				}
			}
		}
		so := []charts.SeriesOpts{
			charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 5, ShowSymbol: opts.Bool(true), ConnectNulls: opts.Bool(false)}),
			charts.WithLineStyleOpts(opts.LineStyle{Color: color, Width: 2, Type: lineType}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: color})}
		if onPathAxis {
			so = append(so, func(s *charts.SingleSeries) { s.YAxisIndex = 1 })
		}
		line.AddSeries(name, data, so...)
	}
	add(IntensitySeries(r.Method()), colorIntensity, "solid", false, total)
	for _, p := range paths {
		at := map[int]analysis.IntensityPathYear{}
		for _, py := range p.Years {
			at[py.Year] = py
		}
		add("Target: "+p.Target.Name, reports.ColorTarget, "dashed", ownAxis, func(y int) *float64 {
			if py, ok := at[y]; ok {
				return &py.Target
			}
			return nil
		})
		add("Actual: "+p.Target.Name, reports.ColorPlan, "solid", ownAxis, func(y int) *float64 { return at[y].Actual })
	}
	unit := intensityUnit(a.Denominators, d.Name)
	right, pathAxis := "3%", intensityAxis(unit+", targets", pathVs)
	if ownAxis {
		// The right axis's name stands NameGap px right of its axis line, outside its tick
		// labels (which containLabel keeps in the grid): leave that much room, less the
		// labels' own width, plus half the name's 14 px height.
		_, hi := extent(pathVs...)
		right = strconv.Itoa(pathAxis.NameGap - int(labelWidth(hi)) + 8)
		pathAxis.Position = "right"
		pathAxis.SplitLine = &opts.SplitLine{Show: opts.Bool(false)}
	}
	line.SetGlobalOptions(append(commonChartOpts(ChartIntensityPrefix+strconv.Itoa(i+1)), axisTooltip(), grid("24", right, underLegend, "34"),
		charts.WithYAxisOpts(intensityAxis(unit, vs)),
		charts.WithXAxisOpts(yearAxis(r.Lang)))...)
	if ownAxis {
		line.ExtendYAxis(pathAxis)
	}
	line.SetXAxis(yearLabels(years))
	return echart{ID: ChartIntensityPrefix + strconv.Itoa(i+1), Height: 380, Label: fmt.Sprintf("Intensity %s, %s", d.Name, unit),
		Options: echartOptions(line, line.Validate)}
}

// intensityAxis is valueAxis for figures that may be fractions: its labels take decimals.
func intensityAxis(unit string, vs []float64) opts.YAxis {
	ax := valueAxis(unit, vs)
	if _, hi := extent(vs...); hi < 10 {
		ax.NameGap = 7*5 + 16 // "0.45" and the like
	}
	return ax
}

// intensityUnit is the unit of a denominator's intensity, e.g. "tCO2e/vehicle".
func intensityUnit(ds []analysis.Denominator, name string) string {
	for _, d := range ds {
		if d.Name == name {
			return "tCO2e/" + d.Unit
		}
	}
	return "tCO2e per unit"
}
