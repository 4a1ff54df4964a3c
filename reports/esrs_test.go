package reports

import (
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
)

// The Scope 3 coverage's reasons are worded in the language asked for; the status stays a
// code (the JSON document's), CoverageStatusIn words it; config's reasons stay as written.
func TestCoverageIn(t *testing.T) {
	r := &Regulatory{Scope3Included: map[int]string{2: "capex tracked apart"}, Scope3Excluded: map[int]string{4: "no transport bought", 5: "not relevant"}}
	y := &emissions.YearTotals{Scope3Categories: map[int]float64{1: 10, 4: 5}}
	want := map[int][2]string{
		1: {"included", "activity data in the inventory"},
		2: {"included", "capex tracked apart (no emissions in the inputs this year)"},
		3: {"not reported", "no data and no reason in config esrs.scope3"},
		4: {"included", "activity data in the inventory; config lists it as excluded (no transport bought), but rows of the category are counted"},
		5: {"excluded", "not relevant"},
	}
	wantFR := map[int][2]string{
		1: {"incluse", "données d’activité dans l’inventaire"},
		2: {"incluse", "capex tracked apart (aucune émission dans les entrées cette année)"},
		3: {"non déclaré", "ni données ni motif dans la config esrs.scope3"},
		4: {"incluse", "données d’activité dans l’inventaire\u202f; la config l’indique comme exclue (no transport bought), mais les lignes de la catégorie sont comptées"},
		5: {"exclue", "not relevant"},
	}
	en, fr := r.Coverage(lang.English, y), r.Coverage(lang.French, y)
	for c := 1; c <= 5; c++ {
		if got := [2]string{en[c-1].Status, en[c-1].Reason}; got != want[c] {
			t.Errorf("category %d: got %q, want %q", c, got, want[c])
		}
		if fr[c-1].Status != en[c-1].Status {
			t.Errorf("category %d: the status is a code, got %q in French", c, fr[c-1].Status)
		}
		if got := [2]string{CoverageStatusIn(lang.French, fr[c-1].Status), fr[c-1].Reason}; got != wantFR[c] {
			t.Errorf("category %d in French: got %q, want %q", c, got, wantFR[c])
		}
	}
}
