package reports

import (
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
)

func TestGWPBasisSentence(t *testing.T) {
	tests := []struct {
		name string
		l    lang.Lang
		y    emissions.YearTotals
		want string
	}{
		{"several bases, newest first, none stated last", lang.English,
			emissions.YearTotals{Year: 2024, TotalMarket: 200, ByGWP: map[string]float64{"AR5": 50, emissions.GWPUnspecified: 10, "AR6": 130, "AR4": 10}},
			"65.0 % of 2024 rests on AR6, 25.0 % on AR5, 5.0 % on AR4, 5.0 % on no stated GWP basis (already-computed rows, custom factors without gwp, instruments, residual mixes). " +
				"Factors split by gas are recomputed on the configured set; the others keep their source's basis."},
		{"one basis", lang.English,
			emissions.YearTotals{Year: 2025, TotalMarket: 3, ByGWP: map[string]float64{"AR6": 3}},
			"100.0 % of 2025 rests on AR6. Factors split by gas are recomputed on the configured set; the others keep their source's basis."},
		{"in French, figures as French writes them", lang.French,
			emissions.YearTotals{Year: 2024, TotalMarket: 1000, ByGWP: map[string]float64{"AR6": 688, "AR5": 289, emissions.GWPUnspecified: 23}},
			"68,8\u202f% du total 2024 repose sur AR6, 28,9\u202f% sur AR5, 2,3\u202f% sur aucune base de PRG déclarée (lignes déjà calculées, facteurs personnalisés sans gwp, instruments, mix résiduels). " +
				"Les facteurs décomposés par gaz sont recalculés sur le jeu configuré\u202f; les autres gardent la base que leur source indique."},
		{"no emissions", lang.English, emissions.YearTotals{Year: 2025, ByGWP: map[string]float64{}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GWPBasisSentence(tt.l, tt.y, emissions.MethodMarket); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
