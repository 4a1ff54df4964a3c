package excel

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/footprint/footprint/emissions/disclose"
	"github.com/footprint/footprint/factors"
)

// The BEGES sheets: the French regulatory GHG report (article L229-25 of the code de
// l'environnement, method version 5, July 2022) in the layout of the ADEME platform's summary
// table — 6 categories, 22 postes, the gases apart, biogenic CO2 and the uncertainty per poste —
// for the reporting year and the base year; category 2 on the location-based method, as the
// regulation asks. Its transition plan, the trajectory's levers, is the sheet "BEGES plan
// d'action".

const (
	sheetBeges     = "BEGES"
	sheetBegesPlan = "BEGES plan d'action"
)

// begesYears are the years the BEGES sheet shows: the reporting year, then the base year.
func (x *exporter) begesYears() []*disclose.BegesYear {
	reg := x.e.EnergyTables
	var out []*disclose.BegesYear
	if b := reg.BegesOf(x.e.ReportingYear); b != nil {
		out = append(out, b)
	}
	if x.e.Trajectory != nil && x.e.Trajectory.BaseYear != x.e.ReportingYear {
		if b := reg.BegesOf(x.e.Trajectory.BaseYear); b != nil {
			out = append(out, b)
		}
	}
	return out
}

func (x *exporter) writeBeges() error {
	years := x.begesYears()
	// Per year: 6 categories with their postes and a subtotal each, the total, and the
	// emissions outside the scopes.
	perYear := len(factors.BegesPostes) + len(factors.BegesCategories) + 2
	rows := perYear * len(years)
	for _, by := range years {
		rows += len(x.begesGWPRows(by.Year))
	}
	t := table{sheet: sheetBeges, rows: rows,
		title: "BEGES — Bilan des émissions de gaz à effet de serre (méthode v5)" + yearLabel(",", x.e.ReportingYear) + " — " + x.e.Site,
		note:  "tCO2e (PRG " + x.e.GWP + "); CO2 biogénique en tCO2, hors total. Catégorie 2 selon la localisation (moyenne du réseau), comme l’exige la réglementation. Incertitude : demi-largeur de l’intervalle à 95 % (incertitudes des facteurs, combinées en somme quadratique). « Non décomposé » : émissions dont la source ne publie pas la répartition par gaz (amont, transport, achats). « Base PRG » : part du total reposant sur chaque jeu de PRG (facteurs décomposés par gaz recalculés sur le jeu configuré, les autres sur celui de leur source).",
		cols: []column{
			{header: "Année", width: 8, style: x.st.integer},
			{header: "Catégorie d’émissions", width: 40},
			{header: "N°", width: 6},
			{header: "Poste d’émissions", width: 55},
			{header: "CO2 (tCO2e)", width: 12, style: x.st.tonnes},
			{header: "CH4 (tCO2e)", width: 12, style: x.st.tonnes},
			{header: "N2O (tCO2e)", width: 12, style: x.st.tonnes},
			{header: "HFC (tCO2e)", width: 12, style: x.st.tonnes},
			{header: "PFC (tCO2e)", width: 12, style: x.st.tonnes},
			{header: "SF6 (tCO2e)", width: 12, style: x.st.tonnes},
			{header: "NF3 (tCO2e)", width: 12, style: x.st.tonnes},
			{header: "Autres gaz (tCO2e)", width: 12, style: x.st.tonnes},
			{header: "Non décomposé (tCO2e)", width: 13, style: x.st.tonnes},
			{header: "Total (tCO2e)", width: 13, style: x.st.tonnes},
			{header: "CO2 biogénique (tCO2)", width: 13, style: x.st.tonnes},
			{header: "Incertitude (%)", width: 11, style: x.st.percent},
			{header: "Incertitude (tCO2e)", width: 12, style: x.st.tonnes},
		}}
	return x.stream(t, func(add func(...any) error) error {
		for _, by := range years {
			cat := 0
			var sub disclose.BegesPoste
			subVar := 0.0
			flush := func() error {
				u := 0.0
				if sub.Total > 0 {
					u = math.Sqrt(subVar) / sub.Total
				}
				return add(by.Year, cell{StyleID: x.st.totalLabel, Value: apostrophes(factors.BegesCategories[cat-1])}, fmt.Sprint(cat),
					cell{StyleID: x.st.totalLabel, Value: fmt.Sprintf("Sous-total catégorie %d", cat)},
					sub.CO2, sub.CH4, sub.N2O, sub.HFC, sub.PFC, sub.SF6, sub.NF3, sub.Other, sub.Unsplit,
					cell{StyleID: x.st.totalTonnes, Value: sub.Total}, sub.BiogenicCO2, u, math.Sqrt(subVar))
			}
			for i, pl := range factors.BegesPostes {
				c := int(pl.Poste[0] - '0')
				if c != cat {
					if cat != 0 {
						if err := flush(); err != nil {
							return err
						}
					}
					cat, sub, subVar = c, disclose.BegesPoste{}, 0
				}
				p := by.Postes[i]
				abs := p.Total * p.UncertaintyPct / 100
				addPoste(&sub, p)
				subVar += abs * abs
				if err := add(by.Year, apostrophes(factors.BegesCategories[c-1]), pl.Poste, apostrophes(pl.Label),
					p.CO2, p.CH4, p.N2O, p.HFC, p.PFC, p.SF6, p.NF3, p.Other, p.Unsplit, p.Total, p.BiogenicCO2,
					p.UncertaintyPct/100, abs); err != nil {
					return err
				}
			}
			if err := flush(); err != nil {
				return err
			}
			var tot disclose.BegesPoste
			for _, p := range by.Postes {
				addPoste(&tot, p)
			}
			if err := add(by.Year, cell{StyleID: x.st.totalLabel, Value: "Total"}, nil, cell{StyleID: x.st.totalLabel, Value: "Total des 22 postes (= inventaire, scope 2 selon la localisation)"},
				tot.CO2, tot.CH4, tot.N2O, tot.HFC, tot.PFC, tot.SF6, tot.NF3, tot.Other, tot.Unsplit,
				cell{StyleID: x.st.totalTonnes, Value: by.Total}, tot.BiogenicCO2, by.UncertaintyPct/100, by.Total*by.UncertaintyPct/100); err != nil {
				return err
			}
			if err := add(by.Year, "Hors périmètre", nil, "Gaz hors panier de Kyoto (HCFC, ex. R-22) : fuites déclarées à part, hors total",
				nil, nil, nil, nil, nil, nil, nil, by.Outside, nil, nil, nil, nil, nil); err != nil {
				return err
			}
			for _, r := range x.begesGWPRows(by.Year) {
				if err := add(r...); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// apostrophes writes the BEGES method's labels (factors.BegesCategories, BegesPostes: "liées
// à la consommation d'électricité") with the typographic apostrophe the sheets' own texts use.
func apostrophes(s string) string { return strings.ReplaceAll(s, "'", "’") }

// planRow is one action of the transition plan.
type planRow struct {
	name, postes, activities, cost string
	reduction                      float64
	start, full                    int
	atReporting, atTarget          float64
	costPer                        any
	costTotal                      any
}

func (x *exporter) planRows() []planRow {
	tr := x.e.Trajectory
	if tr == nil {
		return nil
	}
	var out []planRow
	for _, lr := range tr.Levers {
		lv := lr.Lever
		postes := map[string]bool{}
		for _, id := range lr.Matched {
			if f, _, ok := x.e.Library.Lookup(id, x.e.ReportingYear); ok {
				postes[posteOf(f)] = true
			}
		}
		ps := make([]string, 0, len(postes))
		for p := range postes {
			ps = append(ps, p)
		}
		sort.Strings(ps)
		r := planRow{name: lv.Name, postes: strings.Join(ps, ", "), activities: strings.Join(lr.Matched, ", "),
			reduction: lv.ReductionPct / 100, start: lv.StartYear, full: lv.FullYear,
			atReporting: lr.Abatement[x.e.ReportingYear], atTarget: lr.Abatement[tr.TargetYear]}
		if lv.CostEURPerTCO2 != nil {
			r.costPer = *lv.CostEURPerTCO2
			r.costTotal = *lv.CostEURPerTCO2 * r.atTarget
		}
		out = append(out, r)
	}
	return out
}

// posteOf is a factor's BEGES poste, or that of its scope and category (custom factors).
func posteOf(f factors.Factor) string {
	if f.BegesPoste != "" {
		return f.BegesPoste
	}
	return factors.BegesOfScope(f.Scope, f.Category)
}

func (x *exporter) writeBegesPlan() error {
	rows := x.planRows()
	target := 0
	if x.e.Trajectory != nil {
		target = x.e.Trajectory.TargetYear
	}
	t := table{sheet: sheetBegesPlan, rows: len(rows),
		title: "BEGES — Plan de transition (actions de réduction)" + yearLabel(",", x.e.ReportingYear),
		note:  "Les leviers du plan (config trajectory.levers) : postes BEGES concernés, réduction visée des émissions de leurs activités, calendrier, réduction attendue (tCO2e, nette des émissions ajoutées par la substitution) et coût. Volume global de réduction attendu : somme de la colonne de l’année cible.",
		cols: []column{
			{header: "Action", width: 40},
			{header: "Postes BEGES concernés", width: 14},
			{header: "Activités", width: 40},
			{header: "Réduction visée des activités concernées (%)", width: 14, style: x.st.percent},
			{header: "Début", width: 8, style: x.st.integer},
			{header: "Plein effet", width: 8, style: x.st.integer},
			{header: fmt.Sprintf("Réduction en %d (tCO2e)", x.e.ReportingYear), width: 14, style: x.st.tonnes},
			{header: fmt.Sprintf("Réduction attendue en %d (tCO2e)", target), width: 14, style: x.st.tonnes},
			{header: "Coût (EUR/tCO2e)", width: 12, style: x.st.count},
			{header: fmt.Sprintf("Coût estimé en %d (EUR)", target), width: 14, style: x.st.count},
		}}
	return x.stream(t, func(add func(...any) error) error {
		for _, r := range rows {
			if err := add(r.name, r.postes, r.activities, r.reduction, r.start, r.full, r.atReporting, r.atTarget, r.costPer, r.costTotal); err != nil {
				return err
			}
		}
		return nil
	})
}

// addPoste adds p's figures to a (a subtotal): gases, total and biogenic CO2.
func addPoste(a *disclose.BegesPoste, p disclose.BegesPoste) {
	a.CO2 += p.CO2
	a.CH4 += p.CH4
	a.N2O += p.N2O
	a.HFC += p.HFC
	a.PFC += p.PFC
	a.SF6 += p.SF6
	a.NF3 += p.NF3
	a.Other += p.Other
	a.Unsplit += p.Unsplit
	a.Total += p.Total
	a.BiogenicCO2 += p.BiogenicCO2
}
