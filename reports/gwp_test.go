package reports

import (
	"testing"

	"github.com/footprint/footprint/emissions"
)

func TestGWPBasisSentence(t *testing.T) {
	tests := []struct {
		name string
		y    emissions.YearTotals
		want string
	}{
		{"several bases, newest first, none stated last",
			emissions.YearTotals{Year: 2024, TotalMarket: 200, ByGWP: map[string]float64{"AR5": 50, emissions.GWPUnspecified: 10, "AR6": 130, "AR4": 10}},
			"65.0 % of 2024 rests on AR6, 25.0 % on AR5, 5.0 % on AR4, 5.0 % on no stated GWP basis (already-computed rows, custom factors without gwp, instruments, residual mixes). " +
				"Factors split by gas are recomputed on the configured set; the others keep their source's basis."},
		{"one basis",
			emissions.YearTotals{Year: 2025, TotalMarket: 3, ByGWP: map[string]float64{"AR6": 3}},
			"100.0 % of 2025 rests on AR6. Factors split by gas are recomputed on the configured set; the others keep their source's basis."},
		{"no emissions", emissions.YearTotals{Year: 2025, ByGWP: map[string]float64{}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GWPBasisSentence(tt.y, emissions.MethodMarket); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
