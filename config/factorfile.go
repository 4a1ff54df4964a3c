package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/lang"
	"go.yaml.in/yaml/v3"
)

// A factor file is a YAML list of factor entries in the schema of factors.custom (CustomFactor),
// read at run time: the files of factors.files add vintages and versions to the library's ids
// and never remove any. Entries are checked exactly as factors.custom's are; a message names
// the file, the line where it can, the entry's index and id, and the key.

// FactorDataset is the Dataset of a factor read from a factor file; its File names the file.
const FactorDataset = "factor file"

// ReadFactorFile reads and checks one factor file. name is how messages name it. Every
// problem found is returned, joined.
func ReadFactorFile(name string, r io.Reader) ([]factors.Factor, error) {
	return readFactorFile(name, r, lang.English)
}

// readFactorFile is ReadFactorFile with its messages in l.
func readFactorFile(name string, r io.Reader, l lang.Lang) ([]factors.Factor, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFactorFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > MaxFactorFileBytes {
		return nil, errors.New(l.T("%s: %s", name, tr(l, lang.Key("is larger than %d MiB; a factor file of the whole Base Carbone is about 10 MiB: is it the right file?"), MaxFactorFileBytes>>20)))
	}
	if err := checkFormat(data, l); err != nil {
		return nil, fmt.Errorf("%s%w", l.T("%s: line 1: ", name), err)
	}
	listType := reflect.TypeOf([]CustomFactor{})
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var cfs []CustomFactor
	if err := dec.Decode(&cfs); err != nil && !errors.Is(err, io.EOF) {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			errs := make([]error, len(te.Errors))
			for i, e := range te.Errors {
				errs[i] = errors.New(l.T("%s: %s", name, explainYAML(l, data, strings.TrimPrefix(e, "yaml: "), listType)))
			}
			return nil, errors.Join(errs...)
		}
		return nil, errors.New(l.T("%s: %s", name, l.T("%s (a factor file is a YAML list of factor entries, each starting with \"- id:\")", strings.TrimPrefix(err.Error(), "yaml: "))))
	}
	var errs []error
	entry := func(i int, k string) string {
		at := tr(l, lang.Key("entry %d (id %q)"), i, cfs[i].ID)
		if k != "" {
			at = l.T("%s: %s", at, k)
		}
		return at
	}
	checkBounds(reflect.ValueOf(cfs), "factors.custom", keyLines(data, listType), func(key string, line int, v float64, b bound) {
		i, k := 0, key
		fmt.Sscanf(key, "[%d]", &i)
		if _, rest, ok := strings.Cut(key, "]."); ok {
			k = rest
		}
		at := entry(i, k)
		if line > 0 {
			at = tr(l, lang.Key("line %d: %s"), line, at)
		}
		errs = append(errs, errors.New(l.T("%s: %s: %s", name, at, tr(l, lang.Key("%v is out of range: want %s"), v, b))))
	})
	checkFactorEntries(cfs, entry, l, func(key, format string, args ...any) {
		errs = append(errs, errors.New(l.T("%s: %s: %s", name, key, tr(l, format, args...))))
	})
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	out := make([]factors.Factor, 0, len(cfs))
	for _, cf := range cfs {
		f, _ := cf.Factor() // checked above
		f.File = name
		if f.Dataset == "" {
			f.Dataset = FactorDataset
		}
		out = append(out, f)
	}
	return out, nil
}

// MaxFactorFileBytes bounds the size of a factor file.
const MaxFactorFileBytes = 128 << 20

// factorFileFormat is the version of the factor file format this build writes and reads. A file
// states it in its first line, "# footprint factor file, format N"; a file without that line
// (written by hand) is taken as this format.
const factorFileFormat = 1

const formatPrefix = "# footprint factor file, format "

// WriteFactorFileHeader writes the first line of a factor file, which states its format, and
// what follows it on that line (where the factors come from).
func WriteFactorFileHeader(w io.Writer, about string) error {
	line := fmt.Sprintf("%s%d", formatPrefix, factorFileFormat)
	if about = strings.TrimSpace(strings.ReplaceAll(about, "\n", " ")); about != "" {
		line += ": " + about
	}
	_, err := fmt.Fprintln(w, line)
	return err
}

// checkFormat refuses a file written in a later format than this build reads.
func checkFormat(data []byte, l lang.Lang) error {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	rest, ok := bytes.CutPrefix(bytes.TrimSpace(first), []byte(formatPrefix))
	if !ok {
		return nil
	}
	digits := rest
	if i := bytes.IndexFunc(rest, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
		digits = rest[:i]
	}
	n, err := strconv.Atoi(string(digits))
	if err != nil {
		return errors.New(tr(l, lang.Key("%q does not state a format number"), first))
	}
	if n > factorFileFormat {
		return errors.New(tr(l, lang.Key("written in factor file format %d, by a later footprint; this one reads format %d: update footprint"), n, factorFileFormat))
	}
	return nil
}

// readFactorFiles reads the files of factors.files, resolved against the config's folder; a
// file that cannot be read or holds a bad entry is a configuration error naming the file.
func (c *Config) readFactorFiles(name string) []error {
	var errs []error
	l := c.Lang()
	c.Factors.files = nil
	for i, p := range c.Factors.Files {
		if strings.TrimSpace(p) == "" {
			errs = append(errs, errors.New(l.T("%s: %s: %s", name, fmt.Sprintf("factors.files[%d]", i), l.T("is empty: give the path of a factor file"))))
			continue
		}
		path := p
		if !filepath.IsAbs(p) && c.Dir != "" {
			path = filepath.Join(c.Dir, p)
		}
		fh, err := os.Open(path)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s%w", l.T("%s: factors.files[%d]: factor file %s: ", name, lang.Plain(i), path), unwrapPathError(err)))
			continue
		}
		fs, err := readFactorFile(path, fh, l)
		fh.Close()
		if err != nil {
			errs = append(errs, err)
			continue
		}
		c.Factors.files = append(c.Factors.files, fs...)
	}
	return errs
}

// FileFactors returns the factors of the factor files, read and checked by Load, in the order
// of factors.files.
func (c *Config) FileFactors() []factors.Factor {
	return append([]factors.Factor(nil), c.Factors.files...)
}

// WriteFactorFile writes fs as a factor file, which ReadFactorFile reads back to the same
// values: what the format holds of a factor (id, name, value and upstream, unit, scope and
// category, kind, year and data year, GWP basis and split by gas, carrier, source, version,
// published, source row, dataset and licence, region, uncertainty, biogenic CO2, PCS/PCI, energy and BEGES poste).
func WriteFactorFile(w io.Writer, fs []factors.Factor) error {
	cfs := make([]CustomFactor, len(fs))
	for i, f := range fs {
		v := f.Value
		cf := CustomFactor{
			ID: f.ID, Name: f.Name, Value: &v, Unit: f.Unit, Upstream: f.Upstream, Scope: f.Scope, Category: f.Category,
			Kind: string(f.Kind), Year: f.Year, Source: f.Source, Region: f.Region, UncertaintyPct: f.UncertaintyPct,
			BiogenicCO2: f.BiogenicCO2, PCSPerPCI: f.PCSPerPCI, DataYear: f.DataYear, GWP: f.GWP, Carrier: f.Carrier,
			Version: f.Version, Published: f.Published, SourceRow: f.SourceID,
			EnergyMWh: f.EnergyMWh, EnergyClass: f.EnergyClass, BegesPoste: f.BegesPoste,
			Dataset: f.Dataset, License: f.License, NameFR: f.NameFR, Tags: f.Tags, UpstreamGWP: f.UpstreamGWP, SpendBased: f.SpendBased, Primary: f.Primary,
		}
		if cf.Name == cf.ID {
			cf.Name = ""
		}
		if cf.Kind == string(factors.KindEmission) {
			cf.Kind = ""
		}
		if g := f.Gases; g != nil {
			cf.Gases = &GasesConf{CO2: g.CO2, CH4: g.CH4, CH4Fossil: g.CH4Fossil, CH4Biogenic: g.CH4Biogenic, N2O: g.N2O,
				HFC: g.HFC, PFC: g.PFC, SF6: g.SF6, NF3: g.NF3, Other: g.Other}
		}
		cfs[i] = cf
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(cfs); err != nil {
		return err
	}
	return enc.Close()
}
