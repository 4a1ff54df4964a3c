package emissions

import (
	"fmt"
	"sort"
	"strings"
)

// Severity of a problem: an error rejects a row (or a sheet, or a file); a warning is a
// choice the calculation made that a reader should know about.
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Problem is one thing wrong with, or worth knowing about, an input, with its place. Cell is a
// bare A1 reference; Sheet and Cell are empty for file-level and configuration problems.
type Problem struct {
	Severity Severity `json:"severity"`
	File     string   `json:"file"`
	Sheet    string   `json:"sheet,omitempty"`
	Cell     string   `json:"cell,omitempty"`
	Message  string   `json:"message"`
	// Cause groups problems of one kind ("quantity-text", "unknown-activity", …) for the bound
	// on how many are kept.
	Cause string `json:"cause"`
	// More is, on the line List adds after the kept problems of a cause, how many more of that
	// cause were found and not listed; 0 on every problem found.
	More int `json:"more,omitempty"`
}

func (p Problem) String() string {
	place := p.File
	if p.Sheet != "" {
		place += ": sheet " + p.Sheet
	}
	if p.Cell != "" {
		place += ", cell " + p.Cell
	}
	if place == "" {
		return fmt.Sprintf("%s: %s", p.Severity, p.Message)
	}
	return fmt.Sprintf("%s: %s: %s", p.Severity, place, p.Message)
}

// MaxPerCause is how many problems of one cause are kept; the rest are only counted, so a
// million bad rows stay in bounded memory.
const MaxPerCause = 1000

// Problems collects problems, keeping the first MaxPerCause of each cause.
type Problems struct {
	// Unbounded keeps every problem in the list, beyond MaxPerCause: for annotate, which
	// writes each rejected row's problem next to it.
	Unbounded bool
	list      []Problem
	perCode   map[string]int
	errors    int
	fatal     int
	// perPlace counts every problem (listed or not) per file and sheet, in the order places
	// are first seen.
	perPlace map[PlaceCount]int
	places   []PlaceCount
}

// PlaceCount counts the problems of one file and sheet (Sheet "" for the file itself, File ""
// for the configuration), listed or not.
type PlaceCount struct {
	File, Sheet      string
	Errors, Warnings int
}

// Add records p.
func (ps *Problems) Add(p Problem) {
	if ps.perCode == nil {
		ps.perCode = map[string]int{}
	}
	if p.Severity == SeverityError {
		ps.errors++
	}
	if ps.perPlace == nil {
		ps.perPlace = map[PlaceCount]int{}
	}
	place := PlaceCount{File: p.File, Sheet: p.Sheet}
	i, ok := ps.perPlace[place]
	if !ok {
		i = len(ps.places)
		ps.perPlace[place] = i
		ps.places = append(ps.places, place)
	}
	if p.Severity == SeverityError {
		ps.places[i].Errors++
	} else {
		ps.places[i].Warnings++
	}
	key := string(p.Severity) + "/" + p.Cause
	ps.perCode[key]++
	if ps.Unbounded || ps.perCode[key] <= MaxPerCause {
		ps.list = append(ps.list, p)
	}
}

// Merge adds every problem of o, listed or only counted, as if they were added to ps.
func (ps *Problems) Merge(o *Problems) {
	if ps.perCode == nil {
		ps.perCode = map[string]int{}
	}
	if ps.perPlace == nil {
		ps.perPlace = map[PlaceCount]int{}
	}
	for _, p := range o.list {
		key := string(p.Severity) + "/" + p.Cause
		if ps.Unbounded || ps.perCode[key] < MaxPerCause {
			ps.list = append(ps.list, p)
		}
		ps.perCode[key]++
	}
	for key, n := range o.perCode {
		// those o counted without listing them
		kept := min(n, MaxPerCause)
		if o.Unbounded {
			kept = n
		}
		ps.perCode[key] += n - kept
	}
	for _, pc := range o.places {
		i, ok := ps.perPlace[PlaceCount{File: pc.File, Sheet: pc.Sheet}]
		if !ok {
			i = len(ps.places)
			ps.perPlace[PlaceCount{File: pc.File, Sheet: pc.Sheet}] = i
			ps.places = append(ps.places, PlaceCount{File: pc.File, Sheet: pc.Sheet})
		}
		ps.places[i].Errors += pc.Errors
		ps.places[i].Warnings += pc.Warnings
	}
	ps.errors += o.errors
	ps.fatal += o.fatal
}

// Errorf and Warnf add a problem at a place.
func (ps *Problems) Errorf(cause, file, sheet, cell, format string, args ...any) {
	ps.Add(Problem{Severity: SeverityError, File: file, Sheet: sheet, Cell: cell, Message: fmt.Sprintf(format, args...), Cause: cause})
}

func (ps *Problems) Warnf(cause, file, sheet, cell, format string, args ...any) {
	ps.Add(Problem{Severity: SeverityWarning, File: file, Sheet: sheet, Cell: cell, Message: fmt.Sprintf(format, args...), Cause: cause})
}

// Fatalf adds an error that is not about one row: an unreadable file, a sheet without its
// required columns, a configuration mistake. Any such error fails a run (exit code 1).
func (ps *Problems) Fatalf(cause, file, sheet, cell, format string, args ...any) {
	ps.fatal++
	ps.Errorf(cause, file, sheet, cell, format, args...)
}

// Fatal is the number of errors added with Fatalf.
func (ps *Problems) Fatal() int { return ps.fatal }

// List returns the problems kept, followed by one summary line per cause that had more than
// MaxPerCause.
func (ps *Problems) List() []Problem {
	out := append([]Problem(nil), ps.list...)
	var over []string
	for key, n := range ps.perCode {
		if n > MaxPerCause && !ps.Unbounded {
			over = append(over, key)
		}
	}
	sort.Strings(over)
	for _, key := range over {
		sev, cause, _ := strings.Cut(key, "/")
		out = append(out, Problem{Severity: Severity(sev), Cause: cause, More: ps.perCode[key] - MaxPerCause,
			Message: fmt.Sprintf("%d more problems of this kind (%s) not listed", ps.perCode[key]-MaxPerCause, cause)})
	}
	return out
}

// ByPlace counts the problems of each file and sheet, listed or not, in the order the places
// were first seen.
func (ps *Problems) ByPlace() []PlaceCount {
	return append([]PlaceCount(nil), ps.places...)
}

// Errors is the number of error problems, listed or not.
func (ps *Problems) Errors() int { return ps.errors }

// Warnings is the number of warning problems, listed or not.
func (ps *Problems) Warnings() int {
	n := 0
	for _, c := range ps.perCode {
		n += c
	}
	return n - ps.errors
}
