package importer

import "errors"

// DESNZ imports a UK DESNZ conversion factors flat file: the xlsx, or its "Factors by Category"
// sheet saved as CSV.
func DESNZ(path string, opt Options) (Result, error) {
	return Result{}, errors.New("DESNZ import: not built yet")
}
