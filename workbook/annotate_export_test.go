package workbook

import (
	"io"

	"github.com/footprint/footprint/emissions"
)

// The annotate writers, for the differential test (annotate_stream_test.go).

// WriteAnnotatedStream is the streamed writer; Fallback says why it gave up, "" if it did not.
func WriteAnnotatedStream(ra io.ReaderAt, size int64, w io.Writer, a Annotation) (Annotated, error) {
	n, err := writeAnnotatedStream(ra, size, w, a)
	if fb, ok := err.(*annotateFallback); ok {
		return Annotated{Fallback: fb.reason}, nil
	}
	return n, err
}

// WriteAnnotatedExcelize is the excelize writer, the oracle, with its count of rows.
func WriteAnnotatedExcelize(src io.Reader, w io.Writer, a Annotation) (Annotated, error) {
	results, err := a.results()
	if err != nil {
		return Annotated{}, err
	}
	return a.count(results), writeAnnotatedExcelize(src, w, a.Sheets, results)
}

var _ = emissions.Place{}
