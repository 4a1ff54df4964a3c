package mapping

import (
	"fmt"
	"strings"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/factors/datasets"
)

// ipcc is a GWP100 from globalwarmingpotentials.csv for e.GWP ("AR5" or "AR6").
type ipcc struct{ species string }

func (r ipcc) resolve(s *sources, e entry) (factors.Factor, error) {
	v, err := s.gwp.Value(r.species, e.GWP)
	if err != nil {
		return factors.Factor{}, err
	}
	f := gwpFactor(e.GWP, r.species)
	f.Value = v
	f.Derivation = fmt.Sprintf("value = %s %sGWP100 of %s = %s kgCO2e per kg released", gwpFile, e.GWP, r.species, fmtNum(v))
	return f, nil
}

func gwpFactor(set, sourceID string) factors.Factor {
	f := factors.Factor{Region: "World", Version: set, License: gwpLicense, SourceID: sourceID}
	switch set {
	case "AR6":
		f.Dataset = ar6Dataset
		f.Source = fmt.Sprintf("IPCC AR6 WG1 Table 7.SM.7, GWP100 of %s (openclimatedata/globalwarmingpotentials, commit d3cb489, column AR6GWP100)", sourceID)
	default:
		f.Dataset = ar5Dataset
		f.Source = fmt.Sprintf("IPCC AR5 WG1 Table 8.A.1, GWP100 of %s (openclimatedata/globalwarmingpotentials, commit d3cb489, column AR5GWP100, from the GHG Protocol GWP table)", sourceID)
	}
	return f
}

// ipccSuppl is an AR6 GWP100 from chrisroadmap's Table 7.SM.7 (species absent from the CC0 file).
type ipccSuppl struct{ key string }

func (r ipccSuppl) resolve(s *sources, e entry) (factors.Factor, error) {
	if e.GWP != "AR6" {
		return factors.Factor{}, fmt.Errorf("entry %s: Table 7.SM.7 gives AR6 values, the table says %q", e.ID, e.GWP)
	}
	v, err := s.gwp.Supplement(r.key)
	if err != nil {
		return factors.Factor{}, err
	}
	return factors.Factor{
		Value:      v,
		Region:     "World",
		Source:     fmt.Sprintf("IPCC AR6 WG1 Table 7.SM.7, GWP100 of %s (chrisroadmap/ar6 metrics_supplement_cleaned.csv, commit 8fc6c13)", r.key),
		Dataset:    ar6Dataset,
		Version:    "AR6",
		SourceID:   r.key,
		License:    gwpSupplLicense,
		Derivation: fmt.Sprintf("value = %s %s of %s = %s kgCO2e per kg released", gwpSupplFile, datasets.GWPSupplColumn, r.key, fmtNum(v)),
	}, nil
}

// blend is a refrigerant blend: the mass-weighted sum of its components' GWP100 for e.GWP.
// The fractions are the blend's documented composition (ASHRAE 34, as listed in EPA Hub
// Table 12); checks are published blend values the result must agree with.
type blend struct {
	name   string
	parts  []part
	checks []numRef
}

type part struct {
	species string
	frac    float64
}

func (r blend) resolve(s *sources, e entry) (factors.Factor, error) {
	var ids, terms []string
	total, frac := 0.0, 0.0
	for _, p := range r.parts {
		v, err := s.gwp.Value(p.species, e.GWP)
		if err != nil {
			return factors.Factor{}, err
		}
		total += p.frac * v
		frac += p.frac
		ids = append(ids, p.species)
		terms = append(terms, fmt.Sprintf("%s %% × %s %s", fmtNum(p.frac*100), p.species, fmtNum(v)))
	}
	if !datasets.Near(frac, 1, 1e-9) {
		return factors.Factor{}, fmt.Errorf("entry %s: blend fractions add up to %s, not 1", e.ID, fmtNum(frac))
	}
	f := gwpFactor(e.GWP, strings.Join(ids, "+"))
	f.Source = fmt.Sprintf("%s blend from %s GWP100 of its components (openclimatedata/globalwarmingpotentials, commit d3cb489, column %sGWP100)",
		r.name, f.Dataset, e.GWP)
	f.Value = total
	f.Derivation = fmt.Sprintf("value = %s = %s (mass-weighted sum of components)", strings.Join(terms, " + "), fmtNum(total))
	var checks []string
	for _, c := range r.checks {
		v, cite, err := c.read(s)
		if err != nil {
			return f, err
		}
		if !datasets.Near(v, total, blendTolerance) {
			return f, fmt.Errorf("entry %s %s: blend gives %s but %s publishes %s", e.ID, e.GWP, fmtNum(total), cite, fmtNum(v))
		}
		checks = append(checks, fmt.Sprintf("%s = %s", cite, fmtNum(v)))
	}
	if len(checks) > 0 {
		f.Notes = "Cross-check (published, rounded): " + strings.Join(checks, "; ") + "."
	}
	return f, nil
}
