package workbook

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/footprint/footprint/emissions"
)

// A cell or row reference beyond Excel's limits is named as the XML writes it, whichever way
// the workbook is read: excelize and the fast reader both stop there and count another cell.
func TestReferenceBeyondLimitsEveryReader(t *testing.T) {
	readers := []struct {
		name string
		opts Options
	}{
		{"fast", Options{}},
		{"checked", Options{checkedOnly: true}},
		{"checked with excelize", Options{checkedOnly: true, excelizeRows: true}},
	}
	files := []struct{ file, cell string }{
		{"cell-ref-beyond-columns.xlsx", "ZZZZ3"},
		{"cell-ref-beyond-rows.xlsx", "XFD1048577"},
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join("testdata", "broken", f.file))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range readers {
			t.Run(f.file+"/"+r.name, func(t *testing.T) {
				in := &emissions.Input{}
				r.opts.DefaultSite = "Main"
				Read(in, f.file, bytes.NewReader(data), r.opts)
				ps := in.Problems.List()
				if len(ps) != 1 || ps[0].Cell != f.cell || !bytes.Contains([]byte(ps[0].Message), []byte("beyond Excel's limits")) {
					t.Errorf("problems = %v, want one at %s beyond Excel's limits", ps, f.cell)
				}
			})
		}
	}
}
