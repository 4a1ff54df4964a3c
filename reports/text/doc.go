// Package text owns what the commands print in a terminal: calc's table and lines CSV,
// validate's problems by place, report's summary, the factor tables, the problem lists.
//
// It computes no figure (they come from reports.Report or the pipeline) and writes no file.
package text
