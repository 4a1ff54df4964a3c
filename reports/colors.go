package reports

// The colours of the charts, as #rrggbb: the HTML report and the Excel export both draw with
// them, so a scope or a trajectory line reads the same on screen, on paper and in Excel.

// ScopeColor is the colour of Scope s (1 to 3) in every chart and table swatch: Scope 3 is the
// same blue everywhere. Another s has none ("").
func ScopeColor(s int) string {
	switch s {
	case 1:
		return "#b23a48"
	case 2:
		return "#e8a33d"
	case 3:
		return "#3f7cac"
	}
	return ""
}

// The trajectory's lines and bars.
const (
	ColorTarget  = "#1b1b1b"
	ColorBAU     = "#8a8a8a"
	ColorPlan    = "#2e7d32"
	ColorCredits = "#5fb49c"
	// ColorActual is the actual emissions drawn as one line (the summary's chart), where the
	// trajectory's bars split them by scope.
	ColorActual = "#5b6673"
)
