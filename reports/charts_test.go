package reports

import "testing"

// TestValueAxisNameGap: the unit name stands left of the widest tick label, so the gap follows
// that label's width (7 px a character, 16 px apart), minus sign included.
func TestValueAxisNameGap(t *testing.T) {
	tests := []struct {
		name string
		vs   []float64
		want int // characters of the widest label
	}{
		{"positive", []float64{350000}, 7},                      // 420,000
		{"a small negative part", []float64{350000, -50000}, 7}, // -60,000 is no wider
		{"a large negative part", []float64{1000, -500000}, 8},  // -600,000
		{"small figures", []float64{5.2}, 1},
	}
	for _, tt := range tests {
		if got := valueAxis("tCO2e", tt.vs).NameGap; got != 7*tt.want+16 {
			t.Errorf("%s: name gap %v, want %v", tt.name, got, 7*tt.want+16)
		}
	}
}
