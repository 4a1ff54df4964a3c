package workbook

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
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

func TestUniqueSheetNames(t *testing.T) {
	tests := []struct {
		name     string
		in, want []string
	}{
		{"distinct", []string{"Energy", "Travel"}, []string{"Energy", "Travel"}},
		{"twice", []string{"Energy", "Energy"}, []string{"Energy", "Energy (2)"}},
		{"twice ignoring case", []string{"Energy", "ENERGY", "energy"}, []string{"Energy", "ENERGY (2)", "energy (3)"}},
		{"the new name taken", []string{"Energy", "Energy (2)", "Energy"}, []string{"Energy", "Energy (2)", "Energy (3)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := uniqueSheetNames(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("uniqueSheetNames(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRenameDuplicateSheets(t *testing.T) {
	wb := []byte(`<workbook><sheets><sheet name="R&amp;D" sheetId="1" r:id="rId1"/><sheet name="R&amp;D" sheetId="2" r:id="rId2"/></sheets></workbook>`)
	want := `<workbook><sheets><sheet name="R&amp;D" sheetId="1" r:id="rId1"/><sheet name="R&amp;D (2)" sheetId="2" r:id="rId2"/></sheets></workbook>`
	if got := string(renameDuplicateSheets(wb)); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := renameDuplicateSheets([]byte(`<sheets><sheet name="A" r:id="rId1"/><sheet name="B" r:id="rId2"/></sheets>`)); got != nil {
		t.Errorf("distinct names rewritten: %s", got)
	}
}
