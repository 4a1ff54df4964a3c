package text

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// WriteInventoryTable prints the inventory as people read it in a terminal: one line per year
// with the scopes and both totals, then the reporting year's breakdowns.
func WriteInventoryTable(w io.Writer, r reports.Report) error {
	l := r.Lang
	t := func(v float64) string { return l.Localize(reports.Tonnes(v)) }
	opt := func(v *float64) string {
		if v == nil {
			return "–"
		}
		return t(*v)
	}
	row := func(tw io.Writer, cells ...string) { fmt.Fprint(tw, strings.Join(cells, "\t")+"\t\n") }
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	row(tw, l.T("Year"), "Scope 1", l.T("Scope 2 location"), l.T("Scope 2 market"), "Scope 3", l.T("Total location"), l.T("Total market"), l.T("Biogenic CO2"))
	for _, y := range r.Years {
		row(tw, strconv.Itoa(y.Year), t(y.Scope1), t(y.Scope2Location), t(y.Scope2Market),
			t(y.Scope3), t(y.TotalLocation), t(y.TotalMarket), t(y.BiogenicCO2))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, l.T("tCO2e, GWP %s.", r.GWP))
	method := r.Scope2Method
	based := reports.MethodLabelIn(l, method)
	for _, y := range r.Years {
		if y.Year != r.ReportingYear {
			continue
		}
		year := lang.Year(y.Year)
		fmt.Fprint(w, "\n"+l.T("%v, Scope 3 by category (tCO2e):", year)+"\n")
		writeShares(w, l, ranked(l, categoryNames(l, y.Scope3Categories), 0), y.Scope3)
		total := y.Total(method)
		fmt.Fprint(w, "\n"+l.T("%v, by pole (%s, tCO2e):", year, based)+"\n")
		writeShares(w, l, ranked(l, y.ByPole, maxNames), total)
		fmt.Fprint(w, "\n"+l.T("%v, by site (%s, tCO2e):", year, based)+"\n")
		writeShares(w, l, ranked(l, y.BySite, maxNames), total)
		fmt.Fprint(w, "\n"+l.T("%v, top activities (%s, tCO2e):", year, based)+"\n")
		writeShares(w, l, ranked(l, y.ByActivity, 10), total)
		if line := reports.GWPBasisSentence(l, y, method); line != "" {
			fmt.Fprint(w, "\n"+l.T("GWP basis (%s): %s", based, line)+"\n")
		}
	}
	if rs := r.Analysis.Restatement; rs != nil {
		fmt.Fprint(w, "\n"+l.T("Restatement (tCO2e, %s; each year with the latest dataset version of its own factor vintages):", based)+"\n")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		row(tw, l.T("Year"), l.T("As reported"), l.T("Restated"), l.T("Difference"))
		for _, x := range rs {
			row(tw, strconv.Itoa(x.Year), t(x.AsReported), t(x.Restated), t(x.Difference))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if tr := r.Trajectory; tr != nil && len(tr.Years) > 0 {
		fmt.Fprint(w, "\n"+l.T("Trajectory (tCO2e, %s Scope 2; actual up to the last year with data, then projected):", based)+"\n")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		row(tw, l.T("Year"), l.T("Actual"), l.T("Target"), l.T("Business as usual"), l.T("Plan"), l.T("Credits"), l.T("Net"), l.T("Gap to target"))
		for _, y := range tr.Years {
			row(tw, strconv.Itoa(y.Year), opt(y.Actual), opt(y.Target), opt(y.BAU), opt(y.Plan), t(y.Credits), opt(y.Net), opt(y.Gap))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	fmt.Fprint(w, "\n"+l.T("Rows: %d read, %d used, %d rejected.", lang.Plain(r.Rows.Read), lang.Plain(r.Rows.Used), lang.Plain(r.Rows.Rejected))+"\n")
	return nil
}

// t formats tonnes as every output writes them in text.
func t(v float64) string { return reports.Tonnes(v) }

// maxNames is how many poles or sites the table lists one by one; the others are summed in
// one line, so that thousands of names print a table of the same size (calc --json lists
// them all).
const maxNames = 30

// share is one entry of a breakdown.
type share struct {
	name string
	v    float64
}

// ranked returns m's entries largest first; with n > 0, the first n and then one entry that
// adds up the rest.
func ranked(l lang.Lang, m map[string]float64, n int) []share {
	var out []share
	rest, others := 0.0, 0
	for i, k := range reports.LargestFirst(m) {
		if n > 0 && i >= n {
			rest += m[k]
			others++
			continue
		}
		out = append(out, share{k, m[k]})
	}
	if others > 0 {
		out = append(out, share{l.T("(%d others)", others), rest})
	}
	return out
}

// writeShares prints name, tonnes and share of total.
func writeShares(w io.Writer, l lang.Lang, entries []share, total float64) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, e := range entries {
		pct := 0.0
		if total != 0 {
			pct = 100 * e.v / total
		}
		fmt.Fprintf(tw, "  %s\t%12s\t%s\n", reports.Printable(e.name), l.Localize(t(e.v)), l.Localize(fmt.Sprintf("%5.1f %%", pct)))
	}
	tw.Flush()
}

// categoryNames keys a year's Scope 3 categories by their number and name.
func categoryNames(l lang.Lang, cats map[int]float64) map[string]float64 {
	out := map[string]float64{}
	for n, v := range cats {
		name := strconv.Itoa(n)
		if n >= 1 && n <= 15 {
			name = fmt.Sprintf("%2d %s", n, reports.Scope3CategoryName(l, n))
		}
		out[name] = v
	}
	return out
}

// WriteProblems prints problems one per line, as emissions.Problem.String writes them, in the
// language l.
func WriteProblems(w io.Writer, l lang.Lang, ps []emissions.Problem) {
	for _, p := range ps {
		p.File, p.Sheet, p.Cell, p.Message = reports.Printable(p.File), reports.Printable(p.Sheet), reports.Printable(p.Cell), message(p)
		place := p.File
		if p.Sheet != "" {
			place = l.T("%s: sheet %s", place, p.Sheet)
		}
		if p.Cell != "" {
			place += l.T(", cell %s", p.Cell)
		}
		if place == "" {
			fmt.Fprintln(w, l.T("%s: %s", reports.SeverityIn(l, p.Severity), p.Message))
			continue
		}
		fmt.Fprintln(w, l.T("%s: %s: %s", reports.SeverityIn(l, p.Severity), place, p.Message))
	}
}

// WriteFactorTable lists factors, one per line, its headings in l.
func WriteFactorTable(w io.Writer, l lang.Lang, fs []factors.Factor) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join([]string{l.T("ID"), l.T("YEAR"), l.T("VALUE"), l.T("UPSTREAM"), l.T("PER"), l.T("SCOPE"), l.T("SOURCE")}, "\t"))
	for _, f := range fs {
		f = printableFactor(f)
		year := l.T("all")
		if f.Year != 0 {
			year = strconv.Itoa(f.Year)
		}
		source := f.Dataset + " " + f.Version + " " + f.SourceID
		if f.File != "" {
			source += " " + l.T("(file %s)", f.File)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", f.ID, year, g(f.Value), g(f.Upstream), f.Unit, scopeLabel(l, f), source)
	}
	return tw.Flush()
}

// WriteFactor prints every field of one factor, its labels in l.
func WriteFactor(w io.Writer, l lang.Lang, f factors.Factor) error {
	f = printableFactor(f)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	unc := l.T("not published")
	if f.UncertaintyPct != nil {
		unc = g(*f.UncertaintyPct) + " %"
	}
	year := l.T("all years (single published value)")
	if f.Year != 0 {
		year = l.T("from %v", lang.Year(f.Year))
	}
	rows := [][2]string{
		{l.T("id"), f.ID}, {l.T("name"), f.Name}, {l.T("name (fr)"), f.NameFR},
		{l.T("value"), fmt.Sprintf("%s kgCO2e/%s (%s)", g(f.Value), f.Unit, scopeLabel(l, f))},
		{l.T("upstream"), l.T("%s kgCO2e/%s (Scope 3 category 3)", g(f.Upstream), f.Unit)},
		{l.T("kind"), string(f.Kind)}, {l.T("applies"), year},
	}
	if f.DataYear != 0 {
		rows = append(rows, [2]string{l.T("data year"), strconv.Itoa(f.DataYear)})
	}
	if f.SpendBased {
		rows = append(rows, [2]string{l.T("spend-based"), l.T("yes: rows using it are not primary data")})
	}
	if f.Primary {
		rows = append(rows, [2]string{l.T("primary"), l.T("yes: a supplier's own figure; rows using it are primary data")})
	}
	if len(f.Tags) > 0 {
		rows = append(rows, [2]string{l.T("tags"), strings.Join(f.Tags, ", ")})
	}
	if f.Gases != nil {
		rows = append(rows, [2]string{l.T("gases"), fmt.Sprintf("CO2 %s, CH4 %s, N2O %s kgCO2e/%s", g(f.Gases.CO2), g(f.Gases.CH4), g(f.Gases.N2O), f.Unit)})
	}
	if f.BiogenicCO2 != 0 {
		rows = append(rows, [2]string{l.T("biogenic CO2"), l.T("%s kg/%s (outside the scopes)", g(f.BiogenicCO2), f.Unit)})
	}
	if f.PCSPerPCI != 0 {
		rows = append(rows, [2]string{"PCS/PCI", g(f.PCSPerPCI)})
	}
	switch {
	case f.UpstreamGWP != "":
		rows = append(rows, [2]string{"GWP", l.T("%s (upstream: %s)", f.GWP, f.UpstreamGWP)})
	case f.GWP != "":
		rows = append(rows, [2]string{"GWP", f.GWP})
	default:
		rows = append(rows, [2]string{"GWP", l.T("none stated by the source")})
	}
	if f.LifecycleInScope2 {
		rows = append(rows, [2]string{l.T("warning"), l.T("lifecycle intensity in Scope 2: no generation mix splits off the upstream part")})
	}
	if c := f.EnergyCarrier(); c != "" {
		rows = append(rows, [2]string{l.T("carrier"), c})
	}
	rows = append(rows, [][2]string{
		{l.T("uncertainty"), unc}, {l.T("region"), f.Region}, {l.T("boundary"), f.Boundary},
		{l.T("source"), f.Source}, {l.T("dataset"), f.Dataset + " " + f.Version}, {l.T("source id"), f.SourceID}, {l.T("published"), published(f)}, {l.T("file"), f.File},
		{l.T("licence"), f.License}, {l.T("derivation"), f.Derivation}, {l.T("notes"), f.Notes},
	}...)
	for _, r := range rows {
		if r[1] != "" {
			fmt.Fprintf(tw, "%s\t%s\n", r[0], r[1])
		}
	}
	return tw.Flush()
}

// printableFactor is f with its texts made Printable: custom factors come from the user's
// configuration and factor files.
func printableFactor(f factors.Factor) factors.Factor {
	for _, s := range []*string{&f.ID, &f.Name, &f.Unit, &f.Dataset, &f.Version, &f.SourceID, &f.GWP, &f.Region,
		&f.Boundary, &f.Source, &f.License, &f.Derivation, &f.Notes, &f.NameFR} {
		*s = reports.Printable(*s)
	}
	return f
}

func scopeLabel(l lang.Lang, f factors.Factor) string {
	if f.Kind == factors.KindAvoided {
		return l.T("avoided") // reported apart, in no scope
	}
	if f.Scope == 3 {
		return fmt.Sprintf("Scope 3.%d", f.Category)
	}
	return fmt.Sprintf("Scope %d", f.Scope)
}

func g(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// published is the year a factor's dataset version was published, "" when unknown.
func published(f factors.Factor) string {
	if f.Published == 0 {
		return ""
	}
	return strconv.Itoa(f.Published)
}
