package importer

import "errors"

// PACT imports WBCSD PACT (Pathfinder) ProductFootprint documents, v2 or v3: a footprint, a
// list response ({"data": [...]}) or an event carrying them.
func PACT(path string, opt Options) (Result, error) {
	return Result{}, errors.New("PACT import: not built yet")
}
