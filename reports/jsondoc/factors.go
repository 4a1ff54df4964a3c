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
