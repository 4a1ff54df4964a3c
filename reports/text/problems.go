package text

import (
	"fmt"
	"io"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
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
// emissions.MaxPerCause of one cause), then the totals, in the language l (the problems'
// messages are in the language they were written in).
func WriteProblemGroups(w io.Writer, l lang.Lang, s ProblemSummary) {
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
		fmt.Fprint(w, l.T("%s: %s", reports.Printable(groupName(l, g.count.File, g.count.Sheet)), counts(l, g.count.Errors, g.count.Warnings)))
		if len(g.list) < n {
			fmt.Fprint(w, l.T(" (%s listed)", l.Int(len(g.list))))
		}
		fmt.Fprintln(w)
		for _, p := range g.list {
			if p.Cell != "" {
				fmt.Fprintln(w, "  "+l.T("%s, cell %s: %s", reports.SeverityIn(l, p.Severity), reports.Printable(p.Cell), message(p)))
			} else {
				fmt.Fprintln(w, "  "+l.T("%s: %s", reports.SeverityIn(l, p.Severity), message(p)))
			}
		}
	}
	if len(unlisted) > 0 {
		fmt.Fprintln(w, l.T("Not listed (only the first %s problems of each cause are):", l.Int(emissions.MaxPerCause)))
		for _, p := range unlisted {
			more := l.T("%d more problems of this kind (%s) not listed", lang.Plain(p.More), p.Cause) // as emissions.Problems.List writes it
			fmt.Fprintln(w, "  "+l.T("%s: %s", reports.SeverityIn(l, p.Severity), more))
		}
	}
	fmt.Fprint(w, l.T("Total: %s", counts(l, s.Errors, s.Warnings)))
	if len(files) > 0 {
		fmt.Fprint(w, l.T(" in %s", nouns(l, len(files), l.T("file"), l.T("files"))))
	}
	fmt.Fprintln(w, l.T("; rows: %d read, %d used, %d rejected; %s.",
		s.Rows.Read, s.Rows.Used, s.Rows.Rejected, nouns(l, s.Instruments, l.T("instrument"), l.T("instruments"))))
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
func groupName(l lang.Lang, file, sheet string) string {
	switch {
	case file == "":
		return l.T("Configuration and settings")
	case sheet == "":
		return file
	}
	return l.T("%s, sheet %s", file, sheet)
}

func counts(l lang.Lang, errors, warnings int) string {
	return nouns(l, errors, l.T("error"), l.T("errors")) + ", " + nouns(l, warnings, l.T("warning"), l.T("warnings"))
}

// nouns is n and the noun, one or many as the language has it (French says 0 erreur, English
// 0 errors), with thousands separated.
func nouns(l lang.Lang, n int, one, many string) string {
	if n == 1 || n == 0 && l.IsFrench() {
		return l.Int(n) + " " + one
	}
	return l.Int(n) + " " + many
}
