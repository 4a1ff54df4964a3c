package workbook

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strconv"
)

// The fast sheet reader's reading of XML: the tokens of an xmlTokenizer (xmltok.go), read
// as encoding/xml reads them, for a strict, common subset of XML; it gives up (errUnsure) on
// anything outside it, where encoding/xml, and so excelize, might read differently: comments,
// CDATA, DTDs, processing instructions past the prolog, other encodings, unknown entities,
// invalid characters or UTF-8, mismatched tags. The reader that uses it (fastRows) then hands
// the sheet over to excelize at the row where it gave up, so that what the loader sees is
// always what excelize gives.

// errUnsure says the fast reader met XML outside the subset it reads exactly like excelize.
var errUnsure = errors.New("sheet XML outside the fast reader's subset")

const (
	tokStart = iota + 1
	tokEnd
	tokEOF
)

// xmlAttr is an attribute of the current start tag, as offsets (a tag's attributes hold no
// pointer: storing one for every attribute would cost the garbage collector's write barrier).
type xmlAttr struct {
	name, local, value span // name and local name (after any prefix) in the tag
	decoded            bool // value is in scratch, else in the tag
}

type span struct{ from, to int32 }

// attrView is an attribute of the current start tag: its name as written, its local name and
// its decoded value, valid until the next call.
type attrView struct{ name, local, value []byte }

// subsetReader reads the elements of a worksheet or of the shared strings. Names, attributes
// and text are valid until the next call.
type subsetReader struct {
	z *xmlTokenizer
	// the open elements' raw names, one after another in names, ends in ends
	names []byte
	ends  []int
	// the current token; its local name is tag[local.from:local.to]
	kind      int
	local     span
	attrs     []xmlAttr
	scratch   []byte // decoded attribute values
	skipped   []byte // text decoded only to be checked
	runs      []byte // a string item's rich text runs
	pendEnd   bool   // a self-closing tag: its end comes next
	started   bool
	sawProlog bool
}

func newSubsetReader(r io.Reader) *subsetReader {
	// a token longer than the longest value the package check lets through is not read here
	return &subsetReader{z: newXMLTokenizer(r, 256<<10, maxValue)}
}

// next reads the next start or end tag. Text before it is checked, and appended decoded to
// *text when text is non-nil. It returns tokEOF at the end of the input.
func (x *subsetReader) next(text *[]byte) (int, error) {
	if x.pendEnd {
		x.pendEnd = false
		x.pop()
		x.kind = tokEnd
		return tokEnd, nil
	}
	z := x.z
	for z.next() {
		t := z.token()
		if !z.markup {
			ok := true
			switch {
			case !x.started:
				// only white space before the root, after the prolog
				ok = x.sawProlog && blankText(t)
			case text != nil:
				*text, ok = appendUnescaped(*text, t)
			default:
				_, ok = unescape(x.skipped[:0], t)
			}
			if !ok {
				return 0, errUnsure
			}
			continue
		}
		k, err := x.markup(t)
		if err != nil {
			return 0, err
		}
		if k != 0 {
			x.started = true
			return k, nil
		}
	}
	switch {
	case z.err != nil:
		return 0, z.err
	case z.tooLong:
		return 0, errUnsure
	case z.cut && z.start+1 < len(z.buf) && z.buf[z.start+1] != '/' && !nameStart(z.buf[z.start+1]):
		return 0, errUnsure // a comment, declaration or instruction
	}
	// The end, or a tag cut by it: excelize's decoder stops there too.
	x.kind = tokEOF
	return tokEOF, nil
}

// markup reads a markup token: a start or end tag (its kind), the prolog (0).
func (x *subsetReader) markup(b []byte) (int, error) {
	switch b[1] {
	case '!':
		return 0, errUnsure
	case '?':
		if x.started || x.sawProlog || !bytes.HasSuffix(b, piEnd) {
			return 0, errUnsure
		}
		decl := b[2 : len(b)-2]
		if !bytes.HasPrefix(decl, []byte("xml ")) {
			return 0, errUnsure
		}
		if i := bytes.Index(decl, []byte("version")); i >= 0 {
			v := decl[i:]
			if !bytes.HasPrefix(v, []byte(`version="1.0"`)) && !bytes.HasPrefix(v, []byte(`version='1.0'`)) {
				return 0, errUnsure
			}
		}
		if i := bytes.Index(decl, []byte("encoding")); i >= 0 {
			enc := bytes.ToLower(decl[i:])
			if !bytes.HasPrefix(enc, []byte(`encoding="utf-8"`)) && !bytes.HasPrefix(enc, []byte(`encoding='utf-8'`)) {
				return 0, errUnsure
			}
		}
		x.sawProlog = true
		return 0, nil
	case '/':
		j, local, ok := name(b, 2)
		if !ok {
			return 0, errUnsure
		}
		raw := b[2:j]
		for j < len(b) && space(b[j]) {
			j++
		}
		if j != len(b)-1 || len(x.ends) == 0 || !bytes.Equal(x.names[x.top():], raw) {
			return 0, errUnsure
		}
		x.local = span{int32(j - len(local)), int32(j)}
		x.pop()
		x.kind = tokEnd
		return tokEnd, nil
	}
	return x.start(b)
}

func nameStart(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }
func nameByte(c byte) bool {
	return nameStart(c) || c >= '0' && c <= '9' || c == '-' || c == '.' || c == ':'
}

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

func (x *subsetReader) top() int {
	if len(x.ends) < 2 {
		return 0
	}
	return x.ends[len(x.ends)-2]
}

func (x *subsetReader) pop() {
	x.ends = x.ends[:len(x.ends)-1]
	if len(x.ends) == 0 {
		x.names = x.names[:0]
	} else {
		x.names = x.names[:x.ends[len(x.ends)-1]]
	}
}

// start reads a start tag.
func (x *subsetReader) start(b []byte) (int, error) {
	j, local, ok := name(b, 1)
	if !ok || j < len(b) && !space(b[j]) && b[j] != '/' && b[j] != '>' || !x.z.attrsOK {
		return 0, errUnsure
	}
	x.attrs = x.attrs[:0]
	x.scratch = x.scratch[:0]
	for _, a := range x.z.attrs {
		aname := b[a.ns:a.ne]
		k, alocal, ok := name(aname, 0)
		if !ok || k != len(aname) {
			return 0, errUnsure
		}
		xa := xmlAttr{name: span{a.ns, a.ne}, local: span{a.ne - int32(len(alocal)), a.ne}, value: span{a.vs, a.ve}}
		if v := b[a.vs:a.ve]; !literal(v) {
			from := len(x.scratch)
			if x.scratch, ok = appendUnescaped(x.scratch, v); !ok {
				return 0, errUnsure
			}
			xa.value, xa.decoded = span{int32(from), int32(len(x.scratch))}, true
		}
		x.attrs = append(x.attrs, xa)
	}
	x.local = span{int32(j - len(local)), int32(j)}
	x.names = append(x.names, b[1:j]...)
	x.ends = append(x.ends, len(x.names))
	x.kind = tokStart
	x.pendEnd = b[len(b)-2] == '/'
	return tokStart, nil
}

// elem is the local name of the current element.
func (x *subsetReader) elem() []byte { return x.z.token()[x.local.from:x.local.to] }

// attr is the i-th attribute of the current start tag.
func (x *subsetReader) attr(i int) attrView {
	t := x.z.token()
	return attrView{t[x.attrs[i].name.from:x.attrs[i].name.to], x.attrLocal(i), x.attrValue(i)}
}

// attrLocal is the local name of the i-th attribute of the current start tag.
func (x *subsetReader) attrLocal(i int) []byte {
	a := &x.attrs[i]
	return x.z.buf[x.z.start+int(a.local.from) : x.z.start+int(a.local.to)]
}

// attrValue is the decoded value of the i-th attribute of the current start tag.
func (x *subsetReader) attrValue(i int) []byte {
	a := &x.attrs[i]
	if a.decoded {
		return x.scratch[a.value.from:a.value.to]
	}
	return x.z.buf[x.z.start+int(a.value.from) : x.z.start+int(a.value.to)]
}

// skip reads up to the end of the element just started.
func (z *subsetReader) skip() error {
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
func (z *subsetReader) textOnly(dst []byte) ([]byte, error) {
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
func (z *subsetReader) stringItem(dst []byte) ([]byte, bool, error) {
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
		switch string(z.elem()) {
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
				if string(z.elem()) == "t" {
					if sawRT {
						return dst, false, errUnsure
					}
					sawRT = true
					if runs, err = z.textOnly(runs); err != nil {
						return dst, false, err
					}
				} else if string(z.elem()) == "rPr" {
					if err := z.runProperties(); err != nil {
						return dst, false, err
					}
				} else if err := z.skip(); err != nil {
					return dst, false, err
				}
			}
		default:
			switch string(z.elem()) {
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
func (z *subsetReader) runProperties() error {
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
		switch string(z.elem()) {
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
func (z *subsetReader) typedAttrs(bools, ints, floats, uints []string) bool {
	for i := range z.attrs {
		a := z.attr(i)
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
	z := newSubsetReader(r)
	k, err := z.next(nil)
	if err != nil {
		return nil, err
	}
	if k == tokEOF {
		return s, nil
	}
	if string(z.elem()) != "sst" || len(z.names) != 3 {
		return nil, errUnsure
	}
	// excelize decodes the table into a struct of this namespace, and fails on another.
	ns := ""
	for i := range z.attrs {
		if a := z.attr(i); string(a.name) == "xmlns" {
			ns = string(a.value)
		}
	}
	if ns != "http://schemas.openxmlformats.org/spreadsheetml/2006/main" {
		return nil, errUnsure
	}
	for i := range z.attrs {
		if a := z.attr(i); (string(a.local) == "count" || string(a.local) == "uniqueCount") && !plainInt(a.value) {
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
		if string(z.elem()) != "si" {
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
