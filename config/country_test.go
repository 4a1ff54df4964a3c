package config

import (
	"strings"
	"testing"
)

func TestCountryConfig(t *testing.T) {
	tests := []struct {
		name, yaml, wantErr string
		env                 map[string]string
		org                 string
		sites               map[string]string
	}{
		{name: "organisation and sites", yaml: "country: fr\nsites:\n  - {name: Flins, country: FR}\n  - {name: ' Tangier ', country: ma}\n",
			org: "FR", sites: map[string]string{"flins": "FR", "tangier": "MA"}},
		{name: "none", yaml: "site: X\n", sites: map[string]string{}},
		{name: "from the environment", yaml: "site: X\n", env: map[string]string{"FOOTPRINT_COUNTRY": "DE"}, org: "DE", sites: map[string]string{}},
		{name: "alpha-3", yaml: "country: FRA\n", wantErr: `country: "FRA": want an ISO 3166-1 alpha-2 country code`},
		{name: "UK", yaml: "country: UK\n", wantErr: "country: \"UK\": the ISO 3166-1 code of the United Kingdom is GB"},
		{name: "site without country", yaml: "sites: [{name: A}]\n", wantErr: "sites[0].country: missing"},
		{name: "site bad country", yaml: "sites: [{name: A, country: XX}]\n", wantErr: `sites[0].country: "XX": want an ISO 3166-1 alpha-2`},
		{name: "site without name", yaml: "sites: [{country: FR}]\n", wantErr: "sites[0].name: missing"},
		{name: "site twice", yaml: "sites: [{name: A, country: FR}, {name: a, country: DE}]\n", wantErr: `sites[1].name: "a" is already sites[0]`},
		{name: "unknown key", yaml: "sites: [{name: A, country: FR, region: x}]\n", wantErr: "region"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok }
			c, err := Load(Options{Path: writeConfig(t, tt.yaml), Env: env})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			org, sites := c.Countries()
			if org != tt.org || len(sites) != len(tt.sites) {
				t.Fatalf("countries %q %v, want %q %v", org, sites, tt.org, tt.sites)
			}
			for k, v := range tt.sites {
				if sites[k] != v {
					t.Errorf("site %s: %q, want %q", k, sites[k], v)
				}
			}
		})
	}
}
