package mapping

import (
	"fmt"
	"strings"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/factors/datasets"
)

// desnzGWP is the GWP basis of each DESNZ 2025 category (Level 1), from the methodology
// paper's Table 1 ("summary of conversion factors that are in AR4 or/and AR5 basis GWPs",
// pp. 18–19): material use and bioenergy (and its WTT) remain on AR4; hotel stay is marked
// both AR4 and AR5, its data being reported in CO2e by hotels on either basis (note 8), so it
// states none; everything else is AR5 (refrigerants: AR5 where AR5 has a value, note 7). A
// category missing here fails the build: read Table 1 before adding it.
var desnzGWP = map[string]string{
	"Fuels": "AR5", "WTT- fuels": "AR5", "Bioenergy": "AR4", "WTT- bioenergy": "AR4",
	"UK electricity": "AR5", "Transmission and distribution": "AR5", "WTT- UK electricity": "AR5",
	"Heat and steam": "AR5", "WTT- heat and steam": "AR5", "Refrigerant & other": "AR5",
	"Passenger vehicles": "AR5", "Business travel- land": "AR5", "WTT- pass vehs & travel- land": "AR5",
	"Delivery vehicles": "AR5", "Freighting goods": "AR5", "WTT- delivery vehs & freight": "AR5",
	"Business travel- sea": "AR5", "WTT- business travel- sea": "AR5",
	"Business travel- air": "AR5", "WTT- business travel- air": "AR5",
	"Water supply": "AR5", "Water treatment": "AR5", "Homeworking": "AR5",
	"Material use": "AR4", "Waste disposal": "AR5", "Hotel stay": "",
}

// DESNZGWP is the GWP basis of the rows of a DESNZ category (Level 1) of any set, as the
// built-in factors state it: "AR4", "AR5", or "" for hotel stays (either basis); ok is false
// for a category the methodology table does not list.
func DESNZGWP(level1 string) (gwp string, ok bool) { return desnzGWPOf(level1) }

// desnzGWPOf is the GWP basis of a category of any set: past sets' categories are read under
// the current set's names (their methodology papers use AR5 from the 2019 set on, as the
// current one does, with the same exceptions).
func desnzGWPOf(level1 string) (string, bool) {
	for name, g := range desnzGWP {
		if datasets.CurrentName(name) == datasets.CurrentName(level1) {
			return g, true
		}
	}
	return "", false
}

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
		Version:  d.release.Version,
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
	basis := map[string]bool{}
	for _, id := range append(append([]string(nil), r.value...), r.upstream...) {
		row, err := d.Row(id)
		if err != nil {
			return f, err
		}
		g, ok := desnzGWPOf(row.Levels[0])
		if !ok {
			return f, fmt.Errorf("%s:%d: ID %s: category %q has no GWP basis in desnzGWP", d.Path, row.Line, id, row.Levels[0])
		}
		basis[g] = true
		f.GWP = g
	}
	if len(basis) > 1 {
		return f, fmt.Errorf("entry %s: DESNZ rows %v rest on different GWP bases", e.ID, r.value)
	}
	if f.GWP == "" {
		f.Notes = "DESNZ states no single GWP basis for these factors: its methodology paper (Table 1, note 8) says hotels reported in CO2e on AR4 or AR5."
	}
	if f.Value, vparts, err = sum(r.value); err != nil {
		return f, err
	}
	valueCites := cites
	if f.Upstream, uparts, err = sum(r.upstream); err != nil {
		return f, err
	}
	first, _ := d.Row(r.value[0])
	f.SourceID = strings.Join(valueCites, "+")
	f.Source = fmt.Sprintf("UK DESNZ GHG Conversion Factors %s, %s (%s)", d.release.Version, d.citeRow(first), first.Label())
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
