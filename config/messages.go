package config

import (
	"fmt"
	"reflect"

	"github.com/footprint/footprint/lang"
)

// The configuration's errors are written in the run's language. The numbers they quote are
// the file's, written as the file writes them (2030, 0.5, 1e+300) in every language: the
// catalogue's printer would group a year (2 030) and write a large number in its own way.

// tr translates format through the catalogue and formats it with args, numbers kept as
// written and a bound in l's words.
func tr(l lang.Lang, format string, args ...any) string {
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = a
		if b, ok := a.(bound); ok {
			out[i] = b.text(l)
			continue
		}
		switch reflect.ValueOf(a).Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8,
			reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
			out[i] = asWritten{a}
		}
	}
	return l.T(format, out...)
}

// asWritten is a number formatted by fmt, as the English messages always wrote it.
type asWritten struct{ v any }

// Format writes the number as fmt does with the same verb and flags.
func (n asWritten) Format(f fmt.State, verb rune) { fmt.Fprintf(f, fmt.FormatString(f, verb), n.v) }

// earlyLang is the language of an error found before the configuration is decoded (a file
// that cannot be read, a key it does not have): the --lang flag's, else FOOTPRINT_LANGUAGE's,
// else English.
func earlyLang(opts Options, env func(string) (string, bool)) lang.Lang {
	if s, ok := opts.Overrides["language"].(string); ok && s != "" {
		l, _ := lang.Parse(s)
		return l
	}
	if s, ok := env("FOOTPRINT_LANGUAGE"); ok {
		l, _ := lang.Parse(s)
		return l
	}
	return lang.English
}
