// Package lang holds the languages footprint speaks (English and French): choosing one from a
// flag, the config or the environment, translating user-facing text through one message
// catalogue (golang.org/x/text/message/catalog), and formatting numbers as each language writes
// them (19,165.2 in English, 19 165,2 in French, with a narrow no-break space).
//
// Text is written in English in the code, and the English text is the key of its translation:
// l.T("%s t in %s", l.Num(v, 1), lang.Year(2030)). Text that is declared in one place and
// translated in another (a table of labels) is marked with Key, so that the catalogue test
// finds it. The French catalogue is fr.go; a test fails when a key used in the code has no
// French translation, or when a translation is no longer used.
//
// It formats and translates only: which figure to show is the renderers' business.
package lang

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
	"golang.org/x/text/number"
)

// Lang is a language of the outputs. The zero value is English.
type Lang struct {
	fr bool
}

// The languages footprint speaks.
var (
	English = Lang{}
	French  = Lang{fr: true}
)

// Codes are the language codes Parse takes, in the order help texts list them.
var Codes = []string{"en", "fr"}

// Parse reads a language as a user gives it: en or fr, in any case, with a region (fr-FR,
// en_GB) or by name (English, anglais, French, français). "" is English.
func Parse(s string) (Lang, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	switch t {
	case "", "english", "anglais":
		return English, nil
	case "french", "français", "francais":
		return French, nil
	}
	tag, err := language.Parse(strings.ReplaceAll(t, "_", "-"))
	if err == nil {
		switch base, _ := tag.Base(); base.String() {
		case "en":
			return English, nil
		case "fr":
			return French, nil
		}
	}
	return English, fmt.Errorf("%q is not a language footprint speaks: want en or fr", s)
}

// Code is the language's ISO 639-1 code, as html's lang attribute wants it.
func (l Lang) Code() string {
	if l.fr {
		return "fr"
	}
	return "en"
}

// IsFrench tells French, for the rare choice that is not a string (a date order).
func (l Lang) IsFrench() bool { return l.fr }

func (l Lang) String() string { return l.Code() }

func (l Lang) printer() *message.Printer {
	if l.fr {
		return frPrinter
	}
	return enPrinter
}

var (
	cat                  = newCatalog()
	enPrinter, frPrinter = newPrinters()
)

func newPrinters() (en, fr *message.Printer) {
	return message.NewPrinter(language.English, message.Catalog(cat)), message.NewPrinter(language.French, message.Catalog(cat))
}

func newCatalog() *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for en, fr := range french {
		msgs, err := withPlurals(frenchSpaces.Replace(fr))
		if err == nil {
			err = b.Set(language.French, en, msgs...)
		}
		if err != nil {
			panic(fmt.Sprintf("lang: French catalogue: %q: %v", en, err)) // a programming error, caught by the tests
		}
	}
	return b
}

// pluralWord is a word that agrees with the count before it, as a translation writes it:
// {singular|plural} ("%d {ligne lue|lignes lues}").
var pluralWord = regexp.MustCompile(`\{([^{}|]*)\|([^{}|]*)\}`)

// withPlurals makes a translation's {singular|plural} words a plural selection on the count
// that comes before each (the last %d before it: "%d {problème|problèmes} (%s) non
// {listé|listés}" agrees both with the count), by the language's plural rules: in French, 0 and
// 1 take the singular. A word with no %d before it is a mistake of the catalogue.
func withPlurals(msg string) ([]catalog.Message, error) {
	var (
		vars []catalog.Message
		out  strings.Builder
		last int
	)
	for i, m := range pluralWord.FindAllStringSubmatchIndex(msg, -1) {
		arg, n := 0, 0
		for _, v := range fmtVerb.FindAllString(msg[:m[0]], -1) {
			if v == "%%" {
				continue
			}
			if n++; strings.HasSuffix(v, "d") {
				arg = n
			}
		}
		if arg == 0 {
			return nil, fmt.Errorf("%q has no count (%%d) before it", msg[m[0]:m[1]])
		}
		name := fmt.Sprintf("plural%d", i)
		vars = append(vars, catalog.Var(name, plural.Selectf(arg, "%d", plural.One, msg[m[2]:m[3]], plural.Other, msg[m[4]:m[5]])))
		out.WriteString(msg[last:m[0]] + "${" + name + "}")
		last = m[1]
	}
	out.WriteString(msg[last:])
	if len(vars) == 0 {
		return []catalog.Message{catalog.String(msg)}, nil
	}
	// The message is printed in parts, around its plural words; with an argument index on
	// every verb, the printer does not take the arguments a part leaves for the next as extra.
	n := 0
	indexed := fmtVerb.ReplaceAllStringFunc(out.String(), func(v string) string {
		if v == "%%" {
			return v
		}
		n++
		return fmt.Sprintf("%s[%d]%s", v[:len(v)-1], n, v[len(v)-1:])
	})
	return append(vars, catalog.String(indexed)), nil
}

// fmtVerb finds a fmt verb, or a literal %%.
var fmtVerb = regexp.MustCompile(`%%|%[-+# 0]*[0-9]*(?:\.[0-9]*)?[a-zA-Z]`)

// frenchSpaces puts the no-break spaces French typography wants before : ; ! ? into the
// catalogue's translations, which are written with plain spaces to be easy to read and edit.
var frenchSpaces = strings.NewReplacer(" :", "\u00a0:", " ;", "\u202f;", " !", "\u202f!", " ?", "\u202f?")

// T translates key, English text that may hold fmt verbs, and formats it with args as the
// language writes them: integers are grouped (12 500 in French), so a year goes in as Year.
func (l Lang) T(key string, args ...any) string {
	return l.fix(l.printer().Sprintf(key, args...))
}

// Has reports whether key has a translation in l: always in English, the language of the
// keys; in French when the catalogue holds it. Text that may not be a key (cobra's own help)
// is translated only when it is one.
func (l Lang) Has(key string) bool {
	if !l.fr {
		return true
	}
	_, ok := french[key]
	return ok
}

// Key marks s as a catalogue key translated elsewhere with T; it returns s unchanged.
func Key(s string) string { return s }

// Year is a year, written without grouping in every language (2030, never 2 030).
type Year int

// Format writes the year's digits.
func (y Year) Format(f fmt.State, _ rune) { fmt.Fprintf(f, "%d", int(y)) }

// Plain is a count written without grouping in every language, as the command output's
// summary lines write them for the programs that read them ("Rows: 1006 read").
type Plain int

// Format writes the count's digits.
func (n Plain) Format(f fmt.State, _ rune) { fmt.Fprintf(f, "%d", int(n)) }

// PluralForm is the count's plural form in language t, for the words that agree with it.
func (n Plain) PluralForm(t language.Tag, _ int) (plural.Form, int) {
	v := int(n)
	if v < 0 {
		v = -v
	}
	return plural.Cardinal.MatchPlural(t, v, 0, 0, 0, 0), int(n)
}

// Count is n for a sentence people read, as a %d argument of T: grouped in French (1 217),
// the digits alone in English (1217), as footprint's English lines have always written their
// counts. A French word after it agrees with it.
func (l Lang) Count(n int) any {
	if l.fr {
		return n
	}
	return Plain(n)
}

// Num writes v with digits decimals (fewer when trailing digits are zero is not done: the
// figure keeps its precision), grouped as the language groups thousands.
func (l Lang) Num(v float64, digits int) string {
	return l.fix(l.printer().Sprint(number.Decimal(v, number.Scale(digits))))
}

// Tonnes writes tCO2e as every text output does: one decimal, grouped.
func (l Lang) Tonnes(v float64) string { return l.Num(v, 1) }

// Int writes n grouped as the language groups thousands.
func (l Lang) Int(n int) string {
	return l.fix(l.printer().Sprint(number.Decimal(n)))
}

// Pct writes v, a percentage already multiplied by 100, with digits decimals and the sign
// as the language writes it: 12.5% in English, 12,5 % in French.
func (l Lang) Pct(v float64, digits int) string {
	if l.fr {
		return l.Num(v, digits) + "\u202f%"
	}
	return l.Num(v, digits) + "%"
}

// fix writes French thousands with a narrow no-break space, as French typography and the
// current CLDR do (the catalogue's data gives a no-break space).
func (l Lang) fix(s string) string {
	if l.fr {
		return strings.ReplaceAll(s, "\u00a0", "\u202f")
	}
	return s
}

// englishNumber finds a number as the English outputs write it, grouped by commas with a
// point before its decimals (19,165.2; 0.5; −1,250), not inside a word or an id (V23.6,
// fr.electricity.grid, 7_400_4000): what Localize rewrites.
var englishNumber = regexp.MustCompile(`(^|[^\p{L}\p{N}_.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)($|[^\p{L}\p{N}_]|[.,](?:$|\s))`)

// Localize rewrites the numbers of s, text written with English number formats by code that
// formats figures before their language is known, as the language writes them: 19 165,2 in
// French (a narrow no-break space between thousands), unchanged in English. A percent sign
// after a number gets its French space. A number that is part of a name is left as written:
// after a word and a hyphen (a config value such as sbti-1.5) or after a word in capitals
// (a licence or version, CC BY 4.0, CC0 1.0, Etalab 2.0): localized, it would no longer be
// the value a user copies. Text that quotes such values is best written in its language
// where it is built, and not passed here.
func (l Lang) Localize(s string) string {
	if !l.fr || !strings.ContainsAny(s, "0123456789") {
		return s
	}
	var out strings.Builder
	last := 0
	for _, m := range englishNumber.FindAllStringSubmatchIndex(s, -1) {
		if inName(s, m[4]) {
			continue
		}
		n := strings.NewReplacer(",", "\u202f", ".", ",").Replace(s[m[4]:m[5]])
		out.WriteString(s[last:m[4]] + n)
		last = m[5]
	}
	out.WriteString(s[last:])
	return out.String()
}

// inName reports whether the number that starts at i in s is part of a name: it follows a
// letter and a hyphen (sbti-1.5), or a space after a word of two capitals or more (CC BY 4.0)
// or a licence's name (CC0 1.0, Etalab 2.0). A figure after a name with digits (AR6, CO2) is
// localized.
func inName(s string, i int) bool {
	before := s[:i]
	if w, ok := strings.CutSuffix(before, "-"); ok {
		r, _ := utf8.DecodeLastRuneInString(w)
		return unicode.IsLetter(r)
	}
	w, ok := strings.CutSuffix(before, " ")
	if !ok {
		return false
	}
	if j := strings.LastIndexAny(w, " (/"); j >= 0 {
		w = w[j+1:]
	}
	switch w {
	case "Etalab", "ODbL", "CC0", "version", "Version":
		return true
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return len(w) >= 2
}
