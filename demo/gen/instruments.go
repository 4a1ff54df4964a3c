package main

// instrument is one row of the Instruments sheet (docs/user-guide.md#instruments): a Scope 2 contractual instrument
// for electricity, Factor in kgCO2e/kWh.
type instrument struct {
	Year     int
	Site     string
	Name     string
	Quantity float64
	Unit     string
	Factor   float64
}

// instruments: guarantees of origin for part of Flins' electricity from 2022 (60 % hydro,
// 40 % wind), one for Hub Nord in 2025 (written in kWh), and a supplier-specific PPA in 2025.
// They never exceed the electricity of their year and site (checked by the tests).
func instruments() []instrument {
	var out []instrument
	for _, y := range years {
		if q, ok := guaranteesOfOriginMWh[y]; ok {
			out = append(out,
				instrument{y, mainSite, "Guarantee of origin, hydro, France", round(q*0.6, 0), "MWh", 0},
				instrument{y, mainSite, "Guarantee of origin, wind, France", round(q*0.4, 0), "MWh", 0},
			)
		}
		if q, ok := ppaMWh[y]; ok {
			out = append(out, instrument{y, mainSite, "PPA, solar and wind, supplier-specific rate", q, "MWh", ppaFactor})
		}
		if q, ok := hubGuaranteesMWh[y]; ok {
			out = append(out, instrument{y, hubSite, "Guarantee of origin, wind, France", q * 1000, "kWh", 0})
		}
	}
	return out
}
