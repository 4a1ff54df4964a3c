package workbook

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
)

// ParseNumber reads a number cell's raw value. It accepts what Excel stores and plain numbers
// typed as text ("1234.5", " 12 "), and refuses everything that would need a guess: thousands
// separators or decimal commas ("1,234" is 1.234 in France and 1234 in the US), units in the
// cell, NaN and infinities, and Excel error values. A number grouped by spaces ("1 250 000",
// with no-break spaces as French typing gives) is refused too, with what to type instead.
// The errors say so in the language l.
func ParseNumber(l lang.Lang, raw string) (float64, error) {
	s := strings.TrimSpace(spaces.Replace(raw))
	if s == "" {
		return 0, errors.New(l.T("blank"))
	}
	if strings.HasPrefix(s, "#") {
		return 0, errors.New(l.T("Excel error value %q", s))
	}
	if m := spacedNumber.FindStringSubmatch(s); m != nil {
		return 0, spacedNumberError(l, s, m[1], m[2])
	}
	if strings.Contains(s, ",") {
		return 0, errors.New(l.T("text %q: a comma is ambiguous (decimal or thousands); write a plain number such as 1234.5", emissions.Clip(s)))
	}
	if m := pointThousands.FindStringSubmatch(s); m != nil {
		return 0, errors.New(l.T("text %q is ambiguous: %s.%s (a decimal point) or %s%s (a point between thousands, as French writes them); type the number as a number", emissions.Clip(s), m[1], strings.TrimRight(m[2], "0"), m[1], m[2]))
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errors.New(l.T("text %q where a number was expected", emissions.Clip(s)))
	}
	// strconv accepts hex floats and underscores; a user never means those.
	if strings.Contains(s, "_") || strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) && r != 'e' && r != 'E' }) >= 0 {
		return 0, errors.New(l.T("text %q where a number was expected", emissions.Clip(s)))
	}
	return v, nil
}

// spaces are the spaces people type between digit groups: the no-break space (U+00A0), the
// narrow no-break space (U+202F, French typography) and the thin space (U+2009).
var spaces = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ")

// pointThousands is a number written with a point and three digits ending in 0 after it
// (1.250, 12.500): a cell Excel holds as a number is never written so, with a trailing zero,
// so it was typed as text, and may mean 1250 as well as 1.25.
var pointThousands = regexp.MustCompile(`^([+-]?\d{1,3})\.(\d\d0)$`)

// spacedNumber is a number whose thousands are grouped by spaces, with a decimal part after a
// point or a comma: the integer digits and the decimal separator with its digits.
var spacedNumber = regexp.MustCompile(`^([+-]?\d{1,3}(?: \d{3})+)([.,]\d+)?$`)

// spacedNumberError says what is wrong with a number grouped by spaces, and the number to type
// as Excel in the user's language shows it.
// It is refused, not read: a cell typed as text may hold what a formula cannot sum, and the
// user's sheet should hold the number.
func spacedNumberError(l lang.Lang, s, whole, decimals string) error {
	plain := strings.ReplaceAll(whole, " ", "")
	if decimals != "" {
		// Typed as the user's Excel shows numbers: 1250.5 in English, 1250,5 in French.
		plain = l.Localize(plain + "." + decimals[1:])
		if decimals[0] == ',' {
			return errors.New(l.T("text %q looks like a number with spaces as thousands separators and a decimal comma: type %s as a number", emissions.Clip(s), plain))
		}
	}
	return errors.New(l.T("text %q looks like a number with spaces as thousands separators: type %s as a number", emissions.Clip(s), plain))
}

// ParseYear reads a Year cell: a whole number from MinYear to MaxYear, or, when isDate says the
// cell is formatted as a date, an Excel date serial in the workbook's date system.
func ParseYear(l lang.Lang, raw string, isDate func() bool, date1904 bool) (int, error) {
	v, err := ParseNumber(l, raw)
	if err != nil {
		return 0, err
	}
	if v >= emissions.MinYear && v <= emissions.MaxYear {
		if v != math.Trunc(v) {
			return 0, errors.New(l.T("%s is not a whole number", fmt.Sprint(v)))
		}
		return int(v), nil
	}
	if isDate != nil && isDate() {
		t, err := excelDate(l, v, date1904)
		if err != nil {
			return 0, err
		}
		if t.Year() < emissions.MinYear || t.Year() > emissions.MaxYear {
			return 0, errors.New(l.T("date %s is outside the years %v–%v", t.Format("2006-01-02"), lang.Year(emissions.MinYear), lang.Year(emissions.MaxYear)))
		}
		return t.Year(), nil
	}
	return 0, errors.New(l.T("year %s is outside %v–%v", fmt.Sprint(v), lang.Year(emissions.MinYear), lang.Year(emissions.MaxYear)))
}

// ParseInt reads a whole-number cell such as Scope or Category.
func ParseInt(l lang.Lang, raw string) (int, error) {
	v, err := ParseNumber(l, raw)
	if err != nil {
		return 0, err
	}
	if v != math.Trunc(v) || math.Abs(v) > 1e9 {
		return 0, errors.New(l.T("%s is not a whole number", fmt.Sprint(v)))
	}
	return int(v), nil
}
