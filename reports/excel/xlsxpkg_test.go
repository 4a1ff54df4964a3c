package excel

import (
	"io"

	"github.com/footprint/footprint/reports"
)

// WriteExportByExcelize builds the export as Write does and saves it with excelize's own
// zip writer instead of xlsxwrite.PackageWriter, the Lines sheets' rows written by excelize's
// StreamWriter instead of lineRows: the oracle TestPackageWriterMatchesExcelize compares
// xlsxwrite.PackageWriter and lineRows with (STYLE: a hand-written replacement keeps the library as
// oracle).
func WriteExportByExcelize(w io.Writer, e reports.Report) error {
	x, err := newExporter(e)
	if err != nil {
		return err
	}
	x.opts.streamWriterLines = writeLinesStreamWriter
	defer x.f.Close()
	if err := x.build(); err != nil {
		return err
	}
	_, err = x.f.WriteTo(w)
	return err
}
