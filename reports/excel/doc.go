// Package excel writes the annual Excel export (docs/user-guide.md#the-excel-export) of a
// reports.Report: Summary with charts, ESRS E1-5, E1-6 and E1-7, BEGES, Breakdown, Trajectory,
// the analyses, every line with its provenance (split over Lines sheets), Factors, Problems.
//
// It owns the sheets, their layout and styles and the fast Lines writer; it computes no figure
// (they come from reports.Report), and the package writer and deflate are internal/xlsxwrite's.
package excel
