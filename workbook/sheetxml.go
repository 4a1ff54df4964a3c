package workbook

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strconv"
	"unicode/utf8"
)

// The fast sheet reader: a tokenizer for the XML of worksheets and shared strings that
// accepts a strict, common subset of XML and gives up (errUnsure) on anything outside it,
// where encoding/xml, and so excelize, might read differently: comments, CDATA, DTDs,
// processing instructions past the prolog, other encodings, carriage returns inside values,
// unknown entities, invalid characters or UTF-8, mismatched tags. The reader that uses it
// (fastRows) then hands the sheet over to excelize at the row where it gave up, so that what
// the loader sees is always what excelize gives.

// errUnsure says the tokenizer met XML outside the subset it reads exactly like excelize.
var errUnsure = errors.New("sheet XML outside the fast reader's subset")

const (
	tokStart = iota + 1
	tokEnd
	tokEOF
)

// maxTag bounds a tag kept in the window; a longer one is left to excelize.
const maxTag = 1 << 20

type xmlAttr struct {
	name  []byte // as written
	local []byte // the name after any prefix
	value []byte // decoded
}

// xmlTokenizer streams tokens from r through a sliding window. Names, attributes and text
// are valid until the next call.
type xmlTokenizer struct {
	r       io.Reader
	buf     []byte
	pos     int
	eof     bool
	readErr error
	// the open elements' raw names, one after another in names, ends in ends
	names []byte
	ends  []int
	// the current token
	kind      int
	local     []byte
	attrs     []xmlAttr
	scratch   []byte // decoded attribute values
	runs      []byte // a string item's rich text runs
	pendEnd   bool   // a self-closing tag: its end comes next
	started   bool
	sawProlog bool
}

func newXMLTokenizer(r io.Reader) *xmlTokenizer {
	return &xmlTokenizer{r: r, buf: make([]byte, 0, 256<<10)}
}

// fill reads more into the window, keeping buf[pos:]. It reports whether it read anything.
func (z *xmlTokenizer) fill() bool {
	if z.eof {
		return false
	}
	if z.pos > 0 {
		n := copy(z.buf, z.buf[z.pos:])
		z.buf = z.buf[:n]
		z.pos = 0
	}
	if len(z.buf) == cap(z.buf) {
		nb := make([]byte, len(z.buf), 2*cap(z.buf))
		copy(nb, z.buf)
		z.buf = nb
	}
	for {
		n, err := z.r.Read(z.buf[len(z.buf):cap(z.buf)])
		z.buf = z.buf[:len(z.buf)+n]
		if err != nil {
			z.eof = true
			if err != io.EOF {
				z.readErr = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
}

// next reads the next start or end tag. Text before it is checked, and appended decoded to
// *text when text is non-nil. It returns tokEOF at the end of the input.
func (z *xmlTokenizer) next(text *[]byte) (int, error) {
	if z.pendEnd {
		z.pendEnd = false
		z.pop()
		z.kind = tokEnd
		return tokEnd, nil
	}
	if !z.started {
		// Only white space before the root (and around the prolog).
		for {
			for z.pos < len(z.buf) && (space(z.buf[z.pos]) && z.sawProlog) {
				z.pos++
			}
			if z.pos < len(z.buf) || !z.fill() {
				break
			}
		}
		if z.pos < len(z.buf) && z.buf[z.pos] != '<' {
			return 0, errUnsure
		}
	}
	// Text up to '<'.
	for {
		i := z.pos
		for i < len(z.buf) {
			b := z.buf[i]
			if b == '<' {
				break
			}
			if b >= 0x20 && b < 0x80 && b != '&' && b != ']' {
				i++
				continue
			}
			if i > z.pos && text != nil {
				*text = append(*text, z.buf[z.pos:i]...)
			}
			z.pos = i
			n, ok, err := z.special(text)
			if err != nil {
				return 0, err
			}
			if !ok {
				break // need more input
			}
			i = z.pos + n
			z.pos = i
		}
		if i > z.pos && text != nil {
			*text = append(*text, z.buf[z.pos:i]...)
		}
		z.pos = i
		if z.pos < len(z.buf) && z.buf[z.pos] == '<' {
			break
		}
		if !z.fill() {
			if z.pos < len(z.buf) {
				return 0, errUnsure // a cut character or entity at the end
			}
			if z.readErr != nil {
				return 0, z.readErr
			}
			z.kind = tokEOF
			return tokEOF, nil
		}
	}
	for {
		n, ok, err := z.tag()
		if err != nil {
			return 0, err
		}
		if ok {
			z.pos += n
			if z.kind == 0 {
				return z.next(text)
			}
			z.started = true
			return z.kind, nil
		}
		if len(z.buf)-z.pos > maxTag {
			return 0, errUnsure
		}
		if !z.fill() {
			if z.readErr != nil {
				return 0, z.readErr
			}
			// A tag cut by the end: excelize's decoder stops there too.
			z.pos = len(z.buf)
			z.kind = tokEOF
			return tokEOF, nil
		}
	}
}

// special checks one non-ASCII character, control character or entity at z.pos, appending
// it decoded to *text. It returns its length, or ok false when the window cuts it.
func (z *xmlTokenizer) special(text *[]byte) (int, bool, error) {
	b := z.buf[z.pos:]
	switch c := b[0]; {
	case c == '\n' || c == '\t':
		if text != nil {
			*text = append(*text, c)
		}
		return 1, true, nil
	case c == '\r':
		if text != nil {
			return 0, false, errUnsure // encoding/xml rewrites line ends in text
		}
		return 1, true, nil
	case c < 0x20:
		return 0, false, errUnsure
	case c == ']':
		// encoding/xml refuses "]]>" outside CDATA
		if len(b) < 3 {
			return 0, false, nil
		}
		if b[1] == ']' && b[2] == '>' {
			return 0, false, errUnsure
		}
		if text != nil {
			*text = append(*text, c)
		}
		return 1, true, nil
	case c == '&':
		end := bytes.IndexByte(b, ';')
		if end < 0 {
			if len(b) > 16 {
				return 0, false, errUnsure
			}
			return 0, false, nil
		}
		r, ok := entity(b[1:end])
		if !ok {
			return 0, false, errUnsure
		}
		if text != nil {
			*text = utf8.AppendRune(*text, r)
		}
		return end + 1, true, nil
	default:
		if !utf8.FullRune(b) {
			return 0, false, nil
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 || !xmlChar(r) {
			return 0, false, errUnsure
		}
		if text != nil {
			*text = append(*text, b[:n]...)
		}
		return n, true, nil
	}
}

func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// entity decodes the five predefined entities and character references.
func entity(name []byte) (rune, bool) {
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
	if len(name) < 2 || name[0] != '#' || len(name) > 9 {
		return 0, false
	}
	var v uint64
	var err error
	if name[1] == 'x' {
		if len(name) < 3 {
			return 0, false
		}
		for _, c := range name[2:] {
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
				return 0, false
			}
		}
		v, err = strconv.ParseUint(string(name[2:]), 16, 32)
	} else {
		for _, c := range name[1:] {
			if c < '0' || c > '9' {
				return 0, false
			}
		}
		v, err = strconv.ParseUint(string(name[1:]), 10, 32)
	}
	if err != nil || !xmlChar(rune(v)) {
		return 0, false
	}
	return rune(v), true
}

func nameStart(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }
func nameByte(c byte) bool {
	return nameStart(c) || c >= '0' && c <= '9' || c == '-' || c == '.' || c == ':'
}
func space(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// name reads an XML name at b[i:]: ASCII only, at most one colon, not at either end.
func name(b []byte, i int) (end int, local []byte, ok bool) {
	if i >= len(b) || !nameStart(b[i]) {
		return i, nil, false
	}
	j := i + 1
	colon := -1
	for j < len(b) && nameByte(b[j]) {
		if b[j] == ':' {
			if colon >= 0 {
				return j, nil, false
			}
			colon = j
		}
		j++
	}
	local = b[i:j]
	if colon >= 0 {
		if colon == j-1 {
			return j, nil, false
		}
		local = b[colon+1 : j]
	}
	return j, local, true
}

// tag parses the tag at z.pos ('<'). ok false: the window ends inside it.
func (z *xmlTokenizer) tag() (int, bool, error) {
	b := z.buf[z.pos:]
	if len(b) < 2 {
		return 0, false, nil
	}
	switch b[1] {
	case '!':
		return 0, false, errUnsure
	case '?':
		if z.started || z.sawProlog {
			return 0, false, errUnsure
		}
		end := bytes.Index(b, []byte("?>"))
		if end < 0 {
			return 0, false, nil
		}
		decl := b[2:end]
		if !bytes.HasPrefix(decl, []byte("xml ")) {
			return 0, false, errUnsure
		}
		if i := bytes.Index(decl, []byte("version")); i >= 0 {
			v := decl[i:]
			if !bytes.HasPrefix(v, []byte(`version="1.0"`)) && !bytes.HasPrefix(v, []byte(`version='1.0'`)) {
				return 0, false, errUnsure
			}
		}
		if i := bytes.Index(decl, []byte("encoding")); i >= 0 {
			enc := bytes.ToLower(decl[i:])
			if !bytes.HasPrefix(enc, []byte(`encoding="utf-8"`)) && !bytes.HasPrefix(enc, []byte(`encoding='utf-8'`)) {
				return 0, false, errUnsure
			}
		}
		z.sawProlog = true
		z.kind = 0 // not a token: read on
		return end + 2, true, nil
	case '/':
		j, local, ok := name(b, 2)
		if j >= len(b) {
			return 0, false, nil
		}
		if !ok {
			return 0, false, errUnsure
		}
		raw := b[2:j]
		for j < len(b) && space(b[j]) {
			j++
		}
		if j >= len(b) {
			return 0, false, nil
		}
		if b[j] != '>' || len(z.ends) == 0 {
			return 0, false, errUnsure
		}
		top := z.names[z.top():]
		if !bytes.Equal(top, raw) {
			return 0, false, errUnsure
		}
		z.local = local
		z.pop()
		z.kind = tokEnd
		return j + 1, true, nil
	}
	return z.start(b)
}

func (z *xmlTokenizer) top() int {
	if len(z.ends) < 2 {
		return 0
	}
	return z.ends[len(z.ends)-2]
}

func (z *xmlTokenizer) pop() {
	z.ends = z.ends[:len(z.ends)-1]
	if len(z.ends) == 0 {
		z.names = z.names[:0]
	} else {
		z.names = z.names[:z.ends[len(z.ends)-1]]
	}
}

// start parses a start tag.
func (z *xmlTokenizer) start(b []byte) (int, bool, error) {
	j, local, ok := name(b, 1)
	if j >= len(b) {
		return 0, false, nil
	}
	if !ok {
		return 0, false, errUnsure
	}
	raw := b[1:j]
	z.attrs = z.attrs[:0]
	z.scratch = z.scratch[:0]
	type span struct{ a, b int }
	var vals [8]span
	spans := vals[:0]
	self := false
	for {
		sp := j
		for j < len(b) && space(b[j]) {
			j++
		}
		if j >= len(b) {
			return 0, false, nil
		}
		if b[j] == '>' {
			j++
			break
		}
		if b[j] == '/' {
			if j+1 >= len(b) {
				return 0, false, nil
			}
			if b[j+1] != '>' {
				return 0, false, errUnsure
			}
			self = true
			j += 2
			break
		}
		if sp == j { // attributes must be separated by space
			return 0, false, errUnsure
		}
		k, alocal, ok := name(b, j)
		if k >= len(b) {
			return 0, false, nil
		}
		if !ok || b[k] != '=' || k+1 >= len(b) {
			if k+1 >= len(b) && ok {
				return 0, false, nil
			}
			return 0, false, errUnsure
		}
		q := b[k+1]
		if q != '"' && q != '\'' {
			return 0, false, errUnsure
		}
		e := bytes.IndexByte(b[k+2:], q)
		if e < 0 {
			return 0, false, nil
		}
		v := b[k+2 : k+2+e]
		if bytes.Contains(v, []byte("]]>")) {
			return 0, false, errUnsure
		}
		start := len(z.scratch)
		for i := 0; i < len(v); {
			c := v[i]
			switch {
			case c == '<' || c == '\r' || c < 0x20 && c != '\t' && c != '\n':
				return 0, false, errUnsure
			case c == '&':
				end := bytes.IndexByte(v[i:], ';')
				if end < 0 {
					return 0, false, errUnsure
				}
				r, ok := entity(v[i+1 : i+end])
				if !ok {
					return 0, false, errUnsure
				}
				z.scratch = utf8.AppendRune(z.scratch, r)
				i += end + 1
			case c < 0x80:
				z.scratch = append(z.scratch, c)
				i++
			default:
				r, n := utf8.DecodeRune(v[i:])
				if r == utf8.RuneError && n == 1 || !xmlChar(r) {
					return 0, false, errUnsure
				}
				z.scratch = append(z.scratch, v[i:i+n]...)
				i += n
			}
		}
		spans = append(spans, span{start, len(z.scratch)})
		z.attrs = append(z.attrs, xmlAttr{name: b[j:k], local: alocal})
		j = k + 2 + e + 1
	}
	for i := range z.attrs {
		z.attrs[i].value = z.scratch[spans[i].a:spans[i].b]
	}
	z.local = local
	z.names = append(z.names, raw...)
	z.ends = append(z.ends, len(z.names))
	z.kind = tokStart
	z.pendEnd = self
	return j, true, nil
}

// attr returns the value of the last attribute of the current start tag with a local name.
func (z *xmlTokenizer) attrValue(local string) ([]byte, bool) {
	var v []byte
	found := false
	for _, a := range z.attrs {
		if string(a.local) == local {
			v, found = a.value, true
		}
	}
	return v, found
}

// skip reads up to the end of the element just started.
func (z *xmlTokenizer) skip() error {
	depth := 1
	for depth > 0 {
		k, err := z.next(nil)
		if err != nil {
			return err
		}
		switch k {
		case tokStart:
			depth++
		case tokEnd:
			depth--
		case tokEOF:
			return errUnsure
		}
	}
	return nil
}

// textOnly reads the text of the element just started, refusing child elements.
func (z *xmlTokenizer) textOnly(dst []byte) ([]byte, error) {
	k, err := z.next(&dst)
	if err != nil {
		return dst, err
	}
	if k != tokEnd {
		return dst, errUnsure
	}
	return dst, nil
}

// stringItem reads a shared or inline string item (<si> or <is>) just started, as
// excelize's xlsxSI.String does: the item's <t>, then each run's <t>.
func (z *xmlTokenizer) stringItem(dst []byte) ([]byte, bool, error) {
	start := len(dst)
	sawT := false
	runs := z.runs[:0] // after the item's own <t>, whatever the order
	defer func() { z.runs = runs[:0] }()
	for {
		k, err := z.next(nil)
		if err != nil {
			return dst, false, err
		}
		switch k {
		case tokEOF:
			return dst, false, errUnsure
		case tokEnd:
			// excelize decodes "_xHHHH_" escapes; leave those to it.
			dst = append(dst, runs...)
			return dst, bytes.Contains(dst[start:], []byte("_x")), nil
		}
		switch string(z.local) {
		case "t":
			if sawT {
				return dst, false, errUnsure
			}
			sawT = true
			if dst, err = z.textOnly(dst); err != nil {
				return dst, false, err
			}
		case "r":
			sawRT := false
			for {
				k, err := z.next(nil)
				if err != nil {
					return dst, false, err
				}
				if k == tokEOF {
					return dst, false, errUnsure
				}
				if k == tokEnd {
					break
				}
				if string(z.local) == "t" {
					if sawRT {
						return dst, false, errUnsure
					}
					sawRT = true
					if runs, err = z.textOnly(runs); err != nil {
						return dst, false, err
					}
				} else if string(z.local) == "rPr" {
					if err := z.runProperties(); err != nil {
						return dst, false, err
					}
				} else if err := z.skip(); err != nil {
					return dst, false, err
				}
			}
		default:
			switch string(z.local) {
			case "rPh":
				if !z.typedAttrs(nil, nil, nil, []string{"sb", "eb"}) {
					return dst, false, errUnsure
				}
			case "phoneticPr":
				if !z.typedAttrs(nil, []string{"fontId"}, nil, nil) {
					return dst, false, errUnsure
				}
			}
			if err := z.skip(); err != nil {
				return dst, false, err
			}
		}
	}
}

// runProperties reads a rich text run's <rPr>, checking the attributes excelize decodes
// into numbers and booleans: one it cannot parse stops its reading of the cell.
func (z *xmlTokenizer) runProperties() error {
	val := []string{"val"}
	for {
		k, err := z.next(nil)
		if err != nil {
			return err
		}
		switch k {
		case tokEOF:
			return errUnsure
		case tokEnd:
			return nil
		}
		ok := true
		switch string(z.local) {
		case "charset", "family":
			ok = z.typedAttrs(nil, val, nil, nil)
		case "b", "i", "strike", "outline", "shadow", "condense", "extend":
			ok = z.typedAttrs(val, nil, nil, nil)
		case "sz":
			ok = z.typedAttrs(nil, nil, val, nil)
		case "color":
			ok = z.typedAttrs([]string{"auto"}, []string{"indexed", "theme"}, []string{"tint"}, nil)
		}
		if !ok {
			return errUnsure
		}
		if err := z.skip(); err != nil {
			return err
		}
	}
}

// typedAttrs reports whether the current tag's attributes of these names parse as
// encoding/xml parses them into bool, int, float64 and uint32 fields.
func (z *xmlTokenizer) typedAttrs(bools, ints, floats, uints []string) bool {
	for _, a := range z.attrs {
		if len(a.value) == 0 {
			continue
		}
		v := string(bytes.TrimSpace(a.value))
		var err error
		switch n := string(a.local); {
		case slices.Contains(bools, n):
			_, err = strconv.ParseBool(v)
		case slices.Contains(ints, n):
			_, err = strconv.ParseInt(v, 10, 64)
		case slices.Contains(floats, n):
			_, err = strconv.ParseFloat(v, 64)
		case slices.Contains(uints, n):
			_, err = strconv.ParseUint(v, 10, 32)
		}
		if err != nil {
			return false
		}
	}
	return true
}

// sharedStrings is the shared-strings table in one buffer: item i is
// buf[offsets[i]:offsets[i+1]].
type sharedStrings struct {
	buf     []byte
	offsets []int
	unsure  map[int]bool // items holding "_x" escapes, left to excelize
}

func (s *sharedStrings) len() int { return len(s.offsets) - 1 }

// readSharedStrings reads xl/sharedStrings.xml as excelize does when every item is in the
// subset; errUnsure otherwise.
func readSharedStrings(r io.Reader) (*sharedStrings, error) {
	s := &sharedStrings{offsets: []int{0}}
	z := newXMLTokenizer(r)
	k, err := z.next(nil)
	if err != nil {
		return nil, err
	}
	if k == tokEOF {
		return s, nil
	}
	if string(z.local) != "sst" || len(z.names) != 3 {
		return nil, errUnsure
	}
	// excelize decodes the table into a struct of this namespace, and fails on another.
	ns := ""
	for _, a := range z.attrs {
		if string(a.name) == "xmlns" {
			ns = string(a.value)
		}
	}
	if ns != "http://schemas.openxmlformats.org/spreadsheetml/2006/main" {
		return nil, errUnsure
	}
	for _, a := range z.attrs {
		if (string(a.local) == "count" || string(a.local) == "uniqueCount") && !plainInt(a.value) {
			return nil, errUnsure
		}
	}
	for {
		k, err := z.next(nil)
		if err != nil {
			return nil, err
		}
		switch k {
		case tokEOF:
			return nil, errUnsure
		case tokEnd:
			return s, nil
		}
		if string(z.local) != "si" {
			if err := z.skip(); err != nil {
				return nil, err
			}
			continue
		}
		var escaped bool
		s.buf, escaped, err = z.stringItem(s.buf)
		if err != nil {
			return nil, err
		}
		if escaped {
			// the loader leaves it to excelize; its text is kept for SharedStringTable
			if s.unsure == nil {
				s.unsure = map[int]bool{}
			}
			s.unsure[s.len()] = true
		}
		s.offsets = append(s.offsets, len(s.buf))
	}
}

func plainInt(b []byte) bool {
	if len(b) == 0 || len(b) > 9 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// item is the text of item i, valid while s is, with its _xHHHH_ escapes left as they are
// (escaped says it may hold some: excelize decodes them); ok is false past the last item.
// Annotate reads the text of shared-string cells through it.
func (s *sharedStrings) item(i int) (text []byte, escaped, ok bool) {
	if i < 0 || i >= s.len() {
		return nil, false, false
	}
	return s.buf[s.offsets[i]:s.offsets[i+1]], s.unsure[i], true
}
