package xlsxwrite

import (
	"bytes"
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// A cell's XML as excelize's StreamWriter writes it, for the writers that write sheet XML
// themselves: the export's Lines sheets and annotate's streamed copy. Differential tests hold
// them to the StreamWriter (cells_test.go).

// MaxCellChars is Excel's limit on the text of one cell, in UTF-16 code units.
const MaxCellChars = 32767

// CellCut returns where s must be cut to fit in a cell (Excel's limit counts UTF-16 units),
// or -1 if it fits.
func CellCut(s string) int {
	n := 0
	for i, r := range s {
		k := utf16.RuneLen(r)
		if k < 0 {
			k = 1 // invalid rune, written as U+FFFD
		}
		if n+k > MaxCellChars {
			return i
		}
		n += k
	}
	return -1
}

// AppendCellFloat appends v as excelize writes a float64 cell: the shortest decimal that reads
// back as v, without exponent, cut (not rounded) to Excel's 15 significant digits. v is
// finite: the callers check it first.
func AppendCellFloat(b []byte, v float64) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, v, 'f', -1, 64)
	if math.Abs(v) == math.MaxFloat64 {
		return b
	}
	const maxPrec = 15
	str := b[start:]
	decimal := bytes.IndexByte(str, '.')
	significant := 0
	for idx, ch := range str {
		if ch < '0' || ch > '9' || significant == 0 && ch == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return bytes.TrimSuffix(b[:start+idx], []byte("."))
		}
		if decimal < 0 {
			decimal = len(str)
		}
		for ; idx < decimal; idx++ {
			str[idx] = '0'
		}
		return b[:start+decimal]
	}
	return b
}

// TruncateCell cuts s to what a cell holds (as the export cuts a text, without its warning).
func TruncateCell(s string) string {
	if len(s) <= MaxCellChars {
		return s
	}
	if i := CellCut(s); i >= 0 {
		return s[:i]
	}
	return s
}

// textEscape marks the ASCII bytes that text cannot hold as they are: XML's markup characters
// and the control characters (tab and carriage return are written as character references,
// the others are not allowed in XML 1.0 and become U+FFFD, as encoding/xml writes them;
// newline stays). '_' starts the check for an _xHHHH_ sequence.
var textEscape = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = c != '\n'
	}
	for _, c := range `"&'<>_` {
		t[c] = true
	}
	return t
}()

// AppendInlineText appends the inline text element of s up to its content: `<is><t>` (with
// xml:space="preserve" when s starts or ends with a space, tab or line break) and s escaped as
// excelize's StreamWriter escapes it: encoding/xml's EscapeText, newlines kept, then every
// _xHHHH_ sequence (which readers take for an escaped character) escaped as _x005F_xHHHH_.
func AppendInlineText(b []byte, s string) []byte {
	b = append(b, `<is><t`...)
	if s != "" && (isSpaceByte(s[0]) || isSpaceByte(s[len(s)-1])) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !textEscape[c] {
				i++
				continue
			}
			var esc string
			switch c {
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\t':
				esc = "&#x9;"
			case '\r':
				esc = "&#xD;"
			case '_':
				n := BstrLen(s[i:])
				if n == 0 {
					i++
					continue
				}
				b = append(b, s[last:i]...)
				b = append(b, "_x005F"...)
				if s[i:i+n] == "_x005F_" {
					// excelize's rule: _x005F_ followed by xHHHH_ becomes _x005F_x005F_x005F_,
					// which its reader turns back into _x005F_ without taking the xHHHH_ after
					// it for a sequence of its own.
					if BstrLen(s[i+n-1:]) == 7 {
						b = append(b, "_x005F_x005F_"...)
					} else {
						b = append(b, "_x005F_"...)
					}
				} else {
					b = append(b, s[i:i+n]...)
				}
				i += n
				last = i
				continue
			default: // other control characters
				esc = "\uFFFD"
			}
			b = append(b, s[last:i]...)
			b = append(b, esc...)
			i++
			last = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
			b = append(b, s[last:i]...)
			b = append(b, "\uFFFD"...)
			i += n
			last = i
			continue
		}
		i += n
	}
	return append(b, s[last:]...)
}

// BstrLen is 7 if s starts with an _xHHHH_ sequence (H a hexadecimal digit), else 0.
func BstrLen(s string) int {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return 0
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return 0
		}
	}
	return 7
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
