package workbook

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// The tokenizer (xmltok.go) is hand-written: encoding/xml is its oracle. Whatever the fast
// reader's reading of it (subsetReader) accepts, encoding/xml reads the same elements,
// attributes and text; and the tokens, copied out, are the input byte for byte, however the
// input is cut into reads.

// tokenizerInputs are the cases the tests and the fuzz targets start from.
var tokenizerInputs = []string{
	`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" + `<x:a xmlns:x="urn:x" b = 'c' d="e&amp;f&#x41;&#66;"><x:b/>t&lt;&gt;&quot;&apos;</x:a>`,
	"<a>line\r\nbreak\rcarriage&#13;return\ttab</a>",
	`<a b="x>y" c='"'>text > more</a>`,
	`<a b="x<y">bad</a>`,
	`<a>]]></a>`,
	`<a>&nbsp;</a>`,
	`<a>&#0;</a>`,
	`<a>&#xD800;</a>`,
	`<a>&#X41;</a>`,
	`<a><!-- a comment --></a>`,
	`<a><![CDATA[<b>]]></a>`,
	`<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`,
	`<a><?pi data?></a>`,
	`<a b="1"c="2"/>`,
	`<a b="1" b="2"/>`,
	`<a></b>`,
	`<a><b></a></b>`,
	`<a x:y:z="1"/>`,
	`<a b=1/>`,
	`<a b="1" / >`,
	`<a>x</a>trailing`,
	`<a>` + "\xff" + `</a>`,
	`<a>` + "\u00e9\u4e2d\U0001F600" + `</a>`,
	`<a b="` + "\x01" + `"/>`,
	`<a b="é"/><`,
	`<a><b c="d`,
	`<a>text &amp`,
	`   <a/>`,
	`<?xml version="1.1"?><a/>`,
	`<?xml version="1.0" encoding="ISO-8859-1"?><a/>`,
	`<a>_x0041_</a>`,
}

// subsetEvents reads input with subsetReader: its elements, attributes and text (from the root
// on), and whether it read all of it (false: it gave up, errUnsure).
func subsetEvents(input io.Reader) (events []string, whole bool) {
	x := newSubsetReader(input)
	var text []byte
	flush := func() {
		if len(text) > 0 {
			events = append(events, fmt.Sprintf("text %q", text))
			text = text[:0]
		}
	}
	for {
		k, err := x.next(&text)
		if err != nil {
			return events, false
		}
		flush()
		switch k {
		case tokEOF:
			return events, true
		case tokStart:
			e := "start " + string(x.names[x.top():])
			for i := range x.attrs {
				a := x.attr(i)
				e += fmt.Sprintf(" %s=%q", a.name, a.value)
			}
			events = append(events, e)
		case tokEnd:
			// the name closed is the one popped: the tag as written
			events = append(events, "end")
		}
	}
}

// encodingXMLEvents reads input with encoding/xml the same way, up to its first error.
func encodingXMLEvents(input string) (events []string, err error) {
	d := xml.NewDecoder(strings.NewReader(input))
	var text []byte
	started := false
	flush := func() {
		if len(text) > 0 && started {
			events = append(events, fmt.Sprintf("text %q", text))
		}
		text = text[:0]
	}
	for {
		tok, err := d.RawToken()
		if err != nil {
			flush()
			if errors.Is(err, io.EOF) {
				return events, nil
			}
			return events, err
		}
		switch t := tok.(type) {
		case xml.CharData:
			text = append(text, t...)
			continue
		case xml.StartElement:
			flush()
			started = true
			e := "start " + qualified(t.Name)
			for _, a := range t.Attr {
				e += fmt.Sprintf(" %s=%q", qualified(a.Name), a.Value)
			}
			events = append(events, e)
		case xml.EndElement:
			flush()
			events = append(events, "end")
		case xml.ProcInst:
			if !started {
				continue // the prolog, which the subset reader checks but does not report
			}
			flush()
			events = append(events, "instruction")
		default:
			flush()
			events = append(events, fmt.Sprintf("%T", t))
		}
	}
}

func qualified(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// checkAgainstEncodingXML fails when the subset reader reads input whole and encoding/xml
// reads it otherwise.
func checkAgainstEncodingXML(t *testing.T, input string) {
	t.Helper()
	got, whole := subsetEvents(strings.NewReader(input))
	// cut into small reads, through a small window: the same
	if again, w := subsetEvents(iotest.HalfReader(iotest.OneByteReader(strings.NewReader(input)))); w != whole || fmt.Sprint(again) != fmt.Sprint(got) {
		t.Fatalf("%q: read byte by byte, %v (whole %v); at once, %v (whole %v)", input, again, w, got, whole)
	}
	if !whole {
		return // given up: excelize reads it
	}
	want, err := encodingXMLEvents(input)
	if i := firstDiff(got, want); i >= 0 {
		t.Fatalf("%q: event %d:\n got  %s\n want %s (encoding/xml, error %v)", input, i, at(got, i), at(want, i), err)
	}
}

func TestTokenizerAgainstEncodingXML(t *testing.T) {
	for _, input := range tokenizerInputs {
		checkAgainstEncodingXML(t, input)
	}
	// what the subset reads, encoding/xml must read without an error but at the end
	for _, input := range []string{tokenizerInputs[0], tokenizerInputs[1], tokenizerInputs[2], tokenizerInputs[3]} {
		if _, whole := subsetEvents(strings.NewReader(input)); !whole {
			t.Errorf("%q: the subset reader gave up", input)
		}
	}
	for _, input := range []string{`<a b="x<y">bad</a>`, `<a>]]></a>`, `<a>&nbsp;</a>`, `<a><!-- c --></a>`, `<a></b>`, `<a>` + "\xff" + `</a>`, `<a>&#X41;</a>`} {
		if _, whole := subsetEvents(strings.NewReader(input)); whole {
			t.Errorf("%q: the subset reader read it, encoding/xml refuses it", input)
		}
	}
}

// copyThrough cuts input into tokens with the output set, as annotate copies a sheet, reading
// it through r, and returns the copy and the tokens.
func copyThrough(r io.Reader, size int) (copied []byte, tokens []string, z *xmlTokenizer) {
	var out bytes.Buffer
	z = newXMLTokenizer(r, size, 1<<20)
	z.out = &out
	for z.next() {
		tokens = append(tokens, string(z.token()))
	}
	z.flushTo(z.pos)
	return out.Bytes(), tokens, z
}

func checkTokens(t *testing.T, input string) {
	t.Helper()
	copied, tokens, z := copyThrough(strings.NewReader(input), 256)
	if !z.cut && string(copied) != input {
		t.Fatalf("%q: copied as %q", input, copied)
	}
	if joined := strings.Join(tokens, ""); !strings.HasPrefix(input, joined) || !z.cut && joined != input {
		t.Fatalf("%q: tokens %q", input, tokens)
	}
	for _, tok := range tokens {
		if tok == "" || tok[0] == '<' && (len(tok) < 2 || tok[len(tok)-1] != '>') || tok[0] != '<' && strings.Contains(tok, "<") {
			t.Fatalf("%q: token %q", input, tok)
		}
	}
	small, smallTokens, _ := copyThrough(iotest.HalfReader(iotest.OneByteReader(strings.NewReader(input))), 16)
	if !bytes.Equal(small, copied) || fmt.Sprint(smallTokens) != fmt.Sprint(tokens) {
		t.Fatalf("%q: byte by byte in a small window, tokens %q, at once %q", input, smallTokens, tokens)
	}
}

func TestTokenizerCopiesEveryByte(t *testing.T) {
	for _, input := range tokenizerInputs {
		checkTokens(t, input)
	}
	tests := []struct{ input, token string }{
		{`<a b="x>y">`, `<a b="x>y">`},
		{`<a b='x>y' c="'">`, `<a b='x>y' c="'">`},
		{`<a b="x><c d="e">`, `<a b="x>`},          // a quoted '<': the first '>'
		{`<a b="x <c>">`, `<a b="x <c>`},           // the same
		{`<!-- a > b -->`, `<!-- a > b -->`},       // a comment to its end
		{`<![CDATA[ a>b ]]>`, `<![CDATA[ a>b ]]>`}, // a CDATA section too
		{`<?pi a>b ?>`, `<?pi a>b ?>`},             // and an instruction
	}
	for _, tt := range tests {
		_, tokens, _ := copyThrough(strings.NewReader(tt.input), 256)
		if len(tokens) == 0 || tokens[0] != tt.token {
			t.Errorf("%q: tokens %q, want %q first", tt.input, tokens, tt.token)
		}
	}
}

// FuzzTokenizer: whatever the bytes, the tokens are the input, cut the same way however it is
// read, and what the fast reader's subset reads is what encoding/xml reads.
func FuzzTokenizer(f *testing.F) {
	for _, input := range tokenizerInputs {
		f.Add(input)
	}
	f.Fuzz(func(t *testing.T, input string) {
		checkTokens(t, input)
		checkAgainstEncodingXML(t, input)
	})
}

// The decoding of entity and character references, written once for every reader, against
// encoding/xml's.
func TestAppendUnescaped(t *testing.T) {
	for _, raw := range []string{"a&amp;b", "&lt;&gt;&quot;&apos;", "&#65;&#x42;&#x0043;", "x\r\ny\rz", "&#13;&#10;", "é", "&#x10FFFF;",
		"&#x110000;", "&#0;", "&#xFFFE;", "&unknown;", "a & b", "&amp", "]]>", "a]b", "<", "\x00", "\xc3", "&#x;", "&#;", "&#99999999999999999999;"} {
		got, ok := appendUnescaped(nil, []byte(raw))
		var want struct {
			Text string `xml:",chardata"`
		}
		err := xml.Unmarshal([]byte("<a>"+raw+"</a>"), &want)
		if ok && (err != nil || string(got) != want.Text) {
			t.Errorf("%q: decoded %q, encoding/xml %q (%v)", raw, got, want.Text, err)
		}
		if !ok && err == nil {
			// refusing what encoding/xml reads is safe: the reader gives up
			t.Logf("%q: refused, encoding/xml reads %q", raw, want.Text)
		}
	}
}
