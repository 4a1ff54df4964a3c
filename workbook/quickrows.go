package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strconv"
	"unsafe"

	"github.com/footprint/footprint/emissions"
	"github.com/xuri/excelize/v2"
)

// The quick reader is the fast path's first try: one goroutine unpacks a worksheet and cuts it
// into rows, doing the package check's scan on the way, while the loader computes the rows
// already cut on the other core. It reads only the XML that Excel, LibreOffice and excelize
// write for plain data — rows and cells in order, each with its reference; shared, inline and
// plain values; formulas with or without a cached value; the five XML entities — and gives up
// on anything else (a comment, a CDATA section, an unknown attribute, a numeric character
// reference, merged cells, a hostile or damaged part…), which sends the workbook to the fast
// reader (pipe.go) and, past it, to the checked path. What it gives is what those give: a
// differential test holds it to the checked path.

// errQuick is the quick reader giving up: the workbook is read again by the fast reader.
var errQuick = errors.New("sheet XML outside the quick reader's subset")

// quickBatch is a run of rows cut by the goroutine, with what the scan found in them.
type quickBatch struct {
	rows  []quickRow
	cells []string
	dates []cellPos
	// uncomputed are the formula cells without a computed value
	uncomputed []cellPos
	// bools are the cells holding a true/false value
	bools []cellPos
	// on the last batch
	final   bool
	giveUp  bool
	tooLong bool // a token as long as the longest value: straight to the checked path
	lastRow int
}

type quickRow struct {
	num      int
	hidden   bool
	from, to int // cells[from:to]
}

const (
	quickBatchRows = 512
	quickBuffer    = 64 << 10
)

// quickRows is the loader's side: the rows of the batches, the gaps between them given as
// empty rows as excelize's Rows gives them.
type quickRows struct {
	ch     chan *quickBatch
	scan   *sheetScan // what the scan found, for the loader
	s      *sheetRows
	batch  *quickBatch
	i      int // next row of batch
	cur    int // row number delivered last
	row    *quickRow
	ended  bool
	failed bool
}

// openQuick starts the goroutine that unpacks and cuts a worksheet part.
func openQuick(f *zip.File, sst *sharedStrings, scan *sheetScan, s *sheetRows, progress emissions.Progress) *quickRows {
	q := &quickRows{ch: make(chan *quickBatch, 4), scan: scan, s: s}
	go func() {
		defer close(q.ch)
		c := &quickCutter{out: q.ch, sst: sst, styles: scan.styles, datesKnown: scan.datesKnown}
		rc, err := f.Open()
		if err != nil {
			c.out <- &quickBatch{final: true, giveUp: true}
			return
		}
		defer rc.Close()
		var r io.Reader = rc
		if progress != nil {
			r = &progressReader{r: rc, p: progress}
		}
		ahead := newReadAhead(r) // unpacking on a third goroutine, ahead of the cutting
		defer ahead.close()
		// a token as long as the longest value stops it: the checked path decides
		c.z = newXMLTokenizer(ahead, quickBuffer, maxValue)
		giveUp := c.cut() != nil
		c.batch.final, c.batch.giveUp, c.batch.tooLong, c.batch.lastRow = true, giveUp, c.z.tooLong, c.lastRow
		c.flush()
	}()
	return q
}

// fail gives up: the fast reader tries next, unless the checked path must (tooLong).
func (q *quickRows) fail(tooLong bool) {
	q.failed, q.ended = true, true
	q.s.fallback, q.s.quickFailed = true, !tooLong
}

// next takes the next batch's rows, noting what the scan found in them first.
func (q *quickRows) nextBatch() bool {
	b, ok := <-q.ch
	if !ok {
		q.fail(false) // ended without its last batch
		return false
	}
	q.scan.note(b.dates, b.uncomputed, b.bools)
	if b.final {
		q.ended = true
		q.scan.lastRow = b.lastRow
		if b.giveUp || q.scan.unsure() {
			q.fail(b.tooLong)
			return false
		}
	}
	q.batch, q.i = b, 0
	return true
}

func (q *quickRows) Next() bool {
	for !q.failed && (q.batch == nil || q.i >= len(q.batch.rows)) {
		if q.batch != nil && q.batch.final {
			return false
		}
		if !q.nextBatch() {
			return false
		}
	}
	if q.failed {
		return false
	}
	r := &q.batch.rows[q.i]
	q.cur++
	if q.cur < r.num {
		q.row = nil // a row the sheet leaves out: empty, as excelize gives it
		return true
	}
	q.row = r
	q.i++
	return true
}

func (q *quickRows) Columns() ([]string, error) {
	if q.failed {
		return nil, errFallback
	}
	if q.row == nil {
		return nil, nil
	}
	return q.batch.cells[q.row.from:q.row.to:q.row.to], nil
}

func (q *quickRows) Hidden() bool { return q.row != nil && q.row.hidden }

func (q *quickRows) Error() error {
	if q.failed {
		return errFallback
	}
	return nil
}

// Close reads the part to its end: the scan checks all of it.
func (q *quickRows) Close() error {
	for !q.ended {
		if !q.nextBatch() {
			break
		}
	}
	for range q.ch {
	}
	return nil
}

// quickCutter cuts a worksheet's XML into rows, on the goroutine.
type quickCutter struct {
	z          *xmlTokenizer
	out        chan<- *quickBatch
	batch      *quickBatch
	text       []byte // the batch's cell texts, which its strings point into
	pending    []pendingCell
	val, junk  []byte
	sst        *sharedStrings
	styles     dateStyles
	datesKnown bool
	dateCount  int
	uncomputed int
	bools      int
	lastRow    int
}

// pendingCell is a cell whose text is in the batch's text, from a to b.
type pendingCell struct{ cell, a, b int }

// tag cuts the next tag, past white space, and returns its body, without '<' and '>'; false
// at anything else (text, the end). The body is good until the next call.
func (c *quickCutter) tag() ([]byte, bool) {
	z := c.z
	if !z.next() {
		return nil, false
	}
	if !z.markup && (!blankText(z.token()) || !z.next()) {
		return nil, false
	}
	t := z.token()
	if !z.markup || len(t) < 3 {
		return nil, false
	}
	return t[1 : len(t)-1], true
}

// quickValue reports whether an attribute's value is one the quick reader reads: without an
// entity or a character XML does not allow.
func quickValue(v []byte) bool {
	return bytes.IndexByte(v, '&') < 0 && xmlChars(v)
}

// cellAttrs reads the attributes of the current tag, a <c>: r, s and t, each once; false for
// any other. Their values are checked as they are read (a reference, a number, a type).
func (c *quickCutter) cellAttrs() (r, s, t []byte, hasR, hasS, hasT, ok bool) {
	z := c.z
	if !z.attrsOK {
		return
	}
	tag := z.token()
	for _, a := range z.attrs {
		if a.ne-a.ns != 1 {
			return
		}
		switch v := a.value(tag); tag[a.ns] {
		case 'r':
			if hasR {
				return
			}
			r, hasR = v, true
		case 's':
			if hasS {
				return
			}
			s, hasS = v, true
		case 't':
			if hasT {
				return
			}
			t, hasT = v, true
		default:
			return
		}
	}
	ok = true
	return
}

// rowAttrs are the attributes of <row> the quick reader knows: r and hidden count, the others
// only shape the row.
var rowAttrs = map[string]bool{"r": true, "hidden": true, "spans": true, "s": true, "customFormat": true, "ht": true,
	"customHeight": true, "x14ac:dyDescent": true, "thickBot": true, "thickTop": true, "outlineLevel": true, "collapsed": true, "ph": true}

// plain checks text between tags outside the rows: UTF-8 (XML readers refuse anything else)
// and nothing an entity check refuses.
func plain(b []byte) bool { return xmlChars(b) && checkEntities(b) == nil }

// blankText reports whether text between tags outside the rows is white space only, as the
// writers the quick reader knows leave it (a byte-order mark or stray text: the others decide).
func blankText(b []byte) bool { return len(bytes.Trim(b, " \t\r\n")) == 0 }

// utf8Declared reports whether a tag is not an XML declaration of another encoding than UTF-8
// (excelize transcodes those; the quick reader reads the bytes as they are).
func utf8Declared(tag []byte) bool {
	if !bytes.HasPrefix(tag, []byte("?xml")) {
		return true
	}
	i := bytes.Index(tag, []byte("encoding="))
	if i < 0 {
		return true
	}
	v := bytes.ToLower(tag[i+len("encoding="):])
	return bytes.HasPrefix(v, []byte(`"utf-8"`)) || bytes.HasPrefix(v, []byte(`'utf-8'`))
}

// cut reads the whole part. A non-nil error is the quick reader giving up.
func (c *quickCutter) cut() error {
	c.batch = &quickBatch{}
	z := c.z
	// The head, up to <sheetData>: no DTD, no comment, no entity XML does not define.
	for {
		if !z.next() {
			return errQuick
		}
		if !z.markup {
			if !blankText(z.token()) {
				return errQuick
			}
			continue
		}
		t := z.token()
		if t[1] == '!' {
			return errQuick
		}
		body := t[1 : len(t)-1]
		if len(body) == 0 || !plain(body) || !utf8Declared(body) {
			return errQuick
		}
		if bytes.HasPrefix(body, []byte("sheetData")) && (len(body) == 9 || body[9] == ' ' || body[9] == '/') {
			if body[len(body)-1] == '/' {
				return c.tail()
			}
			break
		}
		if bytes.HasPrefix(body, []byte("row")) || bytes.HasPrefix(body, []byte("c ")) {
			return errQuick
		}
	}
	prevRow := 0
	for {
		body, ok := c.tag()
		if !ok {
			return errQuick
		}
		if bytes.Equal(body, []byte("/sheetData")) {
			return c.tail()
		}
		if len(body) < 4 || !bytes.HasPrefix(body, []byte("row")) || (body[3] != ' ' && body[3] != '/') {
			return errQuick
		}
		empty := body[len(body)-1] == '/'
		row, hidden := 0, false
		if !z.attrsOK {
			return errQuick
		}
		tag := z.token()
		for _, a := range z.attrs {
			value := a.value(tag)
			if !quickValue(value) {
				return errQuick
			}
			switch string(a.name(tag)) {
			case "r":
				n, err := atoi(value)
				if err != nil || n <= prevRow || n > excelize.TotalRows {
					return errQuick
				}
				row = n
			case "hidden":
				v, err := strconv.ParseBool(string(value))
				if err != nil {
					return errQuick
				}
				hidden = v
			default:
				if !rowAttrs[string(a.name(tag))] {
					return errQuick
				}
			}
		}
		if row == 0 {
			return errQuick
		}
		prevRow = row
		qr := quickRow{num: row, hidden: hidden, from: len(c.batch.cells)}
		if !empty {
			if err := c.cells(row, qr.from); err != nil {
				return err
			}
		}
		qr.to = len(c.batch.cells)
		c.batch.rows = append(c.batch.rows, qr)
		if len(c.batch.rows) == quickBatchRows {
			c.flush()
			c.batch = &quickBatch{}
		}
	}
}

// Cell types, as the t attribute gives them.
const (
	typeNumber = iota // none, "n", "b", "e", "str": the value as written
	typeShared
	typeInline
)

// cells reads the cells of a row up to </row>; from is where the row's cells begin.
func (c *quickCutter) cells(row, from int) error {
	prevCol := 0
	b := c.batch
	for {
		body, ok := c.tag()
		if !ok {
			return errQuick
		}
		if bytes.Equal(body, []byte("/row")) {
			return nil
		}
		if len(body) < 2 || body[0] != 'c' || (body[1] != ' ' && body[1] != '/') {
			return errQuick
		}
		selfClosing := body[len(body)-1] == '/'
		ref, sv, tv, hasR, hasS, hasT, ok := c.cellAttrs()
		if !ok || !hasR {
			return errQuick
		}
		col, style, typ, isBool := 0, -1, typeNumber, false
		cc, rr, ok := cellRef(ref)
		if !ok || rr != row || ref[0] < 'A' || ref[0] > 'Z' {
			return errQuick
		}
		col = cc
		if hasS {
			n, err := atoi(sv)
			if err != nil {
				return errQuick
			}
			style = n
		}
		if hasT {
			switch string(tv) {
			case "s":
				typ = typeShared
			case "inlineStr":
				typ = typeInline
			case "b":
				isBool = true
			case "n", "e", "str":
			default:
				return errQuick
			}
		}
		if col <= prevCol {
			return errQuick
		}
		prevCol = col
		p := cellPos{row, col}
		if style >= 0 && c.datesKnown && len(c.styles) > 0 && c.styles[style] {
			if c.dateCount++; c.dateCount > maxUncomputed {
				return errQuick
			}
			b.dates = append(b.dates, p)
		}
		if selfClosing {
			continue
		}
		c.lastRow = max(c.lastRow, row)
		formula, hasV, hasIS, err := c.cellContent()
		if err != nil {
			return err
		}
		if formula && !hasV && !hasIS {
			if c.uncomputed++; c.uncomputed > maxUncomputed {
				return errQuick
			}
			b.uncomputed = append(b.uncomputed, p)
		}
		if hasIS && typ != typeInline {
			return errQuick
		}
		if isBool && hasV {
			if c.bools++; c.bools > maxUncomputed {
				return errQuick
			}
			b.bools = append(b.bools, p)
		}
		var v string
		inline := false
		switch typ {
		case typeShared:
			if hasV && len(c.val) > 0 {
				i := sstIndex(c.val)
				if c.sst != nil && i >= 0 && i < c.sst.len() {
					if c.sst.unsure[i] {
						return errQuick
					}
					if a, z := c.sst.offsets[i], c.sst.offsets[i+1]; a < z {
						v = unsafe.String(&c.sst.buf[a], z-a)
					}
				}
			}
		default:
			inline = len(c.val) > 0
		}
		if v == "" && !inline && !formula {
			continue
		}
		for len(b.cells)-from < col-1 {
			b.cells = append(b.cells, "")
		}
		if inline {
			a := len(c.text)
			c.text = append(c.text, c.val...)
			c.pending = append(c.pending, pendingCell{len(b.cells), a, len(c.text)})
		}
		b.cells = append(b.cells, v)
	}
}

// cellContent reads what is between <c …> and </c> into c.val (the <v> text, or an inline
// string's), and says whether the cell has a formula, a <v> and an <is>.
func (c *quickCutter) cellContent() (formula, hasV, hasIS bool, err error) {
	c.val = c.val[:0]
	// the common cell: <v>value</v></c>
	if c.z.accept("<v>") {
		var ok bool
		if c.val, ok = c.textOf("</v>", c.val[:0]); !ok {
			return false, false, false, errQuick
		}
		hasV = true
		if c.z.accept("</c>") {
			return false, true, false, nil
		}
	}
	for {
		body, ok := c.tag()
		if !ok || len(body) == 0 {
			return false, false, false, errQuick
		}
		switch {
		case bytes.Equal(body, []byte("/c")):
			return formula, hasV, hasIS, nil
		case bytes.Equal(body, []byte("v")):
			if hasV || hasIS {
				return false, false, false, errQuick
			}
			hasV = true
			if c.val, ok = c.textOf("</v>", c.val[:0]); !ok {
				return false, false, false, errQuick
			}
		case bytes.Equal(body, []byte("v/")):
			if hasV || hasIS {
				return false, false, false, errQuick
			}
			hasV = true
		case body[0] == 'f' && (len(body) == 1 || body[1] == ' ' || body[1] == '/'):
			if formula {
				return false, false, false, errQuick
			}
			formula = true
			if body[len(body)-1] == '/' {
				continue
			}
			if c.junk, ok = c.textOf("</f>", c.junk[:0]); !ok { // the formula itself is not read
				return false, false, false, errQuick
			}
		case bytes.Equal(body, []byte("is")):
			if hasIS || hasV {
				return false, false, false, errQuick
			}
			hasIS = true
			if !c.inlineText() {
				return false, false, false, errQuick
			}
		default:
			return false, false, false, errQuick
		}
	}
}

// textOf appends to dst an element's text up to its end tag (end: "</v>", "</t>" …), decoded;
// it gives up on a child element, on what encoding/xml would refuse, or on an escape of
// excelize's (_xHHHH_).
func (c *quickCutter) textOf(end string, dst []byte) ([]byte, bool) {
	z := c.z
	if !z.next() {
		return nil, false
	}
	if z.markup {
		return dst, string(z.token()) == end
	}
	start := len(dst)
	var ok bool
	if dst, ok = appendUnescaped(dst, z.token()); !ok || bytes.Contains(dst[start:], []byte("_x")) {
		return nil, false
	}
	return dst, z.accept(end)
}

// inlineText reads <t>…</t></is> (one plain run) after <is>, into c.val.
func (c *quickCutter) inlineText() bool {
	body, ok := c.tag()
	if !ok {
		return false
	}
	switch string(body) {
	case "t/":
	case "t", `t xml:space="preserve"`:
		if c.val, ok = c.textOf("</t>", c.val[:0]); !ok {
			return false
		}
	default:
		return false
	}
	body, ok = c.tag()
	return ok && string(body) == "/is"
}

// tail reads the rest of the part after the rows: no more rows, no merged cells (the
// others apply them), nothing hostile.
func (c *quickCutter) tail() error {
	z := c.z
	for z.next() {
		t := z.token()
		if !z.markup {
			if !blankText(t) {
				return errQuick
			}
			continue
		}
		if len(t) < 3 || t[1] == '!' {
			return errQuick
		}
		body := t[1 : len(t)-1]
		if !plain(body) {
			return errQuick
		}
		for _, name := range []string{"row", "c ", "c>", "c/", "mergeCell", "sheetData", "v>", "f>", "f ", "is>"} {
			if bytes.HasPrefix(body, []byte(name)) {
				return errQuick
			}
		}
	}
	// the end of the part, unless a read failed, a token was too long to hold (the rest of the
	// part unseen) or the part ends inside a tag
	if z.err != nil || z.tooLong || z.cut {
		return errQuick
	}
	return nil
}

// flush sends the batch, its inline cells pointing into its text.
func (c *quickCutter) flush() {
	b := c.batch
	if len(c.pending) > 0 {
		s := unsafe.String(unsafe.SliceData(c.text), len(c.text))
		for _, p := range c.pending {
			b.cells[p.cell] = s[p.a:p.b]
		}
		c.text, c.pending = nil, c.pending[:0]
	}
	c.out <- b
}

// readAhead reads r on a goroutine of its own, a few chunks ahead of its reader.
type readAhead struct {
	ch   chan aheadChunk
	free chan []byte
	stop chan struct{}
	done chan struct{}
	cur  []byte
	held []byte
	err  error
}

type aheadChunk struct {
	data []byte
	err  error
}

const aheadChunkSize = 64 << 10

func newReadAhead(r io.Reader) *readAhead {
	a := &readAhead{ch: make(chan aheadChunk, 4), free: make(chan []byte, 8), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(a.done)
		for {
			var buf []byte
			select {
			case buf = <-a.free:
			default:
				buf = make([]byte, aheadChunkSize)
			}
			n, err := io.ReadFull(r, buf[:cap(buf)])
			if err == io.ErrUnexpectedEOF {
				err = io.EOF
			}
			select {
			case a.ch <- aheadChunk{buf[:n], err}:
			case <-a.stop:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return a
}

func (a *readAhead) Read(p []byte) (int, error) {
	for len(a.cur) == 0 {
		if a.err != nil {
			return 0, a.err
		}
		if a.held != nil {
			select {
			case a.free <- a.held:
			default:
			}
			a.held = nil
		}
		c := <-a.ch
		a.cur, a.held, a.err = c.data, c.data, c.err
	}
	n := copy(p, a.cur)
	a.cur = a.cur[n:]
	return n, nil
}

// close stops the goroutine and waits for it, so that the part can be closed.
func (a *readAhead) close() {
	close(a.stop)
	<-a.done
}
