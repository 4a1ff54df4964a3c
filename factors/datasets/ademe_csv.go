package datasets

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// ADEME publishes its CSV export ';'-separated in Windows-1252 (with French decimal commas in
// some exports); the open-data portal and our derived subset are UTF-8, with or without a byte
// order mark, and the subset is comma-separated. The reader tells them apart from the header
// line, whose column names carry accents ("Identifiant de l'élément"): a header that is valid
// UTF-8 is UTF-8, any other is Windows-1252. The separator is the one that splits the header
// into the Base Carbone columns.

// ademeHeaderMax bounds the header line the reader looks at to tell encoding and separator.
const ademeHeaderMax = 64 << 10

// ReadADEMECSV reads a Base Carbone CSV export from r, row by row. path is how messages name
// the file; every problem names its line.
func ReadADEMECSV(path string, r io.Reader) (*ADEME, error) {
	br := bufio.NewReaderSize(r, ademeHeaderMax)
	head, _ := br.Peek(ademeHeaderMax)
	utf8Text := false
	switch {
	case len(head) == 0:
		return nil, fmt.Errorf("%s: the file is empty", path)
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		head = head[3:]
		utf8Text = true
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return nil, fmt.Errorf("%s: the file is UTF-16 text: save it as CSV UTF-8 (or as ADEME publishes it, ';'-separated Windows-1252)", path)
	}
	line, _, found := bytes.Cut(head, []byte{'\n'})
	if !found && len(head) == ademeHeaderMax {
		return nil, fmt.Errorf("%s: line 1: no line break in the first %d KiB: not a CSV export of the Base Carbone", path, ademeHeaderMax>>10)
	}
	if bytes.IndexByte(line, 0) >= 0 || !utf8.Valid(line) && !printable1252(line) {
		return nil, fmt.Errorf("%s: line 1: the file is binary, not CSV text: export the Base Carbone as CSV (UTF-8, or Windows-1252 ';' as ADEME publishes it) or give the xlsx", path)
	}
	if !utf8Text {
		utf8Text = utf8.Valid(line)
	}
	var text io.Reader = br
	header := string(line)
	if !utf8Text {
		text = charmap.Windows1252.NewDecoder().Reader(br)
		header, _ = charmap.Windows1252.NewDecoder().String(header)
	}
	sep, err := ademeSeparator(path, strings.TrimRight(header, "\r"))
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(text)
	cr.Comma = sep
	cr.ReuseRecord = true
	rec, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: line 1: %w", path, err)
	}
	b, err := newADEMEBuilder(path, rec)
	if err != nil {
		return nil, fmt.Errorf("%s: line 1: %w", path, err)
	}
	fields := len(rec)
	numbers := make([]int, 0, len(ademeNumbers))
	for _, n := range ademeNumbers {
		numbers = append(numbers, b.col[n])
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(path, err, len(rec), fields)
		}
		start, _ := cr.FieldPos(0)
		if utf8Text {
			for _, v := range rec {
				if !utf8.ValidString(v) {
					return nil, fmt.Errorf("%s:%d: this line is not UTF-8 while the header is: save the whole file in one encoding (CSV UTF-8, or Windows-1252 as ADEME publishes it)", path, start)
				}
			}
		}
		if sep == ';' {
			for _, i := range numbers {
				rec[i] = decimalPoint(rec[i])
			}
		}
		if err := b.add(start, rec); err != nil {
			return nil, err
		}
	}
	return b.a, nil
}

// ademeSeparator is the separator that splits header into the Base Carbone columns: ';' (as
// ADEME publishes) or ','. Anything else is an error that says what the header holds.
func ademeSeparator(path, header string) (rune, error) {
	best, bestMissing := ';', []string(nil)
	for i, sep := range []rune{';', ','} {
		cr := csv.NewReader(strings.NewReader(header))
		cr.Comma = sep
		cr.LazyQuotes = true
		cols, _ := cr.Read()
		col := map[string]int{}
		for j, c := range cols {
			col[strings.TrimSpace(c)] = j
		}
		missing := ademeMissing(col)
		if len(missing) == 0 {
			return sep, nil
		}
		if i == 0 || len(missing) < len(bestMissing) {
			best, bestMissing = sep, missing
		}
	}
	if len(bestMissing) < len(ademeNeed) {
		return 0, fmt.Errorf("%s: line 1: not the Base Carbone layout (separator %q): no column %s", path, best, quoteList(bestMissing))
	}
	if strings.Contains(header, "\t") && strings.Contains(header, "Type Ligne") {
		return 0, fmt.Errorf("%s: line 1: the columns are separated by tabs: save the file as CSV with ';' (as ADEME publishes it) or ','", path)
	}
	shown := header
	if len(shown) > 80 {
		shown = shown[:80] + "…"
	}
	return 0, fmt.Errorf("%s: line 1: the header does not split into the Base Carbone columns with ';' or ',' (no column %q; it reads %q): give ADEME's CSV export or the xlsx", path, ademeNeed[0], shown)
}

// csvError words a CSV syntax error at its line.
func csvError(path string, err error, got, want int) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", path, err)
	}
	switch {
	case errors.Is(pe.Err, csv.ErrFieldCount):
		return fmt.Errorf("%s:%d: %d fields where the header has %d: is the file cut short, or a field's separator unquoted?", path, pe.StartLine, got, want)
	case errors.Is(pe.Err, csv.ErrQuote), errors.Is(pe.Err, csv.ErrBareQuote):
		return fmt.Errorf("%s:%d: a quoted field is not closed (%v): is the file cut short?", path, pe.StartLine, pe.Err)
	}
	return fmt.Errorf("%s:%d: %v", path, pe.StartLine, pe.Err)
}

// decimalPoint writes a French decimal comma ("0,0519") as a point; other text is kept.
func decimalPoint(s string) string {
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		return strings.Replace(s, ",", ".", 1)
	}
	return s
}

// printable1252 reports whether b reads as Windows-1252 text: no control bytes other than
// tab, CR and LF, and none of the five bytes the code page leaves undefined.
func printable1252(b []byte) bool {
	for _, c := range b {
		switch {
		case c < 0x20 && c != '\t' && c != '\r' && c != '\n', c == 0x7F,
			c == 0x81, c == 0x8D, c == 0x8F, c == 0x90, c == 0x9D:
			return false
		}
	}
	return true
}
