package reports

import (
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions/claim"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/lang"
)

// Every reason a claim fails for is a sentence with its figures in both languages: English as
// the JSON document states it, French with French numbers and no English left.
func TestClaimReasonText(t *testing.T) {
	residual, high := 12500.0, 14000.0
	cc := &claim.ClaimCheck{
		Boundary: plan.ClaimBoundary{Scopes: []int{1, 2}, Scope2Method: "market"},
		Excluded: claim.Scope3Exclusion{Year: 2025, TCO2e: 661773.4, Share: 0.97, Categories: []int{11}, Significant: true},
	}
	cy := claim.ClaimYear{Year: 2025, Residual: &residual, ResidualHigh: &high, CreditsRetired: 1000, RemovalsOwn: 250, CreditsPlanned: 3000}
	tests := []struct {
		rs     claim.ClaimReason
		en, fr string
	}{
		{claim.ClaimReason{Code: claim.ReasonNoData}, "2025 has no activity data", "2025 n’a pas de données d’activité"},
		{claim.ClaimReason{Code: claim.ReasonProjected}, "2025 has no measured emissions yet", "2025 n’a pas encore d’émissions mesurées"},
		{claim.ClaimReason{Code: claim.ReasonBoundaryNoScope}, "claim boundary (Scope 1 (direct emissions), Scope 2 (market-based))", "périmètre de la revendication (Scope 1 (émissions directes)"},
		{claim.ClaimReason{Code: claim.ReasonNoTarget}, "no reduction target applies to 2025", "aucune cible de réduction ne s’applique à 2025"},
		{claim.ClaimReason{Code: claim.ReasonOffTarget, Gross: 13000, Target: 12000}, "gross emissions 13,000.0 t are above the target path 12,000.0 t", "les émissions brutes, 13\u202f000,0 t, dépassent la trajectoire cible, 12\u202f000,0 t"},
		{claim.ClaimReason{Code: claim.ReasonDiscontinued, Gross: 13000, Target: 14000, TargetWithoutDiscontinued: 9000.5}, "without them the path is 9,000.5 t", "sans elles, la trajectoire serait de 9\u202f000,5 t"},
		{claim.ClaimReason{Code: claim.ReasonDiscontinued, Gross: 13000, Target: 14000}, "count as reductions; the activities that go on emitted nothing in the base year", "les activités qui se poursuivent n’émettaient rien l’année de référence"},
		{claim.ClaimReason{Code: claim.ReasonNotCovered}, "retired credits (1,000.0 t) and own removals (250.0 t) cover 1,250.0 t of the 12,500.0 t residual; planned or contracted credits (3,000.0 t) count only once retired",
			"les crédits retirés (1\u202f000,0 t) et les absorptions propres (250,0 t) couvrent 1\u202f250,0 t des 12\u202f500,0 t d’émissions résiduelles\u202f; les crédits prévus ou contractés (3\u202f000,0 t)"},
		{claim.ClaimReason{Code: claim.ReasonNotCoveredHigh}, "(1,250.0 t) cover the central residual 12,500.0 t but not its 95 % upper bound 14,000.0 t", "mais pas leur borne haute à 95 %, 14\u202f000,0 t"},
		{claim.ClaimReason{Code: claim.ReasonBoundaryScope3}, "the boundary leaves out 661,773.4 t of Scope 3 (97 % of the 2025 total; category 11), at least 5 %: significant", "661\u202f773,4 t de Scope 3 (97\u202f% du total 2025\u202f; catégorie 11), au moins 5\u202f%\u202f:"},
	}
	for _, tt := range tests {
		t.Run(tt.rs.Code, func(t *testing.T) {
			if got := ClaimReasonText(lang.English, cc, cy, tt.rs); !strings.Contains(got, tt.en) {
				t.Errorf("English: %q\nlacks %q", got, tt.en)
			}
			fr := ClaimReasonText(lang.French, cc, cy, tt.rs)
			if !strings.Contains(fr, tt.fr) {
				t.Errorf("French: %q\nlacks %q", fr, tt.fr)
			}
			for _, w := range []string{" the ", "emissions ", "credits ", " t of "} {
				if strings.Contains(fr, w) {
					t.Errorf("French %q holds English %q", fr, w)
				}
			}
		})
	}
}
