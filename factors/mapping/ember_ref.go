package mapping

import (
	"fmt"

	"github.com/footprint/footprint/factors"
)

// emberRef is one key of the Ember intensities (g CO2e/kWh → kg/kWh): the latest vintage of a
// grid factor, split into Scope 2 and category 3 with the generation mix (grid.go).
type emberRef struct{ key, region string }

func (r emberRef) resolve(s *sources, e entry) (factors.Factor, error) {
	x, err := s.ember.Entry(r.key)
	if err != nil {
		return factors.Factor{}, err
	}
	if e.Unit != "kWh" {
		return factors.Factor{}, fmt.Errorf("entry %s: Ember intensities are per kWh, the table says %q", e.ID, e.Unit)
	}
	entity, err := s.owidEntity(r.key)
	if err != nil {
		return factors.Factor{}, err
	}
	g, err := splitLifecycle(s, entity, x.Year, *x.Intensity)
	if err != nil {
		return factors.Factor{}, err
	}
	f := factors.Factor{
		Region:   r.region,
		Year:     x.Year,
		DataYear: x.Year,
		Source: fmt.Sprintf("Ember Yearly Electricity Data via thegreenwebfoundation/co2.js average-intensities.json (commit b459b5e), key %s (%s, %d): %s gCO2e/kWh lifecycle",
			r.key, x.Name, x.Year, fmtNum(*x.Intensity)),
		Dataset:  emberDataset,
		Version:  emberVersion,
		SourceID: r.key,
		License:  emberLicense,
		Notes:    "Attribution: Ember (ember-energy.org), Yearly Electricity Data.",
	}
	if o, ok := s.owid.Intensity[entity][x.Year]; ok && o.GPerKWh != *x.Intensity {
		f.Notes += fmt.Sprintf(" OWID's row for %d (%s line %d, another Ember release) gives %s gCO2e/kWh.", x.Year, owidIntensityFile, o.Line, fmtNum(o.GPerKWh))
	}
	g.apply(&f)
	return f, nil
}
