package emissions

import (
	"cmp"
	"fmt"
	"slices"
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
	// Fatal marks a problem added with Fatalf: a file, sheet or configuration that could not
	// be used at all, not one row.
	Fatal bool `json:"-"`
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
	// KeepRejected keeps every rejected row's messages (Problem.RejectedRow), beyond
	// MaxPerCause, in a temporary file (Rejected): for annotate, which writes each next to
	// its row. The list stays bounded.
	KeepRejected bool
	rejected     rejectedSpool
	list         []Problem
	perCode      map[string]int
	errors       int
	fatal        int
	// perPlace counts every problem (listed or not) per file and sheet, in the order places
	// are first seen.
	perPlace map[PlaceCount]int
	places   []PlaceCount
	// What joining a branch's problems needs (Input.Join): each problem's number in the order
	// added (listed or not), the number of each place's first, and the warnings a branch gives
	// once per key, which are kept only if no workbook before gave them.
	added int
	first []int
	once  []onceMark
}

// onceMark is a warning a branch gave once per key (Calculator.warnOnce): at its index in the
// list, with its number. Until it is joined it is listed whatever the bound, and neither
// counted nor placed.
type onceMark struct {
	at, n int
	key   string
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
	pc := PlaceCount{File: p.File, Sheet: p.Sheet}
	if p.Severity == SeverityError {
		ps.errors++
		pc.Errors = 1
	} else {
		pc.Warnings = 1
	}
	ps.place(pc, ps.added)
	ps.added++
	key := p.code()
	ps.perCode[key]++
	if ps.perCode[key] <= MaxPerCause {
		ps.list = append(ps.list, p)
	}
	if ps.KeepRejected {
		if place, ok := p.RejectedRow(); ok {
			ps.rejected.add(place, p.Message)
		}
	}
}

// Rejected gives every rejected row's messages in the order found, when they are kept
// (KeepRejected).
func (ps *Problems) Rejected() RejectedSource { return &ps.rejected }

// Close drops the rejected rows' messages kept.
func (ps *Problems) Close() { ps.rejected.close() }

// code is the key of the bound on a problem's cause.
func (p *Problem) code() string { return string(p.Severity) + "/" + p.Cause }

// place counts pc's problems at its file and sheet; a place not seen before is the next,
// first seen at the problem numbered n.
func (ps *Problems) place(pc PlaceCount, n int) {
	if ps.perPlace == nil {
		ps.perPlace = map[PlaceCount]int{}
	}
	k := PlaceCount{File: pc.File, Sheet: pc.Sheet}
	i, ok := ps.perPlace[k]
	if !ok {
		i = len(ps.places)
		ps.perPlace[k] = i
		ps.places = append(ps.places, k)
		ps.first = append(ps.first, n)
	}
	ps.places[i].Errors += pc.Errors
	ps.places[i].Warnings += pc.Warnings
}

// addOnce records a warning a branch gives once per key, for Input.Join to keep or drop.
func (ps *Problems) addOnce(key string, p Problem) {
	ps.once = append(ps.once, onceMark{at: len(ps.list), n: ps.added, key: key})
	ps.list = append(ps.list, p)
	ps.added++
}

// Merge adds every problem of o, listed or only counted, as if they were added to ps.
func (ps *Problems) Merge(o *Problems) { ps.merge(o, nil) }

// merge adds every problem of o as if they were added to ps. given, when set, tells which
// keys of o's once-per-key warnings were given before: those are dropped and the others
// become problems like any other; without it they stay marked.
func (ps *Problems) merge(o *Problems, given func(key string) bool) {
	if ps.perCode == nil {
		ps.perCode = map[string]int{}
	}
	base := ps.added
	// A place comes in the order of its first problem kept: its first counted one, or a
	// once-per-key warning kept before it.
	type firstAt struct {
		n  int
		pc PlaceCount
	}
	firsts := make([]firstAt, 0, len(o.places)+len(o.once))
	for i, pc := range o.places {
		firsts = append(firsts, firstAt{o.first[i], pc})
	}
	kept := make([]bool, len(o.once))
	for i, m := range o.once {
		if given != nil && !given(m.key) {
			kept[i] = true
			p := &o.list[m.at]
			firsts = append(firsts, firstAt{m.n, PlaceCount{File: p.File, Sheet: p.Sheet, Warnings: 1}})
		}
	}
	slices.SortStableFunc(firsts, func(a, b firstAt) int { return cmp.Compare(a.n, b.n) })
	for _, f := range firsts {
		ps.place(f.pc, base+f.n)
	}
	next := 0 // o.once[next] is the next once-per-key warning in o.list
	for j, p := range o.list {
		if next < len(o.once) && o.once[next].at == j {
			m, keep := o.once[next], kept[next]
			next++
			switch {
			case given == nil:
				ps.once = append(ps.once, onceMark{at: len(ps.list), n: base + m.n, key: m.key})
				ps.list = append(ps.list, p)
			case keep:
				key := p.code()
				ps.perCode[key]++
				if ps.perCode[key] <= MaxPerCause {
					ps.list = append(ps.list, p)
				}
			}
			continue
		}
		key := p.code()
		if ps.perCode[key] < MaxPerCause {
			ps.list = append(ps.list, p)
		}
		ps.perCode[key]++
	}
	for key, n := range o.perCode {
		// those o counted without listing them
		ps.perCode[key] += n - min(n, MaxPerCause)
	}
	ps.rejected.merge(&o.rejected)
	ps.errors += o.errors
	ps.fatal += o.fatal
	ps.added += o.added
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
	ps.Add(Problem{Severity: SeverityError, File: file, Sheet: sheet, Cell: cell, Message: fmt.Sprintf(format, args...), Cause: cause, Fatal: true})
}

// Fatal is the number of errors added with Fatalf.
func (ps *Problems) Fatal() int { return ps.fatal }

// List returns the problems kept, followed by one summary line per cause that had more than
// MaxPerCause.
func (ps *Problems) List() []Problem {
	out := append([]Problem(nil), ps.list...)
	var over []string
	for key, n := range ps.perCode {
		if n > MaxPerCause {
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
