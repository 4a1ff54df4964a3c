package disclose

import (
	"math"
	"sort"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
)

// The French regulatory GHG report (BEGES, article L229-25 of the code de l'environnement;
// method version 5, July 2022): 6 categories, 22 postes, each with its emissions by gas and
// its uncertainty. Category 2 is reported on the location-based method, as the regulation asks
// (the market-based figure is voluntary in BEGES), so a poste's lines are the location-based
// ones.
//
// A line's poste is its factor's (factors carry beges_poste) when the line keeps the factor's
// own scope and category; the upstream part of energy goes to 4.1 (v5: "émissions liées à
// l'énergie non incluses dans les catégories 1 et 2" in "Achats de biens"); a row whose
// Category overrides the factor's, an already-computed row and a custom factor without a
// poste take the poste of their scope and category (factors.BegesOfScope).

// BegesPoste is the figures of one poste in one year, in tCO2e (biogenic CO2 in tCO2, apart).
type BegesPoste struct {
	Poste                             string
	CO2, CH4, N2O, HFC, PFC, SF6, NF3 float64
	Other                             float64 // fluorinated gases outside the Kyoto list (HFOs)
	Unsplit                           float64 // emissions whose source gives no split by gas
	Total                             float64
	BiogenicCO2                       float64
	// UncertaintyPct is the half-width of the 95 % interval of Total, in %: each factor's
	// uncertainty on its lines (rows of one factor fully correlated), factors combined in
	// quadrature.
	UncertaintyPct float64
}

// BegesYear is one year's BEGES: the 22 postes in order, and the emissions reported outside
// the scopes (non-Kyoto gases).
type BegesYear struct {
	Year    int
	Postes  []BegesPoste
	Total   float64
	Outside float64
	// UncertaintyPct is the total's, the postes' combined in quadrature.
	UncertaintyPct float64
}

// Beges computes the BEGES of every year of lines (location-based). defaultPct is the
// uncertainty of factors that publish none.
func Beges(lines []emissions.Line, outside []emissions.Line, lib *factors.Library, defaultPct float64) []BegesYear {
	type key struct {
		year  int
		poste string
	}
	type fkey struct {
		key
		factor string
		fyear  int
	}
	acc := map[key]*BegesPoste{}
	byFactor := map[fkey]float64{}
	uOf := map[fkey]float64{}
	var order []fkey // first appearance: sums in a fixed order give the same bits every run
	years := map[int]bool{}
	lookups := lib.Lookups()
	for i := range lines {
		l := &lines[i]
		if l.Part == emissions.PartAvoided || l.Part == emissions.PartOutside || !l.InLocation() {
			continue
		}
		years[l.Year] = true
		var f factors.Factor
		var found bool
		if l.FactorID != "" && l.Part != emissions.PartReported {
			f, _, found = lookups.Lookup(l.FactorID, l.Year)
		}
		poste := factors.BegesOfScope(l.Scope, l.Category)
		switch {
		case l.Part == emissions.PartUpstream:
			poste = "4.1"
		case found && f.BegesPoste != "" && f.Scope == l.Scope && f.Category == l.Category:
			poste = f.BegesPoste
		}
		k := key{l.Year, poste}
		p := acc[k]
		if p == nil {
			p = &BegesPoste{Poste: poste}
			acc[k] = p
		}
		p.Total += l.TCO2e
		p.BiogenicCO2 += l.BiogenicCO2
		if l.Part == emissions.PartDirect && found && f.Gases != nil && f.Value > 0 {
			g, q := f.Gases, l.Converted/1000
			split := g.CO2 + g.CH4 + g.N2O + g.HFC + g.PFC + g.SF6 + g.NF3 + g.Other
			// Sources round each gas (ADEME: 3 significant digits), so the split adds up to the
			// factor only within rounding: a split within 5 % is scaled to the factor, so the
			// gases add up to the poste; a larger gap stays as unsplit (a part with no split).
			scale := 1.0
			if split > 0 && math.Abs(split-f.Value) <= 0.05*f.Value {
				scale = f.Value / split
			}
			q *= scale
			p.CO2 += q * g.CO2
			p.CH4 += q * g.CH4
			p.N2O += q * g.N2O
			p.HFC += q * g.HFC
			p.PFC += q * g.PFC
			p.SF6 += q * g.SF6
			p.NF3 += q * g.NF3
			p.Other += q * g.Other
			p.Unsplit += l.TCO2e - q*split
		} else {
			p.Unsplit += l.TCO2e
		}
		u := defaultPct
		if found && f.UncertaintyPct != nil {
			u = *f.UncertaintyPct
		}
		fk := fkey{k, l.FactorID, l.FactorYear}
		if _, seen := byFactor[fk]; !seen {
			order = append(order, fk)
		}
		byFactor[fk] += l.TCO2e
		uOf[fk] = u
	}
	variance := map[key]float64{}
	for _, fk := range order {
		h := byFactor[fk] * uOf[fk] / 100
		variance[fk.key] += h * h
	}
	outs := map[int]float64{}
	for _, l := range outside {
		outs[l.Year] += l.TCO2e
		years[l.Year] = true
	}
	var out []BegesYear
	for y := range years {
		by := BegesYear{Year: y, Outside: outs[y]}
		for _, pl := range factors.BegesPostes {
			p := BegesPoste{Poste: pl.Poste}
			if a := acc[key{y, pl.Poste}]; a != nil {
				p = *a
				if p.Total > 0 {
					p.UncertaintyPct = math.Sqrt(variance[key{y, pl.Poste}]) / p.Total * 100
				}
			}
			by.Total += p.Total
			by.Postes = append(by.Postes, p)
			h := p.Total * p.UncertaintyPct / 100
			by.UncertaintyPct += h * h
		}
		if by.Total > 0 {
			by.UncertaintyPct = math.Sqrt(by.UncertaintyPct) / by.Total * 100
		} else {
			by.UncertaintyPct = 0
		}
		out = append(out, by)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Year < out[j].Year })
	return out
}
