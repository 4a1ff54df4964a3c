package main

import (
	"fmt"
	"strconv"
	"strings"
)

// displayUnit maps a row unit to the unit of the summary and the factor to get there (kg
// only on the Materials sheet: refrigerants stay in kg).
var displayUnit = map[string]struct {
	unit string
	k    float64
}{
	"kWh":     {"MWh", 0.001},
	"kWh PCS": {"MWh PCS", 0.001},
	"kg":      {"t", 0.001},
}

// totalKey names one line of the summary.
type totalKey struct{ sheet, activity, unit string }

// summary is the per-year totals of every activity (and of the instruments) as a markdown
// table; demo/README.md carries it and a test keeps the two equal.
func summary() string {
	var keys []totalKey
	totals := map[totalKey]map[int]float64{}
	add := func(k totalKey, y int, q float64) {
		if totals[k] == nil {
			totals[k] = map[int]float64{}
			keys = append(keys, k)
		}
		totals[k][y] += q
	}
	for _, s := range activitySheets() {
		for _, r := range s.rows() {
			unit, q := r.Unit, r.Quantity
			if d, ok := displayUnit[unit]; ok && (unit != "kg" || s.name == "Materials") {
				unit, q = d.unit, q*d.k
			}
			act := r.Activity
			if r.Category != 0 && r.Unit != "tCO2e" {
				act += fmt.Sprintf(" (Category %d)", r.Category)
			}
			add(totalKey{s.name, act, unit}, r.Year, q)
		}
	}
	for _, in := range instruments() {
		q := in.Quantity
		if in.Unit == "kWh" {
			q /= 1000
		}
		add(totalKey{"Instruments", fmt.Sprintf("factor %g kgCO2e/kWh", in.Factor), "MWh"}, in.Year, q)
	}

	var b strings.Builder
	b.WriteString("| sheet | activity | unit |")
	for _, y := range years {
		fmt.Fprintf(&b, " %d |", y)
	}
	b.WriteString("\n|---|---|---|")
	for range years {
		b.WriteString("---:|")
	}
	b.WriteString("\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "| %s | %s | %s |", k.sheet, k.activity, k.unit)
		for _, y := range years {
			v, ok := totals[k][y]
			if !ok {
				b.WriteString(" |")
				continue
			}
			fmt.Fprintf(&b, " %s |", thousands(v))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// thousands formats v with a comma every three digits: no decimals from 100 up, one
// below (two below 1).
func thousands(v float64) string {
	decimals := 0
	switch {
	case v < 1:
		decimals = 2
	case v < 100:
		decimals = 1
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var out []byte
	for i := range len(intPart) {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, intPart[i])
	}
	if frac != "" {
		return string(out) + "." + frac
	}
	return string(out)
}
