package lang

// frenchCommands translates the commands' output and messages.
var frenchCommands = map[string]string{
	"%v: %s tCO2e market-based, %s tCO2e location-based (Scope 1 %s, Scope 2 market %s, Scope 3 %s).": "%v : %s tCO2e selon le marché, %s tCO2e selon la localisation (scope 1 %s, scope 2 marché %s, scope 3 %s).",
	"No emissions computed: no activity row was used.":                                                "Aucune émission calculée : aucune ligne d’activité n’a été utilisée.",
	"%v: no data.":                                     "%v : pas de données.",
	"%v: plan %s, target %s, gap %s tCO2e.":            "%v : plan %s, cible %s, écart %s tCO2e.",
	"can be claimed":                                   "peut être revendiquée",
	"cannot be claimed (%d reason(s), see the report)": "ne peut pas être revendiquée (%d raison(s), voir le rapport)",
	"residual unknown (no data)":                       "émissions résiduelles inconnues (pas de données)",
	"residual %s tCO2e":                                "émissions résiduelles %s tCO2e",
	"%v: a contribution to carbon neutrality %s; %s, retired credits and own removals %s tCO2e.": "%v : une contribution à la neutralité carbone %s ; %s, crédits retirés et absorptions propres %s tCO2e.",
	"Wrote %s and %s": "Écrit : %s et %s",
	"Rows: %d read, %d used, %d rejected; %d error(s), %d warning(s).": "Lignes : %d lues, %d utilisées, %d rejetées ; %d erreur(s), %d avertissement(s).",
}
