// Package text prints what the commands show in a terminal: calc's inventory table and its
// lines as CSV, validate's problems by place, report's summary, factors' tables, the problems.
//
// It owns the wording and layout of that output; it computes no figure (they come from
// reports.Report or the pipeline's Result) and writes no file.
package text
