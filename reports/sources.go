package reports

import (
	"sort"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
)

// FactorSource is one factor (or other source of figures) that the inventory's lines used,
// with where it comes from and under which licence.
type FactorSource struct {
	FactorID string // "" for already-computed rows taken from the workbook
	Source   string
	Dataset  string // dataset and version, when the library knows them
	License  string
	// FirstYear and LastYear are the activity years whose lines used it; Lines counts them.
	FirstYear, LastYear int
	Lines               int
}

// FactorSources lists the distinct (factor id, source) pairs of lines, sorted by id then
// source, with the dataset and licence that lib gives for that factor vintage (lib may be nil).
func FactorSources(lines []emissions.Line, lib *factors.Library) []FactorSource {
	type key struct{ id, source string }
	seen := map[key]*FactorSource{}
	for _, l := range lines {
		k := key{l.FactorID, l.Source}
		s := seen[k]
		if s == nil {
			s = &FactorSource{FactorID: l.FactorID, Source: l.Source, FirstYear: l.Year, LastYear: l.Year}
			if lib != nil && l.FactorID != "" {
				s.Dataset, s.License = vintageOrigin(lib.Vintages(l.FactorID), l.Source, l.FactorYear)
			}
			seen[k] = s
		}
		s.Lines += max(l.Rows, 1) // a group of rows counts its rows
		s.FirstYear = min(s.FirstYear, l.Year)
		s.LastYear = max(s.LastYear, l.Year)
	}
	out := make([]FactorSource, 0, len(seen))
	for _, s := range seen {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].FactorID != out[j].FactorID {
			return out[i].FactorID < out[j].FactorID
		}
		return out[i].Source < out[j].Source
	})
	return out
}

// vintageOrigin finds the vintage a line used (same source, else same year) and returns its
// dataset with version, and its licence.
func vintageOrigin(vs []factors.Factor, source string, year int) (dataset, license string) {
	pick := -1
	for i, f := range vs {
		if f.Source == source {
			pick = i
			break
		}
		if pick < 0 && f.Year == year {
			pick = i
		}
	}
	if pick < 0 {
		return "", ""
	}
	f := vs[pick]
	dataset = f.Dataset
	if f.Version != "" {
		if dataset != "" {
			dataset += " "
		}
		dataset += f.Version
	}
	return dataset, f.License
}
