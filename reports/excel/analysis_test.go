package excel_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The Avoided sheet sums to each year's avoided emissions and none of it reaches the inventory
// sheets; the Intensity sheet's totals are total ÷ denominator; freshness warnings reach the
// Problems sheet.
func TestExportAnalysisSheets(t *testing.T) {
	e := demoInventory(t)
	b, _ := writeExportBytes(t, e)
	f := openWorkbook(t, b)
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%q is not a number", s)
		}
		return v
	}
	rows := func(sheet string) [][]string {
		rs, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return rs
	}

	av := rows("Avoided")
	if !strings.Contains(av[0][0], "not subtracted from the inventory") || av[2][6] != "tCO2e avoided" {
		t.Fatalf("Avoided sheet head: %q / %q", av[0], av[2])
	}
	sum := map[int]float64{}
	for _, r := range av[3:] {
		sum[int(num(r[0]))] += num(r[6])
		if q, fv, tc := num(r[3]), num(r[5]), num(r[6]); math.Abs(q*fv/1000-tc) > 1e-6*tc {
			t.Errorf("Avoided row %v: %v × %v / 1000 ≠ %v", r, q, fv, tc)
		}
	}
	n := 0
	for _, y := range e.Years {
		if math.Abs(sum[y.Year]-y.Avoided) > 1e-6*y.Avoided {
			t.Errorf("%d: Avoided sheet sums to %v, inventory avoided %v", y.Year, sum[y.Year], y.Avoided)
		}
		if y.Avoided > 0 {
			n++
		}
	}
	if n < 5 {
		t.Errorf("only %d years with avoided emissions in the demo", n)
	}

	in := rows("Intensity")
	totals := 0
	for _, r := range in[3:] {
		if !strings.HasPrefix(r[2], "Total") {
			continue
		}
		totals++
		if got, want := num(r[6]), num(r[5])/num(r[3]); math.Abs(got-want) > 1e-9*want {
			t.Errorf("Intensity %v: %v, want %v", r, got, want)
		}
	}
	if totals != 19 { // per_vehicle 2021–2025, per_employee and per_revenue 2019–2025
		t.Errorf("%d intensity totals, want 19", totals)
	}

	// The demo's old factors are warned once per factor and year: fr.natural-gas.pcs 2015 for
	// 2019–2021, and, since every ADEME factor states its data year, the materials last
	// modified in 2014–2018 and others.
	fresh, gas := 0, 0
	for _, r := range rows("Problems") {
		text := strings.Join(r, " ")
		if strings.Contains(text, "freshness_years: 3") {
			fresh++
		}
		if strings.Contains(text, "factor fr.natural-gas.pcs dates from 2015") {
			gas++
		}
	}
	if gas != 3 || fresh != 76 {
		t.Errorf("%d freshness warnings on the Problems sheet (%d of fr.natural-gas.pcs 2015), want 76 (3 for 2019–2021)", fresh, gas)
	}
}
