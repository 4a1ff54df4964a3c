package excel

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// Sheet names of the analysis figures (docs/user-guide.md#the-excel-export).
var (
	sheetAvoided   = lang.Key("Avoided")
	sheetIntensity = lang.Key("Intensity")
)

// writeAvoided lists the avoided emissions per year and activity, apart from every inventory
// figure of the workbook.
func (x *exporter) writeAvoided() error {
	l := x.e.Lang
	rows := x.e.Analysis.Avoided
	t := table{sheet: sheetAvoided, rows: len(rows), title: l.T(reports.AvoidedLabel),
		note: l.T("tCO2e that the circular activities displace (factors of kind avoided). Reported apart: never subtracted from Scopes 1–3, the totals, the trajectory or a target (GHG Protocol, ESRS E1). `footprint factors show ID` gives each factor's derivation."),
		cols: []column{
			{header: l.T("Year"), width: 8, style: x.st.integer},
			{header: l.T("Activity"), width: 40},
			{header: l.T("Factor id"), width: 40},
			{header: l.T("Quantity (factor unit)"), width: 16, style: x.st.number},
			{header: l.T("Unit"), width: 8},
			{header: l.T("kgCO2e avoided per unit"), width: 14, style: x.st.number},
			{header: l.T("tCO2e avoided"), width: 14, style: x.st.tonnes},
			{header: l.T("Source"), width: 80},
		}}
	return x.stream(t, func(add func(...any) error) error {
		for _, r := range rows {
			if err := add(r.Year, r.Activity, r.FactorID, r.Quantity, r.FactorUnit, r.FactorValue, r.TCO2e, r.Source); err != nil {
				return err
			}
		}
		return nil
	})
}

// intensityRow is one row of the Intensity sheet.
type intensityRow struct {
	year                  int
	name, what, unit      string
	denominator, emission any // float64 or nil
	perUnit               float64
}

// intensityRows lists per denominator and year the total's intensity, then each intensity
// target's path and actuals, in long format.
func (x *exporter) intensityRows() []intensityRow {
	a, l := x.e.Analysis, x.e.Lang
	var out []intensityRow
	for _, d := range a.Denominators {
		for _, y := range x.e.Years {
			v, ok := a.Intensities[y.Year][d.Name]
			if !ok {
				continue
			}
			out = append(out, intensityRow{year: y.Year, name: d.Name, what: l.T("Total (%s)", reports.MethodLabelIn(l, x.e.Scope2Method)), unit: d.Unit,
				denominator: d.Values[y.Year], emission: y.Total(x.e.Scope2Method), perUnit: v})
		}
		for _, p := range a.IntensityPaths {
			if p.Target.Intensity != d.Name {
				continue
			}
			scopes := make([]string, len(p.Target.Scopes))
			for i, s := range p.Target.Scopes {
				scopes[i] = strconv.Itoa(s)
			}
			label := fmt.Sprintf("%s (Scopes %s)", p.Target.Name, strings.Join(scopes, "+"))
			for _, py := range p.Years {
				out = append(out, intensityRow{year: py.Year, name: d.Name, what: l.T("Target: %s", label), unit: d.Unit, perUnit: py.Target})
				if py.Actual != nil {
					out = append(out, intensityRow{year: py.Year, name: d.Name, what: l.T("Actual: %s", label), unit: d.Unit, denominator: d.Values[py.Year], perUnit: *py.Actual})
				}
			}
		}
	}
	// Rows are grouped by denominator already; within one, by year (total, target, actual).
	group := map[string]int{}
	for i, d := range a.Denominators {
		group[d.Name] = i
	}
	sort.SliceStable(out, func(i, j int) bool {
		if gi, gj := group[out[i].name], group[out[j].name]; gi != gj {
			return gi < gj
		}
		return out[i].year < out[j].year
	})
	return out
}

func (x *exporter) writeIntensity() error {
	l := x.e.Lang
	rows := x.intensityRows()
	t := table{sheet: sheetIntensity, rows: len(rows), title: l.T("Emission intensity per year and intensity targets"),
		note: l.T("tCO2e per unit of each denominator of config intensity, for the years that have a value (GWP100 %s, Scope 2 %s). Intensity targets are linear from the base year; they are not part of the trajectory's boundary or gap.", x.e.GWP, reports.MethodLabelIn(l, x.e.Scope2Method)),
		cols: []column{
			{header: l.T("Year"), width: 8, style: x.st.integer},
			{header: l.T("Intensity"), width: 18},
			{header: l.T("Figure"), width: 48},
			{header: l.T("Denominator"), width: 14, style: x.st.number},
			{header: l.T("Unit"), width: 12},
			{header: l.T("tCO2e"), width: 14, style: x.st.tonnes},
			{header: l.T("tCO2e per unit"), width: 14, style: x.st.number},
		}}
	return x.stream(t, func(add func(...any) error) error {
		for _, r := range rows {
			if err := add(r.year, r.name, r.what, r.denominator, r.unit, r.emission, r.perUnit); err != nil {
				return err
			}
		}
		return nil
	})
}
