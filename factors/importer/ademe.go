package importer

import "errors"

// ADEME imports an official Base Carbone export: the CSV as published (';'-separated,
// Windows-1252 or UTF-8) or the xlsx.
func ADEME(path string, opt Options) (Result, error) {
	return Result{}, errors.New("ADEME import: not built yet")
}
