package mapping

import (
	"fmt"
	"strings"

	"github.com/footprint/footprint/factors"
)

// BEGES v5 postes: the French regulatory method ("Méthode pour la réalisation des bilans
// d'émissions de gaz à effet de serre", version 5, ministry in charge of the environment, July
// 2022, §4.2.2) sorts emissions into 6 categories and 22 postes. Every factor of the library
// names the poste its own part goes to; its upstream part (energy upstream of what categories
// 1 and 2 count) goes to 4.1 "Achats de biens", as version 5 asks of "les émissions liées à
// l'énergie non incluses dans les catégories 1 et 2".
//
// The rule, in order:
//  1. ADEME elements: their own category path says it ("Combustibles > … > Usage sources
//     mobiles" → 1.2, other "Combustibles" → 1.1, "Electricité" → 2.1, "Réseaux de chaleur /
//     froid" → 2.2, "Transport de marchandises" → 3.1, "Transport de personnes" → 3.5,
//     "Traitement des déchets" → 4.3, "Achats de biens" → 4.1, "PRG" and "Process et émissions
//     fugitives" → 1.4);
//  2. the others by what they are: GWP factors (refrigerants, CH4, N2O released) → 1.4
//     (fugitive); fuels burnt in vehicles and mobile machinery (entry Mobile) → 1.2, other
//     Scope 1 fuels → 1.1; Scope 2 electricity → 2.1, heat → 2.2; Scope 3 by its GHG Protocol
//     category (factors.BegesOfScope).
// Avoided-emission factors name the poste of the purchase they displace (4.1); they never
// enter the BEGES totals.

// ademeBeges is rule 1: an ADEME category path prefix and its poste, most specific first.
var ademeBeges = []struct{ prefix, poste string }{
	{"Combustibles > Fossiles > Liquides > Usage sources mobiles", "1.2"},
	{"Combustibles", "1.1"},
	{"Electricité", "2.1"},
	{"Réseaux de chaleur / froid", "2.2"},
	{"Transport de marchandises", "3.1"},
	{"Transport de personnes", "3.5"},
	{"Traitement des déchets", "4.3"},
	{"Achats de biens", "4.1"},
	{"PRG", "1.4"},
	{"Process et émissions fugitives", "1.4"},
}

// begesPoste gives f its poste and appends the rule to its derivation.
func begesPoste(s *sources, e entry, f *factors.Factor) error {
	poste, why := "", ""
	var el string
	switch r := e.From.(type) {
	case adSplit:
		el = r.el
	case adTotal:
		el = r.el
	}
	switch {
	case f.Kind == factors.KindAvoided:
		poste, why = "4.1", "avoided: poste of the displaced purchase"
	case el != "":
		cat := s.ademe.Elements[el].Category
		for _, a := range ademeBeges {
			if strings.HasPrefix(cat, a.prefix) {
				poste, why = a.poste, fmt.Sprintf("ADEME category %q", cat)
				break
			}
		}
		if poste == "" {
			return fmt.Errorf("%s: ADEME category %q has no BEGES poste rule (factors/mapping/beges.go)", e.ID, cat)
		}
	case e.Boundary == bGWP:
		poste, why = "1.4", "a gas released: fugitive emissions"
	case f.Scope == 1 && e.Mobile:
		poste, why = "1.2", "fuel burnt in vehicles or mobile machinery"
	case f.Scope == 1:
		poste, why = "1.1", "fuel burnt in stationary equipment"
	case f.Scope == 2 && f.EnergyClass == factors.EnergyHeat:
		poste, why = "2.2", "purchased heat"
	case f.Scope == 2:
		poste, why = "2.1", "purchased electricity"
	default:
		poste, why = factors.BegesOfScope(3, f.Category), fmt.Sprintf("Scope 3 category %d", f.Category)
	}
	if !factors.IsBegesPoste(poste) {
		return fmt.Errorf("%s: BEGES poste %q is not one of the 22", e.ID, poste)
	}
	f.BegesPoste = poste
	f.Derivation += fmt.Sprintf("; BEGES v5 poste %s (%s)", poste, why)
	return nil
}

// gasFamily says which BEGES gas column a GWP factor's value belongs to, by the species it is
// the GWP of; "" for factors that are not a gas released.
var gasFamily = map[string]string{
	"refrigerant.r-134a": "HFC", "refrigerant.r-32": "HFC", "refrigerant.r-410a": "HFC",
	"refrigerant.r-404a": "HFC", "refrigerant.r-407c": "HFC", "refrigerant.r-1234yf": "other",
	"refrigerant.r-22": "other", "refrigerant.sf6": "SF6",
	"ghg.ch4": "CH4", "ghg.ch4.fossil": "CH4", "ghg.ch4.non-fossil": "CH4", "ghg.n2o": "N2O",
}

// setGasFamily puts a GWP factor's whole value on its gas.
func setGasFamily(e entry, f *factors.Factor) error {
	fam, ok := gasFamily[f.ID]
	if !ok {
		if e.Boundary == bGWP {
			return fmt.Errorf("%s: a GWP factor needs its gas family in gasFamily (factors/mapping/beges.go)", e.ID)
		}
		return nil
	}
	g := &factors.Gases{}
	switch fam {
	case "HFC":
		g.HFC = f.Value
	case "SF6":
		g.SF6 = f.Value
	case "CH4":
		g.CH4 = f.Value
	case "N2O":
		g.N2O = f.Value
	default:
		g.Other = f.Value
	}
	f.Gases = g
	return nil
}
