package config

import (
	"fmt"
	"strings"

	"github.com/footprint/footprint/factors"

	"github.com/footprint/footprint/lang"
)

// SiteConf gives a site's country (docs/configuration.md#country-and-sites):
//
//	country: FR                      # the organisation's, ISO 3166-1 alpha-2
//	sites:
//	  - {name: Flins, country: FR}
//	  - {name: Tangier, country: MA}
//
// A site's country sets the default electricity mix of ESRS E1-5 (the published generation mix
// of that country and year). A site not listed takes the region of its grid electricity
// factor, else the organisation's country.
type SiteConf struct {
	Name    string `yaml:"name" mapstructure:"name"`
	Country string `yaml:"country" mapstructure:"country"`
}

func (c *Config) validateCountry(bad func(key, format string, args ...any)) {
	if strings.TrimSpace(c.Country) != "" {
		if _, err := factors.ParseCountry(c.Country); err != nil {
			bad("country", "%v", err)
		}
	}
	seen := map[string]int{}
	for i, s := range c.Sites {
		key := fmt.Sprintf("sites[%d]", i)
		name := strings.ToLower(strings.TrimSpace(s.Name))
		switch j, dup := seen[name]; {
		case name == "":
			bad(key+".name", lang.Key("missing: give the site's name as the workbooks' Site column spells it"))
		case dup:
			bad(key+".name", lang.Key("%q is already sites[%d] (names are matched ignoring case)"), s.Name, j)
		default:
			seen[name] = i
		}
		if strings.TrimSpace(s.Country) == "" {
			bad(key+".country", lang.Key("missing: give the site's ISO 3166-1 alpha-2 country code (FR, DE, US …)"))
		} else if _, err := factors.ParseCountry(s.Country); err != nil {
			bad(key+".country", "%v", err)
		}
	}
}

// Countries returns the organisation's country and each listed site's (by lower-case name),
// as ISO 3166-1 alpha-2 codes in capitals; invalid entries are left out (validate rejects them).
func (c *Config) Countries() (org string, sites map[string]string) {
	org, _ = factors.ParseCountry(c.Country)
	sites = map[string]string{}
	for _, s := range c.Sites {
		if code, err := factors.ParseCountry(s.Country); err == nil {
			sites[strings.ToLower(strings.TrimSpace(s.Name))] = code
		}
	}
	return org, sites
}
