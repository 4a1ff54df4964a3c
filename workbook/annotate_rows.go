package workbook

import (
	"cmp"
	"errors"
	"iter"

	"github.com/footprint/footprint/emissions"
)

// The rows' results, merged in the order of the rows: the lines and the rejected rows'
// messages come from their spools sheet by sheet, row by row; the lines outside the scopes,
// few, are indexed by place.

// rowResults gives each row's result, merging the lines and the rejected rows' messages in
// the order of the rows with the lines outside the scopes, indexed by place.
type rowResults struct {
	a       Annotation
	next    func() (*emissions.Line, bool)
	stop    func()
	cur     *emissions.Line
	err     error
	passed  map[string]bool // sheets whose lines the cursor went past
	outside map[emissions.Place][]*emissions.Line
	msgs    rejectedCursor
	// the sheet being written
	sheet   emissions.ActivitySheet
	pending int // its places in outside not written yet
	res     emissions.RowResult
	errs    []string // the row's messages
	count   Annotated
}

var errStopLines = errors.New("stop")

// pullEach turns a walk that calls back for each value (a spool's Each; nil: no values) into
// a pull iterator. The walk's first error, other than the stop, goes to *failed.
func pullEach[T any](each func(func(*T) error) error, failed *error) (next func() (*T, bool), stop func()) {
	return iter.Pull(func(yield func(*T) bool) {
		if each == nil {
			return
		}
		err := each(func(v *T) error {
			if !yield(v) {
				return errStopLines
			}
			return nil
		})
		if err != nil && err != errStopLines && *failed == nil {
			*failed = err
		}
	})
}

func newRowResults(a Annotation) *rowResults {
	r := &rowResults{a: a, outside: map[emissions.Place][]*emissions.Line{}, msgs: rejectedCursor{from: a.Rejected}}
	for i := range a.Outside {
		l := &a.Outside[i]
		r.outside[l.Place] = append(r.outside[l.Place], l)
	}
	r.restart()
	r.msgs.restart()
	return r
}

// restart reads the lines from the first.
func (r *rowResults) restart() {
	r.close()
	r.passed = map[string]bool{}
	var each func(func(*emissions.Line) error) error
	if r.a.Lines != nil {
		each = r.a.Lines.Each
	}
	r.next, r.stop = pullEach(each, &r.err)
	r.advance()
}

func (r *rowResults) close() {
	if r.stop != nil {
		r.stop()
		r.stop = nil
	}
	r.msgs.close()
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
	r.msgs.begin(s)
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
	return cmp.Or(r.err, r.msgs.err)
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
	if err := cmp.Or(r.err, r.msgs.err); err != nil {
		return nil, err
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
	r.errs = r.msgs.at(n, r.errs[:0])
	bad := len(r.errs) > 0
	if bad {
		res.Errors = r.errs
	}
	if out {
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
	if r.in(r.cur, r.sheet) || r.pending > 0 || r.msgs.end() {
		return notStreamed("sheet %s: results for rows the XML does not have", r.sheet.Sheet)
	}
	return cmp.Or(r.err, r.msgs.err)
}

// finish checks that the lines left belong to no sheet written.
func (r *rowResults) finish() error {
	for r.cur != nil && r.err == nil {
		r.advance()
	}
	return cmp.Or(r.err, r.msgs.err)
}

// rejectedCursor reads the rejected rows' messages in step with the rows written: a sheet's
// messages come together, in the order of its rows. Messages in another order send the
// workbook to excelize, which indexes them by place.
type rejectedCursor struct {
	from   emissions.RejectedSource
	next   func() (*emissions.Rejected, bool)
	stop   func()
	cur    *emissions.Rejected
	err    error
	passed map[string]bool // sheets whose messages the cursor went past
	sheet  emissions.ActivitySheet
	// missing is set when a message of the sheet is at a row past its header that the XML
	// does not have
	missing bool
}

// restart reads the messages from the first.
func (c *rejectedCursor) restart() {
	c.close()
	c.passed = map[string]bool{}
	var each func(func(*emissions.Rejected) error) error
	if c.from != nil {
		each = c.from.Each
	}
	c.next, c.stop = pullEach(each, &c.err)
	c.advance()
}

func (c *rejectedCursor) close() {
	if c.stop != nil {
		c.stop()
		c.stop = nil
	}
	c.cur = nil
}

// advance moves to the next message, checking that each sheet's come together, in the order
// of its rows.
func (c *rejectedCursor) advance() {
	var prev emissions.Place // the Rejected itself is reused by the next one
	if c.cur != nil {
		prev = c.cur.Place
	}
	m, ok := c.next()
	if !ok {
		m = nil
	}
	c.cur = m
	if prev.Sheet == "" {
		return
	}
	if m == nil || m.Place.Sheet != prev.Sheet || m.Place.File != prev.File {
		c.passed[prev.File+"\x00"+prev.Sheet] = true
	} else if m.Place.Row < prev.Row && c.err == nil {
		c.err = notStreamed("the problems of sheet %s are not in the order of its rows", prev.Sheet)
	}
	if m != nil && c.passed[m.Place.File+"\x00"+m.Place.Sheet] && c.err == nil {
		c.err = notStreamed("the problems of sheet %s are not together", m.Place.Sheet)
	}
}

func (c *rejectedCursor) in(s emissions.ActivitySheet) bool {
	return c.cur != nil && c.cur.Place.Sheet == s.Sheet && c.cur.Place.File == s.File
}

// begin moves to the messages of sheet s.
func (c *rejectedCursor) begin(s emissions.ActivitySheet) {
	c.sheet, c.missing = s, false
	if c.passed[s.File+"\x00"+s.Sheet] {
		c.restart() // the parts are not in the order of the sheets
	}
	for c.cur != nil && !c.in(s) && c.err == nil {
		c.advance()
	}
}

// at appends to msgs the messages of row n of the sheet; rows come in order.
func (c *rejectedCursor) at(n int, msgs []string) []string {
	for c.in(c.sheet) && c.cur.Place.Row < n && c.err == nil {
		if c.cur.Place.Row > c.sheet.HeaderRow {
			c.missing = true
		}
		c.advance()
	}
	for c.in(c.sheet) && c.cur.Place.Row == n && c.err == nil {
		msgs = append(msgs, c.cur.Message)
		c.advance()
	}
	return msgs
}

// end reports whether the sheet had messages at rows past its header that the XML does not
// have.
func (c *rejectedCursor) end() bool {
	for c.in(c.sheet) && c.err == nil {
		if c.cur.Place.Row > c.sheet.HeaderRow {
			c.missing = true
		}
		c.advance()
	}
	return c.missing
}
