package reports

import (
	"github.com/footprint/footprint/emissions/analysis"
	"github.com/footprint/footprint/emissions/plan"
)

// Analysis holds the figures of docs/methodology.md#analyses-beside-the-inventory that are shown apart from the inventory: avoided
// emissions (never subtracted from anything) and intensities with their targets. The command
// computes them; the report, the export and `calc --json` only format them.
type Analysis struct {
	Avoided        []analysis.AvoidedActivity
	Denominators   []analysis.Denominator
	Intensities    map[int]map[string]float64 // year → denominator name → tCO2e per unit
	IntensityPaths []analysis.IntensityPath
	// Restatement is each year's total as reported and restated; nil unless restatement was
	// asked for (--restate).
	Restatement []plan.Restatement
}

// RestatementNote says how the restatement is computed, wherever it is shown.
const RestatementNote = "Each year is recomputed with the latest published dataset version of its own factor vintages (a vintage revised in a later edition); a newer year's factor is never applied to an older year. As reported: the versions published by the end of the year after each year, when its inventory was reported."
