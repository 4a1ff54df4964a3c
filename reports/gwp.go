package reports

import (
	"sort"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
)

// GWPShare is the part of a year's total that rests on one GWP basis.
type GWPShare struct {
	Basis string  // AR6, AR5, AR4 or emissions.GWPUnspecified
	TCO2e float64 // of the total that the Scope 2 method selects
	Pct   float64 // of that total; 0 when the total is 0
}

// gwpOrder is the order bases are shown in: the newest set first, no stated basis last.
var gwpOrder = []string{"AR6", "AR5", "AR4", emissions.GWPUnspecified}

// GWPShares breaks a year's total (by_gwp) down by basis, in gwpOrder, leaving out bases with
// nothing on them.
func GWPShares(y emissions.YearTotals, method string) []GWPShare {
	total := y.Total(method)
	var out []GWPShare
	seen := map[string]bool{}
	add := func(b string) {
		v, ok := y.ByGWP[b]
		if !ok || seen[b] {
			return
		}
		seen[b] = true
		s := GWPShare{Basis: b, TCO2e: v}
		if total != 0 {
			s.Pct = v / total * 100
		}
		out = append(out, s)
	}
	for _, b := range gwpOrder {
		add(b)
	}
	var other []string // a basis not in gwpOrder (none today): after the others, sorted
	for b := range y.ByGWP {
		if !seen[b] {
			other = append(other, b)
		}
	}
	sort.Strings(other)
	for _, b := range other {
		add(b)
	}
	return out
}

// GWPBasisLabel names a basis in a sentence.
func GWPBasisLabel(b string) string {
	if b == emissions.GWPUnspecified {
		return lang.Key("no stated GWP basis")
	}
	return b
}

// GWPBasisLabelIn is GWPBasisLabel in language l.
func GWPBasisLabelIn(l lang.Lang, b string) string {
	if b == emissions.GWPUnspecified {
		return l.T(GWPBasisLabel(b))
	}
	return b
}

// GWPBasisSentence says, in l, how much of a year's total rests on each basis: "97.2 % of
// 2024 rests on AR6, 2.1 % on AR5, 0.7 % on no stated GWP basis (already-computed rows, custom
// factors without gwp, instruments, residual mixes)", its figures as l writes them (the text
// and HTML outputs both show it). "" when the year has no emissions.
func GWPBasisSentence(l lang.Lang, y emissions.YearTotals, method string) string {
	shares := GWPShares(y, method)
	if len(shares) == 0 || y.Total(method) == 0 {
		return ""
	}
	parts := make([]string, 0, len(shares))
	unspecified := false
	for i, s := range shares {
		p := l.T("%s %% on %s", l.Num(s.Pct, 1), GWPBasisLabelIn(l, s.Basis))
		if i == 0 {
			p = l.T("%s %% of %v rests on %s", l.Num(s.Pct, 1), lang.Year(y.Year), GWPBasisLabelIn(l, s.Basis))
		}
		parts = append(parts, p)
		unspecified = unspecified || s.Basis == emissions.GWPUnspecified
	}
	out := strings.Join(parts, ", ")
	if unspecified {
		out = l.T("%s (already-computed rows, custom factors without gwp, instruments, residual mixes)", out)
	}
	return l.T("%s. Factors split by gas are recomputed on the configured set; the others keep their source's basis.", out)
}
