package lang

// frenchExcel translates the Excel export: sheet names, column titles and notes. Sheet names
// stay within Excel's 31 characters, without : \ / ? * [ ]. Summary, Intensity and Restatement
// are the report's words (fr_report.go).
var frenchExcel = map[string]string{
	// Sheet names.
	"Breakdown":    "Ventilation",
	"Trajectory":   "Trajectoire",
	"Lines":        "Lignes",
	"Factors":      "Facteurs",
	"Problems":     "Problèmes",
	"Avoided":      "Émissions évitées",
	"Claim":        "Revendication",
	"Entities":     "Entités",
	"Refrigerants": "Fluides frigorigènes",
	"Uncertainty":  "Incertitude",
	"Changes":      "Variations",
}
