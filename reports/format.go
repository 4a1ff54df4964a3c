package reports

import (
	"strconv"
	"strings"
)

// Tonnes formats tCO2e as every output writes them in text: one decimal, thousands separated
// by commas.
func Tonnes(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String() + "." + frac
	}
	return b.String() + "." + frac
}

// t is Tonnes, for the many figures of the page's text.
func t(v float64) string { return Tonnes(v) }

// Scope3CategoryNames are the GHG Protocol's names of the 15 Scope 3 categories.
var Scope3CategoryNames = [16]string{"",
	"Purchased goods and services", "Capital goods", "Fuel- and energy-related activities",
	"Upstream transportation and distribution", "Waste generated in operations", "Business travel",
	"Employee commuting", "Upstream leased assets", "Downstream transportation and distribution",
	"Processing of sold products", "Use of sold products", "End-of-life treatment of sold products",
	"Downstream leased assets", "Franchises", "Investments"}
