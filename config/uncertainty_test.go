package config

import (
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions/analysis"
)

func TestUncertaintyKeys(t *testing.T) {
	tests := []struct {
		name, yaml string
		env        map[string]string
		want       analysis.UncertaintyOptions
		wantErr    string
	}{
		{name: "defaults", yaml: "site: A\n",
			want: analysis.UncertaintyOptions{Method: "market", DefaultPct: 20, QualityPct: map[string]float64{"measured": 2, "calculated": 10, "estimated": 30}}},
		{name: "given", yaml: "quality: {measured: 1, calculated: 5, estimated: 50}\nuncertainty_default_pct: 35\ntrajectory: {scope2_method: location}\n",
			want: analysis.UncertaintyOptions{Method: "location", DefaultPct: 35, QualityPct: map[string]float64{"measured": 1, "calculated": 5, "estimated": 50}}},
		{name: "environment", yaml: "site: A\n", env: map[string]string{"FOOTPRINT_UNCERTAINTY_DEFAULT_PCT": "40", "FOOTPRINT_QUALITY_ESTIMATED": "60"},
			want: analysis.UncertaintyOptions{Method: "market", DefaultPct: 40, QualityPct: map[string]float64{"measured": 2, "calculated": 10, "estimated": 60}}},
		{name: "negative", yaml: "uncertainty_default_pct: -5\n", wantErr: "uncertainty_default_pct: -5: want a percentage from 0 to 1000"},
		{name: "too large", yaml: "quality: {estimated: 3000}\n", wantErr: "quality.estimated: 3000"},
		{name: "unknown level", yaml: "quality: {guessed: 50}\n", wantErr: "field guessed not found"},
		{name: "text", yaml: "quality: {measured: high}\n", wantErr: "line 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok }
			c, err := Load(Options{Path: writeConfig(t, tt.yaml), Env: env})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := c.UncertaintyOptions()
			if got.Method != tt.want.Method || got.DefaultPct != tt.want.DefaultPct || len(got.QualityPct) != 3 {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
			for k, v := range tt.want.QualityPct {
				if got.QualityPct[k] != v {
					t.Errorf("quality %s: %v, want %v", k, got.QualityPct[k], v)
				}
			}
		})
	}
}
