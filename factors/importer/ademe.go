package importer

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/footprint/footprint/factors/datasets"
	"github.com/footprint/footprint/factors/mapping"
	"github.com/footprint/footprint/lang"
)

// ADEME imports an official Base Carbone export: the CSV as published (';'-separated,
// Windows-1252 or UTF-8, with or without a byte order mark; the comma-separated UTF-8 subset
// too) or the xlsx. Library ids drawn from ADEME come out with the values the library builds
// from that release; every other valid element the product can use becomes ademe.<element id>
// (factors/mapping decides which, and why the others are left out).
//
// The version is --version, else the one the xlsx sheet or the file name states ("V23.6");
// the publication year is --published, else the year of the latest "Date de modification" in
// the file (a release is published after its last change), else the current year.
func ADEME(path string, opt Options) (Result, error) {
	f, err := open(path)
	if err != nil {
		return Result{}, err
	}
	defer f.Close()
	var magic [8]byte
	n, _ := io.ReadFull(f, magic[:])
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return Result{}, fmt.Errorf("%s: %w", path, err)
	}
	var a *datasets.ADEME
	switch {
	case bytes.HasPrefix(magic[:n], oleMagic):
		return Result{}, fmt.Errorf("%s: an old binary Excel file (.xls): save it as .xlsx or CSV", path)
	case bytes.HasPrefix(magic[:n], zipMagic):
		a, err = datasets.ReadADEMEXLSX(path, f)
	default:
		a, err = datasets.ReadADEMECSV(path, f)
	}
	if err != nil {
		return Result{}, err
	}
	version := opt.Version
	if version == "" {
		version = ademeVersion(a.Sheet)
	}
	if version == "" {
		version = ademeVersion(filepath.Base(path))
	}
	if version == "" {
		return Result{}, fmt.Errorf("%s: neither the file nor its name states the Base Carbone version (e.g. V23.6): give --version", path)
	}
	published := opt.Published
	if published == 0 && !a.Latest.IsZero() {
		published = a.Latest.Year()
	}
	if published == 0 {
		published = opt.year()
	}
	fs, left, err := mapping.ADEMERelease(a, mapping.Release{Version: version, Published: published})
	if err != nil {
		return Result{}, err
	}
	res := Result{Source: SourceADEME, Version: version, Published: published, Factors: fs}
	for _, l := range a.LeftOut {
		res.Skipped = append(res.Skipped, newSkip(text(lang.Key("%d elements of status %s"), l.Status), ademeRow(a, l.FirstLine), l.Elements))
	}
	at := map[string]int{}
	for _, l := range left {
		reason := text(lang.Key("%d elements: %s"), text(l.Reason, l.Args...))
		key := reason.uncounted()
		if i, ok := at[key]; ok {
			res.Skipped[i].Count++
			continue
		}
		at[key] = len(res.Skipped)
		example := verbatim(l.Place)
		if l.Element != "" {
			example = text(lang.Key("element %s, %s"), l.Element, ademeRow(a, l.Line))
		}
		res.Skipped = append(res.Skipped, newSkip(reason, example, 1))
	}
	return res, nil
}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// ademeVersionRe finds the release in a sheet or file name: Base_Carbone_V23.6,
	// base_carbone_v23.6_valid_subset.csv.
	ademeVersionRe = regexp.MustCompile(`(?i)\bV(\d+(?:\.\d+)*)`)
)

// ademeRow names line of the export as datasets.ADEME.Row does: "line 40", or "sheet S row
// 40" for an xlsx.
func ademeRow(a *datasets.ADEME, line int) Text {
	if a.Sheet != "" {
		return text(lang.Key("sheet %q row %d"), a.Sheet, lang.Plain(line))
	}
	return text(lang.Key("line %d"), lang.Plain(line))
}

// ademeVersion is the release a name states, written as ADEME does ("V23.6"); "" for none.
func ademeVersion(name string) string {
	if name == "" {
		return ""
	}
	if m := ademeVersionRe.FindStringSubmatch(strings.ReplaceAll(name, "_", " ")); m != nil {
		return "V" + m[1]
	}
	return ""
}
