package reports

import (
	"math"
	"testing"
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
}
