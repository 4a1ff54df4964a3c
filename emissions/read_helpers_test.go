package emissions_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/workbook"
	"github.com/footprint/footprint/workbook/workbooktest"
)

// sheet is a sheet of rows, written from A1.
type sheet struct {
	name string
	rows [][]any
}

var header = workbooktest.Header

func xlsx(t testing.TB, sheets ...sheet) []byte {
	ws := make([]workbooktest.Sheet, len(sheets))
	for i, s := range sheets {
		ws[i] = workbooktest.Sheet{Name: s.name, Rows: s.rows}
	}
	return workbooktest.Build(t, ws...)
}

// run reads workbooks and computes them with the test library.
func run(t testing.TB, opts emissions.Options, files map[string][]byte) (*emissions.Input, *emissions.Inventory) {
	t.Helper()
	in := &emissions.Input{}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	for _, n := range sortStrings(names) {
		workbook.Read(in, n, bytes.NewReader(files[n]), workbook.Options{DefaultSite: "Main", Aliases: workbook.Aliases{workbook.ColYear: {"Année"}, workbook.ColQuantity: {"Quantité"}, workbook.ColActivity: {"Activité"}, workbook.ColUnit: {"Unité"}}})
	}
	if opts.Library == nil {
		opts.Library = workbooktest.Library(t)
	}
	inv := emissions.Calculate(in, opts)
	if inv.Rows.Read != inv.Rows.Used+inv.Rows.Rejected {
		t.Fatalf("rows read %d ≠ used %d + rejected %d", inv.Rows.Read, inv.Rows.Used, inv.Rows.Rejected)
	}
	return in, inv
}

func sortStrings(s []string) []string {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}

func problemText(in *emissions.Input) string {
	var b strings.Builder
	for _, p := range in.Problems.List() {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
}
