// Package footprint carries the demo the binary runs when no config.yaml is found and no
// input is named: the demo's configuration and the illustrative workbook it points at, so
// `footprint calc` works anywhere out of the box. (The built-in defaults a run with --input
// takes live in config/.) The code lives in cmd/, emissions/, factors/ and reports/.
package footprint

import "embed"

// Builtin holds config.yaml and the demo workbook, at the paths config.yaml names.
//
//go:embed config.yaml demo/footprint-demo.xlsx
var Builtin embed.FS
