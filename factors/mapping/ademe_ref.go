package mapping

import (
	"fmt"
	"strings"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/factors/datasets"
)

// adSplit takes an ADEME fuel or energy element apart: value = its scope postes, upstream =
// its upstream postes. Together they must be every poste of the element.
type adSplit struct {
	el              string
	scope, upstream []string
}

// adFuel and adGrid are the two splits the library uses.
func adFuel(el string) adSplit { return adSplit{el, []string{"Combustion"}, []string{"Amont"}} }
func adGrid(el string) adSplit {
	return adSplit{el, []string{"Combustion à la centrale"}, []string{"Amont", "Transport et distribution"}}
}

// splitPostes reads an element whose postes fall in two named groups, every poste in one: the
// factor's base and the lines of each group.
func splitPostes(s *sources, e entry, id string, first, second []string) (f factors.Factor, el *datasets.ADEMEElement, one, two []datasets.ADEMELine, err error) {
	a := s.ademe
	if el, err = a.Element(id); err != nil {
		return f, nil, nil, nil, err
	}
	if f, err = ademeBase(s, el, e); err != nil {
		return f, nil, nil, nil, err
	}
	if n := len(first) + len(second); n != len(el.Postes) {
		return f, nil, nil, nil, fmt.Errorf("%s: element %s has %d postes, the table names %d (%v + %v)", a.Path, id, len(el.Postes), n, first, second)
	}
	if one, err = a.Postes(el, first); err != nil {
		return f, nil, nil, nil, err
	}
	two, err = a.Postes(el, second)
	return f, el, one, two, err
}

func (r adSplit) resolve(s *sources, e entry) (factors.Factor, error) {
	a := s.ademe
	f, el, sc, up, err := splitPostes(s, e, r.el, r.scope, r.upstream)
	if err != nil {
		return f, err
	}
	if f.Value, err = a.Sum(sc); err != nil {
		return f, err
	}
	if f.Upstream, err = a.Sum(up); err != nil {
		return f, err
	}
	total, err := a.Num(el.ADEMELine, "Total poste non décomposé", el.Total)
	if err != nil {
		return f, err
	}
	if !datasets.Near(f.Value+f.Upstream, total, posteTolerance) {
		return f, fmt.Errorf("%s: element %s: postes add up to %s, element total is %s", a.Path, r.el, fmtNum(f.Value+f.Upstream), fmtNum(total))
	}
	if g, ok := a.GasSplit(sc, f.Value); ok {
		f.Gases = ademeGases(g)
	}
	bio, err := a.Biogenic(sc)
	if err != nil {
		return f, err
	}
	f.Derivation = fmt.Sprintf("value = %s of element %s; upstream = %s; element total %s",
		posteList(sc), r.el, posteList(up), fmtNum(total))
	if bio > 0 {
		f.BiogenicCO2 = bio
		f.Derivation += fmt.Sprintf("; biogenic_co2 = CO2b of the scope postes (%s)", fmtNum(bio))
	}
	return f, nil
}

// adTotal takes an ADEME element whole: value = its total, as for purchased transport,
// materials, waste and GWPs (mult converts the unit when the table's differs from ADEME's).
type adTotal struct {
	el   string
	mult float64 // 0 means 1
}

func (r adTotal) resolve(s *sources, e entry) (factors.Factor, error) {
	a := s.ademe
	el, err := a.Element(r.el)
	if err != nil {
		return factors.Factor{}, err
	}
	f, err := ademeBase(s, el, e)
	if err != nil {
		return f, err
	}
	total, err := a.Num(el.ADEMELine, "Total poste non décomposé", el.Total)
	if err != nil {
		return f, err
	}
	mult := r.mult
	if mult == 0 {
		mult = 1
	}
	f.Value = total * mult
	f.Derivation = "value = element total " + fmtNum(total)
	if mult != 1 {
		f.Derivation += " × " + fmtNum(mult) + " (unit conversion)"
	}
	if len(el.Postes) > 0 {
		f.Derivation += " = " + posteList(el.Postes)
	}
	if g, ok := a.GasSplit([]datasets.ADEMELine{el.ADEMELine}, total); ok && mult == 1 {
		f.Gases = ademeGases(g)
	}
	return f, nil
}

// ademeGases keeps ADEME's fossil and biogenic methane apart, so that each is recomputed with
// its own GWP.
func ademeGases(g datasets.GasSplit) *factors.Gases {
	return &factors.Gases{CO2: g.CO2f, CH4: g.CH4f + g.CH4b, CH4Fossil: g.CH4f, CH4Biogenic: g.CH4b, N2O: g.N2O}
}

// ademeGWP is the GWP basis of ADEME V23.6 values. ADEME states no set per element; the gas
// columns (CO2f, CH4f, CH4b, N2O) follow the GWP table it ships for them, "PRG à 100 ans du
// 5ème rapport du GIEC" (AR5: elements 22578 CH4b 28, 22579 CH4f 30, 22580 N2O 265), and its
// AR6 table (elements 43xxx) is published apart for the GWPs themselves.
const ademeGWP = "AR5"

// ademeBase fills what every ADEME factor carries: citation, release, region, uncertainty,
// years, GWP basis; and checks the unit.
func ademeBase(s *sources, el *datasets.ADEMEElement, e entry) (factors.Factor, error) {
	a := s.ademe
	f := factors.Factor{
		Source:    fmt.Sprintf("ADEME Base Carbone %s, element %s (%s)", s.ademeRel.Version, el.ID, el.Name()),
		Dataset:   ademeDataset,
		Version:   s.ademeRel.Version,
		Published: s.ademeRel.Published,
		SourceID:  el.ID,
		License:   ademeLicense,
		NameFR:    el.Name(),
		Tags:      ademeTags(el),
		GWP:       ademeGWP,
	}
	region, ok := datasets.ADEMERegions[el.Location]
	if !ok {
		return f, fmt.Errorf("%s: element %s: Localisation géographique %q has no region in ademeRegions", a.Path, el.ID, el.Location)
	}
	f.Region = region
	switch unit, ok := datasets.ADEMEUnits[el.Unit]; {
	case ok && unit == e.Unit:
	case e.Unit == "k€" && spendUnit.MatchString(el.Unit):
		// A spend-based ratio, per k€ of its price year (adSpend checks the year).
	case el.Unit == "" && strings.HasPrefix(el.Category, "PRG") && e.Unit == "kg":
		// ADEME's AR5 GWP table (category PRG) leaves the unit empty; its values are kgCO2e per
		// kg of gas, like the AR6 table's "kgCO2e/kg".
	default:
		return f, fmt.Errorf("%s: element %s is per %q, the table says %q", a.Path, el.ID, el.Unit, e.Unit)
	}
	var err error
	if f.UncertaintyPct, err = a.Uncertainty(el); err != nil {
		return f, err
	}
	if f.DataYear, err = el.DataYear(); err != nil {
		return f, err
	}
	named := f.DataYear != 0
	if !named {
		if f.DataYear, err = ademeDataYear(el); err != nil {
			return f, fmt.Errorf("%s: %w", a.Path, err)
		}
	}
	if e.Vintage {
		if !named {
			return f, fmt.Errorf("%s: element %s (%s) is marked as a vintage but names no year", a.Path, el.ID, el.Name())
		}
		f.Year = f.DataYear
	}
	return f, nil
}

// posteList writes postes as "poste Amont (0.0131) + poste Transport et distribution/Pertes
// (0.0038)".
func posteList(ls []datasets.ADEMELine) string {
	var parts []string
	for _, p := range ls {
		name := p.PosteType
		if p.PosteName != "" {
			name += "/" + p.PosteName
		}
		parts = append(parts, fmt.Sprintf("poste %s (%s)", name, p.Total))
	}
	return strings.Join(parts, " + ")
}

// ademeDataYear is the data year of an element whose label names no year: the year of its
// "Période de validité", but never after the year it was last modified. ADEME often gives
// there the end of the period the value stays valid for (freight elements of 2025: "2026"),
// and a value cannot be data of a year after it was published.
func ademeDataYear(el *datasets.ADEMEElement) (int, error) {
	valid, err := el.ValidityYear()
	if err != nil {
		return 0, err
	}
	modified, err := el.ModifiedYear()
	if err != nil {
		return 0, err
	}
	if valid == 0 || modified != 0 && valid > modified {
		return modified, nil
	}
	return valid, nil
}
