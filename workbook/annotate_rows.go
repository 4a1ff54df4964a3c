package workbook

import (
	"errors"
	"iter"

	"github.com/footprint/footprint/emissions"
)

// The rows' results, merged in the order of the rows: the lines come from the spool sheet by
// sheet, row by row; the lines outside the scopes and the problems, few, are indexed by place.

// rowResults gives each row's result, merging the lines in the order of the rows with the
// lines outside the scopes and the problems, indexed by place.
type rowResults struct {
	a       Annotation
	next    func() (*emissions.Line, bool)
	stop    func()
	cur     *emissions.Line
	err     error
	passed  map[string]bool // sheets whose lines the cursor went past
	outside map[emissions.Place][]*emissions.Line
	errors  map[emissions.Place][]string
	// the sheet being written
	sheet   emissions.ActivitySheet
	pending int // its places in outside and errors not written yet
	res     emissions.RowResult
	count   Annotated
}

var errStopLines = errors.New("stop")

func newRowResults(a Annotation) *rowResults {
	r := &rowResults{a: a, outside: map[emissions.Place][]*emissions.Line{}, errors: map[emissions.Place][]string{}}
	for i := range a.Outside {
		l := &a.Outside[i]
		r.outside[l.Place] = append(r.outside[l.Place], l)
	}
	for _, p := range a.Problems {
		if place, ok := p.RejectedRow(); ok {
			r.errors[place] = append(r.errors[place], p.Message)
		}
	}
	r.restart()
	return r
}

// restart reads the lines from the first.
func (r *rowResults) restart() {
	r.close()
	r.passed = map[string]bool{}
	var seq iter.Seq[*emissions.Line] = func(yield func(*emissions.Line) bool) {
		if r.a.Lines == nil {
			return
		}
		err := r.a.Lines.Each(func(l *emissions.Line) error {
			if !yield(l) {
				return errStopLines
			}
			return nil
		})
		if err != nil && err != errStopLines {
			r.err = err
		}
	}
	r.next, r.stop = iter.Pull(seq)
	r.advance()
}

func (r *rowResults) close() {
	if r.stop != nil {
		r.stop()
		r.stop = nil
	}
}

// advance moves to the next line, checking that each sheet's lines come together.
func (r *rowResults) advance() {
	var prev emissions.Place // the Line itself is reused by the next one
	if r.cur != nil {
		prev = r.cur.Place
	}
	l, ok := r.next()
	if !ok {
		l = nil
	}
	r.cur = l
	if prev.Sheet != "" && (l == nil || l.Place.Sheet != prev.Sheet || l.Place.File != prev.File) {
		r.passed[prev.File+"\x00"+prev.Sheet] = true
	}
	if l != nil && r.passed[l.Place.File+"\x00"+l.Place.Sheet] && r.err == nil {
		r.err = notStreamed("the lines of sheet %s are not together", l.Place.Sheet)
	}
}

func (r *rowResults) in(l *emissions.Line, s emissions.ActivitySheet) bool {
	return l != nil && l.Place.Sheet == s.Sheet && l.Place.File == s.File
}

// begin starts the rows of a sheet.
func (r *rowResults) begin(s emissions.ActivitySheet) error {
	r.sheet = s
	if r.passed[s.File+"\x00"+s.Sheet] {
		r.restart() // the parts are not in the order of the sheets
	}
	for r.cur != nil && !r.in(r.cur, s) {
		r.advance()
	}
	r.pending = 0
	for _, m := range []map[emissions.Place][]*emissions.Line{r.outside} {
		for p := range m {
			if p.File == s.File && p.Sheet == s.Sheet && p.Row > s.HeaderRow {
				r.pending++
			}
		}
	}
	for p := range r.errors {
		if p.File == s.File && p.Sheet == s.Sheet && p.Row > s.HeaderRow {
			if _, both := r.outside[p]; !both {
				r.pending++
			}
		}
	}
	return r.err
}

// at is the result of row n of the sheet, nil if it has none; rows come in order.
func (r *rowResults) at(n int) (*emissions.RowResult, error) {
	s := r.sheet
	for r.in(r.cur, s) && r.cur.Place.Row < n {
		if r.cur.Place.Row > s.HeaderRow {
			return nil, notStreamed("sheet %s: row %d has lines but no XML row", s.Sheet, r.cur.Place.Row)
		}
		r.advance()
	}
	if r.err != nil {
		return nil, r.err
	}
	res := &r.res
	*res = emissions.RowResult{}
	found := false
	for r.in(r.cur, s) && r.cur.Place.Row == n {
		res.Add(r.cur)
		found = true
		r.advance()
	}
	p := emissions.Place{File: s.File, Sheet: s.Sheet, Row: n}
	ls, out := r.outside[p]
	for _, l := range ls {
		res.Add(l)
	}
	msgs, bad := r.errors[p]
	res.Errors = msgs
	if out || bad {
		r.pending--
	}
	if !found && !out && !bad {
		return nil, r.err
	}
	if res.Main != nil {
		r.count.Used++
	} else if len(res.Errors) > 0 {
		r.count.Rejected++
	}
	return res, r.err
}

// end checks that every result of the sheet had its row.
func (r *rowResults) end() error {
	if r.in(r.cur, r.sheet) || r.pending > 0 {
		return notStreamed("sheet %s: results for rows the XML does not have", r.sheet.Sheet)
	}
	return r.err
}

// finish checks that the lines left belong to no sheet written.
func (r *rowResults) finish() error {
	for r.cur != nil && r.err == nil {
		r.advance()
	}
	return r.err
}
