package workbook

import (
	"bytes"
	"io"
	"unicode/utf8"
)

// The XML tokenizer that every reader of a worksheet's XML shares: the package check's scan
// (package.go), the quick reader (quickrows.go), the fast reader (sheetxml.go) and annotate's
// two passes over a sheet (annotate_scan.go, annotate_rewrite.go), the second of which also
// copies the part through it. It cuts the XML into tokens as it streams through a window of
// the part:
//
//   - text: up to the next '<', or to the end of the part;
//   - markup: a processing instruction (<?…?>), a comment (<!--…-->), a CDATA section
//     (<![CDATA[…]]>), or a tag or declaration, which ends at the first '>' outside its quoted
//     values. A quoted value holding a '<', which XML never allows, is no value: such a tag
//     ends at its first '>', so that one stray quote cannot swallow the rows after it.
//
// A tag's attributes are read as it is cut, in the same pass. The tokenizer checks nothing
// else: each reader decides what it accepts of the tokens, for each reads a different subset
// of XML and gives up (or refuses the file) on the rest. The decoding of XML's entity and
// character references below is the one all of them use. encoding/xml is the oracle of both
// (xmltok_test.go).

// xmlTokenizer streams the tokens of one part. A token is valid until the next call.
type xmlTokenizer struct {
	r   io.Reader
	buf []byte // the window; buf[pos:] is not cut yet
	// the current token is buf[start:pos]; markup says it starts with '<'
	start, pos int
	markup     bool
	limit      int // the longest token the window may hold
	eof        bool
	err        error // a read error other than io.EOF, or the copy's write error
	tooLong    bool  // a token longer than limit: the tokenizer stopped there
	cut        bool  // the part ends inside markup
	// The attributes of the current token when it is a tag; attrsOK says the tag is written as
	// XML writes one (name, then attributes each after white space, then '>' or "/>"), else
	// attrs holds those before what is not.
	attrs   []attrSpan
	attrsOK bool
	// The copy, when out is set: every byte goes out as it is, unless dropped, when the window
	// slides or the caller inserts; keep is the first byte not yet copied out nor dropped.
	out      io.Writer
	keep     int
	dropping bool   // drops every token cut until it is unset
	passed   []byte // what skipPast went past, until the next call
}

// newXMLTokenizer tokenizes r through a window of size bytes that grows, for a long token,
// up to limit.
func newXMLTokenizer(r io.Reader, size, limit int) *xmlTokenizer {
	return &xmlTokenizer{r: r, buf: make([]byte, 0, size), limit: limit, attrs: make([]attrSpan, 0, 16)}
}

// fill reads more of the part, sliding the window to keep buf[pos:] (copying out what is
// before it first). It reports whether it read anything or may still.
func (z *xmlTokenizer) fill() bool {
	if z.eof || z.err != nil || z.tooLong {
		return false
	}
	if z.out != nil {
		z.flushTo(z.pos)
		z.keep -= z.pos
	}
	if z.pos > 0 {
		n := copy(z.buf, z.buf[z.pos:])
		z.buf = z.buf[:n]
		z.start -= z.pos
		z.pos = 0
	}
	if len(z.buf) == cap(z.buf) {
		if cap(z.buf) >= z.limit {
			z.tooLong = true
			return false
		}
		nb := make([]byte, len(z.buf), min(2*cap(z.buf), z.limit))
		copy(nb, z.buf)
		z.buf = nb
	}
	n, err := z.r.Read(z.buf[len(z.buf):cap(z.buf)])
	z.buf = z.buf[:len(z.buf)+n]
	if err == io.EOF {
		z.eof = true
	} else if err != nil {
		z.err = err
	}
	return n > 0 || err == nil
}

// have makes sure n bytes follow pos.
func (z *xmlTokenizer) have(n int) bool {
	for len(z.buf)-z.pos < n {
		if !z.fill() {
			return false
		}
	}
	return true
}

// next cuts the next token. It reports false at the end of the part, or when the tokenizer
// stopped: on a read error (err), a token longer than its limit (tooLong, markup saying
// whether it was markup), or markup the part ends in (cut).
func (z *xmlTokenizer) next() bool {
	z.start = z.pos
	for z.pos >= len(z.buf) {
		if !z.fill() {
			return false
		}
	}
	z.markup = z.buf[z.pos] == '<'
	if !z.markup {
		i := z.pos + 1
		for {
			if j := bytes.IndexByte(z.buf[i:], '<'); j >= 0 {
				z.pos = i + j
				break
			}
			off := len(z.buf) - z.pos
			if !z.fill() {
				if z.err != nil || z.tooLong {
					return false
				}
				z.pos = len(z.buf) // the part ends in text
				break
			}
			i = z.pos + off
		}
	} else if end, attrs, st := scanTag(z.buf[z.pos:], z.attrs[:0]); st == tagDone && z.buf[z.pos+1] != '?' && z.buf[z.pos+1] != '!' {
		// the common case, a whole tag in the window, without a call more: markupEnd finds
		// the same
		z.keepAttrs(attrs)
		z.attrsOK = true
		z.pos += end
	} else if !z.markupEnd() {
		if z.err == nil && !z.tooLong {
			z.cut = true
		}
		return false
	}
	if z.dropping {
		z.keep = z.pos
	}
	return true
}

// accept cuts the next token if it is tok, a tag without attributes such as "</v>"; it reports
// whether it was. A reader that expects a tag takes it so, with a compare.
func (z *xmlTokenizer) accept(tok string) bool {
	if len(z.buf)-z.pos < len(tok) && !z.have(len(tok)) {
		return false
	}
	b := z.buf[z.pos : z.pos+len(tok)]
	for i := range len(tok) { // short: a loop is quicker than a call
		if b[i] != tok[i] {
			return false
		}
	}
	z.start, z.markup, z.attrsOK = z.pos, true, true
	z.pos += len(tok)
	z.attrs = z.attrs[:0]
	if z.dropping {
		z.keep = z.pos
	}
	return true
}

var (
	piEnd        = []byte("?>")
	commentStart = []byte("<!--")
	commentEnd   = []byte("-->")
	cdataStart   = []byte("<![CDATA[")
	cdataEnd     = []byte("]]>")
)

// markupEnd moves pos past the markup at pos.
func (z *xmlTokenizer) markupEnd() bool {
	if len(z.buf)-z.pos < 2 && !z.have(2) {
		return false
	}
	if c := z.buf[z.pos+1]; c != '?' && c != '!' {
		return z.tagEnd()
	}
	var end []byte
	from := 2
	switch z.buf[z.pos+1] {
	case '?':
		end = piEnd
	case '!':
		switch {
		case z.have(len(commentStart)) && bytes.HasPrefix(z.buf[z.pos:], commentStart):
			end, from = commentEnd, len(commentStart)
		case z.have(len(cdataStart)) && bytes.HasPrefix(z.buf[z.pos:], cdataStart):
			end, from = cdataEnd, len(cdataStart)
		}
	}
	if end == nil {
		return z.tagEnd()
	}
	z.attrs, z.attrsOK = z.attrs[:0], false
	i, ok := z.find(end, from)
	if ok {
		z.pos += i + len(end)
	}
	return ok
}

// tagEnd moves pos past the '>' that ends the tag at pos, reading its attributes on the way.
func (z *xmlTokenizer) tagEnd() bool {
	for {
		end, attrs, st := scanTag(z.buf[z.pos:], z.attrs[:0])
		z.keepAttrs(attrs)
		switch st {
		case tagDone:
			z.attrsOK = true
			z.pos += end
			return true
		case tagOdd:
			z.attrsOK = false
			return z.oddTagEnd()
		}
		// The tag goes on past the window: read on, at least to its next '>' or '<' (which
		// may make it odd).
		for scanned := len(z.buf) - z.pos; ; scanned = len(z.buf) - z.pos {
			if !z.fill() {
				return false
			}
			if more := z.buf[z.pos+scanned:]; bytes.IndexByte(more, '>') >= 0 || bytes.IndexByte(more, '<') >= 0 {
				break
			}
		}
	}
}

// keepAttrs keeps the attributes scanTag appended to z.attrs[:0]. It stores no pointer unless
// they outgrew z.attrs: a pointer stored for every tag costs the garbage collector's write
// barrier.
func (z *xmlTokenizer) keepAttrs(attrs []attrSpan) {
	if cap(attrs) == cap(z.attrs) {
		z.attrs = z.attrs[:len(attrs)]
	} else {
		z.attrs = attrs
	}
}

// oddTagEnd moves pos past the '>' that ends a tag that is not written as XML writes one:
// the first outside quoted values, or the first when a quoted value holds a '<'.
func (z *xmlTokenizer) oddTagEnd() bool {
	i := 1 // from pos
	var quote byte
	firstGT := -1
	broken := false
	for {
		b := z.buf[z.pos:]
		for i < len(b) {
			c := b[i]
			if !tagSpecial[c] {
				i++
				continue
			}
			switch c {
			case '>':
				if quote == 0 || broken {
					z.pos += i + 1
					return true
				}
				if firstGT < 0 {
					firstGT = i
				}
			case '<':
				if quote != 0 {
					if firstGT >= 0 {
						z.pos += firstGT + 1
						return true
					}
					broken = true
				}
			default: // a quote
				if quote == 0 {
					quote = c
				} else if c == quote {
					quote = 0
				}
			}
			i++
		}
		if !z.fill() {
			return false
		}
	}
}

// tagSpecial marks the bytes tagEnd stops at.
var tagSpecial = [256]bool{'>': true, '<': true, '"': true, '\'': true}

// find returns the offset from pos of the first lit at or after offset from, reading more as
// needed; false when the part ends first or the tokenizer stops.
func (z *xmlTokenizer) find(lit []byte, from int) (int, bool) {
	for {
		if j := bytes.Index(z.buf[z.pos+from:], lit); j >= 0 {
			return from + j, true
		}
		from = max(from, len(z.buf)-z.pos-len(lit)+1)
		if !z.fill() {
			return 0, false
		}
	}
}

// token is the current token.
func (z *xmlTokenizer) token() []byte { return z.buf[z.start:z.pos] }

// skipPast moves past the next occurrence of end (a closing tag: it cannot occur in text or in
// an attribute value, where '<' is escaped), copying what it passes (or dropping it) and
// keeping it in passed until the next call, end being the current token; false if there is
// none.
func (z *xmlTokenizer) skipPast(end []byte) bool {
	i, ok := z.find(end, 0)
	if !ok {
		if z.err == nil && !z.tooLong {
			z.cut = true
		}
		return false
	}
	z.passed = z.buf[z.pos : z.pos+i]
	z.start = z.pos + i
	z.pos = z.start + len(end)
	z.markup = true
	z.attrs, z.attrsOK = z.attrs[:0], true
	if z.dropping {
		z.keep = z.pos
	}
	return true
}

// flushTo copies out the bytes kept before i.
func (z *xmlTokenizer) flushTo(i int) {
	if z.out != nil && i > z.keep && z.err == nil {
		if _, err := z.out.Write(z.buf[z.keep:i]); err != nil {
			z.err = err
		}
	}
	if i > z.keep {
		z.keep = i
	}
}

// drop leaves the current token out of the copy.
func (z *xmlTokenizer) drop() {
	z.flushTo(z.start)
	z.keep = z.pos
}

// insert writes b before the current token.
func (z *xmlTokenizer) insert(b []byte) {
	z.flushTo(z.start)
	if z.out != nil && z.err == nil {
		if _, err := z.out.Write(b); err != nil {
			z.err = err
		}
	}
}

// replace writes b in place of the current token.
func (z *xmlTokenizer) replace(b []byte) {
	z.insert(b)
	z.keep = z.pos
}

// tagName is the name of a tag token as written (prefix included), and whether it ends an
// element (`</x>`) or is empty (`<x/>`).
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

func space(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// attrNameEnd marks the bytes that end a tag's or an attribute's name.
var attrNameEnd = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '=': true, '>': true, '/': true, '"': true, '\'': true, '<': true}

// attrSpan is one attribute of a tag: its name and its value as written (between its quotes),
// as offsets into the tag.
type attrSpan struct {
	ns, ne, vs, ve int32
	quote          byte
}

func (a attrSpan) name(t []byte) []byte  { return t[a.ns:a.ne] }
func (a attrSpan) value(t []byte) []byte { return t[a.vs:a.ve] }

// What scanTag found.
const (
	tagDone = iota // the tag, written as XML writes one
	tagMore        // the bytes end before the tag does
	tagOdd         // anything else: what ends the tag is for oddTagEnd to find
)

// scanTag reads the tag at the start of b ('<' there) as XML writes one: its name, then its
// attributes, each after white space (name="value" or name='value', with white space allowed
// around the '='), then '>' or "/>". It returns the tag's length and its attributes, appended
// to attrs; on tagOdd, those before what is not so.
func scanTag(b []byte, attrs []attrSpan) (int, []attrSpan, int) {
	n := len(b)
	i := 1
	if i < n && b[i] == '/' {
		i++
	}
	for i < n && !attrNameEnd[b[i]] {
		i++
	}
	for {
		s := i
		for i < n && space(b[i]) {
			i++
		}
		if i == n {
			return 0, attrs, tagMore
		}
		switch b[i] {
		case '>':
			return i + 1, attrs, tagDone
		case '/':
			if i+1 == n {
				return 0, attrs, tagMore
			}
			if b[i+1] == '>' {
				return i + 2, attrs, tagDone
			}
			return 0, attrs, tagOdd
		}
		if i == s || b[1] == '/' {
			return 0, attrs, tagOdd
		}
		ns := i
		for i < n && !attrNameEnd[b[i]] {
			i++
		}
		ne := i
		for i < n && space(b[i]) {
			i++
		}
		if i == n {
			return 0, attrs, tagMore
		}
		if ne == ns || b[i] != '=' {
			return 0, attrs, tagOdd
		}
		i++
		for i < n && space(b[i]) {
			i++
		}
		if i == n {
			return 0, attrs, tagMore
		}
		q := b[i]
		if q != '"' && q != '\'' {
			return 0, attrs, tagOdd
		}
		i++
		vs := i
		for i < n && b[i] != q { // values are short: a loop is quicker than a search
			if b[i] == '<' {
				return 0, attrs, tagOdd
			}
			i++
		}
		if i == n {
			return 0, attrs, tagMore
		}
		attrs = append(attrs, attrSpan{int32(ns), int32(ne), int32(vs), int32(i), q})
		i++
	}
}

// attrsOf reads the attributes of a whole tag t, appended to buf; ok false when the tag is
// not written as XML writes one (scanTag), the attributes then being those before that.
func attrsOf(t []byte, buf []attrSpan) (attrs []attrSpan, ok bool) {
	_, attrs, st := scanTag(t, buf)
	return attrs, st == tagDone
}

// attrNamed is the value, as written, of the first attribute of tag t named name (prefix
// included), among its attributes attrs.
func attrNamed(t []byte, attrs []attrSpan, name string) ([]byte, bool) {
	for _, a := range attrs {
		if string(a.name(t)) == name {
			return a.value(t), true
		}
	}
	return nil, false
}

// attr is the value, as written, of the current tag's first attribute named name (prefix
// included).
func (z *xmlTokenizer) attr(name string) ([]byte, bool) {
	return attrNamed(z.token(), z.attrs, name)
}

// xmlChar reports whether XML allows a character (its Char production, as encoding/xml checks
// it).
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// xmlChars reports whether b is UTF-8 made of characters XML allows (encoding/xml, which
// excelize reads with, stops at any other and excelize reads the rest of the row as blank).
func xmlChars(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 || !xmlChar(r) {
			return false
		}
		i += n
	}
	return true
}

// charRef reads the name of a character reference (#123 or #x7B, between & and ;): its code,
// capped past the last code point, and whether the name has that shape.
func charRef(name []byte) (rune, bool) {
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	digits, base := name[1:], rune(10)
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 {
		return 0, false
	}
	var v rune
	for _, c := range digits {
		var d rune
		switch {
		case c >= '0' && c <= '9':
			d = rune(c - '0')
		case base == 16 && c >= 'a' && c <= 'f':
			d = rune(c-'a') + 10
		case base == 16 && c >= 'A' && c <= 'F':
			d = rune(c-'A') + 10
		default:
			return 0, false
		}
		v = min(v*base+d, utf8.MaxRune+1)
	}
	return v, true
}

// predefined decodes the five entities XML defines.
func predefined(name []byte) (rune, bool) {
	switch string(name) {
	case "amp":
		return '&', true
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	return 0, false
}

// entityRune decodes the name of an entity reference (between & and ;): one of the five XML
// defines, or a character reference to a character XML allows.
func entityRune(name []byte) (rune, bool) {
	if r, ok := predefined(name); ok {
		return r, true
	}
	r, ok := charRef(name)
	return r, ok && xmlChar(r)
}

// maxEntity bounds the name of an entity reference (longer, it is refused).
const maxEntity = 12

// plainByte marks the bytes text holds as they are: printable ASCII but '&', '<' and ']',
// tab and line feed.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '&' && c != '<' && c != ']'
	}
	t['\t'], t['\n'] = true, true
	return t
}()

// appendUnescaped appends text, or an attribute value, to dst as encoding/xml decodes it:
// entity and character references decoded, a carriage return (alone or before a line feed)
// read as a line feed. It reports false, and stops, at what encoding/xml refuses or this
// decoder does not read: a '<', a bare '&', an entity XML does not define, a reference to a
// character XML does not allow, invalid UTF-8 or such a character, "]]>".
func appendUnescaped(dst, raw []byte) ([]byte, bool) {
	from := 0 // raw[from:i] is yet to be appended
	for i := 0; i < len(raw); {
		c := raw[i]
		if plainByte[c] {
			i++
			continue
		}
		switch {
		case c == ']':
			if bytes.HasPrefix(raw[i:], cdataEnd) {
				return dst, false
			}
			i++
			continue
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && n == 1 || !xmlChar(r) {
				return dst, false
			}
			i += n
			continue
		}
		dst = append(dst, raw[from:i]...)
		switch c {
		case '\r':
			dst = append(dst, '\n')
			i++
			if i < len(raw) && raw[i] == '\n' {
				i++
			}
		case '&':
			j := bytes.IndexByte(raw[i+1:min(len(raw), i+2+maxEntity)], ';')
			if j < 0 {
				return dst, false
			}
			r, ok := entityRune(raw[i+1 : i+1+j])
			if !ok {
				return dst, false
			}
			dst = utf8.AppendRune(dst, r)
			i += j + 2
		default: // '<', or a control character
			return dst, false
		}
		from = i
	}
	return append(dst, raw[from:]...), true
}

// literal reports whether raw holds nothing to decode nor check: printable ASCII but '&',
// '<' and ']', tabs and line feeds.
func literal(raw []byte) bool {
	for _, c := range raw {
		if !plainByte[c] {
			return false
		}
	}
	return true
}

// unescape is raw decoded (appendUnescaped): raw itself when it is literal, else appended to
// buf.
func unescape(buf, raw []byte) ([]byte, bool) {
	if literal(raw) {
		return raw, true
	}
	return appendUnescaped(buf, raw)
}
