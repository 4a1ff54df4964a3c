package html

import (
	"fmt"
	"html/template"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/reports"
)

// htmlView is what the page template reads: every figure already formatted as text, every chart
// already built. User strings stay plain strings here; html/template escapes them.
type htmlView struct {
	Lang         string // the page's language code, for its lang attribute
	Site         string
	Year         int
	GWP          string
	Method       string
	Notices      []htmlNotice
	Cards        []htmlCard
	Sections     []htmlSection
	Legend       []htmlSwatch // scope colours, shown once in the header
	ChartOptions template.JS
	Script       template.JS
	charts       []echart
}

// htmlNotice is a notice of the header: its message in parts, the `quoted` ones as code.
type htmlNotice struct {
	Code, Tone, Title string
	Parts             []htmlText
}

type htmlText struct {
	Text string
	Code bool
}

// noticesOf gives the header's notices; a command quoted between backticks shows as code.
func noticesOf(ns []reports.Notice) []htmlNotice {
	out := make([]htmlNotice, len(ns))
	for i, n := range ns {
		out[i] = htmlNotice{Code: n.Code, Tone: n.Tone, Title: n.Title}
		for j, part := range strings.Split(n.Message, "`") {
			if part != "" {
				out[i].Parts = append(out[i].Parts, htmlText{Text: part, Code: j%2 == 1})
			}
		}
	}
	return out
}

type htmlCard struct {
	Label, Value, Unit string
	Notes              []string
	Tone               string // "good", "bad" or ""
}

type htmlSection struct {
	ID, Title string
	Intro     []string
	Blocks    []htmlBlock
}

// htmlBlock is a chart with its table, or a table, or a note.
type htmlBlock struct {
	Title string
	Chart *echart
	Table *htmlTable
	Notes []string
}

type htmlTable struct {
	Caption string
	Head    []string
	Rows    []htmlRow
	// Header is Head with each column's alignment: numeric when all its cells are.
	Header []htmlCell
	// Narrow is a long table of short cells (align): on paper it takes two columns of the page
	// instead of pages of one narrow column beside blank paper.
	Narrow bool
}

// A table is narrow with at least minNarrowRows rows and no cell longer than maxNarrowText
// characters (an activity's id, a figure): four such columns fit half an A4 page.
const (
	minNarrowRows = 30
	maxNarrowText = 40
)

func (t *htmlTable) align() {
	t.Narrow = len(t.Rows) >= minNarrowRows
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			t.Narrow = t.Narrow && utf8.RuneCountInString(c.Text) <= maxNarrowText
		}
	}
	t.Header = make([]htmlCell, len(t.Head))
	for i, h := range t.Head {
		num := len(t.Rows) > 0
		for _, r := range t.Rows {
			if i < len(r.Cells) && r.Cells[i].Text != "" && !r.Cells[i].Num {
				num = false
			}
		}
		t.Header[i] = htmlCell{Text: h, Num: num}
	}
}

type htmlRow struct {
	Cells []htmlCell
	Total bool
}

type htmlCell struct {
	Text   string
	Num    bool
	Swatch string // a colour square before the text
}

type htmlSwatch struct{ Label, Color string }

const emDash = reports.EmDash

// t formats tonnes as every output writes them in text.
func t(v float64) string { return reports.Tonnes(v) }

// sortedKeys returns the keys of m in byte order, so that whatever reads a map does it the
// same way on every run.
func sortedKeys(m map[string]float64) []string { return slices.Sorted(maps.Keys(m)) }

func numCell(v float64) htmlCell  { return htmlCell{Text: t(v), Num: true} }
func textCell(s string) htmlCell  { return htmlCell{Text: s} }
func numText(s string) htmlCell   { return htmlCell{Text: s, Num: true} }
func optCell(v *float64) htmlCell { return optCellIf(v != nil, v) }
func optCellIf(ok bool, v *float64) htmlCell {
	if !ok {
		return htmlCell{Text: emDash, Num: true}
	}
	return numCell(*v)
}

// shareOf formats v as a percentage of total, to a tenth; a share that rounds to 0.0 but is
// not zero reads "< 0.1 %", so that a scope or pole is never shown as nothing.
func shareOf(v, total float64) string {
	if total == 0 {
		return emDash
	}
	p := 100 * v / total
	if p != 0 && math.Abs(p) < 0.05 {
		if p < 0 {
			return "> −0.1 %"
		}
		return "< 0.1 %"
	}
	return strconv.FormatFloat(p, 'f', 1, 64) + " %"
}

func newView(r reports.Report) *htmlView {
	v := &htmlView{Lang: r.Lang.Code(), Site: r.Site, Year: r.ReportingYear, GWP: r.GWP, Method: reports.MethodLabel(r.Method())}
	for s := 1; s <= 3; s++ {
		v.Legend = append(v.Legend, htmlSwatch{reports.ScopeName(s, r.Method()), reports.ScopeColor(s)})
	}
	cur, ok := yearOf(r.Years, r.ReportingYear)
	v.Notices = noticesOf(r.Notices)
	v.Cards = headerCards(r, cur, ok)

	order := listPoles(r.Years)
	v.addSection(trajectorySection(r))
	if r.Claim.Check != nil {
		v.addSection(claimSection(r))
	}
	if r.Uncertainty != nil {
		v.addSection(uncertaintySection(r, cur))
	}
	v.addSection(breakdownSection(r, cur, order))
	v.addSection(polesSection(r, order))
	if len(r.Changes) > 0 {
		v.addSection(changesSection(r))
	}
	v.addSection(leversSection(r))
	if r.Regulatory != nil && ok {
		v.addSection(organisationSection(r, cur))
	}
	v.addSection(intensitySection(r))
	v.addSection(avoidedSection(r))
	if s, ok := energySection(r); ok {
		v.addSection(s)
	}
	if r.Analysis.Restatement != nil {
		v.addSection(restatementSection(r))
	}
	v.addSection(sourcesSection(r))
	v.addSection(qualitySection(r))
	if s, ok := notesSection(r); ok {
		v.addSection(s)
	}
	for _, s := range v.Sections {
		for _, b := range s.Blocks {
			if b.Table != nil {
				b.Table.align()
			}
			if b.Chart != nil {
				v.charts = append(v.charts, *b.Chart)
			}
		}
	}
	return v
}

func (v *htmlView) addSection(s htmlSection) { v.Sections = append(v.Sections, s) }

func yearOf(years []emissions.YearTotals, y int) (emissions.YearTotals, bool) {
	for _, yt := range years {
		if yt.Year == y {
			return yt, true
		}
	}
	return emissions.YearTotals{Year: y}, false
}

// baseYear is the trajectory's base year, else the first year with data.
func baseYear(r reports.Report) int {
	if r.Trajectory != nil && r.Trajectory.BaseYear != 0 {
		return r.Trajectory.BaseYear
	}
	if len(r.Years) > 0 {
		return r.Years[0].Year
	}
	return 0
}

func trajectoryYear(tr *plan.Trajectory, y int) (plan.TrajectoryYear, bool) {
	for _, ty := range tr.Years {
		if ty.Year == y {
			return ty, true
		}
	}
	return plan.TrajectoryYear{}, false
}

func scopesLabel(scopes []int) string {
	if len(scopes) == 1 {
		return fmt.Sprintf("Scope %d", scopes[0])
	}
	parts := make([]string, len(scopes))
	for i, s := range scopes {
		parts[i] = strconv.Itoa(s)
	}
	return "Scopes " + strings.Join(parts, "+")
}

func trajectorySection(r reports.Report) htmlSection {
	ch := trajectoryChart(r)
	tr := r.Trajectory
	if tr == nil {
		tb := &htmlTable{Caption: "Emissions by scope and year, tCO2e (" + reports.MethodLabel(r.Method()) + ")",
			Head: []string{"Year", "Scope 1", "Scope 2 location-based", "Scope 2 market-based", "Scope 3", "Total location-based", "Total market-based"}}
		for _, y := range r.Years {
			tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(strconv.Itoa(y.Year)), numCell(y.Scope1), numCell(y.Scope2Location),
				numCell(y.Scope2Market), numCell(y.Scope3), numCell(y.TotalLocation), numCell(y.TotalMarket)}})
		}
		return htmlSection{ID: "trajectory", Title: "Emissions by scope",
			Intro:  []string{"No trajectory is computed for this report (none is configured, or there is no data to project): it shows the actual emissions only. A trajectory section in the configuration (targets, levers, credits) adds the path to the target year."},
			Blocks: []htmlBlock{{Title: ch.Label, Chart: &ch, Table: tb}}}
	}
	intro := []string{fmt.Sprintf("Base year %d, target year %d, neutrality year %d. The trajectory covers %s, with Scope 2 %s; figures up to %d are actual emissions, later ones are projections.",
		tr.BaseYear, tr.TargetYear, neutralityYear(tr), scopesLabel(trajectoryBoundary(tr)), reports.MethodLabel(tr.Scope2Method), tr.LastActualYear)}
	if hasCredits(tr) {
		intro = append(intro, "Credits and removals are a separate ledger: they are drawn below zero as their own bars, never netted into the inventory and never counted toward a target.")
	} else {
		intro = append(intro, "The credits ledger is empty (trajectory.neutrality.credits in the configuration).")
	}
	head := []string{"Year"}
	for _, s := range trajectoryBoundary(tr) {
		head = append(head, reports.ScopeName(s, tr.Scope2Method))
	}
	head = append(head, "Actual", "Target", "Business as usual", "Plan", "Credits (not subtracted)", "Gap")
	tb := &htmlTable{Caption: "Trajectory, tCO2e over " + scopesLabel(trajectoryBoundary(tr)), Head: head}
	for _, y := range tr.Years {
		cells := []htmlCell{textCell(strconv.Itoa(y.Year))}
		for _, s := range trajectoryBoundary(tr) {
			v := y.ActualByScope[s]
			cells = append(cells, optCellIf(y.Actual != nil, &v))
		}
		cr := y.Credits
		cells = append(cells, optCell(y.Actual), optCell(y.Target), optCell(y.BAU), optCell(y.Plan), numCell(cr), optCell(y.Gap))
		tb.Rows = append(tb.Rows, htmlRow{Cells: cells})
	}
	blocks := []htmlBlock{{Title: ch.Label, Chart: &ch, Table: tb}}
	if names := targetNames(r); len(names) > 1 {
		th := &htmlTable{Caption: "Targets, tCO2e", Head: append([]string{"Year"}, names...)}
		for _, y := range tr.Years {
			cells := []htmlCell{textCell(strconv.Itoa(y.Year))}
			for i := range names {
				var v *float64
				if i < len(y.Targets) {
					v = y.Targets[i]
				}
				cells = append(cells, optCell(v))
			}
			th.Rows = append(th.Rows, htmlRow{Cells: cells})
		}
		blocks = append(blocks, htmlBlock{Table: th})
	}
	return htmlSection{ID: "trajectory", Title: fmt.Sprintf("Trajectory to %d", tr.TargetYear), Intro: intro, Blocks: blocks}
}

func breakdownSection(r reports.Report, cur emissions.YearTotals, order poleList) htmlSection {
	method := r.Method()
	sc := scopesChart(cur, method)
	total := cur.Total(r.Method())
	st := &htmlTable{Caption: fmt.Sprintf("%d by scope and Scope 3 category, tCO2e", cur.Year), Head: []string{"Scope or category", "tCO2e", "Share of total"}}
	for _, it := range scopeItems(cur, method) {
		st.Rows = append(st.Rows, htmlRow{Cells: []htmlCell{{Text: it.Label, Swatch: reports.ScopeColor(it.Scope)}, numCell(it.Value), numText(shareOf(it.Value, total))}})
	}
	st.Rows = append(st.Rows, htmlRow{Total: true, Cells: []htmlCell{textCell("Total (" + reports.MethodLabel(method) + ")"), numCell(total), numText(shareOf(total, total))}})
	// the other method's Scope 2 and total, beside the selected ones
	other := emissions.MethodLocation
	if method == emissions.MethodLocation {
		other = emissions.MethodMarket
	}
	otherTotal, otherS2 := cur.Total(other), cur.Scope2(other)
	st.Rows = append(st.Rows,
		htmlRow{Cells: []htmlCell{textCell("Scope 2 (" + reports.MethodLabel(other) + ")"), numCell(otherS2), numText(emDash)}},
		htmlRow{Total: true, Cells: []htmlCell{textCell("Total (" + reports.MethodLabel(other) + ")"), numCell(otherTotal), numText(emDash)}})
	notes := []string{fmt.Sprintf("Scope 3 category 3 holds the upstream part of the fuels and energy consumed. Biogenic CO2, outside the scopes: %s t.", t(cur.BiogenicCO2))}
	if cur.Avoided != 0 {
		notes = append(notes, fmt.Sprintf("Avoided emissions, reported apart and never subtracted: %s t.", t(cur.Avoided)))
	}

	pc := polesChart(cur, r.PoleActivities, order)
	pt := &htmlTable{Caption: fmt.Sprintf("%d by pole and activity, tCO2e (%s)", cur.Year, reports.MethodLabel(method))}
	if len(r.PoleActivities) > 0 {
		pt.Head = []string{"Pole", "Activity", "tCO2e", "Share of total"}
	} else {
		pt.Head = []string{"Pole", "tCO2e", "Share of total"}
	}
	poleNotes := order.note()
	cappedActivities := false
	for i, p := range order.shown {
		v, ok := cur.ByPole[p]
		if !ok {
			continue
		}
		if len(r.PoleActivities) == 0 {
			pt.Rows = append(pt.Rows, htmlRow{Cells: []htmlCell{{Text: p, Swatch: poleColor(i)}, numCell(v), numText(shareOf(v, total))}})
			continue
		}
		pt.Rows = append(pt.Rows, htmlRow{Total: true, Cells: []htmlCell{{Text: p, Swatch: poleColor(i)}, textCell("all activities"), numCell(v), numText(shareOf(v, total))}})
		acts := sortedActivities(r.PoleActivities, p)
		for j, pa := range acts {
			if j == maxPoleActivities {
				rest := 0.0
				for _, pa := range acts[j:] {
					rest += pa.TCO2e
				}
				pt.Rows = append(pt.Rows, htmlRow{Cells: []htmlCell{textCell(""), textCell(fmt.Sprintf("%d other activities", len(acts)-j)), numCell(rest), numText(shareOf(rest, total))}})
				cappedActivities = true
				break
			}
			pt.Rows = append(pt.Rows, htmlRow{Cells: []htmlCell{textCell(""), textCell(pa.Activity), numCell(pa.TCO2e), numText(shareOf(pa.TCO2e, total))}})
		}
	}
	if v, ok := order.othersIn(cur.ByPole); ok {
		cells := []htmlCell{{Text: order.othersLabel(), Swatch: colorOthers}, numCell(v), numText(shareOf(v, total))}
		if len(r.PoleActivities) > 0 {
			cells = append(cells[:1], append([]htmlCell{textCell("all activities")}, cells[1:]...)...)
		}
		pt.Rows = append(pt.Rows, htmlRow{Total: len(r.PoleActivities) > 0, Cells: cells})
	}
	if cappedActivities {
		poleNotes = append(poleNotes, fmt.Sprintf("Each pole's %d largest activities are shown one by one, the others summed; the Lines sheets of the Excel export hold every line.", maxPoleActivities))
	}
	blocks := []htmlBlock{{Title: sc.Label, Chart: &sc, Table: st, Notes: notes}, {Title: pc.Label, Chart: &pc, Table: pt, Notes: poleNotes}}
	if len(cur.BySite) > 0 {
		sites := sortedKeys(cur.BySite)
		sort.SliceStable(sites, func(i, j int) bool { return cur.BySite[sites[i]] > cur.BySite[sites[j]] })
		tb := &htmlTable{Caption: fmt.Sprintf("%d by site, tCO2e (%s)", cur.Year, reports.MethodLabel(method)), Head: []string{"Site", "tCO2e", "Share of total"}}
		for i, s := range sites {
			if i == maxSites {
				rest := 0.0
				for _, s := range sites[i:] {
					rest += cur.BySite[s]
				}
				tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(fmt.Sprintf("%d other sites", len(sites)-i)), numCell(rest), numText(shareOf(rest, total))}})
				break
			}
			tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(s), numCell(cur.BySite[s]), numText(shareOf(cur.BySite[s], total))}})
		}
		var siteNotes []string
		if len(sites) > maxSites {
			siteNotes = []string{fmt.Sprintf("The %d sites with the largest emissions are listed one by one; the %d others are summed in the last row. calc --json and the Breakdown sheet of the Excel export list every site.", maxSites, len(sites)-maxSites)}
		}
		blocks = append(blocks, htmlBlock{Title: fmt.Sprintf("%d by site", cur.Year), Table: tb, Notes: siteNotes})
	}
	return htmlSection{ID: "breakdown", Title: fmt.Sprintf("Where the %d emissions come from", cur.Year), Blocks: blocks}
}

// sortedActivities returns pole's activities, largest first (ties by name).
func sortedActivities(pas []reports.PoleActivity, pole string) []reports.PoleActivity {
	var out []reports.PoleActivity
	for _, pa := range pas {
		if pa.Pole == pole {
			out = append(out, pa)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].TCO2e > out[j].TCO2e })
	return out
}

func polesSection(r reports.Report, order poleList) htmlSection {
	ch := poleYearsChart(r.Years, order)
	tb := &htmlTable{Caption: "Emissions by pole and year, tCO2e (" + reports.MethodLabel(r.Method()) + ")", Head: []string{"Year"}}
	tb.Head = append(tb.Head, order.shown...)
	if len(order.others) > 0 {
		tb.Head = append(tb.Head, order.othersLabel())
	}
	tb.Head = append(tb.Head, "Total")
	for _, y := range r.Years {
		cells := []htmlCell{textCell(strconv.Itoa(y.Year))}
		for _, p := range order.shown {
			cells = append(cells, numCell(y.ByPole[p]))
		}
		if len(order.others) > 0 {
			v, _ := order.othersIn(y.ByPole)
			cells = append(cells, numCell(v))
		}
		cells = append(cells, numCell(y.Total(r.Method())))
		tb.Rows = append(tb.Rows, htmlRow{Cells: cells})
	}
	return htmlSection{ID: "poles", Title: "Evolution by pole", Blocks: []htmlBlock{{Title: ch.Label, Chart: &ch, Table: tb, Notes: order.note()}}}
}

func leversSection(r reports.Report) htmlSection {
	s := htmlSection{ID: "levers", Title: "Reduction levers"}
	tr := r.Trajectory
	if tr == nil || len(tr.Levers) == 0 {
		s.Intro = []string{"No reduction lever is configured (trajectory.levers in the configuration): the plan equals business as usual."}
		return s
	}
	s.Intro = []string{fmt.Sprintf("Abatement is what each lever removes from business as usual in %d, net of what its substitutes emit.", tr.TargetYear)}
	ch := leversChart(tr)
	tb := &htmlTable{Caption: "Levers", Head: []string{"Lever", "Activities", "Reduction", "Ramp", fmt.Sprintf("Abatement %d, tCO2e", tr.TargetYear), "Cost, EUR/tCO2e"}}
	for _, l := range tr.Levers {
		acts := strings.Join(l.Matched, ", ")
		if acts == "" {
			acts = "none matched (" + strings.Join(l.Lever.Activities, ", ") + ")"
		}
		cost := htmlCell{Text: emDash, Num: true}
		if l.Lever.CostEURPerTCO2 != nil {
			cost = numCell(*l.Lever.CostEURPerTCO2)
		}
		tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(l.Lever.Name), textCell(acts),
			{Text: strconv.FormatFloat(l.Lever.ReductionPct, 'f', -1, 64) + " %", Num: true},
			numText(fmt.Sprintf("%d → %d", l.Lever.StartYear, l.Lever.FullYear)),
			numCell(l.Abatement[tr.TargetYear]), cost}})
	}
	s.Blocks = append(s.Blocks, htmlBlock{Title: ch.Label, Chart: &ch, Table: tb})
	if mc, ok := maccChart(tr); ok {
		mt := &htmlTable{Caption: "Marginal abatement cost curve, cheapest first",
			Head: []string{"Lever", "Cost, EUR/tCO2e", fmt.Sprintf("Abatement %d, tCO2e", tr.TargetYear), "Cumulative abatement, tCO2e"}}
		cum := 0.0
		for _, it := range maccItems(tr) {
			cum += it.Abatement
			mt.Rows = append(mt.Rows, htmlRow{Cells: []htmlCell{textCell(it.Name), numCell(*it.Cost), numCell(it.Abatement), numCell(cum)}})
		}
		s.Blocks = append(s.Blocks, htmlBlock{Title: mc.Label, Chart: &mc, Table: mt,
			Notes: []string{"Each block is a lever with a cost: its width is its abatement in the target year, its height its cost per tonne; cheapest first."}})
	} else {
		s.Blocks = append(s.Blocks, htmlBlock{Notes: []string{"No lever gives a cost (cost_eur_per_tco2e in the configuration), so there is no abatement cost curve."}})
	}
	return s
}

func sourcesSection(r reports.Report) htmlSection {
	tb := &htmlTable{Caption: "Emission factors and other sources used", Head: []string{"Factor", "Source", "Dataset", "Licence", "Years", "Lines"}}
	for _, s := range r.Sources {
		id := s.FactorID
		if id == "" {
			id = "(already-computed rows)"
		}
		years := strconv.Itoa(s.FirstYear)
		if s.LastYear != s.FirstYear {
			years += "–" + strconv.Itoa(s.LastYear)
		}
		tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(id), textCell(s.Source), textCell(s.Dataset), textCell(s.License), textCell(years),
			{Text: strconv.Itoa(s.Lines), Num: true}}})
	}
	return htmlSection{ID: "sources", Title: "Sources", Intro: []string{"Every figure is an input row times an emission factor; footprint calc --lines lists each line with its input row, factor and source."},
		Blocks: []htmlBlock{{Table: tb}}}
}

// notesSection is the report's closing notes: what to do about the header's notices, at more
// length than the header has room for.
func notesSection(r reports.Report) (htmlSection, bool) {
	s := htmlSection{ID: "notes", Title: "Notes"}
	for _, n := range r.Notices {
		if n.Help != "" {
			s.Intro = append(s.Intro, n.Title+": "+n.Help)
		}
	}
	return s, len(s.Intro) > 0
}

// maxProblems bounds the problems listed in the page; `footprint validate` lists them all.
const maxProblems = 50

func qualitySection(r reports.Report) htmlSection {
	s := htmlSection{ID: "quality", Title: "Data quality"}
	s.Intro = []string{fmt.Sprintf("Rows: %d read, %d used, %d rejected. Problems: %d error(s), %d warning(s).",
		r.Rows.Read, r.Rows.Used, r.Rows.Rejected, r.Errors, r.Warnings)}
	if y, ok := yearOf(r.Years, r.ReportingYear); ok {
		if line := reports.GWPBasisSentence(y, r.Method()); line != "" {
			s.Intro = append(s.Intro, "GWP basis: "+line)
		}
	}
	if len(r.Problems) == 0 {
		return s
	}
	// Factors applied to years before their data year are listed in full, whatever the number
	// of other problems: they qualify the figures, not just the inputs.
	later := &htmlTable{Caption: "Factors applied before their data year", Head: []string{"File", "Sheet", "Cell", "Message"}}
	for _, p := range r.Problems {
		if p.Cause == emissions.CauseAnachronism {
			later.Rows = append(later.Rows, htmlRow{Cells: []htmlCell{textCell(p.File), textCell(p.Sheet), textCell(p.Cell), textCell(p.Message)}})
		}
	}
	if len(later.Rows) > 0 {
		s.Blocks = append(s.Blocks, htmlBlock{Table: later})
	}
	tb := &htmlTable{Caption: "Problems found in the inputs", Head: []string{"Severity", "File", "Sheet", "Cell", "Message"}}
	for i, p := range r.Problems {
		if i == maxProblems {
			break
		}
		tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(string(p.Severity)), textCell(p.File), textCell(p.Sheet), textCell(p.Cell), textCell(p.Message)}})
	}
	b := htmlBlock{Table: tb}
	if len(r.Problems) > maxProblems {
		b.Notes = []string{fmt.Sprintf("… and %d more: footprint validate lists them all.", len(r.Problems)-maxProblems)}
	}
	s.Blocks = append(s.Blocks, b)
	return s
}
