package html

import (
	"encoding/json"
	"math"
	"slices"
	"testing"

	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/lang"
)

// TestValueAxisNameGap: the unit name stands left of the widest tick label, so the gap follows
// that label's width (7 px a digit or minus sign, 3.5 px a thousands separator, 16 px apart).
func TestValueAxisNameGap(t *testing.T) {
	tests := []struct {
		name           string
		vs             []float64
		digits, commas int // of the widest label, minus sign among the digits
	}{
		{"positive", []float64{350000}, 6, 1},                      // 420,000
		{"a small negative part", []float64{350000, -50000}, 6, 1}, // -60,000 is no wider
		{"a large negative part", []float64{1000, -500000}, 7, 1},  // -600,000
		{"millions", []float64{2_100_000}, 7, 2},                   // 2,520,000
		{"small figures", []float64{5.2}, 1, 0},
	}
	for _, tt := range tests {
		want := int(math.Ceil(7*float64(tt.digits)+3.5*float64(tt.commas))) + 16
		if got := valueAxis("tCO2e", tt.vs).NameGap; got != want {
			t.Errorf("%s: name gap %v, want %v", tt.name, got, want)
		}
	}
	// Ticks below 1 apart carry decimals: the name must clear "0.2" or "0.01", not just "0"
	// (a one-row input's claim chart, all zeros, printed its name over its tick labels).
	fractions := []struct {
		name  string
		vs    []float64
		width float64 // of the widest label
	}{
		{"all zero: 0 to 1 by 0.2", []float64{0}, 7 + 3.5 + 7},            // 0.2
		{"hundredths", []float64{0.05}, 7 + 3.5 + 14},                     // 0.01
		{"a negative fraction", []float64{0.05, -0.05}, 7 + 7 + 3.5 + 14}, // -0.06
	}
	for _, tt := range fractions {
		if got, want := valueAxis("tCO2e", tt.vs).NameGap, int(math.Ceil(tt.width))+16; got != want {
			t.Errorf("%s: name gap %v, want %v", tt.name, got, want)
		}
	}
}

// The waterfall names every step under its bar (echarts would drop the names that meet), and
// its value labels are written as the page's language writes figures, each change with its
// sign: a decrease is drawn as a bar like an increase, only its label says it is one.
func TestChangesChartLabels(t *testing.T) {
	c := plan.Change{From: 2023, To: 2024, TotalFrom: 369.9, TotalTo: 1900.9, ActivityEffect: -34.7, FactorEffect: -7.4, Other: 1573.1}
	for _, tt := range []struct {
		l    lang.Lang
		want []string
	}{
		{lang.English, []string{"369.9", "−34.7", "−7.4", "+1,573.1", "0.0", "1,900.9"}},
		{lang.French, []string{"369,9", "−34,7", "−7,4", "+1\u202f573,1", "0,0", "1\u202f900,9"}},
	} {
		b, err := json.Marshal(changesChart(tt.l, c).Options)
		if err != nil {
			t.Fatal(err)
		}
		var o struct {
			XAxis []struct {
				AxisLabel struct{ Interval string } `json:"axisLabel"`
			} `json:"xAxis"`
			Series []struct {
				Data []struct {
					Label *struct{ Formatter string } `json:"label"`
				} `json:"data"`
			} `json:"series"`
		}
		if err := json.Unmarshal(b, &o); err != nil {
			t.Fatal(err)
		}
		if len(o.XAxis) != 1 || o.XAxis[0].AxisLabel.Interval != "0" {
			t.Errorf("%s: the steps' axis does not name every step: %+v", tt.l, o.XAxis)
		}
		got := make([]string, 6)
		for _, s := range o.Series {
			for i, d := range s.Data {
				if d.Label != nil {
					got[i] = d.Label.Formatter
				}
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: labels %q, want %q", tt.l, got, tt.want)
		}
	}
}
