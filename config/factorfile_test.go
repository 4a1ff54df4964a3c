package config

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/footprint/footprint/factors"
)

// TestFactorFileRoundTrip writes every built-in factor to a factor file and reads it back: the
// values the format holds come back identical.
func TestFactorFileRoundTrip(t *testing.T) {
	lib, err := factors.Builtin("AR6")
	if err != nil {
		t.Fatal(err)
	}
	all := lib.All()
	var buf bytes.Buffer
	if err := WriteFactorFile(&buf, all); err != nil {
		t.Fatal(err)
	}
	got, err := ReadFactorFile("built-in.yaml", &buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(all) {
		t.Fatalf("read %d factors, wrote %d", len(got), len(all))
	}
	held := func(f factors.Factor) factors.Factor {
		return factors.Factor{ID: f.ID, Name: f.Name, Value: f.Value, Unit: f.Unit, Upstream: f.Upstream, Scope: f.Scope, Category: f.Category,
			Kind: f.Kind, Year: f.Year, DataYear: f.DataYear, GWP: f.GWP, Gases: f.Gases, Carrier: f.EnergyCarrier(), Source: f.Source,
			Version: f.Version, Published: f.Published, SourceID: f.SourceID, Region: f.Region, UncertaintyPct: f.UncertaintyPct,
			BiogenicCO2: f.BiogenicCO2, PCSPerPCI: f.PCSPerPCI, EnergyMWh: f.EnergyMWh, EnergyClass: f.EnergyClass, BegesPoste: f.BegesPoste,
			Dataset: f.Dataset, License: f.License, NameFR: f.NameFR, Tags: f.Tags, UpstreamGWP: f.UpstreamGWP, SpendBased: f.SpendBased, Primary: f.Primary}
	}
	for i := range all {
		want, have := held(all[i]), held(got[i])
		// Lines name a version in their source: reading adds it where the source does not say it.
		have.Source = all[i].Source
		if !reflect.DeepEqual(want, have) {
			t.Fatalf("factor %d (%s %d): read back\n%+v\nwant\n%+v", i, all[i].ID, all[i].Year, have, want)
		}
		if got[i].File != "built-in.yaml" {
			t.Fatalf("factor %s: file %q, dataset %q", got[i].ID, got[i].File, got[i].Dataset)
		}
	}
}

// A factor file that cannot be used is a configuration error naming the file, the line where
// it can, the entry and the key; its checks are those of factors.custom.
func TestFactorFileErrors(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"missing", "", "factors.files[0]: factor file FILE: no such file"},
		{"not YAML", "- id: a\n  value: [1\n", "FILE: line 1: did not find expected ',' or ']'"},
		{"not a list", "id: a\nvalue: 1\n", "FILE: line 1: cannot unmarshal !!map into []config.CustomFactor; the file wants a list"},
		{"unknown key", "- id: a\n  value: 1\n  unit: kg\n  scope: 1\n  source: s\n  vlaue: 2\n",
			"FILE: line 6: field vlaue not found in type config.CustomFactor; [0].vlaue is not a key of a factor file's entry"},
		{"wrong type", "- {id: a, value: x, unit: kg, scope: 1, source: s}\n", "FILE: line 1: cannot unmarshal !!str `x` into float64; [0].value wants a number"},
		{"out of range", "- {id: a, value: 1, unit: kg, scope: 1, source: s}\n- id: b\n  value: 1\n  unit: kg\n  scope: 1\n  source: s\n  data_year: 30000\n",
			`FILE: line 7: entry 1 (id "b"): data_year: 30000 is out of range`},
		{"gas out of range", "- {id: a, value: 1, unit: kg, scope: 1, source: s, gases: {co2: 1e300, ch4: 0, n2o: 0}}\n",
			`FILE: line 1: entry 0 (id "a"): gases.co2: 1e+300 is out of range`},
		{"bad gwp", "- {id: a, value: 1, unit: kg, scope: 1, source: s}\n- {id: x, value: 1, unit: kg, scope: 1, source: s, gwp: AR7}\n",
			`FILE: entry 1 (id "x"): gwp: "AR7" (factor "x"): want AR4, AR5 or AR6`},
		{"no source", "- {id: x, value: 1, unit: kg, scope: 1}\n", `FILE: entry 0 (id "x"): factor "x": source is missing`},
		{"bad category", "- {id: x, value: 1, unit: kg, scope: 3, source: s}\n", `FILE: entry 0 (id "x"): factor "x": Scope 3 needs a category`},
		{"bad poste", "- {id: x, value: 1, unit: kg, scope: 1, source: s, beges_poste: '9.9'}\n", `FILE: entry 0 (id "x"): beges_poste: "9.9"`},
		{"later format", "# footprint factor file, format 2: ademe V24.0\n- {id: a, value: 1, unit: kg, scope: 1, source: s}\n",
			"FILE: line 1: written in factor file format 2, by a later footprint; this one reads format 1: update footprint"},
		{"bad upstream gwp", "- {id: a, value: 1, unit: kg, scope: 1, source: s, upstream_gwp: SAR}\n", `upstream_gwp "SAR": want AR4, AR5 or AR6`},
		{"two spellings", "- {id: X.a, value: 1, unit: kg, scope: 1, source: s}\n- {id: x.A, value: 1, unit: kg, scope: 1, source: s, year: 2024}\n",
			`FILE: entry 1 (id "x.A"): id: "X.a" and "x.A" differ only in case`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "factors", "f.yaml")
			if tt.file != "" {
				os.MkdirAll(filepath.Dir(file), 0o755)
				if err := os.WriteFile(file, []byte(tt.file), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			p := filepath.Join(dir, "config.yaml")
			os.WriteFile(p, []byte("factors:\n  files: [factors/f.yaml]\n"), 0o644)
			_, err := Load(Options{Path: p, Env: noEnv})
			want := strings.ReplaceAll(tt.want, "FILE", file)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("err = %v\nwant it to contain %q", err, want)
			}
		})
	}
}

// A factor file's entries carry what factors.custom's do, and data_year, gases and source_row.
func TestFactorFileRead(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(`- id: supplier.gas
  value: 0.2
  unit: kWh
  scope: 1
  source: Supplier declaration 2025
  gwp: AR5
  gases: {co2: 0.19, ch4: 0.008, ch4_fossil: 0.008, n2o: 0.002}
  carrier: fuel
  data_year: 2024
  version: "2025.1"
  published: 2025
  source_row: row 12
`), 0o644)
	p := filepath.Join(dir, "config.yaml")
	os.WriteFile(p, []byte("factors:\n  files: [a.yaml]\n"), 0o644)
	c, err := Load(Options{Path: p, Env: noEnv})
	if err != nil {
		t.Fatal(err)
	}
	fs := c.FileFactors()
	if len(fs) != 1 {
		t.Fatalf("got %d factors", len(fs))
	}
	f := fs[0]
	want := factors.Gases{CO2: 0.19, CH4: 0.008, CH4Fossil: 0.008, N2O: 0.002}
	if f.File != filepath.Join(dir, "a.yaml") || f.DataYear != 2024 || f.GWP != "AR5" || f.Gases == nil || *f.Gases != want ||
		f.Carrier != "fuel" || f.Version != "2025.1" || f.Published != 2025 || f.SourceID != "row 12" {
		t.Errorf("read %+v", f)
	}
}

// The header WriteFactorFileHeader writes is one a reader of this format takes.
func TestFactorFileHeader(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteFactorFileHeader(&buf, "ademe V23.6, published 2025"); err != nil {
		t.Fatal(err)
	}
	v := 1.5
	if err := WriteFactorFile(&buf, []factors.Factor{{ID: "a", Name: "a", Value: v, Unit: "kg", Scope: 1, Kind: factors.KindEmission, Source: "s"}}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "# footprint factor file, format 1: ademe V23.6, published 2025\n- id: a\n") {
		t.Fatalf("file starts %q", buf.String()[:60])
	}
	fs, err := ReadFactorFile("f.yaml", &buf)
	if err != nil || len(fs) != 1 || fs[0].Value != v {
		t.Fatalf("read %v, %v", fs, err)
	}
	big := strings.NewReader(strings.Repeat("#", MaxFactorFileBytes+1))
	if _, err := ReadFactorFile("big.yaml", big); err == nil || !strings.Contains(err.Error(), "big.yaml: is larger than 128 MiB") {
		t.Fatalf("a file over the bound: %v", err)
	}
}
