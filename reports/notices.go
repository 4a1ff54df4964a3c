package reports

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/pipeline"
)

// Notice is something every output says before any figure, on its first screen: that the run
// is the demo, that no target is configured, what the figures leave out. The report's header,
// the first lines of calc, report and validate, the JSON document and the export's Summary
// sheet show the same notices, in the same order.
type Notice struct {
	// Code names the notice for programs: demo, no-target, base-year-later-factors,
	// rows-rejected, sheets-not-read, files-not-read, instruments-capped, sheet-copy,
	// hidden-counted, merged-cells, rows-repeated, names-differ-by-case, years-without-figures,
	// reporting-year-thin, reporting-year-empty, reporting-year-future.
	Code string `json:"code"`
	// Tone is how loud the notice is: "bad" when figures are missing from the totals, "warn"
	// otherwise.
	Tone    string `json:"tone"`
	Title   string `json:"title"`
	Message string `json:"message"`
	// Help says what to do about it, at more length than the first screen has room for: the
	// report's closing notes show it. "" when the message says it already.
	Help string `json:"help,omitempty"`
}

// Notice tones.
const (
	ToneWarn = "warn"
	ToneBad  = "bad"
)

// The notices' titles (catalogue keys: each notice is worded in the run's language).
var (
	demoTitle     = lang.Key("This is the demo")
	noTargetTitle = lang.Key("No target configured")
	leftOutTitle  = lang.Key("Left out of these figures")
)

// cappedCause is the warning of a contractual instrument capped at the consumption it covers.
const cappedCause = "instrument-capped"

// copyCause is the warning of a sheet named as Excel names a copy of another sheet read.
const copyCause = "sheet-copy"

// maxPlaces is how many files or sheets a notice names before counting the rest.
const maxPlaces = 5

// Notices are what the first screen of every output of the run says before its figures: the
// demo, a missing target, and what the figures leave out, taken from the rows and problems
// the run already counted.
func Notices(r *pipeline.Result) []Notice {
	var out []Notice
	cfg := r.Config
	l := cfg.Lang()
	if cfg.Demo {
		// The same words wherever the demo's file is (built in, the repository's, a copy):
		// the key, not the path, makes it the demo.
		out = append(out, Notice{Code: "demo", Tone: ToneWarn, Title: l.T(demoTitle),
			Message: l.T("the configuration is the demo's (`demo: true`), made for an invented site: its organisation, targets, levers, credits and intensities are illustrative, not yours. Run `footprint init` to set up your own site.")})
	}
	if len(cfg.Trajectory.Targets) == 0 {
		// The message says what to do in a few words: calc and validate print it where there is
		// no report whose closing notes would give the Help.
		out = append(out, Notice{Code: "no-target", Tone: ToneWarn, Title: l.T(noTargetTitle),
			Message: l.T("these figures are not measured against any reduction target: add a trajectory block to the configuration (`footprint init` writes a config.yaml with one to fill in; docs/configuration.md describes it)."),
			Help:    l.T("To add a reduction target, write a trajectory block in the configuration: base_year (a year with data), target_year, and one target per group of scopes, e.g. `- {name: Scopes 1+2, scopes: [1, 2], pathway: sbti-1.5}` (pathways: sbti-1.5, sbti-wb2, or linear with reduction_pct). `footprint init` writes a config.yaml with such a block to fill in; docs/configuration.md describes every key.")})
	}
	if r.Inventory != nil && r.Library != nil {
		base := cfg.Trajectory.BaseYear
		for _, y := range r.Years {
			if y.Year == base {
				method := cfg.Trajectory.Scope2Method
				if n, ok := baseYearOnLaterData(l, base, y.Total(method), emissions.Anachronisms(r.Inventory.Lines, r.Library, base, method)); ok {
					out = append(out, n)
				}
			}
		}
	}
	out = append(out, leftOut(l, r.Inventory.Rows, rejectedYearsOf(r), r.Input.InstrumentRows, r.Input.Problems.List())...)
	out = append(out, sheetCopies(l, r.Input.Problems.List())...)
	out = append(out, hiddenCounted(l, r.Input.Problems.List())...)
	out = append(out, mergedOverRows(l, r.Input.Problems.List())...)
	out = append(out, repeatedRows(l, r.Input.Problems.List())...)
	out = append(out, namesByCase(l, r.Years)...)
	out = append(out, yearsWithoutFigures(r)...)
	return append(out, reportingYear(r)...)
}

// reportingYear questions a reporting year the figures may not stand for: one with far fewer
// activity rows than the year before it (a stray row of the next year makes the latest year
// with data the headline, "−100 % on track"), one without any row when no year before it has
// rows either (2019 given, the rows of 2023 and 2024), or one after the current year (2042
// typed for 2024).
func reportingYear(r *pipeline.Result) []Notice {
	y := r.Year
	if y == 0 {
		return nil
	}
	l := r.Config.Lang()
	var out []Notice
	prev := 0
	for py, n := range r.Input.YearsRead {
		if py < y && py > prev && n > 0 {
			prev = py
		}
	}
	configured := r.Config.ReportingYear != 0
	if n, before := r.Input.YearsRead[y], r.Input.YearsRead[prev]; prev != 0 && 2*n < before {
		has := l.T("has %s", count(l, n, lang.Key("activity row"), lang.Key("activity rows")))
		if n == 0 {
			has = l.T("has no activity row")
		}
		msg := l.T("%v %s, against %s in %v: its figures may be incomplete", lang.Year(y), has, l.Localize(Thousands(before)), lang.Year(prev))
		if configured {
			msg += l.T("; it is the configured reporting year (reporting_year or --year): give %v to report on that year instead", lang.Year(prev))
		} else {
			msg += l.T("; set reporting_year in the config to report on %v", lang.Year(prev))
		}
		out = append(out, Notice{Code: "reporting-year-thin", Tone: ToneWarn, Title: l.T("Reporting year with little data"), Message: msg + "."})
	}
	if r.Input.YearsRead[y] == 0 && prev == 0 {
		// No row of the year, and none before it: the thin year's notice is silent, and the
		// figures would be of other years or of none, without a word.
		var years []string
		for yy, n := range r.Input.YearsRead {
			if n > 0 {
				years = append(years, strconv.Itoa(yy))
			}
		}
		slices.Sort(years)
		var msg string
		switch len(years) {
		case 0:
		case 1:
			msg = l.T("%v has no activity row; the inputs have rows of %s only: give that year as reporting_year or --year.", lang.Year(y), years[0])
		default:
			msg = l.T("%v has no activity row; the inputs have rows of %s: give one of those years as reporting_year or --year.", lang.Year(y), strings.Join(years, ", "))
		}
		if msg != "" {
			out = append(out, Notice{Code: "reporting-year-empty", Tone: ToneWarn, Title: l.T("Reporting year without data"), Message: msg})
		}
	}
	if r.ThisYear != 0 && y > r.ThisYear {
		why := l.T("the latest year with data: check the Year cells of its rows (a typo such as 2042 for 2024?)")
		if configured {
			why = l.T("as configured (reporting_year, or --year): check it, and the Year cells of its rows")
		}
		out = append(out, Notice{Code: "reporting-year-future", Tone: ToneWarn, Title: l.T("Reporting year in the future"),
			Message: l.T("the reporting year %v is after the current year %v; it is %s. A year not yet over has no complete figures.", lang.Year(y), lang.Year(r.ThisYear), why)})
	}
	return out
}

// yearsWithoutFigures names the years whose rows were read but none used: they have no
// figure at all, and a reporting year taken as the latest with data skips them.
func yearsWithoutFigures(r *pipeline.Result) []Notice {
	has := map[int]bool{}
	for _, y := range r.Years {
		has[y.Year] = true
	}
	var years []int
	for y := range r.Input.YearsRead {
		if !has[y] {
			years = append(years, y)
		}
	}
	if len(years) == 0 {
		return nil
	}
	slices.Sort(years)
	l := r.Config.Lang()
	var parts []string
	for _, y := range years {
		parts = append(parts, fmt.Sprintf("%d (%s)", y, count(l, r.Input.YearsRead[y], lang.Key("row"), lang.Key("rows"))))
	}
	msg := l.T("no figure for %s: every row of those years was rejected.", strings.Join(parts, ", "))
	if len(years) == 1 {
		msg = l.T("no figure for %s: every row of that year was rejected.", strings.Join(parts, ", "))
	}
	if last := years[len(years)-1]; r.Config.ReportingYear == 0 && last > r.Year && r.Year != 0 {
		msg += " " + l.T("The reporting year is %v, the latest year with usable rows, not %v.", lang.Year(r.Year), lang.Year(last))
	}
	return []Notice{{Code: "years-without-figures", Tone: ToneBad, Title: l.T(leftOutTitle), Message: msg}}
}

// baseYearOnLaterData flags a base year computed in part with factors whose data is for later
// years: a reduction measured from it compares later data with later data, not the base
// year's emissions. It names the factors and the share of the base year's total they carry.
func baseYearOnLaterData(l lang.Lang, base int, total float64, found []emissions.Anachronism) (Notice, bool) {
	if len(found) == 0 {
		return Notice{}, false
	}
	on := 0.0
	var names []string
	for i, a := range found {
		on += a.TCO2e
		if i < maxPlaces {
			names = append(names, l.T("%s (%v data, %s t)", a.FactorID, lang.Year(a.DataYear), l.Localize(Tonnes(a.TCO2e))))
		}
	}
	if len(found) > maxPlaces {
		names = append(names, l.T("and %d more", len(found)-maxPlaces))
	}
	pct := EmDash
	if total > 0 {
		pct = l.Localize(strconv.FormatFloat(100*on/total, 'f', 1, 64) + " %")
	}
	return Notice{Code: "base-year-later-factors", Tone: ToneWarn, Title: l.T("Base year on later factors"),
		Message: l.T("the base year %v rests in part on factors whose data is for a later year: %s t of its %s tCO2e (%s) comes from %s. The problems list each factor and year.",
			lang.Year(base), l.Localize(Tonnes(on)), l.Localize(Tonnes(total)), pct, strings.Join(names, ", ")),
		Help: l.T("A factor's data year is the year its source describes. For %v activity, give a vintage of %v or earlier in config factors.custom (with its source), or state in the report why the later data stands for the base year; docs/methodology.md says how footprint picks a factor's vintage.", lang.Year(base), lang.Year(base))}, true
}

// rejectedYears are the rejected activity rows per year (of those whose Year cell reads), with
// the base and reporting years, which the notice names: a base year short of a rejected row
// makes the progress look smaller or larger than it is.
type rejectedYears struct {
	n               map[int]int
	base, reporting int
	rejected        int // all the rejected activity rows, those without a readable year too
}

func sum(ns iter.Seq[int]) int {
	t := 0
	for n := range ns {
		t += n
	}
	return t
}

// rejectedYearsOf are r's rejected rows by year when the inputs hold more than one year (with
// one, the count says it all), with the base year of the targets, if any, and the reporting
// year.
func rejectedYearsOf(r *pipeline.Result) rejectedYears {
	if len(r.Input.YearsRead) < 2 {
		return rejectedYears{}
	}
	ry := rejectedYears{n: r.Inventory.RejectedYears, reporting: r.Year, rejected: r.Inventory.Rows.Rejected}
	if r.Trajectory != nil && len(r.Config.Trajectory.Targets) > 0 {
		ry.base = r.Trajectory.BaseYear // the year the targets are measured from
	}
	return ry
}

// text is "; of these, 1 of 2023 (the base year), 8 of 2024 (the reporting year)", or "".
func (ry rejectedYears) text(l lang.Lang) string {
	var parts []string
	for _, y := range slices.Sorted(maps.Keys(ry.n)) {
		part := l.T("%s of %v", l.Localize(Thousands(ry.n[y])), lang.Year(y))
		switch {
		case y == ry.base && y == ry.reporting:
			part += l.T(" (the base and reporting year)")
		case y == ry.base:
			part += l.T(" (the base year)")
		case y == ry.reporting:
			part += l.T(" (the reporting year)")
		}
		parts = append(parts, part)
	}
	if len(parts) == 0 {
		return ""
	}
	if n := ry.rejected - sum(maps.Values(ry.n)); n > 0 {
		parts = append(parts, l.T("%s without a readable year", l.Localize(Thousands(n))))
	}
	return l.T("; of these, %s", strings.Join(parts, ", "))
}

// leftOut says what the figures leave out: rejected activity and instrument rows (the
// activity rows by year), sheets and files not read, capped instruments. problems is the list
// Problems.List gives (its lines of problems not listed count the instruments beyond the
// bound).
func leftOut(l lang.Lang, rows emissions.Rows, years rejectedYears, instruments emissions.InstrumentRows, problems []emissions.Problem) []Notice {
	var sheets, files, rejectedIn, capped places
	fatalAt := map[[2]string]bool{}
	nCapped := 0
	for _, p := range problems {
		switch {
		case p.More > 0:
			if p.Cause == cappedCause {
				nCapped += p.More
			}
		case p.Fatal && p.Sheet != "":
			sheets.add(p.File, p.Sheet)
			fatalAt[[2]string{p.File, p.Sheet}] = true
		case p.Fatal && p.File != "" && p.Cause != "config":
			files.add(p.File, "")
		case p.Cause == cappedCause:
			nCapped++
			capped.add(p.File, p.Sheet)
		case p.Severity == emissions.SeverityError && !p.Fatal && p.File != "":
			rejectedIn.add(p.File, p.Sheet)
		}
	}
	var out []Notice
	read := count(l, rows.Read, lang.Key("activity row"), lang.Key("activity rows"))
	if rows.Rejected > 0 || instruments.Rejected > 0 {
		rejectedIn = rejectedIn.without(fatalAt)
		var what []string
		if rows.Rejected > 0 {
			what = append(what, l.T("%s of %s (%s)", l.Localize(Thousands(rows.Rejected)), read, l.Localize(share(rows.Rejected, rows.Read))))
		}
		if n := instruments.Rejected; n > 0 {
			what = append(what, l.T("%s of %s (%s)", l.Localize(Thousands(n)),
				count(l, instruments.Read, lang.Key("contractual instrument row"), lang.Key("contractual instrument rows")), l.Localize(share(n, instruments.Read))))
		}
		msg := l.T("%s were rejected", strings.Join(what, l.T(" and ")))
		if len(rejectedIn.keys) > 0 {
			msg += l.T(", in %s", rejectedIn.String())
		}
		msg += years.text(l)
		switch instruments.Rejected {
		case 0:
		case 1:
			msg += l.T(": the market-based Scope 2 is computed without that instrument")
		default:
			msg += l.T(": the market-based Scope 2 is computed without those instruments")
		}
		out = append(out, Notice{Code: "rows-rejected", Tone: ToneBad, Title: l.T(leftOutTitle),
			Message: msg + l.T(". Each is listed with its cell and reason among the problems.")})
	}
	if n := len(sheets.keys); n > 0 {
		out = append(out, Notice{Code: "sheets-not-read", Tone: ToneBad, Title: l.T(leftOutTitle),
			Message: l.T("%s not read, or not in full: %s. %s not among the %s read; the problems say why.", count(l, n, lang.Key("sheet was"), lang.Key("sheets were")), sheets, their(l, n), read)})
	}
	if n := len(files.keys); n > 0 {
		out = append(out, Notice{Code: "files-not-read", Tone: ToneBad, Title: l.T(leftOutTitle),
			Message: l.T("%s not be read: %s. %s not among the %s read; the problems say why.", count(l, n, lang.Key("file could"), lang.Key("files could")), files, their(l, n), read)})
	}
	if nCapped > 0 {
		out = append(out, Notice{Code: "instruments-capped", Tone: ToneWarn, Title: l.T(leftOutTitle),
			Message: l.T("%s capped at the consumption left to cover, in %s: the part beyond it is not counted in the market-based Scope 2.", count(l, nCapped, lang.Key("contractual instrument row was"), lang.Key("contractual instrument rows were")), capped)})
	}
	return out
}

// sheetCopies names the sheets that look like copies of another sheet of their workbook
// ("Materials (2)" beside "Materials"): both are counted, and a copy doubles its figures.
func sheetCopies(l lang.Lang, problems []emissions.Problem) []Notice {
	var copies []string
	n := 0
	for _, p := range problems {
		if p.Cause != copyCause {
			continue
		}
		if p.More > 0 {
			n += p.More
			continue
		}
		if n++; n > maxPlaces {
			continue
		}
		original := p.Sheet
		if i := strings.LastIndex(original, " ("); i > 0 {
			original = original[:i]
		}
		copies = append(copies, l.T("in %s, sheet %s looks like a copy of %s", printable(p.File), strconv.Quote(p.Sheet), strconv.Quote(original)))
	}
	if n == 0 {
		return nil
	}
	if n > maxPlaces {
		copies = append(copies, l.T("and %d more", n-maxPlaces))
	}
	return []Notice{{Code: "sheet-copy", Tone: ToneWarn, Title: l.T("A sheet may be counted twice"),
		Message: l.T("%s: both are counted, so if a copy repeats the other's rows its figures are doubled. Delete the copy, or rename it if its rows are other activities.", strings.Join(copies, "; "))}}
}

// hiddenCounted says that rows or sheets hidden in Excel are counted: a team that hid them to
// leave them out would otherwise read figures that hold them.
func hiddenCounted(l lang.Lang, problems []emissions.Problem) []Notice {
	at := placesOf(problems, "hidden-rows", "hidden-sheet")
	if len(at.keys) == 0 {
		return nil
	}
	return []Notice{{Code: "hidden-counted", Tone: ToneWarn, Title: l.T("Hidden rows counted"),
		Message: l.T("rows or sheets hidden in Excel are counted like the others, in %s; unhide them to check them, or delete those that should not count. The problems say which.", at.String())}}
}

// mergedOverRows says that cells merged over data rows were read blank below their first row:
// Excel shows the value on every row of the range, the file holds it once, and a blank Site
// or Pole takes the default.
func mergedOverRows(l lang.Lang, problems []emissions.Problem) []Notice {
	at := placesOf(problems, "merged")
	if len(at.keys) == 0 {
		return nil
	}
	return []Notice{{Code: "merged-cells", Tone: ToneWarn, Title: l.T("Merged cells"),
		Message: l.T("cells merged over data rows, in %s, hold their value on their first row only: the other rows read them blank (a blank Site or Pole takes the default). Unmerge them and fill every row; the problems say which.", at.String())}}
}

// repeatedRows says that rows repeat the row above cell for cell: each is counted, which is
// right for two identical deliveries and doubles the figure of a row pasted twice.
func repeatedRows(l lang.Lang, problems []emissions.Problem) []Notice {
	n := 0
	for _, p := range problems {
		if p.Cause == "repeated-row" {
			n += max(p.More, 1)
		}
	}
	if n == 0 {
		return nil
	}
	return []Notice{{Code: "rows-repeated", Tone: ToneWarn, Title: l.T("Rows counted twice?"),
		Message: l.T("%s the row above cell for cell, in %s: each is counted. If a row was pasted twice, delete the copy; the problems say which.",
			count(l, n, lang.Key("row repeats"), lang.Key("rows repeat")), placesOf(problems, "repeated-row").String())}}
}

// placesOf are the files and sheets of the listed problems of the causes given.
func placesOf(problems []emissions.Problem, causes ...string) places {
	var at places
	for _, p := range problems {
		if p.More == 0 && slices.Contains(causes, p.Cause) {
			at.add(p.File, p.Sheet)
		}
	}
	return at
}

// namesByCase says which sites or poles differ only by case ("Flins" and "FLINS"): they are
// counted apart, which splits a site's figures, and its instruments cover only the rows that
// name it as they do.
func namesByCase(l lang.Lang, years []emissions.YearTotals) []Notice {
	var parts []string
	for _, kind := range []struct {
		what  string // the catalogue key that names the groups
		names func(emissions.YearTotals) map[string]float64
	}{
		{lang.Key("sites %s"), func(y emissions.YearTotals) map[string]float64 { return y.BySite }},
		{lang.Key("poles %s"), func(y emissions.YearTotals) map[string]float64 { return y.ByPole }},
	} {
		byFold := map[string][]string{}
		for _, y := range years {
			for name := range kind.names(y) {
				k := strings.ToLower(name)
				if !slices.Contains(byFold[k], name) {
					byFold[k] = append(byFold[k], name)
				}
			}
		}
		var groups []string
		for _, names := range byFold {
			if len(names) > 1 {
				slices.Sort(names)
				quoted := make([]string, len(names))
				for i, n := range names {
					quoted[i] = strconv.Quote(n)
				}
				groups = append(groups, strings.Join(quoted, l.T(" and ")))
			}
		}
		if len(groups) == 0 {
			continue
		}
		slices.Sort(groups)
		if len(groups) > maxPlaces {
			groups = append(groups[:maxPlaces], l.T("and %d more", len(groups)-maxPlaces))
		}
		parts = append(parts, l.T(kind.what, strings.Join(groups, "; ")))
	}
	if len(parts) == 0 {
		return nil
	}
	return []Notice{{Code: "names-differ-by-case", Tone: ToneWarn, Title: l.T("Names that differ only by case"),
		Message: l.T("%s are counted apart; write each name one way in every row if they are one.", strings.Join(parts, "; "))}}
}

// count is n with the singular or plural phrase in l: count(l, 2, "sheet was", "sheets
// were"), the phrases catalogue keys.
func count(l lang.Lang, n int, one, many string) string {
	if n == 1 {
		return "1 " + l.T(one)
	}
	return l.Localize(Thousands(n)) + " " + l.T(many)
}

// their is what a notice says of the rows of n sheets or files it names.
func their(l lang.Lang, n int) string {
	if n == 1 {
		return l.T("Its rows are")
	}
	return l.T("Their rows are")
}

// share formats n of total as a percentage with one decimal; a share that rounds to 0.0 reads
// "< 0.1 %", so that rows left out never read as none.
func share(n, total int) string {
	if total == 0 {
		return EmDash
	}
	p := 100 * float64(n) / float64(total)
	if p < 0.05 {
		return "< 0.1 %"
	}
	return strconv.FormatFloat(p, 'f', 1, 64) + " %"
}

// places are files, and sheets within them, in the order first seen.
type places struct {
	keys [][2]string
	seen map[[2]string]bool
}

func (ps *places) add(file, sheet string) {
	k := [2]string{file, sheet}
	if ps.seen[k] {
		return
	}
	if ps.seen == nil {
		ps.seen = map[[2]string]bool{}
	}
	ps.seen[k] = true
	ps.keys = append(ps.keys, k)
}

// without returns the places not in drop.
func (ps places) without(drop map[[2]string]bool) places {
	var out places
	for _, k := range ps.keys {
		if !drop[k] {
			out.add(k[0], k[1])
		}
	}
	return out
}

// String names the places, each file once with its sheets: "a.xlsx (Energy, Travel), b.xlsx";
// beyond maxPlaces files or sheets, it counts the rest.
func (ps places) String() string {
	var files []string
	sheets := map[string][]string{}
	for _, k := range ps.keys {
		if _, ok := sheets[k[0]]; !ok {
			files = append(files, k[0])
		}
		sheets[k[0]] = append(sheets[k[0]], k[1])
	}
	var parts []string
	named := 0
	for _, f := range files {
		if named == maxPlaces {
			break
		}
		var ss []string
		for _, s := range sheets[f] {
			if s == "" {
				continue
			}
			if named == maxPlaces {
				ss = append(ss, "…")
				break
			}
			ss = append(ss, printable(s))
			named++
		}
		if len(ss) == 0 {
			named++
			parts = append(parts, printable(f))
			continue
		}
		parts = append(parts, printable(f)+" ("+strings.Join(ss, ", ")+")")
	}
	if rest := len(files) - len(parts); rest > 0 {
		parts = append(parts, fmt.Sprintf("and %d more file(s)", rest))
	}
	return strings.Join(parts, ", ")
}

// printable is s, quoted with its control characters escaped when it holds any, so that a
// name cannot drive the terminal the notice is printed on.
func printable(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	return strconv.Quote(s)
}
