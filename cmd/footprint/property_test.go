package main

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// generatedSite writes, from seed, a workbook of valid and invalid rows of built-in
// activities (and instruments) with every quantity multiplied by k, and a config pointing at
// it. It returns the folder and how many rows it holds, used and rejected.
func generatedSite(t *testing.T, seed uint64, k float64) (dir string, read, rejected int) {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 7))
	valid := [][2]string{{"fr.electricity.grid", "kWh"}, {"fr.electricity.grid", "MWh"}, {"fr.natural-gas.pcs", "kWh PCS"},
		{"fr.natural-gas.pcs", "MWh PCI"}}
	poles := []string{"RE-TROFIT", "RE-CYCLE", "", "=cmd|' /C calc'!A0"}
	sites := []string{"Plant", "Annex", ""}
	rows := [][]any{header}
	for range 5 + r.IntN(40) {
		v := valid[r.IntN(len(valid))]
		row := []any{2022 + r.IntN(3), sites[r.IntN(len(sites))], poles[r.IntN(len(poles))], v[0], math.Round(r.Float64()*1e6) * k, v[1]}
		read++
		switch r.IntN(4) {
		case 0:
			rejected++
			switch r.IntN(4) {
			case 0:
				row[4] = "n/a"
			case 1:
				row[3] = "fr.electricty.grid"
			case 2:
				row[5] = "t"
			default:
				row[0] = 1850
			}
		}
		rows = append(rows, row)
	}
	dir = t.TempDir()
	instruments := [][]any{{"Year", "Site", "Instrument", "Quantity", "Unit", "Factor"}}
	for i := range r.IntN(4) {
		instruments = append(instruments, []any{2022 + r.IntN(3), sites[r.IntN(2)], fmt.Sprintf("GO %d", i), math.Round(r.Float64()*5e5) * k, "kWh", 0})
	}
	writeWorkbook(t, filepath.Join(dir, "activities.xlsx"), map[string][][]any{"Energy": rows, "Instruments": instruments})
	cfg := "inputs: [activities.xlsx]\nsite: Plant\nscope2:\n  residual_mix:\n    - {year: 2020, value: 0.05, source: test}\n"
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, read, rejected
}

// Through the binary: rows read = used + rejected, as generated; --strict fails exactly when a
// row is rejected; every breakdown adds up to its total; scaling quantities scales totals.
func TestGeneratedInputsThroughTheBinary(t *testing.T) {
	const k = 7.5
	for seed := range uint64(6) {
		dir, read, rejected := generatedSite(t, seed, 1)
		doc := calcOf(t, dir)
		if doc.Rows.Read != read || doc.Rows.Rejected != rejected || doc.Rows.Used != read-rejected {
			t.Errorf("seed %d: rows %+v, generated %d of which %d invalid", seed, doc.Rows, read, rejected)
		}
		wantStrict := 0
		if rejected > 0 {
			wantStrict = 1
		}
		if r := footprint(t, dir, "calc", "--strict"); r.code != wantStrict {
			t.Errorf("seed %d: calc --strict with %d rejected rows: exit %d, want %d\n%s", seed, rejected, r.code, wantStrict, r.stderr)
		}
		if r := footprint(t, dir, "calc"); r.code != 0 {
			t.Errorf("seed %d: calc without --strict: exit %d\n%s", seed, r.code, r.stderr)
		}
		for _, y := range doc.Years {
			where := fmt.Sprintf("seed %d, %d", seed, y.Year)
			for what, pair := range map[string][2]float64{
				"total market":    {y.TotalMarket, y.Scope1 + y.Scope2Market + y.Scope3},
				"total location":  {y.TotalLocation, y.Scope1 + y.Scope2Location + y.Scope3},
				"Scope 3":         {y.Scope3, sumOf(y.Scope3Categories)},
				"sum by pole":     {sumOf(y.ByPole), y.TotalMarket},
				"sum by site":     {sumOf(y.BySite), y.TotalMarket},
				"sum by activity": {sumOf(y.ByActivity), y.TotalMarket},
			} {
				if !closeTo(pair[0], pair[1]) {
					t.Errorf("%s: %s %v, want %v", where, what, pair[0], pair[1])
				}
			}
		}
		scaledDir, _, _ := generatedSite(t, seed, k)
		scaled := calcOf(t, scaledDir)
		if scaled.Rows != doc.Rows || len(scaled.Years) != len(doc.Years) {
			t.Fatalf("seed %d: scaled rows %+v, %d years; unscaled %+v, %d", seed, scaled.Rows, len(scaled.Years), doc.Rows, len(doc.Years))
		}
		for i, y := range doc.Years {
			s := scaled.Years[i]
			for what, pair := range map[string][2]float64{
				"Scope 1": {y.Scope1, s.Scope1}, "Scope 2 location": {y.Scope2Location, s.Scope2Location},
				"Scope 2 market": {y.Scope2Market, s.Scope2Market}, "Scope 3": {y.Scope3, s.Scope3},
				"total market": {y.TotalMarket, s.TotalMarket}, "total location": {y.TotalLocation, s.TotalLocation},
			} {
				if !closeTo(pair[1], k*pair[0]) {
					t.Errorf("seed %d, %d: %s scaled by %v is %v, want %v", seed, y.Year, what, k, pair[1], k*pair[0])
				}
			}
		}
	}
}

func calcOf(t *testing.T, dir string) calcJSON {
	t.Helper()
	r := footprint(t, dir, "calc", "--json")
	var doc calcJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || r.code != 0 {
		t.Fatalf("calc --json: exit %d, %v\n%s", r.code, err, r.stderr)
	}
	return doc
}

func sumOf(m map[string]float64) float64 {
	s := 0.0
	for _, v := range m {
		s += v
	}
	return s
}
