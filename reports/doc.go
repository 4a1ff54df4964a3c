// Package reports owns the view every renderer shares: Report, built once from the pipeline's
// Result by New, its parts, and the labels, formats and checks more than one renderer uses.
//
// It writes no output — html, excel, text and jsondoc do — and computes no figure the pipeline
// has not; what goes back into the user's own workbook is package workbook's.
package reports
