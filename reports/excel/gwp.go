package excel

import (
	"fmt"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// The GWP basis blocks of the E1-6 and BEGES sheets: how many tonnes of the total rest on each
// GWP set. Factors split by gas are recomputed on the configured set; the others keep the basis
// their source states (docs/factors.md), so a total may rest on several.

// gwpBases are the bases the blocks show, in this order.
var gwpBases = []string{"AR6", "AR5", "AR4", emissions.GWPUnspecified}

// gwpRows are the E1-6 rows of the block: the total of the trajectory's Scope 2 method by basis.
func (x *exporter) gwpRows() []e16Row {
	l := x.e.Lang
	rows := []e16Row{{label: l.T("GWP basis of the total (%s)", reports.MethodLabelIn(l, x.e.Scope2Method)), kind: e16Section}}
	for i, b := range gwpBases {
		basis := reports.GWPBasisLabel(b)
		if b == emissions.GWPUnspecified {
			basis = l.T("no stated GWP basis")
		}
		r := e16Row{label: l.T("Resting on %s (tCO2eq)", basis),
			get: func(t *emissions.YearTotals) (float64, bool) {
				if t.ByGWP == nil {
					return 0, false
				}
				return t.ByGWP[b], true
			}}
		if i == 0 {
			r.note = l.T("configured set %s: factors split by gas are recomputed on it; the others keep the basis their source states; the rows add up to the total", x.e.GWP)
		}
		if b == emissions.GWPUnspecified {
			r.note = l.T("already-computed rows, custom factors without gwp, contractual instruments, residual mixes")
		}
		rows = append(rows, r)
	}
	return rows
}

// begesGWPRows are the BEGES sheet's rows of the block for one year: the inventory (Scope 2
// location-based, as the regulation asks) by basis, in the Total column.
func (x *exporter) begesGWPRows(year int) [][]any {
	t := x.byYear[year]
	if t == nil || t.ByGWP == nil {
		return nil
	}
	var out [][]any
	for _, s := range reports.GWPShares(*t, emissions.MethodLocation) {
		// The BEGES sheets are French in every language: French numbers too (68,8 %).
		label := fmt.Sprintf("Base PRG : %s (%s du total selon la localisation)", begesGWPLabel(s.Basis), lang.French.Pct(s.Pct, 1))
		out = append(out, []any{year, "Base PRG", nil, label, nil, nil, nil, nil, nil, nil, nil, nil, nil, s.TCO2e, nil, nil, nil})
	}
	return out
}

func begesGWPLabel(b string) string {
	if b == emissions.GWPUnspecified {
		return "non précisée (émissions déjà calculées, facteurs personnalisés sans PRG, instruments, mix résiduel)"
	}
	return b
}
