package workbook

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/footprint/footprint/emissions"
)

// ParseNumber reads a number cell's raw value. It accepts what Excel stores and plain numbers
// typed as text ("1234.5", " 12 "), and refuses everything that would need a guess: thousands
// separators or decimal commas ("1,234" is 1.234 in France and 1234 in the US), units in the
// cell, NaN and infinities, and Excel error values.
func ParseNumber(raw string) (float64, error) {
	s := strings.TrimSpace(strings.ReplaceAll(raw, "\u00a0", " "))
	if s == "" {
		return 0, fmt.Errorf("blank")
	}
	if strings.HasPrefix(s, "#") {
		return 0, fmt.Errorf("Excel error value %q", s)
	}
	if strings.Contains(s, ",") {
		return 0, fmt.Errorf("text %q: a comma is ambiguous (decimal or thousands); write a plain number such as 1234.5", emissions.Clip(s))
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("text %q where a number was expected", emissions.Clip(s))
	}
	// strconv accepts hex floats and underscores; a user never means those.
	if strings.Contains(s, "_") || strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) && r != 'e' && r != 'E' }) >= 0 {
		return 0, fmt.Errorf("text %q where a number was expected", emissions.Clip(s))
	}
	return v, nil
}

// ParseYear reads a Year cell: a whole number from MinYear to MaxYear, or, when isDate says the
// cell is formatted as a date, an Excel date serial in the workbook's date system.
func ParseYear(raw string, isDate func() bool, date1904 bool) (int, error) {
	v, err := ParseNumber(raw)
	if err != nil {
		return 0, err
	}
	if v >= emissions.MinYear && v <= emissions.MaxYear {
		if v != math.Trunc(v) {
			return 0, fmt.Errorf("%v is not a whole number", v)
		}
		return int(v), nil
	}
	if isDate != nil && isDate() {
		t, err := excelDate(v, date1904)
		if err != nil {
			return 0, err
		}
		if t.Year() < emissions.MinYear || t.Year() > emissions.MaxYear {
			return 0, fmt.Errorf("date %s is outside the years %d–%d", t.Format("2006-01-02"), emissions.MinYear, emissions.MaxYear)
		}
		return t.Year(), nil
	}
	return 0, fmt.Errorf("year %v is outside %d–%d", v, emissions.MinYear, emissions.MaxYear)
}

// ParseInt reads a whole-number cell such as Scope or Category.
func ParseInt(raw string) (int, error) {
	v, err := ParseNumber(raw)
	if err != nil {
		return 0, err
	}
	if v != math.Trunc(v) || math.Abs(v) > 1e9 {
		return 0, fmt.Errorf("%v is not a whole number", v)
	}
	return int(v), nil
}
