// Package xlsxwrite writes .xlsx the way every footprint output does: a deterministic package
// excelize saves through, each part deflated once (on every core for big sheets), cells' XML as
// excelize's StreamWriter writes it, and row heights for wrapped text.
//
// The Excel export (reports) and the input side (workbook: annotate's copy, the template) share
// it; it knows nothing of inventories, and reads no workbook.
package xlsxwrite
