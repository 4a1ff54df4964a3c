// Package jsondoc writes the JSON documents footprint prints: the `calc --json` document
// (docs/json.md), built from a reports.Report, and the factor list of `factors list --json`.
//
// It owns the documents' shape, their field names and which figures are null or left out; it
// computes no figure (they come from reports.Report) and prints no text table.
package jsondoc
