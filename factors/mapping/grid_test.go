package mapping

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/footprint/footprint/factors/datasets"
)

// TestGridSplitByHand computes the split of Ember's lifecycle intensity by hand from the
// published rows and compares it with the committed library.
//
// France 2023, owid-electricity-carbon-intensity-mix:
//   - carbon-intensity-electricity.csv line 1895: France,FRA,2023,55.27541 (g/kWh lifecycle);
//   - electricity-prod-source-stacked.csv line 2164: France,FRA,2023, other renewables 0.6,
//     bioenergy 9.5, solar 23.26, wind 48.61, hydro 53.19, nuclear 335.65, oil 9.71, gas 31.43,
//     coal 2.16 (TWh);
//   - SOURCE.md, per-technology direct/lifecycle g/kWh: coal 760/820, gas 370/490, oil 406/650,
//     biomass 0/230, geothermal 0/38, hydro 0/24, nuclear 0/12, solar 0/45, wind 0/11.
//
// Germany 2024: grid-intensity/ember-average-intensities.json key DEU, 342.06 g/kWh (2024;
// curated-reference EMBER-ELEC-DEU 0.34206), split with the 2023 mix, the latest published:
// electricity-prod-source-stacked.csv line 2344: Germany,DEU,2023, other 0.21, bioenergy 46.02,
// solar 61.56, wind 137.29, hydro 19.48, nuclear 8.75, oil 20.13, gas 76, coal 135.35.
func TestGridSplitByHand(t *testing.T) {
	needSources(t)
	lib := loadLibrary(t)
	curated := loadCurated(t)
	frDirect := 2.16*760 + 31.43*370 + 9.71*406
	frLife := 2.16*820 + 31.43*490 + 9.71*650 + 335.65*12 + 53.19*24 + 48.61*11 + 23.26*45 + 9.5*230 + 0.6*38
	deDirect := 135.35*760 + 76*370 + 20.13*406
	deLife := 135.35*820 + 76*490 + 20.13*650 + 8.75*12 + 19.48*24 + 137.29*11 + 61.56*45 + 46.02*230 + 0.21*38
	tests := []struct {
		name, key       string
		lifecycle       float64 // g/kWh
		share           float64
		note            string // in the factor's notes
		curatedLifetime string // curated id whose value is value + upstream
	}{
		{"ember.electricity.fra/2023/", "fra", 55.27541, frDirect / frLife, "T&D losses are not in the source", ""},
		{"ember.electricity.deu/2024/", "deu", 342.06, deDirect / deLife, "No generation mix published for 2024: the latest, 2023, splits it", "EMBER-ELEC-DEU"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, ok := lib[tt.name]
			if !ok {
				t.Fatalf("no factor %s", tt.name)
			}
			value, upstream := tt.lifecycle*tt.share/1000, tt.lifecycle*(1-tt.share)/1000
			if !datasets.Near(f.Value, value, 1e-9) || !datasets.Near(f.Upstream, upstream, 1e-9) {
				t.Errorf("value %v upstream %v, want %v and %v by hand (direct share %v)", f.Value, f.Upstream, value, upstream, tt.share)
			}
			if f.Scope != 2 || f.LifecycleInScope2 {
				t.Errorf("scope %d, lifecycle_in_scope2 %v: want Scope 2 split", f.Scope, f.LifecycleInScope2)
			}
			if !strings.Contains(f.Notes, tt.note) || !strings.Contains(f.Derivation, "direct share "+fmtNum(tt.share)) {
				t.Errorf("notes %q / derivation %q: want %q and the direct share", f.Notes, f.Derivation, tt.note)
			}
			if tt.curatedLifetime != "" && !datasets.Near(f.Value+f.Upstream, curated[tt.curatedLifetime], 1e-9) {
				t.Errorf("value + upstream %v, curated %s %v", f.Value+f.Upstream, tt.curatedLifetime, curated[tt.curatedLifetime])
			}
		})
	}
}

// TestGridVintages checks that every Ember factor has one vintage a year from 2010 to its
// latest, each split (or flagged) and citing its row.
func TestGridVintages(t *testing.T) {
	needSources(t)
	years := map[string][]int{}
	for _, f := range readLibrary(t) {
		if strings.HasPrefix(f.ID, "ember.electricity.") {
			years[f.ID] = append(years[f.ID], f.Year)
			if f.Year != f.DataYear || f.Carrier != "" && f.Carrier != "electricity" {
				t.Errorf("%s/%d: data year %d, carrier %q", f.ID, f.Year, f.DataYear, f.Carrier)
			}
			if !strings.Contains(f.Source, fmt.Sprint(f.Year)) {
				t.Errorf("%s/%d: source %q does not name its year", f.ID, f.Year, f.Source)
			}
		}
	}
	if len(years) != 21 {
		t.Errorf("%d Ember ids, want the 21 shipped", len(years))
	}
	for id, ys := range years {
		for i, y := range ys {
			if y != gridFirstYear+i {
				t.Errorf("%s: vintages %v, want every year from %d", id, ys, gridFirstYear)
				break
			}
		}
		if ys[len(ys)-1] != 2024 {
			t.Errorf("%s: latest vintage %d, want 2024", id, ys[len(ys)-1])
		}
	}
}

// TestSplitWithoutMix: a lifecycle intensity without any generation mix is kept whole in
// Scope 2 and flagged, never split silently.
func TestSplitWithoutMix(t *testing.T) {
	s := &sources{owid: &datasets.OWID{Mix: map[string]map[int]datasets.OWIDMix{
		"Somewhere": {2015: {Year: 2015, TWh: map[string]float64{datasets.SourceHydro: 1}}},
	}}, tech: map[string]datasets.TechIntensity{"hydro": {Direct: 0, Lifecycle: 24}}}
	tests := []struct {
		entity  string
		year    int
		flagged bool
	}{
		{"Nowhere", 2020, true},
		{"Somewhere", 2014, true}, // mixes only after the year
		{"Somewhere", 2020, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%d", tt.entity, tt.year), func(t *testing.T) {
			g, err := splitLifecycle(s, tt.entity, tt.year, 100)
			if err != nil {
				t.Fatal(err)
			}
			if g.lifecycleInScope2 != tt.flagged {
				t.Fatalf("lifecycleInScope2 %v, want %v", g.lifecycleInScope2, tt.flagged)
			}
			if tt.flagged && (g.value != 0.1 || g.upstream != 0 || !strings.Contains(g.notes, "Lifecycle intensity in Scope 2")) {
				t.Errorf("flagged split %+v: want the whole 0.1 kg/kWh in Scope 2 with a note", g)
			}
			if !tt.flagged && (g.value != 0 || g.upstream != 0.1 || !strings.Contains(g.notes, "the latest, 2015")) {
				t.Errorf("split %+v: want 0 direct (hydro), 0.1 upstream, the 2015 mix named", g)
			}
		})
	}
}

// TestGridMixIsFresh fails when factors/gridmix.csv is not what the generator writes: run
// `go generate ./factors`.
func TestGridMixIsFresh(t *testing.T) {
	needSources(t)
	got, err := GenerateGridMix(srcDir)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../gridmix.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("../gridmix.csv is stale (run go generate ./factors): %s", firstDiff(want, got))
	}
}
