package workbook

import (
	"bytes"
	"io"
)

// sheetCutter cuts a worksheet part into tokens — a tag (`<…>`, with its quoted attribute
// values) or the text between two tags — as it streams through a window of the part. With an
// output it also copies the part: every byte the caller does not drop goes out unchanged, and
// what it inserts goes out where it says. Bytes are copied in runs, not token by token: a run
// goes out when the caller drops or inserts, or when the window slides.
//
// It knows no more XML than a worksheet needs: a comment, CDATA section or DTD stops it
// (errNotStreamed), and the caller falls back to excelize.
type sheetCutter struct {
	r   io.Reader
	buf []byte
	pos int // where the next token starts
	// the current token: buf[start:pos]
	start int
	tag   bool
	// keep is the first byte not yet copied out nor dropped; out is nil when only scanning.
	keep int
	out  io.Writer
	eof  bool
	err  error
	// dropping drops every token cut until it is unset.
	dropping bool
	// passed is what skipPast went past, up to the token it stopped at.
	passed []byte
}

// maxToken bounds one token (a cell's text is at most 32,767 characters, under 200 KiB
// escaped); a longer one sends the workbook to excelize.
const maxToken = 1 << 20

// errNotStreamed says the streamed writer meets what it does not handle: the caller writes
// the copy through excelize instead.
var errNotStreamed error = &annotateFallback{reason: "XML the streamed writer does not read: a comment, CDATA section or DTD, an entity in an attribute, a token over 1 MiB"}

func newSheetCutter(r io.Reader, out io.Writer) *sheetCutter {
	return &sheetCutter{r: r, out: out, buf: make([]byte, 0, 256<<10)}
}

// fill reads more of the part, sliding the window: what is before the current position is
// copied out (or dropped) first.
func (c *sheetCutter) fill() bool {
	if c.eof || c.err != nil {
		return false
	}
	c.flushTo(c.pos)
	if c.pos > 0 {
		n := copy(c.buf, c.buf[c.pos:])
		c.buf = c.buf[:n]
		c.start -= c.pos
		c.keep -= c.pos
		c.pos = 0
	}
	if len(c.buf) == cap(c.buf) {
		if cap(c.buf) >= maxToken {
			c.err = errNotStreamed
			return false
		}
		nb := make([]byte, len(c.buf), 2*cap(c.buf))
		copy(nb, c.buf)
		c.buf = nb
	}
	n, err := c.r.Read(c.buf[len(c.buf):cap(c.buf)])
	c.buf = c.buf[:len(c.buf)+n]
	if err == io.EOF {
		c.eof = true
	} else if err != nil {
		c.err = err
	}
	return n > 0 || c.err == nil && !c.eof
}

// next cuts the next token; false at the end of the part or on an error (Err).
func (c *sheetCutter) next() bool {
	c.start = c.pos
	for c.pos >= len(c.buf) {
		if !c.fill() {
			return false
		}
	}
	if c.buf[c.pos] != '<' {
		c.tag = false
		i := c.pos
		for {
			if j := bytes.IndexByte(c.buf[i:], '<'); j >= 0 {
				c.pos = i + j
				break
			}
			off := len(c.buf) - c.start // fill slides the window: keep the offset from the start
			if !c.fill() {
				c.pos = len(c.buf)
				break
			}
			i = c.start + off
		}
	} else {
		c.tag = true
		if !c.tagEnd() {
			return false
		}
	}
	if c.dropping {
		c.keep = c.pos
	}
	return true
}

// tagEnd moves pos past the '>' that ends the tag at pos, outside quoted values.
func (c *sheetCutter) tagEnd() bool {
	i := c.pos + 1
	var quote byte
	for {
		for ; i < len(c.buf); i++ {
			b := c.buf[i]
			switch {
			case quote != 0:
				if b == quote {
					quote = 0
				}
			case b == '"' || b == '\'':
				quote = b
			case b == '>':
				c.pos = i + 1
				return c.checkMarkup()
			}
		}
		off := i - c.pos
		if !c.fill() {
			if c.err == nil {
				c.err = io.ErrUnexpectedEOF
			}
			return false
		}
		i = c.pos + off
	}
}

// checkMarkup refuses comments, CDATA and declarations, which the cutter does not read.
func (c *sheetCutter) checkMarkup() bool {
	if t := c.buf[c.start:c.pos]; len(t) > 1 && t[1] == '!' {
		c.err = errNotStreamed
		return false
	}
	return true
}

// token is the current token, valid until the next call.
func (c *sheetCutter) token() []byte { return c.buf[c.start:c.pos] }

// Err is the error that stopped the cutter, nil at the end of the part.
func (c *sheetCutter) Err() error { return c.err }

// flushTo copies out the bytes kept before i.
func (c *sheetCutter) flushTo(i int) {
	if c.out != nil && i > c.keep && c.err == nil {
		if _, err := c.out.Write(c.buf[c.keep:i]); err != nil {
			c.err = err
		}
	}
	if i > c.keep {
		c.keep = i
	}
}

// drop leaves the current token out of the copy.
func (c *sheetCutter) drop() {
	c.flushTo(c.start)
	c.keep = c.pos
}

// insert writes b before the current token.
func (c *sheetCutter) insert(b []byte) {
	c.flushTo(c.start)
	if c.out != nil && c.err == nil {
		if _, err := c.out.Write(b); err != nil {
			c.err = err
		}
	}
}

// replace writes b in place of the current token.
func (c *sheetCutter) replace(b []byte) {
	c.insert(b)
	c.keep = c.pos
}

// finish copies out the rest of the part.
func (c *sheetCutter) finish() error {
	for c.next() {
	}
	c.flushTo(c.pos)
	return c.err
}

// skipPast moves past the next occurrence of end (a closing tag: it cannot occur in text or in
// an attribute value, where '<' is escaped), copying what it passes (or dropping it) and
// keeping it in passed until the next call; false if there is none.
func (c *sheetCutter) skipPast(end []byte) bool {
	i := c.pos
	for {
		if j := bytes.Index(c.buf[i:], end); j >= 0 {
			c.passed = c.buf[c.pos : i+j]
			c.start = i + j
			c.pos = i + j + len(end)
			c.tag = true
			if c.dropping {
				c.keep = c.pos
			}
			return true
		}
		off := max(len(c.buf)-len(end)+1, i) - c.pos
		if !c.fill() {
			if c.err == nil {
				c.err = io.ErrUnexpectedEOF
			}
			return false
		}
		i = c.pos + off
	}
}

// tagName is the name of a tag token and whether it ends an element (`</x>`) or is empty
// (`<x/>`).
func tagName(t []byte) (name []byte, end, empty bool) {
	if len(t) < 3 {
		return nil, false, false
	}
	i := 1
	if t[1] == '/' {
		end, i = true, 2
	}
	j := i
	for j < len(t) && t[j] != ' ' && t[j] != '>' && t[j] != '/' && t[j] != '\t' && t[j] != '\n' && t[j] != '\r' {
		j++
	}
	return t[i:j], end, t[len(t)-2] == '/'
}

// attrValue is the raw value of attribute name (as written, prefix included) in a tag, and
// whether it is there. A value holding an entity is refused: the tags the writer reads (row, c,
// col, dimension, references) never need one.
func attrValue(t []byte, name string) (value []byte, found bool, err error) {
	err = eachAttr(t, func(key, v []byte) bool {
		if string(key) != name {
			return true
		}
		if bytes.IndexByte(v, '&') >= 0 {
			err = errNotStreamed
		} else {
			value, found = v, true
		}
		return false
	})
	return value, found, err
}

// eachAttr calls f with each attribute of a tag, name as written and raw value, until f
// returns false.
func eachAttr(t []byte, f func(key, value []byte) bool) error {
	i := 1
	for i < len(t) && !space(t[i]) {
		i++
	}
	for {
		for i < len(t) && space(t[i]) {
			i++
		}
		k := i
		for i < len(t) && t[i] != '=' && !space(t[i]) && t[i] != '>' && t[i] != '/' {
			i++
		}
		if i == k {
			return nil // the end of the tag
		}
		key := t[k:i]
		for i < len(t) && space(t[i]) {
			i++
		}
		if i >= len(t) || t[i] != '=' {
			return errNotStreamed
		}
		i++
		for i < len(t) && space(t[i]) {
			i++
		}
		if i >= len(t) || t[i] != '"' && t[i] != '\'' {
			return errNotStreamed
		}
		q := bytes.IndexByte(t[i+1:], t[i])
		if q < 0 {
			return errNotStreamed
		}
		v := t[i+1 : i+1+q]
		i += q + 2
		if !f(key, v) {
			return nil
		}
	}
}
