// Package reports renders what people and programs read from an inventory: the `calc --json`
// document, the text tables of the command line, the HTML report (charts built with go-echarts,
// serialized with encoding/json into the page's own html/template, echarts inlined) and the
// Excel export. It formats; it computes nothing that emissions has not already computed.
// What goes back into the user's own workbook — annotate's copy, the input template — is
// package workbook's.
package reports
