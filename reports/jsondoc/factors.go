package jsondoc

import (
	"encoding/json"
	"io"

	"github.com/footprint/footprint/factors"
)

// WriteFactors writes factors as an indented JSON array, [] when there are none.
func WriteFactors(w io.Writer, fs []factors.Factor) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if fs == nil {
		return enc.Encode([]any{})
	}
	return enc.Encode(fs)
}

// diffChange is one changed field in `factors diff --json`; weighedChange adds, with
// --used-by, the tCO2e the change moves (null for a field that moves no figure).
type diffChange struct {
	ID        string   `json:"id"`
	Year      int      `json:"year"`
	Field     string   `json:"field"`
	Old       any      `json:"old"`
	New       any      `json:"new"`
	ChangePct *float64 `json:"change_pct"`
}

type weighedChange struct {
	diffChange
	TCO2eMoved *float64 `json:"tco2e_moved"`
}

// WriteFactorDiff writes `factors diff --json`: {"changed", "added", "archived"} (json.md);
// weighed says the changes carry tco2e_moved (--used-by).
func WriteFactorDiff(w io.Writer, d factors.Diff, weighed bool) error {
	changed := make([]any, len(d.Changed))
	for i, c := range d.Changed {
		dc := diffChange{c.ID, c.Year, c.Field, c.Old, c.New, c.ChangePct}
		if weighed {
			changed[i] = weighedChange{dc, c.TCO2eMoved}
		} else {
			changed[i] = dc
		}
	}
	orEmpty := func(fs []factors.Factor) []factors.Factor {
		if fs == nil {
			return []factors.Factor{}
		}
		return fs
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Changed  []any            `json:"changed"`
		Added    []factors.Factor `json:"added"`
		Archived []factors.Factor `json:"archived"`
	}{changed, orEmpty(d.Added), orEmpty(d.Archived)})
}
