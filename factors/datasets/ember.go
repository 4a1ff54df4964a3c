package datasets

import (
	"encoding/json"
	"fmt"
	"os"
)

// EmberEntry is one key of co2.js's average-intensities.json (Ember yearly data, latest year).
type EmberEntry struct {
	CountryCode string   `json:"country_code"`
	Name        string   `json:"country_or_region"`
	Year        int      `json:"year"`
	Intensity   *float64 `json:"emissions_intensity_gco2_per_kwh"`
}

type Ember struct {
	Path    string
	Entries map[string]EmberEntry
}

// LoadEmber reads co2.js's average-intensities.json.
func LoadEmber(path string) (*Ember, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	e := &Ember{Path: path}
	if err := json.Unmarshal(b, &e.Entries); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return e, nil
}

// Entry returns the key's Entry, failing when the key, its intensity or its year is missing.
func (e *Ember) Entry(key string) (EmberEntry, error) {
	x, ok := e.Entries[key]
	switch {
	case !ok:
		return x, fmt.Errorf("%s: no key %q", e.Path, key)
	case x.Intensity == nil:
		return x, fmt.Errorf("%s: key %q has no emissions_intensity_gco2_per_kwh", e.Path, key)
	case x.Year == 0:
		return x, fmt.Errorf("%s: key %q has no year", e.Path, key)
	}
	return x, nil
}
