// Package reports renders what people and programs read from an inventory: the `calc --json`
// document, the text tables of the command line, and (later) the HTML report and the Excel
// export. It formats; it computes nothing that emissions has not already computed.
package reports
