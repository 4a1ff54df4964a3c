package mapping

import (
	"fmt"
	"strings"

	"github.com/footprint/footprint/factors"
)

// French names and search tags. An ADEME element keeps ADEME's own French name and tags
// (ademeBase); the factors of the other datasets, and those that are not one ADEME element
// as published (avoided emissions, use phase), take the French name written here from the
// row's meaning. The generator fails when a factor has no French name.

var nameFR = map[string]string{
	// Derived from ADEME elements, not an element as published.
	"fr.use.car":                             "Utilisation d'une voiture vendue, parc français moyen, du puits à la roue sans fabrication (par véhicule.km)",
	"fr.use.electricity":                     "Électricité consommée par les produits vendus, France continentale, mix 2024 avec amont et pertes",
	"fr.avoided.material.steel.recycled":     "Évité : acier recyclé au lieu d'acier neuf",
	"fr.avoided.material.aluminium.recycled": "Évité : aluminium recyclé au lieu d'aluminium neuf",
	"fr.avoided.material.copper.recycled":    "Évité : cuivre recyclé au lieu de cuivre neuf",
	"fr.avoided.material.glass.recycled":     "Évité : verre d'emballage recyclé au lieu de verre neuf",
	"fr.avoided.material.plastic.recycled":   "Évité : plastique recyclé au lieu de plastique neuf (moyen)",
	"fr.avoided.vehicle.reconditioned":       "Évité : véhicule reconditionné au lieu d'un neuf (par tonne de véhicule)",

	// IPCC GWPs and blends.
	"ghg.ch4":              "Méthane (CH4), sans distinction fossile / non fossile",
	"ghg.n2o":              "Protoxyde d'azote (N2O)",
	"refrigerant.r-1234yf": "HFO-1234yf (R-1234yf, climatisation automobile)",
	"refrigerant.r-134a":   "HFC-134a (R-134a)",
	"refrigerant.r-22":     "HCFC-22 (R-22), hors Kyoto : déclaré hors périmètres",
	"refrigerant.r-32":     "HFC-32 (R-32)",
	"refrigerant.r-404a":   "R-404A (44 % HFC-125, 4 % HFC-134a, 52 % HFC-143a)",
	"refrigerant.r-407c":   "R-407C (23 % HFC-32, 25 % HFC-125, 52 % HFC-134a)",
	"refrigerant.r-410a":   "R-410A (50 % HFC-32, 50 % HFC-125)",
	"refrigerant.sf6":      "Hexafluorure de soufre (SF6)",

	// UK DESNZ.
	"uk.avoided.battery.second-life":              "Évité : batterie Li-ion de seconde vie au lieu d'une neuve (par tonne de batterie)",
	"uk.avoided.material.aluminium.closed-loop":   "Évité : aluminium en boucle fermée au lieu d'aluminium primaire",
	"uk.avoided.material.glass.closed-loop":       "Évité : verre en boucle fermée au lieu de verre primaire",
	"uk.avoided.material.mineral-oil.closed-loop": "Évité : huile minérale régénérée au lieu d'huile neuve",
	"uk.avoided.material.plastic.closed-loop":     "Évité : plastiques en boucle fermée au lieu de plastiques primaires (moyenne)",
	"uk.avoided.material.steel.closed-loop":       "Évité : acier en boucle fermée au lieu d'acier primaire",
	"uk.avoided.tyres.re-used":                    "Évité : pneus réutilisés au lieu de pneus neufs",
	"uk.diesel":                                   "Gazole, Royaume-Uni, à la pompe (part moyenne de biocarburant)",
	"uk.district-heat":                            "Chaleur et vapeur de réseau, Royaume-Uni",
	"uk.electricity.grid":                         "Électricité du réseau, Royaume-Uni (méthode localisée)",
	"uk.freight.air.international":                "Fret aérien international (depuis ou vers l'étranger), sans forçage radiatif",
	"uk.freight.air.international.rf":             "Fret aérien international (depuis ou vers l'étranger), avec forçage radiatif",
	"uk.freight.rail":                             "Fret ferroviaire, Royaume-Uni",
	"uk.freight.road.hgv":                         "Fret routier, poids lourd (gazole), tous poids lourds, chargement moyen",
	"uk.freight.road.hgv-artic":                   "Fret routier, poids lourd articulé (gazole), chargement moyen",
	"uk.freight.road.hgv-refrigerated":            "Fret routier, poids lourd frigorifique (gazole), chargement moyen",
	"uk.freight.road.van":                         "Fret routier, camionnette gazole jusqu'à 3,5 t",
	"uk.freight.sea.car-carrier":                  "Fret maritime, navire transporteur de véhicules, moyenne",
	"uk.freight.sea.container":                    "Fret maritime, porte-conteneurs, moyenne",
	"uk.freight.sea.roro":                         "Fret maritime, ferry roulier (Ro-Ro), moyenne",
	"uk.gas-oil":                                  "Gazole non routier (fioul rouge)",
	"uk.material.aluminium.closed-loop":           "Aluminium (canettes et feuilles, hors mise en forme), boucle fermée",
	"uk.material.aluminium.primary":               "Aluminium (canettes et feuilles, hors mise en forme), production primaire",
	"uk.material.glass.closed-loop":               "Verre, boucle fermée",
	"uk.material.glass.primary":                   "Verre, production primaire",
	"uk.material.li-ion-battery":                  "Batteries Li-ion, production primaire (par tonne de batterie)",
	"uk.material.mineral-oil":                     "Huile minérale (lubrifiants), production primaire",
	"uk.material.mineral-oil.closed-loop":         "Huile minérale (lubrifiants), régénérée (boucle fermée)",
	"uk.material.plastic.closed-loop":             "Plastiques, moyenne, boucle fermée",
	"uk.material.plastic.primary":                 "Plastiques, moyenne, production primaire",
	"uk.material.steel.closed-loop":               "Acier (boîtes), boucle fermée",
	"uk.material.steel.primary":                   "Acier (boîtes), production primaire",
	"uk.material.tyres":                           "Pneus, production primaire",
	"uk.material.tyres.re-used":                   "Pneus réutilisés",
	"uk.natural-gas.gcv":                          "Gaz naturel, Royaume-Uni, par kWh PCS (comme sur les factures britanniques)",
	"uk.natural-gas.ncv":                          "Gaz naturel, Royaume-Uni, par kWh PCI",
	"uk.petrol":                                   "Essence, Royaume-Uni, à la pompe (part moyenne de biocarburant)",
	"uk.travel.air.long-haul":                     "Vol long-courrier depuis ou vers le Royaume-Uni, passager moyen, sans forçage radiatif",
	"uk.travel.air.long-haul.rf":                  "Vol long-courrier depuis ou vers le Royaume-Uni, passager moyen, avec forçage radiatif",
	"uk.travel.air.short-haul":                    "Vol court-courrier depuis ou vers le Royaume-Uni, passager moyen, sans forçage radiatif",
	"uk.travel.air.short-haul.rf":                 "Vol court-courrier depuis ou vers le Royaume-Uni, passager moyen, avec forçage radiatif",
	"uk.travel.car":                               "Voiture, taille moyenne, motorisation inconnue (par véhicule.km)",
	"uk.travel.hotel.china":                       "Nuit d'hôtel, Chine",
	"uk.travel.hotel.france":                      "Nuit d'hôtel, France",
	"uk.travel.hotel.germany":                     "Nuit d'hôtel, Allemagne",
	"uk.travel.hotel.italy":                       "Nuit d'hôtel, Italie",
	"uk.travel.hotel.spain":                       "Nuit d'hôtel, Espagne",
	"uk.travel.hotel.uk":                          "Nuit d'hôtel, Royaume-Uni",
	"uk.travel.hotel.usa":                         "Nuit d'hôtel, États-Unis",
	"uk.travel.rail.international":                "Train international (Eurostar)",
	"uk.travel.rail.national":                     "Train national, Royaume-Uni",
	"uk.waste.batteries.recycling":                "Piles et batteries usagées, recyclage en boucle ouverte",
	"uk.waste.commercial-industrial.incineration": "Déchets commerciaux et industriels, incinération avec valorisation énergétique",
	"uk.waste.commercial-industrial.landfill":     "Déchets commerciaux et industriels, mise en décharge",
	"uk.waste.metal.landfill":                     "Ferraille, mise en décharge",
	"uk.waste.metal.recycling":                    "Ferraille, recyclage en boucle ouverte",
	"uk.waste.weee.recycling":                     "DEEE (mélange), recyclage en boucle ouverte",

	// US EPA.
	"us.diesel":                            "Gazole / fioul distillé n° 2, États-Unis, combustion fixe",
	"us.diesel.mobile":                     "Gazole, États-Unis, combustion mobile (CO2 seul)",
	"us.district-heat":                     "Vapeur et chaleur achetées, États-Unis (chaudière au gaz naturel)",
	"us.electricity.grid":                  "Électricité du réseau, moyenne des États-Unis (taux eGRID de production totale)",
	"us.electricity.grid.camx":             "Électricité du réseau, sous-région eGRID CAMX (Californie)",
	"us.electricity.grid.erct":             "Électricité du réseau, sous-région eGRID ERCT (ERCOT, Texas)",
	"us.electricity.grid.rfce":             "Électricité du réseau, sous-région eGRID RFCE (RFC Est)",
	"us.electricity.grid.srso":             "Électricité du réseau, sous-région eGRID SRSO (SERC Sud)",
	"us.freight.air":                       "Fret aérien, États-Unis",
	"us.freight.rail":                      "Fret ferroviaire, États-Unis",
	"us.freight.road.truck":                "Fret routier, camion moyen et lourd, États-Unis",
	"us.freight.water":                     "Fret fluvial et maritime, États-Unis",
	"us.gasoline.mobile":                   "Essence, États-Unis, combustion mobile (CO2 seul)",
	"us.natural-gas":                       "Gaz naturel, États-Unis, combustion fixe (par mmBtu PCS)",
	"us.propane":                           "Propane, États-Unis, combustion fixe",
	"us.travel.air.long-haul":              "Vol, États-Unis, long-courrier (2 300 miles et plus)",
	"us.travel.air.medium-haul":            "Vol, États-Unis, moyen-courrier (300 à 2 300 miles)",
	"us.travel.air.short-haul":             "Vol, États-Unis, court-courrier (moins de 300 miles)",
	"us.travel.car":                        "Voiture particulière, États-Unis (par véhicule.mile)",
	"us.travel.rail.intercity":             "Train grandes lignes, moyenne nationale des États-Unis",
	"us.waste.mixed-electronics.recycling": "Déchets électroniques en mélange, recyclés, États-Unis",
	"us.waste.mixed-metals.recycling":      "Déchets de métaux en mélange, recyclés, États-Unis",
	"us.waste.mixed-msw.combustion":        "Déchets ménagers en mélange, incinérés, États-Unis",
	"us.waste.mixed-msw.landfill":          "Déchets ménagers en mélange, mis en décharge, États-Unis",
	"us.waste.mixed-plastics.combustion":   "Déchets plastiques en mélange, incinérés, États-Unis",
	"us.waste.mixed-plastics.recycling":    "Déchets plastiques en mélange, recyclés, États-Unis",
	"us.waste.tires.combustion":            "Pneus usagés, incinérés, États-Unis",
	"us.waste.tires.recycling":             "Pneus usagés, recyclés, États-Unis",
}

// emberCountryFR names, in French, the areas of the Ember grid factors (ember.electricity.<key>).
var emberCountryFR = map[string]string{
	"bel": "Belgique", "che": "Suisse", "chn": "Chine", "cze": "Tchéquie", "deu": "Allemagne", "esp": "Espagne",
	"eu": "Union européenne", "europe": "Europe", "fra": "France", "gbr": "Royaume-Uni", "ind": "Inde",
	"ita": "Italie", "mar": "Maroc", "mex": "Mexique", "nld": "Pays-Bas", "pol": "Pologne", "prt": "Portugal",
	"rou": "Roumanie", "tun": "Tunisie", "usa": "États-Unis", "world": "moyenne mondiale",
}

// tagRules add search words by what an id names: the words a French or English user types for it.
var tagRules = []struct {
	has  func(id string) bool
	tags []string
}{
	{idHas(".electricity"), []string{"électricité", "electricity", "réseau électrique"}},
	{isCommuting, []string{"domicile-travail", "commuting", "déplacements domicile-travail", "trajets domicile-travail", "déplacements professionnels", "business travel"}},
	{idHas(".travel.air"), []string{"avion", "flight", "déplacements professionnels", "business travel"}},
	{idHas(".travel.hotel"), []string{"hôtel", "hotel", "déplacements professionnels", "business travel"}},
	{idHas(".freight."), []string{"fret", "freight", "transport de marchandises"}},
	{idHas(".freight.road"), []string{"fret routier", "road freight", "camion", "truck"}},
	{idHas(".freight.rail"), []string{"fret ferroviaire", "rail freight"}},
	{idHas(".freight.sea", ".freight.water"), []string{"fret maritime", "sea freight"}},
	{idHas(".freight.air"), []string{"fret aérien", "air freight"}},
	{idHas(".spend."), []string{"ratio monétaire", "ratios monétaires", "spend-based", "dépenses", "achats", "purchases"}},
	{idHas(".wood", ".biomethane"), []string{"biomasse", "biomass", "énergie renouvelable", "renewable"}},
	{idHas(".waste."), []string{"déchets", "waste"}},
	{idHas(".material."), []string{"matériaux", "materials", "achats"}},
	{idHas("refrigerant."), []string{"fluide frigorigène", "refrigerant", "fuite", "leak"}},
	{idHas(".avoided."), []string{"émissions évitées", "avoided emissions"}},
	{idHas("natural-gas"), []string{"gaz naturel", "natural gas"}},
}

func idHas(parts ...string) func(string) bool {
	return func(id string) bool {
		for _, p := range parts {
			if strings.Contains(id, p) {
				return true
			}
		}
		return false
	}
}

// isCommuting tells the ground travel modes people commute by (not flights or hotels).
func isCommuting(id string) bool {
	return strings.Contains(id, ".travel.") && !strings.Contains(id, ".travel.air") && !strings.Contains(id, ".travel.hotel")
}

// nameAndTags gives f its French name and its search tags, deduplicated in order.
func nameAndTags(e entry, f *factors.Factor) error {
	if n, ok := nameFR[f.ID]; ok {
		f.NameFR = n
	}
	if key, ok := strings.CutPrefix(f.ID, "ember.electricity."); ok {
		if c, ok := emberCountryFR[key]; ok {
			f.NameFR = fmt.Sprintf("Électricité du réseau, %s, Ember (production en scope 2, amont en catégorie 3)", c)
		}
	}
	if strings.TrimSpace(f.NameFR) == "" {
		return fmt.Errorf("%s: no French name (factors/mapping/names.go)", e.ID)
	}
	tags := f.Tags
	for _, r := range tagRules {
		if r.has(f.ID) {
			tags = append(tags, r.tags...)
		}
	}
	f.Tags = nil
	seen := map[string]bool{}
	for _, t := range tags {
		t = strings.Join(strings.Fields(t), " ")
		if k := strings.ToLower(t); t != "" && !seen[k] {
			seen[k] = true
			f.Tags = append(f.Tags, t)
		}
	}
	return nil
}
