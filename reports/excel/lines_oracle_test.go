package excel

import (
	"fmt"
	"io"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/internal/xlsxwrite"
	"github.com/footprint/footprint/reports"
)

// writeLinesStreamWriter is how the Lines sheets were written before they had a writer of
// their own (lineRows): every row through excelize's StreamWriter. It is the oracle of the
// differential tests of lineRows (STYLE: a hand-written replacement keeps the library as
// oracle).
func writeLinesStreamWriter(x *exporter) error {
	cols := x.linesColumns()
	words := x.lineWords()
	vals := make([]any, len(cols))
	n := x.lines.Len()
	for i, sheet := range x.lineSheets {
		from := i * LinesPerSheet
		to := min(from+LinesPerSheet, n)
		t := table{sheet: sheet, noTitle: true, exact: true, cols: cols, rows: to - from}
		err := x.stream(t, func(add func(...any) error) error {
			j := 0
			return x.lines.Each(func(l *emissions.Line) error {
				defer func() { j++ }()
				if j < from || j >= to {
					return nil
				}
				if err := checkLineFinite(l); err != nil {
					return err
				}
				vals[0], vals[1], vals[2] = l.Place.File, l.Place.Sheet, l.Place.Row
				vals[3], vals[4], vals[5], vals[6] = l.Year, blankIfEmpty(l.Site), blankIfEmpty(l.Pole), l.Activity
				vals[7], vals[8], vals[9], vals[10] = l.Quantity, l.Unit, l.Converted, blankIfEmpty(l.FactorUnit)
				vals[11], vals[12], vals[13], vals[14] = blankIfEmpty(l.FactorID), xlsxwrite.NonZero(l.FactorYear), l.FactorValue, blankIfEmpty(reports.SourceIn(x.e.Lang, l.Source))
				vals[15], vals[16], vals[17], vals[18] = l.Scope, xlsxwrite.NonZero(l.Category), blankIfEmpty(words.of(l.Method)), words.of(string(l.Part))
				vals[19], vals[20], vals[21] = l.TCO2e, nil, blankIfEmpty(l.Comment)
				vals[22], vals[23], vals[24], vals[25] = blankIfEmpty(l.Entity), l.Share, l.Gross, blankIfEmpty(words.of(l.DataType))
				if l.BiogenicCO2 != 0 {
					vals[20] = l.BiogenicCO2
				}
				return add(vals...)
			})
		})
		if err != nil {
			return fmt.Errorf("%s: %w", sheet, err)
		}
	}
	return nil
}

// WriteExportStreamWriter writes the export as Write does, the Lines sheets' rows
// through excelize's StreamWriter.
func WriteExportStreamWriter(w io.Writer, e reports.Report) ([]emissions.Problem, error) {
	return writeExport(w, e, exportOptions{streamWriterLines: writeLinesStreamWriter})
}

// WriteExportNoDigest writes the export as Write does, with the first pass over the
// lines even when their source has a digest: the oracle of the digest.
func WriteExportNoDigest(w io.Writer, e reports.Report) ([]emissions.Problem, error) {
	return writeExport(w, e, exportOptions{noDigest: true})
}

// DigestUsed reports whether the export of e would tally its factors from the lines' digest.
func DigestUsed(e reports.Report) bool {
	x := &exporter{e: e, lines: e.Lines}
	return x.digested()
}
