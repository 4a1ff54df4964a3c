package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

const emberFile = "grid-intensity/ember-average-intensities.json"

// emberEntry is one key of co2.js's average-intensities.json (Ember yearly data, latest year).
type emberEntry struct {
	CountryCode string   `json:"country_code"`
	Name        string   `json:"country_or_region"`
	Year        int      `json:"year"`
	Intensity   *float64 `json:"emissions_intensity_gco2_per_kwh"`
}

type ember struct {
	path    string
	entries map[string]emberEntry
}

func loadEmber(dir string) (*ember, error) {
	path := filepath.Join(dir, emberFile)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	e := &ember{path: path}
	if err := json.Unmarshal(b, &e.entries); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return e, nil
}

// entry returns the key's entry, failing when the key, its intensity or its year is missing.
func (e *ember) entry(key string) (emberEntry, error) {
	x, ok := e.entries[key]
	switch {
	case !ok:
		return x, fmt.Errorf("%s: no key %q", e.path, key)
	case x.Intensity == nil:
		return x, fmt.Errorf("%s: key %q has no emissions_intensity_gco2_per_kwh", e.path, key)
	case x.Year == 0:
		return x, fmt.Errorf("%s: key %q has no year", e.path, key)
	}
	return x, nil
}
