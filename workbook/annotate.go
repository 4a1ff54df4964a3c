package workbook

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/internal/atomicfile"
)

// AnnotateHeaders are the columns annotate appends to each activity sheet (docs/annotate.md#the-columns). Each
// starts with "footprint " so that no header alias can take it for an input column, and a
// workbook annotated again gets its old annotation replaced, not doubled.
var AnnotateHeaders = []string{
	"footprint tCO2e",           // location-based: direct + upstream
	"footprint tCO2e market",    // market-based: direct + upstream
	"footprint avoided tCO2e",   // avoided-emissions rows only, never in a total
	"footprint scope",           // scope of the direct part
	"footprint category",        // Scope 3 category of the direct part
	"footprint factor id",       // factor id (blank for already-computed rows)
	"footprint factor value",    // kgCO2e per factor unit, direct part
	"footprint factor upstream", // kgCO2e per factor unit to Scope 3 category 3
	"footprint factor unit",     // kgCO2e/<unit>
	"footprint source",          // the factor's source
	"footprint problem",         // the errors that rejected the row
}

const annotatePrefix = "footprint "

// annotateColumns is len(AnnotateHeaders); TestAnnotateHeadersAreNoColumn checks it.
const annotateColumns = 11

// Annotation is what annotate writes into one workbook: its activity sheets (with their
// header rows) and what each row gave. Lines are every row's lines in the order of the rows,
// sheet by sheet (Inventory.RowLines), and Rejected every rejected row's messages in the same
// order (Problems.Rejected): the streamed writer reads both once, next to the sheet they
// annotate, so a million rows, used or rejected, are never held at once. Outside (the lines of
// gases outside the scopes) are few, and indexed by row.
type Annotation struct {
	Sheets   []emissions.ActivitySheet
	Lines    emissions.LineSource
	Outside  []emissions.Line
	Rejected emissions.RejectedSource
}

// Annotated says what WriteAnnotatedFile wrote: the rows annotated with figures (Used) and
// with their problem only (Rejected), and whether the copy went through excelize because the
// streamed writer does not handle the workbook (Fallback says why).
type Annotated struct {
	Used, Rejected int
	Fallback       string
}

// results gathers every row's result in memory, for the excelize writer.
func (a Annotation) results() (map[emissions.Place]*emissions.RowResult, error) {
	var lines emissions.LineSource = emissions.LineSlice(nil)
	if a.Lines != nil {
		lines = a.Lines
	}
	var rejected emissions.RejectedSource = emissions.RejectedOf(nil)
	if a.Rejected != nil {
		rejected = a.Rejected
	}
	return emissions.RowResults(emissions.Concat(lines, emissions.LineSlice(a.Outside)), rejected)
}

// count counts the rows an annotation writes, from every row's result.
func (a Annotation) count(results map[emissions.Place]*emissions.RowResult) (n Annotated) {
	for _, s := range a.Sheets {
		for p, r := range results {
			if p.File != s.File || p.Sheet != s.Sheet || p.Row <= s.HeaderRow {
				continue
			}
			if r.Main != nil {
				n.Used++
			} else if len(r.Errors) > 0 {
				n.Rejected++
			}
		}
	}
	return n
}

// WriteAnnotatedFile writes to out a copy of the workbook at in with the annotation's
// columns, atomically. out must not be in: the user's own file is never overwritten. The copy
// is streamed (annotate_stream.go); a workbook the streamed writer does not handle is written
// through excelize instead, which gives the same cells.
func WriteAnnotatedFile(in, out string, a Annotation) (Annotated, error) {
	if same, err := samePath(in, out); err != nil {
		return Annotated{}, err
	} else if same {
		return Annotated{}, fmt.Errorf("--out %s is the input workbook: annotate writes a copy, never over the original", out)
	}
	src, err := os.Open(in)
	if err != nil {
		return Annotated{}, err
	}
	defer src.Close()
	st, err := src.Stat()
	if err != nil {
		return Annotated{}, err
	}
	var n Annotated
	err = atomicfile.Write(out, func(w io.Writer) error {
		n, err = writeAnnotatedStream(src, st.Size(), w, a)
		return err
	})
	var fb *annotateFallback
	if !errors.As(err, &fb) {
		return n, err
	}
	n, err = writeAnnotatedFallback(src, out, a)
	n.Fallback = fb.reason
	return n, err
}

// writeAnnotatedFallback writes the copy through excelize.
func writeAnnotatedFallback(src io.ReadSeeker, out string, a Annotation) (Annotated, error) {
	results, err := a.results()
	if err != nil {
		return Annotated{}, err
	}
	if _, err := src.Seek(0, io.SeekStart); err != nil {
		return Annotated{}, err
	}
	err = atomicfile.Write(out, func(w io.Writer) error { return writeAnnotatedExcelize(src, w, a.Sheets, results) })
	return a.count(results), err
}

// samePath reports whether two paths name one file (the same path, or a link to it).
func samePath(a, b string) (bool, error) {
	ia, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false, nil // out does not exist yet
	}
	return os.SameFile(ia, ib), nil
}

// annotateValue is one value annotate writes: a number, an integer or a text, or nothing.
type annotateValue struct {
	kind valueKind
	f    float64
	i    int
	s    string
}

type valueKind uint8

const (
	valueNone valueKind = iota
	valueFloat
	valueInt
	valueText
)

// any is the value as excelize's setters take it, nil for nothing.
func (v annotateValue) any() any {
	switch v.kind {
	case valueFloat:
		return v.f
	case valueInt:
		return v.i
	case valueText:
		return v.s
	}
	return nil
}

// rowValues are the values annotate writes for one row, by column of AnnotateHeaders.
func rowValues(r *emissions.RowResult) (vals [annotateColumns]annotateValue) {
	num := func(f float64) annotateValue { return annotateValue{kind: valueFloat, f: f} }
	text := func(s string) annotateValue { return annotateValue{kind: valueText, s: s} }
	if m := r.Main; m != nil {
		if m.Part == emissions.PartAvoided {
			vals[2] = num(r.Avoided)
		} else {
			vals[0], vals[1], vals[3] = num(r.Location), num(r.Market), annotateValue{kind: valueInt, i: m.Scope}
			if m.Category > 0 {
				vals[4] = annotateValue{kind: valueInt, i: m.Category}
			}
		}
		if m.FactorID != "" {
			vals[5] = text(m.FactorID)
		}
		vals[6] = num(m.FactorValue)
		if r.Upstream > 0 {
			vals[7] = num(r.Upstream)
		}
		vals[8] = text("kgCO2e/" + m.FactorUnit)
		vals[9] = text(m.Source)
	}
	switch len(r.Errors) {
	case 0:
	case 1:
		vals[10] = text(r.Errors[0])
	default:
		vals[10] = text(strings.Join(r.Errors, "; "))
	}
	return vals
}

// isAnnotateHeader reports whether a header is one annotate writes.
func isAnnotateHeader(h string) bool {
	for _, a := range AnnotateHeaders {
		if strings.EqualFold(strings.TrimSpace(h), a) {
			return true
		}
	}
	return false
}
