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
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// htmlView is what the page template reads: every figure already formatted as text, every chart
// already built. User strings stay plain strings here; html/template escapes them.
type htmlView struct {
	Lang         string // the page's language code, for its lang attribute
	Text         pageText
	Site         string
	Year         int
	GWP          string
	Method       string
	Notices      []htmlNotice
	Summary      htmlSummary
	Cards        []htmlCard
	Sections     []htmlSection
	Legend       []htmlSwatch // scope colours, shown once in the header
	ChartOptions template.JS
	Script       template.JS
	charts       []echart
}

// pageText is the page's own words, in its language.
type pageText struct {
	Title, Kicker, Meta, Footer string
	// ScrollHint is added to the caption of a table wider than the screen.
	ScrollHint string
}

func pageTextOf(r reports.Report) pageText {
	l := r.Lang
	title := l.T("%s — greenhouse-gas report", r.Site)
	if r.ReportingYear != 0 {
		title = l.T("%s — greenhouse-gas report %v", r.Site, lang.Year(r.ReportingYear))
	}
	return pageText{Title: title,
		Kicker: l.T("Greenhouse-gas inventory and trajectory"),
		Meta: l.T("All figures in tCO2e (tonnes of CO2 equivalent), GWP100 %s. Breakdowns and the trajectory follow Scope 2 %s.",
			r.GWP, reports.MethodLabelIn(l, r.Method())),
		Footer:     l.T("Made by footprint from the input workbooks and the emission-factor library; same inputs, same page."),
		ScrollHint: l.T("scroll sideways for the other columns")}
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

// noticesOf gives the header's notices, each title with its colon as l writes it; a command
// quoted between backticks shows as code.
func noticesOf(l lang.Lang, ns []reports.Notice) []htmlNotice {
	out := make([]htmlNotice, len(ns))
	for i, n := range ns {
		out[i] = htmlNotice{Code: n.Code, Tone: n.Tone, Title: l.T("%s:", n.Title)}
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
	// PrintNote is said on paper only: what the printed page leaves out of the screen's.
	PrintNote string
	Blocks    []htmlBlock
	// Written says the Intro is written in the page's language, its figures too: localize
	// leaves it as it is (it may quote a config value such as sbti-1.5).
	Written bool
}

// htmlBlock is a chart with its table, or a table, or a note.
type htmlBlock struct {
	Title string
	Chart *echart
	Table *htmlTable
	Notes []string
	// Written says the Notes are written in the page's language, figures too: localize
	// leaves them as they are (they may name a licence such as CC BY 4.0).
	Written bool
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
	// Whole is a short table (align): on screen it shows all its rows, never a row cut by the
	// scroll box of a long table.
	Whole bool
}

// A table is narrow with at least minNarrowRows rows and no cell longer than maxNarrowText
// characters (an activity's id, a figure): four such columns fit half an A4 page.
const (
	minNarrowRows = 30
	maxNarrowText = 40
)

// maxWholeRows is the most rows a table shows whole on screen; a longer one scrolls in its box.
const maxWholeRows = 15

func (t *htmlTable) align() {
	t.Narrow = len(t.Rows) >= minNarrowRows
	t.Whole = len(t.Rows) <= maxWholeRows
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
	v := &htmlView{Lang: r.Lang.Code(), Text: pageTextOf(r), Site: r.Site, Year: r.ReportingYear, GWP: r.GWP, Method: reports.MethodLabel(r.Method())}
	for s := 1; s <= 3; s++ {
		v.Legend = append(v.Legend, htmlSwatch{reports.ScopeNameIn(r.Lang, s, r.Method()), reports.ScopeColor(s)})
	}
	cur, ok := reports.YearOf(r.Years, r.ReportingYear)
	v.Notices = noticesOf(r.Lang, r.Notices)
	v.Summary = summaryOf(r)
	v.Cards = headerCards(r, cur, ok)

	// The sections in the order a team reads them: the path, where the emissions come from,
	// what to do, what changed, the claim, how sure, then the tables and the sources.
	order := listPoles(r.Lang, r.Years)
	v.addSection(trajectorySection(r))
	v.addSection(breakdownSection(r, cur, order))
	v.addSection(polesSection(r, order))
	v.addSection(leversSection(r))
	if len(r.Changes) > 0 {
		v.addSection(changesSection(r))
	}
	if r.Analysis.Restatement != nil {
		v.addSection(restatementSection(r))
	}
	if r.Claim.Check != nil {
		v.addSection(claimSection(r))
	}
	if r.Uncertainty != nil {
		v.addSection(uncertaintySection(r, cur))
	}
	if r.Regulatory != nil && ok {
		v.addSection(organisationSection(r, cur))
	}
	v.addSection(intensitySection(r))
	v.addSection(avoidedSection(r))
	if s, ok := energySection(r); ok {
		v.addSection(s)
	}
	v.addSection(sourcesSection(r))
	v.addSection(qualitySection(r))
	if s, ok := notesSection(r); ok {
		v.addSection(s)
	}
	v.addSection(methodSection(r))
	v.localize(r.Lang)
	if v.Summary.Chart != nil {
		v.charts = append(v.charts, *v.Summary.Chart)
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

// localize writes the numbers of the cards and the sections as l writes them: their figures
// are formatted as English text where they are made (the summary and the notices are written
// in their language already).
func (v *htmlView) localize(l lang.Lang) {
	if !l.IsFrench() {
		return
	}
	each := func(ss []string) {
		for i := range ss {
			ss[i] = l.Localize(ss[i])
		}
	}
	for i := range v.Cards {
		c := &v.Cards[i]
		c.Label, c.Value = l.Localize(c.Label), l.Localize(c.Value)
		each(c.Notes)
	}
	for i := range v.Sections {
		s := &v.Sections[i]
		if !s.Written {
			each(s.Intro)
		}
		for j := range s.Blocks {
			b := &s.Blocks[j]
			b.Title = l.Localize(b.Title)
			if !b.Written {
				each(b.Notes)
			}
			if t := b.Table; t != nil {
				t.Caption = l.Localize(t.Caption)
				each(t.Head)
				for _, r := range t.Rows {
					// Only the figures: a label cell's numbers are names ("3.1 Purchased goods").
					for k := range r.Cells {
						if r.Cells[k].Num {
							r.Cells[k].Text = l.Localize(r.Cells[k].Text)
						}
					}
				}
			}
		}
	}
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

func scopesLabel(scopes []int) string {
	if len(scopes) == 1 {
		return fmt.Sprintf("Scope %d", scopes[0]) // "Scope 1" in both languages
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
		l := r.Lang
		tb := &htmlTable{Caption: l.T("Emissions by scope and year, tCO2e (%s)", reports.MethodLabelIn(l, r.Method())),
			Head: []string{l.T("Year"), "Scope 1", l.T("Scope 2 location-based"), l.T("Scope 2 market-based"), "Scope 3", l.T("Total location-based"), l.T("Total market-based")}}
		for _, y := range r.Years {
			tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(strconv.Itoa(y.Year)), numCell(y.Scope1), numCell(y.Scope2Location),
				numCell(y.Scope2Market), numCell(y.Scope3), numCell(y.TotalLocation), numCell(y.TotalMarket)}})
		}
		return htmlSection{ID: "trajectory", Title: r.Lang.T("Emissions by scope"),
			Intro:  []string{l.T("No trajectory is computed for this report (none is configured, or there is no data to project): it shows the actual emissions only.")},
			Blocks: []htmlBlock{{Title: ch.Label, Chart: &ch, Table: tb}}}
	}
	l := r.Lang
	intro := []string{l.T("Base year %v, target year %v, neutrality year %v. The trajectory covers %s, with Scope 2 %s; figures up to %v are actual emissions, later ones are projections.",
		lang.Year(tr.BaseYear), lang.Year(tr.TargetYear), lang.Year(neutralityYear(tr)), scopesLabel(reports.TrajectoryBoundary(tr)), reports.MethodLabelIn(l, tr.Scope2Method), lang.Year(tr.LastActualYear))}
	if hasCredits(tr) {
		intro = append(intro, l.T("Credits and removals are a separate ledger: they are drawn below zero as their own bars, never netted into the inventory and never counted toward a target."))
	} else {
		intro = append(intro, l.T("The credits ledger is empty."))
	}
	head := []string{l.T("Year")}
	for _, s := range reports.TrajectoryBoundary(tr) {
		head = append(head, reports.ScopeNameIn(l, s, tr.Scope2Method))
	}
	head = append(head, l.T("Actual"), l.T("Target"), l.T("Business as usual"), l.T("Plan"), l.T("Credits (not subtracted)"), l.T("Gap"))
	tb := &htmlTable{Caption: l.T("Trajectory, tCO2e over %s", scopesLabel(reports.TrajectoryBoundary(tr))), Head: head}
	for _, y := range tr.Years {
		cells := []htmlCell{textCell(strconv.Itoa(y.Year))}
		for _, s := range reports.TrajectoryBoundary(tr) {
			v := y.ActualByScope[s]
			cells = append(cells, optCellIf(y.Actual != nil, &v))
		}
		cr := y.Credits
		cells = append(cells, optCell(y.Actual), optCell(y.Target), optCell(y.BAU), optCell(y.Plan), numCell(cr), optCell(y.Gap))
		tb.Rows = append(tb.Rows, htmlRow{Cells: cells})
	}
	blocks := []htmlBlock{{Title: ch.Label, Chart: &ch, Table: tb}}
	if names := targetNames(r); len(names) > 1 {
		th := &htmlTable{Caption: l.T("Targets, tCO2e"), Head: append([]string{l.T("Year")}, names...)}
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
	return htmlSection{ID: "trajectory", Title: r.Lang.T("Trajectory to %v", lang.Year(tr.TargetYear)), Intro: intro, Blocks: blocks}
}

func breakdownSection(r reports.Report, cur emissions.YearTotals, order poleList) htmlSection {
	method := r.Method()
	l := r.Lang
	sc := scopesChart(l, cur, method)
	total := cur.Total(r.Method())
	st := &htmlTable{Caption: l.T("%v by scope and Scope 3 category, tCO2e", lang.Year(cur.Year)), Head: []string{l.T("Scope or category"), "tCO2e", l.T("Share of total")}}
	for _, it := range scopeItems(l, cur, method) {
		st.Rows = append(st.Rows, htmlRow{Cells: []htmlCell{{Text: it.Label, Swatch: reports.ScopeColor(it.Scope)}, numCell(it.Value), numText(shareOf(it.Value, total))}})
	}
	st.Rows = append(st.Rows, htmlRow{Total: true, Cells: []htmlCell{textCell(l.T("Total (%s)", reports.MethodLabelIn(l, method))), numCell(total), numText(shareOf(total, total))}})
	// the other method's Scope 2 and total, beside the selected ones
	other := emissions.MethodLocation
	if method == emissions.MethodLocation {
		other = emissions.MethodMarket
	}
	otherTotal, otherS2 := cur.Total(other), cur.Scope2(other)
	st.Rows = append(st.Rows,
		htmlRow{Cells: []htmlCell{textCell(reports.ScopeNameIn(l, 2, other)), numCell(otherS2), numText(emDash)}},
		htmlRow{Total: true, Cells: []htmlCell{textCell(l.T("Total (%s)", reports.MethodLabelIn(l, other))), numCell(otherTotal), numText(emDash)}})
	notes := []string{l.T("Scope 3 category 3 holds the upstream part of the fuels and energy consumed. Biogenic CO2, outside the scopes: %s t.", t(cur.BiogenicCO2))}
	if cur.Avoided != 0 {
		notes = append(notes, l.T("Avoided emissions, reported apart and never subtracted: %s t.", t(cur.Avoided)))
	}

	name := func(id string) string { return reports.ActivityName(r, id) }
	pc := polesChart(l, cur, r.PoleActivities, order, name)
	pt := &htmlTable{Caption: l.T("%v by pole and activity, tCO2e (%s)", lang.Year(cur.Year), reports.MethodLabelIn(l, method))}
	if len(r.PoleActivities) > 0 {
		pt.Head = []string{l.T("Pole"), l.T("Activity"), "tCO2e", l.T("Share of total"), l.T("Activity id")}
	} else {
		pt.Head = []string{l.T("Pole"), "tCO2e", l.T("Share of total")}
	}
	poleNotes := order.note()
	cappedActivities := false
	for i, p := range order.shown {
		v, ok := cur.ByPole[p]
		if !ok {
			continue
		}
		if len(r.PoleActivities) == 0 {
			pt.Rows = append(pt.Rows, htmlRow{Cells: []htmlCell{{Text: order.label(p), Swatch: poleColor(i)}, numCell(v), numText(shareOf(v, total))}})
			continue
		}
		pt.Rows = append(pt.Rows, htmlRow{Total: true, Cells: []htmlCell{{Text: order.label(p), Swatch: poleColor(i)}, textCell(l.T("all activities")), numCell(v), numText(shareOf(v, total)), textCell("")}})
		acts := sortedActivities(r.PoleActivities, p)
		for j, pa := range acts {
			if j == maxPoleActivities {
				rest := 0.0
				for _, pa := range acts[j:] {
					rest += pa.TCO2e
				}
				pt.Rows = append(pt.Rows, htmlRow{Cells: []htmlCell{textCell(""), textCell(l.T("%d other activities", len(acts)-j)), numCell(rest), numText(shareOf(rest, total)), textCell("")}})
				cappedActivities = true
				break
			}
			pt.Rows = append(pt.Rows, htmlRow{Cells: []htmlCell{textCell(""), textCell(name(pa.Activity)), numCell(pa.TCO2e), numText(shareOf(pa.TCO2e, total)), textCell(pa.Activity)}})
		}
	}
	if v, ok := order.othersIn(cur.ByPole); ok {
		cells := []htmlCell{{Text: order.othersLabel(), Swatch: colorOthers}, numCell(v), numText(shareOf(v, total))}
		if len(r.PoleActivities) > 0 {
			cells = append(cells[:1], append([]htmlCell{textCell(l.T("all activities"))}, cells[1:]...)...)
			cells = append(cells, textCell(""))
		}
		pt.Rows = append(pt.Rows, htmlRow{Total: len(r.PoleActivities) > 0, Cells: cells})
	}
	if cappedActivities {
		poleNotes = append(poleNotes, l.T("Each pole's %d largest activities are shown one by one, the others summed; the Lines sheets of the Excel export hold every line.", maxPoleActivities))
	}
	blocks := []htmlBlock{{Title: sc.Label, Chart: &sc, Table: st, Notes: notes}, {Title: pc.Label, Chart: &pc, Table: pt, Notes: poleNotes}}
	if len(cur.BySite) > 0 {
		sites := sortedKeys(cur.BySite)
		sort.SliceStable(sites, func(i, j int) bool { return cur.BySite[sites[i]] > cur.BySite[sites[j]] })
		tb := &htmlTable{Caption: l.T("%v by site, tCO2e (%s)", lang.Year(cur.Year), reports.MethodLabelIn(l, method)), Head: []string{l.T("Site"), "tCO2e", l.T("Share of total")}}
		for i, s := range sites {
			if i == maxSites {
				rest := 0.0
				for _, s := range sites[i:] {
					rest += cur.BySite[s]
				}
				tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(l.T("%d other sites", len(sites)-i)), numCell(rest), numText(shareOf(rest, total))}})
				break
			}
			tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(s), numCell(cur.BySite[s]), numText(shareOf(cur.BySite[s], total))}})
		}
		var siteNotes []string
		if len(sites) > maxSites {
			siteNotes = []string{l.T("The %d sites with the largest emissions are listed one by one; the %d others are summed in the last row. The Breakdown sheet of the Excel export lists every site.", maxSites, len(sites)-maxSites)}
		}
		blocks = append(blocks, htmlBlock{Title: l.T("%v by site", lang.Year(cur.Year)), Table: tb, Notes: siteNotes})
	}
	return htmlSection{ID: "breakdown", Title: r.Lang.T("Where the %v emissions come from", lang.Year(cur.Year)), Blocks: blocks}
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
	ch := poleYearsChart(r.Lang, r.Years, order)
	l := r.Lang
	tb := &htmlTable{Caption: l.T("Emissions by pole and year, tCO2e (%s)", reports.MethodLabelIn(l, r.Method())), Head: []string{l.T("Year")}}
	for _, p := range order.shown {
		tb.Head = append(tb.Head, order.label(p))
	}
	if len(order.others) > 0 {
		tb.Head = append(tb.Head, order.othersLabel())
	}
	tb.Head = append(tb.Head, l.T("Total"))
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
	return htmlSection{ID: "poles", Title: r.Lang.T("Evolution by pole"), Blocks: []htmlBlock{{Title: ch.Label, Chart: &ch, Table: tb, Notes: order.note()}}}
}

func leversSection(r reports.Report) htmlSection {
	s := htmlSection{ID: "levers", Title: r.Lang.T("Reduction levers")}
	tr := r.Trajectory
	if tr == nil || len(tr.Levers) == 0 {
		s.Intro = []string{r.Lang.T("No reduction lever is configured: the plan equals business as usual.")}
		return s
	}
	s.Intro = []string{r.Lang.T("Abatement is what each lever removes from business as usual in %v, net of what its substitutes emit.", lang.Year(tr.TargetYear))}
	ch := leversChart(r.Lang, tr)
	tb := &htmlTable{Caption: r.Lang.T("Levers"), Head: []string{r.Lang.T("Lever"), r.Lang.T("Activities"), r.Lang.T("Reduction"), r.Lang.T("Ramp"), r.Lang.T("Abatement %v, tCO2e", lang.Year(tr.TargetYear)), r.Lang.T("Cost, EUR/tCO2e")}}
	for _, l := range tr.Levers {
		acts := strings.Join(l.Matched, ", ")
		if acts == "" {
			acts = r.Lang.T("none matched (%s)", strings.Join(l.Lever.Activities, ", "))
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
	if mc, ok := maccChart(r.Lang, tr); ok {
		mt := &htmlTable{Caption: r.Lang.T("Marginal abatement cost curve, cheapest first"),
			Head: []string{r.Lang.T("Lever"), r.Lang.T("Cost, EUR/tCO2e"), r.Lang.T("Abatement %v, tCO2e", lang.Year(tr.TargetYear)), r.Lang.T("Cumulative abatement, tCO2e")}}
		cum := 0.0
		for _, it := range maccItems(tr) {
			cum += it.Abatement
			mt.Rows = append(mt.Rows, htmlRow{Cells: []htmlCell{textCell(it.Name), numCell(*it.Cost), numCell(it.Abatement), numCell(cum)}})
		}
		s.Blocks = append(s.Blocks, htmlBlock{Title: mc.Label, Chart: &mc, Table: mt,
			Notes: []string{r.Lang.T("Each block is a lever with a cost: its width is its abatement in the target year, its height its cost per tonne; cheapest first.")}})
	} else {
		s.Blocks = append(s.Blocks, htmlBlock{Notes: []string{r.Lang.T("No lever has a cost per tonne, so there is no abatement cost curve.")}})
	}
	return s
}

func sourcesSection(r reports.Report) htmlSection {
	l := r.Lang
	tb := &htmlTable{Caption: l.T("Emission factors and other sources used"), Head: []string{l.T("Factor"), l.T("Source"), l.T("Dataset"), l.T("Licence"), l.T("Years"), l.T("Lines")}}
	for _, s := range r.Sources {
		id, source := s.FactorID, s.Source
		if id == "" {
			id = l.T("(already-computed rows)")
			source = reports.SourceIn(l, source)
		}
		years := strconv.Itoa(s.FirstYear)
		if s.LastYear != s.FirstYear {
			years += "–" + strconv.Itoa(s.LastYear)
		}
		tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(id), textCell(source), textCell(s.Dataset), textCell(s.License), textCell(years),
			{Text: strconv.Itoa(s.Lines), Num: true}}})
	}
	return htmlSection{ID: "sources", Title: r.Lang.T("Sources"), Intro: []string{l.T("Every figure is an input row times an emission factor; the Lines sheets of the Excel export list each line with its input row, factor and source.")},
		Blocks: []htmlBlock{{Table: tb}}}
}

// notesSection is the report's closing notes: what to do about the header's notices, at more
// length than the header has room for.
func notesSection(r reports.Report) (htmlSection, bool) {
	// The notices are written in their language already, figures too.
	s := htmlSection{ID: "notes", Title: r.Lang.T("Notes"), Written: true}
	for _, n := range r.Notices {
		if n.Help != "" {
			s.Intro = append(s.Intro, r.Lang.T("%s: %s", n.Title, n.Help))
		}
	}
	return s, len(s.Intro) > 0
}

// maxProblems bounds the problems listed in the page; `footprint validate` lists them all.
const maxProblems = 50

func qualitySection(r reports.Report) htmlSection {
	s := htmlSection{ID: "quality", Title: r.Lang.T("Data quality"),
		PrintNote: r.Lang.T("On paper, each table of this section shows its first 12 rows; the report on screen lists more, and footprint validate lists every problem.")}
	s.Intro = []string{r.Lang.T("Rows: %d read, %d used, %d rejected. Problems: %d error(s), %d warning(s).",
		r.Rows.Read, r.Rows.Used, r.Rows.Rejected, r.Errors, r.Warnings)}
	if y, ok := reports.YearOf(r.Years, r.ReportingYear); ok {
		if line := reports.GWPBasisSentence(r.Lang, y, r.Method()); line != "" {
			s.Intro = append(s.Intro, r.Lang.T("GWP basis: %s", line))
		}
	}
	if len(r.Problems) == 0 {
		return s
	}
	// Factors applied to years before their data year are listed in full, whatever the number
	// of other problems: they qualify the figures, not just the inputs.
	l := r.Lang
	later := &htmlTable{Caption: l.T("Factors applied before their data year"), Head: []string{l.T("File"), l.T("Sheet"), l.T("Cell"), l.T("Message")}}
	for _, p := range r.Problems {
		if p.Cause == emissions.CauseAnachronism {
			later.Rows = append(later.Rows, htmlRow{Cells: []htmlCell{textCell(p.File), textCell(p.Sheet), textCell(p.Cell), textCell(p.Message)}})
		}
	}
	if len(later.Rows) > 0 {
		s.Blocks = append(s.Blocks, htmlBlock{Table: later})
	}
	tb := &htmlTable{Caption: l.T("Problems found in the inputs"), Head: []string{l.T("Severity"), l.T("File"), l.T("Sheet"), l.T("Cell"), l.T("Message")}}
	for i, p := range r.Problems {
		if i == maxProblems {
			break
		}
		tb.Rows = append(tb.Rows, htmlRow{Cells: []htmlCell{textCell(reports.SeverityIn(l, p.Severity)), textCell(p.File), textCell(p.Sheet), textCell(p.Cell), textCell(p.Message)}})
	}
	b := htmlBlock{Table: tb}
	if len(r.Problems) > maxProblems {
		b.Notes = []string{l.T("… and %d more: footprint validate lists them all.", len(r.Problems)-maxProblems)}
	}
	s.Blocks = append(s.Blocks, b)
	return s
}
