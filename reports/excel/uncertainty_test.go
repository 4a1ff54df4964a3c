package excel_test

import (
	"math"
	"strconv"
	"testing"

	"github.com/footprint/footprint/emissions/analysis"
)

func cellNum(t *testing.T, s sheetCells, col, row int) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s.at(col, row), 64)
	if err != nil {
		t.Fatalf("cell (%d, %d) = %q: %v", col, row, s.at(col, row), err)
	}
	return v
}

// same15 compares a figure read back from a cell with its value: a cell keeps 15 significant
// digits.
func same15(got, want float64) bool {
	return math.Abs(got-want) <= 1e-13*math.Max(1e-3, math.Abs(want))
}

// The Uncertainty sheet holds each year's total, scopes and poles with the intervals of the
// Monte Carlo, as numbers.
func TestExportUncertaintySheet(t *testing.T) {
	e := demoInventory(t)
	b, _ := writeExportBytes(t, e)
	f := openWorkbook(t, b)
	s := readSheet(t, f, "Uncertainty")
	if s.at(1, 3) != "Year" || s.at(5, 3) != "Low (2.5 %), tCO2e" || s.at(6, 3) != "High (97.5 %), tCO2e" {
		t.Fatalf("header %v", s.rows[2])
	}
	totals := 0
	for r := 4; r <= len(s.rows); r++ {
		y, _ := strconv.Atoi(s.at(1, r))
		yu, ok := e.Uncertainty.Year(y)
		if !ok {
			t.Fatalf("row %d: year %q not in the uncertainty", r, s.at(1, r))
		}
		var want analysis.Interval
		switch s.at(2, r) {
		case "Total":
			totals++
			want = yu.Interval
			if got := cellNum(t, s, 9, r); !same15(got, yu.DefaultShare) {
				t.Errorf("%d default share %v, want %v", y, got, yu.DefaultShare)
			}
		case "Scope":
			n, _ := strconv.Atoi(s.at(3, r)[len("Scope "):][:1])
			want = yu.ByScope[n]
		case "Pole":
			want = yu.ByPole[s.at(3, r)]
		default:
			t.Fatalf("row %d: breakdown %q", r, s.at(2, r))
		}
		low, high, v := cellNum(t, s, 5, r), cellNum(t, s, 6, r), cellNum(t, s, 4, r)
		if !same15(low, want.Low) || !same15(high, want.High) || !(low <= v && v <= high) {
			t.Errorf("row %d %s %s: [%v, %v] around %v, want %+v", r, s.at(2, r), s.at(3, r), low, high, v, want)
		}
	}
	if totals != len(e.Years) {
		t.Errorf("%d total rows, want one per year (%d)", totals, len(e.Years))
	}
}

// The Changes sheet: one "All activities" row per change, equal to the decomposition, whose
// parts add up to the change, followed by its activities, which add up to it.
func TestExportChangesSheet(t *testing.T) {
	e := demoInventory(t)
	b, _ := writeExportBytes(t, e)
	s := readSheet(t, openWorkbook(t, b), "Changes")
	i := -1
	var sum [7]float64
	check := func() {
		if i < 0 {
			return
		}
		c := e.Changes[i]
		want := [7]float64{c.TotalFrom, c.TotalTo, c.TotalTo - c.TotalFrom, c.ActivityEffect, c.FactorEffect, c.Other, c.Discontinued}
		for k := range sum {
			if math.Abs(sum[k]-want[k]) > 1e-6*math.Max(1, math.Abs(c.TotalFrom)) {
				t.Errorf("%d→%d column %d: activities add to %v, total %v", c.From, c.To, k+5, sum[k], want[k])
			}
		}
	}
	for r := 4; r <= len(s.rows); r++ {
		if s.at(4, r) == "All activities" {
			check()
			i++
			sum = [7]float64{}
			c := e.Changes[i]
			if s.at(1, r) != strconv.Itoa(c.From) || s.at(2, r) != strconv.Itoa(c.To) || !same15(cellNum(t, s, 8, r), c.ActivityEffect) ||
				!same15(cellNum(t, s, 9, r), c.FactorEffect) || !same15(cellNum(t, s, 10, r), c.Other) || !same15(cellNum(t, s, 11, r), c.Discontinued) {
				t.Errorf("row %d: %v, want %d→%d %v %v %v %v", r, s.rows[r-1], c.From, c.To, c.ActivityEffect, c.FactorEffect, c.Other, c.Discontinued)
			}
			if c.To >= 2024 && c.From <= 2024 && c.Discontinued >= 0 {
				t.Errorf("%d→%d: the demo's 2024 assembly closure is not labelled discontinued (%v)", c.From, c.To, c.Discontinued)
			}
			parts := cellNum(t, s, 8, r) + cellNum(t, s, 9, r) + cellNum(t, s, 10, r) + cellNum(t, s, 11, r)
			if math.Abs(parts-cellNum(t, s, 7, r)) > 1e-6 {
				t.Errorf("row %d: parts %v, change %v", r, parts, cellNum(t, s, 7, r))
			}
			continue
		}
		for k := range sum {
			sum[k] += cellNum(t, s, 5+k, r)
		}
	}
	check()
	if i+1 != len(e.Changes) || len(e.Changes) == 0 {
		t.Errorf("%d changes on the sheet, want %d", i+1, len(e.Changes))
	}
}

// Without the analyses the export has neither sheet.
func TestExportWithoutAnalysis(t *testing.T) {
	e := demoInventory(t)
	e.Uncertainty, e.Changes = nil, nil
	b, _ := writeExportBytes(t, e)
	for _, name := range openWorkbook(t, b).GetSheetList() {
		if name == "Uncertainty" || name == "Changes" {
			t.Errorf("sheet %s without the analysis", name)
		}
	}
}
