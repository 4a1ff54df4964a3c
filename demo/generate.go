// Package demo holds the illustrative demo workbook footprint-demo.xlsx: a year-by-year
// activity record (2019–2025) of a former car assembly plant turned into a circular-economy
// site. The numbers are invented but plausible; they are not the real site's data. The
// workbook is generated, byte for byte reproducibly, by the program in ./gen; README.md lists
// every assumption. Run `go generate ./demo` after changing ./gen.
package demo

//go:generate go run ./gen -out footprint-demo.xlsx
