// Package excel owns the annual Excel export (docs/user-guide.md#the-excel-export): its sheets,
// layout, styles and charts, and the fast writer of the Lines sheets.
//
// It computes no figure (they come from reports.Report); the deterministic package writer and
// the deflate are internal/xlsxwrite's.
package excel
