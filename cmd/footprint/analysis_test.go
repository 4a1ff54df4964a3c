package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"
)

type analysisJSON struct {
	Years []struct {
		Year        int     `json:"year"`
		TotalMarket float64 `json:"total_market"`
		Uncertainty struct {
			Low  float64 `json:"low"`
			High float64 `json:"high"`
		} `json:"uncertainty"`
		Detail struct {
			DefaultShare float64 `json:"default_share"`
			QualityShare float64 `json:"quality_share"`
		} `json:"uncertainty_detail"`
	} `json:"years"`
	Changes []struct {
		From           int     `json:"from"`
		To             int     `json:"to"`
		TotalFrom      float64 `json:"total_from"`
		TotalTo        float64 `json:"total_to"`
		ActivityEffect float64 `json:"activity_effect"`
		FactorEffect   float64 `json:"factor_effect"`
		Other          float64 `json:"other"`
		Discontinued   float64 `json:"discontinued"`
		ByActivity     []struct {
			Activity     string  `json:"activity"`
			Other        float64 `json:"other"`
			Discontinued float64 `json:"discontinued"`
		} `json:"by_activity"`
	} `json:"changes"`
}

// End to end: a Quality column (by its French alias in config) widens the interval of the
// same inventory; the config's percentages and default reach the analysis; the change between
// two years adds up.
func TestCalcJSONAnalysis(t *testing.T) {
	config := `columns: [{column: Quality, aliases: [Qualité]}]
quality: {measured: 2, calculated: 10, estimated: 40}
uncertainty_default_pct: 20
factors:
  custom:
    - {id: t.gas, value: 0.2, unit: kWh, scope: 1, source: test, uncertainty_pct: 5}
    - {id: t.steel, value: 2000, unit: t, scope: 3, category: 1, source: test}
`
	run := func(quality any) analysisJSON {
		dir := t.TempDir()
		h := append(append([]any{}, header...), "Qualité")
		writeWorkbook(t, filepath.Join(dir, "a.xlsx"), map[string][][]any{"Energy": {h,
			{2023, "Plant", "P", "t.gas", 1000000, "kWh", nil, nil, nil, nil, quality},
			{2024, "Plant", "P", "t.gas", 2000000, "kWh", nil, nil, nil, nil, quality},
			{2024, "Plant", "P", "t.steel", 100, "t"},
		}})
		if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("inputs: [a.xlsx]\nsite: Plant\n"+config), 0o644); err != nil {
			t.Fatal(err)
		}
		r := footprint(t, dir, "calc", "--json")
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		var doc analysisJSON
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatal(err)
		}
		return doc
	}
	plain, estimated := run(nil), run("Estimated")
	p, e := plain.Years[1], estimated.Years[1]
	// 2024: gas 400 t (5 %), steel 200 t (no published uncertainty: the default 20 %).
	if p.TotalMarket != 600 || math.Abs(p.Detail.DefaultShare-1.0/3) > 1e-12 || p.Detail.QualityShare != 0 {
		t.Errorf("without Quality: %+v", p)
	}
	if math.Abs(e.Detail.QualityShare-2.0/3) > 1e-12 {
		t.Errorf("with Quality: quality share %v, want 2/3", e.Detail.QualityShare)
	}
	if !(p.Uncertainty.Low < 600 && 600 < p.Uncertainty.High) || !(e.Uncertainty.High-e.Uncertainty.Low > 2*(p.Uncertainty.High-p.Uncertainty.Low)) {
		t.Errorf("intervals: without Quality %+v, estimated gas %+v: want the second much wider", p.Uncertainty, e.Uncertainty)
	}
	if len(plain.Changes) != 1 {
		t.Fatalf("changes %+v, want one (2023 → 2024)", plain.Changes)
	}
	c := plain.Changes[0]
	// Gas doubles (+200 t, activity effect), steel is new (+200 t, other).
	if c.From != 2023 || c.To != 2024 || math.Abs(c.ActivityEffect-200) > 1e-9 || math.Abs(c.FactorEffect) > 1e-9 || math.Abs(c.Other-200) > 1e-9 {
		t.Errorf("change %+v", c)
	}
}

// End to end: a closure of the base-year policy (organic: nothing restated) labels the drop of
// the pole it names as discontinued in calc --json's changes, in total and per activity; the
// same drop without the event is an activity effect of gas (both poles together).
func TestCalcJSONChangesDiscontinued(t *testing.T) {
	const factors = `factors:
  custom:
    - {id: t.gas, value: 0.2, unit: kWh, scope: 1, source: test}
`
	rows := [][]any{
		{2023, "Plant", "Assembly", "t.gas", 1000000, "kWh"}, // 200 t
		{2023, "Plant", "Retrofit", "t.gas", 1000000, "kWh"}, // 200 t
		{2024, "Plant", "Retrofit", "t.gas", 1500000, "kWh"}, // 300 t
	}
	for _, tt := range []struct {
		name                   string
		config                 string
		activity, disc, gasDis float64
	}{
		{"no event", factors, -100, 0, 0},
		{"organic closure", factors + `trajectory:
  base_year_policy:
    events: [{year: 2024, type: closure, poles: [ASSEMBLY], treatment: organic}]
`, 100, -200, -200},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeWorkbook(t, filepath.Join(dir, "a.xlsx"), map[string][][]any{"Energy": append([][]any{header}, rows...)})
			if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("inputs: [a.xlsx]\nsite: Plant\n"+tt.config), 0o644); err != nil {
				t.Fatal(err)
			}
			r := footprint(t, dir, "calc", "--json")
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			var doc analysisJSON
			if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Changes) != 1 || len(doc.Changes[0].ByActivity) != 1 {
				t.Fatalf("changes %+v, want one, of one activity", doc.Changes)
			}
			c := doc.Changes[0]
			if math.Abs(c.ActivityEffect-tt.activity) > 1e-9 || math.Abs(c.Discontinued-tt.disc) > 1e-9 || c.Other != 0 || math.Abs(c.FactorEffect) > 1e-9 ||
				math.Abs(c.ActivityEffect+c.FactorEffect+c.Other+c.Discontinued-(c.TotalTo-c.TotalFrom)) > 1e-9 {
				t.Errorf("change %+v, want activity effect %v, discontinued %v", c, tt.activity, tt.disc)
			}
			if a := c.ByActivity[0]; a.Activity != "t.gas" || math.Abs(a.Discontinued-tt.gasDis) > 1e-9 {
				t.Errorf("by activity %+v, want t.gas discontinued %v", a, tt.gasDis)
			}
		})
	}
}
