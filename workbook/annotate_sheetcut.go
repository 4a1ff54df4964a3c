package workbook

import (
	"bytes"
	"io"
)

// sheetCutter is the tokenizer (xmltok.go) as annotate's two passes drive it over a worksheet:
// with an output, the second copies the part through it, every byte the caller does not drop
// going out unchanged, and what it inserts going out where it says. Bytes are copied in runs,
// not token by token: a run goes out when the caller drops or inserts, or when the window
// slides.
//
// It reads no more XML than a worksheet needs: a comment, CDATA section or DTD stops it
// (errNotStreamed), and the caller falls back to excelize.
type sheetCutter struct {
	*xmlTokenizer
	refused bool // markup it does not read
}

// maxToken bounds one token (a cell's text is at most 32,767 characters, under 200 KiB
// escaped); a longer one sends the workbook to excelize.
const maxToken = 1 << 20

// errNotStreamed says the streamed writer meets what it does not handle: the caller writes
// the copy through excelize instead.
var errNotStreamed error = &annotateFallback{reason: "XML the streamed writer does not read: a comment, CDATA section or DTD, an entity in an attribute, a token over 1 MiB"}

func newSheetCutter(r io.Reader, out io.Writer) *sheetCutter {
	z := newXMLTokenizer(r, 256<<10, maxToken)
	z.out = out
	return &sheetCutter{xmlTokenizer: z}
}

// next cuts the next token; false at the end of the part or on an error (Err).
func (c *sheetCutter) next() bool {
	if c.refused {
		return false
	}
	ok := c.xmlTokenizer.next()
	if c.markup && c.start+1 < len(c.buf) && c.buf[c.start+1] == '!' {
		c.refused = true // cut or not
		return false
	}
	return ok
}

// Err is the error that stopped the cutter, nil at the end of the part.
func (c *sheetCutter) Err() error {
	switch {
	case c.err != nil:
		return c.err
	case c.refused || c.tooLong:
		return errNotStreamed
	case c.cut:
		return io.ErrUnexpectedEOF
	}
	return nil
}

// attrValue is the raw value of attribute name (as written, prefix included) in a tag, and
// whether it is there. A value holding an entity is refused: the tags the writer reads (row, c,
// col, dimension, references) never need one.
func attrValue(t []byte, name string) (value []byte, found bool, err error) {
	var buf [8]attrSpan
	attrs, ok := attrsOf(t, buf[:0])
	return attrValueIn(t, attrs, ok, name)
}

// attrValue is attrValue of the current tag, whose attributes the tokenizer has read.
func (c *sheetCutter) attrValue(name string) (value []byte, found bool, err error) {
	return attrValueIn(c.token(), c.attrs, c.attrsOK, name)
}

func attrValueIn(t []byte, attrs []attrSpan, ok bool, name string) (value []byte, found bool, err error) {
	if v, found := attrNamed(t, attrs, name); found {
		if bytes.IndexByte(v, '&') >= 0 {
			return nil, false, errNotStreamed
		}
		return v, true, nil
	}
	if !ok {
		return nil, false, errNotStreamed
	}
	return nil, false, nil
}
