package factors

// BegesPostes are the 22 postes of the French BEGES v5 method ("Méthode pour la réalisation des
// bilans d'émissions de gaz à effet de serre", version 5, July 2022, §4.2.2), in order, with
// their labels as the method writes them.
var BegesPostes = []struct{ Poste, Label string }{
	{"1.1", "Émissions directes des sources fixes de combustion"},
	{"1.2", "Émissions directes des sources mobiles de combustion"},
	{"1.3", "Émissions directes des procédés hors énergie"},
	{"1.4", "Émissions directes fugitives"},
	{"1.5", "Émissions issues de la biomasse (sols et forêts)"},
	{"2.1", "Émissions indirectes liées à la consommation d'électricité"},
	{"2.2", "Émissions indirectes liées à la consommation d'énergie autre que l'électricité"},
	{"3.1", "Transport de marchandise amont"},
	{"3.2", "Transport de marchandise aval"},
	{"3.3", "Déplacements domicile-travail"},
	{"3.4", "Déplacements des visiteurs et des clients"},
	{"3.5", "Déplacements professionnels"},
	{"4.1", "Achats de biens"},
	{"4.2", "Immobilisations de biens"},
	{"4.3", "Gestion des déchets"},
	{"4.4", "Actifs en leasing amont"},
	{"4.5", "Achats de services"},
	{"5.1", "Utilisation des produits vendus"},
	{"5.2", "Actifs en leasing aval"},
	{"5.3", "Fin de vie des produits vendus"},
	{"5.4", "Investissements"},
	{"6.1", "Autres émissions indirectes"},
}

// BegesCategories are the 6 categories of BEGES v5 (those of ISO 14064-1:2018).
var BegesCategories = []string{
	"Émissions directes de GES",
	"Émissions indirectes associées à l'énergie",
	"Émissions indirectes associées au transport",
	"Émissions indirectes associées aux produits achetés",
	"Émissions indirectes associées aux produits vendus",
	"Autres émissions indirectes",
}

// IsBegesPoste reports whether p is one of the 22 postes.
func IsBegesPoste(p string) bool {
	for _, b := range BegesPostes {
		if b.Poste == p {
			return true
		}
	}
	return false
}

// BegesOfScope is the poste of emissions known only by their GHG Protocol scope and Scope 3
// category: Scope 1 → 1.1, Scope 2 → 2.1; Scope 3 by the correspondence of the method (§4.2.2):
// category 3 (energy upstream) → 4.1, as v5 puts "les émissions liées à l'énergie non incluses
// dans les catégories 1 et 2" in "Achats de biens"; 10 and 11 → 5.1; 14 (franchises) → 6.1,
// v5 having dropped the franchise poste.
func BegesOfScope(scope, category int) string {
	switch scope {
	case 1:
		return "1.1"
	case 2:
		return "2.1"
	}
	if p, ok := begesOfCategory[category]; ok {
		return p
	}
	return "6.1"
}

var begesOfCategory = map[int]string{1: "4.1", 2: "4.2", 3: "4.1", 4: "3.1", 5: "4.3", 6: "3.5", 7: "3.3",
	8: "4.4", 9: "3.2", 10: "5.1", 11: "5.1", 12: "5.3", 13: "5.2", 14: "6.1", 15: "5.4"}
