package workbook

import (
	"math"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		err  string
	}{
		{"12", 12, ""},
		{" 1234.5 ", 1234.5, ""},
		{"1e3", 1000, ""},
		{"-3", -3, ""},
		{"0", 0, ""},
		{"\u00a042\u00a0", 42, ""},
		{"", 0, "blank"},
		{"  ", 0, "blank"},
		{"1,234", 0, "comma is ambiguous"},
		{"12 kWh", 0, "where a number was expected"},
		{"abc", 0, "where a number was expected"},
		{"NaN", 0, "where a number was expected"},
		{"Inf", 0, "where a number was expected"},
		{"infinity", 0, "where a number was expected"},
		{"0x1p3", 0, "where a number was expected"},
		{"1_000", 0, "where a number was expected"},
		{"#DIV/0!", 0, "Excel error"},
		{"#N/A", 0, "Excel error"},
		{"1 250 000", 0, `text "1 250 000" looks like a number with spaces as thousands separators: type 1250000 as a number`},
		{"1\u00a0250\u00a0000", 0, `text "1 250 000" looks like a number with spaces as thousands separators: type 1250000 as a number`},
		{"1\u202f250", 0, `text "1 250" looks like a number with spaces as thousands separators: type 1250 as a number`},
		{"1 250,5", 0, `text "1 250,5" looks like a number with spaces as thousands separators and a decimal comma: type 1250.5 as a number`},
		{"-12 000.25", 0, `spaces as thousands separators: type -12000.25 as a number`},
		{"1 2", 0, "where a number was expected"},
		{"1.250", 0, `text "1.250" is ambiguous: 1.25 (a decimal point) or 1250 (a point between thousands, as French writes them); type the number as a number`},
		{"12.500", 0, `text "12.500" is ambiguous: 12.5 (a decimal point) or 12500`},
		{"1.234", 1.234, ""}, // as Excel writes the number 1.234: it cannot be told from 1234 written the French way
		{"0.25", 0.25, ""},
	}
	for _, tt := range tests {
		got, err := ParseNumber(lang.English, tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseNumber(%q) = %v, %v; want error containing %q", tt.in, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseYear(t *testing.T) {
	date := func() bool { return true }
	tests := []struct {
		raw      string
		isDate   func() bool
		date1904 bool
		want     int
		err      string
	}{
		{"2024", nil, false, 2024, ""},
		{"2024.0", nil, false, 2024, ""},
		{"2024.5", nil, false, 0, "whole number"},
		{"45291", date, false, 2023, ""}, // 2023-12-31 in the 1900 system
		{"43829", date, true, 2023, ""},  // 2023-12-31 in the 1904 system
		{"45291", nil, false, 0, "outside"},
		{"45291", func() bool { return false }, false, 0, "outside"},
		{"1989", nil, false, 0, "outside"},
		{"20244", nil, false, 0, "outside"},
		{"1", date, false, 0, "outside"}, // 1900-01-01
		{"twenty", nil, false, 0, "number"},
		{"", nil, false, 0, "blank"},
	}
	for _, tt := range tests {
		got, err := ParseYear(lang.English, tt.raw, tt.isDate, tt.date1904)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseYear(%q) = %v, %v; want error containing %q", tt.raw, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseYear(%q, 1904=%v) = %v, %v; want %v", tt.raw, tt.date1904, got, err, tt.want)
		}
	}
}

func TestIsDateNumFmt(t *testing.T) {
	tests := []struct {
		id     int
		custom string
		want   bool
	}{
		{14, "", true}, {22, "", true}, {0, "", false}, {2, "", false}, {49, "", false},
		{164, "yyyy-mm-dd", true}, {164, `"Year "0`, false}, {164, "[Red]0.00", false},
		{164, "dd/mm/yyyy", true}, {164, "#,##0", false},
	}
	for _, tt := range tests {
		if got := isDateNumFmt(tt.id, tt.custom); got != tt.want {
			t.Errorf("isDateNumFmt(%d, %q) = %v, want %v", tt.id, tt.custom, got, tt.want)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"12", "1e3", "-0", "1,5", "NaN", "#REF!", " 7 ", "0x10", "1e400", "\u00a0", "٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumber(lang.English, s)
		if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Fatalf("ParseNumber(%q) = %v", s, v)
		}
		y, err := ParseYear(lang.English, s, func() bool { return true }, false)
		if err == nil && (y < emissions.MinYear || y > emissions.MaxYear) {
			t.Fatalf("ParseYear(%q) = %d", s, y)
		}
		y, err = ParseYear(lang.English, s, func() bool { return true }, true)
		if err == nil && (y < emissions.MinYear || y > emissions.MaxYear) {
			t.Fatalf("ParseYear(%q, 1904) = %d", s, y)
		}
	})
}

// In French the advice is to type the number as a French Excel shows it, with a decimal comma,
// in a cell formatted as a number.
func TestParseNumberAdviceInFrench(t *testing.T) {
	for _, tt := range []struct{ raw, want string }{
		{"1 350,5", "le texte \"1 350,5\" ressemble à un nombre avec des espaces entre les milliers et une virgule décimale\u202f: saisissez 1350,5 dans une cellule au format Nombre"},
		{"1 250 000", "le texte \"1 250 000\" ressemble à un nombre avec des espaces entre les milliers\u202f: saisissez 1250000 dans une cellule au format Nombre"},
		{"1,5", "texte \"1,5\"\u202f: une virgule est ambiguë dans un texte (décimales ou milliers)\u202f; saisissez le nombre dans une cellule au format Nombre, comme Excel en français l’affiche (1234,5)"},
	} {
		if _, err := ParseNumber(lang.French, tt.raw); err == nil || err.Error() != tt.want {
			t.Errorf("%q: %+q, want %+q", tt.raw, err.Error(), tt.want)
		}
	}
}
