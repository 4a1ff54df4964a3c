package emissions

import (
	"sort"
	"strconv"
	"strings"
)

// Unassigned names the pole of rows that give none.
const Unassigned = "(unassigned)"

// YearTotals are one year's aggregates, in tCO2e.
type YearTotals struct {
	Year           int
	Scope1         float64
	Scope2Location float64
	Scope2Market   float64
	Scope3         float64
	// Scope3Categories holds each Scope 3 category's total (upstream of energy in 3).
	Scope3Categories map[int]float64
	TotalLocation    float64
	TotalMarket      float64
	BiogenicCO2      float64 // tCO2, outside the scopes
	Avoided          float64 // reported apart, never subtracted
	// ByPole, BySite and ByActivity break down the total of the selected Scope 2 method; ByGWP
	// breaks it down by the GWP basis of the factors behind it (GWPUnspecified for none).
	ByPole, BySite, ByActivity, ByGWP map[string]float64
}

// GWPUnspecified is ByGWP's key for emissions that rest on no stated GWP basis:
// already-computed rows, factors given without one, contractual instruments, residual mixes.
const GWPUnspecified = "unspecified"

// Aggregate sums lines per year. method ("market" or "location") selects which Scope 2
// figure the breakdowns by pole, site and activity follow. Lines are summed in their order,
// so the result is the same on every run.
func Aggregate(lines []Line, method string) []YearTotals {
	byYear := map[int]*YearTotals{}
	for _, l := range lines {
		t := byYear[l.Year]
		if t == nil {
			t = &YearTotals{Year: l.Year, Scope3Categories: map[int]float64{},
				ByPole: map[string]float64{}, BySite: map[string]float64{}, ByActivity: map[string]float64{}, ByGWP: map[string]float64{}}
			byYear[l.Year] = t
		}
		if l.Part == PartAvoided {
			t.Avoided += l.TCO2e
			continue
		}
		if l.Outside() {
			continue // an investee outside the consolidation: reported apart (entity.go)
		}
		t.BiogenicCO2 += l.BiogenicCO2
		switch l.Scope {
		case 1:
			t.Scope1 += l.TCO2e
		case 2:
			if l.InLocation() {
				t.Scope2Location += l.TCO2e
			}
			if l.InMarket() {
				t.Scope2Market += l.TCO2e
			}
		case 3:
			t.Scope3 += l.TCO2e
			t.Scope3Categories[l.Category] += l.TCO2e
		}
		if (method == MethodLocation && l.InLocation()) || (method != MethodLocation && l.InMarket()) {
			pole := l.Pole
			if pole == "" {
				pole = Unassigned
			}
			t.ByPole[pole] += l.TCO2e
			t.BySite[l.Site] += l.TCO2e
			t.ByActivity[l.Activity] += l.TCO2e
			gwp := l.GWP
			if gwp == "" {
				gwp = GWPUnspecified
			}
			t.ByGWP[gwp] += l.TCO2e
		}
	}
	out := make([]YearTotals, 0, len(byYear))
	for _, t := range byYear {
		// Totals are the sum of the scopes, exactly (ESRS E1 AR 47), not a separate running sum.
		t.TotalLocation = t.Scope1 + t.Scope2Location + t.Scope3
		t.TotalMarket = t.Scope1 + t.Scope2Market + t.Scope3
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Year < out[j].Year })
	return out
}

// Total is the year's total under a Scope 2 method (MethodLocation, else market-based).
func (y YearTotals) Total(method string) float64 {
	if method == MethodLocation {
		return y.TotalLocation
	}
	return y.TotalMarket
}

// Scope2 is the year's Scope 2 under a method (MethodLocation, else market-based).
func (y YearTotals) Scope2(method string) float64 {
	if method == MethodLocation {
		return y.Scope2Location
	}
	return y.Scope2Market
}

// YearList lists years for a message: "2019, 2020, 2021".
func YearList(ys []int) string {
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = strconv.Itoa(y)
	}
	return strings.Join(s, ", ")
}
