package excel

import (
	"fmt"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/internal/xlsxwrite"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
	"github.com/xuri/excelize/v2"
)

// The Summary is the one sheet written with excelize's normal API: charts on a streamed sheet
// do not show in Excel. Its charts read the Trajectory sheet and the by-year table below the
// key figures.

// summaryWriter writes the Summary sheet cell by cell, a row at a time.
type summaryWriter struct {
	x   *exporter
	row int
	err error
}

// set writes values from column A of the current row; a cell value carries its own style.
func (s *summaryWriter) set(vals ...any) {
	for i, v := range vals {
		if s.err != nil || v == nil {
			continue
		}
		ref, _ := excelize.CoordinatesToCellName(i+1, s.row)
		style := 0
		v = s.x.fit(s.x.zeroNoise(v, 0), s.x.sheet(sheetSummary), i+1, s.row)
		if c, ok := v.(cell); ok {
			v, style = c.Value, c.StyleID
		}
		s.err = s.x.f.SetCellValue(s.x.sheet(sheetSummary), ref, v)
		if s.err == nil && style != 0 {
			s.err = s.x.f.SetCellStyle(s.x.sheet(sheetSummary), ref, ref, style)
		}
	}
	s.row++
}

// summaryWidths are the widths of the Summary's columns A to G.
var summaryWidths = []float64{52, 16, 16, 16, 16, 16, 16}

// header writes a header row, as tall as its longest name wrapped in its column.
func (s *summaryWriter) header(names ...string) {
	vals := make([]any, len(names))
	lines := 1
	for i, n := range names {
		vals[i] = cell{StyleID: s.x.st.header, Value: n}
		lines = max(lines, xlsxwrite.WrappedLines(n, summaryWidths[i]))
	}
	if s.err == nil && lines > 1 {
		s.err = s.x.f.SetRowHeight(s.x.sheet(sheetSummary), s.row, xlsxwrite.RowHeight(lines))
	}
	s.set(vals...)
}

// notices writes the notices under the title, before any figure, each across the table's
// width and as tall as its text wrapped there.
func (s *summaryWriter) notices(ns []reports.Notice) {
	width := 0.0
	for _, w := range summaryWidths {
		width += w
	}
	last, _ := excelize.ColumnNumberToName(len(summaryWidths))
	for _, n := range ns {
		style := s.x.st.noticeWarn
		if n.Tone == reports.ToneBad {
			style = s.x.st.noticeBad
		}
		text := n.Title + ": " + n.Message
		if s.err == nil {
			s.err = s.x.f.MergeCell(s.x.sheet(sheetSummary), rowRef(s.row), fmt.Sprintf("%s%d", last, s.row))
		}
		if s.err == nil {
			s.err = s.x.f.SetRowHeight(s.x.sheet(sheetSummary), s.row, xlsxwrite.RowHeight(xlsxwrite.WrappedLines(text, width)))
		}
		s.set(cell{StyleID: style, Value: text})
	}
}

func (x *exporter) writeSummary() error {
	f, st, l := x.f, x.st, x.e.Lang
	s := &summaryWriter{x: x, row: 1}
	n := x.e.ReportingYear
	method := x.e.Scope2Method
	s.set(cell{StyleID: st.title, Value: l.T("Greenhouse-gas inventory") + yearLabel("", n) + " — " + x.e.Site})
	s.notices(x.e.Notices)
	frozen := s.row
	s.set(cell{StyleID: st.note, Value: l.T("tCO2e (GWP100 %s) unless stated. GHG Protocol: Scope 2 location- and market-based; the trajectory and the breakdowns follow the %s Scope 2. Every figure traces to the %s sheets.", x.e.GWP, reports.MethodLabelIn(l, method), x.sheet(sheetLines))})
	s.row++

	ton := func(v float64) any { return cell{StyleID: st.tonnes, Value: v} }
	pct := func(v any) any {
		if v == nil {
			return nil
		}
		return cell{StyleID: st.percent, Value: v}
	}
	change := func(from, to *float64) any {
		if from == nil || to == nil || *from == 0 {
			return nil
		}
		return (*to - *from) / *from
	}
	base := x.baseYear()
	s.header(l.T("Key figures"), yearLabel(l.T("N"), n), yearLabel(l.T("N-1"), n-1), l.T("%% N / N-1"), yearLabel(l.T("Base year"), base), l.T("%% N / base year"))
	figures := []struct {
		label string
		get   func(t *emissions.YearTotals) float64
	}{
		{"Scope 1", func(t *emissions.YearTotals) float64 { return t.Scope1 }},
		{lang.Key("Scope 2 location-based"), func(t *emissions.YearTotals) float64 { return t.Scope2Location }},
		{lang.Key("Scope 2 market-based"), func(t *emissions.YearTotals) float64 { return t.Scope2Market }},
		{"Scope 3", func(t *emissions.YearTotals) float64 { return t.Scope3 }},
		{lang.Key("Total location-based"), func(t *emissions.YearTotals) float64 { return t.TotalLocation }},
		{lang.Key("Total market-based"), func(t *emissions.YearTotals) float64 { return t.TotalMarket }},
		{lang.Key("Biogenic CO2 (tCO2, outside the scopes)"), func(t *emissions.YearTotals) float64 { return t.BiogenicCO2 }},
		{lang.Key("Avoided emissions (reported apart, never subtracted)"), func(t *emissions.YearTotals) float64 { return t.Avoided }},
	}
	get := func(y int, fn func(*emissions.YearTotals) float64) *float64 {
		t := x.byYear[y]
		if t == nil {
			return nil
		}
		v := fn(t)
		return &v
	}
	for _, fg := range figures {
		cur, prev, b := get(n, fg.get), get(n-1, fg.get), get(base, fg.get)
		vals := []any{l.T(fg.label), nil, nil, pct(change(prev, cur)), nil, pct(change(b, cur))}
		for i, v := range []*float64{cur, prev, b} {
			if v != nil {
				vals[[]int{1, 2, 4}[i]] = ton(*v)
			}
		}
		s.set(vals...)
	}
	s.row++

	s.header(l.T("Trajectory"), "tCO2e")
	if tr := x.e.Trajectory; tr != nil {
		s.set(l.T("Boundary"), l.T("%s, Scope 2 %s", scopeList(tr.Boundary), reports.MethodLabelIn(l, tr.Scope2Method)))
		if ty := x.trajectoryYear(n); ty != nil {
			s.set(l.T("Target %v (sum of the targets)", lang.Year(n)), optTon(ty.Target, st.tonnes))
			s.set(l.T("Gap %v (actual − target)", lang.Year(n)), optTon(ty.Gap, st.tonnes))
		}
		if ty := x.trajectoryYear(tr.TargetYear); ty != nil {
			s.set(l.T("Target %v", lang.Year(tr.TargetYear)), optTon(ty.Target, st.tonnes))
			s.set(l.T("Plan %v", lang.Year(tr.TargetYear)), optTon(ty.Plan, st.tonnes))
			s.set(l.T("Gap %v (plan − target)", lang.Year(tr.TargetYear)), optTon(ty.Gap, st.tonnes))
		}
		if ty := x.trajectoryYear(tr.NeutralityYear); ty != nil {
			s.set(l.T("Credits in the ledger for %v", lang.Year(tr.NeutralityYear)), ton(ty.Credits))
		}
		s.set(l.T("Credits still needed in %v (net after plan and ledger)", lang.Year(tr.NeutralityYear)), ton(tr.CreditsNeeded))
	} else {
		s.set(l.T("No trajectory: there are no lines to project."))
	}
	s.row++

	count := func(v int) any { return cell{StyleID: st.count, Value: v} }
	s.header(l.T("Inputs"), l.T("Count"))
	s.set(l.T("Activity rows read"), count(x.e.Rows.Read))
	s.set(l.T("Rows used"), count(x.e.Rows.Used))
	s.set(l.T("Rows rejected"), count(x.e.Rows.Rejected))
	s.set(l.T("Computed lines (%s sheets)", x.sheet(sheetLines)), count(x.lines.Len()))
	// All of them: the Problems sheet lists up to emissions.MaxPerCause of a cause.
	s.set(l.T("Errors (%s sheet)", x.sheet(sheetProblems)), count(x.e.Errors))
	s.set(l.T("Warnings (%s sheet)", x.sheet(sheetProblems)), count(x.e.Warnings+len(x.warnings.List())))
	s.row++

	// The by-year table: the split-by-scope chart reads it.
	s.set(cell{StyleID: st.section, Value: l.T("Emissions by year and scope (tCO2e)")})
	byYearHeader := s.row
	s.header(l.T("Year"), "Scope 1", l.T("Scope 2 location-based"), l.T("Scope 2 market-based"), "Scope 3", l.T("Total location-based"), l.T("Total market-based"))
	for _, t := range x.e.Years {
		s.set(cell{StyleID: st.integer, Value: t.Year}, ton(t.Scope1), ton(t.Scope2Location), ton(t.Scope2Market), ton(t.Scope3), ton(t.TotalLocation), ton(t.TotalMarket))
	}
	byYearLast := s.row - 1
	s.row++

	s.header(l.T("Sheet"), l.T("Contents"))
	for _, c := range x.contents() {
		s.set(x.sheet(c[0]), c[1])
	}
	if s.err != nil {
		return s.err
	}

	for i, w := range summaryWidths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(x.sheet(sheetSummary), col, col, w); err != nil {
			return err
		}
	}
	if err := f.SetRowHeight(x.sheet(sheetSummary), 1, xlsxwrite.TitleHeight); err != nil {
		return err
	}
	if err := f.SetPanes(x.sheet(sheetSummary), &excelize.Panes{Freeze: true, YSplit: frozen, TopLeftCell: rowRef(frozen + 1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := f.AutoFilter(x.sheet(sheetSummary), fmt.Sprintf("A%d:G%d", byYearHeader, byYearLast), nil); err != nil {
		return err
	}
	// The charts start a page of their own, under the tables, as wide as the tables.
	chartsRow := s.row + 1
	lastRow, err := x.summaryCharts(chartsRow, byYearHeader, byYearLast)
	if err != nil {
		return err
	}
	if lastRow > s.row {
		if err := f.InsertPageBreak(x.sheet(sheetSummary), rowRef(chartsRow)); err != nil {
			return err
		}
	}
	lastRow = max(lastRow, s.row-1)
	if err := f.SetSheetDimension(x.sheet(sheetSummary), fmt.Sprintf("A1:G%d", lastRow)); err != nil {
		return err
	}
	return x.setPrint(printSetup{sheet: x.sheet(sheetSummary), widths: summaryWidths, lastRow: lastRow})
}

func optTon(v *float64, style int) any {
	if v == nil {
		return nil
	}
	return cell{StyleID: style, Value: *v}
}

// contents describes each sheet for the Summary's table of contents. The Lines sheets have no
// room for a title row (they hold 1,048,575 lines under their header), so it is here.
func (x *exporter) contents() [][2]string {
	l := x.e.Lang
	out := [][2]string{
		{sheetSummary, l.T("Key figures of the reporting year, the trajectory's status, charts")},
		{sheetE16, l.T("Gross Scopes 1, 2 (location- and market-based), 3 by category and total GHG emissions in the layout of ESRS E1 AR 48, with targets; the other E1-6 disclosures (§48, §50, §53, AR 46)")},
	}
	if x.e.Regulatory != nil {
		out = append(out, [2]string{sheetEntities, l.T("Emissions per entity of the organisation: consolidated (at its share) and gross (E1-6 §50)")})
	}
	out = append(out, x.energyContents()...)
	out = append(out, [][2]string{
		{sheetBreakdown, l.T("Emissions per year by scope, Scope 3 category, pole, site and activity (long format)")},
		{sheetTrajectory, l.T("Per year toward %v: actual, targets, business as usual, plan, credits, net, gap, abatement per lever", lang.Year(x.targetYear()))},
	}...)
	out = append(out, x.claimContents()...)
	out = append(out, x.analysisContents()...)
	for _, name := range x.lineSheets {
		out = append(out, [2]string{name, l.T("Every computed line (tCO2e) with its input file, sheet and row, its factor vintage, value and source")})
	}
	out = append(out,
		[2]string{sheetFactors, l.T("Every emission factor used, with its full metadata and source")},
		[2]string{sheetIntensity, l.T("Emission intensity per configured denominator and year, and the intensity targets")},
		[2]string{sheetAvoided, l.T("Avoided emissions per year and activity, reported apart: never subtracted from the inventory")})
	if x.e.Analysis.Restatement != nil {
		out = append(out, [2]string{sheetRestatement, l.T("Each year's total as reported and restated with the latest dataset version of its own factor vintages")})
	}
	return append(out, [2]string{sheetProblems, l.T("Every problem found in the inputs and the configuration, with its place")})
}

// Where the Summary's charts go: one above the other from the row the charts start at, each as
// wide as the columns A to G (summaryWidths, in pixels as excelize measures a column) and
// summaryChartRows rows high, so that both print on one landscape page.
const (
	summaryChartWidth = 1071
	// summaryChartRows are the rows one chart covers; one more is left blank under it. The
	// rows are chartRowHeight points (20 px in Excel and LibreOffice) high.
	summaryChartRows = 16
	chartRowHeight   = 15
	// summaryChartHeight is the height of summaryChartRows rows as excelize measures them when
	// it anchors a chart to the cells it covers: 18 px for a row of 15 points (where Excel
	// draws 20), so the chart ends on the row it should.
	summaryChartHeight = summaryChartRows * 18
)

// summaryCharts adds the two native charts from row first: the trajectory (actuals stacked by
// scope, target, business as usual, plan) and the emissions by year split by scope. They
// draw with the colours of the HTML report, and like it draw no net line: credits are a ledger
// of their own, never netted into the inventory. It returns the last row the charts cover, or
// 0 without a chart.
func (x *exporter) summaryCharts(first, byYearHeader, byYearLast int) (int, error) {
	f := x.f
	size := excelize.ChartDimension{Width: summaryChartWidth, Height: summaryChartHeight}
	legend := excelize.ChartLegend{Position: "bottom"}
	yAxis := excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}}
	title := func(s string) excelize.ChartTitle {
		return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s}}}
	}
	row, last := first, 0
	// The rows under the charts are given their height: LibreOffice's default is lower than
	// Excel's, and the charts, sized in pixels, would overlap there.
	var err error
	place := func() string {
		ref := rowRef(row)
		last = row + summaryChartRows
		for ; row <= last && err == nil; row++ {
			err = f.SetRowHeight(x.sheet(sheetSummary), row, chartRowHeight)
		}
		return ref
	}
	if tr := x.e.Trajectory; tr != nil && len(tr.Years) > 0 {
		tc := x.trajectoryLayout()
		firstYear, lastYear := 4, 3+len(tr.Years)
		trajectory := sheetRef(x.sheet(sheetTrajectory))
		ref := func(col int) (name, values string) {
			l, _ := excelize.ColumnNumberToName(col)
			return fmt.Sprintf("%s!$%s$3", trajectory, l), fmt.Sprintf("%s!$%s$%d:$%s$%d", trajectory, l, firstYear, l, lastYear)
		}
		cats := fmt.Sprintf("%s!$A$%d:$A$%d", trajectory, firstYear, lastYear)
		serie := func(col int) excelize.ChartSeries {
			name, vals := ref(col)
			return excelize.ChartSeries{Name: name, Categories: cats, Values: vals}
		}
		var scopes []excelize.ChartSeries
		for _, s := range tr.Boundary {
			c := serie(tc.byScope[s])
			c.Fill = chartFill(reports.ScopeColor(s))
			scopes = append(scopes, c)
		}
		var lines []excelize.ChartSeries
		line := func(col int, color string, dash excelize.LineDashType) {
			c := serie(col)
			c.Marker = excelize.ChartMarker{Symbol: "none"}
			c.Fill = chartFill(color) // a line chart draws its line with the series' fill
			c.Line = excelize.LineOptions{Dash: dash, Width: 2}
			lines = append(lines, c)
		}
		if len(x.e.Targets) > 0 {
			line(tc.target, reports.ColorTarget, excelize.LineDashDash)
		}
		line(tc.bau, reports.ColorBAU, excelize.LineDashDash)
		line(tc.plan, reports.ColorPlan, excelize.LineDashSolid)
		at := place()
		if err != nil {
			return 0, err
		}
		if err := f.AddChart(x.sheet(sheetSummary), at, &excelize.Chart{
			// Its legend on the right: six entries would take two lines under the plot.
			Type: excelize.ColStacked, Series: scopes, Dimension: size, Legend: excelize.ChartLegend{Position: "right"}, YAxis: yAxis,
			Title: title(x.e.Lang.T("Trajectory toward %v (tCO2e, %s)", lang.Year(tr.TargetYear), scopeList(tr.Boundary))),
		}, &excelize.Chart{Type: excelize.Line, Series: lines, YAxis: yAxis}); err != nil {
			return 0, err
		}
	}
	if byYearLast > byYearHeader {
		col := map[bool]string{true: "C", false: "D"}[x.e.Scope2Method == emissions.MethodLocation]
		var ss []excelize.ChartSeries
		summary := sheetRef(x.sheet(sheetSummary))
		for i, c := range []string{"B", col, "E"} {
			ss = append(ss, excelize.ChartSeries{
				Name:       fmt.Sprintf("%s!$%s$%d", summary, c, byYearHeader),
				Categories: fmt.Sprintf("%s!$A$%d:$A$%d", summary, byYearHeader+1, byYearLast),
				Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", summary, c, byYearHeader+1, c, byYearLast),
				Fill:       chartFill(reports.ScopeColor(i + 1)),
			})
		}
		at := place()
		if err != nil {
			return 0, err
		}
		if err := f.AddChart(x.sheet(sheetSummary), at, &excelize.Chart{
			Type: excelize.ColStacked, Series: ss, Dimension: size, Legend: legend, YAxis: yAxis,
			Title: title(x.e.Lang.T("Emissions by scope (tCO2e, Scope 2 %s)", reports.MethodLabelIn(x.e.Lang, x.e.Scope2Method))),
		}); err != nil {
			return 0, err
		}
	}
	return last, nil
}

// chartFill is a solid fill of colour "#rrggbb" for a chart's series.
func chartFill(color string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{strings.TrimPrefix(color, "#")}}
}
