package main

import (
	"fmt"

	"github.com/footprint/footprint/factors"
)

// emberRef is one key of the Ember intensities (g CO2e/kWh → kg/kWh).
type emberRef struct{ key, region string }

func (r emberRef) resolve(s *sources, e entry) (factors.Factor, error) {
	x, err := s.ember.Entry(r.key)
	if err != nil {
		return factors.Factor{}, err
	}
	if e.Unit != "kWh" {
		return factors.Factor{}, fmt.Errorf("entry %s: Ember intensities are per kWh, the table says %q", e.ID, e.Unit)
	}
	return factors.Factor{
		Value:    *x.Intensity / gPerKg,
		Region:   r.region,
		DataYear: x.Year,
		Source: fmt.Sprintf("Ember Yearly Electricity Data via thegreenwebfoundation/co2.js average-intensities.json (commit b459b5e), key %s (%s, %d)",
			r.key, x.Name, x.Year),
		Dataset:    emberDataset,
		Version:    emberVersion,
		SourceID:   r.key,
		License:    emberLicense,
		Derivation: fmt.Sprintf("value = emissions_intensity_gco2_per_kwh %s g/kWh ÷ 1000", fmtNum(*x.Intensity)),
		Notes: "Lifecycle proxy for electricity consumed at sites outside France (generation mix, imports excluded, no T&D losses): " +
			"not a Scope 2 value on its own — it overstates Scope 2 and already holds the upstream that Scope 3.3 would add. " +
			"GWP basis: Ember states CO2e over 100 years (GWP100) for all gases but not which IPCC set; the value is shown as resting on no stated basis. " +
			"Attribution: Ember (ember-energy.org), licence CC BY 4.0 — verify on ember-energy.org before release (co2.js README says CC BY-SA 4.0).",
	}, nil
}
