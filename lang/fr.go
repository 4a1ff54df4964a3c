package lang

// french is the French catalogue: English text, as the code writes it, to its French
// translation, with the same fmt verbs in the same order.
var french = map[string]string{
	// Shared words and patterns.
	"%s and %s": "%s et %s",
	"%s t":      "%s t",
	"%s t (%s)": "%s t (%s)",
	"Actual":    "Réel",
	"Target":    "Cible",
	"Plan":      "Plan",

	// The report's summary.
	"Summary":                          "Synthèse",
	"Largest sources in %v":            "Principales sources en %v",
	"Levers that abate the most in %v": "Leviers qui réduisent le plus en %v",
	"No reduction lever is configured yet: the plan equals business as usual.": "Aucun levier de réduction n’est encore configuré : le plan suit la tendance.",
	"Actual emissions, target path and plan, tCO2e":                            "Émissions réelles, trajectoire cible et plan, tCO2e",
	"For carbon neutrality in %v, %s tCO2e are left to reduce, or to cover with retired credits and removals (residual %s t; retired credits and own removals %s t; planned or contracted credits %s t, which count only once retired).": "Pour la neutralité carbone en %v, il reste %s tCO2e à réduire, ou à couvrir par des crédits retirés et des absorptions (émissions résiduelles %s t ; crédits retirés et absorptions propres %s t ; crédits prévus ou contractés %s t, qui ne comptent qu’une fois retirés).",
	"For carbon neutrality in %v, retired credits and own removals (%s t) cover the residual of %s tCO2e.":                                                                                                                               "Pour la neutralité carbone en %v, les crédits retirés et les absorptions propres (%s t) couvrent les émissions résiduelles de %s tCO2e.",
	"The claim's boundary leaves out %s t of Scope 3 (%s of the %v total), so a claim on it would not hold.":                                                                                                                             "Le périmètre de la revendication laisse de côté %s t du scope 3 (%s du total %v) : une revendication sur ce périmètre ne tiendrait pas.",
	"%s: the %s tCO2e those activities emitted in %v are gone, which is activity that stopped, not abatement.":                                                                                                                           "%s : les %s tCO2e que ces activités émettaient en %v ont disparu ; c’est une activité arrêtée, pas une réduction.",
	"The activities that go on emitted %s tCO2e in %v, against %s t in %v; the plan takes them to %s t in %v.":                                                                                                                           "Les activités qui se poursuivent ont émis %s tCO2e en %v, contre %s t en %v ; le plan les mène à %s t en %v.",
	"The activities that go on emitted %s tCO2e in %v, against %s t in %v.":                                                                                                                                                              "Les activités qui se poursuivent ont émis %s tCO2e en %v, contre %s t en %v.",
	"Data: %s rows read, all used.": "Données : %s lignes lues, toutes utilisées.",
	"Data: %s of %s rows (%s) are left out of the figures: the notices above say which and why.":                                                                                                      "Données : %s lignes sur %s (%s) sont écartées des chiffres ; les avis ci-dessus disent lesquelles et pourquoi.",
	"No activity row has the reporting year %v: the report has no figure for it.":                                                                                                                     "Aucune ligne d’activité ne porte l’année de reporting %v : le rapport n’a pas de chiffre pour elle.",
	"In %v the site emitted %s tCO2e. No target is configured, so the report cannot say whether it is on track: it shows the actual emissions only.":                                                  "En %v, le site a émis %s tCO2e. Aucune cible n’est configurée : le rapport ne peut pas dire si le site est sur la trajectoire, il montre les émissions réelles seulement.",
	"In %v the site emitted %s tCO2e; no target applies to that year.":                                                                                                                                "En %v, le site a émis %s tCO2e ; aucune cible ne s’applique à cette année.",
	"Off track in %v: %s tCO2e emitted, %s t above the target path (%s t).":                                                                                                                           "Hors trajectoire en %v : %s tCO2e émises, %s t au-dessus de la trajectoire cible (%s t).",
	"In %v the site emitted %s tCO2e, below the target path (%s t) only because activities that ended count as reductions: without them the path would be %s t, and the site would be %s t above it.": "En %v, le site a émis %s tCO2e, sous la trajectoire cible (%s t) seulement parce que des activités arrêtées comptent comme des réductions : sans elles, la trajectoire serait de %s t, et le site serait %s t au-dessus.",
	"On track in %v: %s tCO2e emitted, %s t below the target path (%s t).":                                                                                                                            "Sur la trajectoire en %v : %s tCO2e émises, %s t sous la trajectoire cible (%s t).",
	"In %v the plan lands at %s tCO2e against a target of %s t: %s t (%s) above it, still to cut with more levers.":                                                                                   "En %v, le plan aboutit à %s tCO2e pour une cible de %s t : %s t (%s) au-dessus, à réduire encore par d’autres leviers.",
	"In %v the plan lands at %s tCO2e against a target of %s t: %s t (%s) below it, but only thanks to the activities that ended; without them the target would be %s t.":                             "En %v, le plan aboutit à %s tCO2e pour une cible de %s t : %s t (%s) en dessous, mais seulement grâce aux activités arrêtées ; sans elles, la cible serait de %s t.",
	"In %v the plan lands at %s tCO2e against a target of %s t: %s t (%s) below it.":                                                                                                                  "En %v, le plan aboutit à %s tCO2e pour une cible de %s t : %s t (%s) en dessous.",
}
