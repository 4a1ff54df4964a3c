package mapping

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/factors/datasets"
)

// TestOneReleaseGivesTheBuiltInFactors builds the factors of one dataset from that dataset
// alone, as a run-time import does, and checks that every built-in factor drawn from it comes
// back under its id with the library's values (relative difference at most 1e-9) and the
// same citation, years and classification; and that nothing else comes back. The library is
// library.json, the file the factors package embeds.
func TestOneReleaseGivesTheBuiltInFactors(t *testing.T) {
	needSources(t)
	in := func(name string) string { return filepath.Join(srcDir, name) }
	lib := readLibrary(t)
	desnz, err := loadDESNZSet(srcDir, desnzFile, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		build func() ([]factors.Factor, error)
		want  func(factors.Factor) bool
	}{
		{"ADEME V23.6, CSV subset and the xlsx's spend-based ratios", func() ([]factors.Factor, error) {
			a, err := datasets.LoadADEME(in(ademeFile))
			if err != nil {
				return nil, err
			}
			x, err := datasets.LoadADEMEXLSX(in(ademeXLSXFile))
			if err != nil {
				return nil, err
			}
			if err := a.Add(x, isSpendRatio); err != nil {
				return nil, err
			}
			return ADEME(a, Release{Version: "V23.6"})
		}, func(f factors.Factor) bool { return f.Dataset == ademeDataset }},
		{"ADEME V23.6, the official xlsx alone", func() ([]factors.Factor, error) {
			x, err := datasets.LoadADEMEXLSX(in(ademeXLSXFile))
			if err != nil {
				return nil, err
			}
			return ADEME(x, Release{Version: "V23.6"})
		}, func(f factors.Factor) bool { return f.Dataset == ademeDataset }},
		{"DESNZ 2025", func() ([]factors.Factor, error) {
			d, err := datasets.LoadDESNZ(in(desnzFile))
			if err != nil {
				return nil, err
			}
			return DESNZ(d, desnz.release)
		}, func(f factors.Factor) bool { return f.Dataset == desnzDataset && f.Year == 2025 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.build()
			if err != nil {
				t.Fatal(err)
			}
			built := map[string]factors.Factor{}
			for _, f := range got {
				built[releaseKey(f)] = f
			}
			n := 0
			for _, w := range lib {
				if !tt.want(w) {
					continue
				}
				n++
				k := releaseKey(w)
				g, ok := built[k]
				if !ok {
					t.Errorf("%s: built-in, not built from the release", k)
					continue
				}
				delete(built, k)
				if diff := releaseDiff(g, w); diff != "" {
					t.Errorf("%s: %s", k, diff)
				}
			}
			var extra []string
			for k := range built {
				extra = append(extra, k)
			}
			sort.Strings(extra)
			for _, k := range extra {
				t.Errorf("%s: built from the release, not in the library", k)
			}
			if n < 50 {
				t.Errorf("only %d built-in factors drawn from the release: the selection is wrong", n)
			}
		})
	}
}

func releaseKey(f factors.Factor) string {
	set := ""
	if f.PerGWPSet {
		set = f.GWP
	}
	return fmt.Sprintf("%s/%d/%s", f.ID, f.Year, set)
}

// releaseDiff compares a factor built from one release with the library's: its numbers to a
// relative difference of 1e-9, everything else exactly. "" when they agree.
func releaseDiff(got, want factors.Factor) string {
	near := func(a, b float64) bool {
		return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
	}
	nums := func(f *factors.Factor) []*float64 {
		ps := []*float64{&f.Value, &f.Upstream, &f.BiogenicCO2, &f.PCSPerPCI, &f.EnergyMWh}
		if f.Gases != nil {
			g := f.Gases
			ps = append(ps, &g.CO2, &g.CH4, &g.CH4Fossil, &g.CH4Biogenic, &g.N2O, &g.HFC, &g.PFC, &g.SF6, &g.NF3, &g.Other)
		}
		return ps
	}
	if (got.Gases == nil) != (want.Gases == nil) {
		return fmt.Sprintf("gases %+v, library %+v", got.Gases, want.Gases)
	}
	if got.Gases != nil {
		g := *got.Gases
		got.Gases = &g
	}
	gn, wn := nums(&got), nums(&want)
	for i := range gn {
		if !near(*gn[i], *wn[i]) {
			return fmt.Sprintf("number %d of %v is %v, library %v", i, []string{"value", "upstream", "biogenic_co2", "pcs_per_pci", "energy_mwh", "gases"}[min(i, 5)], *gn[i], *wn[i])
		}
		*gn[i] = *wn[i]
	}
	if !reflect.DeepEqual(got, want) {
		return fmt.Sprintf("differs from the library:\n got  %+v\n want %+v", got, want)
	}
	return ""
}

// TestDESNZPathsAreFresh fails when desnz_paths.csv, the paths past DESNZ sets are imported
// through, is not what the generator writes from the table and the current set: run
// `go generate ./factors`.
func TestDESNZPathsAreFresh(t *testing.T) {
	needSources(t)
	got, err := GenerateDESNZPaths(srcDir)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, desnzPathsCSV) {
		t.Fatalf("desnz_paths.csv is stale (run go generate ./factors): %s", firstDiff(desnzPathsCSV, got))
	}
}
