package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/footprint/footprint/config"
	"github.com/footprint/footprint/factors/importer"
	"github.com/footprint/footprint/internal/atomicfile"
	"github.com/footprint/footprint/lang"
	"github.com/spf13/cobra"
)

type factorsImportOptions struct {
	*rootOptions
	ademe, desnz, pact string
	version            string
	published          int
	out                string
	force              bool
	now                func() time.Time
}

func newCmdFactorsImport(root *rootOptions, runF func(*factorsImportOptions) error) *cobra.Command {
	opts := &factorsImportOptions{rootOptions: root, now: time.Now}
	cmd := &cobra.Command{
		Use:   "import (--ademe FILE | --desnz FILE | --pact FILE)",
		Short: lang.Key("Write a factor file from a published release (ADEME Base Carbone, DESNZ) or supplier product footprints (PACT)"),
		Long: lang.Key("Reads one release as its publisher ships it and writes its factors to a factor file, which config\n" +
			"factors.files then lists. Factors the built-in library maps keep their built-in ids; others get\n" +
			"ademe.<element id>, desnz.<ID> or pact.<productId>. Each factor keeps its source row, GWP basis,\n" +
			"split by gas, data year and the release's version and publication year, so --restate can use it."),
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runF(opts) },
	}
	f := cmd.Flags()
	f.StringVar(&opts.ademe, "ademe", "", lang.Key("ADEME Base Carbone export: the CSV as published (';', Windows-1252 or UTF-8) or the xlsx"))
	f.StringVar(&opts.desnz, "desnz", "", lang.Key(`DESNZ conversion factors flat file: the xlsx, or its "Factors by Category" sheet saved as CSV`))
	f.StringVar(&opts.pact, "pact", "", lang.Key("WBCSD PACT ProductFootprint JSON (v2 or v3): one footprint, a list response or an event"))
	f.StringVar(&opts.version, "version", "", lang.Key("release version (default: what the file states, else the version in its name)"))
	f.IntVar(&opts.published, "published", 0, lang.Key("year the release was published (default: what the file states, else the current year)"))
	f.StringVar(&opts.out, "out", "", lang.Key("factor file to write (default factors/<source>-<version>.yaml beside the config)"))
	f.BoolVar(&opts.force, "force", false, lang.Key("replace the --out file if it exists"))
	cmd.MarkFlagsOneRequired("ademe", "desnz", "pact")
	cmd.MarkFlagsMutuallyExclusive("ademe", "desnz", "pact")
	return cmd
}

func runFactorsImport(opts *factorsImportOptions) error {
	l := opts.runLang(nil)
	if opts.published != 0 && (opts.published < 1990 || opts.published > opts.now().Year()+1) {
		return problemsf("%s", l.T("--published %d: give the year the release was published, 1990–%d", lang.Plain(opts.published), lang.Year(opts.now().Year()+1)))
	}
	iopt := importer.Options{Version: strings.TrimSpace(opts.version), Published: opts.published, Now: opts.now}
	if os.Getenv("GOMEMLIMIT") == "" {
		// The xlsx reader leaves much short-lived garbage: a soft limit keeps the peak near
		// what the import holds (docs/performance.md).
		debug.SetMemoryLimit(importMemoryLimit)
	}
	var (
		res importer.Result
		err error
		in  string
	)
	switch {
	case opts.ademe != "":
		in = opts.ademe
		res, err = importer.ADEME(in, iopt)
	case opts.desnz != "":
		in = opts.desnz
		res, err = importer.DESNZ(in, iopt)
	default:
		in = opts.pact
		res, err = importer.PACT(in, iopt)
	}
	if err != nil {
		return problems(importError(l, in, err))
	}
	if len(res.Factors) == 0 {
		if s := skippedText(l, res.Skipped); s != "" {
			return problemsf("%s", l.T("%s: no factor to import:", in)+s)
		}
		return problemsf("%s", l.T("%s: no factor to import", in))
	}
	out := opts.out
	if out == "" {
		out = filepath.Join(configDir(opts.config), "factors", res.FileName())
	}
	if _, err := os.Stat(out); err == nil && !opts.force {
		return problemsf("%s", l.T("%s exists: give another --out, or --force to replace it", out))
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return problemsf("%v", err)
	}
	err = atomicfile.Write(out, func(w io.Writer) error {
		if err := config.WriteFactorFileHeader(w, fmt.Sprintf("%s %s, published %d, imported %s from %s",
			res.Source, res.Version, res.Published, opts.now().Format("2006-01-02"), filepath.Base(in))); err != nil {
			return err
		}
		return config.WriteFactorFile(w, res.Factors)
	})
	if err != nil {
		return problemsf("%s: %v", out, err)
	}
	fmt.Fprintln(opts.env.Stdout, l.T("wrote %d factors of %s %s (published %d) to %s", l.Count(len(res.Factors)), sourceName(l, res.Source), res.Version, lang.Year(res.Published), out))
	if s := skippedText(l, res.Skipped); s != "" {
		fmt.Fprintln(opts.env.Stdout, l.T("left out:")+s)
	}
	fmt.Fprintln(opts.env.Stdout, l.T("to use it, list it in config.yaml:"))
	fmt.Fprintf(opts.env.Stdout, "  factors:\n    files:\n      - %s\n", relToConfig(opts.config, out))
	return nil
}

// importError is err, an import's error reading the file in, in l: the system's refusal to
// open or read it (its reason as the system gives it) and the import's own errors about the
// file. English keeps the errors' own text.
func importError(l lang.Lang, in string, err error) error {
	if !l.IsFrench() {
		return err
	}
	var (
		pe *fs.PathError
		ie *importer.Error
	)
	switch {
	case errors.As(err, &pe) && pe.Path == in && err.Error() == pe.Error():
		if pe.Op == "open" {
			return errors.New(l.T("cannot open %s: %v", in, pe.Err))
		}
		return errors.New(l.T("cannot read %s: %v", in, pe.Err))
	case errors.As(err, &ie) && err.Error() == ie.Error():
		return errors.New(ie.In(l))
	}
	return err
}

// sourceName is an import's source (importer.SourceADEME…) as a sentence in l names it: the
// publisher's acronym in French (ADEME, DESNZ, PACT); English keeps the lower-case name it
// has always written, which is also the factor file's prefix.
func sourceName(l lang.Lang, src string) string {
	if l.IsFrench() {
		return strings.ToUpper(src)
	}
	return src
}

// importMemoryLimit is the soft memory limit of an import: the full Base Carbone holds about
// 60 MiB at its peak.
const importMemoryLimit = 128 << 20

// skippedText says in l what of an imported file gave no factor, one reason per line
// ("\n  - 12 elements of status Archivé (first at line 40)\n  - …"), or "" when everything
// was imported.
func skippedText(l lang.Lang, sk []importer.Skip) string {
	var b strings.Builder
	for _, s := range sk {
		b.WriteString("\n  - " + s.CountedIn(l))
		if ex := s.ExampleIn(l); ex != "" {
			b.WriteString(l.T(" (first at %s)", ex))
		}
	}
	return b.String()
}

// configDir is the folder of the config file (--config, else ./config.yaml).
func configDir(path string) string {
	if path == "" {
		return "."
	}
	return filepath.Dir(path)
}

// relToConfig is path as config factors.files would list it: relative to the config's folder
// when it lies under it.
func relToConfig(configPath, path string) string {
	dir, _ := filepath.Abs(configDir(configPath))
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if rel, err := filepath.Rel(dir, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return abs
}
