package text

import (
	"fmt"
	"io"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
	"github.com/footprint/footprint/workbook"
)

// shownProblems is how many problems calc and report print before pointing at validate.
const shownProblems = 10

// WriteProblemSummary prints the first problems and points at `validate` for the rest, in
// the language l; nothing when there are none.
func WriteProblemSummary(w io.Writer, l lang.Lang, ps []emissions.Problem) {
	if len(ps) == 0 {
		return
	}
	fmt.Fprintln(w, l.T("%d problem(s):", lang.Plain(len(ps))))
	if len(ps) > shownProblems {
		WriteProblems(w, l, ps[:shownProblems])
		fmt.Fprintln(w, l.T("… and %d more: `footprint validate` lists them all.", lang.Plain(len(ps)-shownProblems)))
		return
	}
	WriteProblems(w, l, ps)
}

// WriteNotices prints the notices, one a line, as every command's first lines: the demo, a
// missing target, what the figures leave out.
func WriteNotices(w io.Writer, l lang.Lang, ns []reports.Notice) {
	for _, n := range ns {
		fmt.Fprintln(w, l.T("%s: %s", n.Title, n.Message))
	}
}

// WriteReportSummary prints the notices first, then the reporting year's totals, the target year's gap, the claim,
// where the page and the export went, and the rows.
func WriteReportSummary(w io.Writer, r reports.Report, page, export string) {
	WriteNotices(w, r.Lang, r.Notices)
	l := r.Lang
	t := func(v float64) string { return l.Localize(reports.Tonnes(v)) }
	found := false
	for _, y := range r.Years {
		if y.Year == r.ReportingYear {
			found = true
			fmt.Fprintln(w, l.T("%v: %s tCO2e market-based, %s tCO2e location-based (Scope 1 %s, Scope 2 market %s, Scope 3 %s).",
				lang.Year(y.Year), t(y.TotalMarket), t(y.TotalLocation), t(y.Scope1), t(y.Scope2Market), t(y.Scope3)))
		}
	}
	switch {
	case len(r.Years) == 0:
		fmt.Fprintln(w, l.T("No emissions computed: no activity row was used."))
	case !found:
		fmt.Fprintln(w, l.T("%v: no data.", lang.Year(r.ReportingYear)))
	}
	if tr := r.Trajectory; tr != nil {
		for _, y := range tr.Years {
			if y.Year == tr.TargetYear && y.Gap != nil {
				fmt.Fprintln(w, l.T("%v: plan %s, target %s, gap %s tCO2e.", lang.Year(y.Year), t(*y.Plan), t(*y.Target), t(*y.Gap)))
			}
		}
	}
	if cy, ok := r.Claim.Check.Year(r.ReportingYear); ok {
		verdict := l.T("can be claimed")
		if !cy.OK {
			verdict = l.T("cannot be claimed (%d reason(s), see the report)", lang.Plain(len(cy.Reasons)))
		}
		residual := l.T("residual unknown (no data)")
		if cy.Residual != nil {
			residual = l.T("residual %s tCO2e", t(*cy.Residual))
		}
		fmt.Fprintln(w, l.T("%v: a contribution to carbon neutrality %s; %s, retired credits and own removals %s tCO2e.",
			lang.Year(cy.Year), verdict, residual, t(cy.CreditsRetired+cy.RemovalsOwn)))
	}
	fmt.Fprintln(w, l.T("Wrote %s and %s", reports.Printable(page), reports.Printable(export)))
	fmt.Fprintln(w, l.T("Rows: %d read, %d used, %d rejected; %d error(s), %d warning(s).",
		lang.Plain(r.Rows.Read), lang.Plain(r.Rows.Used), lang.Plain(r.Rows.Rejected), lang.Plain(r.Errors), lang.Plain(r.Warnings)))
}

// WriteAnnotated prints what annotate wrote: the copy, its activity sheets and its rows.
func WriteAnnotated(w io.Writer, l lang.Lang, path string, sheets int, n workbook.Annotated) {
	fmt.Fprintln(w, l.T("Wrote %s: %d activity sheet(s), %d row(s) annotated (%d used, %d rejected with their problem).",
		path, lang.Plain(sheets), lang.Plain(n.Used+n.Rejected), lang.Plain(n.Used), lang.Plain(n.Rejected)))
}
