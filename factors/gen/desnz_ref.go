package main

import (
	"fmt"
	"strings"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/factors/datasets"
)

// dz adds DESNZ rows: value = the sum of value rows (for freight and travel: the
// tank-to-wheel row and its WTT row), upstream = the sum of upstream rows, biogenic = the
// "Outside of Scopes" row.
type dz struct {
	value, upstream []string
	biogenic        string
}

func (r dz) resolve(s *sources, e entry) (factors.Factor, error) {
	d := s.desnz
	f := factors.Factor{
		Dataset:  desnzDataset,
		Version:  d.versionName(),
		License:  desnzLicense,
		Region:   "GB",
		DataYear: d.Year,
	}
	if len(r.value) == 0 {
		return f, fmt.Errorf("entry %s: no DESNZ value row", e.ID)
	}
	var cites []string
	sum := func(ids []string) (float64, []string, error) {
		total := 0.0
		var parts []string
		for _, id := range ids {
			v, row, err := d.Num(id)
			if err != nil {
				return 0, nil, err
			}
			if unit, ok := datasets.DESNZUnits[row.UOM]; !ok || unit != e.Unit {
				return 0, nil, fmt.Errorf("%s:%d: ID %s is per %q, the table says %q", d.Path, row.Line, id, row.UOM, e.Unit)
			}
			if row.GHG != "kg CO2e" {
				return 0, nil, fmt.Errorf("%s:%d: ID %s is %q, want a kg CO2e row", d.Path, row.Line, id, row.GHG)
			}
			total += v
			cites = append(cites, d.cite(row))
			parts = append(parts, fmt.Sprintf("%s %s (%s)", d.cite(row), row.Levels[0], fmtNum(v)))
		}
		return total, parts, nil
	}
	var vparts, uparts []string
	var err error
	if f.Value, vparts, err = sum(r.value); err != nil {
		return f, err
	}
	valueCites := cites
	if f.Upstream, uparts, err = sum(r.upstream); err != nil {
		return f, err
	}
	first, _ := d.Row(r.value[0])
	f.SourceID = strings.Join(valueCites, "+")
	f.Source = fmt.Sprintf("UK DESNZ GHG Conversion Factors %s, %s (%s)", d.versionName(), first.Cite(), first.Label())
	f.Derivation = "value = " + strings.Join(vparts, " + ")
	if len(r.value) > 1 {
		f.Source += " + " + strings.Join(valueCites[1:], " + ")
		f.Derivation += " (well-to-tank row added to the tank-to-wheel row: full well-to-wheel factor)"
	}
	if len(uparts) > 0 {
		f.Derivation += "; upstream = " + strings.Join(uparts, " + ")
	}
	if len(r.value) == 1 {
		if c, m, n, ok := datasets.GasRows(r.value[0]); ok {
			if d.Has(c) {
				co2, _, err1 := d.Num(c)
				ch4, _, err2 := d.Num(m)
				n2o, _, err3 := d.Num(n)
				if err1 == nil && err2 == nil && err3 == nil && datasets.Near(co2+ch4+n2o, f.Value, datasets.GasTolerance) {
					f.Gases = &factors.Gases{CO2: co2, CH4: ch4, N2O: n2o}
					f.Derivation += fmt.Sprintf("; gases from %s, %s, %s", d.citeID(c), d.citeID(m), d.citeID(n))
				}
			}
		}
	}
	if r.biogenic != "" {
		v, row, err := d.Num(r.biogenic)
		if err != nil {
			return f, err
		}
		if row.Scope != "Outside of Scopes" || datasets.DESNZUnits[row.UOM] != e.Unit {
			return f, fmt.Errorf("%s:%d: ID %s (%s, per %q) is not an Outside of Scopes row per %q", d.Path, row.Line, r.biogenic, row.Scope, row.UOM, e.Unit)
		}
		f.BiogenicCO2 = v
		f.Derivation += fmt.Sprintf("; biogenic_co2 = %s Outside of Scopes (%s)", d.cite(row), fmtNum(v))
	}
	return f, nil
}
