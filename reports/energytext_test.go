package reports

import (
	"testing"

	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/pipeline"
)

// The E1-5 mixes' sources are worded in the report's language, their figures too; a config's
// own source and the dataset's attribution (a licence, CC BY 4.0) stay as written.
func TestMixSourceIn(t *testing.T) {
	owid := "OWID/Ember generation mix, France 2023 (electricity-prod-source-stacked.csv line 2164: fossil 43.3, nuclear 335.65, renewable 135.16 TWh); Ember (2025) (CC BY 4.0)"
	tests := []struct {
		in, fr string
	}{
		{"grid electricity 2024, FR, no generation mix published for 2024, the latest (2023) is used: " + owid,
			"électricité du réseau 2024, FR, aucun mix de production publié pour 2024\u202f: le plus récent (2023) est utilisé\u202f: mix de production OWID/Ember, France 2023 (electricity-prod-source-stacked.csv ligne 2164\u202f: fossile 43,3, nucléaire 335,65, renouvelable 135,16 TWh)\u202f; Ember (2025) (CC BY 4.0)"},
		{"grid electricity 2019, DE, no generation mix published for 2019, the earliest (2020) is used: x",
			"électricité du réseau 2019, DE, aucun mix de production publié pour 2019\u202f: le plus ancien (2020) est utilisé\u202f: x"},
		{"grid electricity 2023, FR, published generation mix: y", "électricité du réseau 2023, FR, mix de production publié\u202f: y"},
		{"energy.electricity_mix 2024: EDF supply mix 2024 (v1.2)", "energy.electricity_mix 2024\u202f: EDF supply mix 2024 (v1.2)"},
		{"something else 1.5", "something else 1.5"},
	}
	for _, tt := range tests {
		if got := MixSourceIn(lang.English, tt.in); got != tt.in {
			t.Errorf("English changed %q to %q", tt.in, got)
		}
		if got := MixSourceIn(lang.French, tt.in); got != tt.fr {
			t.Errorf("French %q:\ngot  %q\nwant %q", tt.in, got, tt.fr)
		}
	}
}

func TestHighImpactScopeIn(t *testing.T) {
	for in, want := range map[string]string{
		"every activity":             "toutes les activités",
		"poles Paint, Body; sites X": "pôles Paint, Body; sites X",
	} {
		if got := HighImpactScopeIn(lang.French, in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
		if got := HighImpactScopeIn(lang.English, in); got != in {
			t.Errorf("English changed %q to %q", in, got)
		}
	}
}

// The E1-5 rows' labels are the export's keys, a share's " (%)" apart.
func TestE15LabelIn(t *testing.T) {
	for _, r := range E15Rows {
		if got := E15LabelIn(lang.English, r.Label); got != r.Label {
			t.Errorf("English changed %q to %q", r.Label, got)
		}
		if got := E15LabelIn(lang.French, r.Label); got == r.Label {
			t.Errorf("%q has no French", r.Label)
		}
	}
}

// The mix sources the calculation writes for the demo's years are all in a form MixSourceIn
// knows: a change of wording in package emissions fails here rather than leaving the French
// report's mix notes in English.
func TestMixSourceInKnowsTheCalculationsWords(t *testing.T) {
	res, err := pipeline.Run(pipeline.Options{ConfigPath: "../config.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	r := New(res)
	if len(r.EnergyTables.Energy) == 0 {
		t.Fatal("the demo has no E1-5 energy years")
	}
	n := 0
	for _, e := range r.EnergyTables.Energy {
		for _, m := range e.MixSources {
			n++
			if fr := MixSourceIn(lang.French, m); fr == m {
				t.Errorf("%v: %q is in no form MixSourceIn knows", e.Year, m)
			}
		}
	}
	if n == 0 {
		t.Fatal("the demo's energy years name no mix source")
	}
}
