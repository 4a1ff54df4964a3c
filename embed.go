// Package footprint carries what the binary needs when no config.yaml is found: the default
// configuration and the illustrative demo workbook it points at, so `footprint calc` works
// anywhere out of the box. The code lives in cmd/, emissions/, factors/ and reports/.
package footprint

import "embed"

// Builtin holds config.yaml and the demo workbook, at the paths config.yaml names.
//
//go:embed config.yaml demo/footprint-demo.xlsx
var Builtin embed.FS
