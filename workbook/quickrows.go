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
		c.r = ahead
		c.buf = make([]byte, 0, quickBuffer)
		giveUp := c.cut() != nil
		c.batch.final, c.batch.giveUp, c.batch.tooLong, c.batch.lastRow = true, giveUp, c.tooLong, c.lastRow
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
	q.scan.note(b.dates, b.uncomputed)
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

// quickCutter cuts a worksheet's XML into rows, on the goroutine. Offsets into buf are kept
// relative to pos, which fill moves.
type quickCutter struct {
	r          io.Reader
	buf        []byte
	pos        int
	eof        bool
	tooLong    bool
	err        error // a read error other than the end
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
	lastRow    int
}

// pendingCell is a cell whose text is in the batch's text, from a to b.
type pendingCell struct{ cell, a, b int }

// fill reads more of the part, keeping buf[pos:] (moved to the start); false at the end or on
// an error (a damaged part: the checked path says so).
func (c *quickCutter) fill() bool {
	if c.eof {
		return false
	}
	n := copy(c.buf[:cap(c.buf)], c.buf[c.pos:])
	c.buf, c.pos = c.buf[:n], 0
	if n == cap(c.buf) {
		if cap(c.buf) >= maxValue {
			c.tooLong = true // a token as long as the longest value: the checked path decides
			return false
		}
		nb := make([]byte, n, 2*cap(c.buf))
		copy(nb, c.buf)
		c.buf = nb
	}
	m, err := c.r.Read(c.buf[n:cap(c.buf)])
	c.buf = c.buf[:n+m]
	if err != nil {
		c.eof = true
		if err != io.EOF {
			c.err = err
			return false
		}
	}
	return m > 0 || !c.eof
}

// until returns the offset from pos of the next b, reading more as needed.
func (c *quickCutter) until(b byte) (int, bool) {
	searched := 0
	for {
		if i := bytes.IndexByte(c.buf[c.pos+searched:], b); i >= 0 {
			return searched + i, true
		}
		searched = len(c.buf) - c.pos
		if !c.fill() {
			return 0, false
		}
	}
}

// have makes sure n bytes follow pos.
func (c *quickCutter) have(n int) bool {
	for len(c.buf)-c.pos < n {
		if !c.fill() {
			return false
		}
	}
	return true
}

// next moves past white space to a '<' and says whether one is there.
func (c *quickCutter) next() bool {
	for {
		for c.pos < len(c.buf) {
			switch c.buf[c.pos] {
			case ' ', '\t', '\n', '\r':
				c.pos++
			case '<':
				return true
			default:
				return false
			}
		}
		if !c.fill() {
			return false
		}
	}
}

// tag reads the tag at pos ('<' there) and returns its body, without '<' and '>'. The body
// points into buf: it is good until the next read.
func (c *quickCutter) tag() ([]byte, bool) {
	k, ok := c.until('>')
	if !ok || k < 2 {
		return nil, false
	}
	t := c.buf[c.pos+1 : c.pos+k]
	c.pos += k + 1
	return t, true
}

// quickAttr is one attribute of a tag.
type quickAttr struct{ name, value []byte }

// attrs splits a tag's attributes after its name; false for anything but name="value" or
// name='value' pairs without entities.
func attrs(body []byte, out []quickAttr) ([]quickAttr, bool) {
	out = out[:0]
	i := 0
	for {
		for i < len(body) && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r') {
			i++
		}
		if i == len(body) {
			return out, true
		}
		eq := bytes.IndexByte(body[i:], '=')
		if eq <= 0 || i+eq+1 >= len(body) {
			return nil, false
		}
		name := body[i : i+eq]
		q := body[i+eq+1]
		if q != '"' && q != '\'' {
			return nil, false
		}
		vs := i + eq + 2
		ve := bytes.IndexByte(body[vs:], q)
		if ve < 0 {
			return nil, false
		}
		v := body[vs : vs+ve]
		// (a name with a space or a quote is no attribute the callers know: they give up)
		if bytes.IndexByte(v, '&') >= 0 || bytes.IndexByte(v, '<') >= 0 || !xmlChars(v) {
			return nil, false
		}
		out = append(out, quickAttr{name, v})
		i = vs + ve + 1
		if i < len(body) && body[i] != ' ' && body[i] != '\t' && body[i] != '\n' && body[i] != '\r' {
			return nil, false
		}
	}
}

// cellAttrs reads the attributes of a <c> tag: r, s and t, each once, double-quoted; false
// for any other.
func cellAttrs(body []byte) (r, s, t []byte, ok bool) {
	for i := 0; i < len(body); {
		c := body[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		if i+3 > len(body) || body[i+1] != '=' || body[i+2] != '"' {
			return nil, nil, nil, false
		}
		j := bytes.IndexByte(body[i+3:], '"')
		if j < 0 {
			return nil, nil, nil, false
		}
		v := body[i+3 : i+3+j : i+3+j]
		switch {
		case c == 'r' && r == nil:
			r = v
		case c == 's' && s == nil:
			s = v
		case c == 't' && t == nil:
			t = v
		default:
			return nil, nil, nil, false
		}
		i += 3 + j + 1
		if i < len(body) && body[i] != ' ' && body[i] != '\t' && body[i] != '\n' && body[i] != '\r' {
			return nil, nil, nil, false
		}
	}
	return r, s, t, true
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
	// The head, up to <sheetData>: no DTD, no comment, no entity XML does not define.
	for {
		k, ok := c.until('<')
		if !ok || !c.have(k+2) || !blankText(c.buf[c.pos:c.pos+k]) {
			return errQuick
		}
		c.pos += k
		if c.buf[c.pos+1] == '!' {
			return errQuick
		}
		body, ok := c.tag()
		if !ok || !plain(body) || !utf8Declared(body) {
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
	var as []quickAttr
	prevRow := 0
	for {
		if !c.next() {
			return errQuick
		}
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
		if empty {
			body = body[:len(body)-1]
		}
		if as, ok = attrs(body[3:], as); !ok {
			return errQuick
		}
		row, hidden := 0, false
		for _, a := range as {
			switch string(a.name) {
			case "r":
				n, err := atoi(a.value)
				if err != nil || n <= prevRow || n > excelize.TotalRows {
					return errQuick
				}
				row = n
			case "hidden":
				v, err := strconv.ParseBool(string(a.value))
				if err != nil {
					return errQuick
				}
				hidden = v
			default:
				if !rowAttrs[string(a.name)] {
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
		if !c.next() {
			return errQuick
		}
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
		if selfClosing {
			body = body[:len(body)-1]
		}
		ref, sv, tv, ok := cellAttrs(body[1:])
		if !ok || ref == nil {
			return errQuick
		}
		col, style, typ := 0, -1, typeNumber
		cc, rr, ok := cellRef(ref)
		if !ok || rr != row || ref[0] < 'A' || ref[0] > 'Z' {
			return errQuick
		}
		col = cc
		if sv != nil {
			n, err := atoi(sv)
			if err != nil {
				return errQuick
			}
			style = n
		}
		if tv != nil {
			switch string(tv) {
			case "s":
				typ = typeShared
			case "inlineStr":
				typ = typeInline
			case "n", "b", "e", "str":
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
	if c.have(3) && c.buf[c.pos] == '<' && c.buf[c.pos+1] == 'v' && c.buf[c.pos+2] == '>' {
		c.pos += 3
		var ok bool
		if c.val, ok = c.textOf("/v", c.val[:0]); !ok {
			return false, false, false, errQuick
		}
		hasV = true
		if c.have(4) && string(c.buf[c.pos:c.pos+4]) == "</c>" {
			c.pos += 4
			return false, true, false, nil
		}
	}
	for {
		if !c.next() {
			return false, false, false, errQuick
		}
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
			if c.val, ok = c.textOf("/v", c.val[:0]); !ok {
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
			if c.junk, ok = c.textOf("/f", c.junk[:0]); !ok { // the formula itself is not read
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

// textOf appends to dst an element's text up to its end tag (end: "/v", "/t" …), entities
// decoded; it gives up on a child element, a numeric character reference, a carriage return
// (XML reads it as a line feed) or an escape of excelize's (_xHHHH_).
func (c *quickCutter) textOf(end string, dst []byte) ([]byte, bool) {
	k, ok := c.until('<')
	if !ok || !c.have(k+2) || c.buf[c.pos+k+1] != '/' {
		return nil, false
	}
	raw := c.buf[c.pos : c.pos+k]
	// excelize's XML decoder stops at a character XML does not allow, and reads the rest of the
	// row as blank: the other readers do as it does
	if bytes.IndexByte(raw, '\r') >= 0 || bytes.Contains(raw, []byte("_x")) || !xmlChars(raw) {
		return nil, false
	}
	for len(raw) > 0 {
		i := bytes.IndexByte(raw, '&')
		if i < 0 {
			dst = append(dst, raw...)
			break
		}
		dst = append(dst, raw[:i]...)
		raw = raw[i:]
		j := bytes.IndexByte(raw, ';')
		if j < 0 {
			return nil, false
		}
		switch string(raw[1:j]) {
		case "amp":
			dst = append(dst, '&')
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			return nil, false
		}
		raw = raw[j+1:]
	}
	c.pos += k
	body, ok := c.tag()
	return dst, ok && string(body) == end
}

// inlineText reads <t>…</t></is> (one plain run) after <is>, into c.val.
func (c *quickCutter) inlineText() bool {
	if !c.next() {
		return false
	}
	body, ok := c.tag()
	if !ok {
		return false
	}
	switch string(body) {
	case "t/":
	case "t", `t xml:space="preserve"`:
		if c.val, ok = c.textOf("/t", c.val[:0]); !ok {
			return false
		}
	default:
		return false
	}
	if !c.next() {
		return false
	}
	body, ok = c.tag()
	return ok && string(body) == "/is"
}

// tail reads the rest of the part after the rows: no more rows, no merged cells (the
// others apply them), nothing hostile.
func (c *quickCutter) tail() error {
	for {
		k, ok := c.until('<')
		if !ok {
			// the end of the part, unless a read failed or a text was too long to hold (the
			// rest of the part unseen)
			if !blankText(c.buf[c.pos:]) || c.err != nil || c.tooLong {
				return errQuick
			}
			return nil
		}
		if !c.have(k+2) || !blankText(c.buf[c.pos:c.pos+k]) || c.buf[c.pos+k+1] == '!' {
			return errQuick
		}
		c.pos += k
		body, ok := c.tag()
		if !ok || !plain(body) {
			return errQuick
		}
		for _, name := range []string{"row", "c ", "c>", "c/", "mergeCell", "sheetData", "v>", "f>", "f ", "is>"} {
			if bytes.HasPrefix(body, []byte(name)) {
				return errQuick
			}
		}
	}
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
