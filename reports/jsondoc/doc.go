// Package jsondoc owns the JSON footprint prints: the `calc --json` document (docs/json.md),
// its shape and field names, and the factor list of `factors list --json`.
//
// It computes no figure (they come from reports.Report) and prints no table.
package jsondoc
