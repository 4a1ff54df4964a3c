package excel

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// Sheet names of the neutrality claim (docs/user-guide.md#the-excel-export, docs/regulatory.md#esrs-e1-7-removals-and-credits).
var (
	sheetClaim = lang.Key("Claim")
	sheetE17   = "ESRS E1-7"
)

func (x *exporter) claimSheets() []string {
	if x.e.Claim.Check == nil {
		return nil
	}
	return []string{sheetClaim, sheetE17}
}

// claimContents describes the claim sheets for the Summary's table of contents.
func (x *exporter) claimContents() [][2]string {
	if x.e.Claim.Check == nil {
		return nil
	}
	l := x.e.Lang
	return [][2]string{
		{sheetClaim, l.T("Per year: gross emissions, the reduction from the base year and its parts, the residual and the claim check with its reasons")},
		{sheetE17, l.T("ESRS E1-7: removals in own operations and carbon credits by status, a ledger never netted into the inventory")},
	}
}

func (x *exporter) claimSteps() []exportStep {
	if x.e.Claim.Check == nil {
		return nil
	}
	return []exportStep{{sheetClaim, x.writeClaim}, {sheetE17, x.writeE17}}
}

// writeClaim lists per trajectory year the gross emissions as reported and recalculated, the
// reduction from the base year and its parts, and the claim check with its reasons.
func (x *exporter) writeClaim() error {
	l := x.e.Lang
	tr, c := x.e.Trajectory, x.e.Claim
	red := map[int]plan.Reduction{}
	for _, r := range c.Reductions {
		red[r.Year] = r
	}
	b := tr.Base
	note := l.T("Claim boundary: %s. Base year %v as reported %s tCO2e, recalculated %s tCO2e (%s).",
		l.Localize(reports.BoundaryText(l, c.Check.Boundary)), lang.Year(b.Year), l.Tonnes(b.Reported), l.Tonnes(b.Recalculated), map[bool]string{true: l.T("recalculation applied"), false: l.T("not recalculated")}[b.Applied])
	if ex := c.Check.Excluded; ex.Significant {
		note += " " + l.T("The boundary leaves out %s tCO2e of Scope 3 in %v (%s %% of the total): significant.", l.Tonnes(ex.TCO2e), lang.Year(ex.Year), l.Num(100*ex.Share, 0))
	}
	note += " " + l.T("Credits are never subtracted from emissions; only retired credits and own removals count toward the claim.")
	tt := table{sheet: sheetClaim, rows: len(tr.Years), title: l.T("%s — claim check per year", l.T(reports.ClaimLabel)), note: note,
		cols: []column{
			{header: l.T("Year"), width: 8, style: x.st.integer},
			{header: l.T("Gross emissions, tCO2e (trajectory boundary)"), width: 16, style: x.st.tonnes},
			{header: l.T("Gross as reported, tCO2e"), width: 16, style: x.st.tonnes},
			{header: l.T("Target, tCO2e"), width: 14, style: x.st.tonnes},
			{header: l.T("Target without discontinued activities, tCO2e"), width: 18, style: x.st.tonnes},
			{header: l.T("Reduction from base year, tCO2e"), width: 16, style: x.st.tonnes},
			{header: l.T("of which abatement and growth"), width: 16, style: x.st.tonnes},
			{header: l.T("of which emission factors"), width: 14, style: x.st.tonnes},
			{header: l.T("of which contractual instruments"), width: 14, style: x.st.tonnes},
			{header: l.T("of which discontinued activities"), width: 16, style: x.st.tonnes},
			{header: l.T("Residual in claim boundary, tCO2e"), width: 16, style: x.st.tonnes},
			{header: l.T("Residual, 95 %% upper bound, tCO2e"), width: 16, style: x.st.tonnes},
			{header: l.T("Retired credits, tCO2e"), width: 14, style: x.st.tonnes},
			{header: l.T("Own removals, tCO2e"), width: 14, style: x.st.tonnes},
			{header: l.T("Planned or contracted credits (not counted), tCO2e"), width: 18, style: x.st.tonnes},
			{header: l.T("Claim"), width: 10},
			{header: l.T("Reasons"), width: 100},
		}}
	return x.stream(tt, func(add func(...any) error) error {
		for _, y := range tr.Years {
			gross := y.Actual
			if gross == nil {
				gross = y.Plan
			}
			vals := []any{y.Year, optional(gross), optional(y.ActualReported), optional(y.Target), optional(y.TargetWithoutDiscontinued)}
			if r, ok := red[y.Year]; ok {
				vals = append(vals, r.Total, r.Abatement, r.Factors, r.Instruments, r.Discontinued)
			} else {
				vals = append(vals, nil, nil, nil, nil, nil)
			}
			cy, _ := c.Check.Year(y.Year)
			var reasons []string
			for _, r := range cy.Reasons {
				reasons = append(reasons, reports.ClaimReasonText(l, c.Check, cy, r))
			}
			vals = append(vals, optional(cy.Residual), optional(cy.ResidualHigh), cy.CreditsRetired, cy.RemovalsOwn, cy.CreditsPlanned, l.T(reports.ClaimVerdict(cy)), blankIfEmpty(strings.Join(reasons, l.T("; "))))
			if err := add(vals...); err != nil {
				return err
			}
		}
		return nil
	})
}

// e17Row is one row of the ESRS E1-7 table.
type e17Row struct {
	section, kind, standard, vintage, ca string
	tco2e                                float64
}

// writeE17 is the ESRS E1-7 table, from the credits ledger and own removals, never netted
// into E1-6:
//   - ESRS E1 §56 (a): GHG removals and storage from projects in own operations or the
//     upstream and downstream value chain; §56 (b): reductions or removals from mitigation
//     projects outside the value chain financed through carbon credits;
//   - §59 (a) and (b): carbon credits outside the value chain verified against recognised
//     quality standards and cancelled in the reporting period, and planned to be cancelled in
//     the future, and whether they rest on existing contractual agreements;
//   - AR 62: shares by volume of reduction and of removal projects, of each recognised quality
//     standard, of projects in the EU, and of credits that qualify as corresponding
//     adjustments under Article 6 of the Paris Agreement, and for removals whether the sinks
//     are biogenic or technological. The rows by type, standard and corresponding adjustment
//     give the volumes the first, second and fourth shares follow from; the ledger holds no
//     project location or sink type, so the other two are not here;
//   - AR 63: recognised quality standards; no credits from projects in the value chain; credits
//     never offset E1-6 emissions nor count toward E1-4 targets; credits to be cancelled in
//     the future are the sum over existing contractual agreements.
//
// Vintage is a breakdown of ours: neither AR 62 nor AR 63 asks for it.
//
// Credits are grouped by type, standard, vintage and corresponding adjustment. A credit is
// cancelled in the reporting year when it is retired and its retirement_date (else its year)
// falls in that year; one retired later is listed apart under §59 b; the credits not yet
// retired follow, contracted ones apart from those only planned. One retired before the
// reporting year was cancelled in an earlier period and belongs to that period's E1-7.
func (x *exporter) writeE17() error {
	l := x.e.Lang
	y := x.e.ReportingYear
	var rows []e17Row
	for _, r := range x.e.Claim.Removals {
		if r.Year == y {
			rows = append(rows, e17Row{section: l.T("Removals in own operations and value chain (E1-7 §56 a)"), kind: l.T("removal"), standard: reports.OrDash(r.Method), vintage: strconv.Itoa(r.Year), ca: reports.EmDash, tco2e: r.TCO2e})
		}
	}
	group := func(section string, keep func(plan.Credit) bool) {
		sums := map[e17Row]float64{}
		for _, c := range x.e.Claim.Credits {
			if !keep(c) {
				continue
			}
			k := e17Row{section: section, kind: creditKind(l, c.Kind), standard: reports.OrDash(c.Standard), vintage: reports.IntOrDash(c.Vintage), ca: l.T("no")}
			if c.CorrespondingAdjustment {
				k.ca = l.T("yes")
			}
			sums[k] += c.TCO2e
		}
		var keys []e17Row
		for k := range sums {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b e17Row) int {
			return cmp.Or(cmp.Compare(a.kind, b.kind), cmp.Compare(a.standard, b.standard), cmp.Compare(a.vintage, b.vintage), cmp.Compare(a.ca, b.ca))
		})
		for _, k := range keys {
			k.tco2e = sums[k]
			rows = append(rows, k)
		}
	}
	group(l.T("Carbon credits cancelled in %v (E1-7 §59 a)", lang.Year(y)), func(c plan.Credit) bool { return c.Retired() && retiredIn(c) == y })
	// A credit retired after the reporting year (for its emissions, before the report is
	// published) was not cancelled in the reporting period; at its end it was still to be
	// cancelled: §59 b, on a row of its own so it is not lost between the two.
	group(l.T("Carbon credits cancelled after %v, before this report (E1-7 §59 b)", lang.Year(y)), func(c plan.Credit) bool { return c.Retired() && retiredIn(c) > y })
	// §59 (b) asks whether future cancellations rest on existing contractual agreements, and
	// AR 63 sums only those: contracted and merely planned credits are on rows of their own.
	group(l.T("Carbon credits planned to be cancelled, under existing contracts (E1-7 §59 b)"), func(c plan.Credit) bool {
		return c.StatusOrDefault() == plan.CreditContracted
	})
	group(l.T("Carbon credits planned to be cancelled, not under contract (E1-7 §59 b)"), func(c plan.Credit) bool {
		return c.StatusOrDefault() == plan.CreditPlanned
	})
	t := table{sheet: sheetE17, rows: len(rows), title: l.T("ESRS E1-7 — GHG removals and carbon credits, %v", lang.Year(y)),
		note: l.T("From the credits ledger and own removals (trajectory.neutrality in the configuration). Not netted into the gross emissions of ESRS E1-6 or into any target. Corresponding adjustment: the host country adjusts its accounts (Paris Agreement Article 6)."),
		cols: []column{
			{header: l.T("Section"), width: 52},
			{header: l.T("Type (reduction or removal)"), width: 14},
			{header: l.T("Standard or method"), width: 34},
			{header: l.T("Vintage"), width: 9, style: x.st.integer},
			{header: l.T("Corresponding adjustment"), width: 14},
			{header: l.T("tCO2e"), width: 14, style: x.st.tonnes},
		}}
	return x.stream(t, func(add func(...any) error) error {
		for _, r := range rows {
			// The vintage is a year, written as a number; "—" where the ledger gives none.
			var vintage any = r.vintage
			if n, err := strconv.Atoi(r.vintage); err == nil {
				vintage = cell{StyleID: x.st.integer, Value: n}
			}
			if err := add(r.section, r.kind, r.standard, vintage, r.ca, r.tco2e); err != nil {
				return err
			}
		}
		return nil
	})
}

// retiredIn is the year a retired credit was cancelled: its retirement date's year, else the
// year it is assigned to.
func retiredIn(c plan.Credit) int {
	if len(c.RetirementDate) >= 4 {
		if y, err := strconv.Atoi(c.RetirementDate[:4]); err == nil {
			return y
		}
	}
	return c.Year
}

// creditKind is a credit's kind (config trajectory.neutrality.credits[].kind: reduction or
// removal) as language l writes it; another kind as config gives it, a dash for none.
func creditKind(l lang.Lang, kind string) string {
	switch kind {
	case plan.CreditReduction:
		return l.T("reduction")
	case plan.CreditRemoval:
		return l.T("removal")
	}
	return reports.OrDash(kind)
}
