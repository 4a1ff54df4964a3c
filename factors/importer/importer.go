// Package importer turns a published release of an emission-factor dataset (ADEME Base
// Carbone, UK DESNZ conversion factors) or a supplier's product footprints (WBCSD PACT) into
// factors that a factor file holds (config factors.files). Dataset releases go through
// factors/mapping, the one mapping the built-in library is generated with, so a release
// imported at run time gives the same factor under the same id as the built-in one; rows the
// library does not map get ids of their own (ademe.<element id>, desnz.<ID or path slug>,
// pact.<productId>).
//
// Readers stream their file and bound what they accept: a problem is an error naming the file
// and its line (or, in JSON, the path of the value).
package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/lang"
)

// Sources an import reads, as `factors import` names them.
const (
	SourceADEME = "ademe"
	SourceDESNZ = "desnz"
	SourcePACT  = "pact"
)

// MaxFileBytes bounds the size of a file an import reads. The full Base Carbone export, the
// largest a team imports, is about 20 MB; a file far beyond it is the wrong file.
const MaxFileBytes = 256 << 20

// Options are what the user tells an import about the release; zero values take what the file
// states, else the defaults of each field.
type Options struct {
	// Version names the release ("V23.6", "2025 v1.0"); default: the version the file states,
	// else the one in its name.
	Version string
	// Published is the year the release was published; default: the year the file states,
	// else the current year (Now's).
	Published int
	// Now is the clock for the default Published; nil is time.Now.
	Now func() time.Time
}

func (o Options) year() int {
	if o.Now != nil {
		return o.Now().Year()
	}
	return time.Now().Year()
}

// Result is an imported release: its factors, and what of the file gave none.
type Result struct {
	Source    string // SourceADEME, SourceDESNZ or SourcePACT
	Version   string
	Published int
	Factors   []factors.Factor
	// Skipped counts the rows or documents of the file that give no factor, by reason, so
	// that the command can say what the import leaves out.
	Skipped []Skip
}

// Skip is one reason rows of an imported file give no factor.
type Skip struct {
	Reason  string // in English, e.g. "elements of status Archivé", "rows without a value"
	Count   int
	Example string // the first such row's place, in English, e.g. "line 1234"
	// reason and example are Reason and Example as messages, for ReasonIn and ExampleIn.
	reason, example Text
}

// newSkip is a Skip of count rows, its texts in English from reason and example. reason's
// key starts with the count ("%d rows without a value"), so that a language's words agree
// with it; Reason is the English without it.
func newSkip(reason, example Text, count int) Skip {
	return Skip{Reason: reason.uncounted(), Count: count, Example: example.In(lang.English), reason: reason, example: example}
}

// uncounted is a skip's reason in English without its count, as Skip.Reason holds it.
func (t Text) uncounted() string {
	return Text{Key: strings.TrimPrefix(t.Key, "%d "), Args: t.Args}.In(lang.English)
}

// CountedIn is the count and the reason in l ("12 rows without a value"): grouped as French
// groups thousands, as digits in English.
func (s Skip) CountedIn(l lang.Lang) string {
	return Text{Key: s.reason.Key, Args: append([]any{l.Count(s.Count)}, s.reason.Args...)}.In(l)
}

// ExampleIn is the first such row's place in l, "" when there is none.
func (s Skip) ExampleIn(l lang.Lang) string { return s.example.In(l) }

// Text is a message of an import, translated when it is printed: a catalogue key, English
// text marked with lang.Key, and its args; an arg that is a Text is translated too. A line
// number goes in as lang.Plain, so that no language groups its digits.
type Text struct {
	Key  string
	Args []any
}

// text is the message key with args.
func text(key string, args ...any) Text { return Text{Key: key, Args: args} }

// verbatim is s as it is in every language: an id, a JSON path, an error of the reader.
func verbatim(s string) Text { return Text{Key: "%s", Args: []any{s}} }

// In writes the message in l; English is formatted as fmt formats it.
func (t Text) In(l lang.Lang) string {
	if t.Key == "" {
		return ""
	}
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		if x, ok := a.(Text); ok {
			a = x.In(l)
		}
		args[i] = a
	}
	if !l.IsFrench() {
		return fmt.Sprintf(t.Key, args...)
	}
	return l.T(t.Key, args...)
}

// FileName is the default name of the factor file a result is written to:
// <source>-<version>.yaml, the version made safe for a file name.
func (r Result) FileName() string {
	v := strings.Trim(unsafeName.ReplaceAllString(r.Version, "-"), "-.")
	if v == "" {
		v = "import"
	}
	return r.Source + "-" + v + ".yaml"
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// open opens a file an import reads and checks its size.
func open(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if st.IsDir() {
		f.Close()
		return nil, &Error{text(lang.Key("%s is a folder: give the file"), path)}
	}
	if st.Size() > MaxFileBytes {
		f.Close()
		return nil, &Error{text(lang.Key("%s is %s; footprint imports files up to %d MiB (the full Base Carbone is about 20 MB): is it the right file?"),
			path, sizeText(st.Size()), lang.Plain(MaxFileBytes>>20))}
	}
	return f, nil
}

// Error is an error of an import as a message, in English as Error, in a language with In.
type Error struct{ Text }

func (e *Error) Error() string { return e.In(lang.English) }

func sizeText(n int64) Text {
	switch {
	case n >= 1<<30:
		return text(lang.Key("%.1f GiB"), float64(n)/(1<<30))
	case n >= 1<<20:
		return text(lang.Key("%.1f MiB"), float64(n)/(1<<20))
	}
	return text(lang.Key("%d bytes"), lang.Plain(int(n)))
}

// versionInName finds a release version in a file's name with re (its first group), "" when
// there is none.
func versionInName(path string, re *regexp.Regexp) string {
	if m := re.FindStringSubmatch(filepath.Base(path)); m != nil {
		return m[1]
	}
	return ""
}
