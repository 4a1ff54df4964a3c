package text

import (
	"fmt"
	"io"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/pipeline"
	"github.com/footprint/footprint/reports"
)

// ProblemSummary is what `validate` reports: the problems listed, how many each file and
// sheet has (listed or not), and the rows.
type ProblemSummary struct {
	Problems    []emissions.Problem // as Problems.List gives them
	Places      []emissions.PlaceCount
	Rows        emissions.Rows
	Instruments int
	// Errors and Warnings count every problem, listed or not.
	Errors, Warnings int
}

// NewProblemSummary gathers what validate reports of a run.
func NewProblemSummary(r *pipeline.Result) ProblemSummary {
	ps := &r.Input.Problems
	return ProblemSummary{Problems: ps.List(), Places: ps.ByPlace(), Rows: r.Inventory.Rows,
		Instruments: len(r.Input.Instruments), Errors: ps.Errors(), Warnings: ps.Warnings()}
}

// WriteProblemGroups prints the problems grouped by file and sheet, each group under a line
// that names it and counts its errors and warnings, then the problems not listed (beyond
// emissions.MaxPerCause of one cause), then the totals.
func WriteProblemGroups(w io.Writer, s ProblemSummary) {
	type group struct {
		count emissions.PlaceCount
		list  []emissions.Problem
	}
	var groups []*group
	byPlace := map[[2]string]*group{}
	place := func(file, sheet string) *group {
		k := [2]string{file, sheet}
		if g := byPlace[k]; g != nil {
			return g
		}
		g := &group{count: emissions.PlaceCount{File: file, Sheet: sheet}}
		byPlace[k] = g
		groups = append(groups, g)
		return g
	}
	for _, c := range s.Places {
		place(c.File, c.Sheet).count = c
	}
	var unlisted []emissions.Problem
	for _, p := range s.Problems {
		if p.More > 0 {
			unlisted = append(unlisted, p)
			continue
		}
		g := place(p.File, p.Sheet)
		g.list = append(g.list, p)
	}
	files := map[string]bool{}
	for _, g := range groups {
		if g.count.File != "" {
			files[g.count.File] = true
		}
		n := g.count.Errors + g.count.Warnings
		if n == 0 { // a place only the list knows (cannot happen with Problems.ByPlace)
			for _, p := range g.list {
				if p.Severity == emissions.SeverityError {
					g.count.Errors++
				} else {
					g.count.Warnings++
				}
			}
			n = len(g.list)
		}
		fmt.Fprintf(w, "%s: %s", reports.Printable(groupName(g.count.File, g.count.Sheet)), counts(g.count.Errors, g.count.Warnings))
		if len(g.list) < n {
			fmt.Fprintf(w, " (%s listed)", reports.Thousands(len(g.list)))
		}
		fmt.Fprintln(w)
		for _, p := range g.list {
			if p.Cell != "" {
				fmt.Fprintf(w, "  %s, cell %s: %s\n", p.Severity, reports.Printable(p.Cell), message(p))
			} else {
				fmt.Fprintf(w, "  %s: %s\n", p.Severity, message(p))
			}
		}
	}
	if len(unlisted) > 0 {
		fmt.Fprintf(w, "Not listed (only the first %s problems of each cause are):\n", reports.Thousands(emissions.MaxPerCause))
		for _, p := range unlisted {
			fmt.Fprintf(w, "  %s: %s\n", p.Severity, message(p))
		}
	}
	fmt.Fprintf(w, "Total: %s", counts(s.Errors, s.Warnings))
	if len(files) > 0 {
		fmt.Fprintf(w, " in %s", plural(len(files), "file"))
	}
	fmt.Fprintf(w, "; rows: %s read, %s used, %s rejected; %s.\n",
		reports.Thousands(s.Rows.Read), reports.Thousands(s.Rows.Used), reports.Thousands(s.Rows.Rejected), plural(s.Instruments, "instrument"))
}

// message is a problem's message as printed: the lines footprint breaks it into kept, and any
// control character in a line escaped (reports.Printable); user text in it is quoted already.
func message(p emissions.Problem) string {
	lines := strings.Split(p.Message, "\n")
	for i, l := range lines {
		lines[i] = reports.Printable(l)
	}
	return strings.Join(lines, "\n")
}

// groupName names a group: file and sheet, the file alone, or the configuration.
func groupName(file, sheet string) string {
	switch {
	case file == "":
		return "Configuration and settings"
	case sheet == "":
		return file
	}
	return file + ", sheet " + sheet
}

func counts(errors, warnings int) string {
	return plural(errors, "error") + ", " + plural(warnings, "warning")
}

// plural is n and the noun, in the plural unless n is 1, with thousands separated.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return reports.Thousands(n) + " " + noun + "s"
}
